/**
 * The PlanDataErrors behaviour with real PnPjs: requests go through spfi with the usual
 * defaults, and a stand-in fetch answers as SharePoint does.
 */
import { BrowserFetch, BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, SPFI, spfi } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { PlanDataErrors, planDataErrorFrom, retryAfterSeconds } from '../../../src/services/errorBehaviour';
import { PlanDataError } from '../../../src/services/errors';

const SITE = 'https://council.sharepoint.com/sites/send';

type Flavour = 'verbose' | 'minimal';

/** SharePoint's error body in the OData flavour the request asked for. */
function errorBody(flavour: Flavour, code: string, message: string): string {
  const error = { code, message: { lang: 'en-US', value: message } };
  return JSON.stringify(flavour === 'verbose' ? { error } : { 'odata.error': error });
}

function errorResponse(status: number, flavour: Flavour, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(errorBody(flavour, code, message), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

let fetchMock: jest.SpyInstance;

beforeEach(() => {
  fetchMock = jest.spyOn(global, 'fetch');
});

afterEach(() => {
  fetchMock.mockRestore();
});

/** PnPjs as the web part has it (one attempt per request), with the behaviour last. */
function site(): SPFI {
  return spfi(SITE).using(DefaultHeaders(), DefaultInit(), BrowserFetch(), DefaultParse(), PlanDataErrors());
}

/** What reading the list's items rejects with when fetch answers `response`. */
async function failureOf(response: Response): Promise<unknown> {
  fetchMock.mockResolvedValue(response);
  return site().web.lists.getByTitle('SEND Actions').items().then(
    () => 'resolved',
    (error: unknown) => error
  );
}

describe('PlanDataErrors', () => {
  describe.each<Flavour>(['verbose', 'minimal'])('with SharePoint\'s %s error body', (flavour) => {
    it.each([
      [401, '-2147024891, System.UnauthorizedAccessException', 'Access denied.', 'forbidden'],
      [403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.', 'forbidden'],
      [404, '-2130575338, Microsoft.SharePoint.SPException', 'Item does not exist. It may have been deleted by another user.', 'notFound'],
      [404, '-1, System.ArgumentException', "List 'SEND Actions' does not exist at site with URL 'https://council.sharepoint.com/sites/send'.", 'notSetUp'],
      [409, '-2130575305, Microsoft.SharePoint.SPException', 'Save Conflict. Your changes conflict with those made concurrently by another user.', 'conflict'],
      [400, '-2130575257, Microsoft.SharePoint.SPException', 'A file with the name Shared Documents/pack.json already exists.', 'alreadyExists'],
      [412, '-1, Microsoft.SharePoint.Client.ClientServiceException', 'The request ETag value \'"3"\' does not match the object\'s ETag value \'"4"\'.', 'conflict'],
      [500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.', 'overThreshold'],
      [500, '-1, System.InvalidOperationException', 'Operation is not valid due to the current state of the object.', 'unexpected']
    ])('maps HTTP %i (%s) to its kind, SharePoint\'s code and words as the detail', async (status, code, message, kind) => {
      const error = await failureOf(errorResponse(status, flavour, code, message));
      expect(error).toBeInstanceOf(PlanDataError);
      expect(error).toMatchObject({ kind, status, detail: `${code}: ${message}`, retryAfterSeconds: undefined });
    });

    it.each([429, 503])('maps HTTP %i to throttled with the seconds Retry-After asks for', async (status) => {
      const error = await failureOf(errorResponse(status, flavour, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The request has been throttled.', { 'Retry-After': '120' }));
      expect(error).toMatchObject({ kind: 'throttled', status, retryAfterSeconds: 120 });
    });
  });

  it('reads an OData v4 body whose message is plain text', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'accessDenied', message: 'Access denied' } }), { status: 403 });
    expect(await failureOf(response)).toMatchObject({ kind: 'forbidden', detail: 'accessDenied: Access denied' });
  });

  it('keeps the start of a body that is not JSON (a proxy\'s page)', async () => {
    const page = `<html><body>Bad gateway${' '.repeat(10)}${'x'.repeat(1000)}</body></html>`;
    const error = (await failureOf(new Response(page, { status: 502, statusText: 'Bad Gateway' }))) as PlanDataError;
    expect(error).toMatchObject({ kind: 'unexpected', status: 502 });
    expect(error.detail.startsWith('<html><body>Bad gateway')).toBe(true);
    expect(error.detail).toHaveLength(300);
  });

  it('says the status when there is no body', async () => {
    expect(await failureOf(new Response('', { status: 404, statusText: 'Not Found' }))).toMatchObject({ kind: 'notFound', detail: '404 Not Found' });
  });

  it('maps a fetch that never reached the server to network', async () => {
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    const error = await site().web.lists.getByTitle('SEND Actions').items().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PlanDataError);
    expect(error).toMatchObject({ kind: 'network', detail: 'fetch failed', status: undefined });
  });

  it('maps throttling that outlasts PnPjs\'s retries to throttled, with the last Retry-After', async () => {
    fetchMock.mockImplementation(async () => errorResponse(429, 'minimal', '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'Throttled.', { 'Retry-After': '0' }));
    const sp = spfi(SITE).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry({ retries: 2 }), DefaultParse(), PlanDataErrors());
    const error = await sp.web.lists.getByTitle('SEND Actions').items().catch((failure: unknown) => failure);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(error).toMatchObject({ kind: 'throttled', status: 429, retryAfterSeconds: 0, detail: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException: Throttled.' });
  });

  it('rejects a failing part of a $batch with its own typed error, and the others with their data', async () => {
    const part = (status: number, body: string): string => `--batchresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ${status} X\r\nContent-Type: application/json;odata=minimalmetadata\r\n\r\n${body}\r\n`;
    const batchBody = part(200, JSON.stringify({ value: [{ Id: 1 }] })) + part(412, errorBody('minimal', '-1, Microsoft.SharePoint.Client.ClientServiceException', 'The request ETag value does not match.')) + '--batchresponse_1--\r\n';
    fetchMock.mockResolvedValue(new Response(batchBody, { status: 200, headers: { 'Content-Type': 'multipart/mixed; boundary=batchresponse_1' } }));
    const [batched, execute] = site().batched();
    const list = batched.web.lists.getByTitle('SEND Actions');
    const read = list.items();
    const update = list.items.getById(1).update({ Title: 'A' }, '"3"');
    await execute();
    await expect(read).resolves.toEqual([{ Id: 1 }]);
    const error = await update.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PlanDataError);
    expect(error).toMatchObject({ kind: 'conflict', status: 412, detail: '-1, Microsoft.SharePoint.Client.ClientServiceException: The request ETag value does not match.' });
  });

  it('rejects the whole $batch with a typed error when the batch request itself fails', async () => {
    fetchMock.mockResolvedValue(errorResponse(403, 'verbose', '-2147024891, System.UnauthorizedAccessException', 'Access denied.'));
    const [batched, execute] = site().batched();
    const read = batched.web.lists.getByTitle('SEND Actions').items();
    read.catch(() => undefined);
    const error = await execute().catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PlanDataError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
  });

  it('passes a PlanDataError thrown inside the request through unchanged', async () => {
    const ours = new PlanDataError('conflict', 'changed', 412);
    expect(await planDataErrorFrom(ours)).toBe(ours);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds, and an HTTP date as the seconds until it', () => {
    expect(retryAfterSeconds(new Headers({ 'Retry-After': '30' }))).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:30 GMT' }), new Date('2015-10-21T07:28:00Z'))).toBe(30);
    expect(retryAfterSeconds(new Headers({ 'Retry-After': 'soon' }))).toBeUndefined();
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});
