import { applyEdit, differingFields, editValuesOf, mergeEdits, validateEdit } from '../../../src/model/actionEdit';
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
