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
    public readonly status?: number
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
    super(cause.kind, cause.detail, cause.status);
    this.name = 'ImportWriteError';
  }
}

interface IHttpRequestError {
  isHttpRequestError: true;
  status: number;
  message: string;
}

function isHttpRequestError(error: unknown): error is IHttpRequestError {
  return typeof error === 'object' && error !== null && (error as { isHttpRequestError?: unknown }).isHttpRequestError === true;
}

/** SharePoint's own message from a PnPjs error ("... ::> {json}"), or the whole text. */
function sharePointMessage(message: string): string {
  const json = message.split('::>')[1]?.trim();
  if (!json) return message;
  try {
    const body = JSON.parse(json) as { 'odata.error'?: { code?: string; message?: { value?: string } }; error?: { code?: string; message?: { value?: string } } };
    const error = body['odata.error'] ?? body.error;
    return [error?.code, error?.message?.value].filter(Boolean).join(': ') || json;
  } catch {
    return json;
  }
}

/** Maps anything a PnPjs call throws to a PlanDataError. */
export function toPlanDataError(error: unknown): PlanDataError {
  if (error instanceof PlanDataError) return error;
  if (isHttpRequestError(error)) {
    const detail = sharePointMessage(error.message);
    switch (error.status) {
      case 401:
      case 403:
        return new PlanDataError('forbidden', detail, error.status);
      case 404:
        return new PlanDataError(/List '.*' does not exist/.test(detail) ? 'notSetUp' : 'notFound', detail, error.status);
      case 412:
        return new PlanDataError('conflict', detail, error.status);
      case 429:
      case 503:
        return new PlanDataError('throttled', detail, error.status);
      default:
        if (/SPQueryThrottledException/.test(detail)) return new PlanDataError('overThreshold', detail, error.status);
        // "A file with the name ... already exists": a file added without Overwrite where one is.
        if (/^-2130575257\b/.test(detail)) return new PlanDataError('alreadyExists', detail, error.status);
        return new PlanDataError('unexpected', detail, error.status);
    }
  }
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || /fetch failed|network|Failed to fetch/i.test(text)) {
    return new PlanDataError('network', text);
  }
  return new PlanDataError('unexpected', text);
}

/** The ETag every update is sent with; never "*", so no save can overwrite unseen changes. */
export function requireEtag(etag: string | undefined, what: string): string {
  if (!etag) throw new PlanDataError('unexpected', `${what} was loaded without its ETag, so it cannot be saved safely.`);
  return etag;
}
