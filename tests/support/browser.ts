/**
 * Shared steps of the browser tests: Debian's Chromium, and posting an update the way
 * an officer does on the My actions tab.
 */
import { Browser, Page, chromium } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
}

/** Posts a progress update from My actions and waits for the confirmation. */
export async function postUpdate(page: Page, ref: string, status: string, note: string): Promise<void> {
  await page.getByRole('tab', { name: 'My actions' }).click();
  await page.getByRole('button', { name: `Update ${ref}` }).click();
  await page.getByRole('combobox', { name: /^Status/ }).click();
  await page.getByRole('option', { name: status }).click();
  await page.getByRole('textbox', { name: /Progress note/ }).fill(note);
  await page.getByRole('button', { name: 'Save update' }).click();
  await page.getByText(`Update saved for action ${ref}.`).waitFor();
}
