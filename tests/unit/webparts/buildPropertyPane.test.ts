/**
 * The property pane builder. SPFx's own property-pane module needs the SharePoint page
 * runtime, so its field factories are replaced by ones that record what was asked for;
 * what is tested is the pane this project builds from its state.
 */
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { CUSTOM_SCHEME, IPropertyPaneState, buildPropertyPane } from '../../../src/webparts/improvementPlan/propertyPane/buildPropertyPane';

jest.mock('@microsoft/sp-property-pane', () => {
  const field = (type: string) => (targetProperty: string, properties: Record<string, unknown>) => ({ type, targetProperty, properties });
  return {
    PropertyPaneButton: field('Button'),
    PropertyPaneDropdown: field('Dropdown'),
    PropertyPaneLabel: field('Label'),
    PropertyPaneTextField: field('TextField'),
    PropertyPaneButtonType: { Normal: 0 }
  };
});

interface IRecordedField {
  type: string;
  targetProperty: string;
  properties: { label?: string; text?: string; options?: Array<{ key: string | number; text: string }>; onGetErrorMessage?: (value: string) => string; onClick?: () => void; disabled?: boolean };
}

const loaded: IPropertyPaneState = {
  plans: { kind: 'loaded', plans: [{ id: 1, title: 'Shropshire APP 2023' }] },
  priorities: [
    { id: 3, planId: 1, number: '3', title: 'ND Pathways', inspectionFinding: '', vision: '', leadRoles: [], membership: [] },
    { id: 5, planId: 1, number: '5', title: 'Quality of EHC plans', inspectionFinding: '', vision: '', leadRoles: [], membership: [] }
  ],
  settings: { kind: 'loaded', saving: false },
  listSetup: { kind: 'idle' },
  schemePreset: 'ragc'
};

function fields(pane: IPropertyPaneConfiguration): IRecordedField[] {
  return pane.pages[0].groups.flatMap((group) => ('groupFields' in group ? (group.groupFields as unknown as IRecordedField[]) : []));
}

function field(pane: IPropertyPaneConfiguration, target: string, type?: string): IRecordedField {
  const found = fields(pane).find((candidate) => candidate.targetProperty === target && (!type || candidate.type === type));
  if (!found) throw new Error(`no ${type ?? ''} field for ${target}`);
  return found;
}

describe('buildPropertyPane', () => {
  const actions = { onSavePlanSettings: jest.fn(), onSetUpLists: jest.fn() };

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

  it('shows the custom scheme box only for a custom scheme, and names each bad line', () => {
    expect(fields(buildPropertyPane(loaded, actions)).some((candidate) => candidate.targetProperty === 'customScheme')).toBe(false);
    const custom = field(buildPropertyPane({ ...loaded, schemePreset: CUSTOM_SCHEME }, actions), 'customScheme');
    expect(custom.properties.onGetErrorMessage?.('Red = off track\nAmber = at risk')).toBe('');
    expect(custom.properties.onGetErrorMessage?.('Red = off track\nAmber')).toBe('Line 2: write "Label = meaning", for example "Amber = at risk".');
  });

  it('checks reporting dates line by line, offers the reports\' protective marking, and saves through the action given', () => {
    const pane = buildPropertyPane(loaded, actions);
    expect(field(pane, 'reportingDatesText').properties.onGetErrorMessage?.('30/06/2024\nJune')).toMatch(/^Line 2: "June" is not a date\./);
    expect(field(pane, 'kpiTolerancePercent').properties.onGetErrorMessage?.('10')).toBe('');
    expect(field(pane, 'kpiTolerancePercent').properties.onGetErrorMessage?.('150')).toBe('"150" is not a percentage from 0 to 100.');
    expect(field(pane, 'protectiveMarking', 'TextField').properties.label).toBe('Protective marking');
    field(pane, 'savePlanSettings', 'Button').properties.onClick?.();
    expect(actions.onSavePlanSettings).toHaveBeenCalled();
  });

  it('disables the buttons while they run and shows what they reported', () => {
    const pane = buildPropertyPane({ ...loaded, settings: { kind: 'loaded', saving: true }, listSetup: { kind: 'finished', message: 'The plan lists were already set up.' } }, actions);
    expect(field(pane, 'savePlanSettings', 'Button').properties.disabled).toBe(true);
    expect(field(pane, 'setUpLists', 'Label').properties.text).toBe('The plan lists were already set up.');
  });

  it('asks for a plan before showing plan settings', () => {
    expect(field(buildPropertyPane({ ...loaded, settings: { kind: 'none' } }, actions), 'schemePreset').properties.text).toBe('Choose a plan to see its settings.');
  });
});
