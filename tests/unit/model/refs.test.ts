import { RefsProblem, compareRefs, expandRefs, isRef } from '../../../src/model/refs';

function refs(text: string, known?: string[]): string[] {
  const result = expandRefs(text, known);
  if (!result.ok) throw new Error(result.error.code);
  return result.refs;
}

function error(text: string, known?: string[]): RefsProblem {
  const result = expandRefs(text, known);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  return result.error;
}

describe('expandRefs', () => {
  it('3.1.1 to 3.1.7', () => {
    expect(refs('3.1.1 to 3.1.7')).toEqual(['3.1.1', '3.1.2', '3.1.3', '3.1.4', '3.1.5', '3.1.6', '3.1.7']);
  });

  it('4.12.1 to 4.12.10 counts numerically, not as text', () => {
    const result = refs('4.12.1 to 4.12.10');
    expect(result).toHaveLength(10);
    expect(result[9]).toBe('4.12.10');
  });

  it('several ranges in one cell: 3.2.1 to 3.2.6 3.4.1 to 3.4.3', () => {
    expect(refs('3.2.1 to 3.2.6 3.4.1 to 3.4.3')).toEqual([
      '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.5', '3.2.6', '3.4.1', '3.4.2', '3.4.3'
    ]);
  });

  it('a single reference', () => {
    expect(refs('3.3.6')).toEqual(['3.3.6']);
  });

  it('lettered references and lists', () => {
    expect(refs('A')).toEqual(['A']);
    expect(refs('J2')).toEqual(['J2']);
    expect(refs('A, C and J2; 1.1.2')).toEqual(['A', 'C', 'J2', '1.1.2']);
    expect(refs('A to D')).toEqual(['A', 'B', 'C', 'D']);
    expect(refs('J2 to J4')).toEqual(['J2', 'J3', 'J4']);
  });

  it('dashes as range marks, and repeats removed', () => {
    expect(refs('5.1.1 – 5.1.3, 5.1.2')).toEqual(['5.1.1', '5.1.2', '5.1.3']);
    expect(refs('5.1.1 - 5.1.2')).toEqual(['5.1.1', '5.1.2']);
  });

  it('a trailing full stop is not part of a reference', () => {
    expect(refs('3.1.1 to 3.1.2.')).toEqual(['3.1.1', '3.1.2']);
  });

  it('a range across outcomes uses the plan actions between its ends', () => {
    const known = ['3.1.5', '3.1.6', '3.1.7', '3.2.1', '3.2.2', '3.2.3', '4.1.1'];
    expect(refs('3.1.6 to 3.2.2', known)).toEqual(['3.1.6', '3.1.7', '3.2.1', '3.2.2']);
  });
});

describe('expandRefs errors name the problem', () => {
  it('no references', () => expect(error('  ')).toEqual({ code: 'noRefs' }));
  it('a range with no end', () => expect(error('3.1.1 to')).toEqual({ code: 'rangeNoEnd', from: '3.1.1' }));
  it('a range with no start', () => expect(error('to 3.1.7')).toEqual({ code: 'rangeNoStart', text: 'to 3.1.7' }));
  it('a backwards range', () => expect(error('3.1.7 to 3.1.1')).toEqual({ code: 'rangeBackwards', from: '3.1.7', to: '3.1.1' }));
  it('a token that is not a reference', () => expect(error('3.1.1 to 3.1.x')).toEqual({ code: 'notARef', text: '3.1.x' }));
  it('a word', () => expect(error('see above')).toEqual({ code: 'notARef', text: 'see' }));
  it('a range across outcomes without the plan', () =>
    expect(error('3.1.6 to 3.2.2')).toEqual({ code: 'rangeCrossesOutcomes', from: '3.1.6', to: '3.2.2' }));
  it('a range mixing depths', () => expect(error('3.1 to 3.1.4')).toEqual({ code: 'rangeCrossesOutcomes', from: '3.1', to: '3.1.4' }));
  it('an implausibly long range', () =>
    expect(error('3.1.1 to 3.1.500')).toEqual({ code: 'rangeTooLong', from: '3.1.1', to: '3.1.500', count: 500 }));
  it('multi-letter ranges', () => expect(error('AA to AC')).toEqual({ code: 'rangeNotSingleLetters', from: 'AA', to: 'AC' }));
});

describe('compareRefs', () => {
  it('sorts as a reader expects', () => {
    expect(['3.10.1', '3.2.1', '10.1', 'B', 'A', 'J10', 'J2', '3.2'].sort(compareRefs)).toEqual([
      '3.2', '3.2.1', '3.10.1', '10.1', 'A', 'B', 'J2', 'J10'
    ]);
  });

  it('recognises references', () => {
    expect(isRef('3.1.1')).toBe(true);
    expect(isRef('J2')).toBe(true);
    expect(isRef('3.1.')).toBe(false);
    expect(isRef('Hello')).toBe(false);
  });
});
