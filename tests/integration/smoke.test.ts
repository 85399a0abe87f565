/**
 * The smoke test a council runs on its own site, run here against the emulator through the
 * same code (only the sign-in differs), so it cannot rot: every step passes, and the only
 * step skipped is the paged load past 5,000 items (--large is left out to keep this quick).
 */
import { main } from '../../tools/smoke/main';

describe('npm run smoke -- --emulator', () => {
  it('passes every step, prints the table and removes what it made', async () => {
    const printed: string[] = [];

    const report = await main(['--emulator'], (line) => printed.push(line));

    const failed = report.rows.filter((row) => row.result === 'fail').map((row) => `${row.step}: ${row.note}`);
    expect(failed).toEqual([]);
    expect(report.exitCode).toBe(0);
    const skipped = report.rows.filter((row) => row.result === 'skipped').map((row) => row.step);
    expect(skipped).toEqual(['A paged load past 5,000 items']);
    expect(report.rows.map((row) => row.step)).toEqual(
      expect.arrayContaining([
        "Read the site's time zone",
        'Import 120 actions in batches',
        'Load the plan',
        "One $batch of 100 requests (SharePoint's limit)",
        'Save an update with its ETag',
        'A stale ETag is refused (someone else saved first)',
        'Date-only values around midnight read back as the day written',
        'A reader can read but not write',
        'Remove what it made (items only; lists stay)'
      ])
    );
    const table = printed.join('\n');
    expect(table).toContain('POST $batch of 100 [GET web/lists/getByTitle(\'…\')/items(n) ×100]');
    expect(table).toMatch(/412 +MERGE web\/lists\/getByTitle\('…'\)\/items\(n\) \+If-Match/);
    expect(table).toMatch(/\d+ passed, 0 failed, 1 skipped$/);
  });

  it('answers a bad argument with the usage and exit code 2, without running anything', async () => {
    const printed: string[] = [];

    const report = await main(['--site', 'not a url', '--client-id', 'x', '--device-code'], (line) => printed.push(line));

    expect(report).toEqual({ rows: [], exitCode: 2 });
    expect(printed.join('\n')).toContain("--site must be the site's full address");
  });
});
