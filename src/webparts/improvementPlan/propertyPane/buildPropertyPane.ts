import {
  IPropertyPaneConfiguration,
  IPropertyPaneField,
  PropertyPaneButton,
  PropertyPaneButtonType,
  PropertyPaneDropdown,
  PropertyPaneLabel,
  PropertyPaneTextField
} from '@microsoft/sp-property-pane';
import * as strings from 'ImprovementPlanWebPartStrings';
import { DEFAULT_PROTECTIVE_MARKING, IPriorityArea } from '../../../model/plan';
import { parseReportingDates, parseTolerance } from '../../../model/planSettings';
import { PRESET_SCHEMES, parseSchemeText } from '../../../model/statusSchemes';
import { IPlanSummary } from '../../../services/IPlanDataService';
import { formatString } from '../../../components/format';
import { PLAN_VIEWS, VIEW_LABELS } from '../../../components/navigation';

/** What the pane knows about the site's plans while it is open. */
export type PlanChoices = { kind: 'loading' } | { kind: 'loaded'; plans: IPlanSummary[] } | { kind: 'failed'; message: string };

/** The "Set up lists" button's state: idle, running, or what the last run said. */
export type ListSetup = { kind: 'idle' } | { kind: 'running' } | { kind: 'finished'; message: string };

/** The chosen plan's settings: not read yet, read (and perhaps being saved), or unreadable. */
export type PlanSettingsState = { kind: 'none' } | { kind: 'loaded'; saving: boolean; message?: string } | { kind: 'failed'; message: string };

/** The value of the scheme dropdown that opens the custom scheme box. */
export const CUSTOM_SCHEME = 'custom';

export interface IPropertyPaneState {
  plans: PlanChoices;
  /** The chosen plan's priority areas, for pinning the page to one. */
  priorities: IPriorityArea[];
  settings: PlanSettingsState;
  listSetup: ListSetup;
  /** The scheme dropdown's current value, deciding whether the custom box shows. */
  schemePreset: string | undefined;
}

export interface IPropertyPaneActions {
  onSavePlanSettings: () => void;
  onSetUpLists: () => void;
}

/** The problems in a draft, as the pane shows them under the field; '' when there are none. */
function problemsOf(result: { ok: true } | { ok: false; errors: string[] }): string {
  return result.ok ? '' : result.errors.join(' ');
}

function button(key: string, text: string, disabled: boolean, onClick: () => void): IPropertyPaneField<unknown> {
  return PropertyPaneButton(key, {
    text,
    buttonType: PropertyPaneButtonType.Normal,
    disabled,
    onClick: () => {
      onClick();
      return undefined;
    }
  });
}

/**
 * The web part's settings: the plan and how the page opens (view, pinned priority);
 * the plan's own settings (status scheme, reporting dates, KPI tolerance, the reports'
 * protective marking), saved to the plan list for
 * every page that shows it; and setting up the plan lists.
 */
export function buildPropertyPane(state: IPropertyPaneState, actions: IPropertyPaneActions): IPropertyPaneConfiguration {
  const { plans, settings, listSetup } = state;
  const planField =
    plans.kind === 'loaded'
      ? PropertyPaneDropdown('planId', { label: strings.PlanFieldLabel, options: plans.plans.map((plan) => ({ key: plan.id, text: plan.title })) })
      : PropertyPaneLabel('planId', { text: plans.kind === 'loading' ? strings.PlansLoading : formatString(strings.PlansLoadFailed, plans.message) });

  const pageFields = [
    planField,
    PropertyPaneDropdown('defaultView', { label: strings.DefaultViewLabel, options: PLAN_VIEWS.map((view) => ({ key: view, text: VIEW_LABELS[view] })) }),
    PropertyPaneDropdown('pinnedPriorityId', {
      label: strings.PinnedPriorityLabel,
      options: [{ key: 0, text: strings.PinnedPriorityAll }, ...state.priorities.map((priority) => ({ key: priority.id, text: priority.number ? `${priority.number}. ${priority.title}` : priority.title }))]
    })
  ];

  const settingsFields: Array<IPropertyPaneField<unknown>> =
    settings.kind === 'loaded'
      ? [
          PropertyPaneDropdown('schemePreset', {
            label: strings.SchemeLabel,
            options: [...PRESET_SCHEMES.map((scheme) => ({ key: scheme.id, text: scheme.name })), { key: CUSTOM_SCHEME, text: strings.SchemeCustom }]
          }),
          ...(state.schemePreset === CUSTOM_SCHEME
            ? [
                PropertyPaneTextField('customScheme', {
                  label: strings.SchemeCustomLabel,
                  description: strings.SchemeCustomHint,
                  multiline: true,
                  rows: 6,
                  onGetErrorMessage: (value: string) => problemsOf(parseSchemeText(value ?? ''))
                })
              ]
            : []),
          PropertyPaneTextField('reportingDatesText', {
            label: strings.ReportingDatesLabel,
            description: strings.ReportingDatesHint,
            multiline: true,
            rows: 5,
            onGetErrorMessage: (value: string) => problemsOf(parseReportingDates(value ?? ''))
          }),
          PropertyPaneTextField('kpiTolerancePercent', {
            label: strings.KpiToleranceLabel,
            description: strings.KpiToleranceHint,
            onGetErrorMessage: (value: string) => problemsOf(parseTolerance(value ?? ''))
          }),
          PropertyPaneTextField('protectiveMarking', {
            label: strings.ProtectiveMarkingLabel,
            description: strings.ProtectiveMarkingHint,
            placeholder: DEFAULT_PROTECTIVE_MARKING
          }),
          button('savePlanSettings', settings.saving ? strings.UpdateSaving : strings.SavePlanSettings, settings.saving, actions.onSavePlanSettings),
          ...(settings.message ? [PropertyPaneLabel('savePlanSettings', { text: settings.message })] : [])
        ]
      : [PropertyPaneLabel('schemePreset', { text: settings.kind === 'failed' ? settings.message : strings.PlanSettingsChooseFirst })];

  return {
    pages: [
      {
        header: { description: strings.PropertyPaneDescription },
        groups: [
          { groupName: strings.PlanGroupName, groupFields: pageFields },
          { groupName: strings.PlanSettingsGroupName, groupFields: settingsFields },
          {
            groupName: strings.ListsGroupName,
            groupFields: [
              button('setUpLists', listSetup.kind === 'running' ? strings.SetUpListsRunning : strings.SetUpLists, listSetup.kind === 'running', actions.onSetUpLists),
              ...(listSetup.kind === 'finished' ? [PropertyPaneLabel('setUpLists', { text: listSetup.message })] : [])
            ]
          }
        ]
      }
    ]
  };
}
