/**
 * The board narrative in Debian's Chromium against the local page: the plan officer
 * writes the overall summary, the draft saves itself once they stop typing, and after a
 * reload the text is still there, read back from the emulator's Board Narratives list.
 * The narrative, with its fields and status, is scanned with axe (WCAG 2.2 AA).
 * Needs the page built first (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { IBrowserSite, animationsSettled, openHighlightReport, startBrowserSite } from '../support/browser';
import { SITE_OWNER } from '../../emulator/sample/users';

jest.setTimeout(120_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SUMMARY = 'Waits for autism assessments fell by a third since the September board.';

function wholePlan(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('group', { name: 'The whole plan' });
}

describe('the board narrative in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('saves the plan officer’s summary as they write it, keeps it over a reload, and has no WCAG 2.2 AA violations', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await openHighlightReport(page);
    const summary = wholePlan(page).getByRole('textbox', { name: 'Overall summary' });
    await summary.fill(SUMMARY);
    // No Save button: the draft saves itself once typing stops.
    await wholePlan(page)
      .getByRole('status')
      .getByText(/^Draft saved at \d\d:\d\d$/)
      .waitFor();

    await page.reload();
    await page.getByRole('table', { name: /^Actions in each priority area/ }).waitFor();
    await openHighlightReport(page);
    await summary.waitFor();
    expect(await summary.inputValue()).toBe(SUMMARY);

    const narrative = page.getByRole('region', { name: 'Narrative' });
    const labelledBy = await narrative.getAttribute('aria-labelledby');
    await animationsSettled(page);
    const scan = await new AxeBuilder({ page }).include(`section[aria-labelledby="${labelledBy}"]`).withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(scan.passes.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
