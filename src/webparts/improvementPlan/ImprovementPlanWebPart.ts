import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { PartialTheme } from '@fluentui/react';
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'ImprovementPlanWebPartStrings';
import { ImprovementPlanApp } from '../../components/ImprovementPlanApp';
import { errorMessage, formatDate } from '../../components/format';
import { PlanViewKey } from '../../components/navigation';
import { teamsTheme } from '../../components/themes';
import { todayIso } from '../../model/isoDate';
import { IPlan } from '../../model/plan';
import { parseReportingDates, parseTolerance } from '../../model/planSettings';
import { parseSchemeText, presetScheme, schemeToText } from '../../model/statusSchemes';
import { IPlanDataService } from '../../services/IPlanDataService';
import { IBoardPackService } from '../../services/IBoardPackService';
import { SharePointPlanDataService } from '../../services/SharePointPlanDataService';
import { CUSTOM_SCHEME, IPropertyPaneState, buildPropertyPane } from './propertyPane/buildPropertyPane';
import { IProvisioningService } from '../../services/IProvisioningService';
import { SharePointProvisioningService } from '../../services/SharePointProvisioningService';
import { IPlanImportService } from '../../services/IPlanImportService';
import { SharePointPlanImportService } from '../../services/SharePointPlanImportService';
import { describeProvisioning, describeProvisioningFailure } from '../../components/provisioningText';
import { IUpdateRequestService } from '../../services/IUpdateRequestService';
import { IMailSender } from '../../services/IMailSender';
import { IPeopleService } from '../../services/IPeopleService';
import { onDemand } from '../../services/onDemand';

export interface IImprovementPlanWebPartProps {
  planId?: number;
  defaultView?: PlanViewKey;
  /** 0 or unset: every priority area. */
  pinnedPriorityId?: number;
  /** Drafts of the plan's own settings while the pane is open; the plan list holds the saved ones. */
  schemePreset?: string;
  customScheme?: string;
  reportingDatesText?: string;
  kpiTolerancePercent?: string;
  protectiveMarking?: string;
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
  private pane: Omit<IPropertyPaneState, 'schemePreset'> = { plans: { kind: 'loading' }, priorities: [], settings: { kind: 'none' }, listSetup: { kind: 'idle' } };
  /** The plan as read for the pane; its ETag guards the settings save. */
  private panePlan: IPlan | undefined;
  /** Bumped when plan settings are saved, so the view reloads the plan. */
  private reloads = 0;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi().using(SPFx(this.context));
    this.dataService = new SharePointPlanDataService(sp);
    this.provisioning = new SharePointProvisioningService(sp);
    this.importService = new SharePointPlanImportService(sp);
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
    ReactDom.render(
      React.createElement(ImprovementPlanApp, {
        key: this.reloads,
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
        defaultView: this.properties.defaultView,
        pinnedPriorityId: this.properties.pinnedPriorityId || undefined
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

  protected onPropertyPaneConfigurationComplete(): void {
    // The drafts are not page settings: they are read afresh from the plan each time.
    this.properties.schemePreset = undefined;
    this.properties.customScheme = undefined;
    this.properties.reportingDatesText = undefined;
    this.properties.kpiTolerancePercent = undefined;
    this.properties.protectiveMarking = undefined;
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (propertyPath === 'planId') {
      this.properties.pinnedPriorityId = undefined;
      this.readChosenPlan();
    }
    if (propertyPath === 'schemePreset' && this.properties.schemePreset === CUSTOM_SCHEME && !this.properties.customScheme && this.panePlan) {
      this.properties.customScheme = schemeToText(this.panePlan.statusScheme);
    }
    this.context.propertyPane.refresh();
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return buildPropertyPane({ ...this.pane, schemePreset: this.properties.schemePreset }, { onSavePlanSettings: () => this.savePlanSettings(), onSetUpLists: () => this.setUpLists() });
  }

  /** Reads the chosen plan's priorities and settings into the pane. */
  private readChosenPlan(): void {
    const planId = this.properties.planId;
    this.panePlan = undefined;
    this.pane = { ...this.pane, priorities: [], settings: { kind: 'none' } };
    if (planId === undefined) return;
    this.dataService.listPriorities(planId).then(
      (priorities) => this.refreshPane({ priorities }),
      () => this.refreshPane({ priorities: [] })
    );
    this.dataService.readPlan(planId).then(
      (plan) => {
        this.panePlan = plan;
        const preset = presetScheme(plan.statusScheme.id) === plan.statusScheme;
        this.properties.schemePreset = preset ? plan.statusScheme.id : CUSTOM_SCHEME;
        this.properties.customScheme = preset ? undefined : schemeToText(plan.statusScheme);
        this.properties.reportingDatesText = plan.reportingDates.map((date) => formatDate(date, date)).join('\n');
        this.properties.kpiTolerancePercent = String(Math.round(plan.kpiThresholds.onTrackTolerance * 1000) / 10);
        this.properties.protectiveMarking = plan.protectiveMarking;
        this.refreshPane({ settings: { kind: 'loaded', saving: false } });
      },
      (error: unknown) => this.refreshPane({ settings: { kind: 'failed', message: errorMessage(error) } })
    );
  }

  private savePlanSettings(): void {
    const plan = this.panePlan;
    if (!plan) return;
    const custom = this.properties.schemePreset === CUSTOM_SCHEME;
    const scheme = custom ? parseSchemeText(this.properties.customScheme ?? '') : undefined;
    const dates = parseReportingDates(this.properties.reportingDatesText ?? '');
    const tolerance = parseTolerance(this.properties.kpiTolerancePercent ?? '');
    const statusScheme = scheme ? (scheme.ok ? scheme.scheme : undefined) : presetScheme(this.properties.schemePreset ?? '');
    if (!statusScheme || !dates.ok || !tolerance.ok) {
      this.refreshPane({ settings: { kind: 'loaded', saving: false, message: strings.PlanSettingsInvalid } });
      return;
    }
    this.refreshPane({ settings: { kind: 'loaded', saving: true } });
    this.dataService.savePlanSettings(plan, { statusScheme, reportingDates: dates.dates, kpiThresholds: { onTrackTolerance: tolerance.tolerance }, protectiveMarking: this.properties.protectiveMarking ?? '' }).then(
      (saved) => {
        this.panePlan = saved;
        this.reloads += 1;
        this.refreshPane({ settings: { kind: 'loaded', saving: false, message: strings.PlanSettingsSaved } });
        this.render();
      },
      (error: unknown) => this.refreshPane({ settings: { kind: 'loaded', saving: false, message: `${strings.PlanSettingsNotSaved} ${errorMessage(error)}` } })
    );
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

  private refreshPane(change: Partial<Omit<IPropertyPaneState, 'schemePreset'>>): void {
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
