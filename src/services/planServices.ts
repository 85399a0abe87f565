/**
 * The web part's services, registered once in a per-web-part SPFx ServiceScope: the web
 * part starts it as a child of its context's scope, the local host page as a child of a
 * root scope, and both consume the same SharePoint implementations from it.
 */
import { ServiceKey, ServiceScope } from '@microsoft/sp-core-library';
import type { SPFI } from '@pnp/sp';
import { IBoardPackService } from './IBoardPackService';
import { ICachedPlanLoader } from './ICachedPlanLoader';
import { IEvidenceService } from './IEvidenceService';
import { IMailSender } from './IMailSender';
import { IPeopleService } from './IPeopleService';
import { IPlanDataService } from './IPlanDataService';
import { IPlanImportService } from './IPlanImportService';
import { IPlanUpkeepService } from './IPlanUpkeepService';
import { IProvisioningService } from './IProvisioningService';
import { IRoleService } from './IRoleService';
import { IUpdateRequestService } from './IUpdateRequestService';
import type { IGraphClient } from './GraphMailSender';
import { SharePointPlanDataService } from './SharePointPlanDataService';
import { PlanDataErrors } from './errorBehaviour';
import { onDemand } from './onDemand';

/** What the host gives the services: its PnPjs instance, and who is where (for the plan kept on the device). */
export interface IPlanServiceHost {
  /** With the host's defaults (SPFx's, or the local page's); every request through it then rejects with a PlanDataError. */
  sp: SPFI;
  siteUrl: string;
  userLoginName: string;
  /** The Graph client, asked for only when a message is sent (SPFx's MSGraphClientV3, or the local page's). */
  graphClient: () => Promise<IGraphClient>;
}

/** The services a host hands to ImprovementPlanApp, named as its props. */
export interface IPlanServices {
  dataService: IPlanDataService;
  packService: IBoardPackService;
  provisioning: IProvisioningService;
  importService: IPlanImportService;
  requestService: IUpdateRequestService;
  mailSender: IMailSender;
  peopleService: IPeopleService;
  upkeepService: IPlanUpkeepService;
  roleService: IRoleService;
  evidenceService: IEvidenceService;
  planLoader: ICachedPlanLoader;
}

/** A key with no default: each service is provided by startPlanServiceScope, never made up by the root scope. */
function serviceKey<T>(name: string): ServiceKey<T> {
  return ServiceKey.createCustom<T>(`SendImprovementPlan:${name}`, () => {
    throw new Error(`${name} not provided`);
  });
}

/** One ServiceKey per service interface, named as the App's prop. */
export const PlanServiceKeys: { readonly [K in keyof IPlanServices]: ServiceKey<IPlanServices[K]> } = {
  dataService: serviceKey<IPlanDataService>('dataService'),
  packService: serviceKey<IBoardPackService>('packService'),
  provisioning: serviceKey<IProvisioningService>('provisioning'),
  importService: serviceKey<IPlanImportService>('importService'),
  requestService: serviceKey<IUpdateRequestService>('requestService'),
  mailSender: serviceKey<IMailSender>('mailSender'),
  peopleService: serviceKey<IPeopleService>('peopleService'),
  upkeepService: serviceKey<IPlanUpkeepService>('upkeepService'),
  roleService: serviceKey<IRoleService>('roleService'),
  evidenceService: serviceKey<IEvidenceService>('evidenceService'),
  planLoader: serviceKey<ICachedPlanLoader>('planLoader')
};

/**
 * Starts a child of `parent` holding the SharePoint implementation of every service, and
 * finishes it. Only the plan data service is loaded with the web part; the others are
 * fetched the first time one of their methods is called. Every failed request of the
 * host's PnPjs instance rejects with a typed PlanDataError (PlanDataErrors).
 */
export function startPlanServiceScope(parent: ServiceScope, host: IPlanServiceHost): ServiceScope {
  const sp = host.sp.using(PlanDataErrors());
  const scope = parent.startNewChild();
  const dataService = scope.provide(PlanServiceKeys.dataService, new SharePointPlanDataService(sp));
  // Setting up lists and importing a plan happen once in a while, by a site owner: their code (the list definitions, the import engine) is fetched when first used.
  scope.provide(
    PlanServiceKeys.provisioning,
    onDemand<IProvisioningService>(
      () => import(/* webpackChunkName: 'provisioning' */ './SharePointProvisioningService').then((module) => new module.SharePointProvisioningService(sp)),
      { canProvision: true, ensureLists: true }
    )
  );
  scope.provide(
    PlanServiceKeys.importService,
    onDemand<IPlanImportService>(
      () => import(/* webpackChunkName: 'import-service' */ './SharePointPlanImportService').then((module) => new module.SharePointPlanImportService(sp)),
      { createPlan: true, importPlan: true, importKpis: true }
    )
  );
  // Requests for updates are a plan officer's, before a board: their services are fetched when first used.
  scope.provide(
    PlanServiceKeys.requestService,
    onDemand<IUpdateRequestService>(
      () => import(/* webpackChunkName: 'update-requests-service' */ './SharePointUpdateRequestService').then((module) => new module.SharePointUpdateRequestService(sp)),
      { loadRequests: true, recordRequests: true }
    )
  );
  // The Graph client (and its Mail.Send token) is asked for only when a request is sent.
  scope.provide(
    PlanServiceKeys.mailSender,
    onDemand<IMailSender>(
      () => import(/* webpackChunkName: 'update-requests-service' */ './GraphMailSender').then((module) => new module.GraphMailSender(host.graphClient)),
      { send: true }
    )
  );
  // The people search (and PnPjs's profiles module) is fetched when an editor first looks for someone.
  scope.provide(
    PlanServiceKeys.peopleService,
    onDemand<IPeopleService>(
      () => import(/* webpackChunkName: 'people' */ './SharePointPeopleService').then((module) => new module.SharePointPeopleService(sp)),
      { searchPeople: true, ensurePerson: true }
    )
  );
  // Plan upkeep is a plan officer's, now and then: fetched when first used.
  scope.provide(
    PlanServiceKeys.upkeepService,
    onDemand<IPlanUpkeepService>(
      () => import(/* webpackChunkName: 'plan-upkeep-service' */ './SharePointPlanUpkeepService').then((module) => new module.SharePointPlanUpkeepService(sp)),
      { createPlan: true, addPriority: true, renamePriority: true, addOutcome: true, renameOutcome: true, addAction: true, retireAction: true, moveAction: true }
    )
  );
  // The roles glossary is kept now and then by a plan officer: fetched when first opened.
  scope.provide(
    PlanServiceKeys.roleService,
    onDemand<IRoleService>(
      () => import(/* webpackChunkName: 'roles' */ './SharePointRoleService').then((module) => new module.SharePointRoleService(sp)),
      { loadRoles: true, addRole: true, saveRole: true }
    )
  );
  // Evidence files go up with an update: the upload code is fetched when a file is first sent.
  scope.provide(
    PlanServiceKeys.evidenceService,
    onDemand<IEvidenceService>(
      () => import(/* webpackChunkName: 'evidence-service' */ './SharePointEvidenceService').then((module) => new module.SharePointEvidenceService(sp)),
      { uploadFiles: true }
    )
  );
  // The plan kept on this device and refreshed from the lists' change logs: a second visit shows it at once.
  scope.provide(
    PlanServiceKeys.planLoader,
    onDemand<ICachedPlanLoader>(
      () =>
        import(/* webpackChunkName: 'plan-cache' */ './CachedPlanLoader').then((module) =>
          module.sharePointPlanLoader(sp, dataService, { site: host.siteUrl, user: host.userLoginName })
        ),
      { cached: true, refresh: true }
    )
  );
  scope.provide(
    PlanServiceKeys.packService,
    onDemand<IBoardPackService>(
      () => import(/* webpackChunkName: 'board-packs' */ './SharePointBoardPackService').then((module) => new module.SharePointBoardPackService(sp)),
      { listPacks: true, readPack: true, savePack: true }
    )
  );
  scope.finish();
  return scope;
}

/** Every service from a finished scope (one started by startPlanServiceScope, or a child of it). */
export function consumePlanServices(scope: ServiceScope): IPlanServices {
  const services: Partial<Record<keyof IPlanServices, unknown>> = {};
  for (const name of Object.keys(PlanServiceKeys) as Array<keyof IPlanServices>) {
    services[name] = scope.consume<unknown>(PlanServiceKeys[name]);
  }
  return services as IPlanServices;
}
