import { IPropertyPaneConfiguration, PropertyPaneButton, PropertyPaneButtonType, PropertyPaneDropdown, PropertyPaneLabel } from '@microsoft/sp-property-pane';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPlanSummary } from '../../../services/IPlanDataService';
import { formatString } from '../../../components/format';

/** What the pane knows about the site's plans while it is open. */
export type PlanChoices = { kind: 'loading' } | { kind: 'loaded'; plans: IPlanSummary[] } | { kind: 'failed'; message: string };

/** The "Set up lists" button's state: idle, running, or what the last run said. */
export type ListSetup = { kind: 'idle' } | { kind: 'running' } | { kind: 'finished'; message: string };

/** The web part's settings: which plan the page shows, and setting up the plan lists. */
export function buildPropertyPane(choices: PlanChoices, setup: ListSetup, onSetUpLists: () => void): IPropertyPaneConfiguration {
  const planField =
    choices.kind === 'loaded'
      ? PropertyPaneDropdown('planId', {
          label: strings.PlanFieldLabel,
          options: choices.plans.map((plan) => ({ key: plan.id, text: plan.title }))
        })
      : PropertyPaneLabel('planId', {
          text: choices.kind === 'loading' ? strings.PlansLoading : formatString(strings.PlansLoadFailed, choices.message)
        });
  return {
    pages: [
      {
        header: { description: strings.PropertyPaneDescription },
        groups: [
          { groupName: strings.PlanGroupName, groupFields: [planField] },
          {
            groupName: strings.ListsGroupName,
            groupFields: [
              PropertyPaneButton('setUpLists', {
                text: setup.kind === 'running' ? strings.SetUpListsRunning : strings.SetUpLists,
                buttonType: PropertyPaneButtonType.Normal,
                disabled: setup.kind === 'running',
                onClick: () => {
                  onSetUpLists();
                  return undefined;
                }
              }),
              ...(setup.kind === 'finished' ? [PropertyPaneLabel('setUpLists', { text: setup.message })] : [])
            ]
          }
        ]
      }
    ]
  };
}
