/**
 * A site whose KPI measurements were written before each KPI kept its latest two (and
 * before measurements carried their KPI's plain id): its pages show the right figures
 * from the start, and setting up the lists again fills both in, once.
 */
import { EHCP_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { IKpi } from '../../src/model/kpi';
import { fillKpiLatest } from '../../src/services/kpiLatest';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointProvisioningService } from '../../src/services/SharePointProvisioningService';
import { ITestSite, startTestSite } from '../support/emulator';

describe('the latest measurements of a site written before KPIs kept them', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
    // As the site stood before: no latest measurements on any KPI, no KPI id on any measurement.
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    for (const kpi of site.store.allItems(LIST_TITLES.kpis)) site.store.updateItem(LIST_TITLES.kpis, kpi.id, { [KPI_FIELDS.latestMeasurements]: null }, undefined, owner);
    for (const measurement of site.store.allItems(LIST_TITLES.kpiMeasurements)) site.store.updateItem(LIST_TITLES.kpiMeasurements, measurement.id, { [MEASUREMENT_FIELDS.kpiItemId]: null }, undefined, owner);
  });
  afterEach(() => site.stop());

  const lead = (): SharePointPlanDataService => new SharePointPlanDataService(site.as(EHCP_LEAD.email));
  const figures = (kpis: IKpi[]): Array<[string, string | undefined, number | undefined]> =>
    kpis.map((kpi) => {
      const last = [...kpi.measurements].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).pop();
      return [kpi.ref, last?.periodEnd, last?.value];
    });

  it('reads the measurements list while KPIs keep none, so the figures are right, and reads it no more once provisioning fills them in', async () => {
    site.emulator.requests.length = 0;
    const before = await lead().loadPlan(site.planId, { kpiSeries: 'latest' });
    expect(site.emulator.requests.some((request) => request.path.includes(`getByTitle('${LIST_TITLES.kpiMeasurements}')/items`))).toBe(true);
    // Whole series, read as they are.
    expect(before.kpis.every((kpi) => kpi.partialSeries === undefined && kpi.measurements.length > 0)).toBe(true);

    const report = await new SharePointProvisioningService(site.as(SITE_OWNER.email)).ensureLists();
    const measurementCount = site.store.itemCount(LIST_TITLES.kpiMeasurements);
    expect(report.updatedColumns).toEqual(
      expect.arrayContaining([`${LIST_TITLES.kpiMeasurements}: KpiItemId filled on ${measurementCount} measurements`, `${LIST_TITLES.kpis}: LatestMeasurements filled on ${before.kpis.length} KPIs`])
    );

    site.emulator.requests.length = 0;
    const after = await lead().loadPlan(site.planId, { kpiSeries: 'latest' });
    expect(site.emulator.requests.some((request) => request.path.includes(`getByTitle('${LIST_TITLES.kpiMeasurements}')/items`))).toBe(false);
    expect(after.kpis.every((kpi) => kpi.partialSeries === true && kpi.measurements.length === 2)).toBe(true);
    expect(figures(after.kpis)).toEqual(figures(before.kpis));
    expect(after.warnings).toEqual([]);
    // Each KPI's series is found by its plain id now.
    for (const kpi of after.kpis) expect((await lead().loadMeasurements(kpi)).length).toBe(before.kpis.find((candidate) => candidate.id === kpi.id)?.measurements.length);

    // Run again: nothing left to fill.
    expect(await fillKpiLatest(site.as(SITE_OWNER.email))).toEqual({ measurements: 0, kpis: 0 });
  });

  it('puts right latest measurements left stale by a measurement typed into the list', async () => {
    await fillKpiLatest(site.as(SITE_OWNER.email));
    const kpi = (await lead().loadPlan(site.planId, { kpiSeries: 'latest' })).kpis[0];
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    site.store.addItem(LIST_TITLES.kpiMeasurements, { Title: '2030-01-31', PlanId: site.planId, KpiId: kpi.id, PeriodEnd: '2030-01-31T12:00:00Z', MeasuredValue: 99 }, owner);

    expect(await fillKpiLatest(site.as(SITE_OWNER.email))).toEqual({ measurements: 1, kpis: 1 });
    const reread = (await lead().loadPlan(site.planId, { kpiSeries: 'latest' })).kpis.find((candidate) => candidate.id === kpi.id);
    expect(reread?.measurements[1]).toEqual({ periodEnd: '2030-01-31', value: 99 });
  });
});
