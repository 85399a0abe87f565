import { isOwnedBy, lastReportingDate, myActions, rolesHeldBy } from '../../../src/model/myActions';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction, anUpdate } from '../../support/builders';
import { withHistory } from '../../support/fixtures';

const ME = { id: 7, displayName: 'Kathryn Morgan' };
const OTHER = { id: 8, displayName: 'Millar Bownass' };

describe('isOwnedBy', () => {
  it('matches the responsible officer or strategic lead as a person, or through a role held', () => {
    expect(isOwnedBy(anAction({ responsibleOfficer: { kind: 'person', person: ME } }), 7)).toBe(true);
    expect(isOwnedBy(anAction({ strategicLead: { kind: 'person', person: ME } }), 7)).toBe(true);
    expect(isOwnedBy(anAction({ responsibleOfficer: { kind: 'person', person: OTHER } }), 7)).toBe(false);
    expect(isOwnedBy(anAction({ responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' } }), 7, ['designated clinical officer'])).toBe(true);
    expect(isOwnedBy(anAction({ responsibleOfficer: { kind: 'text', text: 'Kathryn Morgan to confirm', pending: true } }), 7)).toBe(false);
  });
});

describe('lastReportingDate', () => {
  it('is the latest board date on or before today, or none before the first', () => {
    expect(lastReportingDate(['2023-06-30', '2023-09-30', '2023-12-31'], '2023-10-01')).toBe('2023-09-30');
    expect(lastReportingDate(['2023-06-30', '2023-09-30'], '2023-09-30')).toBe('2023-09-30');
    expect(lastReportingDate(['2023-06-30'], '2023-01-01')).toBeUndefined();
  });
});

describe('myActions', () => {
  const mine = { responsibleOfficer: { kind: 'person' as const, person: ME } };
  const actions = [
    anAction({ id: 1, ref: '3.1.2', dueText: 'Jul-23', status: 'Green', latestNote: 'Nearly there', latestUpdateDate: '2023-10-02', ...mine }),
    anAction({ id: 2, ref: '3.1.1', dueText: 'Apr-23', status: 'Amber', ...mine }),
    anAction({ id: 3, ref: '3.1.3', dueText: 'Oct-23', status: 'Green', ...mine }),
    anAction({ id: 4, ref: '3.1.4', dueText: 'TBC', ...mine }),
    anAction({ id: 5, ref: '3.1.5', dueText: 'Apr-23', status: 'Complete', ...mine }),
    anAction({ id: 6, ref: '3.1.6', dueText: 'Apr-23', status: 'Red', responsibleOfficer: { kind: 'person', person: OTHER } })
  ];
  const updates = [anUpdate(1, '2023-09-01', 'Green'), anUpdate(1, '2023-10-02', 'Green'), anUpdate(2, '2023-08-15', 'Amber'), anUpdate(3, '2023-09-30', 'Green')];

  const result = myActions({ actions: withHistory(actions, updates), scheme: RAGC_SCHEME, reportingDates: ['2023-06-30', '2023-09-30', '2023-12-31'], today: '2023-10-05', personId: 7, dueSoonDays: 30 });

  it('groups only their actions: overdue, due soon, later (undated last), complete', () => {
    const refs = (group: keyof typeof result.groups): string[] => result.groups[group].map((owned) => owned.action.ref);
    expect(refs('overdue')).toEqual(['3.1.1', '3.1.2']);
    expect(refs('dueSoon')).toEqual(['3.1.3']);
    expect(refs('later')).toEqual(['3.1.4']);
    expect(refs('complete')).toEqual(['3.1.5']);
  });

  it('counts what they owe this cycle: unfinished, with no update after the last board date', () => {
    expect(result.cycleStart).toBe('2023-09-30');
    const owed = [...result.groups.overdue, ...result.groups.dueSoon, ...result.groups.later, ...result.groups.complete].filter((owned) => owned.owedThisCycle).map((owned) => owned.action.ref);
    // 3.1.2 was updated on 2 October; 3.1.3's update is dated on the board date itself; 3.1.4 has none; 3.1.5 is complete.
    expect(owed.sort()).toEqual(['3.1.1', '3.1.3', '3.1.4']);
    expect(result.owed).toBe(3);
    // The latest note is the one kept on the action; the owed check reads the history.
    expect(result.groups.overdue.find((owned) => owned.action.ref === '3.1.2')?.latest).toEqual({ date: '2023-10-02', note: 'Nearly there' });
    expect(result.groups.overdue.find((owned) => owned.action.ref === '3.1.1')?.latest).toBeUndefined();
  });
});

describe('rolesHeldBy', () => {
  it('lists the glossary roles the person holds now, and finds the actions written against them', () => {
    const roles = [
      { id: 1, planId: 1, title: 'Commissioners', holder: { id: 7, displayName: 'Millar Bownass' } },
      { id: 2, planId: 1, title: 'LDA Program Lead', holder: { id: 8, displayName: 'Dale Coleman' } },
      { id: 3, planId: 1, title: 'Vacant role' }
    ];
    expect(rolesHeldBy(roles, 7)).toEqual(['Commissioners']);
    expect(rolesHeldBy(roles, 8)).toEqual(['LDA Program Lead']);
    expect(rolesHeldBy(roles, undefined)).toEqual([]);
    const byRole = anAction({ id: 5, ref: '3.3.1', responsibleOfficer: { kind: 'role', role: 'Commissioners' }, dueText: 'Dec-23' });
    const found = myActions({ actions: [byRole], scheme: RAGC_SCHEME, reportingDates: [], today: '2023-06-15', personId: 7, rolesHeld: rolesHeldBy(roles, 7), dueSoonDays: 30 });
    expect(found.groups.later.map((owned) => owned.action.ref)).toEqual(['3.3.1']);
  });
});

describe('myActions with roles, deputies and retired actions', () => {
  const roles = [
    { id: 1, planId: 1, title: 'Designated Clinical Officer', abbreviation: 'DCO', holder: { id: 7, displayName: 'Jo Holder' }, deputy: { id: 9, displayName: 'Sam Deputy' } },
    { id: 2, planId: 1, title: 'Commissioners', holder: { id: 8, displayName: 'Millar Bownass' } }
  ];
  const actions = [
    anAction({ id: 1, ref: '1.1', responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' }, dueText: 'Dec-23' }),
    // Written as the abbreviation, so the data service read it as text.
    anAction({ id: 2, ref: '1.2', responsibleOfficer: { kind: 'text', text: 'dco', pending: false }, dueText: 'Dec-23' }),
    anAction({ id: 3, ref: '1.3', strategicLead: { kind: 'role', role: 'designated clinical officer ' }, dueText: 'Dec-23' }),
    anAction({ id: 4, ref: '1.4', responsibleOfficer: { kind: 'role', role: 'Commissioners' }, dueText: 'Dec-23' }),
    anAction({ id: 5, ref: '1.5', responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' }, dueText: 'Dec-23', retired: { date: '2023-05-01', reason: 'Merged into 1.1' } })
  ];
  const refsFor = (personId: number): string[] =>
    myActions({ actions, scheme: RAGC_SCHEME, reportingDates: [], today: '2023-06-15', personId, rolesHeld: rolesHeldBy(roles, personId), dueSoonDays: 30 }).groups.later.map((owned) => owned.action.ref);

  it('gives a role’s live actions to its holder and to its deputy, by title or abbreviation, as officer or lead; a retired action to no one', () => {
    expect(rolesHeldBy(roles, 9)).toEqual(['Designated Clinical Officer', 'DCO']);
    expect(refsFor(7)).toEqual(['1.1', '1.2', '1.3']);
    expect(refsFor(9)).toEqual(['1.1', '1.2', '1.3']);
    expect(refsFor(8)).toEqual(['1.4']);
  });
});
