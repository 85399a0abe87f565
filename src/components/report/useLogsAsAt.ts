import * as React from 'react';
import { IProgressUpdate } from '../../model/plan';
import { IPlanDataService } from '../../services/IPlanDataService';
import { errorMessage } from '../format';

export interface ILogsRead {
  /** The logs read so far, by action id. */
  logs: ReadonlyMap<number, readonly IProgressUpdate[]>;
  /** Actions asked for whose logs have not arrived (nor failed). */
  reading: readonly number[];
  /** Why the last read failed, if it did. */
  failure?: string;
}

/**
 * Reads the progress logs of the actions given, once each, through the data service's
 * read-only `readActionLogs`, keeping every log read while the report is open: moving
 * between dates reads only what it has not read. A failed read is not retried for the
 * same actions.
 */
export function useLogsAsAt(dataService: IPlanDataService, actionIds: readonly number[]): ILogsRead {
  const [logs, setLogs] = React.useState<ReadonlyMap<number, readonly IProgressUpdate[]>>(() => new Map());
  const [failed, setFailed] = React.useState<{ ids: string; message: string }>();
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const missing = actionIds.filter((id) => !logs.has(id));
  const key = missing.join(',');
  React.useEffect(() => {
    if (key === '' || failed?.ids === key) return;
    dataService.readActionLogs(key.split(',').map(Number)).then(
      (read) => {
        if (!mounted.current) return;
        setLogs((before) => {
          const merged = new Map(before);
          read.forEach((log, id) => merged.set(id, log));
          // An action with no entries at all still counts as read.
          key.split(',').forEach((id) => merged.has(Number(id)) || merged.set(Number(id), []));
          return merged;
        });
      },
      (error: unknown) => mounted.current && setFailed({ ids: key, message: errorMessage(error) })
    );
  }, [dataService, key, failed]);
  const failure = failed?.ids === key ? failed.message : undefined;
  return { logs, reading: failure === undefined ? missing : [], failure };
}
