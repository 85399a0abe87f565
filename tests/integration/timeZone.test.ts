/**
 * Every date the product writes reads back as the day chosen, through the product's own
 * services, on a site west of UTC (Pacific time, SharePoint's default for new sites) and on
 * a London site across both clock changes and the year end: the date-only columns hold the
 * site's local midnight (as SharePoint keeps them), the product reads that as the day, and
 * the day SharePoint itself shows in the list (the stored instant in the site's zone) is the
 * same day.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { editValuesOf } from '../../src/model/actionEdit';
import { IsoDate } from '../../src/model/isoDate';
import { seedSamplePlan } from '../../emulator/sample/seed';
import { SITE_OWNER } from '../../emulator/sample/users';
import { localDate } from '../../emulator/timeZone';
import { ACTION_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, NARRATIVE_FIELDS, UPDATE_FIELDS } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { ITestSite, startTestSite } from '../support/emulator';
import { dryRunCsv, priorityFourSheet } from '../support/sheets';

/** Days either side of both clock changes (2025: 30 March and 26 October) and of the year end. */
const DAYS: readonly IsoDate[] = ['2025-03-29', '2025-03-30', '2025-03-31', '2025-10-25', '2025-10-26', '2025-10-27', '2024-12-31', '2025-01-01'];
/** The same days as a person types them in the edit form. */
const typed = (day: IsoDate): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

describe.each(['America/Los_Angeles', 'Europe/London'])('dates on a site in %s', (timeZone) => {
  let site: ITestSite;
  let sp: SPFI;
  let data: SharePointPlanDataService;
  let planId: number;

  beforeAll(async () => {
    site = await startTestSite({ seed: false });
    site.store.timeZone = timeZone;
    sp = site.as(SITE_OWNER.email);
    planId = (await seedSamplePlan(sp)).planId;
    data = new SharePointPlanDataService(sp);
  });
  afterAll(() => site.stop());

  /** A date column's stored values, and the days SharePoint shows for them in the site's zone. */
  function shownInList(listTitle: string, field: string, ids: readonly number[]): IsoDate[] {
    return ids.map((id) => {
      const stored = site.store.getItem(listTitle, id).values[field];
      return typeof stored === 'string' ? localDate(timeZone, new Date(stored)) : 'nothing';
    });
  }

  it('keeps the day of an update (the action and its log) and of a revised due date', async () => {
    const snapshot = await data.loadPlan(planId);
    const actions = snapshot.actions.slice(0, DAYS.length);
    for (const [index, day] of DAYS.entries()) {
      const { action } = await data.saveUpdate({ action: actions[index], date: day, note: `Update on ${day}`, status: undefined, evidence: [] });
      await data.saveActionEdit({ action, values: { ...editValuesOf(action), revisedDue: typed(day), revisedDueReason: 'Moved' }, made: { by: SITE_OWNER.title, date: day } });
    }

    const reloaded = await data.loadPlan(planId);
    const ids = actions.map((action) => action.id);
    const byId = (id: number): (typeof reloaded.actions)[number] | undefined => reloaded.actions.find((action) => action.id === id);
    expect(ids.map((id) => byId(id)?.latestUpdateDate)).toEqual(DAYS);
    expect(ids.map((id) => byId(id)?.revisedDue?.date)).toEqual(DAYS);
    expect(shownInList(LIST_TITLES.actions, ACTION_FIELDS.latestUpdateDate, ids)).toEqual(DAYS);
    expect(shownInList(LIST_TITLES.actions, ACTION_FIELDS.revisedDueDate, ids)).toEqual(DAYS);

    const logs = await data.readActionLogs(ids);
    expect(ids.map((id) => logs.get(id)?.find((update) => update.note.startsWith('Update on'))?.date)).toEqual(DAYS);
    const logIds = ids.map((id) => logs.get(id)?.find((update) => update.note.startsWith('Update on'))?.id as number);
    expect(shownInList(LIST_TITLES.updates, UPDATE_FIELDS.date, logIds)).toEqual(DAYS);
  });

  it('keeps the period end of a measurement and the date of a board narrative', async () => {
    let kpi = (await data.loadPlan(planId)).kpis[0];
    const measured: number[] = [];
    const narratives: number[] = [];
    for (const [index, day] of DAYS.entries()) {
      const recorded = await data.recordMeasurement(kpi, { periodEnd: day, value: index });
      kpi = recorded.kpi;
      measured.push(recorded.measurement.id as number);
      narratives.push((await data.saveNarrative(planId, { id: 0, boardDate: day, keyMessages: `Board of ${day}`, escalations: '', boardAsk: '', risks: '', summary: '', decisions: '' })).id);
    }

    const series = await data.loadMeasurements(kpi);
    expect(measured.map((id) => series.find((measurement) => measurement.id === id)?.periodEnd)).toEqual(DAYS);
    expect(shownInList(LIST_TITLES.kpiMeasurements, MEASUREMENT_FIELDS.periodEnd, measured)).toEqual(DAYS);
    for (const day of DAYS) {
      expect((await data.loadNarratives(planId, day)).map((narrative) => narrative.keyMessages)).toContain(`Board of ${day}`);
    }
    expect(shownInList(LIST_TITLES.narratives, NARRATIVE_FIELDS.boardDate, narratives)).toEqual(DAYS);
  });

  it('keeps the due date and the progress dates an import writes', async () => {
    const importer = new SharePointPlanImportService(sp);
    const plan = dryRunCsv(priorityFourSheet(2), await data.loadPlan(planId));
    await importer.importPlan(planId, plan, { date: '2024-02-29', by: SITE_OWNER.title });

    const snapshot = await data.loadPlan(planId);
    const imported = snapshot.actions.filter((action) => action.ref.startsWith('4.1.'));
    expect(imported.map((action) => [action.due.date, action.latestUpdateDate])).toEqual([
      ['2024-09-30', '2024-01-31'],
      ['2024-09-30', '2024-01-31']
    ]);
    const ids = imported.map((action) => action.id);
    expect(shownInList(LIST_TITLES.actions, ACTION_FIELDS.dueDate, ids)).toEqual(['2024-09-30', '2024-09-30']);
    expect(shownInList(LIST_TITLES.actions, ACTION_FIELDS.latestUpdateDate, ids)).toEqual(['2024-01-31', '2024-01-31']);
    const log = (await data.openAction(imported[0], false)).log;
    expect(log.map((update) => update.date)).toEqual(['2023-11-30', '2023-12-31', '2024-01-31']);
  });

  it('stores the local midnight, as SharePoint does, not the noon UTC the product sends', async () => {
    const expected: Record<string, Record<string, string>> = {
      'America/Los_Angeles': { '2024-12-31': '2024-12-31T08:00:00Z', '2025-03-31': '2025-03-31T07:00:00Z', '2025-10-27': '2025-10-27T07:00:00Z' },
      'Europe/London': { '2024-12-31': '2024-12-31T00:00:00Z', '2025-03-31': '2025-03-30T23:00:00Z', '2025-10-27': '2025-10-27T00:00:00Z' }
    };
    const narratives = (await sp.web.lists.getByTitle(LIST_TITLES.narratives).items.select('Title', NARRATIVE_FIELDS.boardDate).top(5000)()) as Array<Record<string, string>>;
    for (const [day, stored] of Object.entries(expected[timeZone])) {
      expect(narratives.find((item) => item.Title === day)?.[NARRATIVE_FIELDS.boardDate]).toBe(stored);
    }
  });
});
