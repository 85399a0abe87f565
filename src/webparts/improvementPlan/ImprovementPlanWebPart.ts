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
import { teamsTheme } from '../../components/themes';
import { todayIso } from '../../model/isoDate';
import { IPlanDataService } from '../../services/IPlanDataService';
import { SharePointPlanDataService } from '../../services/SharePointPlanDataService';
import { ListSetup, PlanChoices, buildPropertyPane } from './propertyPane/buildPropertyPane';
import { IProvisioningService } from '../../services/IProvisioningService';
import { SharePointProvisioningService } from '../../services/SharePointProvisioningService';
import { describeProvisioning, describeProvisioningFailure } from '../../components/provisioningText';

export interface IImprovementPlanWebPartProps {
  planId?: number;
}

/** Wiring only: services, theme, property pane, render, dispose. */
export default class ImprovementPlanWebPart extends BaseClientSideWebPart<IImprovementPlanWebPartProps> {
  private dataService!: IPlanDataService;
  private themeProvider: ThemeProvider | undefined;
  private theme: PartialTheme = {};
  private provisioning!: IProvisioningService;
  private planChoices: PlanChoices = { kind: 'loading' };
  private listSetup: ListSetup = { kind: 'idle' };

  protected async onInit(): Promise<void> {
    await super.onInit();
    const sp = spfi().using(SPFx(this.context));
    this.dataService = new SharePointPlanDataService(sp);
    this.provisioning = new SharePointProvisioningService(sp);

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
        dataService: this.dataService,
        planId: this.properties.planId,
        today: todayIso(),
        theme: this.theme,
        provisioning: this.provisioning
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
    this.planChoices = { kind: 'loading' };
    this.dataService.listPlans().then(
      (plans) => this.showPlanChoices({ kind: 'loaded', plans }),
      (error: unknown) => this.showPlanChoices({ kind: 'failed', message: errorMessage(error) })
    );
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return buildPropertyPane(this.planChoices, this.listSetup, () => this.setUpLists());
  }

  private setUpLists(): void {
    this.listSetup = { kind: 'running' };
    this.context.propertyPane.refresh();
    this.provisioning.ensureLists().then(
      (report) => this.showListSetup(describeProvisioning(report)),
      (error: unknown) => this.showListSetup(describeProvisioningFailure(error))
    );
  }

  private showListSetup(message: string): void {
    this.listSetup = { kind: 'finished', message };
    this.context.propertyPane.refresh();
    this.render();
  }

  private showPlanChoices(choices: PlanChoices): void {
    this.planChoices = choices;
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
