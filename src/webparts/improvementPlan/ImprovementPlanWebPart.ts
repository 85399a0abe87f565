import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { PartialTheme } from '@fluentui/react';
import { spfi, SPFx } from '@pnp/sp';
import { ImprovementPlanApp } from '../../components/ImprovementPlanApp';
import { errorMessage } from '../../components/format';
import { PlanViewKey } from '../../components/navigation';
import { teamsTheme } from '../../components/themes';
import { todayIso } from '../../model/isoDate';
import { IPlanDataService } from '../../services/IPlanDataService';
import { IBoardPackService } from '../../services/IBoardPackService';
import { SharePointPlanDataService } from '../../services/SharePointPlanDataService';
import { IPropertyPaneState, buildPropertyPane } from './propertyPane/buildPropertyPane';
import { IProvisioningService } from '../../services/IProvisioningService';
import { IPlanImportService } from '../../services/IPlanImportService';
import { describeProvisioning, describeProvisioningFailure } from '../../components/provisioningText';
import { IUpdateRequestService } from '../../services/IUpdateRequestService';
import { IMailSender } from '../../services/IMailSender';
import { IPeopleService } from '../../services/IPeopleService';
import { onDemand } from '../../services/onDemand';
import { IRoleService } from '../../services/IRoleService';
import { IEvidenceService } from '../../services/IEvidenceService';
import { ICachedPlanLoader } from '../../services/ICachedPlanLoader';
import { IPlanUpkeepHost, IPlanUpkeepService } from '../../services/IPlanUpkeepService';

export interface IImprovementPlanWebPartProps {
  planId?: number;
  defaultView?: PlanViewKey;
  /** 0 or unset: every priority area. */
  pinnedPriorityId?: number;
}

/** Wiring only: services, theme, property pane, render, dispose. */
export default class ImprovementPlanWebPart extends BaseClientSideWebPart<IImprovementPlanWebPartProps> {
  private dataService!: IPlanDataService;
  private themeProvider: ThemeProvider | undefined;
  private theme: PartialTheme = {};
  private provisioning!: IProvisioningService;
  private importService!: IPlanImportService;
  private packService!: IBoardPackService;
  private requestService!: IUpdateRequestService;
  private mailSender!: IMailSender;
  private peopleService!: IPeopleService;
  private upkeepService!: IPlanUpkeepService;
  private roleService!: IRoleService;
  private evidenceService!: IEvidenceService;
  private planLoader!: ICachedPlanLoader;
  private pane: IPropertyPaneState = { plans: { kind: 'loading' }, priorities: [], listSetup: { kind: 'idle' } };

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi().using(SPFx(this.context));
    this.dataService = new SharePointPlanDataService(sp);
    // Setting up lists and importing a plan happen once in a while, by a site owner: their code (the list definitions, the import engine) is fetched when first used.
    this.provisioning = onDemand<IProvisioningService>(
      () => import(/* webpackChunkName: 'provisioning' */ '../../services/SharePointProvisioningService').then((module) => new module.SharePointProvisioningService(sp)),
      { canProvision: true, ensureLists: true }
    );
    this.importService = onDemand<IPlanImportService>(
      () => import(/* webpackChunkName: 'import-service' */ '../../services/SharePointPlanImportService').then((module) => new module.SharePointPlanImportService(sp)),
      { createPlan: true, importPlan: true, importKpis: true }
    );
    // Requests for updates are a plan officer's, before a board: their services are fetched when first used.
    this.requestService = onDemand<IUpdateRequestService>(
      () => import(/* webpackChunkName: 'update-requests-service' */ '../../services/SharePointUpdateRequestService').then((module) => new module.SharePointUpdateRequestService(sp)),
      { loadRequests: true, recordRequests: true }
    );
    // The Graph client (and its Mail.Send token) is asked for only when a request is sent.
    this.mailSender = onDemand<IMailSender>(
      () => import(/* webpackChunkName: 'update-requests-service' */ '../../services/GraphMailSender').then((module) => new module.GraphMailSender(() => this.context.msGraphClientFactory.getClient('3'))),
      { send: true }
    );
    // The people search (and PnPjs's profiles module) is fetched when an editor first looks for someone.
    this.peopleService = onDemand<IPeopleService>(
      () => import(/* webpackChunkName: 'people' */ '../../services/SharePointPeopleService').then((module) => new module.SharePointPeopleService(sp)),
      { searchPeople: true, ensurePerson: true }
    );
    // Plan upkeep is a plan officer's, now and then: fetched when first used.
    this.upkeepService = onDemand<IPlanUpkeepService>(
      () => import(/* webpackChunkName: 'plan-upkeep-service' */ '../../services/SharePointPlanUpkeepService').then((module) => new module.SharePointPlanUpkeepService(sp)),
      { createPlan: true, addPriority: true, renamePriority: true, addOutcome: true, renameOutcome: true, addAction: true, retireAction: true, moveAction: true }
    );
    // The roles glossary is kept now and then by a plan officer: fetched when first opened.
    this.roleService = onDemand<IRoleService>(
      () => import(/* webpackChunkName: 'roles' */ '../../services/SharePointRoleService').then((module) => new module.SharePointRoleService(sp)),
      { loadRoles: true, addRole: true, saveRole: true }
    );
    // Evidence files go up with an update: the upload code is fetched when a file is first sent.
    this.evidenceService = onDemand<IEvidenceService>(
      () => import(/* webpackChunkName: 'evidence-service' */ '../../services/SharePointEvidenceService').then((module) => new module.SharePointEvidenceService(sp)),
      { uploadFiles: true }
    );
    // The plan kept on this device and refreshed from the lists' change logs: a second visit shows it at once.
    this.planLoader = onDemand<ICachedPlanLoader>(
      () =>
        import(/* webpackChunkName: 'plan-cache' */ '../../services/CachedPlanLoader').then((module) =>
          module.sharePointPlanLoader(sp, this.dataService, { site: this.context.pageContext.web.absoluteUrl, user: this.context.pageContext.user.loginName })
        ),
      { cached: true, refresh: true }
    );
    this.packService = onDemand<IBoardPackService>(
      () => import(/* webpackChunkName: 'board-packs' */ '../../services/SharePointBoardPackService').then((module) => new module.SharePointBoardPackService(sp)),
      { listPacks: true, readPack: true, savePack: true }
    );

    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.applySectionTheme(this.themeProvider.tryGetTheme());
    this.themeProvider.themeChangedEvent.add(this, this.onSectionThemeChanged);

    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const context = await teams.teamsJs.app.getContext();
      this.applyTeamsTheme(context.app.theme);
      teams.teamsJs.app.registerOnThemeChangeHandler((name: string) => this.applyTeamsTheme(name));
    }
  }

  public render(): void {
    const upkeep: IPlanUpkeepHost = { upkeepService: this.upkeepService, onPlanCreated: (planId) => this.showPlan(planId) };
    ReactDom.render(
      React.createElement(ImprovementPlanApp, {
        dataService: this.dataService,
        packService: this.packService,
        planId: this.properties.planId,
        today: todayIso(),
        theme: this.theme,
        provisioning: this.provisioning,
        importService: this.importService,
        requestService: this.requestService,
        mailSender: this.mailSender,
        peopleService: this.peopleService,
        roleService: this.roleService,
        evidenceService: this.evidenceService,
        planLoader: this.planLoader,
        defaultView: this.properties.defaultView,
        pinnedPriorityId: this.properties.pinnedPriorityId || undefined,
        ...upkeep
      }),
      this.domElement
    );
  }

  protected onDispose(): void {
    this.themeProvider?.themeChangedEvent.remove(this, this.onSectionThemeChanged);
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected onPropertyPaneConfigurationStart(): void {
    this.pane = { ...this.pane, plans: { kind: 'loading' } };
    this.dataService.listPlans().then(
      (plans) => this.refreshPane({ plans: { kind: 'loaded', plans } }),
      (error: unknown) => this.refreshPane({ plans: { kind: 'failed', message: errorMessage(error) } })
    );
    this.readChosenPlan();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (propertyPath === 'planId') {
      this.properties.pinnedPriorityId = undefined;
      this.readChosenPlan();
    }
    this.context.propertyPane.refresh();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return buildPropertyPane(this.pane, { onSetUpLists: () => this.setUpLists() });
  }

  /** Reads the chosen plan's priorities into the pane, for pinning the page to one. */
  private readChosenPlan(): void {
    const planId = this.properties.planId;
    this.pane = { ...this.pane, priorities: [] };
    if (planId === undefined) return;
    this.dataService.listPriorities(planId).then(
      (priorities) => this.refreshPane({ priorities }),
      () => this.refreshPane({ priorities: [] })
    );
  }

  /** A plan officer created a plan in the web part: the page shows it from now on. */
  private showPlan(planId: number): void {
    this.properties.planId = planId;
    this.properties.pinnedPriorityId = undefined;
    this.render();
  }

  private setUpLists(): void {
    this.refreshPane({ listSetup: { kind: 'running' } });
    this.provisioning.ensureLists().then(
      (report) => this.showListSetup(describeProvisioning(report)),
      (error: unknown) => this.showListSetup(describeProvisioningFailure(error))
    );
  }

  private showListSetup(message: string): void {
    this.refreshPane({ listSetup: { kind: 'finished', message } });
    this.render();
  }

  private refreshPane(change: Partial<IPropertyPaneState>): void {
    this.pane = { ...this.pane, ...change };
    this.context.propertyPane.refresh();
  }

  private onSectionThemeChanged(args: ThemeChangedEventArgs): void {
    this.applySectionTheme(args.theme);
    this.render();
  }

  private applySectionTheme(theme: IReadonlyTheme | undefined): void {
    if (theme) {
      this.theme = { palette: theme.palette, semanticColors: theme.semanticColors, isInverted: theme.isInverted } as PartialTheme;
    }
  }

  private applyTeamsTheme(name: string | undefined): void {
    const theme = teamsTheme(name);
    if (theme) {
      this.theme = theme;
      this.render();
    }
  }
}
