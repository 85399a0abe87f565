/**
 * The emulator's HTTP server: SharePoint's REST API at <origin>/sites/send/_api, the
 * local host page at /, and a small admin API at /_emulator (users for the user
 * switcher, throttling on demand, the request log).
 */
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { BatchFormatError, boundaryOf, formatBatchResponse, parseBatch } from './batch';
import { GraphOutbox } from './graph';
import { contentType, errorBody, shapeFor } from './odata/format';
import { IRestResponse, SharePointRest } from './rest';
import { ISiteUser, SharePointStore } from './store';
import { LIST_TITLES } from '../src/services/schema';
import { USER_HEADER } from './signIn';
import { IStaticFile, StaticFiles } from './staticFiles';

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
  /**
   * Told of a defect in the emulator (an unexpected exception), which the caller gets as a
   * 500 without details. Defaults to one line on stderr.
   */
  onError?: (error: unknown) => void;
}

const MIME: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/**
 * The most request body SharePoint Online reads, in bytes. A JSON body (an item, a field,
 * a $batch) stops at 1,048,576: "The maximum number of bytes allowed to be read from the
 * stream has been exceeded. After the last read operation, a total of N bytes has been read
 * from the stream; however a maximum of 1048576 bytes is allowed." (400, pnp/pnpjs#2980 for
 * one item update, pnp/pnpcore#777 for a $batch). A file sent in one request stops at
 * 262,144,000: "The request message is too big. The server does not allow messages larger
 * than 262144000 bytes." (400, SharePoint/sp-dev-docs#8280). Both answer
 * `-1, Microsoft.SharePoint.Client.InvalidClientQueryException`.
 */
export const BODY_LIMITS = { json: 1048576, file: 262144000 } as const;

/** How much of a refused request's body is read (and thrown away) before the connection is cut. */
const DISCARD_BYTES = BODY_LIMITS.json;

/** An answer the server sends: a REST response, or a static file's bytes. */
type IAnswer = Omit<IRestResponse, 'body'> & { body: string | Buffer };

const INVALID_CLIENT_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
const BAD_URL_MESSAGE = 'The request URL is not valid: a % in it is not followed by two hexadecimal digits of a UTF-8 character.';

/**
 * A request whose body is a file's bytes: AddUsingPath on a folder's files, a chunk of an
 * upload session (StartUpload, ContinueUpload, FinishUpload), or a PUT to a file's `$value`.
 * Read as bytes, to the file limit; every other body is UTF-8 text, to the JSON limit.
 */
const FILE_CONTENT = /\/files\/addusingpath\(|\/(?:startupload|continueupload|finishupload)\(|\/\$value$/i;

/** The request body was past its limit: SharePoint's answer (read, or refused from Content-Length). */
class BodyTooLargeError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body of at most `limit` bytes. Past it, stops reading (the rest of the
 * body is never buffered) and rejects with SharePoint's message; a file upload whose
 * Content-Length is already past it is refused before a byte is read.
 */
function readBody(request: IncomingMessage, limit: number, file: boolean): Promise<Buffer> {
  const tooBig = (read: number): BodyTooLargeError =>
    new BodyTooLargeError(
      file
        ? `The request message is too big. The server does not allow messages larger than ${limit} bytes.`
        : `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${read} bytes has been read from the stream; however a maximum of ${limit} bytes is allowed.`
    );
  return new Promise((resolve, reject) => {
    if (file && Number(request.headers['content-length']) > limit) {
      reject(tooBig(Number(request.headers['content-length'])));
      return;
    }
    const chunks: Buffer[] = [];
    let read = 0;
    const onData = (chunk: Buffer): void => {
      read += chunk.length;
      if (read > limit) {
        request.off('data', onData);
        request.pause();
        reject(tooBig(read));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The decoded path, or undefined when its %-encoding is malformed (`%`, `%zz`, a broken UTF-8 sequence). */
export function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

function lowerCaseHeaders(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function cookie(header: string | undefined, name: string): string | undefined {
  const pair = (header ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name}=`));
  // A cookie that does not decode names nobody: the caller is not signed in.
  return pair ? decodedPath(pair.slice(name.length + 1)) : undefined;
}

/** SharePoint's error answer in the shape the caller asked for. */
function errorAnswer(accept: string | undefined, status: number, code: string, message: string): IRestResponse {
  const shape = shapeFor(accept);
  return { status, headers: { 'Content-Type': contentType(shape) }, body: JSON.stringify(errorBody(shape, code, message)) };
}

/** A running emulator. */
export class SharePointEmulator {
  public readonly store: SharePointStore;
  /** Requests answered since the log was last cleared, oldest first. */
  public readonly requests: ILoggedRequest[] = [];
  private throttle: IThrottleSettings = { share: 0, status: 429, retryAfterSeconds: 1 };
  private throttleDebt = 0;
  private refusals = 0;
  private readonly staticFiles = new StaticFiles();
  private readonly server: Server;
  private rest: SharePointRest | undefined;
  /** Microsoft Graph's sendMail, into an outbox the local page shows. */
  private readonly graph: GraphOutbox;
  private origin = '';

  public constructor(private readonly options: IEmulatorOptions) {
    this.store = options.store;
    this.graph = new GraphOutbox(options.store);
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => this.answerDefect(request, response, error));
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
      path: decodedPath(url.pathname) ?? url.pathname,
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

  /**
   * A defect in the emulator: SharePoint's 500 shape with no stack trace or file path (the
   * operator is told through onError), and the emulator keeps serving.
   */
  private answerDefect(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    (this.options.onError ?? ((defect: unknown) => console.error(`Emulator defect: ${defect instanceof Error ? defect.message : String(defect)}`)))(error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    this.refuseUnread(request, response, errorAnswer(request.headers.accept, 500, '-2146232832, Microsoft.SharePoint.SPException', 'The server could not complete the request because of an unexpected error.'));
  }

  /**
   * Answers at once, without reading the request body first. What the caller still sends is
   * discarded (never buffered) up to DISCARD_BYTES, so a small body leaves the connection
   * usable; past that the connection is cut, so a large one is not read to its end. The
   * answer has gone by then, so the caller reads it rather than a reset connection.
   */
  private refuseUnread(request: IncomingMessage, response: ServerResponse, answer: IAnswer): void {
    if (!request.readableEnded) {
      let discarded = 0;
      request.removeAllListeners('data');
      request.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_BYTES) request.destroy();
      });
      request.resume();
    }
    this.send(response, answer);
  }

  /** The body's bytes, read only now that the caller is known; past its limit, SharePoint's 400. */
  private async bodyOrRefusal(request: IncomingMessage, response: ServerResponse, url: URL, file: boolean): Promise<Buffer | undefined> {
    try {
      return await readBody(request, file ? BODY_LIMITS.file : BODY_LIMITS.json, file);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      this.log(request.method ?? 'POST', url, 400, false);
      this.refuseUnread(request, response, errorAnswer(request.headers.accept, 400, INVALID_CLIENT_QUERY, error.message));
      return undefined;
    }
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const headers = lowerCaseHeaders(request);
    const method = request.method ?? 'GET';
    const path = decodedPath(url.pathname);
    if (path === undefined) {
      // SharePoint refuses a URL it cannot decode with 400; the answer never carries a stack trace.
      return this.refuseUnread(request, response, errorAnswer(headers.accept, 400, INVALID_CLIENT_QUERY, BAD_URL_MESSAGE));
    }

    if (url.pathname.startsWith('/_emulator/')) {
      const body = await this.bodyOrRefusal(request, response, url, false);
      if (body === undefined) return;
      return this.serveAdmin(method, url, body.toString('utf8'), response, this.userFor(headers));
    }
    if (url.pathname.startsWith('/v1.0/')) {
      return this.serveGraph(request, response, url, method, headers);
    }
    if (url.pathname.toLowerCase().startsWith(`${SITE_PATH.toLowerCase()}/`) && !url.pathname.toLowerCase().startsWith(`${SITE_PATH}/_api`)) {
      return this.refuseUnread(request, response, (this.rest as SharePointRest).download(url.pathname, this.userFor(headers)));
    }
    if (!url.pathname.toLowerCase().startsWith(`${SITE_PATH}/_api`)) {
      return this.refuseUnread(request, response, await this.staticAnswer(url, headers));
    }
    const rest = this.rest as SharePointRest;
    const shape = shapeFor(headers.accept);
    if (this.shouldThrottle()) {
      const status = this.throttle.status === 'either' ? (this.refusals++ % 2 === 0 ? 429 : 503) : this.throttle.status;
      const message = status === 429 ? 'The request has been throttled. Try again after the time in Retry-After.' : 'The service is temporarily unavailable. Try again after the time in Retry-After.';
      this.log(method, url, status, false);
      return this.refuseUnread(request, response, { status, headers: { 'Retry-After': String(this.throttle.retryAfterSeconds), 'Content-Type': contentType(shape) }, body: JSON.stringify(errorBody(shape, `${status}`, message)) });
    }
    const user = this.userFor(headers);
    const effectiveMethod = ((method === 'POST' && headers['x-http-method']) || method).toUpperCase();
    // Sign-in (and a write's form digest) are checked before a byte of the body is read, so a
    // caller who may not write cannot make the server read, let alone buffer, a large body.
    const needsDigest = effectiveMethod !== 'GET' && !/\/_api\/contextinfo$/i.test(url.pathname);
    let refused: IRestResponse | undefined;
    if (!user) refused = rest.handle({ method, url, headers, body: '' }, undefined);
    else if (needsDigest) refused = rest.refuseWrite(headers, user);
    if (refused) {
      this.log(method, url, refused.status, false, headers);
      return this.refuseUnread(request, response, refused);
    }
    const fileContent = FILE_CONTENT.test(path);
    const bytes = await this.bodyOrRefusal(request, response, url, fileContent);
    if (bytes === undefined) return;
    const body = fileContent ? '' : bytes.toString('utf8');
    if (url.pathname.toLowerCase() === `${SITE_PATH}/_api/$batch` && method === 'POST') {
      return this.send(response, this.serveBatch(rest, url, headers, body, user));
    }
    const answer = rest.handle({ method, url, headers, body, content: fileContent ? bytes : undefined }, user);
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
      if (decodedPath(partUrl.pathname) === undefined) {
        return errorAnswer(part.headers.accept, 400, INVALID_CLIENT_QUERY, BAD_URL_MESSAGE);
      }
      const answer = rest.handle({ method: part.method, url: partUrl, headers: part.headers, body: part.body }, user, true);
      this.log(part.method, partUrl, answer.status, true, part.headers);
      return answer;
    });
    const responseBoundary = `batchresponse_${Date.now().toString(16)}`;
    // A part's body is text in the multipart answer (a file read in a batch comes back as its UTF-8 reading).
    const textAnswers = answers.map((answer) => ({ ...answer, body: answer.body.toString() }));
    return { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` }, body: formatBatchResponse(responseBoundary, textAnswers) };
  }

  private send(response: ServerResponse, answer: IAnswer): void {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  /** Graph's calls (`/v1.0/...`): unsigned callers get Graph's 401 before their body is read, as SharePoint's routes do. */
  private async serveGraph(request: IncomingMessage, response: ServerResponse, url: URL, method: string, headers: Record<string, string | undefined>): Promise<void> {
    const caller = this.userFor(headers);
    const notFound: IRestResponse = { status: 404, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: { code: 'Request_BadRequest', message: `No Graph resource ${url.pathname} on the emulator.` } }) };
    if (!caller) return this.refuseUnread(request, response, this.graph.serve(method, url, '', undefined) ?? notFound);
    const body = await this.bodyOrRefusal(request, response, url, false);
    if (body === undefined) return;
    const answer = this.graph.serve(method, url, body.toString('utf8'), caller) ?? notFound;
    this.log(method, url, answer.status, false, headers);
    return this.send(response, answer);
  }

  private serveAdmin(method: string, url: URL, body: string, response: ServerResponse, user: ISiteUser | undefined): void {
    // The outbox of mail sent through Graph: /_emulator/outbox (JSON) and /_emulator/outbox.html.
    const outbox = this.graph.serve(method, url, body, user);
    if (outbox) return this.send(response, outbox);
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

  /**
   * The local page's files, served as the web part's files are from a CDN: compressed when
   * the browser accepts it, the page revalidated by its ETag, and the scripts (named by a
   * hash of their content) kept by the browser for a year, so a repeat visit fetches none.
   */
  private async staticAnswer(url: URL, requestHeaders: Record<string, string | undefined>): Promise<IAnswer> {
    const root = this.options.staticDir;
    const notFoundAnswer: IAnswer = { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Not found' };
    const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^([/\\])+/, '');
    if (!root || relative.startsWith('..')) return notFoundAnswer;
    let file: IStaticFile;
    try {
      file = await this.staticFiles.read(join(root, relative));
    } catch {
      return notFoundAnswer;
    }
    const page = extname(relative) === '.html';
    const answerHeaders: Record<string, string> = {
      'Content-Type': MIME[extname(relative)] ?? 'application/octet-stream',
      'Cache-Control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
      ETag: file.etag,
      Vary: 'Accept-Encoding'
    };
    if (requestHeaders['if-none-match'] === file.etag) return { status: 304, headers: answerHeaders, body: '' };
    if (/\bgzip\b/.test(requestHeaders['accept-encoding'] ?? '')) return { status: 200, headers: { ...answerHeaders, 'Content-Encoding': 'gzip' }, body: file.gzipped };
    return { status: 200, headers: answerHeaders, body: file.content };
  }

}
