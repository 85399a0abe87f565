/**
 * The focus ring inside every panel, in Chromium against the local page: Fluent renders a
 * panel outside the web part's element, so the ring the web part sets does not reach it
 * unless the panel sets it again. Needs the page built first (scripts/build-host.js).
 */
import { Page } from 'playwright-core';
import { IBrowserSite, startBrowserSite } from '../support/browser';
import { SITE_OWNER } from '../../emulator/sample/users';

jest.setTimeout(240_000);

/** The outline of what has focus once Tab has moved it into the panel's content (past its close button). */
async function ringInPanel(page: Page): Promise<{ width: string; style: string } | undefined> {
  // Wait for the content's first control (a panel may read its list first).
  await page.locator('.ms-Panel-content').locator('button, input, textarea, a[href]').first().waitFor();
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active?.closest('.ms-Panel-content')) return undefined;
      const style = getComputedStyle(active);
      return { width: style.outlineWidth, style: style.outlineStyle };
    });
    if (ring) return ring;
  }
  return undefined;
}

describe('panels', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });

  afterAll(async () => {
    await site?.stop();
  });

  it.each([
    ['Roles', 'Summary'],
    ['Plan settings', 'Summary'],
    ['Manage the plan', 'Summary'],
    ['Requests for updates', 'Summary'],
    ['Import from a spreadsheet', 'Workstreams']
  ])('%s: rings focus with 2 px inside the panel', async (opener, tab) => {
    const page = await site.openAs(SITE_OWNER.email, 'dark');
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('button', { name: opener, exact: true }).click();
    await page.locator('.ms-Panel-content').waitFor();
    await expect(ringInPanel(page)).resolves.toEqual({ width: '2px', style: 'solid' });
    await page.context().close();
  });
});
