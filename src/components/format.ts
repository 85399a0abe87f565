import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { ILatestNote } from '../model/rollups';
import { IPlanDate } from '../model/planDates';
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

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "30 April 2023": British order, month in words so no reader mistakes 03/04 for 4 March. */
export function formatDate(value: IsoDate | undefined, fallback: string): string {
  return value ? LONG_DATE.format(new Date(`${value}T00:00:00Z`)) : fallback;
}

/** The message of anything thrown, for showing to the person. */
export function errorMessage(error: unknown): string {
  if (error instanceof ImportWriteError) {
    return error.row > 0 ? formatString(strings.ImportWriteFailedRow, error.row, error.ref, ERROR_MESSAGES[error.kind]) : formatString(strings.ImportWriteFailedItem, error.ref, ERROR_MESSAGES[error.kind]);
  }
  if (error instanceof PlanDataError) {
    return ERROR_MESSAGES[error.kind];
  }
  return error instanceof Error ? error.message : String(error);
}

/** "10 May 2023: Waiting for partner returns", or that there is none yet. */
export function latestUpdateText(update: ILatestNote | undefined): string {
  return update ? formatString(strings.LatestUpdateText, formatDate(update.date, update.date), update.note) : strings.NoUpdateYet;
}


/** "?July 2023 (31 July 2023, to be confirmed)": the date as written, then what it means. */
export function dueText(date: IPlanDate | undefined): string {
  if (!date || date.kind === 'none') return strings.NotRecorded;
  const derived = date.date ? formatDate(date.date, '') : '';
  if (!derived || derived === date.text) return date.text || derived;
  return formatString(date.tentative ? strings.DueDerivedTentative : strings.DueDerived, date.text, derived);
}
