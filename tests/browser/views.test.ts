/**
 * Every view in Debian's Chromium against the local page: accessibility (axe, WCAG 2.2
 * AA, light and dark) with a screenshot of each kept in artifacts/screenshots, an
 * update seen by an executive, two people editing one action, and an update posted
 * with the keyboard alone. Needs the page built first (scripts/build-host.js).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { readSpreadsheet } from '../../src/formats/readSpreadsheet';
import { IBrowserSite, animationsSettled, openAction, openHighlightReport, postUpdate, startBrowserSite } from '../support/browser';
import { SAMPLE_PLAN } from '../../emulator/sample/samplePlan';
import { EXECUTIVE, ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';

// Each theme's test scans eight views with axe and a full-page screenshot: minutes on a busy two-core machine.
jest.setTimeout(240_000);

const SCREENSHOTS = join(__dirname, '../../artifacts/screenshots');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe('the views in Chromium', () => {
  let site: IBrowserSite;
  let openAs: IBrowserSite['openAs'];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    site = await startBrowserSite();
    ({ openAs } = site);
  });
  afterAll(() => site?.stop());

  async function violations(page: Page, name: string): Promise<string[]> {
    await animationsSettled(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    return results.violations.map((violation) => `${name} ${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join(', ')}`);
  }

  it.each(['light', 'dark'])('has no WCAG 2.2 AA violations on any view in the %s theme', async (theme) => {
    const page = await openAs(ND_LEAD.email, theme);
    const found: string[] = [];
    found.push(...(await violations(page, `summary-${theme}`)));
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
    found.push(...(await violations(page, `workstreams-${theme}`)));
    await page.getByRole('tab', { name: 'KPIs' }).click();
    await page.getByRole('table', { name: /^KPIs by computed status/ }).waitFor();
    found.push(...(await violations(page, `scorecard-${theme}`)));
    await page.getByRole('button', { name: '5.1.5 EHCPs finalised within 20 weeks' }).click();
    await page.getByRole('img', { name: /^EHCPs finalised within 20 weeks: / }).waitFor();
    found.push(...(await violations(page, `kpi-detail-${theme}`)));
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'My actions' }).click();
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    found.push(...(await violations(page, `my-actions-${theme}`)));
    await page.getByRole('button', { name: 'Update 3.2.1' }).click();
    found.push(...(await violations(page, `quick-update-${theme}`)));
    await openAction(page, '3.2.2');
    found.push(...(await violations(page, `action-detail-${theme}`)));
    await page.getByRole('button', { name: 'Edit 3.2.2' }).click();
    // The form is fetched when first opened: scan it once it is there.
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    found.push(...(await violations(page, `action-edit-${theme}`)));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('prints the board highlight report alone, to PDF, with no WCAG 2.2 AA violations on screen', async () => {
    const page = await openAs(EXECUTIVE.email);
    await openHighlightReport(page);
    expect(await violations(page, 'highlight-report-light')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    // On paper the local page's own controls and the report's buttons are hidden; the report is not.
    await expect(page.getByText(/^Local preview/).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: /board highlight report$/ }).isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ path: join(SCREENSHOTS, 'highlight-report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('lets a site owner import a CSV: map the columns, read the dry run, import, and see the new action', async () => {
    const page = await openAs(SITE_OWNER.email);
    const found: string[] = [];
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.getByLabel(/^Spreadsheet \(/).setInputFiles({
      name: 'plan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Ref,Actions designed to lead to improvement,Responsible Officer,By When,RAG\n3.12.1,Imported from the browser,Dale Coleman,Sept 2024,Amber\n3.12.2,Shifted row,Dale Coleman,SEF,Green\n')
    });
    await page.getByRole('table', { name: 'How each column is read' }).waitFor();
    // Into the page's own plan, which the screen offers first.
    await page.getByRole('radio', { name: 'An existing plan' }).check();
    found.push(...(await violations(page, 'import-mapping-light')));
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    const problems = page.getByRole('table', { name: /^Problems found \(1\)/ });
    await expect(problems.getByRole('row', { name: /^3 / }).textContent()).resolves.toContain('SEF');
    found.push(...(await violations(page, 'import-dry-run-light')));
    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await page.getByText(/^Imported: 1 actions created/).waitFor();
    await page.getByRole('button', { name: 'Close and show the plan' }).click();
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('searchbox', { name: /Search/ }).fill('3.12.1');
    await page.getByRole('button', { name: 'Open action 3.12.1', exact: true }).waitFor();
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('reads an Excel workbook in the browser (the reader fetched on demand) into the same dry run', async () => {
    const page = await openAs(SITE_OWNER.email);
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.getByLabel(/^Spreadsheet \(/).setInputFiles(join(__dirname, '../fixtures/seeds/shropshire-app-2023.xlsx'));
    const mapping = page.getByRole('table', { name: 'How each column is read' });
    await mapping.waitFor();
    // The date heading as Excel shows it (mmm-yy), read as the status at the end of that month.
    await expect(mapping.getByRole('cell', { name: 'Jun-23', exact: true }).count()).resolves.toBe(1);
    await expect(mapping.getByRole('combobox', { name: /^Read column F \(Jun-23\) as/ }).textContent()).resolves.toBe('Status at 30 June 2023');
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByText(/rows rejected; 0 new priority areas/).waitFor();
    await expect(page.getByText(/0 rows rejected/).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('exports the filtered list to an Excel workbook that reads back as the same rows', async () => {
    const page = await openAs(ND_LEAD.email);
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('searchbox', { name: /Search/ }).fill('3.5.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`plan-actions-${SAMPLE_PLAN.asAt}.xlsx`);
    const rows = (await readSpreadsheet('export.xlsx', new Uint8Array(readFileSync(await download.path())))).sheets[0].rows;
    expect(rows[0].slice(0, 5)).toEqual(['Ref', 'Priority', 'Outcome', 'Theme', 'Action']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['3.5.1', '3.5.2', '3.5.3', '3.5.4', '3.5.5']);
    await page.context().close();
  });

  it('fits a narrow Teams tab: the tabs fit, and the summary and the list scroll inside the web part, not the page', async () => {
    const page = await openAs(ND_LEAD.email, 'dark', { width: 360, height: 740 });
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
    expect(await violations(page, 'workstreams-narrow-dark')).toEqual([]);
    // The web part's own box does not overflow: wide tables scroll inside it.
    const overflow = (): Promise<number> =>
      page.getByRole('region', { name: 'SEND improvement plan' }).evaluate((root) => root.scrollWidth - root.clientWidth);
    await expect(overflow()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expect(overflow()).resolves.toBe(0);
    expect(await violations(page, 'summary-narrow-dark')).toEqual([]);
    await page.context().close();
  });

  it('shows an executive the update a responsible officer has just posted, once it is signed off', async () => {
    const officer = await openAs(ND_LEAD.email);
    await postUpdate(officer, '3.4.2', 'Red', 'Funding for the second year withdrawn: escalated to the board.');
    await officer.context().close();

    // The sample plan requires sign-off: a plan officer approves it from their queue.
    const planOfficer = await openAs(SITE_OWNER.email);
    await planOfficer.getByRole('button', { name: /^Awaiting sign-off \(\d+\)$/ }).click();
    const queue = planOfficer.getByRole('dialog', { name: 'Awaiting your sign-off' });
    await queue.getByRole('button', { name: 'Approve the update on 3.4.2' }).click();
    await queue.getByText('Approved the update on 3.4.2.').waitFor();
    await planOfficer.context().close();

    const executive = await openAs(EXECUTIVE.email);
    const exceptions = executive.getByRole('table', { name: /^Actions off track, overdue/ });
    const row = exceptions.getByRole('row', { name: /^Open action 3\.4\.2 / });
    await expect(row.textContent()).resolves.toContain('Funding for the second year withdrawn: escalated to the board.');
    await expect(row.textContent()).resolves.toContain('Red');
    await executive.screenshot({ path: join(SCREENSHOTS, 'executive-summary-after-update.png'), fullPage: true });
    await executive.context().close();
  });

  it('gives the second of two people editing one action the conflict view, with both versions', async () => {
    const lead = await openAs(ND_LEAD.email);
    const owner = await openAs(SITE_OWNER.email);
    for (const page of [lead, owner]) {
      await openAction(page, '3.3.4');
      await page.getByRole('button', { name: 'Edit 3.3.4' }).click();
    }
    await owner.getByRole('textbox', { name: 'Resources' }).fill('Owner: one practitioner');
    await owner.getByRole('button', { name: 'Save changes' }).click();
    await owner.getByText('Changes saved for action 3.3.4.').waitFor();

    await lead.getByRole('textbox', { name: 'Resources' }).fill('Lead: two practitioners');
    await lead.getByRole('button', { name: 'Save changes' }).click();
    await lead.getByRole('heading', { name: 'Action 3.3.4 was changed by someone else' }).waitFor();
    const table = lead.getByRole('table', { name: 'Your version and theirs, where they differ' });
    await expect(table.getByRole('row', { name: /^Resources/ }).textContent()).resolves.toMatch(/Lead: two practitioners.*Owner: one practitioner/);
    expect(await violations(lead, 'conflict-light')).toEqual([]);
    await lead.getByRole('button', { name: 'Keep all of mine' }).click();
    await lead.getByText('Changes saved for action 3.3.4.').waitFor();
    await lead.context().close();
    await owner.context().close();
  });

  it('lets an officer reach an action and post an update with the keyboard alone', async () => {
    const page = await openAs(ND_LEAD.email);
    const focusedName = (): Promise<string> => page.evaluate(() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim());
    const tabUntil = async (name: string | RegExp, limit = 80): Promise<void> => {
      for (let step = 0; step < limit; step++) {
        await page.keyboard.press('Tab');
        const current = await focusedName();
        if (typeof name === 'string' ? current === name : name.test(current)) return;
      }
      throw new Error(`"${String(name)}" was not reached with Tab`);
    };
    await tabUntil('Summary');
    for (let tab = 0; tab < 3; tab++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    await tabUntil('Update 3.4.1');
    await page.keyboard.press('Enter');
    // The form opens with focus on its first field, the status dropdown: arrow keys choose without opening it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Posted with the keyboard only.');
    await tabUntil('Save update', 5);
    await page.keyboard.press('Enter');
    await page.getByText('Update saved for action 3.4.1.').waitFor();
    await page.context().close();
  });
});
