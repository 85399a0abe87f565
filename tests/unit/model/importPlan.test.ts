import { IImportContext, ImportTarget, planImport, planImportInSlices } from '../../../src/model/import/dryRun';
import { csvRows } from '../../support/sheets';
import { analyseSheet, columnLetter, findHeaderRow, targetFromHeader } from '../../../src/model/import/mapping';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction } from '../../support/builders';
import { aPriority } from '../../support/fixtures';

const existingPlan: ImportTarget = { kind: 'existing', planId: 1, name: 'Shropshire APP' };
const context: IImportContext = {
  target: existingPlan,
  scheme: RAGC_SCHEME,
  priorities: [aPriority(3, '3', 'ND Pathways and Waiting Times')],
  outcomes: [{ id: 31, planId: 1, priorityId: 3, number: '3.1', title: 'Needs identified early' }],
  actions: [anAction({ id: 1, priorityId: 3, outcomeId: 31, ref: '3.1.1', text: 'Collate the support available for 0 - 5', dueText: 'Apr-23', status: 'Green', responsibleOfficer: { kind: 'text', text: 'Kathryn Morgan', pending: false } })]
};

/** A WSoA-style sheet: a title row, then the header, with status columns headed by month. */
const SHEET = [
  'Shropshire Written Statement of Action 2020,,,,,,,,',
  'Ref,Actions designed to lead to improvement,Responsible Officer,By When,RAG,Dec-19,Jan-20,Progress Update,SEF',
  '3.1.1,Collate the support available for 0 - 5,Kathryn Morgan,Apr-23,G,A,G,,',
  '3.1.2,"<b>Publish</b> the support &amp; the offer",Millar Bownass,?July 2023,Amber,,A,"Nov 2019: Scoping agreed. Jan 2020: Draft shared.",Y',
  '5.2.1,Review the annual review process,Fran Davis,TBC,,R,,,'
].join('\n');

function dryRun(text: string, ctx: IImportContext = context): ReturnType<typeof planImport> {
  const rows = csvRows(text);
  const analysis = analyseSheet(rows);
  if (analysis === undefined) throw new Error('no header');
  return planImport(rows, analysis.columns, analysis.headerRow, ctx);
}

function codes(plan: ReturnType<typeof planImport>): Array<[number, string | undefined, string]> {
  return plan.problems.map((problem) => [problem.row, problem.column, problem.code]);
}

describe('reading a header', () => {
  it('maps the headers councils use, date-headed status columns and tag columns', () => {
    const analysis = analyseSheet([
      ['Reference', 'What we will do', 'Lead', 'Responsible Officer', 'Completion Date', 'Status', 'Dec-19', 'Apr-21', 'SEF', 'DBV', 'Notes'],
      ['1.1.1', 'Publish the strategy', 'DCS', 'Head of SEND', 'Dec 20', 'Green', 'Amber', 'Green', 'Y', '', 'Agreed at board']
    ]);
    expect(analysis?.columns.map((entry) => entry.target)).toEqual([
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

  it('reads header words with extra words in brackets, a month after the word, and the name of the status key', () => {
    const read = (header: string): unknown => targetFromHeader(header).target;
    expect(read('Actions (what we will do)')).toEqual({ kind: 'field', field: 'action' });
    expect(read('Lead officer (named)')).toEqual({ kind: 'field', field: 'strategicLead' });
    expect(read('RAG status (BRAG)')).toEqual({ kind: 'field', field: 'status' });
    expect(read('BRAG')).toEqual({ kind: 'field', field: 'status' });
    expect(read('Status Jun 23')).toEqual({ kind: 'statusAt', date: '2023-06-30' });
    expect(read('Progress Nov 20')).toEqual({ kind: 'statusAt', date: '2020-11-30' });
    expect(read('Progress update Jan 24')).toEqual({ kind: 'progressAt', date: '2024-01-31' });
    expect(read('Links to AFI / SEF')).toEqual({ kind: 'field', field: 'tags' });
    expect(read('Target completion')).toEqual({ kind: 'field', field: 'due' });
    expect(read('Success criteria')).toEqual({ kind: 'field', field: 'howWeWillKnow' });
    expect(read('Revised due date')).toEqual({ kind: 'field', field: 'revisedDue' });
    expect(read('Intended outcomes')).toEqual({ kind: 'field', field: 'desiredImpact' });
    expect(read('Notes to self')).toEqual({ kind: 'ignore' });
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual(['A', 'Z', 'AA', 'ZZ']);
  });

  it('decides an ambiguous header by the values under it: short status words are status, sentences are progress', () => {
    const analysis = analyseSheet([
      ['Ref', 'Action', 'Progress', 'Progress Jan 24', 'Number of things', 'Progress Feb 24'],
      ['1.1', 'Do it', 'On track', 'Met with schools and agreed the offer; training booked for March.', 'AFI2', 'Jan 2024: started'],
      ['1.2', 'Do more', 'Delayed', 'Waiting for the provider to confirm the date of the first session.', 'SEF', '']
    ]);
    expect(analysis?.columns.map((entry) => entry.target)).toEqual([
      { kind: 'field', field: 'ref' },
      { kind: 'field', field: 'action' },
      { kind: 'field', field: 'status' },
      { kind: 'progressAt', date: '2024-01-31' },
      { kind: 'field', field: 'tags' },
      // One short dated note under a dated progress header is progress, not a status.
      { kind: 'progressAt', date: '2024-02-29' }
    ]);
    expect(analysis?.columns[2]).toMatchObject({ samples: ['On track', 'Delayed'] });
    expect(analysis?.columns[2].confidence).toBeGreaterThan(analysis?.columns[4].confidence ?? 1);
  });

  it('finds the header under title rows and a status key, and keeps the title lines', () => {
    const rows = csvRows(['Northmoor Local Area SEND Written Statement of Action,,', 'RAG key: R delayed; A at risk; G on track,,', ',,', 'Ref,Action,RAG', '1.1.1,Do it,G'].join('\n'));
    expect(findHeaderRow(rows)).toBe(3);
    expect(analyseSheet(rows)?.titleLines).toEqual(['Northmoor Local Area SEND Written Statement of Action', 'RAG key: R delayed; A at risk; G on track']);
    expect(findHeaderRow(csvRows('a,b\n1,2'))).toBeUndefined();
  });

  it('prefers the mapping saved from the last import, and gives a field to one column only', () => {
    const saved = [{ column: 9, header: 'Notes', target: { kind: 'field' as const, field: 'progress' as const } }];
    expect(analyseSheet([['Ref', 'Notes', 'Action', 'Reference'], ['1.1', 'x', 'y', '1.2']], saved)?.columns.map((entry) => entry.target)).toEqual([
      { kind: 'field', field: 'ref' },
      { kind: 'field', field: 'progress' },
      { kind: 'field', field: 'action' },
      { kind: 'ignore' }
    ]);
  });
});

describe('planImport (dry run)', () => {
  it('says what each row will do: update, create, with status history, tags, plain text and dated progress entries', () => {
    const plan = dryRun(SHEET);
    // Without a Priority column, 5.2.1 names no priority the plan has: in an existing plan its number becomes a new priority.
    expect(plan.problems).toEqual([]);
    expect(plan.newPriorities).toEqual([{ number: '5', title: '' }]);
    expect(plan.actions.map((action) => [action.row, action.ref, action.change, action.priority, action.outcome])).toEqual([
      [3, '3.1.1', 'unchanged', '3', '3.1'],
      [4, '3.1.2', 'create', '3', '3.1'],
      [5, '5.2.1', 'create', '5', '5.2']
    ]);
    const created = plan.actions[1];
    expect(created).toMatchObject({ text: 'Publish the support & the offer', status: 'Amber', tags: ['SEF'], history: [{ date: '2020-01-31', status: 'Amber' }] });
    expect(created.due).toMatchObject({ text: '?July 2023', date: '2023-07-31', tentative: true });
    expect(created.updates).toEqual([
      { date: '2019-11-30', written: 'Nov 2019', text: 'Scoping agreed.' },
      { date: '2020-01-31', written: 'Jan 2020', text: 'Draft shared.' }
    ]);
    expect(plan.actions[2]).toMatchObject({ status: 'Red', history: [{ date: '2019-12-31', status: 'Red' }] });
  });

  it('creates a priority or outcome named in the file and missing from the plan, with the plan’s numbering', () => {
    const plan = dryRun(['Ref,Action,Priority,Outcome', '4.1.1,Cut SALT waits,Speech and language waits,Timely therapy', '4.1.2,Recruit therapists,,', '3.1.9,Add a clinic,3,Needs identified early'].join('\n'));
    expect(plan.problems).toEqual([]);
    expect(plan.newPriorities).toEqual([{ number: '4', title: 'Speech and language waits' }]);
    expect(plan.newOutcomes).toEqual([{ priority: '4', number: '4.1', title: 'Timely therapy' }]);
    // The blank cells of row 3 are a merged priority and outcome: they inherit from the row above.
    expect(plan.actions.map((action) => [action.priority, action.outcome])).toEqual([['4', '4.1'], ['4', '4.1'], ['3', '3.1']]);
  });

  it('reports an unknown status with the scheme’s labels, never guessing, and imports the action without it', () => {
    const plan = dryRun(['Ref,Action,RAG,Dec-23', '3.1.5,Do a thing,G/A,Amber/Green', '3.1.6,Do another,Green,A'].join('\n'));
    expect(plan.problems).toEqual([
      { row: 2, column: 'C', header: 'RAG', value: 'G/A', code: 'statusUnknown', params: ['Red, Amber, Green, Complete'], severity: 'warning' },
      { row: 2, column: 'D', header: 'Dec-23', value: 'Amber/Green', code: 'statusUnknown', params: ['Red, Amber, Green, Complete'], severity: 'warning' }
    ]);
    expect(plan.rejectedRows).toEqual([]);
    expect(plan.actions.map((action) => [action.ref, action.status, action.history])).toEqual([
      ['3.1.5', undefined, []],
      ['3.1.6', 'Green', [{ date: '2023-12-31', status: 'Amber' }]]
    ]);
  });

  it('lists a rejected row with what could be read of it', () => {
    const plan = dryRun(['Ref,Action,By when', '3.1.5,Do a thing,SEF'].join('\n'));
    expect(plan.rejected[0]).toMatchObject({ row: 2, ref: '3.1.5', change: 'rejected', text: 'Do a thing' });
  });

  it('spots shifted rows: a tag in the date column, a sentence in the status column, text in the ref column, a month as a person', () => {
    const plan = dryRun(['Ref,Action,Responsible officer,By When,RAG', '3.1.5,Do a thing,Ann Lee,SEF,Green', '3.1.6,Do another,Ann Lee,Apr-24,Work has started with partners', 'Publish the offer,Millar,Ann Lee,Apr-24,Green', '3.1.7,Do a third,Sep-23,AFI2,Green'].join('\n'));
    expect(codes(plan)).toEqual([
      [2, 'D', 'dateShifted'],
      [3, 'E', 'statusSentence'],
      [4, 'A', 'refNotRef'],
      [5, 'C', 'personShifted'],
      [5, 'D', 'dateShifted']
    ]);
    expect(plan.actions).toEqual([]);
  });

  it('reads back a row whose cells moved one column right (a blank before the action), with a warning, never a month as a lead', () => {
    const plan = dryRun(['Ref,Action,Tags,By when,Lead,RAG', '3.1.5,,Train caseworkers,AFI3,Nov-24,SEND Service Manager,Amber'].join('\n'));
    expect(plan.problems).toEqual([{ row: 2, column: 'B', header: 'Action', value: undefined, code: 'rowRealigned', params: [1], severity: 'warning' }]);
    expect(plan.actions[0]).toMatchObject({ text: 'Train caseworkers', tags: ['AFI3'], due: { text: 'Nov-24' }, strategicLead: 'SEND Service Manager', status: 'Amber' });
    // A gap that does not make the row read sensibly is reported, not realigned.
    const unreadable = dryRun(['Ref,Action,By when,Lead', '3.1.6,,Soon,Sep-23'].join('\n'));
    expect(unreadable.problems.map((problem) => problem.code)).toEqual(['actionTextMissing', 'personShifted', 'dateNotDerived']);
  });

  it('keeps both rows of a duplicate ref as distinct actions, the second under a new ref, and says so', () => {
    const plan = dryRun(['Ref,Action', '3.1.5,Do a thing', '3.1.5,Do it again', '3.1.5,And a third time'].join('\n'));
    expect(plan.problems).toEqual([
      { row: 3, column: 'A', header: 'Ref', value: '3.1.5', code: 'duplicateRef', params: ['3.1.5', 2, '3.1.5b'], severity: 'warning' },
      { row: 4, column: 'A', header: 'Ref', value: '3.1.5', code: 'duplicateRef', params: ['3.1.5', 2, '3.1.5c'], severity: 'warning' }
    ]);
    expect(plan.actions.map((action) => [action.ref, action.text])).toEqual([
      ['3.1.5', 'Do a thing'],
      ['3.1.5b', 'Do it again'],
      ['3.1.5c', 'And a third time']
    ]);
  });

  it('keeps a date it cannot derive as written, with a warning, and imports the row', () => {
    const plan = dryRun(['Ref,Action,By When', '3.1.5,Do a thing,Beginning in March'].join('\n'));
    expect(plan.problems).toEqual([expect.objectContaining({ row: 2, column: 'C', value: 'Beginning in March', code: 'dateNotDerived', params: ['field:due'], severity: 'warning' })]);
    expect(plan.actions[0].due).toMatchObject({ text: 'Beginning in March', kind: 'unknown' });
  });

  it('applies SharePoint’s column lengths in the dry run, so the write never meets one', () => {
    const longLead = 'A'.repeat(300);
    const plan = dryRun(['Ref,Action,Lead', `3.1.5,Do a thing,${longLead}`, '3.1.6,Do another,DCS'].join('\n'));
    expect(plan.problems).toEqual([{ row: 2, column: 'C', header: 'Lead', value: undefined, code: 'tooLong', params: ['field:strategicLead', 300, 255], severity: 'error' }]);
    expect(plan.actions.map((action) => action.ref)).toEqual(['3.1.6']);
  });

  it('shortens a heading too long for a title, with a warning on its row, and keeps a priority’s whole heading', () => {
    const long = `Priority 4: ${'The quality of education, health and care plans '.repeat(6).trim()}`;
    const plan = dryRun(['Ref,Action', `"${long}",`, '4.1.1,Audit plans'].join('\n'));
    expect(plan.problems).toEqual([{ row: 2, code: 'titleShortened', params: ['field:priority', long.length - 'Priority 4: '.length, 255], severity: 'warning' }]);
    expect(plan.newPriorities[0].title).toHaveLength(255);
    expect(plan.newPriorities[0].fullTitle).toBe(long.slice('Priority 4: '.length));
    expect(plan.actions[0]).toMatchObject({ ref: '4.1.1', priority: '4' });
  });

  it('compares every field the writer writes on a re-import', () => {
    const base = ['Ref,Action,Responsible officer,By When,RAG'];
    const unchanged = dryRun([...base, '3.1.1,Collate the support available for 0 - 5,Kathryn Morgan,Apr-23,Green'].join('\n'));
    expect(unchanged.actions[0].change).toBe('unchanged');
    for (const [header, value] of [
      ['Theme', 'Early support'],
      ['Tags', 'AFI2'],
      ['Lead', 'DCS'],
      ['Start', 'Jan-23'],
      ['Desired impact', 'Families know what is there'],
      ['How will we know', 'Survey'],
      ['Resources', 'Officer time'],
      ['Delivery partners', 'PCF'],
      ['Evidence', 'https://example.org/minutes'],
      ['Revised due date', 'Jun-23']
    ]) {
      const plan = dryRun([`${base[0]},${header}`, `3.1.1,Collate the support available for 0 - 5,Kathryn Morgan,Apr-23,Green,${value}`].join('\n'));
      expect([header, plan.actions[0].change]).toEqual([header, 'update']);
    }
  });

  it('says so for an empty file and for a sheet with no action column', () => {
    expect(planImport(csvRows('\n,,\n'), [], 0, context).problems[0]).toMatchObject({ row: 0, code: 'emptyFile', severity: 'error' });
    expect(planImport(csvRows('Ref\n1.1'), [{ column: 0, header: 'Ref', target: { kind: 'field', field: 'ref' } }], 0, context).problems[0]).toMatchObject({ code: 'noActionColumn' });
  });

  it('warns when the file’s refs hardly overlap the plan’s: probably another plan', () => {
    const actions = ['3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.1.5'].map((ref, index) => anAction({ id: index + 1, priorityId: 3, ref, text: `Action ${ref}` }));
    const sheet = ['Ref,Action', ...['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '3.1.1'].map((ref) => `${ref},Something for ${ref}`)].join('\n');
    const plan = dryRun(sheet, { ...context, actions });
    expect(plan.problems[0]).toEqual({ row: 0, code: 'refsHardlyOverlap', params: [1, 6, 'Shropshire APP'], severity: 'warning' });
  });
});

describe('plans as written', () => {
  const newPlan: IImportContext = { target: { kind: 'new', name: 'Eastwick APP', localArea: 'Eastwick' }, scheme: RAGC_SCHEME, priorities: [], outcomes: [], actions: [] };

  it('gives actions without refs a ref from their place (priority.outcome.n), and a re-import matches them by their text', () => {
    const sheet = [
      'Recommendation 1: Leaders should improve the timeliness of EHC plans,,,',
      'What we will do,Who,When,Progress',
      'Outcome 1: Plans are issued within 20 weeks,,,',
      'Recruit two more EHC coordinators,Head of SEND,Sep-24,On track',
      'Weekly tracking of every assessment,SEND Manager,Jul-24,Completed',
      'Recommendation 2: Leaders should improve the quality of plans,,,',
      'Audit 20 plans a term,Principal EP,Dec-24,Not yet due'
    ].join('\n');
    const rows = csvRows(sheet);
    const analysis = analyseSheet(rows);
    expect(analysis?.headerRow).toBe(1);
    const scheme = { id: 'custom', name: 'custom', labels: ['On track', 'Completed', 'Not yet due'].map((key, index) => ({ key, label: key, colour: '#000', textColour: '#fff', icon: '', description: key, meaning: (['onTrack', 'complete', 'notStarted'] as const)[index], aliases: [] })) };
    const plan = planImport(rows, analysis?.columns ?? [], analysis?.headerRow ?? 0, { ...newPlan, scheme });
    expect(plan.newPriorities).toEqual([
      { number: '1', title: 'Leaders should improve the timeliness of EHC plans' },
      { number: '2', title: 'Leaders should improve the quality of plans' }
    ]);
    expect(plan.newOutcomes).toEqual([{ priority: '1', number: '1', title: 'Plans are issued within 20 weeks' }]);
    expect(plan.actions.map((action) => [action.ref, action.priority, action.outcome, action.responsibleOfficer, action.status])).toEqual([
      ['1.1.1', '1', '1', 'Head of SEND', 'On track'],
      ['1.1.2', '1', '1', 'SEND Manager', 'Completed'],
      ['2.1', '2', undefined, 'Principal EP', 'Not yet due']
    ]);
    expect(plan.problems).toEqual([{ row: 0, code: 'refsGenerated', params: [3], severity: 'warning' }]);

    // Imported, then the sheet reordered: each row still finds its action by its text.
    const imported = [
      anAction({ id: 1, priorityId: 1, outcomeId: 11, ref: '1.1.1', text: 'Recruit two more EHC coordinators' }),
      anAction({ id: 2, priorityId: 1, outcomeId: 11, ref: '1.1.2', text: 'Weekly tracking of every assessment' })
    ];
    const reordered = csvRows(['What we will do,Who,When', 'Outcome 1: Plans are issued within 20 weeks,,', 'Weekly tracking of every assessment,SEND Manager,Jul-24', 'Recruit two more EHC coordinators,Head of SEND,Sep-24', 'A new action,Head of SEND,Sep-24'].join('\n'));
    const again = planImport(reordered, analyseSheet(reordered)?.columns ?? [], 0, {
      ...newPlan,
      target: existingPlan,
      priorities: [aPriority(1, '1', 'Leaders should improve the timeliness of EHC plans')],
      outcomes: [{ id: 11, planId: 1, priorityId: 1, number: '1.1', title: 'Plans are issued within 20 weeks' }],
      actions: imported
    });
    expect(again.actions.map((action) => [action.ref, action.text])).toEqual([
      ['1.1.2', 'Weekly tracking of every assessment'],
      ['1.1.1', 'Recruit two more EHC coordinators'],
      ['1.1.3', 'A new action']
    ]);
  });

  it('composes refs from a "Number" column that restarts under each area heading, and splits a combined tag column', () => {
    const sheet = [
      'Number,Action,Lead,Links to AFI / SEF,RAG',
      'Area of concern 1 - Waiting times for ND assessment,,,,',
      '1,Commission extra assessments,ICB Director,"AFI2, SEF",G',
      '2,Publish waiting times monthly,ICB Director,AFI4/DBV,A',
      'Area of concern 2 - Quality of EHC plans,,,,',
      '1,Multi-agency audit,Head of SEND,SEF,R'
    ].join('\n');
    const plan = dryRun(sheet, newPlan);
    expect(plan.problems).toEqual([]);
    expect(plan.actions.map((action) => [action.ref, action.priority, action.tags])).toEqual([
      ['1.1', '1', ['AFI2', 'SEF']],
      ['1.2', '1', ['AFI4', 'DBV']],
      ['2.1', '2', ['SEF']]
    ]);
    expect(plan.newPriorities.map((priority) => priority.title)).toEqual(['Waiting times for ND assessment', 'Quality of EHC plans']);
  });

  it('puts a sheet that names no priority at all under one priority of a new plan, and says so', () => {
    const plan = dryRun(['Ref,Action', 'A,Do a thing', 'B,Do another'].join('\n'), newPlan);
    expect(plan.problems).toEqual([{ row: 2, column: undefined, header: undefined, value: undefined, code: 'priorityAssumed', params: ['1'], severity: 'warning' }]);
    expect(plan.actions.map((action) => [action.ref, action.priority])).toEqual([
      ['A', '1'],
      ['B', '1']
    ]);
  });

  it('reads evidence as titled links, revised due dates with their reason', () => {
    const plan = dryRun(['Ref,Action,Revised due date,Reason for revision,Evidence', '3.1.5,Do it,Sep-24,Provider delay,"Board minutes (https://example.org/m1)\nhttps://example.org/dash\nParent survey"'].join('\n'));
    expect(plan.actions[0]).toMatchObject({
      revisedDue: { text: 'Sep-24', date: '2024-09-30' },
      revisedDueReason: 'Provider delay',
      evidence: [
        { url: 'https://example.org/m1', description: 'Board minutes' },
        { url: 'https://example.org/dash', description: 'https://example.org/dash' },
        { url: '', description: 'Parent survey' }
      ]
    });
    expect(codes(plan)).toEqual([[2, 'E', 'evidenceNotLink']]);
  });
});

describe('planImportInSlices', () => {
  it('gives the same dry run as planImport, pausing between slices and saying how far it has got', async () => {
    const rows = [['Ref', 'Action', 'RAG']];
    for (let index = 1; index <= 2500; index++) rows.push([`3.1.${index}`, `Action ${index}`, index % 500 === 0 ? 'Work has started with our partners' : 'Green']);
    const mapping = analyseSheet(rows)?.columns ?? [];
    const progress: number[] = [];
    const pause = jest.fn(async () => undefined);
    const sliced = await planImportInSlices(rows, mapping, 0, context, (checked) => progress.push(checked), pause);
    expect(sliced).toEqual(planImport(rows, mapping, 0, context));
    expect(sliced.rejectedRows).toEqual([501, 1001, 1501, 2001, 2501]);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pause).toHaveBeenCalledTimes(3);
  });
});
