import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { PartialTheme } from '@fluentui/react';
import { spfi, SPFx } from '@pnp/sp';
import { ImprovementPlanApp } from '../../components/ImprovementPlanApp';
import { CultureProvider } from '../../components/culture';
import { PlanViewKey } from '../../components/navigation';
import { teamsTheme } from '../../components/themes';
import { todayIso } from '../../model/isoDate';
import { IPlanServices, consumePlanServices, startPlanServiceScope } from '../../services/planServices';
import type { PropertyPaneController } from './propertyPane/PropertyPaneController';
import { followTeamsTheme } from './teamsTheme';

export interface IImprovementPlanWebPartProps {
  planId?: number;
  defaultView?: PlanViewKey;
  /** 0 or unset: every priority area. */
  pinnedPriorityId?: number;
}

/** Wiring only: services, theme, property pane, render, dispose. */
export default class ImprovementPlanWebPart extends BaseClientSideWebPart<IImprovementPlanWebPartProps> {
  private services!: IPlanServices;
  private themeProvider: ThemeProvider | undefined;
  private theme: PartialTheme = {};
  /** The property pane's state and handlers: SPFx calls no pane API before loadPropertyPaneResources has made it. */
  private pane!: PropertyPaneController;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const { pageContext } = this.context;
    const scope = startPlanServiceScope(this.context.serviceScope, {
      sp: spfi().using(SPFx(this.context)),
      siteUrl: pageContext.web.absoluteUrl,
      userLoginName: pageContext.user.loginName,
      graphClient: () => this.context.msGraphClientFactory.getClient('3')
    });
    this.services = consumePlanServices(scope);

    this.themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this.applySectionTheme(this.themeProvider.tryGetTheme());
    this.themeProvider.themeChangedEvent.add(this, this.onSectionThemeChanged);
    const teams = this.context.sdks.microsoftTeams;
    if (teams) await followTeamsTheme(teams.teamsJs.app, (name) => this.applyTeamsTheme(name));
  }

  public render(): void {
    // The page's regional culture (not the UI language): a UK site read in an en-US UI still writes 30 April 2023.
    ReactDom.render(
      React.createElement(CultureProvider, { culture: this.context.pageContext.cultureInfo.currentCultureName }, React.createElement(ImprovementPlanApp, {
        ...this.services,
        planId: this.properties.planId,
        today: todayIso(),
        theme: this.theme,
        defaultView: this.properties.defaultView,
        pinnedPriorityId: this.properties.pinnedPriorityId || undefined,
        onPlanCreated: (planId) => this.showPlan(planId)
      })),
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

  /** The property pane's code is fetched when a page author first opens it, not with the page. */
  protected async loadPropertyPaneResources(): Promise<void> {
    const { PropertyPaneController } = await import(/* webpackChunkName: 'property-pane' */ './propertyPane/PropertyPaneController');
    this.pane = new PropertyPaneController({
      dataService: this.services.dataService,
      provisioning: this.services.provisioning,
      chosenPlanId: () => this.properties.planId,
      unpinPriority: () => {
        this.properties.pinnedPriorityId = undefined;
      },
      refreshPane: () => this.context.propertyPane.refresh(),
      render: () => this.render()
    });
  }

  protected onPropertyPaneConfigurationStart(): void {
    this.pane.open();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    this.pane.fieldChanged(propertyPath, oldValue, newValue);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return this.pane.configuration();
  }

  /** A plan officer created a plan in the web part: the page shows it from now on. */
  private showPlan(planId: number): void {
    this.properties.planId = planId;
    this.properties.pinnedPriorityId = undefined;
    this.render();
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
