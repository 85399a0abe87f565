import { PlanDataError, dataErrorKind, toPlanDataError } from '../../../src/services/errors';

describe('dataErrorKind', () => {
  it.each([
    [401, '', 'forbidden'],
    [403, '', 'forbidden'],
    [404, '-2130575338, Microsoft.SharePoint.SPException: Item does not exist.', 'notFound'],
    [404, "-1, System.ArgumentException: List 'SEND Plans' does not exist at site with URL ''.", 'notSetUp'],
    [409, '-2130575305, Microsoft.SharePoint.SPException: Save Conflict.', 'conflict'],
    [412, '', 'conflict'],
    [429, '', 'throttled'],
    [503, '', 'throttled'],
    [500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException: The attempted operation is prohibited.', 'overThreshold'],
    [400, '-2130575257, Microsoft.SharePoint.SPException: A file with the name a.json already exists.', 'alreadyExists'],
    [500, '-1, System.InvalidOperationException: Something else.', 'unexpected']
  ])('maps HTTP %i ("%s") to %s', (status, said, kind) => {
    expect(dataErrorKind(status, said)).toBe(kind);
  });
});

describe('toPlanDataError', () => {
  it('passes a PlanDataError through unchanged', () => {
    const original = new PlanDataError('conflict', 'x', 412);
    expect(toPlanDataError(original)).toBe(original);
  });

  it('maps a failed fetch, and an aborted one, to network', () => {
    expect(toPlanDataError(new TypeError('fetch failed'))).toMatchObject({ kind: 'network', detail: 'fetch failed' });
    expect(toPlanDataError(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }))).toMatchObject({ kind: 'network' });
  });

  it('maps a PnPjs error from an instance without the PlanDataErrors behaviour by its status alone', () => {
    const error = Object.assign(new Error('Error making HttpClient request in queryable [403] Forbidden'), { isHttpRequestError: true, status: 403 });
    expect(toPlanDataError(error)).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it('maps anything else to unexpected, keeping its message for the support log', () => {
    expect(toPlanDataError(new Error('Boom'))).toMatchObject({ kind: 'unexpected', detail: 'Boom' });
    expect(toPlanDataError('odd')).toMatchObject({ kind: 'unexpected', detail: 'odd' });
  });
});
