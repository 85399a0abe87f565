/**
 * Requests for updates against the emulator over HTTP: the request record round-trips
 * through the SEND Update Requests list in one $batch (two past 100), and the exact body
 * GraphMailSender posts to Graph's sendMail is what lands in the emulator's outbox.
 */
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { ITestSite, startTestSite } from '../support/emulator';
import { EHCP_LEAD, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';
import { GraphOutbox, IOutboxMessage } from '../../emulator/graph';
import { USER_HEADER } from '../../emulator/signIn';
import { localGraphClient } from '../../emulator/host/graphClient';
import { SharePointUpdateRequestService } from '../../src/services/SharePointUpdateRequestService';
import { GraphMailSender, sendMailBody } from '../../src/services/GraphMailSender';
import { MailNotPermittedError, MailSendError } from '../../src/services/IMailSender';
import { IUpdateRequest, answerRate, requestsForBoard } from '../../src/model/updateRequests';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SAMPLE_PLAN } from '../../emulator/sample/samplePlan';
import { requestMessage } from '../../src/components/requestMessage';
import { anAction } from '../support/builders';

const FRAN = OFFICERS[3];

function aRequest(planId: number, overrides: Partial<Omit<IUpdateRequest, 'id'>> = {}): Omit<IUpdateRequest, 'id'> {
  return {
    planId,
    boardDate: '2024-03-31',
    recipient: { id: 7, email: FRAN.email, name: FRAN.title },
    actionIds: [12, 15, 31],
    sentAt: '2024-02-26T09:30:12.345Z',
    sentBy: SITE_OWNER.title,
    channel: 'graph',
    ...overrides
  };
}

describe('the request record', () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site.stop());

  it("holds the sample plan's requests for the next board, answered in part", async () => {
    const sp = site.as(SITE_OWNER.email);
    const snapshot = await new SharePointPlanDataService(sp).loadPlan(site.planId);
    const requests = requestsForBoard(await new SharePointUpdateRequestService(sp).loadRequests(site.planId), '2024-03-31');
    expect(requests.map((request) => [request.recipient.name, request.channel, answerRate(request, snapshot.actions, SAMPLE_PLAN.asAt)])).toEqual([
      [EHCP_LEAD.title, 'mailLink', { daysAgo: 2, asked: 4, updated: 1 }],
      [FRAN.title, 'graph', { daysAgo: 9, asked: 3, updated: 3 }]
    ]);
  });

  it('reads back as recorded, every field, for its plan only, written in one $batch', async () => {
    const service = new SharePointUpdateRequestService(site.as(SITE_OWNER.email));
    const before = await service.loadRequests(site.planId);
    site.emulator.requests.length = 0;
    const recorded = await service.recordRequests([aRequest(site.planId), aRequest(site.planId, { recipient: { email: EHCP_LEAD.email, name: EHCP_LEAD.title }, actionIds: [40], channel: 'mailLink' }), aRequest(site.planId + 1000)]);
    const batches = site.emulator.requests.filter((request) => !request.inBatch && request.path.endsWith('/_api/$batch'));
    expect(batches).toHaveLength(1);
    expect(recorded.every((request) => request.id > 0)).toBe(true);

    const after = await service.loadRequests(site.planId);
    const added = after.filter((request) => !before.some((earlier) => earlier.id === request.id));
    expect(added).toEqual(recorded.slice(0, 2));
    expect(added[1].recipient).toEqual({ email: EHCP_LEAD.email, name: EHCP_LEAD.title });
    expect(await service.loadRequests(site.planId + 1000)).toEqual([recorded[2]]);
  });

  it('splits more than 100 requests into $batch requests of at most 100 parts', async () => {
    const service = new SharePointUpdateRequestService(site.as(SITE_OWNER.email));
    site.emulator.requests.length = 0;
    const recorded = await service.recordRequests(Array.from({ length: 150 }, (_, index) => aRequest(site.planId + 2000, { actionIds: [index + 1] })));
    const batches = site.emulator.requests.filter((request) => !request.inBatch && request.path.endsWith('/_api/$batch'));
    expect(batches).toHaveLength(2);
    expect(site.emulator.requests.filter((request) => request.inBatch && request.method === 'POST')).toHaveLength(150);
    expect((await service.loadRequests(site.planId + 2000)).map((request) => request.actionIds[0])).toEqual(recorded.map((request) => request.actionIds[0]));
  });

  it('is refused to a reader, as the list is', async () => {
    const reader = new SharePointUpdateRequestService(site.as('alex.director@send.example'));
    await expect(reader.recordRequests([aRequest(site.planId)])).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe("Graph's sendMail", () => {
  let site: ITestSite;
  let outbox: GraphOutbox;
  let graph: Server;
  let origin: string;

  beforeAll(async () => {
    site = await startTestSite({ seed: false });
    outbox = new GraphOutbox(site.store);
    // Graph's routes, as the emulator's server answers them, signed in by the emulator's user header.
    graph = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const name = request.headers[USER_HEADER];
        const user = typeof name === 'string' ? site.store.findUser(name) : undefined;
        const answer = outbox.serve(request.method ?? 'GET', new URL(request.url ?? '/', 'http://graph'), Buffer.concat(chunks).toString('utf8'), user) ?? { status: 404, headers: {}, body: '' };
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => graph.close(() => resolve()));
    await site.stop();
  });

  const message = requestMessage(
    {
      person: { id: 7, displayName: FRAN.title, email: FRAN.email },
      owed: [{ action: anAction({ id: 12, ref: '5.1.2', text: 'Update EHCP quality standards & training' }), reasons: ['overdue'] }]
    },
    { planTitle: 'Shropshire APP', boardDate: '2024-03-31', cycleStart: '2023-12-31', pageUrl: 'https://contoso.sharepoint.com/sites/send/SitePages/Plan.aspx' },
    'en-GB'
  );

  async function sent(): Promise<IOutboxMessage[]> {
    return (await (await fetch(`${origin}/_emulator/outbox`)).json()) as IOutboxMessage[];
  }

  it('takes the exact body the sender posts, from the signed-in mailbox, kept in Sent Items', async () => {
    const sender = new GraphMailSender(async () => localGraphClient(origin, { [USER_HEADER]: SITE_OWNER.email }));
    await sender.send(message);
    const messages = await sent();
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toEqual(sendMailBody(message).message);
    expect(messages[0].message).toEqual({
      subject: 'Update needed before the board on 31 March 2024: Shropshire APP',
      body: { contentType: 'HTML', content: message.html },
      toRecipients: [{ emailAddress: { address: FRAN.email } }]
    });
    expect(messages[0].message.body?.content).toContain('<a href="https://contoso.sharepoint.com/sites/send/SitePages/Plan.aspx?action=12">5.1.2</a> Update EHCP quality standards &amp; training');
    expect(messages[0]).toMatchObject({ from: { address: SITE_OWNER.email, name: SITE_OWNER.title }, saveToSentItems: true });
    const page = await (await fetch(`${origin}/_emulator/outbox.html`)).text();
    expect(page).toContain('<h2>Update needed before the board on 31 March 2024: Shropshire APP</h2>');
  });

  it("refuses a message without recipients with Graph's 400, and an unsigned caller with 401", async () => {
    const signedIn = localGraphClient(origin, { [USER_HEADER]: SITE_OWNER.email });
    await expect(signedIn.api('/me/sendMail').post({ message: { subject: 'x', body: { contentType: 'HTML', content: '' } } })).rejects.toEqual({
      statusCode: 400,
      code: 'ErrorInvalidRecipients',
      message: "At least one recipient isn't valid., A message can't be sent because it contains no recipients."
    });
    await expect(signedIn.api('/me/sendMail').post({ subject: 'no message' })).rejects.toMatchObject({ statusCode: 400, code: 'ErrorInvalidParameter' });
    const badAddress = new GraphMailSender(async () => signedIn);
    await expect(badAddress.send({ ...message, to: { address: 'fran', name: 'Fran' } })).rejects.toEqual(expect.any(MailSendError));
    await expect(new GraphMailSender(async () => localGraphClient(origin)).send(message)).rejects.toEqual(expect.any(MailNotPermittedError));
    expect(await sent()).toHaveLength(1);
  });
});
