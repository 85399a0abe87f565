import { IRole } from '../../../src/model/plan';
import { findRole, foldName, isPlaceholder, peopleReached, roleAfterEdit, roleEditProblems, roleOf, samePerson } from '../../../src/model/roles';

const JO = { id: 7, displayName: 'Jo Holder', email: 'jo.holder@send.example' };
const SAM = { id: 9, displayName: 'Sam Deputy', email: 'sam.deputy@send.example' };
const ROLES: IRole[] = [
  { id: 1, planId: 1, title: 'Designated Clinical Officer', abbreviation: 'DCO', holder: JO, holderSince: '2023-01-01', deputy: SAM },
  { id: 2, planId: 1, title: 'Commissioners' },
  // An abbreviation that is another role's title: the title wins.
  { id: 3, planId: 1, title: 'Head of Inclusion', abbreviation: 'Commissioners' }
];

describe('foldName and isPlaceholder', () => {
  it('folds the ways one name is typed: case, spaces, Cyrillic lookalikes, dotted letters, stray punctuation', () => {
    expect(['TBC', 'твс', 'ТВС', 'tbc ', ' T.B.C.', 'tbc?'].map(foldName)).toEqual(['tbc', 'tbc', 'tbc', 'tbc', 'tbc', 'tbc']);
    expect(foldName('MPFT  (Jessica   Roose)')).toBe('mpft (jessica roose)');
    expect(foldName('Ofsted')).not.toBe(foldName('Ofsted lead'));
  });

  it('knows placeholders however typed, and not names', () => {
    for (const text of ['TBC', 'твс', 'tba', 'TBD', '', '  ', 'ND Workstream to confirm', 'Lead to be confirmed', 'To be named', 'N/A']) expect([text, isPlaceholder(text)]).toEqual([text, true]);
    for (const text of ['MPFT', 'Alison Parkinson', 'Tabitha Bell', 'Confirmed lead']) expect([text, isPlaceholder(text)]).toEqual([text, false]);
  });
});

describe('finding a role and who it reaches', () => {
  it('finds a role by title or abbreviation, however capitalised, titles first', () => {
    expect(findRole(ROLES, ' designated clinical officer ')?.id).toBe(1);
    expect(findRole(ROLES, 'dco')?.id).toBe(1);
    expect(findRole(ROLES, 'Commissioners')?.id).toBe(2);
    expect(findRole(ROLES, 'Head of Service')).toBeUndefined();
    expect(findRole(ROLES, '')).toBeUndefined();
  });

  it('takes a role, or text naming one, as that role; a person is no role', () => {
    expect(roleOf({ kind: 'role', role: 'DCO' }, ROLES)?.id).toBe(1);
    expect(roleOf({ kind: 'text', text: 'DCO', pending: false }, ROLES)?.id).toBe(1);
    expect(roleOf({ kind: 'person', person: JO }, ROLES)).toBeUndefined();
    expect(roleOf(undefined, ROLES)).toBeUndefined();
  });

  it('reaches a person, or a role’s holder and deputy; a vacant role or unknown text reaches no one', () => {
    expect(peopleReached({ kind: 'person', person: SAM }, ROLES)).toEqual([SAM]);
    expect(peopleReached({ kind: 'role', role: 'Designated Clinical Officer' }, ROLES)).toEqual([JO, SAM]);
    expect(peopleReached({ kind: 'role', role: 'Commissioners' }, ROLES)).toEqual([]);
    expect(peopleReached({ kind: 'text', text: 'MPFT', pending: false }, ROLES)).toEqual([]);
  });

  it('compares people by id, else e-mail, else name', () => {
    expect(samePerson(JO, { id: 7, displayName: 'Joanne Holder' })).toBe(true);
    expect(samePerson(JO, { id: 8, displayName: 'Jo Holder' })).toBe(false);
    expect(samePerson({ displayName: 'A', email: 'JO.HOLDER@send.example' }, { displayName: 'B', email: 'jo.holder@send.example' })).toBe(true);
    expect(samePerson(undefined, undefined)).toBe(true);
    expect(samePerson(JO, undefined)).toBe(false);
  });
});

describe('editing a glossary entry', () => {
  it('needs a title not used by another role, and a deputy who is not the holder', () => {
    expect(roleEditProblems({ title: 'Virtual School Head', holder: JO, deputy: SAM }, ROLES)).toEqual([]);
    expect(roleEditProblems({ title: '  ' }, ROLES)).toEqual(['titleRequired']);
    expect(roleEditProblems({ title: 'commissioners' }, ROLES)).toEqual(['titleTaken']);
    expect(roleEditProblems({ title: 'Virtual School Head', abbreviation: 'dco' }, ROLES)).toEqual(['titleTaken']);
    expect(roleEditProblems({ title: 'D.C.O.' }, ROLES)).toEqual(['titleTaken']);
    expect(roleEditProblems({ title: 'Virtual School Head', abbreviation: 'head of inclusion' }, ROLES)).toEqual(['titleTaken']);
    expect(roleEditProblems({ title: 'Virtual School Head', holder: JO, deputy: { id: 7, displayName: 'Jo Holder' } }, ROLES)).toEqual(['deputyIsHolder']);
  });

  it('gives a new holder today as their start, keeps the date for the same holder, and confirms the entry today', () => {
    const [dco] = ROLES;
    const newHolder = roleAfterEdit(dco, { title: dco.title, abbreviation: 'DCO', holder: SAM, deputy: undefined }, '2024-02-29');
    expect(newHolder).toEqual({ ...dco, holder: SAM, holderSince: '2024-02-29', deputy: undefined, reviewed: '2024-02-29' });
    const sameHolder = roleAfterEdit(dco, { title: ' Designated Clinical Officer (DCO) ', abbreviation: '', holder: { ...JO }, deputy: SAM }, '2024-02-29');
    expect(sameHolder).toEqual({ ...dco, title: 'Designated Clinical Officer (DCO)', abbreviation: undefined, holderSince: '2023-01-01', reviewed: '2024-02-29' });
    expect(roleAfterEdit(dco, { title: dco.title, holder: undefined }, '2024-02-29').holderSince).toBeUndefined();
  });
});
