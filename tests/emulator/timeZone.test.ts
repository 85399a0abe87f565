/**
 * The site's time zone: web/RegionalSettings/TimeZone answers as SharePoint Online does
 * (Id, Description, Information { Bias, DaylightBias, StandardBias }), and a date-only
 * column keeps the site's local midnight of the day a written instant falls on there,
 * across the clock changes (pnp/pnpjs#1890; sp-dev-docs#6083). A column shown with its time
 * keeps the instant as written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/regional-settings/web';
import { SITE_OWNER } from '../../emulator/sample/users';
import { USER_HEADER } from '../../emulator/signIn';
import { SharePointStore } from '../../emulator/store';
import { localMidnight, utcOffsetMinutes } from '../../emulator/timeZone';
import { ITestSite, startTestSite } from '../support/emulator';

const LIST = 'Zone Dates';

describe('the site time zone', () => {
  let site: ITestSite;
  let sp: SPFI;

  beforeAll(async () => {
    site = await startTestSite({ seed: false });
    sp = site.as(SITE_OWNER.email);
    site.store.createList(LIST);
    site.store.addField(LIST, { internalName: 'Due', title: 'Due', kind: 'DateTime', indexed: false, required: false, dateOnly: true });
    site.store.addField(LIST, { internalName: 'Stamp', title: 'Stamp', kind: 'DateTime', indexed: false, required: false });
  });
  afterAll(() => site.stop());
  afterEach(() => {
    site.store.timeZone = 'Europe/London';
  });

  /** Writes `Due` (date only) and `Stamp` (date and time) through PnPjs and reads them back as SharePoint answers them. */
  async function written(value: string): Promise<{ Due: string; Stamp: string }> {
    const added = (await sp.web.lists.getByTitle(LIST).items.add({ Title: value, Due: value, Stamp: value })) as { Id: number };
    return (await sp.web.lists.getByTitle(LIST).items.getById(added.Id).select('Due', 'Stamp')()) as { Due: string; Stamp: string };
  }

  it('is Europe/London on a new site, and answers RegionalSettings/TimeZone as SharePoint does', async () => {
    expect(site.store.timeZone).toBe('Europe/London');
    const zone = (await sp.web.regionalSettings.timeZone()) as Record<string, unknown>;

    expect(zone).toMatchObject({ Id: 2, Description: '(UTC) Dublin, Edinburgh, Lisbon, London', Information: { Bias: 0, DaylightBias: -60, StandardBias: 0 } });
    expect(zone['odata.type']).toBe('SP.TimeZone');
  });

  it("answers Pacific time (SharePoint's default for new sites) and UTC with SharePoint's ids and biases", async () => {
    site.store.timeZone = 'America/Los_Angeles';
    expect(await sp.web.regionalSettings.timeZone()).toMatchObject({ Id: 13, Description: '(UTC-08:00) Pacific Time (US and Canada)', Information: { Bias: 480, DaylightBias: -60, StandardBias: 0 } });
    site.store.timeZone = 'UTC';
    expect(await sp.web.regionalSettings.timeZone()).toMatchObject({ Id: 93, Description: '(UTC) Coordinated Universal Time', Information: { Bias: 0, DaylightBias: 0, StandardBias: 0 } });
  });

  it('answers in the verbose shape, with Information typed SP.TimeZoneInformation', async () => {
    const response = await fetch(`${site.siteUrl}/_api/web/RegionalSettings/TimeZone`, { headers: { Accept: 'application/json;odata=verbose', [USER_HEADER]: SITE_OWNER.email } });
    const body = (await response.json()) as { d: { Id: number; Information: { __metadata: { type: string }; Bias: number } } };

    expect(body.d).toMatchObject({ Id: 2, Information: { __metadata: { type: 'SP.TimeZoneInformation' }, Bias: 0 } });
  });

  it('refuses a zone it has no SharePoint time zone for, and keeps the one it had', () => {
    expect(() => {
      site.store.timeZone = 'Mars/Olympus_Mons';
    }).toThrow(/no SharePoint time zone for "Mars\/Olympus_Mons"/);
    expect(site.store.timeZone).toBe('Europe/London');
  });

  it('keeps the zone in the database, so a site read again from its file has it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zone-'));
    try {
      const first = new SharePointStore(join(folder, 'site.db'));
      first.timeZone = 'America/Los_Angeles';
      first.close();
      const again = new SharePointStore(join(folder, 'site.db'));
      expect(again.timeZone).toBe('America/Los_Angeles');
      again.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stores a date-only value as local midnight in London, in winter, British Summer Time and on both clock-change days', async () => {
    expect((await written('2024-01-15T12:00:00Z')).Due).toBe('2024-01-15T00:00:00Z');
    expect((await written('2024-07-01T12:00:00Z')).Due).toBe('2024-06-30T23:00:00Z');
    // Clocks go forward at 01:00 UTC on 31 March 2024: that day's midnight is still GMT.
    expect((await written('2024-03-31T12:00:00Z')).Due).toBe('2024-03-31T00:00:00Z');
    expect((await written('2024-04-01T12:00:00Z')).Due).toBe('2024-03-31T23:00:00Z');
    // Clocks go back at 01:00 UTC on 27 October 2024: that day's midnight is still BST.
    expect((await written('2024-10-27T12:00:00Z')).Due).toBe('2024-10-26T23:00:00Z');
    expect((await written('2024-10-28T12:00:00Z')).Due).toBe('2024-10-28T00:00:00Z');
    expect((await written('2024-12-31T12:00:00Z')).Due).toBe('2024-12-31T00:00:00Z');
  });

  it('keeps the day an instant falls on in the site zone: midnight UTC is the day before on a Pacific site', async () => {
    site.store.timeZone = 'America/Los_Angeles';

    // 31 March 00:00 UTC is 30 March 17:00 in Pacific daylight time: kept as 30 March (the strict reading).
    expect(await written('2024-03-31T00:00:00Z')).toMatchObject({ Due: '2024-03-30T07:00:00Z', Stamp: '2024-03-31T00:00:00Z' });
    expect((await written('2024-03-31T12:00:00Z')).Due).toBe('2024-03-31T07:00:00Z');
    // Pacific standard time, and the days the clocks change (10 March and 3 November 2024, at 02:00 local).
    expect((await written('2024-12-31T12:00:00Z')).Due).toBe('2024-12-31T08:00:00Z');
    expect((await written('2024-03-10T12:00:00Z')).Due).toBe('2024-03-10T08:00:00Z');
    expect((await written('2024-03-11T12:00:00Z')).Due).toBe('2024-03-11T07:00:00Z');
    expect((await written('2024-11-03T12:00:00Z')).Due).toBe('2024-11-03T07:00:00Z');
    expect((await written('2024-11-04T12:00:00Z')).Due).toBe('2024-11-04T08:00:00Z');
  });

  it('drops the time of day, never rounds it: 23:59 local stays that day', async () => {
    site.store.timeZone = 'America/Los_Angeles';
    expect((await written('2024-04-01T06:59:00Z')).Due).toBe('2024-03-31T07:00:00Z');
    site.store.timeZone = 'UTC';
    expect((await written('2024-03-31T23:59:59Z')).Due).toBe('2024-03-31T00:00:00Z');
  });

  it('keeps a column shown with its time as the instant written, in any zone', async () => {
    site.store.timeZone = 'America/Los_Angeles';
    expect((await written('2024-03-31T12:34:56Z')).Stamp).toBe('2024-03-31T12:34:56Z');
  });

  describe('columns made through REST', () => {
    const create = async (title: string, body: Record<string, unknown>): Promise<Response> => {
      const info = await fetch(`${site.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', [USER_HEADER]: SITE_OWNER.email } });
      const digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
      return fetch(`${site.siteUrl}/_api/web/lists/getByTitle('${LIST}')/fields`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json;odata=verbose', 'X-RequestDigest': digest, [USER_HEADER]: SITE_OWNER.email },
        body: JSON.stringify({ __metadata: { type: 'SP.FieldDateTime' }, Title: title, FieldTypeKind: 4, ...body })
      });
    };

    it('are date only with DisplayFormat 0 (as PnPjs addDateTime sends), date and time otherwise (SharePoint default 1)', async () => {
      await sp.web.lists.getByTitle(LIST).fields.addDateTime('Board day');
      expect((await create('Sent at', {})).status).toBe(201);
      expect((await create('Reviewed on', { DisplayFormat: 0 })).status).toBe(201);

      expect(site.store.findField(LIST, 'Board_x0020_day')?.dateOnly).toBe(true);
      expect(site.store.findField(LIST, 'Sent_x0020_at')?.dateOnly).toBe(false);
      expect(site.store.findField(LIST, 'Reviewed_x0020_on')?.dateOnly).toBe(true);
      expect(await sp.web.lists.getByTitle(LIST).fields.getByInternalNameOrTitle('Sent at').select('DisplayFormat')()).toMatchObject({ DisplayFormat: 1 });
      expect(await sp.web.lists.getByTitle(LIST).fields.getByInternalNameOrTitle('Board day').select('DisplayFormat')()).toMatchObject({ DisplayFormat: 0 });
    });

    it('refuse a DisplayFormat that is not a DateTimeFieldFormatType', async () => {
      const response = await create('Odd day', { DisplayFormat: 7 });
      expect(response.status).toBe(400);
      expect(site.store.findField(LIST, 'Odd_x0020_day')).toBeUndefined();
    });
  });
});

describe('the zone arithmetic (Intl.DateTimeFormat with timeZone)', () => {
  it('gives the offsets either side of the clock changes', () => {
    expect(utcOffsetMinutes('Europe/London', new Date('2025-03-30T00:59:59Z'))).toBe(0);
    expect(utcOffsetMinutes('Europe/London', new Date('2025-03-30T01:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/London', new Date('2025-10-26T00:59:59Z'))).toBe(60);
    expect(utcOffsetMinutes('Europe/London', new Date('2025-10-26T01:00:00Z'))).toBe(0);
    expect(utcOffsetMinutes('America/Los_Angeles', new Date('2025-07-01T00:00:00Z'))).toBe(-420);
    expect(utcOffsetMinutes('America/Los_Angeles', new Date('2025-01-01T00:00:00Z'))).toBe(-480);
  });

  it('finds local midnight across the year end and the clock changes', () => {
    expect(localMidnight('Europe/London', '2025-01-01').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(localMidnight('Europe/London', '2025-03-31').toISOString()).toBe('2025-03-30T23:00:00.000Z');
    expect(localMidnight('America/Los_Angeles', '2025-01-01').toISOString()).toBe('2025-01-01T08:00:00.000Z');
    expect(localMidnight('America/Los_Angeles', '2025-03-09').toISOString()).toBe('2025-03-09T08:00:00.000Z');
    expect(localMidnight('America/Los_Angeles', '2025-11-02').toISOString()).toBe('2025-11-02T07:00:00.000Z');
  });
});
