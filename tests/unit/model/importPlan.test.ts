import { findHeaderRow, planImport, planImportInSlices } from '../../../src/model/import/dryRun';
import { columnLetter, suggestMapping, suggestTarget } from '../../../src/model/import/mapping';
import { parseCsv } from '../../../src/model/import/csv';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction } from '../../support/builders';
import { aPriority } from '../../support/fixtures';

const context = {
  scheme: RAGC_SCHEME,
  priorities: [aPriority(3, '3', 'ND Pathways and Waiting Times')],
  outcomes: [{ id: 31, planId: 1, priorityId: 3, number: '3.1', title: 'Needs identified early' }],
  actions: [anAction({ id: 1, priorityId: 3, ref: '3.1.1', text: 'Collate the support available for 0 - 5', dueText: 'Apr-23', status: 'Green', responsibleOfficer: { kind: 'text', text: 'Kathryn Morgan', pending: false } })]
};

/** A WSoA-style sheet: a title row, then the header, with status columns headed by month. */
const SHEET = [
  'Shropshire Written Statement of Action 2020,,,,,,,,',
  'Ref,Actions designed to lead to improvement,Responsible Officer,By When,RAG,Dec-19,Jan-20,Progress Update,SEF',
  '3.1.1,Collate the support available for 0 - 5,Kathryn Morgan,Apr-23,G,A,G,,',
  '3.1.2,"<b>Publish</b> the support &amp; the offer",Millar Bownass,?July 2023,Amber,,A,"Nov 2019: Scoping agreed. Jan 2020: Draft shared.",Y',
  '5.2.1,Review the annual review process,Fran Davis,TBC,,R,,,'
].join('\n');

function dryRun(text: string, ctx = context): ReturnType<typeof planImport> {
  const rows = parseCsv(text);
  const header = findHeaderRow(rows);
  if (header === undefined) throw new Error('no header');
  return planImport(rows, suggestMapping(rows[header]), header, ctx);
}

describe('suggestMapping', () => {
  it('maps the headers councils use, date-headed status columns and tag columns', () => {
    const mapping = suggestMapping(['Reference', 'What we will do', 'Lead', 'Responsible Officer', 'Completion Date', 'Status', 'Dec-19', 'Apr-21', 'SEF', 'DBV', 'Notes']);
    expect(mapping.map((entry) => entry.target)).toEqual([
      { kind: 'field', field: 'ref' },
      { kind: 'field', field: 'action' },
      { kind: 'field', field: 'strategicLead' },
      { kind: 'field', field: 'responsibleOfficer' },
      { kind: 'field', field: 'due' },
      { kind: 'field', field: 'status' },
      { kind: 'statusAt', date: '2019-12-31' },
      { kind: 'statusAt', date: '2021-04-30' },
      { kind: 'tag', tag: 'SEF' },
      { kind: 'tag', tag: 'DBV' },
      { kind: 'ignore' }
    ]);
  });

  it('prefers the mapping saved from the last import, and gives a field to one column only', () => {
    const saved = [{ column: 9, header: 'Notes', target: { kind: 'field' as const, field: 'progress' as const } }];
    expect(suggestMapping(['Ref', 'Notes', 'Reference'], saved).map((entry) => entry.target)).toEqual([
      { kind: 'field', field: 'ref' },
      { kind: 'field', field: 'progress' },
      { kind: 'ignore' }
    ]);
    expect(suggestTarget('Intended outcomes')).toEqual({ kind: 'field', field: 'desiredImpact' });
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual(['A', 'Z', 'AA', 'ZZ']);
  });
});

describe('planImport (dry run)', () => {
  it('says what each row will do: update, create, with status history, tags, plain text and dated progress entries', () => {
    const plan = dryRun(SHEET);
    // Without a Priority column, 5.2.1 names no priority the plan has, and none can be invented without a title.
    expect(plan.problems).toEqual([expect.objectContaining({ row: 5, message: expect.stringMatching(/^No priority area for 5\.2\.1/) })]);
    expect(plan.actions.map((action) => [action.row, action.ref, action.change, action.priority])).toEqual([
      [3, '3.1.1', 'unchanged', '3'],
      [4, '3.1.2', 'create', '3']
    ]);
    const withPriority5 = dryRun(SHEET, { ...context, priorities: [...context.priorities, aPriority(5, '5', 'Quality of EHC plans')] });
    expect(withPriority5.problems).toEqual([]);
    expect(withPriority5.actions[2]).toMatchObject({ ref: '5.2.1', change: 'create', status: 'Red', history: [{ date: '2019-12-31', status: 'Red' }] });
    const created = plan.actions[1];
    expect(created).toMatchObject({ text: 'Publish the support & the offer', outcome: '3.1', status: 'Amber', tags: ['SEF'], history: [{ date: '2020-01-31', status: 'Amber' }] });
    expect(created.due).toMatchObject({ text: '?July 2023', date: '2023-07-31', tentative: true });
    expect(created.updates).toEqual([
      { date: '2019-11-30', written: 'Nov 2019', text: 'Scoping agreed.' },
      { date: '2020-01-31', written: 'Jan 2020', text: 'Draft shared.' }
    ]);
  });

  it('creates a priority or outcome named in the file and missing from the plan, with the plan’s numbering', () => {
    const plan = dryRun(['Ref,Action,Priority,Outcome', '4.1.1,Cut SALT waits,Speech and language waits,Timely therapy', '4.1.2,Recruit therapists,Speech and language waits,Timely therapy', '3.1.9,Add a clinic,3,Needs identified early'].join('\n'));
    expect(plan.problems).toEqual([]);
    expect(plan.newPriorities).toEqual([{ number: '4', title: 'Speech and language waits' }]);
    expect(plan.newOutcomes).toEqual([{ priority: '4', number: '4.1', title: 'Timely therapy' }]);
    expect(plan.actions.map((action) => [action.priority, action.outcome])).toEqual([['4', '4.1'], ['4', '4.1'], ['3', '3.1']]);
  });

  it('reports an unknown status with the scheme’s labels, never guessing, and rejects that row only', () => {
    const plan = dryRun(['Ref,Action,RAG', '3.1.5,Do a thing,G/A', '3.1.6,Do another,Green'].join('\n'));
    expect(plan.problems).toEqual([
      { row: 2, column: 'C (RAG)', value: 'G/A', message: '"G/A" is not a status in the Red / Amber / Green / Complete scheme. Use one of: Red, Amber, Green, Complete.', severity: 'error' }
    ]);
    expect(plan.rejectedRows).toEqual([2]);
    expect(plan.actions.map((action) => action.ref)).toEqual(['3.1.6']);
  });

  it('spots shifted rows: a tag in the date column, a sentence in the status column, text in the ref column', () => {
    const plan = dryRun(['Ref,Action,By When,RAG', '3.1.5,Do a thing,SEF,Green', '3.1.6,Do another,Apr-24,Work has started with partners', 'Publish the offer,Millar,Apr-24,Green'].join('\n'));
    expect(plan.problems.map((problem) => [problem.row, problem.column, problem.value])).toEqual([
      [2, 'C (By When)', 'SEF'],
      [3, 'D (RAG)', 'Work has started with partners'],
      [4, 'A (Ref)', 'Publish the offer']
    ]);
    expect(plan.problems.every((problem) => /shifted/.test(problem.message))).toBe(true);
    expect(plan.actions).toEqual([]);
  });

  it('refuses a ref that appears twice, naming the first row', () => {
    const plan = dryRun(['Ref,Action', '3.1.5,Do a thing', '3.1.5,Do it again'].join('\n'));
    expect(plan.problems).toEqual([{ row: 3, column: 'A (Ref)', value: '3.1.5', message: 'Reference 3.1.5 is also on row 2: each action must appear once.', severity: 'error' }]);
  });

  it('keeps a date it cannot derive as written, with a warning, and imports the row', () => {
    const plan = dryRun(['Ref,Action,By When', '3.1.5,Do a thing,Beginning in March'].join('\n'));
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: 'C (By When)', value: 'Beginning in March', severity: 'warning' })]);
    expect(plan.actions[0].due).toMatchObject({ text: 'Beginning in March', kind: 'unknown' });
  });

  it('says so for an empty file, a file with no header row, and a mapping without Ref', () => {
    expect(planImport(parseCsv('\n,,\n'), [], 0, context).problems[0].message).toBe('The file is empty.');
    expect(findHeaderRow(parseCsv('a,b\n1,2'))).toBeUndefined();
    expect(planImport(parseCsv('Action\nDo it'), suggestMapping(['Action']), 0, context).problems[0].message).toMatch(/^No column is mapped to Ref/);
  });
});

describe('planImportInSlices', () => {
  it('gives the same dry run as planImport, pausing between slices and saying how far it has got', async () => {
    const rows = [['Ref', 'Action', 'RAG']];
    for (let index = 1; index <= 2500; index++) rows.push([`3.1.${index}`, `Action ${index}`, index % 500 === 0 ? 'G/A' : 'Green']);
    const mapping = suggestMapping(rows[0]);
    const progress: number[] = [];
    const pause = jest.fn(async () => undefined);
    const sliced = await planImportInSlices(rows, mapping, 0, context, (checked) => progress.push(checked), pause);
    expect(sliced).toEqual(planImport(rows, mapping, 0, context));
    expect(sliced.rejectedRows).toEqual([501, 1001, 1501, 2001, 2501]);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pause).toHaveBeenCalledTimes(3);
  });
});
