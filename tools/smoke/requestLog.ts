/**
 * Records the requests a PnPjs instance sends and SharePoint's answers, so the smoke test
 * can show, for each step, the request shapes the product sent and what came back: the same
 * on a tenant as on the emulator, since it sits in PnPjs's own pipeline (after sign-in, around
 * the fetch that retries on 429/503), and it reads the requests inside each $batch.
 */
import { IQueryableInternal, Queryable } from '@pnp/queryable';

/** One request inside a $batch, and its answer. */
export interface IBatchPart {
  method: string;
  path: string;
  ifMatch: boolean;
  status?: number;
}

/** One request as sent and its answer. */
export interface ILoggedCall {
  method: string;
  /** The path after `_api/`, with the query string. */
  path: string;
  /** Whether the request carried an If-Match header (an ETag). */
  ifMatch: boolean;
  /** The HTTP status; undefined when no answer came. */
  status?: number;
  /** The requests inside a $batch, in order, with their answers. */
  parts?: IBatchPart[];
}

type Headers = Record<string, string>;

function headerValue(headers: HeadersInit | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const entries: [string, string][] = Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers as Headers);
  return entries.find(([key]) => key.toLowerCase() === name)?.[1];
}

function apiPath(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Shown as sent.
  }
  return decoded.replace(/^.*?\/_api\//i, '');
}

/** The requests a $batch body holds (PnPjs writes each part's method, URL and headers as HTTP/1.1 text). */
function batchParts(body: string): IBatchPart[] {
  const parts: IBatchPart[] = [];
  for (const chunk of body.split(/^--(?:batch|changeset)_[^\n]*\n/m)) {
    const request = /^(GET|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1$/m.exec(chunk);
    if (!request) continue;
    const method = /^x-http-method: *(\w+)/im.exec(chunk)?.[1] ?? request[1];
    parts.push({ method: method.toUpperCase(), path: apiPath(request[2]), ifMatch: /^if-match:/im.test(chunk) });
  }
  return parts;
}

/** The statuses of a $batch answer's parts, in order. */
function partStatuses(text: string): number[] {
  const statuses: number[] = [];
  const line = /^HTTP\/1\.1 (\d{3})/gm;
  for (let found = line.exec(text); found; found = line.exec(text)) statuses.push(Number(found[1]));
  return statuses;
}

/**
 * A PnPjs behaviour adding every request this instance sends to `calls`. Apply it last:
 * it wraps the fetch the instance already has.
 */
export function RequestLog(calls: ILoggedCall[]): (instance: Queryable) => Queryable {
  return (instance) => {
    const [send] = instance.on.send.toArray();
    if (!send) throw new Error('RequestLog needs a fetch behaviour applied first.');
    instance.on.send.replace(async function (this: IQueryableInternal, url: URL, init: RequestInit): Promise<Response> {
      const path = apiPath(url.toString());
      const call: ILoggedCall = { method: (headerValue(init.headers, 'x-http-method') ?? init.method ?? 'GET').toUpperCase(), path, ifMatch: headerValue(init.headers, 'if-match') !== undefined };
      if (/^\$batch/i.test(path) && typeof init.body === 'string') call.parts = batchParts(init.body);
      calls.push(call);
      const response = (await Reflect.apply(send, this, [url, init])) as Response;
      call.status = response.status;
      if (call.parts && response.ok) {
        partStatuses(await response.clone().text()).forEach((status, index) => {
          if (call.parts?.[index]) call.parts[index].status = status;
        });
      }
      return response;
    });
    return instance;
  };
}

/** A request's shape: the method and path with ids and quoted names left out, and whether it carried an ETag. */
function shapeOf(method: string, path: string, ifMatch: boolean): string {
  const [resource, query = ''] = path.split('?');
  const general = resource.replace(/\(\d+\)/g, '(n)').replace(/\('(?:[^']|'')*'\)/g, "('…')");
  // The query options that decide how SharePoint reads a list ($select and $expand only say what comes back).
  const options = query
    .split('&')
    .filter((option) => /^\$(?:filter|orderby|top|skiptoken)=/i.test(option))
    .map((option) => option.replace(/\d+/g, 'n').replace(/'(?:[^']|'')*'/g, "'…'"))
    .join('&');
  return `${method} ${general}${options ? `?${options}` : ''}${ifMatch && method !== 'GET' ? ' +If-Match' : ''}`;
}

/** The shapes of a step's requests, each with how many were sent and the statuses answered. */
export interface IShapeSummary {
  shape: string;
  count: number;
  answers: string;
}

function statusList(statuses: Array<number | undefined>): string {
  return Array.from(new Set(statuses.map((status) => (status === undefined ? 'none' : String(status))))).join('/');
}

/** Groups calls by shape; a $batch is described by the shapes of the requests inside it. */
export function summariseCalls(calls: readonly ILoggedCall[]): IShapeSummary[] {
  const groups = new Map<string, { count: number; statuses: Array<number | undefined>; partStatuses: Array<number | undefined> }>();
  for (const call of calls) {
    let shape = shapeOf(call.method, call.path, call.ifMatch);
    if (call.parts) {
      const inner = new Map<string, number>();
      for (const part of call.parts) {
        const partShape = shapeOf(part.method, part.path, part.ifMatch);
        inner.set(partShape, (inner.get(partShape) ?? 0) + 1);
      }
      shape = `POST $batch of ${call.parts.length} [${Array.from(inner.entries())
        .map(([partShape, count]) => (count > 1 ? `${partShape} ×${count}` : partShape))
        .join('; ')}]`;
    }
    const group = groups.get(shape) ?? { count: 0, statuses: [], partStatuses: [] };
    group.count += 1;
    group.statuses.push(call.status);
    group.partStatuses.push(...(call.parts ?? []).map((part) => part.status));
    groups.set(shape, group);
  }
  return Array.from(groups.entries()).map(([shape, group]) => ({
    shape,
    count: group.count,
    answers: `${statusList(group.statuses)}${group.partStatuses.length > 0 ? ` [${statusList(group.partStatuses)}]` : ''}`
  }));
}
