import * as React from 'react';
import { Link, Stack, Text, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IKpi, assessKpi } from '../model/kpi';
import { compareRefs, expandRefs } from '../model/refs';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { StatusPill } from './StatusPill';
import { FigureLink, usePlanNavigation } from './navigation';
import { formatDate, formatString } from './format';
import { TRAVEL_ARROW, TRAVEL_TEXT, formatValue, kpiPill, kpiReasonText } from './kpiText';
import { useCulture } from './culture';

export interface IKpiTilesProps {
  snapshot: IPlanSnapshot;
}

/**
 * A tile per KPI: the latest actual against the trajectory's target for its date,
 * the computed status in words, and the direction of travel. Its linked actions open
 * as a list. The parent leaves it out for a plan with no KPIs.
 */
export function KpiTiles({ snapshot }: IKpiTilesProps): JSX.Element {
  const culture = useCulture();
  const { plan, kpis, actions } = snapshot;
  const theme = useTheme();
  const navigation = usePlanNavigation();
  const [headingId] = React.useState(() => getId('kpis'));
  const styles = React.useMemo(
    () =>
      mergeStyleSets({
        grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12, listStyle: 'none', margin: 0, padding: 0 },
        tile: { border: `1px solid ${theme.semanticColors.bodyDivider}`, borderRadius: 4, padding: 12, color: theme.semanticColors.bodyText }
      }),
    [theme]
  );
  const refs = actions.map((action) => action.ref);
  const byRef = new Map(actions.map((action) => [action.ref, action.id]));

  const name = (kpi: IKpi): string => (kpi.ref ? `${kpi.ref} ${kpi.title}` : kpi.title);
  const tile = (kpi: IKpi): JSX.Element => {
    const assessment = assessKpi(kpi, plan.startDate, plan.kpiThresholds);
    const linked = kpi.actionRefs ? expandRefs(kpi.actionRefs, refs) : undefined;
    const linkedIds = linked && linked.ok ? linked.refs.map((ref) => byRef.get(ref)).filter((id): id is number => id !== undefined) : [];
    const { latest } = assessment;
    return (
      <li key={kpi.id} className={styles.tile}>
        <Stack tokens={{ childrenGap: 4 }}>
          <Text as="h3" variant="mediumPlus" styles={{ root: { margin: 0, fontWeight: 600 } }}>
            {navigation ? <Link onClick={() => navigation.openKpi(kpi.id)}>{name(kpi)}</Link> : name(kpi)}
          </Text>
          <Text variant="xLarge">{latest ? formatValue(latest.value, kpi.unit, culture) : strings.KpiNoActual}</Text>
          {latest && <Text variant="small">{formatString(strings.KpiMeasuredAt, formatDate(latest.periodEnd, latest.periodEnd, culture))}</Text>}
          {assessment.target !== undefined && <Text>{formatString(strings.KpiTarget, formatValue(assessment.target, kpi.unit, culture))}</Text>}
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
            {assessment.status ? <StatusPill status={kpiPill(assessment.status, assessment.reason)} noStatusText={strings.NoStatus} /> : <StatusPill status={undefined} noStatusText={strings.NoStatus} />}
            <Text>
              <span aria-hidden="true">{TRAVEL_ARROW[assessment.travel]} </span>
              {TRAVEL_TEXT[assessment.travel]}
            </Text>
          </Stack>
          <Text variant="small">{kpiReasonText(assessment.reason)}</Text>
          {linkedIds.length > 0 && (
            <Text variant="small">
              {strings.KpiLinkedActions}{' '}
              <FigureLink count={linkedIds.length} filter={{ actionIds: linkedIds, description: formatString(strings.KpiLinkedDescription, kpi.ref || kpi.title) }} label={formatString(strings.KpiLinkedLabel, linkedIds.length, kpi.ref || kpi.title)} />
            </Text>
          )}
        </Stack>
      </li>
    );
  };

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.KpiHeading}
      </Text>
      <ul className={styles.grid}>{[...kpis].sort((a, b) => compareRefs(a.ref || '0', b.ref || '0')).map(tile)}</ul>
    </Stack>
  );
}
