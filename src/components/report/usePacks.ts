import * as React from 'react';
import { IBoardPack, IBoardPackEntry } from '../../model/boardPack';
import { IsoDate } from '../../model/isoDate';
import { PlanDataError } from '../../services/errors';
import { IBoardPackService } from '../../services/IBoardPackService';
import { errorMessage } from '../format';

export interface IPacksRead {
  /** The plan's frozen packs; undefined until listed. */
  entries?: IBoardPackEntry[];
  listFailure?: string;
  frozenDates: ReadonlySet<IsoDate>;
  /** The pack frozen for the report's date, once read. */
  opened?: { boardDate: IsoDate; pack: IBoardPack };
  openFailure?: string;
  /** A pack this page has just stored: listed and opened without reading it back. */
  stored: (entry: IBoardPackEntry, pack: IBoardPack) => void;
  /** Lists the packs again (someone else may have frozen one). */
  reload: () => void;
}

/**
 * The plan's frozen packs, listed once, and the one for the report's date read when the
 * report moves to it (each read once while the report is open).
 */
export function usePacks(service: IBoardPackService, planId: number, asAt: IsoDate): IPacksRead {
  const [entries, setEntries] = React.useState<IBoardPackEntry[]>();
  const [listFailure, setListFailure] = React.useState<string>();
  const [listings, setListings] = React.useState(0);
  const [read, setRead] = React.useState<ReadonlyMap<IsoDate, IBoardPack>>(() => new Map());
  const [openFailure, setOpenFailure] = React.useState<{ boardDate: IsoDate; message: string }>();
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  React.useEffect(() => {
    service.listPacks(planId).then(
      (listed) => {
        if (!mounted.current) return;
        setEntries(listed);
        setListFailure(undefined);
      },
      (error: unknown) => mounted.current && setListFailure(errorMessage(error))
    );
  }, [service, planId, listings]);

  const frozenHere = entries?.some((entry) => entry.boardDate === asAt) === true;
  React.useEffect(() => {
    if (!frozenHere || read.has(asAt)) return;
    service.readPack(planId, asAt).then(
      (pack) => {
        if (!mounted.current) return;
        if (pack) setRead((before) => new Map(before).set(asAt, pack));
        else setOpenFailure({ boardDate: asAt, message: errorMessage(new PlanDataError('notFound', `readPack(${planId}, ${asAt})`)) });
      },
      (error: unknown) => mounted.current && setOpenFailure({ boardDate: asAt, message: errorMessage(error) })
    );
  }, [service, planId, asAt, frozenHere, read]);

  const stored = React.useCallback((entry: IBoardPackEntry, pack: IBoardPack) => {
    setEntries((before) => [...(before ?? []).filter((candidate) => candidate.boardDate !== entry.boardDate), entry].sort((a, b) => a.boardDate.localeCompare(b.boardDate)));
    setRead((before) => new Map(before).set(entry.boardDate, pack));
  }, []);
  const reload = React.useCallback(() => setListings((count) => count + 1), []);
  const frozenDates = React.useMemo(() => new Set((entries ?? []).map((entry) => entry.boardDate)), [entries]);
  const pack = read.get(asAt);

  return {
    entries,
    listFailure,
    frozenDates,
    opened: pack ? { boardDate: asAt, pack } : undefined,
    openFailure: openFailure?.boardDate === asAt ? openFailure.message : undefined,
    stored,
    reload
  };
}
