import { SITE_OWNER } from '../../emulator/sample/users';
import { formatCsv } from '../../src/formats/csvWrite';
import { readSpreadsheet } from '../../src/formats/readSpreadsheet';
import { writeXlsx } from '../../src/formats/xlsxWrite';
import { planImport } from '../../src/model/import/dryRun';
import { analyseSheet } from '../../src/model/import/mapping';
import { proposePlan } from '../../src/model/import/newPlan';
import { statusAsAtInOrder } from '../../src/model/rollups';
import { exportRows } from '../../src/model/import/exportRows';
import { IAction, assigneeName } from '../../src/model/plan';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { ITestSite, startTestSite } from '../support/emulator';

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
    it(`exports the sample plan to ${format}, imports it into a new plan made from the file, and every priority, outcome, field of every action and status at every board date reads the same`, async () => {
      const owner = site.as(SITE_OWNER.email);
      const data = new SharePointPlanDataService(owner);
      const source = await data.loadPlan(site.planId);
      const rows = exportRows(source.actions, source.priorities, source.outcomes, source.plan.statusScheme, source.plan.reportingDates);
      const bytes = format === 'csv' ? new TextEncoder().encode(formatCsv(rows)) : writeXlsx(rows);

      // Into a new plan, as a plan officer would take another area's plan: proposed from the file, then created.
      const sheet = (await readSpreadsheet(`export.${format}`, bytes)).sheets[0];
      const analysis = analyseSheet(sheet.rows);
      if (!analysis) throw new Error('the export has no header row');
      const proposal = proposePlan(`export.${format}`, sheet.rows, analysis);
      expect(proposal.scheme.unmatched).toEqual([]);
      const importer = new SharePointPlanImportService(owner);
      const planId = await importer.createPlan({ name: `Round trip (${format})`, localArea: 'Shropshire', scheme: proposal.scheme.scheme, reportingDates: proposal.reportingDates });
      const plan = planImport(sheet.rows, analysis.columns, analysis.headerRow, { target: { kind: 'new', name: `Round trip (${format})`, localArea: 'Shropshire' }, scheme: proposal.scheme.scheme, priorities: [], outcomes: [], actions: [] });
      expect(plan.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      await importer.importPlan(planId, plan, { date: '2024-02-29', by: 'Sam Owner' });

      const imported = await data.loadPlan(planId);
      expect(imported.priorities.map((priority) => [priority.number, priority.title])).toEqual(source.priorities.map((priority) => [priority.number, priority.title]));
      expect(imported.outcomes.map((outcome) => [outcome.number, outcome.title]).sort()).toEqual(source.outcomes.map((outcome) => [outcome.number, outcome.title]).sort());
      expect(comparable(imported.actions)).toEqual(comparable(source.actions));
      // The status at every board date the export wrote reads the same.
      for (const date of proposal.reportingDates) {
        const at = (actions: readonly IAction[]): Array<[string, string | undefined]> => actions.map((action): [string, string | undefined] => [action.ref, statusAsAtInOrder(action.history, date)]).sort();
        expect([date, at(imported.actions)]).toEqual([date, at(source.actions)]);
      }
    });
  }
});
