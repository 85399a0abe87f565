/**
 * A workstream lead reassigns an action with the people search, from the keyboard, in
 * Debian's Chromium against the local page: the emulator answers SharePoint's principal
 * search and ensureUser, the action is saved with its ETag, and the new owner shows in
 * the Workstreams list and in that person's My actions. The form is scanned with axe
 * (WCAG 2.2 AA) with the people found showing and with no exception, and fits a 320 px wide screen.
 * The plan officer changes a role's holder in the roles glossary (opened by the summary's
 * Roles button) with the same search; the role's actions then reach the new holder.
 * Needs the page built first (scripts/build-host.js).
 */
import AxeBuilder from '@axe-core/playwright';
import { Page } from 'playwright-core';
import { IBrowserSite, animationsSettled, openAction, startBrowserSite } from '../support/browser';
import { ND_LEAD, OFFICERS, SITE_OWNER } from '../../emulator/sample/users';

jest.setTimeout(120_000);

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DALE = OFFICERS[2];
const FRAN = OFFICERS[3];

async function violations(page: Page): Promise<string[]> {
  await animationsSettled(page);
  const scan = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('reassigning an action with the people search in Chromium', () => {
  let site: IBrowserSite;
  beforeAll(async () => {
    site = await startBrowserSite();
  });
  afterAll(() => site?.stop());

  it('a lead gives their priority’s action to a person found by name, from the keyboard; the list and that person’s My actions show it', async () => {
    const page = await site.openAs(ND_LEAD.email);
    await openAction(page, '3.1.1');
    await page.getByRole('button', { name: 'Edit 3.1.1' }).click();
    const officer = page.getByRole('group', { name: 'Responsible officer' });
    await officer.getByText('Now: written as "ND Workstream to confirm", not linked to a person.').waitFor();

    // The kind is a radio group: from "Text for now", the up arrow twice reaches "A person".
    await officer.getByRole('radio', { name: 'Text for now: a placeholder or a name' }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(officer.getByRole('radio', { name: 'A person' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    const search = officer.getByRole('combobox', { name: 'Find a person by name or e-mail' });
    await expect(search.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('dale');
    const found = page.getByRole('listbox', { name: 'Find a person by name or e-mail' });
    await found.getByRole('option', { name: /Dale Coleman/ }).waitFor();
    await expect(search.getAttribute('aria-expanded')).resolves.toBe('true');
    // How many were found is said by a live region beside the combo box, outside its listbox.
    await expect(officer.getByRole('status').textContent()).resolves.toMatch(/^1 person found\./);
    // With the people found open, the form is axe-clean too.
    expect(await violations(page)).toEqual([]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(search.inputValue()).resolves.toMatch(/^Dale Coleman \(/);
    await expect(search.getAttribute('aria-expanded')).resolves.toBe('false');
    // The form with a person chosen: no violations.
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save changes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Changes saved for action 3.1.1.').waitFor();
    expect(await violations(page)).toEqual([]);

    // The person is in the Person column, by their site user id.
    const item = site.store.allItems('SEND Actions').find((candidate) => candidate.values.Title === '3.1.1');
    expect(item?.values.ResponsibleOfficerId).toBe(site.store.findUser(DALE.email)?.id);
    expect(item?.values.ResponsibleOfficerText).toBeFalsy();
    const revision = page.getByText('Responsible officer changed from ND Workstream to confirm to Dale Coleman by Kathryn Morgan');
    await revision.waitFor();

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Action 3.1.1', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: /Search/ }).fill('3.1.1');
    await expect(page.getByRole('row', { name: /Open action 3\.1\.1 / }).textContent()).resolves.toContain('Dale Coleman');

    const dale = await site.openAs(DALE.email);
    await dale.getByRole('tab', { name: 'My actions' }).click();
    await dale.getByRole('button', { name: 'Update 3.1.1' }).waitFor();
  });

  it('fits a 320 px wide screen with every owner control inside the panel', async () => {
    const page = await site.openAs(ND_LEAD.email, 'light', { width: 320, height: 800 });
    await openAction(page, '3.1.2');
    await page.getByRole('button', { name: 'Edit 3.1.2' }).click();
    const officer = page.getByRole('group', { name: 'Responsible officer' });
    await officer.getByRole('radio', { name: 'A person' }).check();
    await officer.getByRole('combobox', { name: 'Find a person by name or e-mail' }).waitFor();
    const overflow = await page.locator('form').evaluate((form) => form.scrollWidth - form.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await violations(page)).toEqual([]);
  });

  it('the plan officer gives a role a new holder in the roles glossary; the role’s actions reach them in My actions', async () => {
    const page = await site.openAs(SITE_OWNER.email);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Roles', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Roles glossary' });
    const commissioners = panel.getByRole('row', { name: /^Commissioners/ });
    await expect(commissioners.textContent()).resolves.toContain('Millar Bownass');
    expect(await violations(page)).toEqual([]);

    await panel.getByRole('button', { name: 'Edit Commissioners' }).click();
    await expect(panel.getByRole('textbox', { name: /^Role title/ }).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    const holder = panel.getByRole('combobox', { name: 'Holder: find a person by name or e-mail' });
    await holder.fill('');
    await holder.pressSequentially('fran');
    await page.getByRole('listbox', { name: 'Holder: find a person by name or e-mail' }).getByRole('option', { name: /Fran Davis/ }).waitFor();
    // With the people found open, the glossary is axe-clean too.
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(holder.inputValue()).resolves.toMatch(/^Fran Davis \(/);
    await panel.getByRole('button', { name: 'Save role' }).click();
    await panel.getByText('Commissioners saved.').waitFor();
    await expect(commissioners.textContent()).resolves.toContain('Fran Davis');
    await expect(commissioners.textContent()).resolves.toContain('29 February 2024');
    expect(await violations(page)).toEqual([]);

    // Saved as the Person column's site user id, with the day it changed hands and was confirmed.
    const item = site.store.allItems('SEND Roles').find((candidate) => candidate.values.Title === 'Commissioners');
    expect(item?.values.HolderId).toBe(site.store.findUser(FRAN.email)?.id);

    const fran = await site.openAs(FRAN.email);
    await fran.getByRole('tab', { name: 'My actions' }).click();
    await fran.getByRole('button', { name: 'Update 3.3.1' }).waitFor();
  });
});
