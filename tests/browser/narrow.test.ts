/**
 * Narrow screens, forced colours, zoom and keyboard focus in Chromium against the local
 * page: a Teams tab on a phone (360 and 320 px) never scrolls the page sideways nor cuts
 * a caption; Windows high contrast keeps the status bar's labels; 200% zoom fits; focus
 * moves into what opens and onto what confirms. Needs the page built first
 * (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { IBrowserSite, animationsSettled, startBrowserSite } from '../support/browser';
import { ND_LEAD } from '../../emulator/sample/users';
import { USER_COOKIE } from '../../emulator/server';

// Several views scanned with axe at two widths: minutes on a busy two-core machine.
jest.setTimeout(240_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What does not fit: the page's sideways overflow, and each caption cut short, by its text. */
async function overflow(page: Page): Promise<{ page: number; clippedCaptions: string[] }> {
  await animationsSettled(page);
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    clippedCaptions: Array.from(document.querySelectorAll('caption'))
      .filter((caption) => caption.scrollWidth > caption.clientWidth || caption.getBoundingClientRect().right > window.innerWidth)
      .map((caption) => caption.textContent ?? '')
  }));
}

async function violations(page: Page, name: string): Promise<string[]> {
  await animationsSettled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((violation) => `${name} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** What has focus: its accessible name or text, and the dialog or form it is in. */
function focused(page: Page): Promise<{ text: string; inDialog: string | undefined; inForm: string | undefined }> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const nameOf = (element: Element | null | undefined): string | undefined => {
      const labelledBy = element?.getAttribute('aria-labelledby');
      return labelledBy ? document.getElementById(labelledBy.split(' ')[0])?.textContent ?? undefined : element ? element.getAttribute('aria-label') ?? '' : undefined;
    };
    return {
      text: (active?.getAttribute('aria-label') || active?.textContent || '').trim(),
      inDialog: nameOf(active?.closest('[role="dialog"]')),
      inForm: nameOf(active?.closest('form'))
    };
  });
}

describe('narrow screens, forced colours, zoom and focus in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it.each([360, 320])('fits a %i px Teams tab: no sideways scroll, no caption cut, no WCAG 2.2 AA violation, on every view and an opened action', async (width) => {
    const page = await site.openAs(ND_LEAD.email, 'dark', { width, height: 740 });
    const found: string[] = [];
    const check = async (name: string): Promise<void> => {
      const { page: sideways, clippedCaptions } = await overflow(page);
      if (sideways > 0) found.push(`${name}: the page scrolls ${sideways} px sideways`);
      found.push(...clippedCaptions.map((caption) => `${name}: caption cut: ${caption}`));
      found.push(...(await violations(page, `${name}-${width}`)));
    };
    // The plan's facts fold behind a button that says whether they are shown.
    const details = page.getByRole('button', { name: 'Plan details' });
    await expect(details.getAttribute('aria-expanded')).resolves.toBe('false');
    await details.click();
    await expect(details.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByText('Local area').waitFor();
    await check('summary');

    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
    // The filters wait in a panel; each action is a card naming its fields.
    await expect(page.getByRole('searchbox').count()).resolves.toBe(0);
    await expect(page.getByText(/^Responsible officer: /).first().isVisible()).resolves.toBe(true);
    await check('workstreams');
    await page.getByRole('button', { name: 'Filters' }).click();
    const filters = page.getByRole('dialog', { name: 'Filter the actions' });
    await filters.getByRole('searchbox').fill('3.2.');
    await check('workstreams-filters');
    await filters.getByRole('button', { name: 'Close' }).click();
    await page.getByText(/^Showing \d+ of \d+ actions\.$/).waitFor();
    await expect(page.getByRole('button', { name: 'Filters' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    await page.getByRole('tab', { name: 'My actions' }).click();
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    await check('my-actions');

    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('button', { name: 'Open action 3.2.2', exact: true }).click();
    await page.getByRole('heading', { name: 'Action 3.2.2', exact: true }).waitFor();
    await page.getByRole('table', { name: /^Update log/ }).waitFor();
    await check('action');
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('shows the status bar in forced colours as bordered segments with their labels', async () => {
    const page = await site.openAs(ND_LEAD.email);
    await page.emulateMedia({ forcedColors: 'active' });
    const summary = page.getByRole('table', { name: /^Actions in each priority area/ });
    const segments = await summary.locator('th[scope="row"] [aria-hidden="true"] > div').evaluateAll((bars) =>
      bars.map((segment) => {
        const label = segment.querySelector('span') as HTMLElement;
        const style = getComputedStyle(segment);
        return { text: label.innerText, labelShown: label.getBoundingClientRect().width > 0, border: style.borderTopWidth };
      })
    );
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) {
      expect(segment.text).toMatch(/^\S.* \d+$/);
      expect(segment.labelShown).toBe(true);
      expect(segment.border).toBe('1px');
    }
    // Status pills keep their words too.
    await expect(summary.getByRole('columnheader', { name: 'Green' }).isVisible()).resolves.toBe(true);
    // Without forced colours the labels stay out of the thin bar.
    await page.emulateMedia({ forcedColors: 'none' });
    await expect(summary.locator('th[scope="row"] [aria-hidden="true"] span').first().isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('fits 200% zoom (640 CSS px at twice the pixels) without sideways scroll', async () => {
    const context = await site.browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, locale: 'en-GB' });
    await context.addCookies([{ name: USER_COOKIE, value: encodeURIComponent(ND_LEAD.email), url: site.emulator.url }]);
    const page = await context.newPage();
    await page.goto(`${site.emulator.url}/?theme=light`);
    await page.getByRole('table', { name: /^Actions in each priority area/ }).waitFor();
    await expect(overflow(page)).resolves.toEqual({ page: 0, clippedCaptions: [] });
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
    await expect(overflow(page).then((found) => found.page)).resolves.toBe(0);
    await context.close();
  });

  it('moves focus into the form an Update opens, onto the confirmation after saving, and back to what opened a closed panel', async () => {
    const page = await site.openAs(ND_LEAD.email);
    await page.getByRole('tab', { name: 'My actions' }).click();
    await page.getByRole('button', { name: 'Update 3.4.1' }).click();
    await expect(focused(page)).resolves.toMatchObject({ inForm: 'Update action 3.4.1' });
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(focused(page)).resolves.toMatchObject({ text: 'Update 3.4.1' });

    // A check that fails puts focus on the field it names.
    await page.getByRole('button', { name: 'Update 3.4.1' }).click();
    await page.getByRole('button', { name: 'Save update' }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).resolves.toBe('true');
    await page.keyboard.type('Focus follows the form.');
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.getByText(/^Update saved for action 3\.4\.1\./).waitFor();
    await expect(focused(page).then((found) => found.text)).resolves.toMatch(/^Update saved for action 3\.4\.1\./);

    // A panel takes focus as it opens and gives it back to the link that opened it.
    await page.getByRole('tab', { name: 'Summary' }).click();
    const opener = page.getByRole('table', { name: /^Actions off track, overdue/ }).getByRole('button', { name: /^Open action / }).first();
    await opener.focus();
    await page.keyboard.press('Enter');
    // Fluent's panel root has no box of its own, so wait for its heading.
    const heading = page.getByRole('heading', { name: /^Action \d/ });
    await heading.waitFor();
    await expect(focused(page).then((found) => found.inDialog)).resolves.toMatch(/^Action \d/);
    await page.keyboard.press('Escape');
    await heading.waitFor({ state: 'detached' });
    await expect(opener.evaluate((link) => link === document.activeElement)).resolves.toBe(true);
    await page.context().close();
  });

  it('lands on the selected tab when tabbing into the tabs, and rings focus with 2 px in every theme', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      const page = await site.openAs(ND_LEAD.email, theme);
      // A figure opens the list: the Workstreams tab is then selected without ever having had focus.
      await page.getByRole('table', { name: /^Actions in each priority area/ }).getByRole('button', { name: /: open the list$/ }).first().click();
      await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = '';
      for (let step = 0; step < 40 && reached !== 'tab'; step++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? '');
      }
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Workstreams');
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { width: style.outlineWidth, style: style.outlineStyle };
      });
      expect(ring).toEqual({ width: '2px', style: 'solid' });
      // No header cell without a name takes a tab stop.
      await expect(page.evaluate(() => Array.from(document.querySelectorAll('[role="columnheader"]')).filter((cell) => cell.matches('[tabindex="0"], [data-is-focusable="true"]') && !(cell.textContent ?? '').trim()).length)).resolves.toBe(0);
      await page.context().close();
    }
  });
});
