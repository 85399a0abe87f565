/**
 * The emulator's HTTP server: SharePoint's REST API at <origin>/sites/send/_api, the
 * local host page at /, and a small admin API at /_emulator (users for the user
 * switcher, throttling on demand, the request log).
 */
import { readFile } from 'node:fs/promises';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { BatchFormatError, boundaryOf, formatBatchResponse, parseBatch } from './batch';
import { contentType, errorBody, shapeFor } from './odata/format';
import { IRestResponse, SharePointRest } from './rest';
import { ISiteUser, SharePointStore } from './store';
import { LIST_TITLES } from '../src/services/schema';
import { USER_HEADER } from './signIn';

/** The site collection's path, as on a tenant (https://contoso.sharepoint.com/sites/send). */
export const SITE_PATH = '/sites/send';
/** The request header (or cookie) that says who is calling; a tenant knows from the sign-in. */
export const USER_COOKIE = 'emulator-user';

/**
 * Throttling on demand: this share of requests is refused with `status` and Retry-After
 * (`either` takes turns: 429 as SharePoint throttles a caller, 503 as it sheds load).
 */
export interface IThrottleSettings {
  share: number;
  status: 429 | 503 | 'either';
  retryAfterSeconds: number;
}

/** One request the server answered (batch parts are listed too, marked). */
export interface ILoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  inBatch: boolean;
  /** The If-Match header: the ETag a write was sent with. */
  ifMatch?: string;
  /** X-HTTP-Method (MERGE, DELETE), which PnPjs sends on a POST. */
  httpMethod?: string;
}

export interface IEmulatorOptions {
  store: SharePointStore;
  port?: number;
  host?: string;
  /** A folder of static files served at / (the local host page). */
  staticDir?: string;
  /** What the host page shows: the date the sample is as at, and each user's role. */
  page?: { asAt: string; roles: Record<string, string> };
}

const MIME: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function cookie(header: string | undefined, name: string): string | undefined {
  const pair = (header ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}

/** A running emulator. */
export class SharePointEmulator {
  public readonly store: SharePointStore;
  /** Requests answered since the log was last cleared, oldest first. */
  public readonly requests: ILoggedRequest[] = [];
  private throttle: IThrottleSettings = { share: 0, status: 429, retryAfterSeconds: 1 };
  private throttleDebt = 0;
  private refusals = 0;
  private readonly server: Server;
  private rest: SharePointRest | undefined;
  private origin = '';

  public constructor(private readonly options: IEmulatorOptions) {
    this.store = options.store;
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        // A defect in the emulator: answer 500 and keep serving.
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(`Emulator error: ${error instanceof Error ? error.stack : String(error)}`);
      });
    });
  }

  /** Starts listening; resolves with the site's URL. */
  public async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve));
    const address = this.server.address() as AddressInfo;
    this.origin = `http://${this.options.host ?? '127.0.0.1'}:${address.port}`;
    this.rest = new SharePointRest(this.store, this.siteUrl);
    return this.siteUrl;
  }

  public get siteUrl(): string {
    return `${this.origin}${SITE_PATH}`;
  }

  public get url(): string {
    return this.origin;
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Refuse this share of requests from now on, evenly spread (0 turns throttling off). */
  public setThrottle(settings: Partial<IThrottleSettings>): void {
    this.throttle = { ...this.throttle, ...settings };
    // The first request after turning throttling on is refused, so its effect shows at once.
    this.throttleDebt = this.throttle.share > 0 ? 1 - this.throttle.share : 0;
  }

  private log(method: string, url: URL, status: number, inBatch: boolean, headers: Record<string, string | undefined> = {}): void {
    this.requests.push({
      method,
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      status,
      inBatch,
      ifMatch: headers['if-match'],
      httpMethod: headers['x-http-method']
    });
  }

  private userFor(headers: Record<string, string | undefined>): ISiteUser | undefined {
    const name = headers[USER_HEADER] ?? cookie(headers.cookie, USER_COOKIE);
    return name ? this.store.findUser(name) : undefined;
  }

  private shouldThrottle(): boolean {
    if (this.throttle.share <= 0) return false;
    this.throttleDebt += this.throttle.share;
    if (this.throttleDebt >= 1) {
      this.throttleDebt -= 1;
      return true;
    }
    return false;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const headers = lowerCaseHeaders(request);
    const body = await readBody(request);
    const method = request.method ?? 'GET';

    if (url.pathname.startsWith('/_emulator/')) {
      return this.serveAdmin(method, url, body, response, this.userFor(headers));
    }
    if (url.pathname.toLowerCase().startsWith(`${SITE_PATH.toLowerCase()}/`) && !url.pathname.toLowerCase().startsWith(`${SITE_PATH}/_api`)) {
      return this.send(response, (this.rest as SharePointRest).download(url.pathname, this.userFor(headers)));
    }
    if (!url.pathname.toLowerCase().startsWith(`${SITE_PATH}/_api`)) {
      return this.serveStatic(url, response);
    }
    const rest = this.rest as SharePointRest;
    const shape = shapeFor(headers.accept);
    if (this.shouldThrottle()) {
      const status = this.throttle.status === 'either' ? (this.refusals++ % 2 === 0 ? 429 : 503) : this.throttle.status;
      const message = status === 429 ? 'The request has been throttled. Try again after the time in Retry-After.' : 'The service is temporarily unavailable. Try again after the time in Retry-After.';
      this.log(method, url, status, false);
      return this.send(response, { status, headers: { 'Retry-After': String(this.throttle.retryAfterSeconds), 'Content-Type': contentType(shape) }, body: JSON.stringify(errorBody(shape, `${status}`, message)) });
    }
    const user = this.userFor(headers);
    if (url.pathname.toLowerCase() === `${SITE_PATH}/_api/$batch` && method === 'POST') {
      return this.send(response, this.serveBatch(rest, url, headers, body, user));
    }
    const answer = rest.handle({ method, url, headers, body }, user);
    this.log(method, url, answer.status, false, headers);
    return this.send(response, answer);
  }

  private serveBatch(rest: SharePointRest, url: URL, headers: Record<string, string | undefined>, body: string, user: ISiteUser | undefined): IRestResponse {
    const shape = shapeFor(headers.accept);
    const fail = (status: number, code: string, message: string): IRestResponse => {
      this.log('POST', url, status, false);
      return { status, headers: { 'Content-Type': contentType(shape) }, body: JSON.stringify(errorBody(shape, code, message)) };
    };
    const refused = rest.refuseWrite(headers, user);
    if (refused) {
      this.log('POST', url, refused.status, false);
      return refused;
    }
    const boundary = boundaryOf(headers['content-type']);
    if (!boundary) {
      return fail(400, '-1, Microsoft.Data.OData.ODataContentTypeException', 'A $batch request needs Content-Type: multipart/mixed with a boundary.');
    }
    let parts;
    try {
      parts = parseBatch(body, boundary);
    } catch (error) {
      if (error instanceof BatchFormatError) return fail(400, '-1, Microsoft.Data.OData.ODataException', error.message);
      throw error;
    }
    this.log('POST', url, 200, false);
    const answers = parts.map((part) => {
      let partUrl: URL;
      try {
        partUrl = new URL(part.url, this.siteUrl);
      } catch {
        return { status: 400, headers: {}, body: JSON.stringify(errorBody(shapeFor(part.headers.accept), '-1', `The URL '${part.url}' is not valid.`)) };
      }
      const answer = rest.handle({ method: part.method, url: partUrl, headers: part.headers, body: part.body }, user, true);
      this.log(part.method, partUrl, answer.status, true, part.headers);
      return answer;
    });
    const responseBoundary = `batchresponse_${Date.now().toString(16)}`;
    return { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` }, body: formatBatchResponse(responseBoundary, answers) };
  }

  private send(response: ServerResponse, answer: IRestResponse): void {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  private serveAdmin(method: string, url: URL, body: string, response: ServerResponse, user: ISiteUser | undefined): void {
    const json = (status: number, value: unknown): void => this.send(response, { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
    if (url.pathname === '/_emulator/settings' && method === 'GET') {
      const page = this.options.page ?? { asAt: new Date().toISOString().slice(0, 10), roles: {} };
      const users = this.store.users().map((user) => ({ title: user.title, email: user.email, level: user.level, role: page.roles[user.email] }));
      // What SharePoint puts in the page for SPFx: the signed-in user's form digest, and the web part's chosen plan.
      const pageContext = user ? (this.rest as SharePointRest).pageContext(user) : undefined;
      return json(200, { siteUrl: this.siteUrl, asAt: page.asAt, userCookie: USER_COOKIE, users, pageContext, planId: this.store.firstItemId(LIST_TITLES.plans) });
    }
    if (url.pathname === '/_emulator/throttle' && method === 'POST') {
      let settings: Partial<IThrottleSettings>;
      try {
        settings = JSON.parse(body) as Partial<IThrottleSettings>;
      } catch {
        return json(400, { error: 'Send JSON such as {"share":0.5,"status":429,"retryAfterSeconds":1}.' });
      }
      if (typeof settings.share !== 'number' || settings.share < 0 || settings.share > 1) return json(400, { error: 'share must be a number from 0 to 1.' });
      if (settings.status !== undefined && [429, 503, 'either'].indexOf(settings.status) < 0) return json(400, { error: 'status must be 429, 503 or "either".' });
      this.setThrottle(settings);
      return json(200, this.throttle);
    }
    if (url.pathname === '/_emulator/requests') {
      if (method === 'DELETE') this.requests.length = 0;
      return json(200, this.requests);
    }
    return json(404, { error: `No emulator endpoint ${method} ${url.pathname}.` });
  }

  private async serveStatic(url: URL, response: ServerResponse): Promise<void> {
    const root = this.options.staticDir;
    const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^([/\\])+/, '');
    if (!root || relative.startsWith('..')) {
      return this.send(response, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' });
    }
    try {
      const content = await readFile(join(root, relative));
      response.writeHead(200, { 'Content-Type': MIME[extname(relative)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(content);
    } catch {
      this.send(response, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' });
    }
  }
}
