import { GraphMailSender, toMailError } from '../../../src/services/GraphMailSender';
import { IMailMessage, MAIL_LINK_LIMIT, MailNotPermittedError, MailSendError, mailLink } from '../../../src/services/IMailSender';

function aMessage(items: number): IMailMessage {
  return {
    to: { address: 'fran.davis@send.example', name: 'Fran Davis' },
    subject: 'Update needed before the board on 31 March 2024: Plan & co',
    html: '<p>Hi</p>',
    text: {
      opening: ['Dear Fran Davis,', '', 'Please update these actions:'],
      items: Array.from({ length: items }, (_, index) => `5.1.${index + 1} Update the EHCP quality standards and the training programme (overdue): https://contoso.sharepoint.com/sites/send/SitePages/Plan.aspx?action=${index + 1}`),
      closing: ['Thank you.']
    }
  };
}

const andMore = (count: number): string => `and ${count} more: open the plan`;

describe('mailLink', () => {
  it('encodes the subject and body, keeps the address readable and breaks lines as CRLF', () => {
    const link = mailLink(aMessage(1), andMore);
    expect(link.startsWith('mailto:fran.davis@send.example?subject=Update%20needed%20before%20the%20board%20on%2031%20March%202024%3A%20Plan%20%26%20co&body=')).toBe(true);
    const body = decodeURIComponent(link.split('&body=')[1]);
    expect(body).toBe(['Dear Fran Davis,', '', 'Please update these actions:', '', aMessage(1).text.items[0], '', 'Thank you.'].join('\r\n'));
  });

  it('cuts a long list to fit 2,000 characters, saying how many were left out, never mid-line', () => {
    const message = aMessage(30);
    const link = mailLink(message, andMore);
    expect(link.length).toBeLessThanOrEqual(MAIL_LINK_LIMIT);
    const lines = decodeURIComponent(link.split('&body=')[1]).split('\r\n');
    const shown = lines.filter((line) => line.startsWith('5.1.'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(message.text.items.slice(0, shown.length));
    expect(lines).toContain(`and ${30 - shown.length} more: open the plan`);
    expect(lines[lines.length - 1]).toBe('Thank you.');
  });
});

describe('GraphMailSender errors', () => {
  it('maps 403, Authorization_RequestDenied and a consent the tenant has not given to MailNotPermittedError; others to MailSendError', () => {
    expect(toMailError({ statusCode: 403, code: 'ErrorAccessDenied', message: 'Access is denied.' })).toBeInstanceOf(MailNotPermittedError);
    expect(toMailError({ statusCode: 400, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' })).toBeInstanceOf(MailNotPermittedError);
    expect(toMailError(new Error('AADSTS65001: The user or administrator has not consented to use the application'))).toBeInstanceOf(MailNotPermittedError);
    const throttled = toMailError({ statusCode: 429, code: 'TooManyRequests', message: 'Too many requests' });
    expect(throttled).toBeInstanceOf(MailSendError);
    expect(throttled).toMatchObject({ status: 429, detail: 'TooManyRequests: Too many requests' });
  });

  it('asks for the client only when sending, and posts to /me/sendMail', async () => {
    const posted: Array<[string, unknown]> = [];
    const client = jest.fn(async () => ({ api: (path: string) => ({ post: async (body: unknown) => posted.push([path, body]) }) }));
    const sender = new GraphMailSender(client);
    expect(client).not.toHaveBeenCalled();
    await sender.send(aMessage(1));
    expect(posted).toEqual([['/me/sendMail', { message: { subject: aMessage(1).subject, body: { contentType: 'HTML', content: '<p>Hi</p>' }, toRecipients: [{ emailAddress: { address: 'fran.davis@send.example' } }] }, saveToSentItems: true }]]);
  });

  it('reports a client that cannot be had (no consent) as not permitted', async () => {
    const sender = new GraphMailSender(() => Promise.reject(new Error('consent_required: AADSTS65001')));
    await expect(sender.send(aMessage(1))).rejects.toBeInstanceOf(MailNotPermittedError);
  });
});
