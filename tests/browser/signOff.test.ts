/**
 * Sign-off in Debian's Chromium against the local page (the sample plan requires it): a
 * responsible officer's update awaits sign-off and the summary still shows the approved
 * state; the priority's lead opens their queue from the summary, approves it from the
 * keyboard, and the summary shows the new status and note; the queue has no WCAG 2.2 AA
 * violations. Needs the page built first (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { IBrowserSite, animationsSettled, postUpdate, startBrowserSite } from '../support/browser';
import { ND_LEAD, OFFICERS } from '../../emulator/sample/users';

jest.setTimeout(180_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DALE = OFFICERS[2];
const NOTE = 'DSR guidance stalled: the ICB has not agreed the new criteria.';

describe('sign-off in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it("holds an officer's update until the priority's lead approves it from their queue, then the summary shows it", async () => {
    const officer = await site.openAs(DALE.email);
    await postUpdate(officer, '3.5.3', 'Red', NOTE);
    await officer.getByText('Update saved for action 3.5.3. It awaits sign-off.').waitFor();
    await officer.getByText('Submitted by Dale Coleman on 29 February 2024, awaiting sign-off').waitFor();
    await officer.getByRole('tab', { name: 'Summary' }).click();
    // The sample's three and Dale's: counted, not shown as the action's progress.
    await officer.getByText('4 updates await sign-off.').waitFor();
    const exceptions = officer.getByRole('table', { name: /^Actions off track, overdue/ });
    await expect(exceptions.textContent()).resolves.not.toContain(NOTE);
    await officer.context().close();

    const lead = await site.openAs(ND_LEAD.email);
    await lead.getByRole('button', { name: 'Awaiting sign-off (3)' }).click();
    const queue = lead.getByRole('dialog', { name: 'Awaiting your sign-off' });
    await queue.getByRole('heading', { name: /^3\.5\.3 / }).waitFor();
    await queue.getByText('Submitted by Dale Coleman on 29 February 2024, awaiting sign-off').waitFor();
    await animationsSettled(lead);
    const scan = await new AxeBuilder({ page: lead }).include('.ms-Panel').withTags(WCAG_22_AA).analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await queue.getByRole('button', { name: 'Approve the update on 3.5.3' }).focus();
    await lead.keyboard.press('Enter');
    await queue.getByText('Approved the update on 3.5.3.').waitFor();
    await expect(queue.getByRole('heading', { name: /^3\.5\.3 / }).count()).resolves.toBe(0);
    // Focus went to the next item's heading, not to the page.
    await expect(lead.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H3');
    await lead.getByRole('button', { name: 'Close sign-off' }).click();

    await lead.getByText('3 updates await sign-off.').waitFor();
    const row = lead.getByRole('table', { name: /^Actions off track, overdue/ }).getByRole('row', { name: /^Open action 3\.5\.3 / });
    await expect(row.textContent()).resolves.toContain(NOTE);
    await expect(row.textContent()).resolves.toContain('Red');
    await lead.context().close();
  });
});
