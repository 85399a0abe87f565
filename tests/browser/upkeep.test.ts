/**
 * Plan upkeep in Debian's Chromium against the local page: the site owner (a plan officer)
 * opens Manage the plan from the summary, adds an action under an outcome, retires another
 * (asked for the reason, then shown as retired), and changes a plan setting in Plan
 * settings, which the plan list then holds. Each panel is scanned with axe (WCAG 2.2 AA)
 * and fits a 320 px wide screen. Needs the page built first (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { IBrowserSite, animationsSettled, startBrowserSite } from '../support/browser';
import { SITE_OWNER } from '../../emulator/sample/users';
import { LIST_TITLES, PLAN_FIELDS } from '../../src/services/schema';

jest.setTimeout(180_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What axe finds in the open panel, as "rule: targets". */
async function panelViolations(page: Page): Promise<string[]> {
  await animationsSettled(page);
  const scan = await new AxeBuilder({ page }).include('.ms-Panel').withTags(WCAG_22_AA).analyze();
  return scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
}

describe('plan upkeep in Chromium', () => {
  let site: IBrowserSite;

  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('the plan officer adds an action and retires another in Manage the plan, with no WCAG 2.2 AA violations', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Manage the plan' }).click();
    const panel = page.getByRole('dialog', { name: 'Manage the plan' });
    await panel.getByRole('list', { name: 'Priorities, outcomes and actions' }).waitFor();
    expect(await panelViolations(page)).toEqual([]);

    // An action under priority 3's first outcome, from the keyboard.
    await panel.getByRole('button', { name: 'Add action to outcome 1 of priority 3' }).focus();
    await page.keyboard.press('Enter');
    const adding = panel.getByRole('form', { name: 'Add action to outcome 1 of priority 3' });
    // The form opens with its first field ready to type in.
    await expect(adding.getByRole('textbox', { name: 'Ref' }).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('3.1.1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Publish the ND pathway leaflet for families');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Sep-24');
    await page.keyboard.press('Enter');
    // 3.1.1 is taken: said on the Ref field, nothing written.
    await adding.getByText('Ref 3.1.1 is already used in this plan (retired actions too).').waitFor();
    expect(await panelViolations(page)).toEqual([]);
    await adding.getByRole('textbox', { name: 'Ref' }).fill('3.1.99');
    await adding.getByRole('button', { name: 'Save' }).click();
    await panel.getByRole('status').getByText('Done: Add action to outcome 1 of priority 3.').waitFor();
    await panel.getByText('Publish the ND pathway leaflet for families').waitFor();
    await expect(focusedName(page)).resolves.toBe('Add action to outcome 1 of priority 3');
    const added = site.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === '3.1.99');
    expect(added?.values).toMatchObject({ ActionText: 'Publish the ND pathway leaflet for families', DueText: 'Sep-24' });

    // 3.2.1 retired with its reason; then shown as retired, with nothing more to do to it.
    await panel.getByRole('button', { name: 'Retire action 3.2.1' }).click();
    const retiring = panel.getByRole('form', { name: 'Retire action 3.2.1' });
    await retiring.getByRole('button', { name: 'Save' }).click();
    await retiring.getByText('Fill in "Why it is retired".').waitFor();
    expect(await panelViolations(page)).toEqual([]);
    await retiring.getByRole('textbox', { name: 'Why it is retired' }).fill('Merged into 3.2.2');
    await retiring.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Retired on 29 February 2024: Merged into 3.2.2').waitFor();
    await expect(panel.getByRole('button', { name: 'Retire action 3.2.1' }).count()).resolves.toBe(0);
    const retired = site.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === '3.2.1');
    expect(retired?.values.RetiredReason).toBe('Merged into 3.2.2');
    expect(await panelViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the plan officer changes a plan setting in Plan settings, saved to the plan for every page, with no WCAG 2.2 AA violations', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Plan settings' }).click();
    const panel = page.getByRole('dialog', { name: 'Plan settings' });
    await panel.getByRole('combobox', { name: /^Status scheme/ }).waitFor();
    expect(await panelViolations(page)).toEqual([]);

    await panel.getByRole('textbox', { name: /^KPI tolerance/ }).fill('ten');
    await panel.getByRole('button', { name: 'Save plan settings' }).click();
    await panel.getByText('"ten" is not a percentage from 0 to 100.').waitFor();
    expect(await panelViolations(page)).toEqual([]);

    await panel.getByRole('textbox', { name: /^KPI tolerance/ }).fill('5');
    await panel.getByRole('textbox', { name: /^Protective marking/ }).fill('OFFICIAL-SENSITIVE');
    // Who may edit, from the keyboard: the arrow moves the choice.
    await panel.getByRole('radio', { name: /^Everyone/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(panel.getByRole('radio', { name: /^By role/ }).isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Save plan settings' }).click();
    await panel.getByText('Plan settings saved. Every page showing this plan uses them now.').waitFor();
    const plan = site.store.allItems(LIST_TITLES.plans)[0];
    expect([plan.values[PLAN_FIELDS.kpiTolerance], plan.values[PLAN_FIELDS.protectiveMarking], plan.values[PLAN_FIELDS.editPolicy]]).toEqual([0.05, 'OFFICIAL-SENSITIVE', 'byRole']);
    expect(await panelViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(['Manage the plan', 'Plan settings'])('fits %s to a 320 px wide screen', async (name) => {
    const page = await site.openAs(SITE_OWNER.email, 'dark', { width: 320, height: 800 });
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name }).click();
    const panel = page.getByRole('dialog', { name });
    await panel.getByRole('button', { name: 'Close' }).first().waitFor();
    const overflow = await page.locator('.ms-Panel-content').evaluate((content) => content.scrollWidth - content.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await panelViolations(page)).toEqual([]);
    await page.context().close();
  });
});
