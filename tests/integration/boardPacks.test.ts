import { EXECUTIVE, ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { writeBoardPackFile } from '../../src/formats/boardPackFile';
import { IBoardPack, freezePack, reportAsAt } from '../../src/model/boardPack';
import { PlanDataError } from '../../src/services/errors';
import { LIBRARY_TITLES } from '../../src/services/libraryDefinitions';
import { SharePointBoardPackService, packFileName } from '../../src/services/SharePointBoardPackService';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { USER_HEADER } from '../../emulator/signIn';
import { ITestSite, startTestSite } from '../support/emulator';
import '@pnp/sp/files';
import '@pnp/sp/folders';

const BOARD = '2023-09-30';

describe('SharePointBoardPackService against the emulator', () => {
  let site: ITestSite;
  let pack: IBoardPack;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
    const snapshot = await new SharePointPlanDataService(site.as(SITE_OWNER.email)).loadPlan(site.planId);
    pack = freezePack(reportAsAt(snapshot, BOARD), [], '2023-10-02T09:30:00.000Z', 'Sam Owner');
    site.emulator.requests.length = 0;
  });
  afterEach(() => site.stop());

  const service = (email: string): SharePointBoardPackService => new SharePointBoardPackService(site.as(email));
  const file = (body = '<article><h2>Board pack</h2></article>'): string => writeBoardPackFile(pack, 'Pack', body, 'h2{color:#000}');

  it('stores a pack as one file added without Overwrite, lists it, and reads back exactly what was frozen', async () => {
    const entry = await service(SITE_OWNER.email).savePack(pack, file());

    expect(entry).toEqual({ boardDate: BOARD, frozenAt: expect.any(String), url: `/sites/send/${LIBRARY_TITLES.boardPacks}/${packFileName(site.planId, BOARD)}`, changedAfterFreezing: false });
    const writes = site.emulator.requests.filter((request) => request.method === 'POST' && !request.path.endsWith('/contextinfo'));
    // The board listed on the plan item (with its ETag), then the file added without Overwrite.
    expect(writes.map((request) => `${request.httpMethod ?? 'POST'} ${request.path}`)).toEqual([
      `MERGE /sites/send/_api/web/lists/getByTitle('SEND Plans')/items(${site.planId})`,
      `POST /sites/send/_api/web/lists/getByTitle('${LIBRARY_TITLES.boardPacks}')/rootFolder/files/AddUsingPath(decodedurl='plan-${site.planId}-board-${BOARD}.html')`
    ]);
    expect(writes[0].ifMatch).toMatch(/^"\d+"$/);

    expect(await service(ND_LEAD.email).listPacks(site.planId)).toEqual([entry]);
    // The plan lists the board as frozen, so pages read its pack and no other.
    expect((await new SharePointPlanDataService(site.as(EXECUTIVE.email)).readPlan(site.planId)).frozenBoards).toEqual([BOARD]);
    expect(await service(EXECUTIVE.email).listPacks(site.planId + 1)).toEqual([]);
    expect(await service(EXECUTIVE.email).readPack(site.planId, BOARD)).toEqual(pack);
    expect(await service(EXECUTIVE.email).readPack(site.planId, '2023-12-31')).toBeUndefined();
  });

  it('serves the stored copy to a reader as a download: the rendered report with its data', async () => {
    const entry = await service(SITE_OWNER.email).savePack(pack, file('<article><h2>Board pack as seen</h2></article>'));
    const response = await fetch(new URL(entry.url, site.siteUrl), { headers: { [USER_HEADER]: EXECUTIVE.email } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${packFileName(site.planId, BOARD)}"`);
    const text = await response.text();
    expect(text).toContain('<h2>Board pack as seen</h2>');
    expect(text).toContain('id="send-board-pack"');
    expect((await fetch(new URL(entry.url, site.siteUrl))).status).toBe(401);
  });

  it('refuses a second pack for the same board, keeping the first as it was', async () => {
    await service(SITE_OWNER.email).savePack(pack, file('<p>first</p>'));
    const second = { ...pack, frozenBy: 'Someone Else' };

    const refused = await service(SITE_OWNER.email).savePack(second, writeBoardPackFile(second, 'Pack', '<p>second</p>', '')).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(PlanDataError);
    expect((refused as PlanDataError).kind).toBe('alreadyExists');
    expect((await service(SITE_OWNER.email).readPack(site.planId, BOARD))?.frozenBy).toBe('Sam Owner');
  });

  it('flags a stored copy saved over by hand, and says a file that is not a pack cannot be read', async () => {
    await service(SITE_OWNER.email).savePack(pack, file());
    site.store.now = () => new Date(Date.now() + 10 * 60 * 1000);
    await site.as(SITE_OWNER.email).web.lists.getByTitle(LIBRARY_TITLES.boardPacks).rootFolder.files.getByUrl(packFileName(site.planId, BOARD)).setContent('<html>edited by hand</html>');

    const [entry] = await service(EXECUTIVE.email).listPacks(site.planId);
    expect(entry.changedAfterFreezing).toBe(true);
    const unreadable = await service(EXECUTIVE.email).readPack(site.planId, BOARD).catch((error: unknown) => error);
    expect(unreadable).toMatchObject({ kind: 'unreadable' });
  });

  it('lists both boards on the plan when two packs are frozen at the same moment (the second save retried after its 412)', async () => {
    const december = freezePack({ ...pack, asAt: '2023-12-31' }, [], pack.frozenAt, 'Sam Owner');
    await Promise.all([service(SITE_OWNER.email).savePack(pack, file()), service(SITE_OWNER.email).savePack(december, writeBoardPackFile(december, 'Pack', '<p>December</p>', ''))]);

    expect((await new SharePointPlanDataService(site.as(EXECUTIVE.email)).readPlan(site.planId)).frozenBoards).toEqual([BOARD, '2023-12-31']);
    expect(site.emulator.requests.some((request) => request.httpMethod === 'MERGE' && request.status === 412)).toBe(true);
  });

  it('lets no reader freeze a pack', async () => {
    const refused = await service(EXECUTIVE.email).savePack(pack, file()).catch((error: unknown) => error);

    expect(refused).toMatchObject({ kind: 'forbidden' });
    expect(await service(EXECUTIVE.email).listPacks(site.planId)).toEqual([]);
  });
});
