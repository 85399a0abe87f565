/**
 * Evidence files in Debian's Chromium against the local page: the plan officer attaches a
 * file to an update from the keyboard-usable Attach files button, the form is axe-clean with
 * the file listed, the update's log shows the file by its name, and opening it returns its
 * bytes unchanged. Needs the page built first (scripts/build-host.js) and the local page's
 * evidence service passed to the update form.
 */
import AxeBuilder from '@axe-core/playwright';
import { IBrowserSite, animationsSettled, openAction, startBrowserSite } from '../support/browser';
import { SITE_OWNER } from '../../emulator/sample/users';

jest.setTimeout(180_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** A real 1x1 PNG, bytes above 127 included. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2a9b30000000049454e44ae426082',
  'hex'
);

describe('evidence files in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('attaches a file to an update: listed in the form (axe-clean), shown with the update awaiting sign-off by its name, and opened with its bytes intact', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await openAction(page, '3.1.1');
    await page.getByRole('button', { name: 'Update 3.1.1' }).click();
    await page.getByRole('textbox', { name: /Progress note/ }).fill('Waiting list chart attached.');

    // The Fluent button opens the file chooser from the keyboard.
    const attach = page.getByRole('button', { name: 'Attach files' });
    await animationsSettled(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), attach.press('Enter')]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([{ name: 'Waiting list chart.png', mimeType: 'image/png', buffer: PNG }]);
    await page.getByRole('list', { name: 'Files to upload with this update' }).getByText('Waiting list chart.png', { exact: true }).waitFor();

    await animationsSettled(page);
    const scan = await new AxeBuilder({ page }).include('form').withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByRole('button', { name: 'Save update' }).click();
    await page.getByText('Update saved for action 3.1.1.').waitFor();
    // The sample plan requires sign-off: the update, with its file, waits on the action for the lead.
    await page.getByText('Submitted by Sam Owner on 29 February 2024, awaiting sign-off').waitFor();
    const link = page.getByRole('link', { name: 'Waiting list chart.png' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) as string;
    expect(href).toMatch(/\/sites\/send\/SEND%20Evidence\/plan-\d+\/Waiting%20list%20chart\.png$/);

    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(Buffer.from(await response.body()).equals(PNG)).toBe(true);
    await page.context().close();
  });
});
