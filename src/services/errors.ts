/**
 * Typed errors from the data service. Views choose their message by `kind` (every
 * message is in the web part's localised strings); `detail` keeps what SharePoint
 * said, for the support log.
 */
export type DataErrorKind = 'notFound' | 'forbidden' | 'throttled' | 'conflict' | 'overThreshold' | 'network' | 'notSetUp' | 'alreadyExists' | 'unreadable' | 'unexpected';

export class PlanDataError extends Error {
  public constructor(
    public readonly kind: DataErrorKind,
    /** What SharePoint (or the network) reported, for the support log. */
    public readonly detail: string,
    /** The HTTP status, when there was a response. */
    public readonly status?: number,
    /** How long SharePoint asked us to wait before trying again (Retry-After), when it throttled. */
    public readonly retryAfterSeconds?: number
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'PlanDataError';
  }
}

/** Someone else saved the item since it was loaded: carries their version so both can be shown. */
export class ConflictError<T> extends PlanDataError {
  public constructor(
    /** The item as it is now on the server. */
    public readonly current: T,
    detail: string
  ) {
    super('conflict', detail, 412);
    this.name = 'ConflictError';
  }
}

/** An import stopped on one item: which row and ref it was writing, and what SharePoint said. */
export class ImportWriteError extends PlanDataError {
  public constructor(
    cause: PlanDataError,
    /** The sheet's row (0 when the item is not one row, such as a priority). */
    public readonly row: number,
    /** The action's ref, or the priority's or outcome's number. */
    public readonly ref: string
  ) {
    super(cause.kind, cause.detail, cause.status, cause.retryAfterSeconds);
    this.name = 'ImportWriteError';
  }
}

/** Whether `error` is a PlanDataError of this kind (what a service catches to do something particular, such as re-read after a conflict). */
export function isDataError(error: unknown, kind: DataErrorKind): error is PlanDataError {
  return error instanceof PlanDataError && error.kind === kind;
}

/** The kind of an HTTP failure, from its status and what SharePoint said ("code: message"). */
export function dataErrorKind(status: number, said: string): DataErrorKind {
  switch (status) {
    case 401:
    case 403:
      return 'forbidden';
    case 404:
      return /List '.*' does not exist/.test(said) ? 'notSetUp' : 'notFound';
    case 412:
      return 'conflict';
    case 429:
    case 503:
      return 'throttled';
    default:
      if (/SPQueryThrottledException/.test(said)) return 'overThreshold';
      // "A file with the name ... already exists": a file added without Overwrite where one is.
      if (/^-2130575257\b/.test(said)) return 'alreadyExists';
      // 409 is SharePoint's "Save Conflict": someone else saved at the same moment.
      return status === 409 ? 'conflict' : 'unexpected';
  }
}

/**
 * Anything thrown, as a PlanDataError. Requests made through a PnPjs instance with the
 * PlanDataErrors behaviour already reject with one (read from the response); this is
 * for the edges that catch anything: a fetch that failed, or a PnPjs error from an
 * instance without that behaviour (mapped by its status alone).
 */
export function toPlanDataError(error: unknown): PlanDataError {
  if (error instanceof PlanDataError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { isHttpRequestError?: unknown; status?: unknown } | undefined)?.isHttpRequestError === true ? (error as { status: number }).status : undefined;
  if (status !== undefined) return new PlanDataError(dataErrorKind(status, ''), text, status);
  // fetch rejects with a TypeError when the request never reached the server; an abort is a request that did not finish.
  if (error instanceof TypeError || (error instanceof Error && error.name === 'AbortError') || /fetch failed|network|Failed to fetch/i.test(text)) {
    return new PlanDataError('network', text);
  }
  return new PlanDataError('unexpected', text);
}

/** The ETag every update is sent with; never "*", so no save can overwrite unseen changes. */
export function requireEtag(etag: string | undefined, what: string): string {
  if (!etag) throw new PlanDataError('unexpected', `requireEtag: ${what} was loaded without its ETag`);
  return etag;
}
