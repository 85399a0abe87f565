import { EXECUTIVE, ND_LEAD, SITE_OWNER } from '../../emulator/sample/users';
import { PlanDataError } from '../../src/services/errors';
import { LIBRARY_DEFINITIONS } from '../../src/services/libraryDefinitions';
import { LIST_DEFINITIONS, STATUS_COLUMN_FORMAT, SUPERSEDED_STATUS_FORMATS } from '../../src/services/listDefinitions';
import { ACTION_FIELDS, LIST_TITLES, UPDATE_FIELDS } from '../../src/services/schema';
import { SharePointProvisioningService } from '../../src/services/SharePointProvisioningService';
import { ITestSite, startTestSite } from '../support/emulator';

describe('provisioning the plan lists with PnPjs', () => {
  let site: ITestSite;
  beforeEach(async () => {
    site = await startTestSite({ seed: false });
  });
  afterEach(() => site.stop());

  /** Lists, columns (type, index, heading) and views as the store holds them. */
  function siteShape(): unknown {
    return site.store.lists().map((list) => ({
      title: list.title,
      versioning: list.enableVersioning,
      fields: site.store.fields(list.title).map((field) => [field.internalName, field.kind, field.indexed, field.title, field.formatter ?? '']),
      views: site.store.views(list.title).map((view) => [view.title, view.defaultView, view.fields.join(',')])
    }));
  }

  it('creates every list, column, index and view from nothing, with versioning on', async () => {
    const report = await new SharePointProvisioningService(site.as(SITE_OWNER.email)).ensureLists();

    expect(report.createdLists).toEqual([...LIST_DEFINITIONS.map((list) => list.title), ...LIBRARY_DEFINITIONS.map((library) => library.title)]);
    expect(report.problems).toEqual([]);
    for (const library of LIBRARY_DEFINITIONS) {
      const created = (await site.as(SITE_OWNER.email).web.lists.getByTitle(library.title).select('BaseTemplate', 'EnableVersioning')()) as { BaseTemplate: number; EnableVersioning: boolean };
      expect([library.title, created]).toEqual([library.title, expect.objectContaining({ BaseTemplate: 101, EnableVersioning: true })]);
      for (const column of library.columns) {
        const field = site.store.findField(library.title, column.name);
        expect({ library: library.title, name: field?.internalName, kind: field?.kind, indexed: field?.indexed, title: field?.title }).toEqual({ library: library.title, name: column.name, kind: column.type, indexed: column.indexed === true, title: column.title });
      }
    }
    for (const definition of LIST_DEFINITIONS) {
      const list = site.store.getList(definition.title);
      expect(list.enableVersioning).toBe(true);
      expect(site.store.findField(definition.title, 'Title')?.title).toBe(definition.titleHeading);
      for (const column of definition.columns) {
        const field = site.store.findField(definition.title, column.name);
        expect({ list: definition.title, name: field?.internalName, kind: field?.kind, indexed: field?.indexed, title: field?.title }).toEqual({
          list: definition.title,
          name: column.name,
          kind: column.type,
          indexed: column.indexed === true,
          title: column.title
        });
      }
      for (const view of definition.views) {
        expect(site.store.getView(definition.title, view.title).fields).toEqual(view.fields);
      }
    }
    // Lookups point at the right lists; Modified is indexed for "changed since" queries.
    const actionPlan = site.store.findField(LIST_TITLES.actions, 'Plan');
    expect(site.store.getList(actionPlan?.lookupList as string).title).toBe(LIST_TITLES.plans);
    expect(site.store.findField(LIST_TITLES.actions, 'Modified')?.indexed).toBe(true);
    expect(site.store.findField(LIST_TITLES.actions, 'ActionStatus')?.formatter).toContain('@currentField');
  });

  it('changes nothing when run again: same lists, batched reads, and one page each of the log, the measurements and the KPIs read for what is to fill in', async () => {
    const service = new SharePointProvisioningService(site.as(SITE_OWNER.email));
    await service.ensureLists();
    const before = siteShape();
    site.emulator.requests.length = 0;

    const report = await service.ensureLists();

    expect(report).toEqual({ createdLists: [], addedColumns: [], updatedColumns: [], addedViews: [], problems: [] });
    expect(siteShape()).toEqual(before);
    // A permission check, the reads in $batch requests (PnPjs sends at most 20 per batch), then the (empty) log read unfiltered.
    const outer = site.emulator.requests.filter((request) => !request.inBatch);
    expect(outer.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /sites/send/_api/web/EffectiveBasePermissions',
      'POST /sites/send/_api/$batch',
      'POST /sites/send/_api/$batch',
      `GET /sites/send/_api/web/lists/getByTitle('${LIST_TITLES.updates}')/items`,
      `GET /sites/send/_api/web/lists/getByTitle('${LIST_TITLES.kpiMeasurements}')/items`,
      `GET /sites/send/_api/web/lists/getByTitle('${LIST_TITLES.kpis}')/items`
    ]);
    const parts = site.emulator.requests.filter((request) => request.inBatch);
    // Each list, its columns and its views; each library, and the columns of those with columns of their own.
    expect(parts).toHaveLength(LIST_DEFINITIONS.length * 3 + LIBRARY_DEFINITIONS.length + LIBRARY_DEFINITIONS.filter((library) => library.columns.length > 0).length);
    expect(parts.every((request) => request.method === 'GET')).toBe(true);
  });

  it('adds a missing column and index without losing items or columns already there', async () => {
    site.store.createList(LIST_TITLES.plans, { enableVersioning: true });
    site.store.addField(LIST_TITLES.plans, { internalName: 'LocalArea', title: 'Area (renamed by the site owner)', kind: 'Text', indexed: false, required: false });
    site.store.addField(LIST_TITLES.plans, { internalName: 'OwnerNotes', title: 'Owner notes', kind: 'Note', indexed: false, required: false });
    const owner = site.store.findUser(SITE_OWNER.email)?.id as number;
    site.store.addItem(LIST_TITLES.plans, { Title: 'Existing plan', LocalArea: 'Shropshire', OwnerNotes: 'kept' }, owner);

    const report = await new SharePointProvisioningService(site.as(SITE_OWNER.email)).ensureLists();

    expect(report.createdLists).not.toContain(LIST_TITLES.plans);
    expect(report.addedColumns).toContain(`${LIST_TITLES.plans}: PlanType`);
    expect(report.addedColumns).not.toContain(`${LIST_TITLES.plans}: LocalArea`);
    expect(site.store.findField(LIST_TITLES.plans, 'LocalArea')?.title).toBe('Area (renamed by the site owner)');
    expect(site.store.allItems(LIST_TITLES.plans).map((item) => item.values)).toEqual([{ Title: 'Existing plan', LocalArea: 'Shropshire', OwnerNotes: 'kept' }]);
  });

  it('replaces the Status formatting that showed "Not started" as blocked, and keeps formatting a site owner chose', async () => {
    site.store.createList(LIST_TITLES.actions);
    site.store.addField(LIST_TITLES.actions, { internalName: ACTION_FIELDS.status, title: 'Status', kind: 'Text', indexed: true, required: false, formatter: SUPERSEDED_STATUS_FORMATS[0] });
    site.store.createList(LIST_TITLES.updates);
    const ownersOwn = JSON.stringify({ elmType: 'div', txtContent: '@currentField', style: { color: 'purple' } });
    site.store.addField(LIST_TITLES.updates, { internalName: UPDATE_FIELDS.status, title: 'Status set', kind: 'Text', indexed: false, required: false, formatter: ownersOwn });

    const report = await new SharePointProvisioningService(site.as(SITE_OWNER.email)).ensureLists();

    expect(site.store.findField(LIST_TITLES.actions, ACTION_FIELDS.status)?.formatter).toBe(STATUS_COLUMN_FORMAT);
    expect(report.updatedColumns).toContain(`${LIST_TITLES.actions}: ${ACTION_FIELDS.status} CustomFormatter`);
    expect(site.store.findField(LIST_TITLES.updates, UPDATE_FIELDS.status)?.formatter).toBe(ownersOwn);
  });

  it('reports a column of the wrong type and leaves it alone', async () => {
    site.store.createList(LIST_TITLES.plans);
    site.store.addField(LIST_TITLES.plans, { internalName: 'KpiTolerance', title: 'Tolerance', kind: 'Text', indexed: false, required: false });

    const report = await new SharePointProvisioningService(site.as(SITE_OWNER.email)).ensureLists();

    expect(report.problems).toEqual([{ code: 'columnWrongType', list: LIST_TITLES.plans, column: 'KpiTolerance', expectedType: 'Number' }]);
    expect(site.store.findField(LIST_TITLES.plans, 'KpiTolerance')?.kind).toBe('Text');
  });

  it.each([
    ['a workstream lead (Contribute)', ND_LEAD.email],
    ['an executive reader (Read)', EXECUTIVE.email]
  ])('refuses %s with a typed "forbidden" error and creates nothing', async (_who, email) => {
    const service = new SharePointProvisioningService(site.as(email));
    await expect(service.canProvision()).resolves.toBe(false);
    const error = await service.ensureLists().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PlanDataError);
    expect((error as PlanDataError).kind).toBe('forbidden');
    expect(site.store.lists()).toEqual([]);
  });
});
