import { SITE_OWNER } from '../../emulator/sample/users';
import { IImportedKpi, analyseKpiSheet, planKpiImport } from '../../src/model/import/kpiSheet';
import { IKpi } from '../../src/model/kpi';
import { SharePointKpiImportService } from '../../src/services/SharePointKpiImportService';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS } from '../../src/services/schema';
import { ITestSite, startTestSite } from '../support/emulator';

/**
 * The sample plan's scorecard as its officer keeps it in Excel: the two seeded KPIs it
 * tracks monthly (matched by ref), with a new February actual each, and a new KPI.
 * The seeded actuals run monthly from March 2023 (5.1.5: Jun 63, Sep 74, Dec 83, Jan 85;
 * 5.1.2: Jun 61, Sep 71, Dec 79, Jan 81).
 */
function scorecard(changes: { janTimeliness?: string; commentary?: string } = {}): string[][] {
  return [
    ['Shropshire APP: KPI scorecard, February 2024', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['KPI ref', 'Performance measure', 'Unit', 'Better is', 'Baseline (date)', '3 Month', '6 Month', '12 Month', 'Actual Jun 23', 'Actual Sep 23', 'Actual Dec 23', 'Actual Jan-24', 'Actual Feb 24', 'Commentary'],
    ['5.1.5', 'EHCPs finalised within 20 weeks', '%', 'Higher', '42% (Mar 23)', '60%', '75%', '100%', '63%', '74%', '83%', changes.janTimeliness ?? '85%', '87%', changes.commentary ?? 'February figure provisional'],
    ['5.1.2', 'EHC plans judged good or outstanding at audit', '%', 'Higher', 'Quality standards to be agreed and published on the Local Offer', 'Quality standards will have been agreed and published on the Local Offer. EHCP QA checklist is in place and used by all SEND Case Officers to inform EHCP Plan writing', '75% of good or outstanding plans at each audit point', '100% of good or outstanding plans at each audit point', '61%', '71%', '79%', '81%', '83% (provisional)', ''],
    ['SALT1', 'Children waiting over 18 weeks for speech and language therapy', 'children', 'Lower', '310 (Mar 23)', '250', '150', '0', '300', '280', '240', '220', '205 (projected end of year)', '']
  ];
}

// Each test seeds the sample plan over HTTP, which takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('SharePointKpiImportService against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  const data = (): SharePointPlanDataService => new SharePointPlanDataService(site.as(SITE_OWNER.email));
  const importer = (): SharePointKpiImportService => new SharePointKpiImportService(site.as(SITE_OWNER.email));

  /** The dry run of a sheet against the plan as it is now; it must find no problem. */
  async function dryRun(rows: string[][]): Promise<IImportedKpi[]> {
    const snapshot = await data().loadPlan(site.planId);
    const analysis = analyseKpiSheet(rows);
    if (!analysis) throw new Error('not read as a KPI sheet');
    const plan = planKpiImport(rows, analysis, snapshot.kpis, snapshot.plan.startDate);
    expect(plan.problems).toEqual([]);
    return plan.kpis;
  }

  async function kpiByRef(ref: string): Promise<IKpi> {
    const kpi = (await data().loadPlan(site.planId)).kpis.find((candidate) => candidate.ref === ref);
    if (!kpi) throw new Error(`no KPI ${ref}`);
    return kpi;
  }

  /** Item writes (adds are POST, updates MERGE) inside $batch requests since the log was cleared. */
  function writes(): Array<{ method: string; path: string; ifMatch?: string }> {
    return site.emulator.requests.filter((request) => request.inBatch && request.method !== 'GET');
  }

  it('imports a scorecard: a new KPI, and the plan’s KPIs updated with their new actuals, keeping a checkpoint marked met; a re-run writes nothing', async () => {
    // The lead marked the 3-month checkpoint met in the app before the officer imports the sheet.
    const quality = await kpiByRef('5.1.2');
    await data().saveMilestones(quality, quality.milestones.map((milestone, index) => (index === 0 ? { ...milestone, met: true, metDate: '2023-06-20', metNote: 'Published on the Local Offer' } : milestone)));

    const kpis = await dryRun(scorecard());
    expect(kpis.map((kpi) => [kpi.ref, kpi.change])).toEqual([
      ['5.1.5', 'update'],
      ['5.1.2', 'update'],
      ['SALT1', 'create']
    ]);
    const first = await importer().importKpis(site.planId, kpis, undefined, '2024-02-29');
    expect(first).toEqual({ createdKpis: 1, updatedKpis: 2, unchangedKpis: 0, addedMeasurements: 7, updatedMeasurements: 0, conflicts: [] });

    const timeliness = await kpiByRef('5.1.5');
    expect(timeliness).toMatchObject({ title: 'EHCPs finalised within 20 weeks', unit: '%', direction: 'higher', baselineValue: 42, baselineDate: '2023-03-31', baselineText: '42% (Mar 23)', progressNote: 'February figure provisional', progressNoteDate: '2024-02-29' });
    expect(timeliness.milestones.map((milestone) => [milestone.label, milestone.due, milestone.text, milestone.target])).toEqual([
      ['3 Month', { monthsFromStart: 3 }, '60%', 60],
      ['6 Month', { monthsFromStart: 6 }, '75%', 75],
      ['12 Month', { monthsFromStart: 12 }, '100%', 100]
    ]);
    // The eleven seeded months, and February from the sheet.
    expect(timeliness.measurements).toHaveLength(12);
    expect(timeliness.measurements.find((measurement) => measurement.periodEnd === '2024-02-29')).toMatchObject({ value: 87 });

    const qualityAfter = await kpiByRef('5.1.2');
    // The sheet has no commentary for 5.1.2: its seeded note keeps its words and its date.
    expect(qualityAfter).toMatchObject({ progressNote: expect.stringMatching(/^December audit/) as string, progressNoteDate: '2024-01-12' });
    expect(qualityAfter.milestones[0]).toMatchObject({ label: '3 Month', met: true, metDate: '2023-06-20', metNote: 'Published on the Local Offer' });
    expect(qualityAfter.milestones[1]).toMatchObject({ text: '75% of good or outstanding plans at each audit point', target: undefined });
    expect(qualityAfter.measurements.find((measurement) => measurement.periodEnd === '2024-02-29')).toMatchObject({ value: 83, note: 'provisional' });

    const salt = await kpiByRef('SALT1');
    expect(salt).toMatchObject({ title: 'Children waiting over 18 weeks for speech and language therapy', unit: 'children', direction: 'lower', baselineValue: 310, baselineDate: '2023-03-31' });
    expect(salt.milestones.map((milestone) => [milestone.due, milestone.target])).toEqual([
      [{ monthsFromStart: 3 }, 250],
      [{ monthsFromStart: 6 }, 150],
      [{ monthsFromStart: 12 }, 0]
    ]);
    expect(salt.measurements.map((measurement) => [measurement.periodEnd, measurement.value, measurement.note])).toEqual([
      ['2023-06-30', 300, undefined],
      ['2023-09-30', 280, undefined],
      ['2023-12-31', 240, undefined],
      ['2024-01-31', 220, undefined],
      ['2024-02-29', 205, 'projected end of year']
    ]);

    const again = await dryRun(scorecard());
    expect(again.map((kpi) => kpi.change)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    site.emulator.requests.length = 0;
    expect(await importer().importKpis(site.planId, again)).toEqual({ createdKpis: 0, updatedKpis: 0, unchangedKpis: 3, addedMeasurements: 0, updatedMeasurements: 0, conflicts: [] });
    expect(writes()).toEqual([]);
  });

  it('round-trips the progress note’s date: the seeded dates read back, and the date the file gives is written to the column', async () => {
    const seeded = await data().loadPlan(site.planId);
    expect(seeded.kpis.map((kpi) => [kpi.ref, kpi.progressNoteDate])).toEqual([
      ['5.1.2', '2024-01-12'],
      ['5.1.4', '2023-12-08'],
      ['5.1.5', '2024-02-20']
    ]);

    const rows = scorecard({ commentary: 'February figure provisional' });
    rows[2][13] = 'Commentary (as at 26 February 2024)';
    await importer().importKpis(site.planId, await dryRun(rows), undefined, '2024-02-29');
    const timeliness = await kpiByRef('5.1.5');
    expect(timeliness).toMatchObject({ progressNote: 'February figure provisional', progressNoteDate: '2024-02-26' });
    expect(site.store.allItems(LIST_TITLES.kpis).find((item) => item.id === timeliness.id)?.values[KPI_FIELDS.progressNoteDate]).toMatch(/^2024-02-26T00:00:00/);
  });

  it('updates the one measurement whose actual changed, with its ETag, then the KPI’s latest two with the KPI’s, and nothing else', async () => {
    await importer().importKpis(site.planId, await dryRun(scorecard()));
    const kpis = await dryRun(scorecard({ janTimeliness: '86%' }));
    expect(kpis.map((kpi) => kpi.change)).toEqual(['update', 'unchanged', 'unchanged']);

    site.emulator.requests.length = 0;
    expect(await importer().importKpis(site.planId, kpis)).toEqual({ createdKpis: 0, updatedKpis: 1, unchangedKpis: 2, addedMeasurements: 0, updatedMeasurements: 1, conflicts: [] });
    const before = await kpiByRef('5.1.5');
    expect(writes()).toHaveLength(2);
    expect(writes()[0]).toMatchObject({ method: 'MERGE', path: expect.stringContaining(`getByTitle('${LIST_TITLES.kpiMeasurements}')/items(`) as string });
    expect(writes()[0].ifMatch).toMatch(/^"\d+"$/);
    expect(writes()[1]).toMatchObject({ method: 'MERGE', path: expect.stringContaining(`getByTitle('${LIST_TITLES.kpis}')/items(${before.id})`) as string, ifMatch: expect.stringMatching(/^"\d+"$/) });
    expect(before.measurements.filter((measurement) => measurement.periodEnd === '2024-01-31').map((measurement) => measurement.value)).toEqual([86]);
    // The views' load shows the corrected January among the latest two.
    const latest = (await data().loadPlan(site.planId, { kpiSeries: 'latest' })).kpis.find((kpi) => kpi.id === before.id);
    expect(latest?.measurements.find((measurement) => measurement.periodEnd === '2024-01-31')?.value).toBe(86);
  });

  it('leaves a measurement someone saved while the import ran as they saved it, and reports it', async () => {
    await importer().importKpis(site.planId, await dryRun(scorecard()));
    const january = (await kpiByRef('5.1.5')).measurements.find((measurement) => measurement.periodEnd === '2024-01-31');
    if (january?.id === undefined) throw new Error('no January measurement');

    // The import writes the KPI's commentary, then, before its measurement write lands, someone records January again.
    const kpis = await dryRun(scorecard({ janTimeliness: '86%', commentary: 'January corrected' }));
    let saved = false;
    const result = await importer().importKpis(site.planId, kpis, () => {
      if (saved) return;
      saved = true;
      site.store.updateItem(LIST_TITLES.kpiMeasurements, january.id as number, { [MEASUREMENT_FIELDS.value]: 84 }, undefined, 1);
    });
    expect(saved).toBe(true);
    expect(result).toEqual({ createdKpis: 0, updatedKpis: 1, unchangedKpis: 2, addedMeasurements: 0, updatedMeasurements: 0, conflicts: ['5.1.5 2024-01-31'] });
    expect((await kpiByRef('5.1.5')).progressNote).toBe('January corrected');
    expect((await kpiByRef('5.1.5')).measurements.find((measurement) => measurement.periodEnd === '2024-01-31')?.value).toBe(84);
  });

  it('writes in $batch requests of at most 50 parts, every KPI before any measurement, then each new KPI’s latest measurements', async () => {
    const rows = [['Ref', 'KPI', 'Better is', 'Actual Jan 24']];
    for (let index = 1; index <= 60; index++) rows.push([`B${index}`, `Generated measure ${index}`, 'Higher', `${index}%`]);
    const kpis = await dryRun(rows);
    site.emulator.requests.length = 0;
    expect(await importer().importKpis(site.planId, kpis)).toMatchObject({ createdKpis: 60, addedMeasurements: 60 });
    // The parts of each $batch request, in the order the log holds them.
    const parts: string[][] = [];
    for (const request of site.emulator.requests) {
      if (!request.inBatch && request.path.endsWith('/$batch')) parts.push([]);
      else if (request.inBatch) parts[parts.length - 1].push(`${request.method} ${request.path.includes(LIST_TITLES.kpiMeasurements) ? 'measurement' : 'kpi'}`);
    }
    expect(Math.max(...parts.map((batch) => batch.length))).toBeLessThanOrEqual(50);
    // Every KPI is written before any measurement (a new KPI's measurements need its id).
    const written = parts.flat().filter((part) => part.startsWith('POST'));
    expect(written.slice(0, 60).every((part) => part === 'POST kpi')).toBe(true);
    expect(written.slice(60).every((part) => part === 'POST measurement')).toBe(true);
    expect(parts.flat().filter((part) => part === 'MERGE kpi')).toHaveLength(60);
    expect(writes()).toHaveLength(180);
    const loaded = (await data().loadPlan(site.planId, { kpiSeries: 'latest' })).kpis.filter((kpi) => kpi.ref.startsWith('B'));
    expect(loaded.map((kpi) => kpi.measurements)).toEqual(Array.from({ length: 60 }, (_, index) => [{ periodEnd: '2024-01-31', value: index + 1 }]));
  });
});
