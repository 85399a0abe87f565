/**
 * Calendar dates as ISO strings ("2023-04-30"). Plans deal in days, not instants, so
 * dates carry no time zone and compare correctly as strings.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/** Builds an ISO date, or undefined when the day does not exist (31 April). */
export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month: what a month-only due date means. */
export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month)) as IsoDate;
}

/** True for a well-formed, existing ISO date. */
export function isIsoDate(value: string): boolean {
  // test and slices rather than exec: a plan's load checks every history line's date.
  if (!ISO_DATE.test(value)) return false;
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(value.slice(0, 4)), month);
}

function toUtcMillis(value: IsoDate): number {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new RangeError(`toUtcMillis: "${value}" is not an ISO date (YYYY-MM-DD)`);
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Milliseconds in a calendar day (UTC has no daylight saving). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMillis(to) - toUtcMillis(from)) / DAY_MS);
}

/** The date `days` after `value`. */
export function addDays(value: IsoDate, days: number): IsoDate {
  return new Date(toUtcMillis(value) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date `months` after `value`, clamped to the end of the target month
 * (31 Jan + 1 month = 28/29 Feb), as milestone targets "6 months from start" need.
 */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new RangeError(`addMonths: "${value}" is not an ISO date (YYYY-MM-DD)`);
  }
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return isoDate(year, month, day) as IsoDate;
}

/** Today's date in the given time zone offset-free form, from a clock. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate()) as IsoDate;
}

/** The calendar date of an ISO timestamp ("2023-04-30T10:00:00Z" -> "2023-04-30"). */
export function dateOf(timestamp: string): IsoDate {
  return timestamp.slice(0, 10);
}
