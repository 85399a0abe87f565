import { ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { formatCsv } from '../../src/formats/csvWrite';
import { BATCH_MAX_BYTES } from '../../src/services/importBatches';
import { LIST_TITLES } from '../../src/services/schema';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../../src/services/SharePointPlanImportService';
import { ITestSite, startTestSite } from '../support/emulator';
import { dryRunCsv } from '../support/sheets';

/** `count` new actions whose text and progress notes run to tens of thousands of characters each. */
function longSheet(count: number): string {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', 'Dec-23', 'Progress Update', 'Priority', 'Outcome']];
  for (let index = 1; index <= count; index++) {
    const note = `Jan 2024: ${`Waiting times reviewed with the provider, case by case (${index}). `.repeat(300)}`;
    rows.push([`4.1.${index}`, `Imported action ${index}: ${'deliver the agreed pathway with partners; '.repeat(700)}`, 'Speech and Language Lead', 'Sept 2024', 'Amber', 'Red', note, '4: Speech and language waits', 'Timely therapy']);
  }
  return formatCsv(rows);
}

describe("$batch within SharePoint's limits (100 requests, 1 MB of body)", () => {
  let site: ITestSite;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
  });
  afterAll(() => site.stop());

  it('refuses a batch over 1 MB as a whole: no part of it is written', async () => {
    const [batched, execute] = site.as(ND_LEAD.email).batched({ maxRequests: 100 });
    const before = site.store.itemCount(LIST_TITLES.roles);
    const parts = Array.from({ length: 11 }, (_, index) => batched.web.lists.getByTitle(LIST_TITLES.roles).items.add({ Title: `Role ${index}`, Abbreviation: 'R' }));
    parts.forEach((part) => part.catch(() => undefined));
    // A batch of 11 small parts is fine; the same with 100 KB of text each is not.
    await execute();
    expect(site.store.itemCount(LIST_TITLES.roles)).toBe(before + 11);
    const [big, executeBig] = site.as(SITE_OWNER.email).batched({ maxRequests: 100 });
    const bigParts = Array.from({ length: 11 }, (_, index) => big.web.lists.getByTitle(LIST_TITLES.priorities).items.add({ Title: `Big ${index}`, Vision: 'x'.repeat(100_000) }));
    bigParts.forEach((part) => part.catch(() => undefined));
    const refused = await executeBig().then(() => undefined, (error: unknown) => error);
    expect(refused).toMatchObject({ status: 400 });
    expect(String((refused as Error).message)).toContain('a maximum of 1048576 bytes is allowed');
    expect(site.store.allItems(LIST_TITLES.priorities).filter((item) => String(item.values.Title).startsWith('Big '))).toEqual([]);
  });

  it('imports actions and log entries whose writes come to more than 1 MB, in batches under it', async () => {
    const text = longSheet(30);
    const plan = dryRunCsv(text, await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(site.planId));
    expect(plan.rejectedRows).toEqual([]);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(BATCH_MAX_BYTES);
    site.emulator.requests.length = 0;

    const result = await new SharePointPlanImportService(site.as(SITE_OWNER.email)).importPlan(site.planId, plan, { date: '2024-02-29', by: SITE_OWNER.title });

    expect(result).toMatchObject({ createdActions: 30, addedLogEntries: 60, conflicts: [] });
    const batches = site.emulator.requests.filter((request) => !request.inBatch && request.path.endsWith('/$batch'));
    expect(batches.every((request) => request.status === 200)).toBe(true);
    // The actions alone are over 1 MB, so they went in more than one batch.
    const actionBatches = new Set<number>();
    let batchIndex = -1;
    for (const request of site.emulator.requests) {
      if (!request.inBatch) batchIndex += 1;
      else if (request.method === 'POST' && request.path.endsWith("getByTitle('SEND Actions')/items")) actionBatches.add(batchIndex);
    }
    expect(actionBatches.size).toBeGreaterThan(1);
    const imported = site.store.allItems(LIST_TITLES.actions).filter((item) => String(item.values.Title).startsWith('4.1.'));
    expect(imported).toHaveLength(30);
  });
});
