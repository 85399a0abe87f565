/**
 * The PnPjs behaviour that turns every failed request into a typed PlanDataError, read
 * from PnPjs's HttpRequestError: its status, its Retry-After header and SharePoint's
 * JSON error body (verbose `error`, or minimal / no metadata `odata.error`).
 */
import type { TimelinePipe } from '@pnp/core';
import { PlanDataError, dataErrorKind, toPlanDataError } from './errors';

/** What PnPjs's HttpRequestError carries (duck-typed: @pnp/nodejs bundles a copy of the class). */
interface IHttpRequestError {
  isHttpRequestError: true;
  status: number;
  statusText: string;
  response?: Response;
}

/** SharePoint's error body: `error` (verbose, and OData v4 with a plain message) or `odata.error` (minimal / no metadata). */
interface ISharePointErrorBody {
  error?: ISharePointError;
  'odata.error'?: ISharePointError;
}

interface ISharePointError {
  code?: string;
  message?: { value?: string } | string;
}

/** The queryable as an error observer sees it: PnPjs's internal reject moment, keyed by its registered symbol. */
interface IRejectingQueryable {
  emit: Record<symbol, (error: unknown) => void>;
}

const REJECT = Symbol.for('Queryable_Reject');

/** How much of a body that is not SharePoint's JSON (a proxy's HTML page) is kept for the support log. */
const RAW_BODY_KEPT = 300;

function isHttpRequestError(error: unknown): error is IHttpRequestError {
  return typeof error === 'object' && error !== null && (error as { isHttpRequestError?: unknown }).isHttpRequestError === true;
}

/** "code: message" from SharePoint's JSON body, or the start of whatever else came back. */
async function serverSaid(error: IHttpRequestError): Promise<string> {
  const response = error.response;
  const fallback = `${error.status} ${error.statusText}`.trim();
  if (!response || response.bodyUsed) return fallback;
  const text = await response.clone().text().catch(() => '');
  if (!text.trim()) return fallback;
  try {
    const body = JSON.parse(text) as ISharePointErrorBody;
    const said = body['odata.error'] ?? body.error;
    const message = typeof said?.message === 'string' ? said.message : said?.message?.value;
    const detail = [said?.code, message].filter(Boolean).join(': ');
    if (detail) return detail;
  } catch {
    // Not JSON: kept as text below.
  }
  return text.trim().slice(0, RAW_BODY_KEPT);
}

/** Retry-After in seconds, given as seconds or as an HTTP date. */
export function retryAfterSeconds(headers: Headers | undefined, now: Date = new Date()): number | undefined {
  const value = headers?.get('Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * Anything a PnPjs request rejects with, as a PlanDataError: an HTTP failure by its status
 * and SharePoint's body, a fetch that never reached the server as `network`.
 */
export async function planDataErrorFrom(error: unknown): Promise<PlanDataError> {
  if (error instanceof PlanDataError || !isHttpRequestError(error)) return toPlanDataError(error);
  const detail = await serverSaid(error);
  const kind = dataErrorKind(error.status, detail);
  return new PlanDataError(kind, detail, error.status, kind === 'throttled' ? retryAfterSeconds(error.response?.headers) : undefined);
}

/**
 * Rejects every request (and every part of a $batch, whose own HttpRequestError is built
 * from the part's response) with a PlanDataError. It takes the place of PnPjs's
 * RejectOnError, so apply it after the defaults: `spfi().using(SPFx(context), PlanDataErrors())`.
 */
export function PlanDataErrors(): TimelinePipe {
  return (instance) => {
    instance.on.error.replace(function (this: IRejectingQueryable, error: unknown) {
      const reject = (mapped: PlanDataError): void => this.emit[REJECT](mapped);
      // Reading the body cannot fail in practice; should it, the request still rejects, typed by its status.
      planDataErrorFrom(error).then(reject, () => reject(toPlanDataError(error)));
    });
    return instance;
  };
}
