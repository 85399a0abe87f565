import * as React from 'react';
import { MessageBar, MessageBarType, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IActionException } from '../../model/exceptions';
import { IsoDate } from '../../model/isoDate';
import { IAction } from '../../model/plan';
import { compareRefs } from '../../model/refs';
import { IStatusScheme } from '../../model/statusSchemes';
import { ScrollRegion } from '../ScrollRegion';
import { dueText, formatDate, formatString, latestUpdateText } from '../format';
import { useTableStyles } from '../tableStyles';
import { revisionFlag } from './reportFigures';
import { ReportPart } from './StatusParts';
import { ExceptionCells } from '../Exceptions';
import { useCulture } from '../culture';

/** The due date as it stood, with how it had moved by then ("revised twice, first due Apr-23"). */
function DueCell({ action, asAt }: { action: IAction; asAt: IsoDate }): JSX.Element {
  const culture = useCulture();
  const flag = revisionFlag(action, asAt);
  return (
    <td>
      {dueText(action.revisedDue ?? action.due, culture)}
      {flag && (
        <Text block variant="small">
          {flag}
        </Text>
      )}
    </td>
  );
}

export interface IReportExceptionsProps {
  found: readonly IActionException[];
  scheme: IStatusScheme;
  asAt: IsoDate;
  /** Actions whose note as it stood is still being read: their note cell says so, never showing a later note. */
  reading: ReadonlySet<number>;
  /** Actions whose note as it stood could not be read. */
  unread: ReadonlySet<number>;
}

/** The exceptions as at the date, every one (a board pack is not cut short), each with its note as it stood then. */
export function ReportExceptions({ found, scheme, asAt, reading, unread }: IReportExceptionsProps): JSX.Element {
  const culture = useCulture();
  const table = useTableStyles();
  const noteText = (entry: IActionException): string => {
    if (reading.has(entry.action.id)) return strings.ReportNoteReading;
    if (unread.has(entry.action.id)) return strings.ReportNoteUnread;
    return latestUpdateText(entry.latest, culture);
  };
  return (
    <ReportPart heading={strings.ExceptionsHeading}>
      {found.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.success}>{strings.ExceptionsNone}</MessageBar>
      ) : (
        <ScrollRegion label={strings.ExceptionsHeading}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ExceptionsCaption, formatDate(asAt, asAt, culture))}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.RefColumn}</th>
                <th scope="col">{strings.ActionColumn}</th>
                <th scope="col">{strings.StatusColumn}</th>
                <th scope="col">{strings.ExceptionsWhyColumn}</th>
                <th scope="col">{strings.DueLabel}</th>
                <th scope="col">{strings.ReportNoteColumn}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((entry) => (
                <tr key={entry.action.id}>
                  <th scope="row">{entry.action.ref}</th>
                  <ExceptionCells entry={entry} scheme={scheme} />
                  <DueCell action={entry.action} asAt={asAt} />
                  <td style={{ whiteSpace: 'pre-wrap' }}>{noteText(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </ReportPart>
  );
}

/** Every action whose due date had been revised by the date: what it is due now, how it moved, and why. */
export function ReportRevisions({ actions, asAt }: { actions: readonly IAction[]; asAt: IsoDate }): JSX.Element {
  const culture = useCulture();
  const table = useTableStyles();
  const revised = actions.map((action) => ({ action, flag: revisionFlag(action, asAt) })).filter((row): row is { action: IAction; flag: string } => row.flag !== undefined)
    .sort((left, right) => compareRefs(left.action.ref, right.action.ref));
  return (
    <ReportPart heading={strings.ReportRevisionsHeading}>
      {revised.length === 0 ? (
        <Text block>{formatString(strings.ReportRevisionsNone, formatDate(asAt, asAt, culture))}</Text>
      ) : (
        <ScrollRegion label={strings.ReportRevisionsHeading}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ReportRevisionsCaption, formatDate(asAt, asAt, culture))}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.RefColumn}</th>
                <th scope="col">{strings.ActionColumn}</th>
                <th scope="col">{strings.ReportDueNowColumn}</th>
                <th scope="col">{strings.ReportRevisedColumn}</th>
                <th scope="col">{strings.RevisedDueReasonLabel}</th>
              </tr>
            </thead>
            <tbody>
              {revised.map(({ action, flag }) => (
                <tr key={action.id}>
                  <th scope="row">{action.ref}</th>
                  <td>{action.text}</td>
                  <td>{dueText(action.revisedDue ?? action.due, culture)}</td>
                  <td>{flag}</td>
                  <td>{action.revisedDueReason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </ReportPart>
  );
}
