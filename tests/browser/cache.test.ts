/**
 * The plan kept on the device, in Debian's Chromium against the local page: a second
 * visit draws the summary from the browser's copy before SharePoint answers anything, says
 * so, and then shows what another person changed between the two visits. Needs the page
 * built first (scripts/build-host.js).
 */
import { Route } from 'playwright-core';
import { emulatorSp } from '../../tools/signIn/emulator';
import { IBrowserSite, startBrowserSite } from '../support/browser';
import { ACTION_FIELDS, LIST_TITLES } from '../../src/services/schema';
import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';

jest.setTimeout(180_000);

describe('the plan kept on the device', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('shows the kept plan before SharePoint answers, then another person\'s change made between the visits', async () => {
    const page = await site.openAs(ND_LEAD.email);
    const exceptions = page.getByRole('table', { name: /^Actions off track, overdue/ });
    const firstRow = exceptions.getByRole('row', { name: /^Open action / }).first();
    const ref = ((await firstRow.getAttribute('aria-label')) ?? (await firstRow.textContent()) ?? '').match(/\d+(?:\.\d+)+/)?.[0] as string;
    expect(ref).toBeTruthy();
    await page.getByText(/^Up to date as of /).waitFor();

    // Between the visits the site owner rewords that action through SharePoint's API.
    const owner = emulatorSp(site.emulator.siteUrl, SITE_OWNER.email);
    const actions = owner.web.lists.getByTitle(LIST_TITLES.actions);
    const [item] = (await actions.items.filter(`Title eq '${ref}'`).select('Id')()) as Array<{ Id: number }>;
    await actions.items.getById(item.Id).update({ [ACTION_FIELDS.text]: 'Reworded between the two visits' }, '*');

    // The second visit: every SharePoint request is held until the kept plan is on screen.
    const held: Route[] = [];
    await page.route('**/_api/**', (route) => {
      held.push(route);
    });
    await page.reload();
    await exceptions.waitFor();
    await page.getByText(/^Showing what was saved on this device at .*; checking for changes…$/).waitFor();
    expect(held.length).toBeGreaterThan(0);
    // Let them through: the held ones, then whatever the refresh asks next.
    await Promise.all(held.map((route) => route.continue()));
    await page.unroute('**/_api/**');

    await page.getByText(/^Up to date as of /).waitFor();
    await exceptions.getByRole('row', { name: new RegExp(`^Open action ${ref.replace(/\./g, '\\.')} `) }).getByText('Reworded between the two visits').waitFor();
    await page.context().close();
  });
});
