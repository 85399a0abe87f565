import * as React from 'react';
import { Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IDateFigures } from '../../model/boardPack';
import { IsoDate } from '../../model/isoDate';
import { IPriorityArea, priorityName } from '../../model/plan';
import { IPriorityRollup } from '../../model/rollups';
import { IStatusScheme } from '../../model/statusSchemes';
import { ScrollRegion } from '../ScrollRegion';
import { StatusColumnHeaders } from '../StatusPill';
import { formatDate, formatString } from '../format';
import { useTableStyles } from '../tableStyles';
import { changeSentence, changeWords } from './reportFigures';
import { useCulture } from '../culture';

/** A part of the report: a heading and what it heads, kept together on paper. */
export function ReportPart({ heading, children }: { heading: string; children: React.ReactNode }): JSX.Element {
  const [headingId] = React.useState(() => getId('report-part'));
  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h3" id={headingId} variant="large" block>
        {heading}
      </Text>
      {children}
    </Stack>
  );
}

/** The counts a row shows, in column order: each label, no status, total, overdue. */
function rowCounts(rollup: IPriorityRollup): number[] {
  return [...rollup.byLabel.map((entry) => entry.count), rollup.noStatus, rollup.total, rollup.overdue];
}

/** The header row of a table of counts: the row heading's column, then the columns `rowCounts` fills. */
function CountsHeader({ first, scheme, numberClass }: { first: string; scheme: IStatusScheme; numberClass: string }): JSX.Element {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <StatusColumnHeaders scheme={scheme} className={numberClass} noStatusText={strings.NoStatus} />
        <th scope="col" className={numberClass}>{strings.TotalColumn}</th>
        <th scope="col" className={numberClass}>{strings.OverdueColumn}</th>
      </tr>
    </thead>
  );
}

export interface IStatusPartsProps {
  scheme: IStatusScheme;
  priorities: readonly IPriorityArea[];
  now: IDateFigures;
  /** The figures at the previous board date, when there is one. */
  before?: IDateFigures;
  /** Every trend row up to and including `now`. */
  trend: readonly IDateFigures[];
}

/** Per priority and for the whole plan: the statuses as at the date, each with its change since the previous board in words. */
export function StatusTable({ scheme, priorities, now, before }: Omit<IStatusPartsProps, 'trend'>): JSX.Element {
  const culture = useCulture();
  const table = useTableStyles();
  const previousText = before ? formatDate(before.date, before.date, culture) : '';
  const cells = (rollup: IPriorityRollup, was: IPriorityRollup | undefined): JSX.Element[] => {
    const then = was ? rowCounts(was) : undefined;
    return rowCounts(rollup).map((count, index) => {
      const change = then ? changeWords(count, then[index]) : '';
      return (
        <td key={index} className={table.number}>
          {count}
          {change && ` (${change})`}
        </td>
      );
    });
  };
  return (
    <ReportPart heading={strings.ReportStatusHeading}>
      <ScrollRegion label={strings.ReportStatusHeading}>
        <table className={table.table}>
          <caption className={table.caption}>
            {before ? formatString(strings.ReportStatusCaption, formatDate(now.date, now.date, culture), previousText) : formatString(strings.ReportStatusCaptionFirst, formatDate(now.date, now.date, culture))}
          </caption>
          <CountsHeader first={strings.PriorityColumn} scheme={scheme} numberClass={table.number} />
          <tbody>
            {priorities.map((priority, index) => (
              <tr key={priority.id}>
                <th scope="row">{priorityName(priority)}</th>
                {cells(now.byPriority[index], before?.byPriority[index])}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{strings.WholePlanRow}</th>
              {cells(now.whole, before?.whole)}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </ReportPart>
  );
}

/** The whole plan's change since the previous board, status by status, in words and numbers. */
export function ChangeSincePrevious({ scheme, now, before }: Pick<IStatusPartsProps, 'scheme' | 'now' | 'before'>): JSX.Element {
  const culture = useCulture();
  if (!before) {
    return (
      <ReportPart heading={strings.ReportChangeHeading}>
        <Text block>{strings.ReportChangeFirst}</Text>
      </ReportPart>
    );
  }
  const previousText = formatDate(before.date, before.date, culture);
  const lines = [
    ...scheme.labels.map((label, index) => changeSentence(now.whole.byLabel[index].count, label.label, before.whole.byLabel[index].count, previousText)),
    changeSentence(now.whole.noStatus, strings.ReportNoStatusWords, before.whole.noStatus, previousText),
    changeSentence(now.whole.overdue, strings.ReportOverdueWords, before.whole.overdue, previousText)
  ];
  return (
    <ReportPart heading={formatString(strings.ReportChangeSinceHeading, previousText)}>
      <ul style={{ margin: 0 }}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ReportPart>
  );
}

/** The whole plan's statuses at each board date up to the report's date: a table, the numbers being the data. */
export function StatusTrendTable({ scheme, trend, asAt }: { scheme: IStatusScheme; trend: readonly IDateFigures[]; asAt: IsoDate }): JSX.Element {
  const culture = useCulture();
  const table = useTableStyles();
  return (
    <ReportPart heading={strings.ReportTrendHeading}>
      <ScrollRegion label={strings.ReportTrendHeading}>
        <table className={table.table}>
          <caption className={table.caption}>{formatString(strings.ReportTrendCaption, formatDate(asAt, asAt, culture))}</caption>
          <CountsHeader first={strings.ReportingDate} scheme={scheme} numberClass={table.number} />
          <tbody>
            {trend.map((row) => (
              <tr key={row.date}>
                <th scope="row">{formatDate(row.date, row.date, culture)}</th>
                {rowCounts(row.whole).map((count, index) => (
                  <td key={index} className={table.number}>
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </ReportPart>
  );
}
