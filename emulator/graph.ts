/**
 * Microsoft Graph's `POST /v1.0/me/sendMail`, as far as the product uses it: the body is
 * checked as Graph checks it (Graph's error shape for a bad one, 401 when nobody is
 * signed in) and a message sent lands in an outbox kept in the store's database. The
 * outbox is read at `GET /_emulator/outbox` (JSON) and `/_emulator/outbox.html` (a page
 * for `npm start` users); `DELETE /_emulator/outbox` empties it.
 */
import { randomUUID } from 'node:crypto';
import { IRestResponse } from './rest';
import { ISiteUser, SharePointStore } from './store';

/** A message as Graph's sendMail takes it (the parts the emulator checks and keeps). */
export interface IGraphMessage {
  subject?: string;
  body?: { contentType?: string; content?: string };
  toRecipients?: Array<{ emailAddress?: { address?: string; name?: string } }>;
  ccRecipients?: Array<{ emailAddress?: { address?: string; name?: string } }>;
  bccRecipients?: Array<{ emailAddress?: { address?: string; name?: string } }>;
}

/** One message in the outbox: who sent it, when, and the message as posted. */
export interface IOutboxMessage {
  id: number;
  sentAt: string;
  from: { address: string; name: string };
  message: IGraphMessage;
  saveToSentItems: boolean;
}

interface IOutboxRow {
  id: number;
  sent_at: string;
  from_address: string;
  from_name: string;
  message: string;
  save_to_sent: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Graph's error body: `{ error: { code, message, innerError } }`. */
function graphError(status: number, code: string, message: string, now: Date): IRestResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'request-id': requestId },
    body: JSON.stringify({ error: { code, message, innerError: { date: now.toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId } } })
  };
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What Graph answers a body it refuses; undefined when the body is a message it sends. */
function refusal(body: unknown): { code: string; message: string } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { code: 'BadRequest', message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.' };
  }
  const { message, saveToSentItems } = body as { message?: unknown; saveToSentItems?: unknown };
  if (saveToSentItems !== undefined && typeof saveToSentItems !== 'boolean') {
    return { code: 'BadRequest', message: "Cannot convert the literal to the expected type 'Edm.Boolean'." };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { code: 'ErrorInvalidParameter', message: "The value of the parameter 'Message' is empty." };
  }
  const mail = message as IGraphMessage;
  const contentType = mail.body?.contentType;
  if (contentType !== undefined && !/^(text|html)$/i.test(contentType)) {
    return { code: 'RequestBodyRead', message: `Cannot convert the literal '${String(contentType)}' to the expected type 'microsoft.graph.bodyType'.` };
  }
  const recipients = [...(mail.toRecipients ?? []), ...(mail.ccRecipients ?? []), ...(mail.bccRecipients ?? [])];
  if (recipients.length === 0) {
    return { code: 'ErrorInvalidRecipients', message: "At least one recipient isn't valid., A message can't be sent because it contains no recipients." };
  }
  const unresolved = recipients.find((recipient) => !ADDRESS.test(recipient?.emailAddress?.address ?? ''));
  if (unresolved) {
    return {
      code: 'ErrorInvalidRecipients',
      message: `At least one recipient isn't valid., Recipient '${unresolved?.emailAddress?.address ?? ''}' isn't resolved. All recipients must be resolved before a message can be submitted.`
    };
  }
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The outbox as a page: each message's subject, sender, recipients and body (HTML in a sandbox that runs no script). */
function outboxPage(messages: readonly IOutboxMessage[]): string {
  const entries = messages.map((entry) => {
    const to = (entry.message.toRecipients ?? []).map((recipient) => recipient.emailAddress?.address ?? '').join(', ');
    const content = entry.message.body?.content ?? '';
    const body = /^html$/i.test(entry.message.body?.contentType ?? '')
      ? `<iframe title="Body of ${escapeHtml(entry.message.subject ?? '')}" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(`<base target="_blank">${content}`)}"></iframe>`
      : `<pre>${escapeHtml(content)}</pre>`;
    return `<article><h2>${escapeHtml(entry.message.subject ?? '(no subject)')}</h2><dl><dt>To</dt><dd>${escapeHtml(to)}</dd><dt>From</dt><dd>${escapeHtml(`${entry.from.name} <${entry.from.address}>`)}</dd><dt>Sent</dt><dd>${escapeHtml(entry.sentAt)}</dd></dl>${body}</article>`;
  });
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Outbox: the emulator's sent mail</title><style>
body{font-family:'Segoe UI',sans-serif;margin:16px;max-width:960px;color:#201f1e}article{border-top:1px solid #8a8886;padding:8px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}dt{font-weight:600}iframe{width:100%;height:320px;border:1px solid #c8c6c4}
</style></head><body><main><h1>Outbox</h1><p>Mail sent through Microsoft Graph's sendMail on this emulator, latest first. Nothing leaves this machine.</p>${
    entries.length > 0 ? entries.join('') : '<p>No mail sent yet.</p>'
  }</main></body></html>`;
}

/** Graph's sendMail for the emulator, and the outbox it fills. */
export class GraphOutbox {
  public constructor(private readonly store: SharePointStore) {
    store.database.exec(`
      CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at TEXT NOT NULL, from_address TEXT NOT NULL, from_name TEXT NOT NULL,
        message TEXT NOT NULL, save_to_sent INTEGER NOT NULL);
    `);
  }

  /** Every message sent, in the order sent. */
  public messages(): IOutboxMessage[] {
    return (this.store.database.prepare('SELECT * FROM outbox ORDER BY id').all() as unknown as IOutboxRow[]).map((row) => ({
      id: row.id,
      sentAt: row.sent_at,
      from: { address: row.from_address, name: row.from_name },
      message: JSON.parse(row.message) as IGraphMessage,
      saveToSentItems: row.save_to_sent === 1
    }));
  }

  /**
   * Answers a request if it is Graph's sendMail or the outbox's; undefined for any other.
   *
   * @param user - the signed-in user (a tenant knows from the access token)
   */
  public serve(method: string, url: URL, body: string, user: ISiteUser | undefined): IRestResponse | undefined {
    const path = url.pathname.toLowerCase();
    if (path === '/v1.0/me/sendmail') return method === 'POST' ? this.sendMail(body, user) : graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', this.store.now());
    if (path === '/_emulator/outbox') {
      if (method === 'DELETE') this.store.database.exec('DELETE FROM outbox');
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(this.messages()) };
    }
    if (path === '/_emulator/outbox.html' && method === 'GET') {
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: outboxPage(this.messages().reverse()) };
    }
    return undefined;
  }

  private sendMail(body: string, user: ISiteUser | undefined): IRestResponse {
    const now = this.store.now();
    if (!user) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.', now);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const refused = refusal(parsed);
    if (refused) return graphError(400, refused.code, refused.message, now);
    const { message, saveToSentItems } = parsed as { message: IGraphMessage; saveToSentItems?: boolean };
    this.store.database
      .prepare('INSERT INTO outbox (sent_at, from_address, from_name, message, save_to_sent) VALUES (?, ?, ?, ?, ?)')
      .run(now.toISOString(), user.email, user.title, JSON.stringify(message), saveToSentItems === false ? 0 : 1);
    // Graph accepts the message for delivery: 202 with no body.
    return { status: 202, headers: {}, body: '' };
  }
}
