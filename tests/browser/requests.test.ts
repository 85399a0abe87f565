/**
 * Requests for updates in Debian's Chromium against the local page: the site owner (a
 * plan officer) opens who owes what for the next board, sends the requests, and the
 * emulator's outbox (Graph's sendMail) holds one message per person, each of whose links
 * opens its action's panel in the page; the view has no WCAG 2.2 AA violations.
 * Needs the page built first (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { IBrowserSite, animationsSettled, startBrowserSite } from '../support/browser';
import { SITE_OWNER } from '../../emulator/sample/users';
import { IOutboxMessage } from '../../emulator/graph';

jest.setTimeout(180_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each action link in a message's HTML body: its ref (the link text) and address. */
function actionLinks(message: IOutboxMessage): Array<{ ref: string; href: string }> {
  const links: Array<{ ref: string; href: string }> = [];
  const pattern = /<a href="([^"]*[?;]action=\d+[^"]*)">([^<]+)<\/a>/g;
  for (let match = pattern.exec(message.message.body?.content ?? ''); match; match = pattern.exec(message.message.body?.content ?? '')) {
    links.push({ href: match[1].replace(/&amp;/g, '&'), ref: match[2] });
  }
  return links;
}

describe('requests for updates in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('sends one message per person from the plan officer, each link opening its action, with no WCAG 2.2 AA violations', async () => {
    const outbox = `${site.emulator.url}/_emulator/outbox`;
    expect((await fetch(outbox)).status).toBe(200);
    const page = await site.openAs(SITE_OWNER.email);
    await page.getByRole('button', { name: 'Requests for updates' }).click();
    const panel = page.getByRole('dialog', { name: 'Requests for updates' });
    // The sample's requests already sent for the board of 31 March 2024, with their answer rates.
    await panel.getByText('Fran Davis, asked 9 days ago by Sam Owner (by e-mail): 3 of 3 updated').waitFor();
    await panel.getByText('Karen Levell, asked 2 days ago by Sam Owner (from their mail app): 1 of 4 updated').waitFor();

    const people = panel.getByRole('checkbox');
    const count = await people.count();
    expect(count).toBeGreaterThan(1);
    const emails = (await people.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? ''))).map((label) => /\(([^)]+@[^)]+)\)/.exec(label)?.[1]);
    expect(emails.every((email) => email !== undefined)).toBe(true);

    await panel.getByRole('button', { name: `Send requests (${count})` }).click();
    await panel.getByText(/^Sent to /).nth(count - 1).waitFor();
    await animationsSettled(page);
    const scan = await new AxeBuilder({ page }).include('.ms-Panel').withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    // Each request is recorded and listed, asked today (the page's today, 29 February 2024).
    await expect(panel.getByText(/, asked today by Sam Owner \(by e-mail\): /).count()).resolves.toBe(count);

    const messages = (await (await fetch(outbox)).json()) as IOutboxMessage[];
    expect(messages.map((message) => message.message.toRecipients?.map((recipient) => recipient.emailAddress?.address))).toEqual(emails.map((email) => [email]));
    expect(messages.every((message) => message.from.address === SITE_OWNER.email && message.message.subject === messages[0].message.subject)).toBe(true);

    // Every link of the first message, and the first of each other, opens its action in the page.
    const toOpen = [...actionLinks(messages[0]), ...messages.slice(1).map((message) => actionLinks(message)[0])];
    expect(actionLinks(messages[0]).length).toBeGreaterThan(0);
    const reader = await page.context().newPage();
    for (const link of toOpen) {
      await reader.goto(link.href);
      await reader.getByRole('heading', { name: `Action ${link.ref}`, exact: true }).waitFor();
    }
    await page.context().close();
  });
});
