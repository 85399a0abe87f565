import { SITE_OWNER } from '../../emulator/sample/users';
import { formatCsv } from '../../src/model/import/csv';
import { exportRows } from '../../src/model/import/exportRows';
import { IAction } from '../../src/model/plan';
import { LIST_TITLES, PLAN_FIELDS } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { ITestSite, startTestSite } from '../support/emulator';
import { dryRunCsv } from '../support/sheets';

/** What a reader compares between two plans: each action's fields as written. */
function comparable(actions: readonly IAction[]): Array<Record<string, unknown>> {
  return actions
    .map((action) => ({ ref: action.ref, text: action.text, due: action.due.text, status: action.status, theme: action.theme, tags: action.tags, latestNote: action.latestNote, latestUpdateDate: action.latestUpdateDate }))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }));
}

describe('export round trip', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site.stop());

  it('exports the sample plan to CSV, imports it into an empty plan, and the actions read the same', async () => {
    const owner = site.as(SITE_OWNER.email);
    const data = new SharePointPlanDataService(owner);
    const source = await data.loadPlan(site.planId);
    const csv = formatCsv(exportRows(source.actions, source.priorities, source.outcomes, source.plan.statusScheme));

    const empty = (await owner.web.lists.getByTitle(LIST_TITLES.plans).items.add({ Title: 'Empty plan', [PLAN_FIELDS.statusScheme]: 'ragc' })) as { Id: number };
    const plan = dryRunCsv(csv, await data.loadPlan(empty.Id));
    expect(plan.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    await new SharePointPlanImportService(owner).importPlan(empty.Id, plan, '2024-02-29');

    const imported = await data.loadPlan(empty.Id);
    expect(imported.priorities.map((priority) => [priority.number, priority.title])).toEqual(source.priorities.map((priority) => [priority.number, priority.title]));
    expect(comparable(imported.actions)).toEqual(comparable(source.actions));
  });
});
