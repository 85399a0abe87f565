import { nextOutcomeNumber, sameKey, validateNewAction, validateNewPlan, validateNumbered, validateRetirement } from '../../../src/model/planUpkeep';

describe('plan upkeep drafts', () => {
  it('compares refs and numbers as people type them: spaces around and case do not matter', () => {
    expect([sameKey(' 3.1.1 ', '3.1.1'), sameKey('a', 'A'), sameKey('3.1.1', '3.1.10')]).toEqual([true, true, false]);
  });

  it('needs a number and a title, one line each, and a number no sibling has (the item renamed aside)', () => {
    const siblings = [
      { id: 3, number: '3' },
      { id: 5, number: '5' }
    ];
    expect(validateNumbered({ number: ' ', title: '' }, siblings)).toEqual([
      { field: 'number', code: 'required' },
      { field: 'title', code: 'required' }
    ]);
    expect(validateNumbered({ number: '5 ', title: 'Quality of EHC plans' }, siblings)).toEqual([{ field: 'number', code: 'numberTaken', number: '5' }]);
    expect(validateNumbered({ number: '5', title: 'Quality of EHC plans' }, siblings, 5)).toEqual([]);
    expect(validateNumbered({ number: '6', title: 'x'.repeat(256) }, siblings)).toEqual([{ field: 'title', code: 'tooLong', limit: 255 }]);
  });

  it('offers the next outcome number in the style the priority’s outcomes have', () => {
    expect(nextOutcomeNumber('3', [])).toBe('3.1');
    expect(nextOutcomeNumber('3', [{ number: '3.1' }, { number: '3.2' }])).toBe('3.3');
    expect(nextOutcomeNumber('3', [{ number: '1' }, { number: '2' }])).toBe('3');
  });

  it('needs a new action’s ref, not used in the plan, and its wording; its due date is kept as written, whatever it says', () => {
    expect(validateNewAction({ ref: '3.1.2', text: 'Train referrers', due: 'TBC' }, ['3.1.1', '3.1.2'])).toEqual([{ field: 'ref', code: 'refTaken', ref: '3.1.2' }]);
    expect(validateNewAction({ ref: '', text: ' ', due: '' }, [])).toEqual([
      { field: 'ref', code: 'required' },
      { field: 'text', code: 'required' }
    ]);
    expect(validateNewAction({ ref: '3.1.3', text: 'Audit referrals', due: 'Beginning in March' }, ['3.1.1'])).toEqual([]);
  });

  it('needs a reason to retire an action, and a name and local area for a new plan', () => {
    expect(validateRetirement('  ')).toEqual([{ field: 'reason', code: 'required' }]);
    expect(validateRetirement('Merged into 3.1.1')).toEqual([]);
    expect(validateNewPlan({ name: 'Telford WSoA', localArea: '' })).toEqual([{ field: 'localArea', code: 'required' }]);
  });
});
