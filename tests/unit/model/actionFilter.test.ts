import { NO_STATUS, filterActions, isEmptyFilter, ownersOf, sortActions, tagsOf } from '../../../src/model/actionFilter';
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

  it('counts an unrated action and one with a status outside the scheme as "no status", as the summary does', () => {
    expect(ids(filterActions(actions, { statuses: [NO_STATUS] }, context))).toEqual([3, 5]);
  });

  it('filters by responsible officer as shown: a person, a role or the text written', () => {
    expect(ids(filterActions(actions, { owner: 'Kathryn Morgan' }, context))).toEqual([1]);
    expect(ids(filterActions(actions, { owner: 'Commissioners' }, context))).toEqual([2]);
    expect(ids(filterActions(actions, { owner: 'ND Workstream to confirm' }, context))).toEqual([3]);
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
    expect(ownersOf(actions)).toEqual(['Commissioners', 'Kathryn Morgan', 'ND Workstream to confirm']);
    expect(tagsOf(actions)).toEqual(['DBV', 'SEF']);
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
