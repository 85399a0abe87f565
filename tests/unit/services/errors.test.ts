import { PlanDataError, toPlanDataError } from '../../../src/services/errors';

/** A PnPjs HttpRequestError as it arrives: status, and SharePoint's body after "::>". */
function httpError(status: number, code: string, message: string): Error {
  const error = new Error(`Error making HttpClient request in queryable [${status}] X ::> ${JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } })}`);
  return Object.assign(error, { isHttpRequestError: true, status });
}

describe('toPlanDataError', () => {
  it.each([
    [403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.', 'forbidden'],
    [401, '-2147024891, System.UnauthorizedAccessException', 'Sign in.', 'forbidden'],
    [404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist.', 'notFound'],
    [404, '-1, System.ArgumentException', "List 'SEND Plans' does not exist at site with URL ''.", 'notSetUp'],
    [412, '-1, Microsoft.SharePoint.Client.ClientServiceException', 'The request ETag value does not match.', 'conflict'],
    [429, '429', 'Throttled.', 'throttled'],
    [503, '503', 'Unavailable.', 'throttled'],
    [500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.', 'overThreshold'],
    [500, '-1, System.InvalidOperationException', 'Something else.', 'unexpected']
  ])('maps HTTP %i (%s) to %s, keeping SharePoint\'s words as the detail', (status, code, message, kind) => {
    const mapped = toPlanDataError(httpError(status, code, message));
    expect(mapped).toBeInstanceOf(PlanDataError);
    expect(mapped).toMatchObject({ kind, status, detail: `${code}: ${message}` });
  });

  it('maps a failed fetch (no network) to "network"', () => {
    expect(toPlanDataError(new TypeError('fetch failed'))).toMatchObject({ kind: 'network', detail: 'fetch failed' });
  });

  it('passes a PlanDataError through unchanged', () => {
    const original = new PlanDataError('conflict', 'x', 412);
    expect(toPlanDataError(original)).toBe(original);
  });
});
