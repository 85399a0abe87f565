import { addDays, addMonths, dateOf, daysBetween, daysInMonth, endOfMonth, isIsoDate, isoDate, todayIso } from '../../../src/model/isoDate';

describe('isoDate helpers', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(endOfMonth(2023, 4)).toBe('2023-04-30');
  });

  it('refuses days that do not exist', () => {
    expect(isoDate(2023, 4, 31)).toBeUndefined();
    expect(isoDate(2023, 13, 1)).toBeUndefined();
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('24-02-29')).toBe(false);
  });

  it('adds days and months across month and year ends', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2023-01-01')).toBe(-365);
  });

  it('reads dates from timestamps and clocks', () => {
    expect(dateOf('2023-04-30T23:00:00Z')).toBe('2023-04-30');
    expect(todayIso(new Date(2023, 5, 15, 10))).toBe('2023-06-15');
  });

  it('rejects malformed input', () => {
    expect(() => addDays('30/04/2023', 1)).toThrow('not an ISO date');
    expect(() => addMonths('2023/04/30', 1)).toThrow('not an ISO date');
  });
});
