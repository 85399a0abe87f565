/**
 * Does the product stay fast as a plan grows? Plans of 200, 2,000 and 10,000 actions
 * (ten log entries each: nine month-headed statuses and a progress note) and 200 KPIs
 * of 36 measurements are written into a fresh emulator per size, the lists through
 * the product's provisioning and the actions through its import. Then, in Debian's
 * Chromium, each view is opened on the local page and timed to its first meaningful
 * render (the view's main table or heading), counting SharePoint requests and bytes;
 * a save is timed and its requests counted. The same loads are made the naive way
 * (the actions a page of 100 at a time, then each action's log for its status history)
 * in the same run, for the ratio.
 *
 *   npm run bench                 (BENCH_SIZES=200,2000 for a quicker run)
 *
 * Each view is also opened over an emulated council VPN and phone link (bench/network.ts),
 * a first visit and a repeat visit, beside the same page showing an empty plan on the same
 * link in the same run (the fixed cost: page script, sign-in, one load).
 *
 * Figures are from one noisy, shared machine: read them as ratios within a run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { emulatorSp } from '../tools/signIn/emulator';
import { addItems, monthEndAfter } from '../emulator/sample/seed';
import { ND_LEAD, SITE_OWNER } from '../emulator/sample/users';
import { formatCsv } from '../src/formats/csvWrite';
import { IsoDate } from '../src/model/isoDate';
import { PlanViewKey } from '../src/components/navigation';
import { writeLatestMeasurements, writeMilestones, writeSharePointDate } from '../src/services/mappers';
import { ACTION_FIELDS, KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, PLAN_FIELDS, ROLE_FIELDS, UPDATE_FIELDS } from '../src/services/schema';
import { SharePointPlanDataService } from '../src/services/SharePointPlanDataService';
import { SharePointPlanImportService } from '../src/services/SharePointPlanImportService';
import { SharePointProvisioningService } from '../src/services/SharePointProvisioningService';
import { ILocalEmulator, launchChromium, signedInPage, startLocalEmulator } from '../tests/support/browser';
import { dryRunCsv } from '../tests/support/sheets';
import { INetworkProfile, IProfileFigures, NETWORK_PROFILES, measureOnLink } from './network';

const SIZES = (process.env.BENCH_SIZES ?? '200,2000,10000').split(',').map(Number);
const AS_AT: IsoDate = '2024-02-29';
const MONTHS = ['Apr-23', 'May-23', 'Jun-23', 'Jul-23', 'Aug-23', 'Sep-23', 'Oct-23', 'Nov-23', 'Dec-23'];
const STATUSES = ['Green', 'Amber', 'Red', 'Green', 'Complete'];
const OFFICER_ROLES = 50;
const KPIS = 200;
const MEASUREMENTS = 36;
const PLAN_START: IsoDate = '2021-03-01';

/** What each view shows once it has rendered what it is for. */
const VIEW_MARKERS: Readonly<Record<PlanViewKey, (page: Page) => Locator>> = {
  summary: (page) => page.getByRole('table', { name: /^Actions in each priority area/ }),
  workstreams: (page) => page.getByRole('grid', { name: 'Actions by priority area and outcome' }),
  kpis: (page) => page.getByRole('table', { name: /^KPIs by computed status/ }),
  myActions: (page) => page.getByRole('button', { name: /^Update / }).first()
};

/** The plan as a spreadsheet: `count` actions over 9 priorities, each with 9 monthly statuses and a progress note. */
function planSheet(count: number): string {
  const rows = [['Ref', 'Action', 'Responsible Officer', 'By When', 'RAG', ...MONTHS, 'Progress Update', 'Priority', 'Outcome', 'Delivery Partners', 'Resources', 'Desired Impact', 'How will we know']];
  for (let index = 1; index <= count; index++) {
    const priority = 1 + (index % 9);
    const outcome = 1 + (Math.floor(index / 9) % 7);
    const statuses = MONTHS.map((_, month) => STATUSES[(index + month) % STATUSES.length]);
    rows.push([
      `${priority}.${outcome}.${index}`,
      `Action ${index}: deliver the next step of the priority's plan, with partners, and report to the board`,
      `Officer ${1 + (index % OFFICER_ROLES)}`,
      ['Sept 2024', 'March 2024', 'Dec 2023', 'TBC'][index % 4],
      statuses[statuses.length - 1],
      ...statuses,
      `Jan 2024: Progress on action ${index} reviewed by the workstream; next steps agreed.`,
      `${priority}: Priority area ${priority}`,
      `Outcome ${outcome} of priority ${priority}`,
      // Long texts as the real plans write them: no view lists them, an opened action shows them.
      'Health visitors; Early years settings; Parent carer forum',
      'Within existing workstream capacity; project officer time funded by the DBV programme',
      `Children and young people with SEND and their families tell us that action ${index} has made a difference: needs are identified early, support is in place without waiting for a diagnosis, and families know where to turn.`,
      `Quarterly audit of a sample of cases against the agreed standard; parent carer forum survey results; waiting times reported to the board each month, compared with the baseline.`
    ]);
  }
  return formatCsv(rows);
}

/** The `kpi`th KPI's measurements: one a month, `MEASUREMENTS` of them from `fromMonth` months after the plan's start. */
function series(kpi: number, fromMonth = 0): Array<{ periodEnd: IsoDate; value: number }> {
  return Array.from({ length: MEASUREMENTS }, (_, index) => ({ periodEnd: monthEndAfter(PLAN_START, fromMonth + index), value: 50 + index + (kpi % 7) }));
}

/** Writes each KPI's measurements into the list, as an import does. */
async function addMeasurements(sp: ReturnType<typeof emulatorSp>, planId: number, kpiIds: number[], fromMonth: number): Promise<void> {
  await addItems(
    sp,
    LIST_TITLES.kpiMeasurements,
    kpiIds.flatMap((kpiId, kpi) =>
      series(kpi, fromMonth).map(({ periodEnd, value }) => ({
        Title: periodEnd,
        [`${MEASUREMENT_FIELDS.plan}Id`]: planId,
        [`${MEASUREMENT_FIELDS.kpi}Id`]: kpiId,
        [MEASUREMENT_FIELDS.kpiItemId]: kpiId,
        [MEASUREMENT_FIELDS.periodEnd]: writeSharePointDate(periodEnd),
        [MEASUREMENT_FIELDS.value]: value
      }))
    )
  );
}

interface ISite extends ILocalEmulator {
  planId: number;
  kpiIds: number[];
  generatedMs: number;
}

/** A fresh emulator holding a plan of `size` actions and the 200 KPIs; at size 0, an empty plan and nothing else. */
async function generate(size: number): Promise<ISite> {
  const local = await startLocalEmulator(AS_AT);
  const { emulator } = local;
  const started = performance.now();
  const sp = emulatorSp(emulator.siteUrl, SITE_OWNER.email);
  await new SharePointProvisioningService(sp).ensureLists();
  const [planId] = await addItems(sp, LIST_TITLES.plans, [
    {
      Title: `Bench plan of ${size} actions`,
      [PLAN_FIELDS.localArea]: 'Benchshire',
      [PLAN_FIELDS.planType]: 'APP',
      [PLAN_FIELDS.startDate]: writeSharePointDate(PLAN_START),
      [PLAN_FIELDS.statusScheme]: 'ragc',
      [PLAN_FIELDS.reportingDates]: ['2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31'].join('\n'),
      [PLAN_FIELDS.kpiTolerance]: 0.1
    }
  ]);
  if (size === 0) return { ...local, planId, kpiIds: [], generatedMs: performance.now() - started };
  const lead = (await sp.web.siteUsers.select('Id', 'Email')()).find((user) => user.Email === ND_LEAD.email) as { Id: number };
  // Officers are roles in the glossary; the ND lead holds one, so My actions lists a fiftieth of the plan.
  await addItems(
    sp,
    LIST_TITLES.roles,
    Array.from({ length: OFFICER_ROLES }, (_, index) => ({ Title: `Officer ${index + 1}`, [`${ROLE_FIELDS.plan}Id`]: planId, [`${ROLE_FIELDS.holder}Id`]: index === 0 ? lead.Id : null }))
  );

  const data = new SharePointPlanDataService(sp);
  const plan = dryRunCsv(planSheet(size), await data.loadPlan(planId));
  if (plan.rejectedRows.length > 0) throw new Error(`the generated sheet has rejected rows: ${JSON.stringify(plan.problems.slice(0, 3))}`);
  await new SharePointPlanImportService(sp).importPlan(planId, plan, { date: AS_AT, by: 'Bench' });

  const priorities = await data.listPriorities(planId);
  const kpiIds = await addItems(
    sp,
    LIST_TITLES.kpis,
    Array.from({ length: KPIS }, (_, index) => {
      const priority = priorities[index % priorities.length];
      return {
        Title: `KPI ${index + 1}: share of EHC plans finalised within 20 weeks in area ${index + 1}`,
        [`${KPI_FIELDS.plan}Id`]: planId,
        [`${KPI_FIELDS.priority}Id`]: priority.id,
        [KPI_FIELDS.ref]: `${priority.number}.K${index + 1}`,
        [KPI_FIELDS.unit]: '%',
        [KPI_FIELDS.direction]: 'higher',
        [KPI_FIELDS.baselineValue]: 50,
        [KPI_FIELDS.baselineDate]: writeSharePointDate(PLAN_START),
        [KPI_FIELDS.baselineText]: '50%',
        [KPI_FIELDS.milestones]: writeMilestones([12, 24, 36].map((months, step) => ({ label: `${months} Month`, due: { monthsFromStart: months }, text: `${70 + step * 10}%`, target: 70 + step * 10 }))),
        [KPI_FIELDS.actionRefs]: '',
        // As the product keeps them: the latest two on the KPI item.
        [KPI_FIELDS.latestMeasurements]: writeLatestMeasurements(series(index))
      };
    })
  );
  await addMeasurements(sp, planId, kpiIds, 0);
  return { ...local, planId, kpiIds, generatedMs: performance.now() - started };
}

interface IPageFigures {
  ms: number;
  apiRequests: number;
  /** What was asked of SharePoint, in order (the list a $batch or page read). */
  asked: string[];
  apiBytes: number;
  allBytes: number;
}

/** Opens the local page on a view as the ND lead and measures it; the faster of two loads. */
async function measureView(browser: Browser, site: ISite, view: PlanViewKey): Promise<IPageFigures> {
  let best: IPageFigures | undefined;
  for (let run = 0; run < 2; run++) {
    const page = await signedInPage(browser, site.emulator, ND_LEAD.email);
    const figures: IPageFigures = { ms: 0, apiRequests: 0, asked: [], apiBytes: 0, allBytes: 0 };
    page.on('requestfinished', (request) => {
      request.sizes().then(
        (sizes) => {
          const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
          figures.allBytes += bytes;
          if (request.url().includes('/_api/')) {
            figures.apiRequests += 1;
            const url = new URL(request.url());
            figures.asked.push(`${request.method()} ${decodeURIComponent(url.pathname).replace(/.*\/_api\//, '').replace(/web\/lists\/getByTitle\('([^']+)'\)/, '$1')}${url.searchParams.has('$skiptoken') ? ' (next page)' : ''}`);
            figures.apiBytes += bytes;
          }
        },
        () => undefined
      );
    });
    const started = performance.now();
    await page.goto(`${site.emulator.url}/?view=${view}`);
    await VIEW_MARKERS[view](page).waitFor({ timeout: 300_000 });
    figures.ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    await page.context().close();
    if (!best || figures.ms < best.ms) best = figures;
  }
  return best as IPageFigures;
}

interface ISaveFigures {
  ms: number;
  apiRequests: number;
  writes: string[];
  keysMatch: boolean;
}

/** Posts two updates from My actions; the second (the form digest already fetched, as SPFx has it from the page) is measured. */
async function measureSave(browser: Browser, site: ISite): Promise<ISaveFigures> {
  const page = await signedInPage(browser, site.emulator, ND_LEAD.email);
  await page.goto(`${site.emulator.url}/?view=myActions`);
  const figures: ISaveFigures = { ms: 0, apiRequests: 0, writes: [], keysMatch: false };
  for (const attempt of [1, 2]) {
    const update = page.getByRole('button', { name: /^Update / }).nth(attempt);
    const ref = ((await update.textContent()) ?? '').replace(/^Update /, '').trim();
    await update.click();
    await page.getByRole('textbox', { name: /Progress note/ }).fill(`Bench save ${attempt}`);
    site.emulator.requests.length = 0;
    let requests = 0;
    const count = (request: { url(): string }): void => {
      if (request.url().includes('/_api/')) requests += 1;
    };
    page.on('request', count);
    const started = performance.now();
    await page.getByRole('button', { name: 'Save update' }).click();
    await page.getByText(`Update saved for action ${ref}.`).waitFor({ timeout: 120_000 });
    figures.ms = performance.now() - started;
    page.off('request', count);
    figures.apiRequests = requests;
    figures.writes = site.emulator.requests.filter((request) => request.method !== 'GET').map((request) => `${request.httpMethod ?? request.method} ${request.path.replace(/.*getByTitle\('([^']+)'\)/, '$1').replace(/\(\d+\)/, '(id)')} ${request.status}`);
    const action = site.store.allItems(LIST_TITLES.actions).find((item) => item.values.Title === ref);
    const logged = site.store.allItems(LIST_TITLES.updates).filter((item) => item.values[UPDATE_FIELDS.note] === `Bench save ${attempt}`);
    figures.keysMatch = logged.length === 1 && action !== undefined && logged[0].values[UPDATE_FIELDS.key] === action.values[ACTION_FIELDS.latestUpdateKey];
  }
  await page.context().close();
  return figures;
}

interface ILoadFigures {
  ms: number;
  requests: number;
}

/** The product's load in Node, through the same service: time and HTTP requests. */
async function productLoad(site: ISite): Promise<ILoadFigures> {
  const data = new SharePointPlanDataService(emulatorSp(site.emulator.siteUrl, ND_LEAD.email));
  await data.currentUser(); // the connection, not the load
  site.emulator.requests.length = 0;
  const started = performance.now();
  await data.loadPlan(site.planId);
  return { ms: performance.now() - started, requests: site.emulator.requests.filter((request) => !request.inBatch).length };
}

/**
 * The naive load: the actions a page of 100 at a time (PnPjs's default page, following
 * odata.nextLink), then each action's log, one request each (by the indexed action id:
 * on lists past 5,000 items SharePoint refuses a lookup filter, so a naive load cannot
 * ask per priority). Every request is counted; the per-action requests are timed on the
 * first 200 and the rest estimated at that rate (the emulator would take hours otherwise).
 */
async function naiveLoad(site: ISite): Promise<ILoadFigures & { estimated: boolean }> {
  const sp = emulatorSp(site.emulator.siteUrl, ND_LEAD.email);
  const list = (title: string): ReturnType<typeof sp.web.lists.getByTitle> => sp.web.lists.getByTitle(title);
  await sp.web.currentUser();
  const started = performance.now();
  let actionIds: number[] = [];
  let pages = 0;
  for await (const page of list(LIST_TITLES.actions).items.select('Id', 'Title', ACTION_FIELDS.status, `${ACTION_FIELDS.plan}Id`)) {
    pages += 1;
    actionIds = actionIds.concat((page as Array<{ Id: number; PlanId: number }>).filter((action) => action.PlanId === site.planId).map((action) => action.Id));
  }
  const paged = performance.now() - started;
  const timed = actionIds.slice(0, 200);
  const logStarted = performance.now();
  for (const id of timed) await list(LIST_TITLES.updates).items.filter(`${UPDATE_FIELDS.actionItemId} eq ${id}`)();
  const perAction = (performance.now() - logStarted) / timed.length;
  return { ms: paged + perAction * actionIds.length, requests: pages + actionIds.length, estimated: timed.length < actionIds.length };
}

type LinkFigures = Record<string, Record<string, IProfileFigures>>;

/** Every view over every emulated link, first and repeat visit. An empty plan has no "Update" button: its My actions is timed to the tab's heading. */
async function measureLinks(browser: Browser, site: ISite, empty: boolean): Promise<LinkFigures> {
  const figures: LinkFigures = {};
  for (const profile of NETWORK_PROFILES) {
    figures[profile.name] = {};
    for (const view of ['summary', 'workstreams', 'kpis', 'myActions'] as PlanViewKey[]) {
      const marker = empty ? EMPTY_MARKERS[view] : VIEW_MARKERS[view];
      figures[profile.name][view] = await measureOnLink(browser, site.emulator, ND_LEAD.email, view, marker, profile);
    }
  }
  return figures;
}

/** What each view shows of an empty plan once loaded. */
const EMPTY_MARKERS: Readonly<Record<PlanViewKey, (page: Page) => Locator>> = {
  summary: (page) => page.getByText('This plan has no priority areas yet.'),
  workstreams: (page) => page.getByRole('tab', { name: 'Workstreams', selected: true }),
  kpis: (page) => page.getByText('This plan has no KPIs yet.'),
  myActions: (page) => page.getByRole('tab', { name: 'My actions', selected: true })
};

const pad = (value: string | number, width: number): string => String(value).padStart(width);

/** What the run printed, kept for bench/results.md: the README points there rather than copying figures that go stale. */
const printed: string[] = [];
function say(line: string): void {
  console.log(line);
  printed.push(line);
}

function writeResults(): void {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const header = `# Bench results\n\nWritten by \`npm run bench\` (plans of ${SIZES.join(', ')} actions) on ${new Date().toISOString().slice(0, 10)} at commit ${commit}, on a shared machine: read the figures as ratios within the run.\n\n`;
  writeFileSync(join(__dirname, 'results.md'), `${header}\`\`\`text\n${printed.join('\n').trim()}\n\`\`\`\n`);
}
const kb = (bytes: number): string => (bytes / 1024).toFixed(0);

async function main(): Promise<void> {
  const browser = await launchChromium();
  const results: Array<{ size: number; views: Record<string, IPageFigures>; links: LinkFigures; save: ISaveFigures; product: ILoadFigures; naive: ILoadFigures & { estimated: boolean }; moreMeasurements?: { before: number; after: number }; generatedMs: number }> = [];
  let fixed: LinkFigures;
  try {
    const emptySite = await generate(0);
    try {
      fixed = await measureLinks(browser, emptySite, true);
    } finally {
      await emptySite.stop();
    }
    for (const size of SIZES) {
      const site = await generate(size);
      console.log(`Generated ${size} actions (${size * 10} log entries), ${KPIS} KPIs (${KPIS * MEASUREMENTS} measurements) in ${(site.generatedMs / 1000).toFixed(1)} s`);
      try {
        const views: Record<string, IPageFigures> = {};
        for (const view of ['summary', 'workstreams', 'kpis', 'myActions'] as PlanViewKey[]) views[view] = await measureView(browser, site, view);
        const links = await measureLinks(browser, site, false);
        const save = await measureSave(browser, site);
        const product = await productLoad(site);
        const naive = await naiveLoad(site);
        // Twice the measurements on the smallest plan: the views' bytes should not move.
        let moreMeasurements: { before: number; after: number } | undefined;
        if (size === SIZES[0]) {
          await addMeasurements(emulatorSp(site.emulator.siteUrl, SITE_OWNER.email), site.planId, site.kpiIds, MEASUREMENTS);
          moreMeasurements = { before: views.summary.apiBytes, after: (await measureView(browser, site, 'summary')).apiBytes };
        }
        results.push({ size, views, links, save, product, naive, moreMeasurements, generatedMs: site.generatedMs });
      } finally {
        await site.stop();
      }
    }
  } finally {
    await browser.close();
  }

  say('\nViews in Chromium (first meaningful render from navigation, best of 2; SharePoint requests; bytes)');
  say(`${pad('actions', 8)} ${pad('view', 12)} ${pad('render ms', 10)} ${pad('SP requests', 12)} ${pad('SP KB', 8)} ${pad('all KB', 8)}`);
  for (const result of results) {
    for (const [view, figures] of Object.entries(result.views)) {
      say(`${pad(result.size, 8)} ${pad(view, 12)} ${pad(figures.ms.toFixed(0), 10)} ${pad(figures.apiRequests, 12)} ${pad(kb(figures.apiBytes), 8)} ${pad(kb(figures.allBytes), 8)}`);
    }
  }
  for (const result of results) say(`SharePoint requests for the summary at ${result.size} actions: ${result.views.summary.asked.join('; ')}`);

  const profileText = (profile: INetworkProfile): string => `${profile.name} (${profile.roundTripMs} ms round trip, ${profile.downBitsPerSecond / 1e6} Mbit/s down, ${profile.upBitsPerSecond / 1e6} up)`;
  say('\nViews over an emulated link: first visit (empty cache) and repeat visit (same browser); render ms, KB moved; "cache" where the repeat rendered before any SharePoint response');
  say(`${pad('actions', 8)} ${pad('link', 6)} ${pad('view', 12)} ${pad('first ms', 9)} ${pad('first KB', 9)} ${pad('repeat ms', 10)} ${pad('repeat KB', 10)}`);
  const rows: Array<[string, LinkFigures]> = [['empty', fixed], ...results.map((result): [string, LinkFigures] => [String(result.size), result.links])];
  for (const [label, links] of rows) {
    for (const profile of NETWORK_PROFILES) {
      for (const [view, figures] of Object.entries(links[profile.name])) {
        const { first, repeat } = figures;
        say(`${pad(label, 8)} ${pad(profile.name, 6)} ${pad(view, 12)} ${pad(first.ms.toFixed(0), 9)} ${pad(kb(first.bytes), 9)} ${pad(repeat.ms.toFixed(0), 10)} ${pad(kb(repeat.bytes), 10)}${repeat.renderedBeforeNetwork ? ' cache' : ''}`);
      }
    }
  }
  say(`Links: ${NETWORK_PROFILES.map(profileText).join('; ')}.`);
  say('\nA save from My actions (the second on the page)');
  for (const result of results) {
    say(`${pad(result.size, 8)} actions: ${result.save.ms.toFixed(0)} ms, ${result.save.apiRequests} requests: ${result.save.writes.join(', ')}; log entry carries the action's key: ${result.save.keysMatch ? 'yes' : 'NO'}`);
  }
  say('\nThe whole plan loaded in Node: the product (at most two $batch requests, the status history on each action) against the naive way (pages of 100 actions, then one request per action for its log)');
  for (const result of results) {
    const { product, naive } = result;
    say(
      `${pad(result.size, 8)} actions: product ${product.ms.toFixed(0)} ms in ${product.requests} requests; naive ${naive.ms.toFixed(0)} ms${naive.estimated ? ' (estimated)' : ''} in ${naive.requests} requests; naive/product ${(naive.ms / product.ms).toFixed(1)}x time, ${(naive.requests / product.requests).toFixed(0)}x requests`
    );
  }

  const first = results[0];
  const last = results[results.length - 1];
  const most = Math.max(...results.flatMap((result) => Object.values(result.views).map((figures) => figures.apiRequests)));
  const grows = results.some((result) => Object.entries(result.views).some(([view, figures]) => figures.apiRequests > first.views[view].apiRequests));
  const summaryRatio = last.views.summary.ms / first.views.summary.ms;
  const saveRequests = Math.max(...results.map((result) => result.save.apiRequests));
  say('\nTargets');
  say(`  requests per view 2 or fewer, not growing with size: most ${most}, ${grows ? 'grows' : 'does not grow'} -> ${most <= 2 && !grows ? 'met' : 'NOT met'}`);
  say(`  a save in at most 2 round trips, never a log entry without its action: ${saveRequests} requests, keys ${results.every((result) => result.save.keysMatch) ? 'match' : 'DO NOT match'} -> ${saveRequests <= 2 && results.every((result) => result.save.keysMatch) ? 'met' : 'NOT met'}`);
  say(`  summary at ${last.size} actions within 2x of ${first.size}: ${summaryRatio.toFixed(1)}x -> ${summaryRatio <= 2 ? 'met' : 'NOT met'}`);

  // The targets of working where people are: on the VPN link, against the empty plan's page on the same link.
  const vpnSummary = (links: LinkFigures): IProfileFigures => links.vpn.summary;
  const fixedMs = vpnSummary(fixed).first.ms;
  for (const [size, limit] of [[200, 1.5], [2000, 2]] as const) {
    const result = results.find((candidate) => candidate.size === size);
    if (!result) continue;
    const ratio = vpnSummary(result.links).first.ms / fixedMs;
    say(`  summary on the VPN, first visit, ${size} actions within ${limit}x of the empty plan's page: ${ratio.toFixed(1)}x -> ${ratio <= limit ? 'met' : 'NOT met'}`);
  }
  for (const result of results) {
    const { first, repeat } = vpnSummary(result.links);
    const share = repeat.bytes / first.bytes;
    const met = share <= 0.1 && repeat.renderedBeforeNetwork;
    say(`  repeat visit at ${result.size} actions: ${(share * 100).toFixed(0)}% of the first visit's bytes, ${repeat.renderedBeforeNetwork ? 'rendered from the cache first' : 'waited for SharePoint'} -> ${met ? 'met' : 'NOT met'}`);
  }
  const at200 = results.find((result) => result.size === 200);
  if (at200) {
    const summaryBytes = vpnSummary(at200.links).first.apiBytes;
    say(`  summary at 200 actions moves at most 1 MB from SharePoint: ${kb(summaryBytes)} KB -> ${summaryBytes <= 1024 * 1024 ? 'met' : 'NOT met'}`);
  }
  if (first.moreMeasurements) {
    const { before, after } = first.moreMeasurements;
    const still = after <= before * 1.01;
    say(`  summary's SharePoint bytes do not grow with KPI measurements (${first.size} actions, ${KPIS * MEASUREMENTS} then ${2 * KPIS * MEASUREMENTS}): ${kb(before)} KB then ${kb(after)} KB -> ${still ? 'met' : 'NOT met'}`);
  }
  if (results.length > 1) {
    // Linear at most: bytes per action do not rise from the smallest plan to the largest.
    const perAction = results.map((result) => vpnSummary(result.links).first.apiBytes / result.size);
    const linear = perAction[perAction.length - 1] <= perAction[0] * 1.1;
    say(`  summary's SharePoint bytes grow at most linearly with actions: ${perAction.map((bytes) => (bytes / 1024).toFixed(1)).join(' -> ')} KB per action -> ${linear ? 'met' : 'NOT met'}`);
  }
  writeResults();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
