import { priorityName, splitTags } from '../../../src/model/plan';

describe('priorityName: a priority area as every view names it', () => {
  it('number and title', () => expect(priorityName({ number: '3', title: 'ND Pathways' })).toBe('3. ND Pathways'));
  it('the title alone when the plan gave no number', () => expect(priorityName({ number: '', title: 'Transitions' })).toBe('Transitions'));
});

describe('splitTags: one reading for the edit form, the stored column and the import', () => {
  it('commas, semicolons, slashes and lines separate tags; blanks and bullets go', () => {
    expect(splitTags('AFI2, SEF; DBV/WSoA\n• Inclusion\n - EHCP ;;')).toEqual(['AFI2', 'SEF', 'DBV', 'WSoA', 'Inclusion', 'EHCP']);
  });
  it('an empty cell has no tags', () => expect(splitTags('  ')).toEqual([]));
});
