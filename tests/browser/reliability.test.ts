/**
 * Hostile input, readers and throttling in Debian's Chromium against the local page:
 * script payloads typed into every free-text field and imported from a spreadsheet
 * never run and show as text; a reader finds no edit control on any view; with 30%
 * of requests throttled every view loads and a save lands once.
 */
import { Page } from 'playwright-core';
import { EXECUTIVE, EHCP_LEAD, ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { formatCsv } from '../../src/formats/csvWrite';
import { plainText } from '../../src/model/import/plainText';
import { LIST_TITLES } from '../../src/services/schema';
import { IBrowserSite, openAction, openHighlightReport, postUpdate, startBrowserSite } from '../support/browser';

jest.setTimeout(180_000);

/** Each payload calls window.__xss(n) if it ever runs. */
const PAYLOADS: readonly string[] = [
  '<script>__xss(1)</script>',
  'Before <img src=x onerror=__xss(2)> after',
  '<svg onload=__xss(3)>svg</svg>',
  '"><script>__xss(4)</script>',
  "'><img src=x onerror=__xss(5)>",
  'javascript:__xss(6)',
  '<a href="javascript:__xss(7)">click me</a>',
  '<iframe src="javascript:__xss(8)"></iframe>',
  '<body onload=__xss(9)>',
  '<details open ontoggle=__xss(10)>details</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(11)>',
  "{{constructor.constructor('__xss(12)')()}}",
  '<input autofocus onfocus=__xss(13)>',
  '<video><source onerror=__xss(14)></video>',
  '&lt;img src=x onerror=__xss(15)&gt;',
  '<object data="javascript:__xss(16)"></object>',
  '<div style="background:url(javascript:__xss(17))">styled</div>',
  '<marquee onstart=__xss(18)>marquee</marquee>',
  '"onmouseover="__xss(19)" data-x="',
  '<img src="x:gif" onerror="window[`__x`+`ss`](20)">'
];

/** Installs window.__xss before the page's own scripts, recording each payload that runs. */
async function watchForScripts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const fired: number[] = [];
    Object.assign(window, { __xss: (n: number) => fired.push(n), __fired: fired });
  });
}

async function fired(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __fired: number[] }).__fired);
}

/** Links on the page that would run script when followed. */
async function scriptLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[href], [src], [data], [action]'))
      .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('data') ?? element.getAttribute('action') ?? '')
      .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value))
  );
}

describe('hostile input, readers and throttling in Chromium', () => {
  let site: IBrowserSite;
  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('runs none of 20 script payloads typed into every free-text field, and shows each as the text typed', async () => {
    const page = await site.openAs(ND_LEAD.email, 'light', undefined, watchForScripts);
    await openAction(page, '3.2.2');
    for (const [index, payload] of PAYLOADS.entries()) {
      await page.getByRole('button', { name: 'Edit 3.2.2' }).click();
      // "Action" is required, so its name carries the asterisk.
      await page.getByRole('textbox', { name: /^Action\b/ }).fill(payload);
      for (const label of ['Theme', 'Desired impact', 'How we will know', 'Resources', 'Tags']) {
        await page.getByRole('textbox', { name: label, exact: true }).fill(label === 'Tags' ? payload.replace(/[,;]/g, ' ') : payload);
      }
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Changes saved for action 3.2.2.').waitFor();

      await page.getByRole('button', { name: 'Update 3.2.2' }).click();
      await page.getByRole('textbox', { name: /Progress note/ }).fill(payload);
      await page.getByRole('textbox', { name: /Evidence link/ }).fill(index === 5 ? payload : '');
      await page.getByRole('button', { name: 'Save update' }).click();
      if (index === 5) {
        // A javascript: address is refused as evidence, with the reason, and the note is kept.
        await page.getByText('An evidence link must start with https:// or http://.').waitFor();
        await page.getByRole('textbox', { name: /Evidence link/ }).fill('');
        await page.getByRole('button', { name: 'Save update' }).click();
      }
      await page.getByText('Update saved for action 3.2.2.').waitFor();
      const panel = page.getByRole('dialog');
      // The action's text, theme, desired impact, how we will know, resources, and the log's note.
      await expect(panel.getByText(payload, { exact: true }).count()).resolves.toBeGreaterThanOrEqual(5);
      expect([payload, await fired(page)]).toEqual([payload, []]);
    }
    await page.getByRole('button', { name: 'Close' }).click();

    for (const tab of ['Summary', 'Workstreams', 'KPIs', 'My actions']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('searchbox', { name: /Search/ }).fill('3.2.2');
    await expect(page.getByRole('grid').getByText(PAYLOADS[PAYLOADS.length - 1], { exact: true }).count()).resolves.toBeGreaterThan(0);
    await openHighlightReport(page);
    expect(await fired(page)).toEqual([]);
    expect(await scriptLinks(page)).toEqual([]);
    await page.context().close();
  });

  it('runs none typed into a KPI measurement or checkpoint note', async () => {
    const page = await site.openAs(EHCP_LEAD.email, 'light', undefined, watchForScripts);
    await page.getByRole('tab', { name: 'KPIs' }).click();
    await page.getByRole('button', { name: '5.1.5 EHCPs finalised within 20 weeks' }).click();
    for (const [index, payload] of PAYLOADS.entries()) {
      const month = new Date(Date.UTC(2021, index, 1)).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
      await page.getByRole('textbox', { name: /^Value/ }).fill(String(50 + index));
      await page.getByRole('textbox', { name: /^Period end/ }).fill(month);
      await page.getByRole('textbox', { name: 'Note (optional)' }).fill(payload);
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await page.getByText(/recorded for the period to/).first().waitFor();
    }
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^5\.1\.2 / }).click();
    const checkpoint = page.getByRole('button', { name: /^Mark / }).first();
    for (const payload of PAYLOADS.slice(0, 5)) {
      await checkpoint.click();
      await page.getByRole('textbox', { name: 'Note', exact: true }).fill(payload);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText(`: ${payload}`, { exact: false }).first().waitFor();
    }
    expect(await fired(page)).toEqual([]);
    expect(await scriptLinks(page)).toEqual([]);
    const notes = site.store.allItems(LIST_TITLES.kpiMeasurements).map((item) => item.values.MeasurementNote);
    expect(PAYLOADS.filter((payload) => notes.indexOf(payload) < 0)).toEqual([]);
    await page.context().close();
  });

  it('runs none of them imported from a spreadsheet in every free-text column, in the dry run or the views, and shows their text', async () => {
    const header = ['Ref', 'Action', 'Strategic Lead', 'Responsible Officer', 'Delivery Partners', 'Resources', 'By When', 'Desired Impact', 'How will we know', 'Progress Update', 'Evidence', 'RAG', 'Tags', 'Theme', 'Priority', 'Outcome'];
    const rows = PAYLOADS.map((payload, index) => [`9.${index + 1}.1`, payload, payload, payload, payload, payload, 'Sept 2024', payload, payload, `Jan 2024: ${payload}`, payload, 'Amber', payload.replace(/[,;]/g, ' '), payload, `9: Hostile input ${PAYLOADS[0]}`, payload]);
    const page = await site.openAs(SITE_OWNER.email, 'light', undefined, watchForScripts);
    await page.getByRole('tab', { name: 'Workstreams' }).click();
    await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
    await page.getByLabel(/^Spreadsheet \(/).setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(formatCsv([header, ...rows])) });
    await page.getByRole('table', { name: 'How each column is read' }).waitFor();
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    // Markup is never interpreted: tags are dropped and the text kept. A row whose action
    // is nothing but markup has no action left, and is rejected with its row and column.
    const kept = PAYLOADS.map((payload, index) => ({ payload, ref: `9.${index + 1}.1`, shown: plainText(payload) })).filter((row) => row.shown !== '');
    const importButton = page.getByRole('button', { name: `Import ${kept.length} rows` });
    await importButton.waitFor();
    const problems = page.getByRole('table', { name: /^Problems found/ });
    // Rejected: the rows with no action left. (The rest may carry warnings, such as evidence with no web address.)
    await expect(problems.getByRole('row').filter({ hasText: 'Row not imported:' }).count()).resolves.toBe(PAYLOADS.length - kept.length);
    expect(await fired(page)).toEqual([]);
    await importButton.click();
    await page.getByText(new RegExp(`^Imported: ${kept.length} actions created`)).waitFor();
    await page.getByRole('button', { name: 'Close and show the plan' }).click();

    for (const { payload, ref, shown } of kept) {
      await openAction(page, ref);
      const panel = page.getByRole('dialog');
      // Action, strategic lead, officer, partners, resources, desired impact, how we will know, theme, the log's note.
      await expect(panel.getByText(shown, { exact: true }).count()).resolves.toBeGreaterThanOrEqual(5);
      expect([payload, await fired(page)]).toEqual([payload, []]);
      await page.getByRole('button', { name: 'Close' }).click();
    }
    for (const tab of ['Summary', 'KPIs', 'My actions']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
    }
    await openHighlightReport(page);
    expect(await fired(page)).toEqual([]);
    expect(await scriptLinks(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a reader no edit control on any view, panel or report', async () => {
    const page = await site.openAs(EXECUTIVE.email);
    const editControls = /^(Update|Edit|Record|Mark|Save|Import|Set up|Post)\b/;
    const controls = async (): Promise<string[]> => {
      const names = await page.getByRole('button').evaluateAll((buttons) => buttons.map((button) => (button.getAttribute('aria-label') || button.textContent || '').trim()));
      const inputs = await page.getByRole('textbox').count();
      return names.filter((name) => editControls.test(name)).concat(inputs > 0 ? [`${inputs} text inputs`] : []);
    };
    const found: string[] = [];
    for (const tab of ['Summary', 'Workstreams', 'KPIs', 'My actions']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
      found.push(...(await controls()).map((name) => `${tab}: ${name}`));
    }
    await openAction(page, '3.2.1');
    found.push(...(await controls()).map((name) => `action detail: ${name}`));
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'KPIs' }).click();
    await page.getByRole('button', { name: '5.1.2', exact: false }).first().click();
    await page.getByText('Checkpoints').first().waitFor();
    found.push(...(await controls()).map((name) => `KPI detail: ${name}`));
    await page.getByRole('button', { name: 'Close' }).click();
    await openHighlightReport(page);
    found.push(...(await controls()).map((name) => `highlight report: ${name}`));
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('loads every view with 30% of requests throttled (429 and 503), and a save lands once', async () => {
    site.emulator.setThrottle({ share: 0.3, status: 'either', retryAfterSeconds: 1 });
    try {
      site.emulator.requests.length = 0;
      const page = await site.openAs(ND_LEAD.email);
      await page.getByRole('tab', { name: 'Workstreams' }).click();
      await page.getByRole('grid', { name: 'Actions by priority area and outcome' }).waitFor();
      await page.getByRole('tab', { name: 'KPIs' }).click();
      await page.getByRole('table', { name: /^KPIs by computed status/ }).waitFor();
      await page.getByRole('tab', { name: 'My actions' }).click();
      await page.getByRole('heading', { name: 'My actions' }).waitFor();
      await postUpdate(page, '3.4.1', 'Amber', 'Saved while SharePoint was throttling.');
      expect(site.emulator.requests.filter((request) => request.status === 429 || request.status === 503).length).toBeGreaterThan(0);
      await page.context().close();
    } finally {
      site.emulator.setThrottle({ share: 0 });
    }
    expect(site.store.allItems(LIST_TITLES.updates).filter((item) => item.values.ProgressNote === 'Saved while SharePoint was throttling.')).toHaveLength(1);
  });
});
