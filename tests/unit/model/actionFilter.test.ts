import { NOT_NAMED_KEY, NO_STATUS, filterActions, isEmptyFilter, ownersOf, sortActions, tagsOf } from '../../../src/model/actionFilter';
import { IRole } from '../../../src/model/plan';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction } from '../../support/builders';

const context = { scheme: RAGC_SCHEME, today: '2023-06-15', dueSoonDays: 30 };
const actions = [
  anAction({ id: 1, priorityId: 3, ref: '3.1.1', text: 'Collate the support available for 0 - 5', status: 'Red', dueText: 'Apr-23', tags: ['SEF'], responsibleOfficer: { kind: 'person', person: { id: 7, displayName: 'Kathryn Morgan' } } }),
  anAction({ id: 2, priorityId: 3, ref: '3.1.10', text: 'Publish the local offer page', status: 'Green', dueText: 'Jul-23', tags: ['sef', 'DBV'], responsibleOfficer: { kind: 'role', role: 'Commissioners' } }),
  anAction({ id: 3, priorityId: 3, ref: '3.1.2', text: 'Review the ND pathway', dueText: 'TBC', latestNote: 'Waiting for partner returns', responsibleOfficer: { kind: 'text', text: 'ND Workstream to confirm', pending: true } }),
  anAction({ id: 4, priorityId: 5, ref: '5.1.1', text: 'Audit EHC plans', status: 'Complete', dueText: 'Mar-23' }),
  anAction({ id: 5, priorityId: 5, ref: '5.1.2', text: 'Hand-edited status', status: 'G/A', dueText: 'Jun-23' })
];
const ids = (found: Array<{ id: number }>): number[] => found.map((action) => action.id);

describe('filterActions', () => {
  it('lets everything through an empty filter', () => {
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ text: '   ' })).toBe(true);
    expect(isEmptyFilter({ statuses: [] })).toBe(true);
    expect(isEmptyFilter({ actionIds: [] })).toBe(false);
    expect(ids(filterActions(actions, {}, context))).toEqual([1, 2, 3, 4, 5]);
  });

  it('filters by priority, and by any of several statuses', () => {
    expect(ids(filterActions(actions, { priorityId: 5 }, context))).toEqual([4, 5]);
    expect(ids(filterActions(actions, { statuses: ['Red', 'Complete'] }, context))).toEqual([1, 4]);
  });

  it('filters by any of the priority areas chosen, none chosen letting all through', () => {
    expect(ids(filterActions(actions, { priorityIds: [5] }, context))).toEqual([4, 5]);
    expect(ids(filterActions(actions, { priorityIds: [3, 5] }, context))).toEqual([1, 2, 3, 4, 5]);
    expect(ids(filterActions(actions, { priorityIds: [3], statuses: ['Green'] }, context))).toEqual([2]);
    expect(ids(filterActions(actions, { priorityIds: [9] }, context))).toEqual([]);
    expect(isEmptyFilter({ priorityIds: [] })).toBe(true);
    expect(isEmptyFilter({ priorityIds: [3] })).toBe(false);
  });

  it('counts an unrated action and one with a status outside the scheme as "no status", as the summary does', () => {
    expect(ids(filterActions(actions, { statuses: [NO_STATUS] }, context))).toEqual([3, 5]);
  });

  it('filters by responsible officer: a person, a role, or what waits for a name', () => {
    expect(ids(filterActions(actions, { owner: 'person:7' }, context))).toEqual([1]);
    expect(ids(filterActions(actions, { owner: 'role:commissioners' }, context))).toEqual([2]);
    expect(ids(filterActions(actions, { owner: NOT_NAMED_KEY }, context))).toEqual([3]);
    expect(ids(filterActions(actions, { owner: 'person:99' }, context))).toEqual([]);
  });

  it('filters overdue and due soon by the model rules (complete work is never overdue)', () => {
    expect(ids(filterActions(actions, { overdue: true }, context))).toEqual([1]);
    expect(ids(filterActions(actions, { dueSoon: true }, context))).toEqual([5]);
  });

  it('matches a tag ignoring case, and free text as all of its words anywhere', () => {
    expect(ids(filterActions(actions, { tag: 'SEF' }, context))).toEqual([1, 2]);
    expect(ids(filterActions(actions, { text: 'partner waiting' }, context))).toEqual([3]);
    expect(ids(filterActions(actions, { text: 'commissioners local' }, context))).toEqual([2]);
    // A search box matches within words: "3.1.1" also finds 3.1.10, as "3.1" finds the whole outcome.
    expect(ids(filterActions(actions, { text: '3.1.1' }, context))).toEqual([1, 2]);
  });

  it('keeps a fixed set, combined with the other conditions', () => {
    expect(ids(filterActions(actions, { actionIds: [1, 2, 4] }, context))).toEqual([1, 2, 4]);
    expect(ids(filterActions(actions, { actionIds: [1, 2, 4], priorityId: 5 }, context))).toEqual([4]);
    expect(ids(filterActions(actions, { actionIds: [] }, context))).toEqual([]);
  });
});

describe('ownersOf and tagsOf', () => {
  it('lists each owner and tag once, sorted, tags in the first spelling met', () => {
    expect(ownersOf(actions, [], 'en-GB')).toEqual([
      { kind: 'person', key: 'person:7', name: 'Kathryn Morgan' },
      { kind: 'role', key: 'role:commissioners', name: 'Commissioners' },
      { kind: 'notNamed', key: NOT_NAMED_KEY }
    ]);
    expect(tagsOf(actions, 'en-GB')).toEqual(['DBV', 'SEF']);
  });

  it("sorts in the page's culture: Swedish puts Ä after Z", () => {
    const tagged = [anAction({ id: 1, tags: ['Zeta', 'Äpple'] })];
    expect(tagsOf(tagged, 'en-GB')).toEqual(['Äpple', 'Zeta']);
    expect(tagsOf(tagged, 'sv-SE')).toEqual(['Zeta', 'Äpple']);
  });
});

describe('the officer filter with the roles glossary', () => {
  const MILLAR = { id: 13, displayName: 'Millar Bownass', email: 'millar.bownass@send.example' };
  const FRAN = { id: 11, displayName: 'Fran Davis', email: 'fran.davis@send.example' };
  const DALE = { id: 12, displayName: 'Dale Coleman' };
  const roles: IRole[] = [
    { id: 1, planId: 1, title: 'Commissioners', holder: MILLAR, deputy: FRAN },
    { id: 2, planId: 1, title: 'Designated Clinical Officer', abbreviation: 'DCO' },
    { id: 3, planId: 1, title: 'LDA Program Lead', abbreviation: 'LDA', holder: DALE }
  ];
  const text = (value: string, pending = false): { kind: 'text'; text: string; pending: boolean } => ({ kind: 'text', text: value, pending });
  // As the issue found them: "TBC", its Cyrillic lookalike and a trailing space; MPFT twice, once with a name.
  const owned = [
    anAction({ id: 1, ref: '1.1', responsibleOfficer: { kind: 'role', role: 'Commissioners' } }),
    anAction({ id: 2, ref: '1.2', responsibleOfficer: { kind: 'person', person: FRAN } }),
    anAction({ id: 3, ref: '1.3', responsibleOfficer: text('TBC', true) }),
    anAction({ id: 4, ref: '1.4', responsibleOfficer: text('твс') }),
    anAction({ id: 5, ref: '1.5', responsibleOfficer: text('tbc ') }),
    anAction({ id: 6, ref: '1.6', responsibleOfficer: text('MPFT') }),
    anAction({ id: 7, ref: '1.7', responsibleOfficer: text('mpft ') }),
    anAction({ id: 8, ref: '1.8', responsibleOfficer: text('MPFT (Jessica Roose)') }),
    anAction({ id: 9, ref: '1.9', responsibleOfficer: text('LDA') }),
    anAction({ id: 10, ref: '1.10', responsibleOfficer: { kind: 'role', role: 'designated clinical officer' } }),
    anAction({ id: 11, ref: '1.11', responsibleOfficer: text('ND Workstream to confirm', true) }),
    anAction({ id: 12, ref: '1.12' })
  ];
  const withRoles = { ...context, roles };

  it('offers people (those named and those holding or deputising for a role named), then roles with their holder, then "not yet named" once, then names as written once each', () => {
    expect(ownersOf(owned, roles, 'en-GB')).toEqual([
      { kind: 'person', key: 'person:12', name: 'Dale Coleman' },
      { kind: 'person', key: 'person:11', name: 'Fran Davis' },
      { kind: 'person', key: 'person:13', name: 'Millar Bownass' },
      { kind: 'role', key: 'role:commissioners', name: 'Commissioners', holder: 'Millar Bownass' },
      { kind: 'role', key: 'role:designated clinical officer', name: 'Designated Clinical Officer', holder: undefined },
      { kind: 'role', key: 'role:lda program lead', name: 'LDA Program Lead', holder: 'Dale Coleman' },
      { kind: 'notNamed', key: NOT_NAMED_KEY },
      { kind: 'text', key: 'text:mpft', name: 'MPFT' },
      { kind: 'text', key: 'text:mpft (jessica roose)', name: 'MPFT (Jessica Roose)' }
    ]);
  });

  it('finds a person’s actions directly and through the roles they hold or cover; a role’s actions whether written by title or abbreviation', () => {
    expect(ids(filterActions(owned, { owner: 'person:13' }, withRoles))).toEqual([1]);
    // Fran owns 1.2 and deputises for Commissioners.
    expect(ids(filterActions(owned, { owner: 'person:11' }, withRoles))).toEqual([1, 2]);
    expect(ids(filterActions(owned, { owner: 'person:12' }, withRoles))).toEqual([9]);
    expect(ids(filterActions(owned, { owner: 'role:lda program lead' }, withRoles))).toEqual([9]);
    expect(ids(filterActions(owned, { owner: 'role:designated clinical officer' }, withRoles))).toEqual([10]);
  });

  it('folds placeholders into "not yet named", and near-duplicate names into one choice', () => {
    expect(ids(filterActions(owned, { owner: NOT_NAMED_KEY }, withRoles))).toEqual([3, 4, 5, 11]);
    expect(ids(filterActions(owned, { owner: 'text:mpft' }, withRoles))).toEqual([6, 7]);
  });

  it('finds a role’s actions by its holder’s name in the free-text search', () => {
    expect(ids(filterActions(owned, { text: 'millar' }, withRoles))).toEqual([1]);
    expect(ids(filterActions(owned, { text: 'millar' }, context))).toEqual([]);
  });
});

describe('sortActions', () => {
  it('sorts refs naturally both ways', () => {
    expect(sortActions(actions, 'ref', false, RAGC_SCHEME).map((a) => a.ref)).toEqual(['3.1.1', '3.1.2', '3.1.10', '5.1.1', '5.1.2']);
    expect(sortActions(actions, 'ref', true, RAGC_SCHEME).map((a) => a.ref)).toEqual(['5.1.2', '5.1.1', '3.1.10', '3.1.2', '3.1.1']);
  });

  it('puts undated actions last whichever way due dates are sorted', () => {
    expect(ids(sortActions(actions, 'due', false, RAGC_SCHEME))).toEqual([4, 1, 5, 2, 3]);
    expect(ids(sortActions(actions, 'due', true, RAGC_SCHEME))).toEqual([2, 5, 1, 4, 3]);
  });

  it('sorts statuses in the scheme order, unrated and unknown last, ties by ref', () => {
    expect(ids(sortActions(actions, 'status', false, RAGC_SCHEME))).toEqual([1, 2, 4, 5, 3]);
  });

  it('does not fail on a hand-edited ref', () => {
    const odd = [anAction({ id: 9, ref: '3.x' }), anAction({ id: 8, ref: '3.2' }), anAction({ id: 7, ref: 'New' })];
    expect(() => sortActions(odd, 'ref', false, RAGC_SCHEME)).not.toThrow();
    expect(sortActions(odd, 'ref', false, RAGC_SCHEME)[0].ref).toBe('3.2');
  });
});
