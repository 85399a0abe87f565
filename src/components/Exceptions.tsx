import * as React from 'react';
import { MessageBar, MessageBarType, Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { useRowLimit } from './RowLimit';
import { ScrollRegion } from './ScrollRegion';
import { ExceptionReason, IActionException, exceptions } from '../model/exceptions';
import { IsoDate } from '../model/isoDate';
import { effectiveDueDate } from '../model/rollups';
import { IStatusScheme } from '../model/statusSchemes';
import { statusLabel } from './schemeText';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { formatDate, formatString, latestUpdateText } from './format';
import { StatusPill } from './StatusPill';
import { ActionLink } from './navigation';
import { useTableStyles } from './tableStyles';
import { useCulture } from './culture';

export interface IExceptionsProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
}

/** Why an action is an exception, in words: the summary and the board report say it the same way. */
export function reasonText(reason: ExceptionReason, entry: IActionException, culture: string): string {
  switch (reason) {
    case 'offTrack':
      return strings.ReasonOffTrack;
    case 'overdue': {
      const due = effectiveDueDate(entry.action);
      return formatString(strings.ReasonOverdue, formatDate(due, strings.NotRecorded, culture));
    }
    default:
      return formatString(strings.ReasonPersistent, entry.troubledPeriods);
  }
}

/** An exception's action text, its status (with its label) and why it is an exception: the cells every exceptions table shows. */
export function ExceptionCells({ entry, scheme }: { entry: IActionException; scheme: IStatusScheme }): JSX.Element {
  const culture = useCulture();
  return (
    <>
      <td>{entry.action.text}</td>
      <td>
        <StatusPill status={statusLabel(scheme, entry.action.status)} noStatusText={strings.NoStatus} />
      </td>
      <td>
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {entry.reasons.map((reason) => (
            <li key={reason}>{reasonText(reason, entry, culture)}</li>
          ))}
        </ul>
      </td>
    </>
  );
}

/** What the board looks at first: off track, overdue, or in trouble for two board dates running. */
export function Exceptions({ snapshot, today }: IExceptionsProps): JSX.Element {
  const culture = useCulture();
  const { plan } = snapshot;
  const [headingId] = React.useState(() => getId('exceptions'));
  const styles = useTableStyles();
  const found = React.useMemo(() => exceptions(snapshot.actions, plan.statusScheme, plan.reportingDates, today), [snapshot, plan, today]);
  const { visible, more } = useRowLimit(found);
  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.ExceptionsHeading}
      </Text>
      {found.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.success}>{strings.ExceptionsNone}</MessageBar>
      ) : (
        <ScrollRegion label={strings.ExceptionsHeading}>
          <table className={styles.table}>
            <caption className={styles.caption}>{formatString(strings.ExceptionsCaption, formatDate(today, today, culture))}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.RefColumn}</th>
                <th scope="col">{strings.ActionColumn}</th>
                <th scope="col">{strings.StatusColumn}</th>
                <th scope="col">{strings.ExceptionsWhyColumn}</th>
                <th scope="col">{strings.LatestUpdateLabel}</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((entry) => (
                <tr key={entry.action.id}>
                  <th scope="row">
                    <ActionLink actionId={entry.action.id} refText={entry.action.ref} label={formatString(strings.OpenActionLabel, entry.action.ref)} />
                  </th>
                  <ExceptionCells entry={entry} scheme={plan.statusScheme} />
                  <td>{latestUpdateText(entry.latest, culture)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {more}
    </Stack>
  );
}
