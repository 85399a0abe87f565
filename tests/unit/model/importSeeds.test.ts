/**
 * The dry run over spreadsheets built from the real plans in ../shared/seeds: each
 * sheet keeps its plan's own headers, dates, statuses and cell formatting.
 */
import { csvRows } from '../../support/sheets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IImportContext, planImport } from '../../../src/model/import/dryRun';
import { analyseSheet } from '../../../src/model/import/mapping';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { aPriority } from '../../support/fixtures';

function dryRun(name: string, context: Partial<IImportContext> = {}): ReturnType<typeof planImport> {
  const rows = csvRows(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8'));
  const analysis = analyseSheet(rows);
  if (!analysis) throw new Error(`${name}: no header row found`);
  return planImport(rows, analysis.columns, analysis.headerRow, { target: { kind: 'existing', planId: 1, name: 'Seed plan' }, scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [], ...context });
}

describe('importing the seed plans', () => {
  it('Shropshire WSoA 2020: outcome rows, "Completion Date", delivery partners, resources and the dated progress column', () => {
    const plan = dryRun('shropshire-wsoa-2020.csv', { priorities: [aPriority(1, '1', 'Strategic leadership and planning')] });
    expect(plan.problems).toEqual([]);
    expect(plan.newOutcomes).toEqual([{ priority: '1', number: '1.1', title: 'Governance structure' }]);
    expect(plan.actions.map((action) => [action.ref, action.due.text, action.due.date, action.strategicLead, action.status])).toEqual([
      ['1.1.1', 'Dec 20', '2020-12-31', 'NO', 'Green'],
      ['1.1.2', 'Jan 21', '2021-01-31', 'DCS', 'Amber'],
      ['1.1.3', 'Jan 21', '2021-01-31', 'DoP/DCS', 'Amber'],
      ['1.1.4', 'Nov 20', '2020-11-30', 'DCS/ DoP', 'Green']
    ]);
    expect(plan.actions[0]).toMatchObject({
      deliveryPartners: ['SEND Strat Board members', 'SEND Partnership Board'],
      resources: 'Officer time (existing resource)',
      updates: [{ date: '2020-11-30', text: 'Co-produced strategy refreshed following engagement. KPIs developed to quantify impact against agreed outcomes' }]
    });
  });

  it('Worcestershire APP 2022: key concerns written in HTML become priorities with their numbers, measures become plain lines', () => {
    const plan = dryRun('worcestershire-app-2022.csv');
    expect(plan.problems).toEqual([]);
    expect(plan.newPriorities).toEqual([
      { number: '1', title: 'THE VARIATION IN THE SKILLS AND COMMITMENT OF SOME MAINSTREAM SCHOOLS TO PROVIDE EFFECTIVE SUPPORT FOR CHILDREN WHO HAVE SEND' },
      { number: '2', title: 'THE LACK OF SUITABLE SPECIALIST PROVISION TO MEET THE IDENTIFIED NEEDS OF CHILDREN AND YOUNG PEOPLE' }
    ]);
    expect(plan.actions[0].howWeWillKnow).toBe(
      '- Number of schools/Trusts attending events to share outcomes of SEND inspection and Accelerated Progress Plan\n- % of mainstream SENCOS attending training/ networks virtually or face to face'
    );
    expect(plan.actions[1].text).toBe('2. Review and increase attendance of mainstream Headteachers at 0-25 SEND & All Age Disability Partnership Board.');
    expect(plan.actions.map((action) => [action.ref, action.priority, action.status])).toEqual([
      ['1.1', '1', 'Green'],
      ['1.2', '1', 'Amber'],
      ['2.1', '2', 'Red']
    ]);
  });

  it('Shropshire APP 2023: month-headed status columns become history, "?July 2023" is tentative, an officer written "твс" (OCR for TBC) is kept as written', () => {
    const plan = dryRun('shropshire-app-2023.csv', { priorities: [aPriority(3, '3', 'ND Pathways and Waiting Times')] });
    expect(plan.problems).toEqual([]);
    const [first, second, third, fourth] = plan.actions;
    expect(first).toMatchObject({ status: 'Green', tags: ['SEF'], history: [{ date: '2023-06-30', status: 'Amber' }, { date: '2023-09-30', status: 'Green' }] });
    expect(first.updates.map((update) => update.date)).toEqual(['2023-06-30', '2023-09-30']);
    expect(second.due).toMatchObject({ text: '?July 2023', date: '2023-07-31', tentative: true });
    expect(third.due.kind).toBe('in-place');
    expect(fourth).toMatchObject({ responsibleOfficer: 'твс', status: 'Red' });
  });
});
