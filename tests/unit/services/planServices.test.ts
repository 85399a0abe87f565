/**
 * @jest-environment jsdom
 */
/**
 * The services module: one ServiceKey per service in a child ServiceScope, with SPFx's own
 * ServiceScope and ServiceKey (the package's entry point needs SharePoint's page, so the
 * two classes are taken from their modules, as the local page takes them). The SharePoint
 * implementations fetched on demand are replaced by mocks that record when their module loads.
 */
import type { SPFI } from '@pnp/sp';
import { ServiceKey, ServiceScope } from '@microsoft/sp-core-library';
import { IPlanServices, PlanServiceKeys, consumePlanServices, startPlanServiceScope } from '../../../src/services/planServices';
import { SharePointPlanDataService } from '../../../src/services/SharePointPlanDataService';

jest.mock('@microsoft/sp-core-library', () => ({
  ServiceScope: jest.requireActual('@microsoft/sp-core-library/lib-commonjs/serviceScope/ServiceScope').default,
  ServiceKey: jest.requireActual('@microsoft/sp-core-library/lib-commonjs/serviceScope/ServiceKey').default
}));

/** The modules loaded so far, by the name of the class (or function) each exports. */
const mockLoaded: string[] = [];

/** A module whose class records the module's loading and each instance's constructor arguments. */
function mockServiceModule(className: string, methods: string[]): Record<string, unknown> {
  mockLoaded.push(className);
  return {
    [className]: jest.fn().mockImplementation((...args: unknown[]) => ({
      constructedWith: args,
      ...Object.fromEntries(methods.map((method) => [method, jest.fn(async (...callArgs: unknown[]) => ({ method, callArgs }))]))
    }))
  };
}

jest.mock('../../../src/services/SharePointProvisioningService', () => mockServiceModule('SharePointProvisioningService', ['canProvision', 'ensureLists']));
jest.mock('../../../src/services/SharePointPlanImportService', () => mockServiceModule('SharePointPlanImportService', ['createPlan', 'importPlan', 'importKpis']));
jest.mock('../../../src/services/SharePointUpdateRequestService', () => mockServiceModule('SharePointUpdateRequestService', ['loadRequests', 'recordRequests']));
jest.mock('../../../src/services/GraphMailSender', () => mockServiceModule('GraphMailSender', ['send']));
jest.mock('../../../src/services/SharePointPeopleService', () => mockServiceModule('SharePointPeopleService', ['searchPeople', 'ensurePerson']));
jest.mock('../../../src/services/SharePointPlanUpkeepService', () => mockServiceModule('SharePointPlanUpkeepService', ['createPlan', 'addPriority']));
jest.mock('../../../src/services/SharePointRoleService', () => mockServiceModule('SharePointRoleService', ['loadRoles', 'addRole', 'saveRole']));
jest.mock('../../../src/services/SharePointEvidenceService', () => mockServiceModule('SharePointEvidenceService', ['uploadFiles']));
jest.mock('../../../src/services/SharePointBoardPackService', () => mockServiceModule('SharePointBoardPackService', ['listPacks', 'readPack', 'savePack']));
jest.mock('../../../src/services/CachedPlanLoader', () => {
  mockLoaded.push('sharePointPlanLoader');
  return {
    sharePointPlanLoader: jest.fn((...args: unknown[]) => ({ constructedWith: args, cached: jest.fn(async () => 'cached plan'), refresh: jest.fn() }))
  };
});

/** The host's SPFI: `using` registers behaviours on it and hands the same instance back, as PnPjs's does. */
jest.mock('../../../src/services/errorBehaviour', () => ({ PlanDataErrors: () => 'the PlanDataErrors behaviour' }));

const sp = { pnp: 'the host SPFI', using: jest.fn((): SPFI => sp) } as unknown as SPFI;
const graphClient = jest.fn();
const host = { sp, siteUrl: 'https://council.sharepoint.com/sites/send', userLoginName: 'i:0#.f|membership|sam@council.gov.uk', graphClient };

function started(): { root: ServiceScope; scope: ServiceScope } {
  const root = ServiceScope.startNewRoot();
  root.finish();
  return { root, scope: startPlanServiceScope(root, host) };
}

/** What a facade's call reached: the recorded instance's arguments (the mocks answer with them). */
interface IReached {
  method: string;
  callArgs: unknown[];
}

// Each test calls methods of services no other test calls, so what one loads does not hide what another does.
beforeEach(() => {
  mockLoaded.length = 0;
});

describe('the plan services scope', () => {
  it('provides every key in a finished child of the scope it is given, not in the parent', () => {
    const { root, scope } = started();
    expect(scope.getParent()).toBe(root);
    for (const key of Object.values(PlanServiceKeys) as Array<ServiceKey<unknown>>) {
      expect(scope.consume(key)).toBeDefined();
    }
    // The parent holds none of them: consuming there asks the key's default, which says where they come from.
    expect(() => root.consume(PlanServiceKeys.dataService)).toThrow('dataService not provided');
  });

  it('hands each service to the App under its prop name, the data service being the SharePoint one over the host\'s PnPjs', () => {
    const { scope } = started();
    const services: IPlanServices = consumePlanServices(scope);
    expect(Object.keys(services).sort()).toEqual(Object.keys(PlanServiceKeys).sort());
    for (const name of Object.keys(PlanServiceKeys) as Array<keyof IPlanServices>) {
      expect(services[name]).toBe(scope.consume(PlanServiceKeys[name] as ServiceKey<unknown>));
    }
    expect(services.dataService).toBeInstanceOf(SharePointPlanDataService);
    // A child of the scope (another part of the page) sees the same instances.
    const child = scope.startNewChild();
    child.finish();
    expect(child.consume(PlanServiceKeys.provisioning)).toBe(services.provisioning);
  });

  it('makes every failed request of the host\'s PnPjs reject with a PlanDataError', () => {
    (sp.using as jest.Mock).mockClear();
    started();
    expect(sp.using).toHaveBeenCalledWith('the PlanDataErrors behaviour');
  });

  it('loads no on-demand module until one of its methods is called, then that module only, once', async () => {
    const services = consumePlanServices(started().scope);
    expect(mockLoaded).toEqual([]);

    const answer = (await services.provisioning.ensureLists()) as unknown as IReached;
    expect(answer).toEqual({ method: 'ensureLists', callArgs: [] });
    expect(mockLoaded).toEqual(['SharePointProvisioningService']);

    await services.provisioning.canProvision();
    await services.roleService.loadRoles(4);
    expect(mockLoaded).toEqual(['SharePointProvisioningService', 'SharePointRoleService']);
    const provisioningModule = jest.requireMock('../../../src/services/SharePointProvisioningService') as Record<string, jest.Mock>;
    expect(provisioningModule.SharePointProvisioningService).toHaveBeenCalledTimes(1);
  });

  it('gives each on-demand service the host\'s PnPjs, the Graph client getter, and the plan cache the site and user', async () => {
    const services = consumePlanServices(started().scope);
    const constructedWith = async (loaded: Promise<unknown>, className: string, exportName = className): Promise<unknown[]> => {
      await loaded;
      const module = jest.requireMock(`../../../src/services/${className}`) as Record<string, jest.Mock>;
      return module[exportName].mock.calls[0] as unknown[];
    };

    expect(await constructedWith(services.packService.listPacks(1), 'SharePointBoardPackService')).toEqual([sp]);
    expect(await constructedWith(services.mailSender.send({ to: { address: 'a@b.gov.uk', name: 'A' }, subject: 's', html: 'h' } as never), 'GraphMailSender')).toEqual([graphClient]);
    const [loaderSp, loaderData, cacheScope] = await constructedWith(services.planLoader.cached(4), 'CachedPlanLoader', 'sharePointPlanLoader');
    expect(loaderSp).toBe(sp);
    expect(loaderData).toBe(services.dataService);
    expect(cacheScope).toEqual({ site: host.siteUrl, user: host.userLoginName });
  });

  it('gives each web part its own services: two scopes from one parent share none', () => {
    const root = ServiceScope.startNewRoot();
    root.finish();
    const first = consumePlanServices(startPlanServiceScope(root, host));
    const second = consumePlanServices(startPlanServiceScope(root, { ...host, userLoginName: 'i:0#.f|membership|jo@council.gov.uk' }));
    expect(second.dataService).not.toBe(first.dataService);
    expect(second.planLoader).not.toBe(first.planLoader);
  });
});
