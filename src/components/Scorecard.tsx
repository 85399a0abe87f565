import * as React from 'react';
import { Link, Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IKpi, KpiStatus, assessKpi, milestoneDate } from '../model/kpi';
import { compareRefs } from '../model/refs';
import { countByLabel } from '../model/rollups';
import { linkedActions } from '../model/scorecard';
import { labelForKey } from '../model/statusSchemes';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { ScrollRegion } from './ScrollRegion';
import { StatusPill } from './StatusPill';
import { FigureLink, usePlanNavigation } from './navigation';
import { formatDate, formatString } from './format';
import { TRAVEL_ARROW, TRAVEL_TEXT, formatValue, kpiPill, kpiReasonText, progressNoteDateText, refsProblemText } from './kpiText';
import { useTableStyles } from './tableStyles';
import { useCulture } from './culture';

export interface IScorecardProps {
  /** The plan's KPIs with the priorities and actions they link to, as at `today`. */
  snapshot: Pick<IPlanSnapshot, 'plan' | 'priorities' | 'actions' | 'kpis'>;
  today: IsoDate;
}

const STATUSES: readonly KpiStatus[] = ['onTrack', 'atRisk', 'offTrack'];

/**
 * The plan's scorecard: how many KPIs stand where, per priority and for the whole
 * plan, then a table per priority with every KPI's baseline, milestones, latest
 * actual, computed status, direction of travel, progress note and linked actions.
 */
export function Scorecard({ snapshot, today }: IScorecardProps): JSX.Element {
  const culture = useCulture();
  const { plan, priorities, actions, kpis } = snapshot;
  const table = useTableStyles();
  const navigation = usePlanNavigation();
  const [headingId] = React.useState(() => getId('scorecard'));
  const assessed = kpis.map((kpi) => ({ kpi, assessment: assessKpi(kpi, plan.startDate, plan.kpiThresholds) })).sort((a, b) => compareRefs(a.kpi.ref || '0', b.kpi.ref || '0'));
  const groups = [
    ...priorities.map((priority) => ({ key: String(priority.id), name: priority.number ? `${priority.number}. ${priority.title}` : priority.title, rows: assessed.filter((row) => row.kpi.priorityId === priority.id) })),
    { key: 'plan', name: strings.ScorecardPlanLevel, rows: assessed.filter((row) => !priorities.some((priority) => priority.id === row.kpi.priorityId)) }
  ].filter((group) => group.rows.length > 0);
  const counts = (rows: typeof assessed): number[] => [...STATUSES.map((status) => rows.filter((row) => row.assessment.status === status).length), rows.filter((row) => !row.assessment.status).length, rows.length];

  const linkedCell = (kpi: IKpi): React.ReactNode => {
    const linked = linkedActions(kpi, actions);
    if (linked.error) return formatString(strings.ScorecardRefsUnreadable, kpi.actionRefs ?? '', refsProblemText(linked.error));
    if (linked.actions.length === 0) return strings.NotRecorded;
    const { byLabel, noStatus } = countByLabel(linked.actions, plan.statusScheme);
    const rollup = byLabel
      .filter((entry) => entry.count > 0)
      .map((entry) => `${labelForKey(plan.statusScheme, entry.key)?.label ?? entry.key} ${entry.count}`)
      .concat(noStatus > 0 ? [`${strings.NoStatus} ${noStatus}`] : [])
      .join(', ');
    return (
      <>
        <FigureLink
          count={linked.actions.length}
          filter={{ actionIds: linked.actions.map((action) => action.id), description: formatString(strings.KpiLinkedDescription, kpi.ref || kpi.title) }}
          label={formatString(strings.KpiLinkedLabel, linked.actions.length, kpi.ref || kpi.title)}
        />{' '}
        ({rollup})
      </>
    );
  };

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 16 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.ScorecardHeading}
      </Text>
      <ScrollRegion label={strings.ScorecardHeading}>
        <table className={table.table}>
          <caption className={table.caption}>{formatString(strings.ScorecardSummaryCaption, formatDate(today, today, culture))}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.PriorityColumn}</th>
              {STATUSES.map((status) => (
                <th key={status} scope="col" className={table.number}>
                  <StatusPill status={kpiPill(status)} noStatusText={strings.NoStatus} />
                </th>
              ))}
              <th scope="col" className={table.number}>{strings.NoStatus}</th>
              <th scope="col" className={table.number}>{strings.ScorecardKpisColumn}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{group.name}</th>
                {counts(group.rows).map((count, index) => (
                  <td key={index} className={table.number}>{count}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{strings.WholePlanRow}</th>
              {counts(assessed).map((count, index) => (
                <td key={index} className={table.number}>{count}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {groups.map((group) => (
        <ScrollRegion key={group.key} label={formatString(strings.ScorecardCaption, group.name)}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ScorecardCaption, group.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ScorecardKpiColumn}</th>
                <th scope="col">{strings.ScorecardBetterColumn}</th>
                <th scope="col">{strings.ScorecardBaselineColumn}</th>
                <th scope="col">{strings.ScorecardMilestonesColumn}</th>
                <th scope="col">{strings.ScorecardLatestColumn}</th>
                <th scope="col">{strings.StatusColumn}</th>
                <th scope="col">{strings.ScorecardTravelColumn}</th>
                <th scope="col">{strings.ScorecardNoteColumn}</th>
                <th scope="col">{strings.ScorecardLinkedColumn}</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map(({ kpi, assessment }) => (
                <tr key={kpi.id}>
                  <th scope="row">
                    {navigation ? <Link onClick={() => navigation.openKpi(kpi.id)}>{kpi.ref ? `${kpi.ref} ${kpi.title}` : kpi.title}</Link> : `${kpi.ref} ${kpi.title}`}
                    {kpi.unit && <Text block variant="small">{formatString(strings.ScorecardUnit, kpi.unit)}</Text>}
                  </th>
                  <td>{kpi.direction === 'higher' ? strings.ScorecardHigher : strings.ScorecardLower}</td>
                  <td>
                    {kpi.baselineValue !== undefined ? `${formatValue(kpi.baselineValue, kpi.unit, culture)} (${formatDate(kpi.baselineDate ?? plan.startDate, strings.NotRecorded, culture)})` : ''}
                    {kpi.baselineText && <Text block variant="small">{kpi.baselineText}</Text>}
                  </td>
                  <td>
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {kpi.milestones.map((milestone, index) => (
                        <li key={index}>
                          {milestone.label} ({formatDate(milestoneDate(milestone.due, plan.startDate), strings.NotRecorded, culture)}):{' '}
                          {milestone.target !== undefined ? formatValue(milestone.target, kpi.unit, culture) : milestone.text}
                          {milestone.met !== undefined && ` (${milestone.met ? strings.CheckpointMet : strings.CheckpointNotMet})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{assessment.latest ? `${formatValue(assessment.latest.value, kpi.unit, culture)} (${formatDate(assessment.latest.periodEnd, '', culture)})` : strings.KpiNoActual}</td>
                  <td>
                    {assessment.status ? <StatusPill status={kpiPill(assessment.status, assessment.reason)} noStatusText={strings.NoStatus} /> : <StatusPill status={undefined} noStatusText={strings.NoStatus} />}
                    <Text block variant="small">{kpiReasonText(assessment.reason)}</Text>
                  </td>
                  <td>
                    <span aria-hidden="true">{TRAVEL_ARROW[assessment.travel]} </span>
                    {TRAVEL_TEXT[assessment.travel]}
                  </td>
                  <td>
                    {kpi.progressNote && (
                      <>
                        <Text block styles={{ root: { whiteSpace: 'pre-wrap' } }}>
                          {kpi.progressNote}
                        </Text>
                        <Text block variant="small">
                          {progressNoteDateText(kpi, culture)}
                        </Text>
                      </>
                    )}
                  </td>
                  <td>{linkedCell(kpi)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ))}
    </Stack>
  );
}
