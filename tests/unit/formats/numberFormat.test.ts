import { formatCellNumber, generalNumber, isDateFormat } from '../../../src/formats/numberFormat';

describe('formatCellNumber', () => {
  it('shows General numbers in their shortest form, without float noise', () => {
    expect(generalNumber(0.1 + 0.2)).toBe('0.3');
    expect(generalNumber(72.5)).toBe('72.5');
    expect(generalNumber(-3)).toBe('-3');
    expect(formatCellNumber(1 / 3, 'General', false)).toBe('0.333333333333333');
  });

  it('tells minutes from months by the hour or seconds beside them', () => {
    // 45108.75 is 1 July 2023 at 18:00.
    expect(formatCellNumber(45108.75, 'd/m/yy h:mm', false)).toBe('1/7/23 18:00');
    expect(formatCellNumber(45108.75, 'mm:ss', false)).toBe('00:00');
    expect(formatCellNumber(45108.75, 'hh:mm AM/PM', false)).toBe('06:00 PM');
    expect(formatCellNumber(45108, 'mmmm yyyy', false)).toBe('July 2023');
    expect(formatCellNumber(45108, '[$-809]dd mmm yyyy;@', false)).toBe('01 Jul 2023');
  });

  it("keeps Excel's 1900 calendar, including its 29 February 1900, and shows negative dates as numbers", () => {
    expect(formatCellNumber(1, 'dd/mm/yyyy', false)).toBe('01/01/1900');
    expect(formatCellNumber(60, 'dd/mm/yyyy', false)).toBe('29/02/1900');
    expect(formatCellNumber(61, 'dd/mm/yyyy', false)).toBe('01/03/1900');
    expect(formatCellNumber(0, 'dd/mm/yyyy', true)).toBe('01/01/1904');
    expect(formatCellNumber(-1, 'dd/mm/yyyy', false)).toBe('-1');
  });

  it('shows decimals, thousands, percentages and sections for negatives and zero', () => {
    expect(formatCellNumber(0.95, '0%', false)).toBe('95%');
    expect(formatCellNumber(-0.125, '0.0%', false)).toBe('-12.5%');
    expect(formatCellNumber(1234567.891, '#,##0.00', false)).toBe('1,234,567.89');
    expect(formatCellNumber(0.5, '#.##', false)).toBe('.5');
    expect(formatCellNumber(-42, '0;[Red]"minus "0', false)).toBe('minus 42');
    expect(formatCellNumber(0, '0;-0;"nil"', false)).toBe('nil');
    expect(formatCellNumber(12, '0 "weeks"', false)).toBe('12 weeks');
    expect(formatCellNumber(1234, '0.00E+00', false)).toBe('1234');
  });

  it('knows a date format from a number format', () => {
    expect(isDateFormat('mmm-yy')).toBe(true);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('0.00 "days"')).toBe(false);
    expect(isDateFormat('#,##0')).toBe(false);
  });
});
