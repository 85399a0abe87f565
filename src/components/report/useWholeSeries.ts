import * as React from 'react';
import { IPlanDataService, IPlanSnapshot } from '../../services/IPlanDataService';
import { errorMessage } from '../format';

/**
 * The snapshot with every KPI's whole series, for showing the plan as at an earlier date:
 * a snapshot loaded for the views holds each KPI's latest two only (`partialSeries`), so
 * its series are read once (`loadPlanMeasurements`). The snapshot itself when no KPI is
 * partial; undefined while reading or when the read failed (with `failure`).
 */
export function useWholeSeries(dataService: Pick<IPlanDataService, 'loadPlanMeasurements'>, snapshot: IPlanSnapshot): { snapshot?: IPlanSnapshot; failure?: string } {
  const partial = snapshot.kpis.some((kpi) => kpi.partialSeries);
  const planId = snapshot.plan.id;
  const [read, setRead] = React.useState<{ planId: number; series: Map<number, IPlanSnapshot['kpis'][number]['measurements']> }>();
  const [failure, setFailure] = React.useState<string>();
  React.useEffect(() => {
    if (!partial || read?.planId === planId) return undefined;
    let current = true;
    setFailure(undefined);
    dataService.loadPlanMeasurements(planId).then(
      (series) => current && setRead({ planId, series }),
      (error: unknown) => current && setFailure(errorMessage(error))
    );
    return () => {
      current = false;
    };
  }, [dataService, planId, partial, read]);
  const whole = React.useMemo(() => {
    if (!partial) return snapshot;
    if (read?.planId !== planId) return undefined;
    return { ...snapshot, kpis: snapshot.kpis.map((kpi) => (kpi.partialSeries ? { ...kpi, measurements: read.series.get(kpi.id) ?? [], partialSeries: undefined } : kpi)) };
  }, [snapshot, partial, read, planId]);
  return { snapshot: whole, failure };
}
