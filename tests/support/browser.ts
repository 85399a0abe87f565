/**
 * Shared steps of the browser tests: Debian's Chromium, a seeded local site to open
 * the page on as any sample user, and posting an update the way an officer does on
 * the My actions tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';
import { emulatorSp } from '../../tools/signIn/emulator';
import { SAMPLE_PLAN } from '../../emulator/sample/samplePlan';
import { seedSamplePlan } from '../../emulator/sample/seed';
import { SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { SharePointEmulator, USER_COOKIE } from '../../emulator/server';
import { SharePointStore } from '../../emulator/store';

/** The local page, built by scripts/build-host.js (which `npm test` runs first). */
const HOST_PAGE = join(__dirname, '../../temp/host');

/** Launches the browser scripts/test.js found (CHROMIUM_PATH), Debian's Chromium when run by jest alone. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
}

/** Posts a progress update from My actions and waits for the confirmation. */
export async function postUpdate(page: Page, ref: string, status: string, note: string): Promise<void> {
  await page.getByRole('tab', { name: 'My actions' }).click();
  await page.getByRole('button', { name: `Update ${ref}` }).click();
  await page.getByRole('combobox', { name: /^Status/ }).click();
  await page.getByRole('option', { name: status }).click();
  await page.getByRole('textbox', { name: /Progress note/ }).fill(note);
  await page.getByRole('button', { name: 'Save update' }).click();
  await page.getByText(`Update saved for action ${ref}.`).waitFor();
}

export interface ILocalEmulator {
  emulator: SharePointEmulator;
  store: SharePointStore;
  stop(): Promise<void>;
}

/** A file-backed emulator with the sample users, serving the local page as at `asAt`; nothing seeded. */
export async function startLocalEmulator(asAt: string): Promise<ILocalEmulator> {
  const folder = mkdtempSync(join(tmpdir(), 'send-browser-'));
  const store = new SharePointStore(join(folder, 'site.db'));
  for (const user of SAMPLE_USERS) store.saveUser(user);
  const emulator = new SharePointEmulator({ store, port: 0, staticDir: HOST_PAGE, page: { asAt, roles: {} } });
  await emulator.start();
  return {
    emulator,
    store,
    stop: async () => {
      await emulator.stop();
      store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  };
}

/** A page in a new browser context signed in to the emulator as the user, not yet navigated. */
export async function signedInPage(browser: Browser, emulator: SharePointEmulator, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  // The page's culture is the browser's language: the tests read British dates.
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  await context.addCookies([{ name: USER_COOKIE, value: encodeURIComponent(email), url: emulator.url }]);
  return context.newPage();
}

export interface IBrowserSite extends ILocalEmulator {
  browser: Browser;
  /**
   * A new browser context signed in as the user, on the local page, once the summary
   * shows. `prepare` runs on the page before it loads (an init script, say).
   */
  openAs(email: string, theme?: string, viewport?: { width: number; height: number }, prepare?: (page: Page) => Promise<void>): Promise<Page>;
}

/** The sample plan on a file-backed emulator serving the local page, and Chromium to open it. */
export async function startBrowserSite(): Promise<IBrowserSite> {
  const local = await startLocalEmulator(SAMPLE_PLAN.asAt);
  await seedSamplePlan(emulatorSp(local.emulator.siteUrl, SITE_OWNER.email));
  const browser = await launchChromium();
  return {
    ...local,
    browser,
    openAs: async (email, theme = 'light', viewport = { width: 1280, height: 900 }, prepare = async () => undefined) => {
      const page = await signedInPage(browser, local.emulator, email, viewport);
      await prepare(page);
      await page.goto(`${local.emulator.url}/?theme=${theme}`);
      await page.getByRole('table', { name: /^Actions in each priority area/ }).waitFor();
      return page;
    },
    stop: async () => {
      await browser.close();
      await local.stop();
    }
  };
}

/** Opens the board highlight report from the summary. */
/**
 * Waits for the page's animations (Fluent fades rows and panels in) so colours are judged
 * as shown. One cancelled on the way (a loading spinner replaced by what it waited for)
 * counts as done.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
}

export async function openHighlightReport(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Summary' }).click();
  await page.getByRole('button', { name: 'Board highlight report' }).click();
  await page.getByRole('heading', { name: /board highlight report$/ }).waitFor();
}

/** Opens an action's detail panel from the Workstreams list. */
export async function openAction(page: Page, ref: string): Promise<void> {
  await page.getByRole('tab', { name: 'Workstreams' }).click();
  await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
  // Below 600 px the filters wait in a panel, opened by "Filters".
  const narrow = (await page.getByRole('button', { name: 'Filters', exact: true }).count()) > 0;
  if (narrow) {
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const filters = page.getByRole('dialog', { name: 'Filter the actions' });
    await filters.getByRole('searchbox').fill(ref);
    await filters.getByRole('button', { name: 'Close' }).click();
    await filters.waitFor({ state: 'detached' });
  } else {
    await page.getByRole('searchbox', { name: /Search/ }).fill(ref);
  }
  await page.getByRole('button', { name: `Open action ${ref}`, exact: true }).click();
  // Fluent's panel root has no box of its own, so wait for its heading.
  await page.getByRole('heading', { name: `Action ${ref}`, exact: true }).waitFor();
}
