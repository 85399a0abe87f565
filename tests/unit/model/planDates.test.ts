import { firmDate, parsePlanDate, planDateFromIso } from '../../../src/model/planDates';

describe('parsePlanDate: month-only dates mean the end of that month', () => {
  it.each([
    ['Apr-23', '2023-04-30'],
    ['Sep-23', '2023-09-30'],
    ['Dec 20', '2020-12-31'],
    ['Sep-2023', '2023-09-30'],
    ['Sept 22', '2022-09-30'],
    ['February 2024', '2024-02-29'],
    ['Feb 23', '2023-02-28'],
    ['June 21', '2021-06-30'],
    ["Mar '21", '2021-03-31'],
    ['04/2023', '2023-04-30'],
    ['By end of March 2021', '2021-03-31']
  ])('%s -> %s', (text, date) => {
    expect(parsePlanDate(text)).toEqual({ text, kind: 'month', date });
  });
});

describe('parsePlanDate: days', () => {
  it.each([
    ['21/04/2023', '2023-04-21'],
    ['1.9.2021', '2021-09-01'],
    ['21/04/23', '2023-04-21'],
    ['21 April 2023', '2023-04-21'],
    ['21st April 2023', '2023-04-21'],
    ['April 21, 2023', '2023-04-21'],
    ['2023-04-21', '2023-04-21'],
    ['2023-04-21T00:00:00Z', '2023-04-21']
  ])('%s -> %s', (text, date) => {
    expect(parsePlanDate(text)).toEqual({ text, kind: 'date', date });
  });

  it('reads numeric dates day first, as UK plans write them', () => {
    expect(parsePlanDate('03/04/2023').date).toBe('2023-04-03');
  });

  it('refuses days that do not exist rather than rolling them over', () => {
    const result = parsePlanDate('31/04/2023');
    expect(result.kind).toBe('unknown');
    expect(result.date).toBeUndefined();
    expect(result.reason).toEqual({ code: 'noSuchDay' });
    expect(parsePlanDate('29/02/2023').kind).toBe('unknown');
    expect(parsePlanDate('29/02/2024').date).toBe('2024-02-29');
    expect(parsePlanDate('13/2023').kind).toBe('unknown');
  });
});

describe('parsePlanDate: provisional and review dates are derived and flagged', () => {
  it('?July 2023 is July 2023, flagged tentative', () => {
    const result = parsePlanDate('?July 2023');
    expect(result).toMatchObject({ text: '?July 2023', kind: 'month', date: '2023-07-31', tentative: true });
    expect(result.reason).toEqual({ code: 'tentative' });
  });

  it('? December 2023 (with a space) is December 2023, flagged tentative', () => {
    expect(parsePlanDate('? December 2023')).toMatchObject({ kind: 'month', date: '2023-12-31', tentative: true });
  });

  it('Review August 2024 is a review point at the end of August 2024', () => {
    expect(parsePlanDate('Review August 2024')).toEqual({
      text: 'Review August 2024',
      kind: 'month',
      date: '2024-08-31',
      review: true
    });
  });

  it('a lone question mark is not a date', () => {
    expect(parsePlanDate('?')).toMatchObject({ kind: 'unknown', tentative: true });
  });
});

describe('parsePlanDate: words that are not dates keep their text and say why', () => {
  it.each([
    ['TBC', 'tbc'],
    ['tbc', 'tbc'],
    ['To be confirmed', 'tbc'],
    ['In place', 'in-place'],
    ['in place', 'in-place'],
    ['Ongoing', 'ongoing'],
    ['ongoing', 'ongoing']
  ])('%s is %s with no date', (text, kind) => {
    const result = parsePlanDate(text);
    expect(result.kind).toBe(kind);
    expect(result.text).toBe(text);
    expect(result.date).toBeUndefined();
    expect(result.reason).toBeTruthy();
  });

  it('reads OCR-mangled TBC (Cyrillic "твс") as TBC, keeping what was written', () => {
    expect(parsePlanDate('твс')).toMatchObject({ text: 'твс', kind: 'tbc' });
  });

  it('From Dec 20 and ongoing: ongoing, starting 1 December 2020, with no due date', () => {
    expect(parsePlanDate('From Dec 20 and ongoing')).toEqual({
      text: 'From Dec 20 and ongoing',
      kind: 'ongoing',
      from: '2020-12-01',
      reason: { code: 'ongoing' }
    });
  });

  it('Beginning in March: no year, so no date', () => {
    const result = parsePlanDate('Beginning in March');
    expect(result.kind).toBe('unknown');
    expect(result.date).toBeUndefined();
    expect(result.reason).toEqual({ code: 'monthNoYear' });
  });

  it('Beginning in March 2023 gives a start, not a due date', () => {
    const result = parsePlanDate('Beginning in March 2023');
    expect(result).toMatchObject({ kind: 'unknown', from: '2023-03-01' });
    expect(result.date).toBeUndefined();
    expect(result.reason).toEqual({ code: 'startNotDue' });
  });

  it('24-Apr is ambiguous (a day without a year, or April 2024) and is not guessed', () => {
    const result = parsePlanDate('24-Apr');
    expect(result.kind).toBe('unknown');
    expect(result.date).toBeUndefined();
    expect(result.reason).toEqual({ code: 'dayMonthNoYear', day: 24, month: 4 });
    // No month has a 32nd day: that is not a day-and-month reading of any year.
    expect(parsePlanDate('32 Jan').reason).toEqual({ code: 'noSuchDay' });
    expect(parsePlanDate('29 Feb').reason).toEqual({ code: 'dayMonthNoYear', day: 29, month: 2 });
  });

  it('a blank cell is kind none', () => {
    expect(parsePlanDate('')).toEqual({ text: '', kind: 'none', reason: { code: 'blank' } });
    expect(parsePlanDate('   ')).toMatchObject({ text: '   ', kind: 'none' });
    expect(parsePlanDate(undefined)).toMatchObject({ text: '', kind: 'none' });
  });

  it.each(['Con 22', 'Обр-23', 'Spring term', 'soon', '2023'])('%s is unknown, not guessed', (text) => {
    const result = parsePlanDate(text);
    expect(result.kind).toBe('unknown');
    expect(result.date).toBeUndefined();
    expect(result.reason).toEqual({ code: 'unreadable' });
  });
});

describe('parsePlanDate: ranges', () => {
  it('Jan 21 - Mar 21 is due at the end of March, from 1 January', () => {
    expect(parsePlanDate('Jan 21 - Mar 21')).toEqual({ text: 'Jan 21 - Mar 21', kind: 'month', date: '2021-03-31', from: '2021-01-01' });
  });

  it('September 2021 to July 2022', () => {
    expect(parsePlanDate('September 2021 to July 2022')).toMatchObject({ kind: 'month', date: '2022-07-31', from: '2021-09-01' });
  });

  it('a range that ends before it starts is refused', () => {
    expect(parsePlanDate('Mar 22 - Jan 21')).toMatchObject({ kind: 'unknown', reason: { code: 'rangeBackwards' } });
  });
});

describe('planDateFromIso', () => {
  it('wraps a Date column value', () => {
    expect(planDateFromIso('2023-04-30')).toEqual({ text: '2023-04-30', kind: 'date', date: '2023-04-30' });
  });

  it('rejects a value that is not an ISO date', () => {
    expect(() => planDateFromIso('30/04/2023')).toThrow('not an ISO date');
  });
});

describe('firmDate: the one check that a written date firmly names a day or month', () => {
  it.each([
    ['30/04/2023', '2023-04-30'],
    ['Sept 2023', '2023-09-30'],
    ['?July 2023', undefined],
    ['TBC', undefined],
    ['From Dec 20 and ongoing', undefined],
    ['soon', undefined]
  ])('%s gives %s', (written, expected) => {
    expect(firmDate(parsePlanDate(written))).toBe(expected);
  });
});
