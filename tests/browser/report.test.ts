/**
 * The board highlight report in Debian's Chromium against the local page: opened at a
 * past board date of the sample plan, scanned with axe (WCAG 2.2 AA), then printed to
 * PDF the way a chair's office would, and the PDF read back: its page count, every part
 * present, the running header and page numbers, and no table wider than the page.
 * Needs the page built first (scripts/build-host.js).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { IBrowserSite, animationsSettled, openAction, openHighlightReport, startBrowserSite } from '../support/browser';
import { EXECUTIVE, SITE_OWNER } from '../../emulator/sample/users';
import { emulatorSp } from '../../tools/signIn/emulator';
import { LIST_TITLES } from '../../src/services/schema';
import '@pnp/sp/items';

jest.setTimeout(120_000);

const ARTIFACTS = join(__dirname, '../../artifacts/screenshots');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PARTS = ['Actions by status', 'Change since the board of 30 June 2023', 'Status trend', 'Exceptions', 'Due dates revised', 'KPI scorecard'];

/**
 * The text of each page of a PDF file, read with pdf.js's Node build. pdf.js ships as ES
 * modules only, which jest's CommonJS sandbox cannot import, so a child Node reads it.
 */
function pdfPages(file: string): string[] {
  const script = `
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { readFileSync } = await import('node:fs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[1])), isEvalSupported: false }).promise;
    const pages = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => item.str ?? '').join(' ').replace(/\\s+/g, ' '));
    }
    process.stdout.write(JSON.stringify(pages));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
  return JSON.parse(output) as string[];
}

describe('the board highlight report in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('opens at a past board date with no WCAG 2.2 AA violations, and prints on A4 with every part, header and page numbers', async () => {
    const page = await site.openAs(EXECUTIVE.email);
    await openHighlightReport(page);
    await page.getByRole('combobox', { name: /^Report as at/ }).click();
    await page.getByRole('option', { name: '30 September 2023' }).click();
    await page.getByText('As at 30 September 2023, with changes since 30 June 2023.').waitFor();
    // The notes as they stood are read from the log; the report waits for them, never showing a later one.
    await page.getByText(/^Reading the notes as they stood/).waitFor({ state: 'detached' });
    for (const part of PARTS) await page.getByRole('heading', { name: part, exact: true }).waitFor();

    await animationsSettled(page);
    const scan = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    // On paper: the report alone, its controls gone, and no table wider than the A4 text width (180 mm at 96 px an inch).
    await expect(page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).resolves.toBe(false);
    await expect(page.getByText(/^Local preview/).isVisible()).resolves.toBe(false);
    await page.setViewportSize({ width: 680, height: 900 });
    const overflowing = await page.locator('.send-highlight-report table').evaluateAll((tables) => tables.filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? 0) + 1).map((table) => table.querySelector('caption')?.textContent ?? '?'));
    expect(overflowing).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'highlight-report-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const file = join(ARTIFACTS, 'highlight-report-2023-09-30.pdf');
    writeFileSync(file, pdf);

    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(12);
    const all = pages.join(' ');
    for (const part of PARTS) expect([part, all.includes(part)]).toEqual([part, true]);
    expect(all).toContain('board highlight report');
    expect(all).toContain('Whole plan');
    pages.forEach((text, index) => {
      // Every page: the plan and date at the top, the marking, and its number of the whole.
      expect([index, text]).toEqual([index, expect.stringContaining('as at 30 September 2023')]);
      expect([index, text]).toEqual([index, expect.stringContaining('OFFICIAL')]);
      expect([index, text]).toEqual([index, expect.stringContaining(`Page ${index + 1} of ${pages.length}`)]);
    });
    // No near-empty first page: the heading and the status table start on page one.
    expect(pages[0]).toContain('Actions by status');
    expect(pages[0].length).toBeGreaterThan(600);
    await page.context().close();
  });

  /** What the report shows of the plan: its headed parts, not its controls. */
  const reportText = async (page: Page): Promise<string> => {
    const parts = await page.locator('.send-highlight-report section:has(> h3), .send-highlight-report section:has(> * > h3)').allTextContents();
    return parts.join('\n');
  };

  it('freezes the pack for a board; after an action is changed in the list, the pack still shows what the board saw', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await openHighlightReport(page);
    await page.getByRole('combobox', { name: /^Report as at/ }).click();
    await page.getByRole('option', { name: '31 December 2023' }).click();
    await page.getByText(/^Reading the notes as they stood/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Freeze the pack for 31 December 2023' }).click();
    await page.getByRole('alertdialog', { name: 'Freeze the board pack for 31 December 2023?' }).getByRole('button', { name: 'Freeze the pack' }).click();
    await page.getByText(/^This is the pack frozen for the board of 31 December 2023/).waitFor();
    await animationsSettled(page);
    const scan = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    const frozenText = await reportText(page);
    const firstException = page.getByRole('table', { name: /^Actions off track, overdue/ }).getByRole('row').nth(1);
    const ref = ((await firstException.getByRole('rowheader').textContent()) ?? '').trim();
    expect(frozenText).toContain(ref);
    expect(frozenText).toContain('Whole plan');
    // The stored copy opens as the board saw it, without the web part.
    const href = (await page.getByRole('link', { name: 'Download the stored copy of the pack for 31 December 2023' }).first().getAttribute('href')) as string;
    const copy = await page.context().request.get(new URL(href, site.emulator.url).toString());
    expect(copy.status()).toBe(200);
    const copyPage = await page.context().newPage();
    await copyPage.setContent(await copy.text());
    expect(await copyPage.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/board highlight report$/);
    expect(await reportText(copyPage)).toBe(frozenText);
    await copyPage.screenshot({ path: join(ARTIFACTS, 'board-pack-stored-copy.png') });
    await copyPage.close();

    // Someone edits the action's wording in the SharePoint list by hand (no revision kept) and marks it complete.
    const items = emulatorSp(site.emulator.siteUrl, SITE_OWNER.email).web.lists.getByTitle(LIST_TITLES.actions).items;
    const all = (await items.select('Id', 'Title').top(5000)()) as Array<{ Id: number; Title: string }>;
    const item = all.find((candidate) => candidate.Title === ref) as { Id: number };
    await items.getById(item.Id).update({ ActionText: 'Reworded after the board in the list' }, '*');

    await page.reload();
    await page.getByRole('table', { name: /^Actions in each priority area/ }).waitFor();
    await openHighlightReport(page);
    // The page draws the plan kept on the device first; the frozen board comes with the refresh that follows.
    await page.getByRole('combobox', { name: /^Report as at/ }).filter({ hasText: '31 December 2023 (frozen pack)' }).waitFor();
    await page.getByText(/^This is the pack frozen for the board of 31 December 2023/).waitFor();
    expect(await reportText(page)).toBe(frozenText);
    expect(frozenText).not.toContain('Reworded after the board in the list');
    // The change is real: the action shows it.
    await page.getByRole('button', { name: 'Back' }).click();
    await openAction(page, ref);
    await page.getByText('Reworded after the board in the list').first().waitFor();
    await page.context().close();
  });
});
