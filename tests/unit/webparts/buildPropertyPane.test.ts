/**
 * The property pane builder. SPFx's own property-pane module needs the SharePoint page
 * runtime, so its field factories are replaced by ones that record what was asked for
 * (tests/support/propertyPane.ts); what is tested is the pane this project builds from its state.
 */
import { IPropertyPaneState, buildPropertyPane } from '../../../src/webparts/improvementPlan/propertyPane/buildPropertyPane';
import { field, fields } from '../../support/propertyPane';

jest.mock('@microsoft/sp-property-pane', () => jest.requireActual('../../support/propertyPane').recordingPropertyPane);

const loaded: IPropertyPaneState = {
  plans: { kind: 'loaded', plans: [{ id: 1, title: 'Shropshire APP 2023' }] },
  priorities: [
    { id: 3, planId: 1, number: '3', title: 'ND Pathways', inspectionFinding: '', vision: '', leadRoles: [], membership: [] },
    { id: 5, planId: 1, number: '5', title: 'Quality of EHC plans', inspectionFinding: '', vision: '', leadRoles: [], membership: [] }
  ],
  listSetup: { kind: 'idle' }
};

describe('buildPropertyPane', () => {
  const actions = { onSetUpLists: jest.fn() };

  it('offers the plan, the opening tab and the priority to pin, with "all" first', () => {
    const pane = buildPropertyPane(loaded, actions);
    expect(field(pane, 'planId').properties.options).toEqual([{ key: 1, text: 'Shropshire APP 2023' }]);
    expect(field(pane, 'defaultView').properties.options?.map((option) => option.key)).toEqual(['summary', 'workstreams', 'kpis', 'myActions']);
    expect(field(pane, 'pinnedPriorityId').properties.options).toEqual([
      { key: 0, text: 'All priority areas' },
      { key: 3, text: '3. ND Pathways' },
      { key: 5, text: '5. Quality of EHC plans' }
    ]);
  });

  it('says when the plans are loading or could not be read', () => {
    expect(field(buildPropertyPane({ ...loaded, plans: { kind: 'loading' } }, actions), 'planId').type).toBe('Label');
    expect(field(buildPropertyPane({ ...loaded, plans: { kind: 'failed', message: 'Access denied.' } }, actions), 'planId').properties.text).toBe('The plans could not be loaded: Access denied.');
  });

  it('keeps to what belongs to the page: the plan\'s own settings are edited in the web part, for every page and host', () => {
    const pane = buildPropertyPane(loaded, actions);
    expect(fields(pane).map((candidate) => `${candidate.type} ${candidate.targetProperty}`)).toEqual(['Dropdown planId', 'Dropdown defaultView', 'Dropdown pinnedPriorityId', 'Label planSettings', 'Button setUpLists']);
    expect(field(pane, 'planSettings').properties.text).toMatch(/are under Plan settings on the summary/);
  });

  it('disables the set-up button while it runs and shows what it reported', () => {
    const pane = buildPropertyPane({ ...loaded, listSetup: { kind: 'running' } }, actions);
    expect(field(pane, 'setUpLists', 'Button').properties.disabled).toBe(true);
    const finished = buildPropertyPane({ ...loaded, listSetup: { kind: 'finished', message: 'The plan lists were already set up.' } }, actions);
    expect(field(finished, 'setUpLists', 'Label').properties.text).toBe('The plan lists were already set up.');
    field(finished, 'setUpLists', 'Button').properties.onClick?.();
    expect(actions.onSetUpLists).toHaveBeenCalled();
  });
});
