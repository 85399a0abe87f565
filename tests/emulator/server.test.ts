/**
 * The emulator's HTTP server under hostile or broken requests, over real HTTP: bodies are
 * read only after sign-in and only up to SharePoint's limits, bad URLs and defects get
 * SharePoint's error shape, never a stack trace or a path on this machine.
 */
import { request as httpRequest } from 'node:http';
import { SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { BODY_LIMITS, SharePointEmulator } from '../../emulator/server';
import { USER_HEADER } from '../../emulator/signIn';
import { SharePointStore } from '../../emulator/store';

interface IStreamed {
  status: number;
  body: string;
  /** Bytes of the request body written when the answer's headers arrived. */
  writtenWhenAnswered: number;
}

/**
 * Sends `total` bytes of body in 64 KB chunks, as fast as the connection takes them, and
 * stops writing as soon as an answer arrives (as a browser or PnPjs would give up).
 */
function streamBody(url: string, headers: Record<string, string | number>, total: number): Promise<IStreamed> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    let answered = false;
    const outgoing = httpRequest(url, { method: 'POST', headers }, (incoming) => {
      answered = true;
      const writtenWhenAnswered = written;
      const parts: Buffer[] = [];
      incoming.on('data', (part: Buffer) => parts.push(part));
      incoming.on('end', () => {
        outgoing.destroy();
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), writtenWhenAnswered });
      });
    });
    // Cut off by the server after its answer: expected, and not what the test looks at.
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = (): void => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!outgoing.write(chunk)) {
          outgoing.once('drain', pump);
          return;
        }
      }
      if (!answered) outgoing.end();
    };
    pump();
  });
}

describe('the emulator server', () => {
  let store: SharePointStore;
  let emulator: SharePointEmulator;
  let siteUrl: string;
  const defects: unknown[] = [];
  let digest: string;

  const signedIn = (extra: Record<string, string | number> = {}): Record<string, string | number> => ({ Accept: 'application/json', [USER_HEADER]: SITE_OWNER.email, 'X-RequestDigest': digest, ...extra });

  beforeAll(async () => {
    store = new SharePointStore(':memory:');
    for (const user of SAMPLE_USERS) store.saveUser(user);
    store.createList('Notes');
    store.addField('Notes', { internalName: 'Body', title: 'Body', kind: 'Note', indexed: false, required: false });
    emulator = new SharePointEmulator({ store, onError: (error) => defects.push(error) });
    siteUrl = await emulator.start();
    const info = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', [USER_HEADER]: SITE_OWNER.email } });
    digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
  });
  afterAll(async () => {
    await emulator.stop();
    store.close();
  });

  it('refuses a 600 MB POST from nobody signed in with 401 at once, without reading it, and keeps serving', async () => {
    const total = 600 * 1024 * 1024;
    const answer = await streamBody(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, { Accept: 'application/json', 'Content-Type': 'application/json', 'Content-Length': total }, total);

    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: expect.stringContaining('Sign in') } } });
    // The answer came while the body was still being sent: a few megabytes of 600 at most.
    expect(answer.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
    const after = await fetch(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, { headers: signedIn() as Record<string, string> });
    expect(after.status).toBe(200);
  });

  it('refuses a signed-in write without a form digest before reading its body', async () => {
    const total = 50 * 1024 * 1024;
    const answer = await streamBody(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, { Accept: 'application/json', [USER_HEADER]: SITE_OWNER.email, 'Content-Length': total }, total);

    expect(answer.status).toBe(403);
    expect(answer.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
  });

  it("takes a JSON body up to SharePoint's 1,048,576 bytes and refuses one past it with SharePoint's 400, writing nothing", async () => {
    const item = (length: number): string => JSON.stringify({ Title: 'Long note', Body: 'n'.repeat(length) });
    const under = item(BODY_LIMITS.json - 100);
    const over = item(BODY_LIMITS.json);
    expect(Buffer.byteLength(under)).toBeLessThanOrEqual(BODY_LIMITS.json);

    const accepted = await fetch(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, { method: 'POST', headers: signedIn({ 'Content-Type': 'application/json' }) as Record<string, string>, body: under });
    expect(accepted.status).toBe(201);
    const refused = await fetch(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, { method: 'POST', headers: signedIn({ 'Content-Type': 'application/json' }) as Record<string, string>, body: over });
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as { 'odata.error': { code: string; message: { value: string } } })['odata.error'];
    expect(error.code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(error.message.value).toMatch(/^The maximum number of bytes allowed to be read from the stream has been exceeded\. After the last read operation, a total of \d+ bytes has been read from the stream; however a maximum of 1048576 bytes is allowed\.$/);
    expect(store.allItems('Notes')).toHaveLength(1);
  });

  it('stops reading a signed-in body sent without a length once it passes the limit', async () => {
    const total = 200 * 1024 * 1024;
    const answer = await streamBody(`${siteUrl}/_api/web/lists/getByTitle('Notes')/items`, signedIn({ 'Content-Type': 'application/json' }), total);

    expect(answer.status).toBe(400);
    expect(answer.body).toContain('a maximum of 1048576 bytes is allowed');
    expect(answer.writtenWhenAnswered).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a file upload whose Content-Length is past 262,144,000 bytes before reading it', async () => {
    const total = 300 * 1024 * 1024;
    const answer = await streamBody(
      `${siteUrl}/_api/web/lists/getByTitle('Notes')/RootFolder/Files/AddUsingPath(DecodedUrl='big.html',Overwrite=false)`,
      signedIn({ 'Content-Length': total }),
      total
    );

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)['odata.error'].message.value).toBe('The request message is too big. The server does not allow messages larger than 262144000 bytes.');
    expect(answer.writtenWhenAnswered).toBeLessThan(16 * 1024 * 1024);
  });

  it.each([["getByTitle('%E0%A4%A')"], ["getByTitle('%zz')"], ["getByTitle('100%')"]])('answers a URL with malformed %%-encoding (%s) with 400 in SharePoint’s shape', async (segment) => {
    const response = await fetch(`${siteUrl}/_api/web/lists/${segment}`, { headers: signedIn() as Record<string, string> });
    const text = await response.text();

    expect(response.status).toBe(400);
    expect(JSON.parse(text)['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(text).not.toMatch(/\bat \S+ \(|\/work\/|node:internal|URIError/);
  });

  it('treats a cookie that does not decode as nobody signed in', async () => {
    const response = await fetch(`${siteUrl}/_api/web`, { headers: { Accept: 'application/json', Cookie: 'emulator-user=%E0%A4' } });

    expect(response.status).toBe(401);
  });

  it("answers an unexpected exception with SharePoint's 500 shape, no stack trace or path, and tells the operator", async () => {
    const spy = jest.spyOn(store, 'lists').mockImplementation(() => {
      throw new Error(`The disk at ${__filename} is on fire`);
    });
    try {
      const response = await fetch(`${siteUrl}/_api/web/lists`, { headers: signedIn({ Accept: 'application/json;odata=verbose' }) as Record<string, string> });
      const text = await response.text();

      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: '-2146232832, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: expect.any(String) } } });
      expect(text).not.toContain(__filename);
      expect(text).not.toContain('on fire');
      expect(defects).toEqual([expect.objectContaining({ message: expect.stringContaining('on fire') })]);
    } finally {
      spy.mockRestore();
    }
    expect((await fetch(`${siteUrl}/_api/web/lists`, { headers: signedIn() as Record<string, string> })).status).toBe(200);
  });
});
