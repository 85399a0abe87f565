import { SITE_OWNER } from '../../emulator/sample/users';
import { formatCsv } from '../../src/formats/csvWrite';
import { readSpreadsheet } from '../../src/formats/readSpreadsheet';
import { writeXlsx } from '../../src/formats/xlsxWrite';
import { IImportPlan, planImport } from '../../src/model/import/dryRun';
import { exportRows } from '../../src/model/import/exportRows';
import { analyseSheet } from '../../src/model/import/mapping';
import { IAction, assigneeName } from '../../src/model/plan';
import { IPlanSnapshot } from '../../src/services/IPlanDataService';
import { LIST_TITLES, PLAN_FIELDS } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { ITestSite, startTestSite } from '../support/emulator';

/** The dry run of an exported file into a plan, read as the import reads any file. */
async function dryRun(fileName: string, bytes: Uint8Array, snapshot: IPlanSnapshot): Promise<IImportPlan> {
  const rows = (await readSpreadsheet(fileName, bytes)).sheets[0].rows;
  const analysis = analyseSheet(rows);
  if (analysis === undefined) throw new Error('the export has no header row');
  return planImport(rows, analysis.columns, analysis.headerRow, {
    target: { kind: 'existing', planId: snapshot.plan.id, name: snapshot.plan.title },
    scheme: snapshot.plan.statusScheme,
    priorities: snapshot.priorities,
    outcomes: snapshot.outcomes,
    actions: snapshot.actions
  });
}

/** What a reader compares between two plans: each action's fields as written. */
function comparable(actions: readonly IAction[]): Array<Record<string, unknown>> {
  return actions
    .map((action) => ({
      ref: action.ref,
      text: action.text,
      theme: action.theme,
      strategicLead: assigneeName(action.strategicLead),
      responsibleOfficer: assigneeName(action.responsibleOfficer),
      deliveryPartners: action.deliveryPartners,
      resources: action.resources,
      start: action.start.text,
      due: action.due.text,
      revisedDue: action.revisedDue?.text,
      revisedDueReason: action.revisedDueReason,
      status: action.status,
      desiredImpact: action.desiredImpact,
      howWeWillKnow: action.howWeWillKnow,
      tags: action.tags,
      evidence: action.evidence,
      latestNote: action.latestNote,
      latestUpdateDate: action.latestUpdateDate
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en-GB', { numeric: true }));
}

describe('export round trip', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site.stop());

  for (const format of ['csv', 'xlsx'] as const) {
    it(`exports the sample plan to ${format}, imports it into an empty plan, and every field of every action reads the same`, async () => {
      const owner = site.as(SITE_OWNER.email);
      const data = new SharePointPlanDataService(owner);
      const source = await data.loadPlan(site.planId);
      const rows = exportRows(source.actions, source.priorities, source.outcomes, source.plan.statusScheme, source.plan.reportingDates);
      const bytes = format === 'csv' ? new TextEncoder().encode(formatCsv(rows)) : writeXlsx(rows);

      const empty = (await owner.web.lists.getByTitle(LIST_TITLES.plans).items.add({ Title: `Empty plan (${format})`, [PLAN_FIELDS.statusScheme]: 'ragc' })) as { Id: number };
      const plan = await dryRun(`export.${format}`, bytes, await data.loadPlan(empty.Id));
      expect(plan.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      await new SharePointPlanImportService(owner).importPlan(empty.Id, plan, '2024-02-29');

      const imported = await data.loadPlan(empty.Id);
      expect(imported.priorities.map((priority) => [priority.number, priority.title])).toEqual(source.priorities.map((priority) => [priority.number, priority.title]));
      expect(comparable(imported.actions)).toEqual(comparable(source.actions));
    });
  }
});
