import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, PrimaryButton, Stack, Text, getId, mergeStyleSets } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { isOverdue, statusTrend } from '../model/rollups';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { Exceptions } from './Exceptions';
import { Scorecard } from './Scorecard';
import { ScrollRegion } from './ScrollRegion';
import { StatusColumnHeaders } from './StatusPill';
import { formatDate, formatString } from './format';
import { useTableStyles } from './tableStyles';

export interface IHighlightReportProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
  onClose: () => void;
}

const REPORT_CLASS = 'send-highlight-report';

// On paper each part starts cleanly and the screen-only controls disappear.
const styles = mergeStyleSets({
  report: {
    selectors: {
      '@media print': {
        fontSize: 11
      }
    }
  },
  screenOnly: { selectors: { '@media print': { display: 'none !important' } } },
  part: { selectors: { '@media print': { breakInside: 'avoid-page', pageBreakInside: 'avoid' } } },
  newPage: { selectors: { '@media print': { breakBefore: 'page', pageBreakBefore: 'always' } } }
});

/** On paper, the report alone: the SharePoint page around it is hidden, and rows are not split across pages. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .${REPORT_CLASS}, .${REPORT_CLASS} * { visibility: visible; }
  .${REPORT_CLASS} { position: absolute; left: 0; top: 0; width: 100%; }
  .${REPORT_CLASS} tr, .${REPORT_CLASS} li { break-inside: avoid; }
}`;

/**
 * The board's highlight report for a reporting date: per priority, status counts and
 * how they moved since the previous board date; the exceptions with their latest
 * updates; the KPI scorecard. Print-ready: printing to PDF gives the report alone,
 * headed with the plan, the date and who produced it.
 */
export function HighlightReport({ snapshot, today, onClose }: IHighlightReportProps): JSX.Element {
  const { plan, priorities, actions, access } = snapshot;
  const table = useTableStyles();
  const [headingId] = React.useState(() => getId('report'));
  const boardDates = plan.reportingDates.filter((date) => date <= today);
  const [asAt, setAsAt] = React.useState<IsoDate>(boardDates[boardDates.length - 1] ?? today);
  const previous = plan.reportingDates.filter((date) => date < asAt).pop();
  const scheme = plan.statusScheme;

  const rows = priorities.map((priority) => {
    const own = actions.filter((action) => action.priorityId === priority.id);
    const [before, now] = statusTrend(own, scheme, [previous ?? asAt, asAt]);
    return { priority, before, now, overdue: own.filter((action) => isOverdue(action, scheme, asAt)).length };
  });
  const change = (now: number, before: number): string => (previous === undefined || now === before ? '' : ` (${now > before ? '+' : ''}${now - before})`);

  return (
    <Stack as="article" aria-labelledby={headingId} className={`${REPORT_CLASS} ${styles.report}`} tokens={{ childrenGap: 16 }}>
      <style>{PRINT_CSS}</style>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="end" className={styles.screenOnly}>
        <DefaultButton iconProps={{ iconName: 'Back' }} onClick={onClose}>
          {strings.ReportBack}
        </DefaultButton>
        {boardDates.length > 0 && (
          <Dropdown
            label={strings.ReportDateLabel}
            options={boardDates.map((date) => ({ key: date, text: formatDate(date, date) }))}
            selectedKey={asAt}
            onChange={(_, option) => option && setAsAt(String(option.key))}
            styles={{ root: { width: 220 } }}
          />
        )}
        <PrimaryButton iconProps={{ iconName: 'Print' }} onClick={() => window.print()}>
          {strings.ReportPrint}
        </PrimaryButton>
      </Stack>
      <header>
        <Text as="h2" id={headingId} variant="xLarge" block>
          {formatString(strings.ReportHeading, plan.title)}
        </Text>
        <Text block>{formatString(strings.ReportSubheading, formatDate(asAt, asAt), previous ? formatDate(previous, previous) : strings.ReportNoPrevious)}</Text>
        <Text block variant="small">
          {formatString(strings.ReportProducedBy, access.user.displayName, formatDate(today, today))}
        </Text>
      </header>
      {boardDates.length === 0 && <MessageBar messageBarType={MessageBarType.info}>{strings.ReportNoBoardDate}</MessageBar>}
      <section className={styles.part}>
        <ScrollRegion label={strings.ReportStatusCaption}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ReportStatusCaption, formatDate(asAt, asAt))}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.PriorityColumn}</th>
                <StatusColumnHeaders scheme={scheme} className={table.number} noStatusText={strings.NoStatus} />
                <th scope="col" className={table.number}>{strings.OverdueColumn}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ priority, before, now, overdue }) => (
                <tr key={priority.id}>
                  <th scope="row">{priority.number ? `${priority.number}. ${priority.title}` : priority.title}</th>
                  {now.byLabel.map((entry, index) => (
                    <td key={entry.key} className={table.number}>
                      {entry.actionIds.length}
                      {change(entry.actionIds.length, before.byLabel[index].actionIds.length)}
                    </td>
                  ))}
                  <td className={table.number}>
                    {now.noStatus.length}
                    {change(now.noStatus.length, before.noStatus.length)}
                  </td>
                  <td className={table.number}>{overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <Text variant="small">{strings.ReportChangeKey}</Text>
      </section>
      <section className={`${styles.part} ${styles.newPage}`}>
        <Exceptions snapshot={snapshot} today={asAt} />
      </section>
      {snapshot.kpis.length > 0 && (
        <section className={styles.newPage}>
          <Scorecard snapshot={snapshot} today={asAt} />
        </section>
      )}
    </Stack>
  );
}
