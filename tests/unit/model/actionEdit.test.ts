import { applyEdit, changedOwners, differingFields, editValuesOf, mergeEdits, validateEdit } from '../../../src/model/actionEdit';
import { revisionsOf } from '../../../src/model/revisions';
import { anAction } from '../../support/builders';

const action = anAction({ ref: '3.2.2', text: 'Deliver the ND training', dueText: '?July 2023', tags: ['SEF', 'AFI2'], theme: 'Training' });
const base = editValuesOf(action);

describe('editValuesOf and applyEdit', () => {
  it('start from the action as written, and keep the original due date when a revised one is set', () => {
    expect(base).toMatchObject({ text: 'Deliver the ND training', revisedDue: '', tags: 'SEF, AFI2', theme: 'Training', resources: '' });
    const edited = applyEdit(action, { ...base, revisedDue: 'Sept 2024', revisedDueReason: 'Provider changed', tags: 'SEF; DBV ,', theme: '  ' });
    expect(edited.due).toEqual(action.due);
    expect(edited.revisedDue).toMatchObject({ text: 'Sept 2024', kind: 'month', date: '2024-09-30' });
    expect(edited.revisedDueReason).toBe('Provider changed');
    expect(edited.tags).toEqual(['SEF', 'DBV']);
    expect(edited.theme).toBeUndefined();
  });

  it('clears the reason with the revised date', () => {
    const withRevision = applyEdit(action, { ...base, revisedDue: 'Sept 2024', revisedDueReason: 'Provider changed' });
    const cleared = applyEdit(withRevision, { ...editValuesOf(withRevision), revisedDue: '' });
    expect(cleared.revisedDue).toBeUndefined();
    expect(cleared.revisedDueReason).toBeUndefined();
  });
});

describe('validateEdit', () => {
  it('accepts the values as loaded', () => {
    expect(validateEdit(base)).toEqual([]);
  });

  it('needs the action text', () => {
    expect(validateEdit({ ...base, text: '  ' })).toEqual([{ field: 'text', problem: 'required' }]);
  });

  it('needs a reason for a revised date, and a revised date that is a date or TBC', () => {
    expect(validateEdit({ ...base, revisedDue: 'Sept 2024' })).toEqual([{ field: 'revisedDueReason', problem: 'reasonRequired' }]);
    expect(validateEdit({ ...base, revisedDue: 'TBC', revisedDueReason: 'Awaiting funding' })).toEqual([]);
    const [problem] = validateEdit({ ...base, revisedDue: 'Beginning in March', revisedDueReason: 'x' });
    expect(problem).toMatchObject({ field: 'revisedDue', problem: 'notADate' });
    expect(validateEdit({ ...base, revisedDue: 'ongoing', revisedDueReason: 'x' })).toEqual([expect.objectContaining({ field: 'revisedDue' })]);
  });
});

describe('mergeEdits', () => {
  it('takes each side’s own changes and flags only fields both changed differently', () => {
    const mine = { ...base, resources: 'Two practitioners', text: 'Deliver ND training to all schools' };
    const theirs = { ...base, theme: 'Workforce', text: 'Deliver ND training (phase 1)' };
    const { merged, conflicts } = mergeEdits(base, mine, theirs);
    expect(merged).toEqual({ ...base, resources: 'Two practitioners', theme: 'Workforce', text: 'Deliver ND training to all schools' });
    expect(conflicts).toEqual(['text']);
  });

  it('sees the same change made by both as no conflict, and ignores surrounding spaces', () => {
    const mine = { ...base, resources: 'Two practitioners' };
    const theirs = { ...base, resources: 'Two practitioners  ' };
    expect(mergeEdits(base, mine, theirs).conflicts).toEqual([]);
    expect(differingFields(mine, theirs)).toEqual([]);
    expect(differingFields(base, mine)).toEqual(['resources']);
  });
});

describe('owners: strategic lead and responsible officer', () => {
  const kathryn = { id: 7, displayName: 'Kathryn Morgan', email: 'kathryn.morgan@send.example' };
  const owned = anAction({
    ref: '3.4.1',
    strategicLead: { kind: 'role', role: 'Commissioners' },
    responsibleOfficer: { kind: 'text', text: 'ND Workstream to confirm', pending: true }
  });
  const start = editValuesOf(owned);
  const made = { date: '2024-02-29', at: '2024-02-29T10:00:00Z', by: 'Karen Levell' };

  it('start from the action’s owners: a role, text as written, and empty text for no one', () => {
    expect(start.strategicLead).toEqual({ kind: 'role', role: 'Commissioners' });
    expect(start.responsibleOfficer).toEqual({ kind: 'text', text: 'ND Workstream to confirm' });
    expect(editValuesOf(anAction()).responsibleOfficer).toEqual({ kind: 'text', text: '' });
  });

  it('a person chosen becomes the owner, kept as a revision in words (who, when, old, new)', () => {
    const values = { ...start, responsibleOfficer: { kind: 'person' as const, person: kathryn } };
    const edited = applyEdit(owned, values);
    expect(edited.responsibleOfficer).toEqual({ kind: 'person', person: kathryn });
    expect(changedOwners(owned, values)).toEqual(['responsibleOfficer']);
    expect(revisionsOf(owned, edited, made)).toEqual([{ ...made, field: 'responsibleOfficer', old: 'ND Workstream to confirm', new: 'Kathryn Morgan' }]);
  });

  it('a strategic lead moved from a person to a role is a revision too; an untouched owner stays exactly as it was', () => {
    const personLed = anAction({ strategicLead: { kind: 'person', person: kathryn }, responsibleOfficer: owned.responsibleOfficer });
    const values = { ...editValuesOf(personLed), strategicLead: { kind: 'role' as const, role: 'Designated Clinical Officer' } };
    const edited = applyEdit(personLed, values);
    expect(edited.strategicLead).toEqual({ kind: 'role', role: 'Designated Clinical Officer' });
    expect(edited.responsibleOfficer).toBe(personLed.responsibleOfficer);
    expect(changedOwners(personLed, values)).toEqual(['strategicLead']);
    expect(revisionsOf(personLed, edited, made)).toEqual([{ ...made, field: 'strategicLead', old: 'Kathryn Morgan', new: 'Designated Clinical Officer' }]);
  });

  it('empty text leaves no owner; the same person again is no change', () => {
    expect(applyEdit(owned, { ...start, responsibleOfficer: { kind: 'text', text: '  ' } }).responsibleOfficer).toBeUndefined();
    const personLed = anAction({ responsibleOfficer: { kind: 'person', person: kathryn } });
    expect(changedOwners(personLed, { ...editValuesOf(personLed), responsibleOfficer: { kind: 'person', person: { ...kathryn } } })).toEqual([]);
  });

  it('needs a person or a role once that kind is chosen', () => {
    expect(validateEdit({ ...start, strategicLead: { kind: 'person' }, responsibleOfficer: { kind: 'role', role: ' ' } })).toEqual([
      { field: 'strategicLead', problem: 'personRequired' },
      { field: 'responsibleOfficer', problem: 'roleRequired' }
    ]);
  });

  it('merges owners like any field: one side’s change is taken, both changing differently is a conflict', () => {
    const mine = { ...start, responsibleOfficer: { kind: 'person' as const, person: kathryn } };
    const theirs = { ...start, strategicLead: { kind: 'text' as const, text: 'TBC' } };
    expect(mergeEdits(start, mine, theirs)).toEqual({ merged: { ...start, responsibleOfficer: mine.responsibleOfficer, strategicLead: theirs.strategicLead }, conflicts: [] });
    const theirsToo = { ...start, responsibleOfficer: { kind: 'role' as const, role: 'Commissioners' } };
    expect(mergeEdits(start, mine, theirsToo).conflicts).toEqual(['responsibleOfficer']);
    expect(differingFields(mine, theirsToo)).toEqual(['responsibleOfficer']);
  });
});
