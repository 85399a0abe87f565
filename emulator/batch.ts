/**
 * SharePoint's OData $batch: a multipart/mixed body of HTTP requests, with writes
 * grouped in changesets. SharePoint runs the parts in order and independently: a
 * failed part rolls nothing back and does not stop the parts after it.
 *
 * Written here rather than taken from a multipart library because PnPjs (like
 * SharePoint's own clients) separates lines with a bare LF, which RFC 2046 parsers
 * reject, and because each part is itself an HTTP message.
 */

/** One request inside a batch. */
export interface IBatchPart {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** A batch SharePoint could not read; answered 400. */
export class BatchFormatError extends Error {}

/** The boundary named by a multipart Content-Type header, if any. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /multipart\/mixed\s*;\s*boundary\s*=\s*"?([^";]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The bodies between `--boundary` lines, up to `--boundary--`. */
function multipartBodies(text: string, boundary: string): string[] {
  const lines = splitLines(text);
  const bodies: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) bodies.push(current.join('\n'));
      closed = true;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) bodies.push(current.join('\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (!closed) {
    throw new BatchFormatError(`The batch is not closed: the line "--${boundary}--" is missing.`);
  }
  return bodies;
}

/** Splits "headers, blank line, rest" and reads the headers. */
function headersAndRest(text: string): { headers: Record<string, string>; rest: string } {
  const lines = splitLines(text);
  const headers: Record<string, string> = {};
  let index = 0;
  for (; index < lines.length && lines[index].trim() !== ''; index++) {
    const colon = lines[index].indexOf(':');
    if (colon < 1) {
      throw new BatchFormatError(`The batch part header "${lines[index]}" is not valid.`);
    }
    headers[lines[index].slice(0, colon).trim().toLowerCase()] = lines[index].slice(colon + 1).trim();
  }
  return { headers, rest: lines.slice(index + 1).join('\n') };
}

function readRequest(partText: string): IBatchPart {
  const { headers: partHeaders, rest } = headersAndRest(partText);
  if (!/^application\/http/i.test(partHeaders['content-type'] ?? '')) {
    throw new BatchFormatError('Each batch part must have Content-Type: application/http.');
  }
  const lines = splitLines(rest.replace(/^\s*\n/, ''));
  const requestLine = /^(GET|POST|PUT|PATCH|MERGE|DELETE)\s+(\S+)\s+HTTP\/1\.[01]$/i.exec((lines.shift() ?? '').trim());
  if (!requestLine) {
    throw new BatchFormatError('A batch part does not start with a request line such as "GET https://.../_api/web HTTP/1.1".');
  }
  const { headers, rest: body } = headersAndRest(lines.join('\n'));
  return { method: requestLine[1].toUpperCase(), url: requestLine[2], headers, body: body.trim() };
}

/**
 * SharePoint Online's limits on one $batch: at most 100 requests (pnp/pnpcore#284; "a known
 * limitation that you should only have 100 items in a batched request", pnp/pnpjs#3207) and
 * 1,048,576 bytes of body ("The maximum number of bytes allowed to be read from the stream
 * has been exceeded ... a maximum of 1048576 bytes is allowed", pnp/pnpcore#777,
 * pnp/powershell#3436). A batch past either is refused as a whole: the answer is not a
 * batch response (PnPjs reads it as "Invalid response, line 0", pnp/pnpjs#1356), so no part
 * runs. Neither the status nor the error code is recorded; the emulator answers 400.
 */
export const BATCH_MAX_REQUESTS = 100;
export const BATCH_MAX_BYTES = 1048576;

/**
 * Reads a $batch body into its requests, in order (changesets flattened).
 *
 * @throws BatchFormatError when the body is not a batch SharePoint would accept, or is past its limits
 */
export function parseBatch(body: string, boundary: string): IBatchPart[] {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > BATCH_MAX_BYTES) {
    throw new BatchFormatError(
      `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${bytes} bytes has been read from the stream; however a maximum of ${BATCH_MAX_BYTES} bytes is allowed.`
    );
  }
  const parts: IBatchPart[] = [];
  for (const part of multipartBodies(body, boundary)) {
    const { headers, rest } = headersAndRest(part.replace(/^\s*\n/, ''));
    const changeset = boundaryOf(headers['content-type']);
    if (changeset) {
      for (const inner of multipartBodies(rest, changeset)) {
        const request = readRequest(inner.replace(/^\s*\n/, ''));
        if (request.method === 'GET') {
          throw new BatchFormatError('A changeset may not contain a GET request.');
        }
        parts.push(request);
      }
    } else {
      const request = readRequest(part);
      if (request.method !== 'GET') {
        throw new BatchFormatError('A write in a batch must be inside a changeset.');
      }
      parts.push(request);
    }
  }
  if (parts.length > BATCH_MAX_REQUESTS) {
    throw new BatchFormatError(`The batch holds ${parts.length} requests; a batch may hold at most ${BATCH_MAX_REQUESTS}.`);
  }
  return parts;
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable'
};

/** Writes the responses as SharePoint does: one flat `--batchresponse_` part each. */
export function formatBatchResponse(boundary: string, responses: Array<{ status: number; headers: Record<string, string>; body: string }>): string {
  const out: string[] = [];
  for (const response of responses) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Unknown'}`);
    for (const [name, value] of Object.entries(response.headers)) out.push(`${name.toUpperCase()}: ${value}`);
    out.push('', response.body);
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}
