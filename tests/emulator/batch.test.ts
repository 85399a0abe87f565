import { BATCH_MAX_BYTES, BATCH_MAX_REQUESTS, BatchFormatError, parseBatch } from '../../emulator/batch';

const BOUNDARY = 'batch_1';

/** A batch as PnPjs writes it (bare LF): `gets` GET parts, then one changeset of `posts` POST parts with `bodyBytes` each. */
function batchBody(gets: number, posts = 0, bodyBytes = 10): string {
  const lines: string[] = [];
  for (let index = 0; index < gets; index++) {
    lines.push(`--${BOUNDARY}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET https://contoso.sharepoint.com/sites/send/_api/web/lists/getByTitle('SEND%20Actions')/items(${index + 1}) HTTP/1.1`, 'accept: application/json', '', '');
  }
  if (posts > 0) {
    lines.push(`--${BOUNDARY}`, 'Content-Type: multipart/mixed; boundary="changeset_1"', '');
    for (let index = 0; index < posts; index++) {
      const json = JSON.stringify({ Title: 'x'.repeat(Math.max(0, bodyBytes - 13)) });
      lines.push('--changeset_1', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', "POST https://contoso.sharepoint.com/sites/send/_api/web/lists/getByTitle('SEND%20Actions')/items HTTP/1.1", 'content-type: application/json', '', json, '');
    }
    lines.push('--changeset_1--', '');
  }
  lines.push(`--${BOUNDARY}--`, '');
  return lines.join('\n');
}

function refusal(body: string): string | undefined {
  try {
    parseBatch(body, BOUNDARY);
    return undefined;
  } catch (error) {
    if (error instanceof BatchFormatError) return error.message;
    throw error;
  }
}

describe("$batch limits (SharePoint Online's, refused as a whole before any part runs)", () => {
  it('takes 100 requests, reads and writes together, and refuses 101', () => {
    expect(parseBatch(batchBody(60, 40), BOUNDARY)).toHaveLength(BATCH_MAX_REQUESTS);
    expect(refusal(batchBody(60, 41))).toBe('The batch holds 101 requests; a batch may hold at most 100.');
    expect(refusal(batchBody(101))).toContain('at most 100');
  });

  it('refuses a body over 1,048,576 bytes, with the message SharePoint gives, and takes one just under', () => {
    const under = batchBody(0, 20, 50_000);
    expect(Buffer.byteLength(under)).toBeLessThanOrEqual(BATCH_MAX_BYTES);
    expect(parseBatch(under, BOUNDARY)).toHaveLength(20);
    const over = batchBody(0, 21, 50_000);
    expect(Buffer.byteLength(over)).toBeGreaterThan(BATCH_MAX_BYTES);
    expect(refusal(over)).toBe(
      `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${Buffer.byteLength(over)} bytes has been read from the stream; however a maximum of 1048576 bytes is allowed.`
    );
  });

  it('counts bytes, not characters', () => {
    // 20 parts of 26,000 two-byte characters: about 1.04 million bytes in half as many characters.
    const body = batchBody(0, 20, 10).replace(/"Title":"[^"]*"/g, `"Title":"${'é'.repeat(26_300)}"`);
    expect(body.length).toBeLessThan(BATCH_MAX_BYTES);
    expect(refusal(body)).toContain('maximum of 1048576 bytes');
  });
});
