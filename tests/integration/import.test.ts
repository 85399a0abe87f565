import { SITE_OWNER } from '../../emulator/sample/users';
import { IImportPlan, planImport } from '../../src/model/import/dryRun';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { LIST_TITLES } from '../../src/services/schema';
import { ImportWriteError } from '../../src/services/errors';
import { ITestSite, startTestSite } from '../support/emulator';
import { csvRows, dryRunCsv, priorityFourSheet } from '../support/sheets';
import { formatCsv } from '../../src/formats/csvWrite';
import { analyseSheet } from '../../src/model/import/mapping';
import { proposePlan } from '../../src/model/import/newPlan';
import { IAction, assigneeName } from '../../src/model/plan';

const TODAY = '2024-02-29';
/** Who imports, and when: the sample's site owner on the sample's today. */
const MADE = { date: TODAY, by: SITE_OWNER.title };

describe('SharePointPlanImportService against the emulator', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
  });
  afterEach(() => site.stop());

  async function dryRun(text: string): Promise<IImportPlan> {
    return dryRunCsv(text, await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(site.planId));
  }

  /** What the plan holds for the imported refs: one action per ref, and its log entries. */
  /** The imported refs, their log keys, and each action's status history lines (date and status) as stored. */
  function importedState(): { refs: string[]; log: string[]; history: string[] } {
    const actions = site.store.allItems(LIST_TITLES.actions).filter((item) => String(item.values.Title).startsWith('4.1.'));
    const ids = new Set(actions.map((item) => item.id));
    const log = site.store
      .allItems(LIST_TITLES.updates)
      .filter((item) => ids.has(item.values.ActionId as number))
      .map((item) => `${String(item.values.UpdateKey)}`)
      .sort();
    const history = actions.map((item) => `${String(item.values.Title)}: ${String(item.values.StatusHistory ?? '').split('\n').map((line) => line.split('\t').slice(0, 2).join(' ')).join(', ')}`).sort();
    return { refs: actions.map((item) => String(item.values.Title)).sort(), log, history };
  }

  it('writes the dry run: a new priority and outcome, actions, and their history and progress as log entries; a re-run writes nothing', async () => {
    const importer = new SharePointPlanImportService(site.as(SITE_OWNER.email));
    const plan = await dryRun(priorityFourSheet(3));
    expect(plan.problems).toEqual([]);

    const first = await importer.importPlan(site.planId, plan, MADE);
    expect(first).toEqual({ createdPriorities: 1, createdOutcomes: 1, createdActions: 3, updatedActions: 0, unchangedActions: 0, addedLogEntries: 9, conflicts: [] });
    const data = new SharePointPlanDataService(site.as(SITE_OWNER.email));
    const snapshot = await data.loadPlan(site.planId);
    const action = snapshot.actions.find((candidate) => candidate.ref === '4.1.2');
    if (!action) throw new Error('4.1.2 not imported');
    expect(action).toMatchObject({ status: 'Amber', latestNote: 'Half way 2.', latestUpdateDate: '2024-01-31', due: { text: 'Sept 2024', date: '2024-09-30' } });
    expect(snapshot.priorities.find((priority) => priority.id === action?.priorityId)).toMatchObject({ number: '4', title: 'Speech and language waits' });
    expect((await data.openAction(action, false)).log.map((update) => [update.date, update.status ?? '', update.note])).toEqual([
      ['2023-11-30', '', 'Started 2.'],
      ['2023-12-31', 'Red', ''],
      ['2024-01-31', '', 'Half way 2.']
    ]);
    // The action carries a line per log entry, in log order, so the views see its status history without reading the log.
    expect(action.history.map((mark) => [mark.date, mark.status ?? ''])).toEqual([
      ['2023-11-30', ''],
      ['2023-12-31', 'Red'],
      ['2024-01-31', '']
    ]);

    const again = await importer.importPlan(site.planId, await dryRun(priorityFourSheet(3)), MADE);
    expect(again).toEqual({ createdPriorities: 0, createdOutcomes: 0, createdActions: 0, updatedActions: 0, unchangedActions: 3, addedLogEntries: 0, conflicts: [] });
    expect(importedState().refs).toEqual(['4.1.1', '4.1.2', '4.1.3']);
  });

  it('ends with exactly the file’s content when run again after stopping part-way', async () => {
    const reference = importedStateAfter(async () => {
      await new SharePointPlanImportService(site.as(SITE_OWNER.email)).importPlan(site.planId, await dryRun(priorityFourSheet(120)), MADE);
    });
    const expected = await reference;
    await site.stop();
    site = await startTestSite({ seed: true });

    const importer = new SharePointPlanImportService(site.as(SITE_OWNER.email));
    let failures = 0;
    const stopped = await importer
      .importPlan(site.planId, await dryRun(priorityFourSheet(120)), MADE, (written) => {
        // After the first actions are written, SharePoint stops answering (every request refused).
        if (written >= 52 && failures === 0) {
          failures += 1;
          site.emulator.setThrottle({ share: 1, status: 503, retryAfterSeconds: 0 });
        }
      })
      .catch((error: unknown) => error);
    // The stop names the row and ref it was writing.
    expect(stopped).toBeInstanceOf(ImportWriteError);
    expect(stopped).toMatchObject({ kind: 'throttled', ref: expect.stringMatching(/^4\.1\.\d+(–4\.1\.\d+)?$/) });
    const partial = importedState();
    expect(partial.refs.length).toBeGreaterThan(0);
    expect(partial.refs.length).toBeLessThan(120);

    site.emulator.setThrottle({ share: 0 });
    await importer.importPlan(site.planId, await dryRun(priorityFourSheet(120)), MADE);
    expect(importedState()).toEqual(expected);
    expect(new Set(importedState().log).size).toBe(360);
    // Three history lines per action, none twice, though some actions were written before the stop.
    expect(importedState().history).toContain('4.1.7: 2023-11-30 , 2023-12-31 Red, 2024-01-31 ');
  });

  it('imports a sheet with no refs into a new plan, then a re-import that changes one field of each kind writes every change', async () => {
    const owner = site.as(SITE_OWNER.email);
    const importer = new SharePointPlanImportService(owner);
    const data = new SharePointPlanDataService(owner);
    const header = 'What we will do,Lead,Who,Partners,Resources,Start,When,Revised due,Reason for revision,Desired impact,How will we know,Links to AFI / SEF,Evidence,Status Dec 23,RAG';
    const row = (values: Record<string, string>): string =>
      formatCsv([
        [
          values.text ?? 'Recruit two EHC coordinators',
          values.lead ?? 'Director of Education',
          values.officer ?? 'Head of SEND',
          values.partners ?? 'ICB; PCF',
          values.resources ?? '£80,000 (DBV)',
          values.start ?? 'Jan-24',
          values.due ?? 'Sep-24',
          values.revised ?? '',
          values.reason ?? '',
          values.impact ?? 'Plans issued in 20 weeks',
          values.know ?? 'Monthly timeliness figure',
          values.tags ?? 'AFI2, SEF',
          values.evidence ?? 'Job advert (https://example.org/advert)',
          values.history ?? 'Amber',
          values.status ?? 'Green'
        ]
      ]);
    const sheet = (values: Record<string, string>): string => ['Priority 1: Timeliness of EHC plans', header, row(values)].join('\r\n');

    const first = sheet({});
    const rows = csvRows(first);
    const analysis = analyseSheet(rows);
    if (!analysis) throw new Error('no header');
    const proposal = proposePlan('eastwick.csv', rows, analysis);
    const planId = await importer.createPlan({ name: 'Eastwick SEND plan', localArea: 'Eastwick', scheme: proposal.scheme.scheme, reportingDates: proposal.reportingDates });
    const dryRunNew = planImport(rows, analysis.columns, analysis.headerRow, { target: { kind: 'new', name: 'Eastwick SEND plan', localArea: 'Eastwick' }, scheme: proposal.scheme.scheme, priorities: [], outcomes: [], actions: [] });
    expect(dryRunNew.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    await importer.importPlan(planId, dryRunNew, MADE);

    const created = await data.loadPlan(planId);
    expect(created.plan).toMatchObject({ title: 'Eastwick SEND plan', localArea: 'Eastwick', reportingDates: ['2023-12-31'] });
    expect(created.priorities.map((priority) => [priority.number, priority.title])).toEqual([['1', 'Timeliness of EHC plans']]);
    expect(created.actions).toHaveLength(1);
    expect(created.actions[0]).toMatchObject({ ref: '1.1', text: 'Recruit two EHC coordinators', status: 'Green', tags: ['AFI2', 'SEF'], resources: '£80,000 (DBV)', deliveryPartners: ['ICB', 'PCF'] });

    const changes: Array<[string, Record<string, string>, (action: IAction) => unknown, unknown]> = [
      ['lead', { lead: 'Assistant Director' }, (action) => assigneeName(action.strategicLead), 'Assistant Director'],
      ['officer', { officer: 'SEND Manager' }, (action) => assigneeName(action.responsibleOfficer), 'SEND Manager'],
      ['partners', { partners: 'ICB; PCF; Schools' }, (action) => action.deliveryPartners, ['ICB', 'PCF', 'Schools']],
      ['resources', { resources: 'Officer time' }, (action) => action.resources, 'Officer time'],
      ['start', { start: 'Feb-24' }, (action) => action.start.text, 'Feb-24'],
      ['due', { due: 'Oct-24' }, (action) => action.due.text, 'Oct-24'],
      ['revised', { revised: 'Dec-24', reason: 'Recruitment delay' }, (action) => [action.revisedDue?.text, action.revisedDueReason], ['Dec-24', 'Recruitment delay']],
      ['impact', { impact: 'Families wait less' }, (action) => action.desiredImpact, 'Families wait less'],
      ['know', { know: 'Quarterly audit' }, (action) => action.howWeWillKnow, 'Quarterly audit'],
      ['tags', { tags: 'AFI4' }, (action) => action.tags, ['AFI4']],
      ['evidence', { evidence: 'Board paper (https://example.org/paper)' }, (action) => action.evidence, [{ url: 'https://example.org/paper', description: 'Board paper' }]],
      ['status', { status: 'Amber' }, (action) => action.status, 'Amber']
    ];
    for (const [name, values, read, expected] of changes) {
      const before = await data.loadPlan(planId);
      const changed = sheet(values);
      const changedRows = csvRows(changed);
      const plan = planImport(changedRows, analysis.columns, analysis.headerRow, { target: { kind: 'existing', planId, name: 'Eastwick SEND plan' }, scheme: before.plan.statusScheme, priorities: before.priorities, outcomes: before.outcomes, actions: before.actions });
      expect([name, plan.actions.map((action) => action.change)]).toEqual([name, ['update']]);
      const result = await importer.importPlan(planId, plan, MADE);
      expect([name, result.updatedActions]).toEqual([name, 1]);
      const after = await data.loadPlan(planId);
      expect([name, read(after.actions[0])]).toEqual([name, expected]);
    }
    // The key fields the file changed (and changed back, as each step restores the others) are kept as revisions by the importer, as an edit's are.
    const revised = (await data.loadPlan(planId)).actions[0].revisions;
    expect(revised.slice(0, 3).map((revision) => [revision.field, revision.old, revision.new])).toEqual([
      ['strategicLead', 'Director of Education', 'Assistant Director'],
      ['strategicLead', 'Assistant Director', 'Director of Education'],
      ['responsibleOfficer', 'Head of SEND', 'SEND Manager']
    ]);
    expect(revised).toContainEqual(expect.objectContaining({ field: 'revisedDue', old: '', new: 'Dec-24', reason: 'Recruitment delay' }));
    expect(revised.every((revision) => revision.by === SITE_OWNER.title && revision.date === TODAY)).toBe(true);
  });

  async function importedStateAfter(run: () => Promise<void>): Promise<ReturnType<typeof importedState>> {
    await run();
    return importedState();
  }
});
