import { SITE_OWNER, EXECUTIVE } from '../../emulator/sample/users';
import { ITestSite, startTestSite } from '../support/emulator';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/folders';
import '@pnp/sp/files';

describe('the emulator’s document libraries', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: false });
    await site.as(SITE_OWNER.email).web.lists.add('Packs', '', 101, false, { EnableVersioning: true });
  });
  afterEach(() => site.stop());

  const files = (email = SITE_OWNER.email): ReturnType<ReturnType<ITestSite['as']>['web']['lists']['getByTitle']>['rootFolder']['files'] => site.as(email).web.lists.getByTitle('Packs').rootFolder.files;

  it('is a list of template 101 whose files are added, listed, read and counted', async () => {
    const added = await files().addUsingPath('a.html', '<p>café</p>');
    expect(added).toMatchObject({ Name: 'a.html', ServerRelativeUrl: '/sites/send/Packs/a.html', UIVersionLabel: '1.0', Length: '12' });
    expect(((await files().select('Name')()) as Array<{ Name: string }>).map((file) => file.Name)).toEqual(['a.html']);
    expect(await files(EXECUTIVE.email).getByUrl('a.html').getText()).toBe('<p>café</p>');
    expect(await site.as(SITE_OWNER.email).web.lists.getByTitle('Packs').select('BaseTemplate', 'ItemCount')()).toMatchObject({ BaseTemplate: 101, ItemCount: 1 });
  });

  it('refuses a file added without Overwrite where one is, as SharePoint does, and keeps the first', async () => {
    await files().addUsingPath('a.html', 'first');
    const refused = await files().addUsingPath('a.html', 'second').catch((error: { status: number; message: string }) => error);
    expect(refused).toMatchObject({ status: 400 });
    expect((refused as { message: string }).message).toContain('-2130575257, Microsoft.SharePoint.SPException');
    expect(await files().getByUrl('a.html').getText()).toBe('first');
  });

  it('keeps versions: a file saved over (with Overwrite, or its content put) is at a new major version', async () => {
    await files().addUsingPath('a.html', 'first');
    await files().addUsingPath('a.html', 'second', { Overwrite: true });
    await files().getByUrl('a.html').setContent('third');
    expect(await files().getByUrl('a.html').select('UIVersionLabel')()).toMatchObject({ UIVersionLabel: '3.0' });
    expect(await files().getByUrl('a.html').getText()).toBe('third');
  });

  it('refuses names SharePoint does not allow, a reader’s upload, and a file that is not there', async () => {
    await expect(files().addUsingPath('a:b.html', 'x')).rejects.toMatchObject({ status: 400 });
    await expect(files(EXECUTIVE.email).addUsingPath('b.html', 'x')).rejects.toMatchObject({ status: 403 });
    await expect(files().getByUrl('missing.html').getText()).rejects.toMatchObject({ status: 404 });
  });

  it('finds a list whose title holds a percent sign (the path is decoded once)', async () => {
    await site.as(SITE_OWNER.email).web.lists.add('100% checked', '', 100);
    expect(await site.as(SITE_OWNER.email).web.lists.getByTitle('100% checked').select('Title')()).toMatchObject({ Title: '100% checked' });
  });
});
