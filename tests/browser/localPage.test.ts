/**
 * The local page in Debian's Chromium: the web part's React root over PnPjs and the
 * emulator, as a newcomer sees it after `npm start`. Needs the page built first
 * (scripts/build-host.js, which `npm test` runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, Page } from 'playwright-core';
import { launchChromium, postUpdate } from '../support/browser';
import { emulatorSp } from '../../tools/signIn/emulator';
import { SAMPLE_PLAN } from '../../emulator/sample/samplePlan';
import { seedSamplePlan } from '../../emulator/sample/seed';
import { EXECUTIVE, ND_LEAD, SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { SharePointEmulator, USER_COOKIE } from '../../emulator/server';
import { SharePointStore } from '../../emulator/store';
import { LIST_TITLES } from '../../src/services/schema';

jest.setTimeout(60_000);

const HOST_PAGE = join(__dirname, '../../temp/host');

async function startEmulator(file: string, port = 0): Promise<{ emulator: SharePointEmulator; store: SharePointStore }> {
  const store = new SharePointStore(file);
  for (const user of SAMPLE_USERS) store.saveUser(user);
  const emulator = new SharePointEmulator({ store, port, staticDir: HOST_PAGE, page: { asAt: SAMPLE_PLAN.asAt, roles: {} } });
  await emulator.start();
  return { emulator, store };
}

describe('the local page in Chromium', () => {
  let folder: string;
  let server: { emulator: SharePointEmulator; store: SharePointStore };
  let browser: Browser;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'send-browser-'));
    server = await startEmulator(join(folder, 'site.db'));
    await seedSamplePlan(emulatorSp(server.emulator.siteUrl, SITE_OWNER.email));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server.emulator.stop();
    server.store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function openAs(email: string, theme = 'light'): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addCookies([{ name: USER_COOKIE, value: encodeURIComponent(email), url: server.emulator.url }]);
    const page = await context.newPage();
    await page.goto(`${server.emulator.url}/?theme=${theme}`);
    await page.getByRole('table', { name: /^Actions in each priority area/ }).waitFor();
    return page;
  }

  it('shows the sample plan, read through PnPjs from the emulator', async () => {
    const page = await openAs(ND_LEAD.email);
    await page.getByRole('heading', { name: SAMPLE_PLAN.title }).waitFor();
    const table = page.getByRole('table', { name: /^Actions in each priority area/ });
    await expect(table.getByRole('rowheader', { name: /ND Pathways and Waiting Times/ }).count()).resolves.toBe(1);
    await expect(table.getByRole('rowheader', { name: /Quality of EHC plans/ }).count()).resolves.toBe(1);
    await page.context().close();
  });

  // Light and dark are scanned view by view in views.test.ts; high contrast here, on the summary.
  it.each(['contrast'])('has no WCAG 2.2 A/AA violations found by axe in the %s theme', async (theme) => {
    const page = await openAs(ND_LEAD.email, theme);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('shows an executive reader the plan, and no actions of their own to update', async () => {
    const page = await openAs(EXECUTIVE.email);
    await page.getByRole('tab', { name: 'My actions' }).click();
    await page.getByText('You are not named on any action in this plan.').waitFor();
    await expect(page.getByRole('button', { name: /^Update / }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('button', { name: 'Open action 3.2.1', exact: true }).click();
    await page.getByRole('heading', { name: 'Action 3.2.1', exact: true }).waitFor();
    await page.getByText('You can read this plan but not update it.').first().waitFor();
    await expect(page.getByRole('button', { name: /^(Update|Edit) 3\.2\.1$/ }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('saves an update made in the browser, and the change survives a restart of the server', async () => {
    const page = await openAs(ND_LEAD.email);
    await postUpdate(page, '3.2.1', 'Amber', 'Saved from the browser: feedback analysed.');
    await page.context().close();

    const port = Number(new URL(server.emulator.url).port);
    await server.emulator.stop();
    server.store.close();
    server = await startEmulator(join(folder, 'site.db'), port);

    // The sample plan requires sign-off: the update survives as submitted, listed on its action.
    const logged = server.store.allItems(LIST_TITLES.updates).filter((item) => item.values.ProgressNote === 'Saved from the browser: feedback analysed.');
    expect(logged).toHaveLength(1);
    expect(logged[0].values).toMatchObject({ StatusSet: 'Amber', SignOffState: 'submitted' });
    const action = server.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === '3.2.1');
    expect(JSON.parse(String(action?.values.AwaitingSignOff))).toEqual([expect.objectContaining({ updateId: logged[0].id, status: 'Amber', note: 'Saved from the browser: feedback analysed.' })]);
  });
});
