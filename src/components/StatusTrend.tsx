import * as React from 'react';
import { Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { ScrollRegion } from './ScrollRegion';
import { IsoDate } from '../model/isoDate';
import { statusTrend } from '../model/rollups';
import { labelForKey } from '../model/statusSchemes';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { StatusColumnHeaders } from './StatusPill';
import { FigureLink } from './navigation';
import { formatDate, formatString } from './format';
import { useTableStyles } from './tableStyles';
import { useCulture } from './culture';

export interface IStatusTrendProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
}

/**
 * How the plan's statuses moved from one board date to the next, derived from the
 * update log, with today as the last row. A table: the numbers are the data. The
 * parent leaves it out until the plan has a board date in the past.
 */
export function StatusTrend({ snapshot, today }: IStatusTrendProps): JSX.Element {
  const culture = useCulture();
  const { plan, actions } = snapshot;
  const scheme = plan.statusScheme;
  const styles = useTableStyles();
  const [headingId] = React.useState(() => getId('trend'));
  const past = React.useMemo(() => plan.reportingDates.filter((date) => date < today), [plan.reportingDates, today]);
  const rows = React.useMemo(() => statusTrend(actions, scheme, past.concat(today)), [actions, scheme, past, today]);
  const when = (date: IsoDate): string => (date === today ? formatString(strings.TrendToday, formatDate(today, today, culture)) : formatDate(date, date, culture));

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.TrendHeading}
      </Text>
      <ScrollRegion label={strings.TrendHeading}>
        <table className={styles.table}>
          <caption className={styles.caption}>{strings.TrendCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.ReportingDate}</th>
              <StatusColumnHeaders scheme={scheme} className={styles.number} noStatusText={strings.NoStatus} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date}>
                <th scope="row">{when(row.date)}</th>
                {row.byLabel.map(({ key, actionIds }) => {
                  const label = labelForKey(scheme, key)?.label ?? key;
                  return (
                    <td key={key} className={styles.number}>
                      <FigureLink
                        count={actionIds.length}
                        filter={{ actionIds, description: formatString(strings.TrendFilterDescription, label, when(row.date)) }}
                        label={formatString(strings.TrendFigureLabel, actionIds.length, label, when(row.date))}
                      />
                    </td>
                  );
                })}
                <td className={styles.number}>
                  <FigureLink
                    count={row.noStatus.length}
                    filter={{ actionIds: row.noStatus, description: formatString(strings.TrendFilterDescription, strings.NoStatus, when(row.date)) }}
                    label={formatString(strings.TrendFigureLabel, row.noStatus.length, strings.NoStatus, when(row.date))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Stack>
  );
}
