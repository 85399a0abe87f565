/**
 * The smoke test's time zone steps on the emulator: the site's zone is read (no longer
 * skipped) and dates around midnight read back as written on a site west of UTC.
 */
import { main } from '../../tools/smoke/main';

describe('npm run smoke -- --emulator --time-zone', () => {
  it('reads Pacific time and keeps every date around midnight on a site west of UTC', async () => {
    const printed: string[] = [];

    const report = await main(['--emulator', '--time-zone', 'America/Los_Angeles'], (line) => printed.push(line));

    expect(report.exitCode).toBe(0);
    const row = (step: string): { result: string; note: string } | undefined => report.rows.find((candidate) => candidate.step === step);
    expect(row("Read the site's time zone")).toMatchObject({ result: 'pass', note: 'time zone 13, "(UTC-08:00) Pacific Time (US and Canada)" (bias 480 minutes)' });
    expect(row('Date-only values around midnight read back as the day written')).toMatchObject({ result: 'pass' });
    expect(row('Date-only values around midnight read back as the day written')?.note).toContain('2025-03-30 stored as 2025-03-30T07:00:00Z');
  });

  it('reads London on a default emulated site', async () => {
    const report = await main(['--emulator'], () => undefined);
    expect(report.rows.find((candidate) => candidate.step === "Read the site's time zone")).toMatchObject({ result: 'pass', note: 'time zone 2, "(UTC) Dublin, Edinburgh, Lisbon, London" (bias 0 minutes)' });
  });

  it('refuses a zone the emulator has no SharePoint time zone for, and --time-zone on a tenant', async () => {
    const printed: string[] = [];
    expect((await main(['--emulator', '--time-zone', 'Mars/Olympus_Mons'], (line) => printed.push(line))).exitCode).toBe(2);
    expect(printed.join('\n')).toContain('no SharePoint time zone for "Mars/Olympus_Mons"');
    expect((await main(['--site', 'https://contoso.sharepoint.com/sites/send', '--time-zone', 'UTC'], () => undefined)).exitCode).toBe(2);
  });
});
