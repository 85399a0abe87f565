import * as React from 'react';
import { Text, hiddenContentStyle, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { ScrollRegion } from './ScrollRegion';
import { IsoDate } from '../model/isoDate';
import { IAction, IPriorityArea } from '../model/plan';
import { IActionChange, IPriorityRollup, IStatusDeltas, rollUp, rollUpByPriority, statusDeltas } from '../model/rollups';
import { IStatusScheme, labelForKey } from '../model/statusSchemes';
import { IActionFilter, NO_STATUS } from '../model/actionFilter';
import { FigureLink } from './navigation';
import { StatusColumnHeaders } from './StatusPill';
import { formatDate, formatString } from './format';
import { useTableStyles } from './tableStyles';
import { awaitingCountText } from './signOffText';
import { awaitingSignOff } from '../model/signOff';
import { useCulture } from './culture';

export interface IPrioritySummaryProps {
  priorities: IPriorityArea[];
  actions: IAction[];
  scheme: IStatusScheme;
  today: IsoDate;
  dueSoonDays: number;
  /** The last board before today and what changed since: each status shows its change since then. */
  sinceBoard?: { date: IsoDate; changes: readonly IActionChange[] };
}

function useStyles(): ReturnType<typeof buildBarStyles> & ReturnType<typeof useTableStyles> {
  const theme = useTheme();
  const table = useTableStyles();
  const bar = React.useMemo(() => buildBarStyles(theme.semanticColors.bodyDivider), [theme]);
  return { ...table, ...bar };
}

/** Windows high contrast drops the colours: the bar's segments then show their labels, each in a box. */
const FORCED_COLOURS = '@media (forced-colors: active)';

function buildBarStyles(divider: string): Record<'bar' | 'segment' | 'segmentLabel' | 'hidden' | 'delta', string> {
  return mergeStyleSets({
    bar: {
      display: 'flex',
      height: 8,
      minWidth: 80,
      borderRadius: 4,
      overflow: 'hidden',
      marginTop: 4,
      border: `1px solid ${divider}`,
      selectors: { [FORCED_COLOURS]: { height: 'auto', flexWrap: 'wrap', gap: 2, border: 'none', overflow: 'visible' } }
    },
    segment: { height: '100%', selectors: { [FORCED_COLOURS]: { border: '1px solid CanvasText', padding: '0 4px' } } },
    segmentLabel: { display: 'none', selectors: { [FORCED_COLOURS]: { display: 'inline', fontSize: 12, fontWeight: 400, whiteSpace: 'nowrap' } } },
    hidden: hiddenContentStyle,
    delta: { marginLeft: 4, fontWeight: 400 }
  });
}

/** "(+2)" to the eye, "2 more than at the board on 31 December 2023" to a screen reader; nothing when the count did not move. */
function Delta({ delta, since, styles }: { delta: number; since: string; styles: Record<'hidden' | 'delta', string> }): JSX.Element {
  if (delta === 0) return <></>;
  return (
    <>
      <span className={styles.delta} aria-hidden="true">{`(${delta > 0 ? '+' : '\u2212'}${Math.abs(delta)})`}</span>
      <span className={styles.hidden}>{` ${formatString(delta > 0 ? strings.SummaryDeltaMore : strings.SummaryDeltaFewer, Math.abs(delta), since)}`}</span>
    </>
  );
}

/** A bar of the statuses in proportion; hidden from screen readers, since the row's numbers carry the data. */
function StatusBar({ rollup, scheme, styles }: { rollup: IPriorityRollup; scheme: IStatusScheme; styles: Record<'bar' | 'segment' | 'segmentLabel', string> }): JSX.Element {
  return (
    <div className={styles.bar} aria-hidden={true}>
      {rollup.byLabel.map(({ key, count }) => {
        const label = labelForKey(scheme, key);
        return count > 0 && label ? (
          <div key={key} className={styles.segment} style={{ flexGrow: count, backgroundColor: label.colour }} title={formatString(strings.StatusBarLabel, label.label, count, rollup.total)}>
            <span className={styles.segmentLabel}>{`${label.label} ${count}`}</span>
          </div>
        ) : null;
      })}
    </div>
  );
}

/**
 * Each priority's actions by the plan's own statuses, with overdue and due-soon counts.
 * A real table (caption, header cells, scope) so screen readers read it as data.
 */
export function PrioritySummary({ priorities, actions, scheme, today, dueSoonDays, sinceBoard }: IPrioritySummaryProps): JSX.Element {
  const culture = useCulture();
  const styles = useStyles();
  const rows = rollUpByPriority(priorities.map((p) => p.id), actions, scheme, today, dueSoonDays);
  const total = rollUp(0, actions, scheme, today, dueSoonDays);
  const since = sinceBoard ? formatDate(sinceBoard.date, sinceBoard.date, culture) : '';
  const deltasOf = (priorityId: number | undefined): IStatusDeltas | undefined => {
    if (!sinceBoard) return undefined;
    const inPriority = new Set(actions.filter((action) => priorityId === undefined || action.priorityId === priorityId).map((action) => action.id));
    return statusDeltas(sinceBoard.changes.filter((change) => inPriority.has(change.actionId)), scheme);
  };
  const cells = (rollup: IPriorityRollup, where: string, priorityId: number | undefined): JSX.Element[] => {
    const deltas = deltasOf(priorityId);
    const figure = (key: string, count: number, what: string, filter: IActionFilter, delta?: number): JSX.Element => (
      <td key={key} className={styles.number}>
        <FigureLink count={count} filter={{ priorityId, ...filter }} label={formatString(strings.SummaryFigureLabel, count, what, where)} />
        {delta !== undefined && <Delta delta={delta} since={since} styles={styles} />}
      </td>
    );
    return [
      ...rollup.byLabel.map(({ key, count }, index) => figure(key, count, labelForKey(scheme, key)?.label ?? key, { statuses: [key] }, deltas?.byLabel[index].delta)),
      figure('none', rollup.noStatus, strings.NoStatus, { statuses: [NO_STATUS] }, deltas?.noStatus),
      figure('total', rollup.total, strings.TotalColumn, {}),
      figure('overdue', rollup.overdue, strings.OverdueColumn, { overdue: true }),
      figure('soon', rollup.dueSoon, formatString(strings.DueSoonColumn, dueSoonDays), { dueSoon: true })
    ];
  };
  const name = (priority: IPriorityArea): string => (priority.number ? `${priority.number}. ${priority.title}` : priority.title);
  // The counts are of approved statuses: what awaits sign-off is said, not counted.
  const awaiting = awaitingCountText(awaitingSignOff(actions).length);
  return (
    <>
      {awaiting && (
        <Text block styles={{ root: { marginBottom: 8 } }}>
          {awaiting}
        </Text>
      )}
      <ScrollRegion label={strings.SummaryHeading}>
        <table className={styles.table}>
          <caption className={styles.caption}>
            {formatString(strings.SummaryCaption, dueSoonDays, formatDate(today, today, culture))}
            {sinceBoard && ` ${formatString(strings.SummaryDeltaCaption, since)}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{strings.PriorityColumn}</th>
              <StatusColumnHeaders scheme={scheme} className={styles.number} noStatusText={strings.NoStatus} />
              <th scope="col" className={styles.number}>{strings.TotalColumn}</th>
              <th scope="col" className={styles.number}>{strings.OverdueColumn}</th>
              <th scope="col" className={styles.number}>{formatString(strings.DueSoonColumn, dueSoonDays)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((rollup, index) => (
              <tr key={rollup.priorityId}>
                <th scope="row">
                  {name(priorities[index])}
                  <StatusBar rollup={rollup} scheme={scheme} styles={styles} />
                </th>
                {cells(rollup, name(priorities[index]), rollup.priorityId)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{strings.WholePlanRow}</th>
              {cells(total, strings.WholePlanRow, undefined)}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </>
  );
}
