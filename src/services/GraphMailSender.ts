import { IMailMessage, IMailSender, MailNotPermittedError, MailSendError } from './IMailSender';

/**
 * What the sender needs of a Graph client: SPFx's `MSGraphClientV3` has it, and so does
 * the local page's client for the emulator.
 */
export interface IGraphClient {
  api(path: string): { post(body: unknown): Promise<unknown> };
}

/** The body of Graph's `POST /me/sendMail` for a message. */
export interface ISendMailBody {
  message: { subject: string; body: { contentType: 'HTML'; content: string }; toRecipients: Array<{ emailAddress: { address: string } }> };
  saveToSentItems: boolean;
}

/** The request body Graph's sendMail takes for the message (kept in the sender's Sent Items). */
export function sendMailBody(message: IMailMessage): ISendMailBody {
  return {
    message: { subject: message.subject, body: { contentType: 'HTML', content: message.html }, toRecipients: [{ emailAddress: { address: message.to.address } }] },
    saveToSentItems: true
  };
}

/** What a Graph client's error carries (GraphError: statusCode, code, message). */
interface IGraphFailure {
  statusCode?: number;
  /** Null from some responses: dropped with other blanks. */
  code?: string;
  message?: string;
}

/** Graph's codes for a caller without the permission, and AAD's for a scope nobody has consented to. */
const NOT_PERMITTED = /Authorization_RequestDenied|ErrorAccessDenied|AccessDenied|AADSTS65001|consent_required|not consented/i;

/** A Graph client's failure as a typed error: not permitted (403, no consent), or another. */
export function toMailError(error: unknown): MailNotPermittedError | MailSendError {
  const failure = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as IGraphFailure;
  const detail = [failure.code, failure.message].filter(Boolean).join(': ') || 'Unknown error';
  if (failure.statusCode === 403 || failure.statusCode === 401 || NOT_PERMITTED.test(detail)) return new MailNotPermittedError(detail);
  return new MailSendError(detail, failure.statusCode);
}

/**
 * Sends mail through Microsoft Graph's `/me/sendMail` as the signed-in person (the
 * package requests Mail.Send for a tenant admin to approve). SharePoint's SendEmail
 * REST API is retired and never used.
 */
export class GraphMailSender implements IMailSender {
  /** @param client - the Graph client, asked for only when a message is sent */
  public constructor(private readonly client: () => Promise<IGraphClient>) {}

  public async send(message: IMailMessage): Promise<void> {
    try {
      const client = await this.client();
      await client.api('/me/sendMail').post(sendMailBody(message));
    } catch (error) {
      throw toMailError(error);
    }
  }
}
