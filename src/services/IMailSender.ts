/**
 * Sending mail as the signed-in person: the message, the sender's interface, its typed
 * errors, and the prepared mail link used where sending is not permitted.
 */

/** A message to one person. */
export interface IMailMessage {
  to: { address: string; name: string };
  subject: string;
  /** The body as HTML, as sent through Microsoft Graph. */
  html: string;
  /**
   * The same body as plain text, for a mail link: the lines before the list, one line
   * per item, and the lines after (a long list is cut at the end to fit the link).
   */
  text: { opening: string[]; items: string[]; closing: string[] };
}

/** Sends mail from the signed-in person's mailbox. */
export interface IMailSender {
  /**
   * @throws MailNotPermittedError when the tenant has not approved sending (no consent, 403)
   * @throws MailSendError for any other refusal or failure
   */
  send(message: IMailMessage): Promise<void>;
}

/** Sending mail is not permitted: the tenant admin has not approved Mail.Send, or the mailbox refuses it. */
export class MailNotPermittedError extends Error {
  public constructor(
    /** What Graph (or the token request) said, for the support log. */
    public readonly detail: string
  ) {
    super(`mail not permitted: ${detail}`);
    this.name = 'MailNotPermittedError';
  }
}

/** Sending failed for another reason (throttled, offline, a bad address). */
export class MailSendError extends Error {
  public constructor(
    public readonly detail: string,
    /** The HTTP status, when there was a response. */
    public readonly status?: number
  ) {
    super(`mail not sent: ${detail}`);
    this.name = 'MailSendError';
  }
}

/** The most characters a mail link may hold and still open in every common mail app and browser. */
export const MAIL_LINK_LIMIT = 2000;

const LINE_BREAK = '\r\n';

function mailtoFor(address: string, subject: string, body: string): string {
  // The address keeps its @ readable; RFC 6068 asks for line breaks as %0D%0A, which encodeURIComponent gives.
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The message as a `mailto:` link the sender opens in their own mail app. Past `limit`
 * characters, the list is cut from its end and `andMore(n)` ("and 3 more: open the plan")
 * says how many were left out, so the link never breaks mid-way.
 */
export function mailLink(message: IMailMessage, andMore: (count: number) => string, limit: number = MAIL_LINK_LIMIT): string {
  const { opening, items, closing } = message.text;
  const linkWith = (shown: number): string => {
    const list = shown < items.length ? [...items.slice(0, shown), andMore(items.length - shown)] : items;
    return mailtoFor(message.to.address, message.subject, [...opening, '', ...list, '', ...closing].join(LINE_BREAK));
  };
  for (let shown = items.length; shown > 0; shown--) {
    const link = linkWith(shown);
    if (link.length <= limit) return link;
  }
  return linkWith(0);
}
