import { IPropertyPaneConfiguration, IPropertyPaneField, PropertyPaneButton, PropertyPaneButtonType, PropertyPaneDropdown, PropertyPaneLabel } from '@microsoft/sp-property-pane';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPriorityArea, priorityName } from '../../../model/plan';
import { IPlanSummary } from '../../../services/IPlanDataService';
import { formatString } from '../../../components/format';
import { PLAN_VIEWS, VIEW_LABELS } from '../../../components/navigation';

/** What the pane knows about the site's plans while it is open. */
export type PlanChoices = { kind: 'loading' } | { kind: 'loaded'; plans: IPlanSummary[] } | { kind: 'failed'; message: string };

/** The "Set up lists" button's state: idle, running, or what the last run said. */
export type ListSetup = { kind: 'idle' } | { kind: 'running' } | { kind: 'finished'; message: string };

export interface IPropertyPaneState {
  plans: PlanChoices;
  /** The chosen plan's priority areas, for pinning the page to one. */
  priorities: IPriorityArea[];
  listSetup: ListSetup;
}

export interface IPropertyPaneActions {
  onSetUpLists: () => void;
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
 * The web part's settings, which belong to the page: the plan it shows, the tab it opens
 * on and the priority it is pinned to; and setting up the plan lists. The plan's own
 * settings (scheme, board dates, sign-off...) are the plan's, for every page and host
 * showing it: a plan officer edits them in the web part (Plan settings).
 */
export function buildPropertyPane(state: IPropertyPaneState, actions: IPropertyPaneActions): IPropertyPaneConfiguration {
  const { plans, listSetup } = state;
  const planField =
    plans.kind === 'loaded'
      ? PropertyPaneDropdown('planId', { label: strings.PlanFieldLabel, options: plans.plans.map((plan) => ({ key: plan.id, text: plan.title })) })
      : PropertyPaneLabel('planId', { text: plans.kind === 'loading' ? strings.PlansLoading : formatString(strings.PlansLoadFailed, plans.message) });

  const pageFields = [
    planField,
    PropertyPaneDropdown('defaultView', { label: strings.DefaultViewLabel, options: PLAN_VIEWS.map((view) => ({ key: view, text: VIEW_LABELS[view] })) }),
    PropertyPaneDropdown('pinnedPriorityId', {
      label: strings.PinnedPriorityLabel,
      options: [{ key: 0, text: strings.PinnedPriorityAll }, ...state.priorities.map((priority) => ({ key: priority.id, text: priorityName(priority) }))]
    }),
    PropertyPaneLabel('planSettings', { text: strings.PlanSettingsInWebPart })
  ];

  return {
    pages: [
      {
        header: { description: strings.PropertyPaneDescription },
        groups: [
          { groupName: strings.PlanGroupName, groupFields: pageFields },
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
