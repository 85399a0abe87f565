import { EXECUTIVE, ND_LEAD } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { MAX_EVIDENCE_FILE_BYTES, UPLOAD_CHUNK_BYTES } from '../../src/model/evidence';
import { EvidenceUploadError, IEvidenceTarget } from '../../src/services/IEvidenceService';
import { EVIDENCE_FIELDS, LIBRARY_TITLES } from '../../src/services/libraryDefinitions';
import { SharePointEvidenceService } from '../../src/services/SharePointEvidenceService';
import { ITestSite, startTestSite } from '../support/emulator';

/** A real 1x1 PNG: most of its bytes are above 127, so a body read as text would not survive. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2d2a9b30000000049454e44ae426082',
  'hex'
);

describe('SharePointEvidenceService against the emulator', () => {
  let site: ITestSite;
  let target: IEvidenceTarget;
  beforeEach(async () => {
    site = await startTestSite({ seed: true });
    target = { planId: site.planId, actionId: 12, updateKey: 'lxyz-abc123' };
    site.emulator.requests.length = 0;
  });
  afterEach(() => site.stop());

  const service = (email = ND_LEAD.email): SharePointEvidenceService => new SharePointEvidenceService(site.as(email));
  const folderPath = (): string => `/sites/send/${LIBRARY_TITLES.evidence}/plan-${site.planId}`;
  const calls = (): string[] => site.emulator.requests.filter((request) => !request.path.endsWith('/contextinfo')).map((request) => `${request.httpMethod ?? request.method} ${request.path}`);
  const download = async (url: string): Promise<Buffer> => {
    const response = await fetch(url, { headers: { [USER_HEADER]: EXECUTIVE.email } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const failure = async (upload: Promise<unknown>): Promise<EvidenceUploadError> => {
    const error = await upload.then(
      () => undefined,
      (thrown: unknown) => thrown
    );
    if (!(error instanceof EvidenceUploadError)) throw new Error(`expected an EvidenceUploadError, got ${String(error)}`);
    return error;
  };

  it('makes the plan\'s folder, adds the file without Overwrite, sets its item under its ETag, and serves the bytes back unchanged', async () => {
    const [uploaded] = await service().uploadFiles(target, [new File([PNG], 'Waiting list chart.png', { type: 'image/png' })]);

    expect(uploaded).toEqual({ fileName: 'Waiting list chart.png', storedName: 'Waiting list chart.png', url: `${site.siteUrl}/${encodeURI(`${LIBRARY_TITLES.evidence}/plan-${site.planId}/Waiting list chart.png`)}` });
    const list = `/sites/send/_api/web/lists/getByTitle('${LIBRARY_TITLES.evidence}')`;
    expect(calls()).toEqual([
      `GET ${list}/rootFolder/folders('plan-${site.planId}')`,
      `POST ${list}/rootFolder/folders/addUsingPath(DecodedUrl='plan-${site.planId}',overwrite=false)`,
      'GET /sites/send/_api/web',
      `POST ${list}/rootFolder/folders('plan-${site.planId}')/files/AddUsingPath(decodedurl='Waiting list chart.png')`,
      `GET /sites/send/_api/web/getFileByServerRelativePath(decodedUrl='${folderPath()}/Waiting list chart.png')/listItemAllFields`,
      expect.stringMatching(/^MERGE \/sites\/send\/_api\/Web\/Lists\(guid'[0-9a-f-]+'\)\/Items\(\d+\)$/)
    ]);
    const merge = site.emulator.requests[site.emulator.requests.length - 1];
    expect(merge.ifMatch).toMatch(/^"1"$/);
    const item = site.store.allItems(LIBRARY_TITLES.evidence)[0];
    expect(item.version).toBe(2);
    expect(item.values).toMatchObject({ [EVIDENCE_FIELDS.planId]: site.planId, [EVIDENCE_FIELDS.actionId]: 12, [EVIDENCE_FIELDS.updateKey]: 'lxyz-abc123', [EVIDENCE_FIELDS.title]: 'Waiting list chart.png' });
    expect((await download(uploaded.url)).equals(PNG)).toBe(true);
  });

  it('keeps both files when the folder has one of the same name: the second is stored as "name (2)"', async () => {
    const first = await service().uploadFiles(target, [new File([PNG], 'chart.png')]);
    site.emulator.requests.length = 0;
    const second = await service().uploadFiles({ ...target, updateKey: 'second' }, [new File([Buffer.from('other')], 'chart.png'), new File([Buffer.from('third')], 'Chart.png')]);

    expect(second.map((file) => [file.fileName, file.storedName])).toEqual([
      ['chart.png', 'chart (2).png'],
      ['Chart.png', 'Chart (3).png']
    ]);
    // The folder is there now: read with its file names, and nothing made.
    expect(calls().slice(0, 2)).toEqual([
      `GET /sites/send/_api/web/lists/getByTitle('${LIBRARY_TITLES.evidence}')/rootFolder/folders('plan-${site.planId}')`,
      `GET /sites/send/_api/web/lists/getByTitle('${LIBRARY_TITLES.evidence}')/rootFolder/folders('plan-${site.planId}')/files`
    ]);
    expect((await download(first[0].url)).equals(PNG)).toBe(true);
    expect((await download(second[0].url)).toString()).toBe('other');
  });

  it('sends a file over 10 MB in chunks, and it reads back byte for byte', async () => {
    const bytes = Buffer.alloc(UPLOAD_CHUNK_BYTES + 300);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7) % 256;

    const [uploaded] = await service().uploadFiles(target, [new File([bytes], 'Audit report.pdf')]);

    const steps = calls().map((call) => call.replace(/uploadId=guid'[0-9a-f-]+'/, 'uploadId=guid'));
    const file = `/sites/send/_api/web/getFileByServerRelativePath(decodedUrl='${folderPath()}/Audit report.pdf')`;
    expect(steps.slice(3, 6)).toEqual([
      `POST /sites/send/_api/web/lists/getByTitle('${LIBRARY_TITLES.evidence}')/rootFolder/folders('plan-${site.planId}')/files/AddUsingPath(decodedurl='Audit report.pdf')`,
      `POST ${file}/startUpload(uploadId=guid)`,
      `POST ${file}/finishUpload(uploadId=guid,fileOffset=${UPLOAD_CHUNK_BYTES})`
    ]);
    expect((await download(uploaded.url)).equals(bytes)).toBe(true);
  });

  it('refuses a file over the product limit, an empty file and a name SharePoint refuses before sending anything', async () => {
    const oversize = await failure(service().uploadFiles(target, [new File([PNG], 'fine.png'), new File([new Uint8Array(MAX_EVIDENCE_FILE_BYTES + 1)], 'meeting.mp4')]));
    expect([oversize.fileName, oversize.reason, oversize.uploaded]).toEqual(['meeting.mp4', { kind: 'file', problem: { code: 'tooLarge', maxBytes: MAX_EVIDENCE_FILE_BYTES } }, []]);
    const empty = await failure(service().uploadFiles(target, [new File([], 'blank.docx')]));
    expect(empty.reason).toEqual({ kind: 'file', problem: { code: 'empty' } });
    const badName = await failure(service().uploadFiles(target, [new File([PNG], 'Q1: figures?.png')]));
    expect([badName.fileName, badName.reason]).toEqual(['Q1: figures?.png', { kind: 'file', problem: { code: 'badCharacters', characters: ': ?' } }]);
    expect(calls()).toEqual([]);
  });

  it('refuses a name that takes the path past 400 characters once the folder is known, before any file is sent', async () => {
    const name = `${'m'.repeat(400 - folderPath().length - 1 - 3)}.pdf`;
    const refused = await failure(service().uploadFiles(target, [new File([PNG], name)]));
    expect(refused.reason).toEqual({ kind: 'file', problem: { code: 'pathTooLong', maxCharacters: 400 } });
    expect(calls().some((call) => /\/files\/AddUsingPath/i.test(call))).toBe(false);
  });

  it('names the file SharePoint refused and keeps those stored before it: a reader may not upload', async () => {
    await service().uploadFiles(target, [new File([PNG], 'first.png')]);
    const refused = await failure(service(EXECUTIVE.email).uploadFiles(target, [new File([PNG], 'second.png')]));
    expect(refused.fileName).toBe('second.png');
    expect(refused.reason).toEqual({ kind: 'server', error: expect.objectContaining({ kind: 'forbidden', status: 403 }) });
    expect(site.store.allItems(LIBRARY_TITLES.evidence)).toHaveLength(1);
  });
});
