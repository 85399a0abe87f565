import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { ILatestNote } from '../model/rollups';
import { IPlanDate, PlanDateReason } from '../model/planDates';
import { DataErrorKind, ImportWriteError, PlanDataError } from '../services/errors';
import { fillTemplate } from './problemText';

/** Fills "{0}", "{1}"... in a localised string. */
export const formatString: (template: string, ...values: Array<string | number>) => string = fillTemplate;

/** What a person reads for each kind of data error. */
const ERROR_MESSAGES: Readonly<Record<DataErrorKind, string>> = {
  notFound: strings.ErrorNotFound,
  forbidden: strings.ErrorForbidden,
  throttled: strings.ErrorThrottled,
  conflict: strings.ErrorConflict,
  overThreshold: strings.ErrorOverThreshold,
  network: strings.ErrorNetwork,
  notSetUp: strings.ErrorNotSetUp,
  alreadyExists: strings.ErrorAlreadyExists,
  unreadable: strings.ErrorUnreadable,
  unexpected: strings.ErrorUnexpected
};

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date format of the culture, made once: a view formats hundreds of dates. A calendar
 * day (IsoDate) is formatted as its UTC midnight with `timeZone: 'UTC'`, so it never
 * shifts a day; an instant (a save's time) in the reader's own time zone.
 */
export function dateFormat(culture: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${culture} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(culture, options);
    formats.set(key, format);
  }
  return format;
}

/** The calendar day as a Date at its UTC midnight, for formatting. */
function utcDay(value: IsoDate): Date {
  return new Date(`${value}T00:00:00Z`);
}

/**
 * "30 April 2023" in en-GB: the month in words, so no reader mistakes 03/04 for 4 March,
 * in the culture's order.
 */
export function formatDate(value: IsoDate | undefined, fallback: string, culture: string): string {
  return value ? dateFormat(culture, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDay(value)) : fallback;
}

/** The message of anything thrown, for showing to the person. */
export function errorMessage(error: unknown): string {
  if (error instanceof ImportWriteError) {
    return error.row > 0 ? formatString(strings.ImportWriteFailedRow, error.row, error.ref, ERROR_MESSAGES[error.kind]) : formatString(strings.ImportWriteFailedItem, error.ref, ERROR_MESSAGES[error.kind]);
  }
  if (error instanceof PlanDataError) {
    // SharePoint said how long to wait (Retry-After): say so, rather than "a minute".
    if (error.kind === 'throttled' && error.retryAfterSeconds) return formatString(strings.ErrorThrottledFor, error.retryAfterSeconds);
    return ERROR_MESSAGES[error.kind];
  }
  return error instanceof Error ? error.message : String(error);
}

/** "10 May 2023: Waiting for partner returns", or that there is none yet. */
export function latestUpdateText(update: ILatestNote | undefined, culture: string): string {
  return update ? formatString(strings.LatestUpdateText, formatDate(update.date, update.date, culture), update.note) : strings.NoUpdateYet;
}

/** "?July 2023 (31 July 2023, to be confirmed)": the date as written, then what it means. */
export function dueText(date: IPlanDate | undefined, culture: string): string {
  if (!date || date.kind === 'none') return strings.NotRecorded;
  const derived = date.date ? formatDate(date.date, '', culture) : '';
  if (!derived || derived === date.text) return date.text || derived;
  return formatString(date.tentative ? strings.DueDerivedTentative : strings.DueDerived, date.text, derived);
}

/** Each plan-date reason's words; `dayMonthNoYear` fills in its two readings. */
const DATE_REASON_TEXT: Readonly<Record<PlanDateReason['code'], string>> = {
  blank: strings.DateReason_blank,
  tentative: strings.DateReason_tentative,
  onlyQuestionMark: strings.DateReason_onlyQuestionMark,
  toBeConfirmed: strings.DateReason_toBeConfirmed,
  inPlace: strings.DateReason_inPlace,
  ongoing: strings.DateReason_ongoing,
  ongoingStartUnreadable: strings.DateReason_ongoingStartUnreadable,
  rangeBackwards: strings.DateReason_rangeBackwards,
  startNotDue: strings.DateReason_startNotDue,
  startUnreadable: strings.DateReason_startUnreadable,
  dayMonthNoYear: strings.DateReason_dayMonthNoYear,
  monthNoYear: strings.DateReason_monthNoYear,
  noSuchDay: strings.DateReason_noSuchDay,
  unreadable: strings.DateReason_unreadable
};

/**
 * Why a written date has no date, in words. "3 Mar" offers both readings in the
 * culture's words: "3 March of any year, or March 2003".
 */
export function planDateReasonText(reason: PlanDateReason, culture: string): string {
  if (reason.code !== 'dayMonthNoYear') return DATE_REASON_TEXT[reason.code];
  // Any year with the day will do for the day-and-month reading (2000 is a leap year: 29 February reads).
  const dayOfMonth = dateFormat(culture, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, reason.month - 1, reason.day)));
  const monthOfYear = dateFormat(culture, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2000 + reason.day, reason.month - 1, 1)));
  return formatString(DATE_REASON_TEXT.dayMonthNoYear, dayOfMonth, monthOfYear);
}
