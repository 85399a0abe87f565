import { IsoDate, daysInMonth, endOfMonth, isoDate, isIsoDate } from './isoDate';

/**
 * What kind of "by when" a plan wrote:
 * - date: a day ("21/04/2023"); month: a month ("Apr-23", month-only = its last day);
 * - tbc: to be confirmed; in-place: already done or in place; ongoing: no end date;
 * - unknown: text that names no date we can honestly derive; none: the cell was blank.
 */
export type PlanDateKind = 'date' | 'month' | 'tbc' | 'in-place' | 'ongoing' | 'unknown' | 'none';

/** A date as a plan wrote it, with what can honestly be derived from it. */
export interface IPlanDate {
  /** Exactly what was written, kept for display and audit. */
  text: string;
  kind: PlanDateKind;
  /** The derived date (due or start), only for kinds date and month. */
  date?: IsoDate;
  /** Where work runs from ("From Dec 20 and ongoing", "Jan 21 - Mar 21"). */
  from?: IsoDate;
  /** Written with a question mark ("?July 2023"): derived, but flagged for checking. */
  tentative?: boolean;
  /** Written as a review point ("Review August 2024") rather than a deadline. */
  review?: boolean;
  /** Why no date was derived, or what a reader should check. */
  reason?: PlanDateReason;
}

/**
 * Why a written date has no derived date, or what a reader should check, as a code the
 * components word through loc. `dayMonthNoYear` keeps the day and month it read
 * ("3 Mar"), so the words can offer both readings: 3 March of some year, or March 2003.
 */
export type PlanDateReason =
  | { code: 'blank' }
  | { code: 'tentative' }
  | { code: 'onlyQuestionMark' }
  | { code: 'toBeConfirmed' }
  | { code: 'inPlace' }
  | { code: 'ongoing' }
  | { code: 'ongoingStartUnreadable' }
  | { code: 'rangeBackwards' }
  | { code: 'startNotDue' }
  | { code: 'startUnreadable' }
  | { code: 'dayMonthNoYear'; day: number; month: number }
  | { code: 'monthNoYear' }
  | { code: 'noSuchDay' }
  | { code: 'unreadable' };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12
};

// Month names as plans abbreviate them (Sept as well as Sep); the same group appears in
// each pattern below because the linter rightly refuses regular expressions built at run time.
const MONTH_YEAR = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[\s\-/.,]*'?(\d{4}|\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[\s\-/.,]*'?(\d{4}|\d{2})$/;
const MONTH_DAY_YEAR = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const MONTH_ONLY = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const NUMERIC_MY = /^(\d{1,2})[/.](\d{4})$/;
const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Words that open a phrase around a date and add nothing to it. */
const LEADING_WORDS = /^(?:by the end of|by end of|end of|complete by|by|before|due|deadline|completion|target)\s+/;
/** Words that say work starts at the date rather than ends there. */
const START_WORDS = /^(?:from|beginning(?: in)?|starting(?: in)?|start(?:ing)?|commencing|begins?(?: in)?)\s+/;
const ONGOING_TAIL = /\s*(?:(?:and|&)\s+)?(?:ongoing|onwards|on-going)$/;
const RANGE_SPLIT = /\s+(?:-|–|—|to|until|till)\s+/;

/**
 * Cyrillic letters that look like Latin ones. Plans converted from PDF by OCR
 * write "TBC" as "твс"; folding them lets the obvious reading through without
 * guessing at anything else.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', х: 'x', у: 'y'
};

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[авсенкмортху]/g, (letter) => HOMOGLYPHS[letter])
    .replace(/\s+/g, ' ')
    .trim();
}

function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function monthNumber(name: string): number {
  return MONTHS[name];
}

/** A calendar point found in text: a whole month or a single day. */
interface ICalendarPoint {
  kind: 'date' | 'month';
  year: number;
  month: number;
  day?: number;
}

/** Reads text that is exactly one date or month, or returns undefined. */
function readCalendarPoint(text: string): ICalendarPoint | undefined {
  let match = MONTH_YEAR.exec(text);
  if (match) {
    return { kind: 'month', year: fullYear(match[2]), month: monthNumber(match[1]) };
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    return { kind: 'date', year: fullYear(match[3]), month: monthNumber(match[2]), day: Number(match[1]) };
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    return { kind: 'date', year: Number(match[3]), month: monthNumber(match[1]), day: Number(match[2]) };
  }
  match = ISO_PREFIX.exec(text);
  if (match) {
    return { kind: 'date', year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  }
  match = NUMERIC_DMY.exec(text);
  if (match) {
    return { kind: 'date', year: fullYear(match[3]), month: Number(match[2]), day: Number(match[1]) };
  }
  match = NUMERIC_MY.exec(text);
  if (match) {
    return { kind: 'month', year: Number(match[2]), month: Number(match[1]) };
  }
  return undefined;
}

/** The last day the point covers (a month ends on its last day). */
function pointEnd(point: ICalendarPoint): IsoDate | undefined {
  if (point.month < 1 || point.month > 12) {
    return undefined;
  }
  return point.kind === 'month' ? endOfMonth(point.year, point.month) : isoDate(point.year, point.month, point.day as number);
}

/** The first day the point covers. */
function pointStart(point: ICalendarPoint): IsoDate | undefined {
  if (point.month < 1 || point.month > 12) {
    return undefined;
  }
  return isoDate(point.year, point.month, point.kind === 'month' ? 1 : (point.day as number));
}

function unknown(text: string, reason: PlanDateReason, extra: Partial<IPlanDate> = {}): IPlanDate {
  return { text, kind: 'unknown', reason, ...extra };
}

/** Why text with a month but no year cannot be dated. */
function missingYearReason(text: string): PlanDateReason | undefined {
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) {
    const day = Number(dayMonth[1]);
    const month = monthNumber(dayMonth[2]);
    // A day the month never has (in a leap year either) is no date of any year.
    return day <= daysInMonth(2000, month) && day >= 1 ? { code: 'dayMonthNoYear', day, month } : { code: 'noSuchDay' };
  }
  if (MONTH_ONLY.test(text)) {
    return { code: 'monthNoYear' };
  }
  return undefined;
}

function pointResult(text: string, point: ICalendarPoint, flags: Partial<IPlanDate>): IPlanDate {
  const date = pointEnd(point);
  if (!date) {
    return unknown(text, { code: 'noSuchDay' }, flags);
  }
  return { text, kind: point.kind, date, ...flags };
}

/**
 * Reads a "by when" (or start) cell as a plan wrote it. Derives a date only where one
 * honestly follows: a month alone means the end of that month; a day needs a year.
 * Everything else keeps its text and says why no date was derived. Never invents one.
 *
 * @param written - the cell's text, exactly as written (may be empty)
 */
export function parsePlanDate(written: string | undefined): IPlanDate {
  const text = written ?? '';
  let rest = normalise(text);
  if (!rest) {
    return { text, kind: 'none', reason: { code: 'blank' } };
  }

  const flags: Partial<IPlanDate> = {};
  if (rest.startsWith('?')) {
    flags.tentative = true;
    flags.reason = { code: 'tentative' };
    rest = rest.replace(/^\?\s*/, '');
  }
  if (/^review\s+/.test(rest)) {
    flags.review = true;
    rest = rest.replace(/^review\s+/, '');
  }
  if (!rest) {
    return unknown(text, { code: 'onlyQuestionMark' }, flags);
  }

  if (/^(?:tbc|tbd|tba|to be confirmed|to be agreed|to be determined)$/.test(rest)) {
    return { text, kind: 'tbc', reason: { code: 'toBeConfirmed' }, ...flags };
  }
  if (/^(?:in place|already in place|now in place|in place and ongoing)$/.test(rest)) {
    return { text, kind: 'in-place', reason: { code: 'inPlace' }, ...flags };
  }
  if (/^(?:ongoing|on-going|on going|continuous|continuing)$/.test(rest)) {
    return { text, kind: 'ongoing', reason: { code: 'ongoing' }, ...flags };
  }

  if (ONGOING_TAIL.test(rest)) {
    const start = rest.replace(ONGOING_TAIL, '').replace(START_WORDS, '');
    const point = readCalendarPoint(start);
    const from = point ? pointStart(point) : undefined;
    return from
      ? { text, kind: 'ongoing', from, reason: { code: 'ongoing' }, ...flags }
      : { text, kind: 'ongoing', reason: { code: 'ongoingStartUnreadable' }, ...flags };
  }

  const range = rest.split(RANGE_SPLIT);
  if (range.length === 2) {
    const first = readCalendarPoint(range[0].replace(START_WORDS, ''));
    const last = readCalendarPoint(range[1]);
    if (first && last) {
      const from = pointStart(first);
      const result = pointResult(text, last, flags);
      if (from && result.date && from > result.date) {
        return unknown(text, { code: 'rangeBackwards' }, flags);
      }
      return from ? { ...result, from } : result;
    }
  }

  if (START_WORDS.test(rest)) {
    const start = rest.replace(START_WORDS, '');
    const point = readCalendarPoint(start);
    if (point) {
      const from = pointStart(point);
      return unknown(text, { code: 'startNotDue' }, { ...flags, from });
    }
    return unknown(text, missingYearReason(start) ?? { code: 'startUnreadable' }, flags);
  }

  const point = readCalendarPoint(rest.replace(LEADING_WORDS, ''));
  if (point) {
    return pointResult(text, point, flags);
  }
  const bare = rest.replace(LEADING_WORDS, '');
  return unknown(text, missingYearReason(bare) ?? { code: 'unreadable' }, flags);
}

/**
 * The date a written date firmly names: a day or a month, and not written as provisional
 * ("?July 2023"); undefined for anything else. What a board date, a measurement's period
 * or a dated column heading must be.
 */
export function firmDate(date: IPlanDate): IsoDate | undefined {
  return (date.kind === 'date' || date.kind === 'month') && !date.tentative ? date.date : undefined;
}

/** A plan date from a value already known to be a calendar date (a Date column). */
export function planDateFromIso(value: IsoDate, text?: string): IPlanDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`planDateFromIso: "${value}" is not an ISO date (YYYY-MM-DD)`);
  }
  return { text: text ?? value, kind: 'date', date: value };
}
