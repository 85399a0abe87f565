/**
 * The local page's files served as a CDN serves the web part's: the page revalidated by
 * its ETag (a 304 without a body when unchanged), the hash-named scripts kept by the
 * browser, gzip when the browser accepts it, and a changed file served afresh.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { SharePointEmulator } from '../../emulator/server';
import { SharePointStore } from '../../emulator/store';

interface IRaw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is kept as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<IRaw> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (incoming) => {
      const parts: Buffer[] = [];
      incoming.on('data', (part: Buffer) => parts.push(part));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(parts) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local page served as from a CDN', () => {
  const dir = mkdtempSync(join(tmpdir(), 'static-'));
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  let store: SharePointStore;
  let emulator: SharePointEmulator;
  let origin: string;

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="host-ABC123.js"></script>');
    writeFileSync(join(dir, 'host-ABC123.js'), script);
    store = new SharePointStore(':memory:');
    emulator = new SharePointEmulator({ store, staticDir: dir });
    origin = new URL(await emulator.start()).origin;
  });
  afterAll(async () => {
    await emulator.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the page with an ETag to revalidate, and 304 without a body while it is unchanged', async () => {
    const first = await rawGet(`${origin}/`);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);

    const again = await rawGet(`${origin}/`, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="host-DEF456.js"></script>');
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const changed = await rawGet(`${origin}/`, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString('utf8')).toContain('host-DEF456.js');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('lets the browser keep a hash-named script for a year, gzipped when it accepts gzip and plain when not', async () => {
    const zipped = await rawGet(`${origin}/host-ABC123.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(script);

    const plain = await rawGet(`${origin}/host-ABC123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('answers a missing file, or a path out of the folder, with 404', async () => {
    expect((await rawGet(`${origin}/nothing-here.js`)).status).toBe(404);
    expect((await rawGet(`${origin}/..%2f..%2fetc/passwd`)).status).toBe(404);
  });
});
