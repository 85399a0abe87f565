/**
 * SPFx's property-pane module needs the SharePoint page runtime: tests replace its field
 * factories with ones that record what was asked for, and read the pane back from the record.
 *
 * jest.mock('@microsoft/sp-property-pane', () => jest.requireActual('../../support/propertyPane').recordingPropertyPane);
 */
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

/** A field as recorded: its type (Dropdown, Label...), target property and properties. */
export interface IRecordedField {
  type: string;
  targetProperty: string;
  properties: { label?: string; text?: string; options?: Array<{ key: string | number; text: string }>; onGetErrorMessage?: (value: string) => string; onClick?: () => void; disabled?: boolean };
}

function recorder(type: string): (targetProperty: string, properties: Record<string, unknown>) => unknown {
  return (targetProperty, properties) => ({ type, targetProperty, properties });
}

/** Stands in for @microsoft/sp-property-pane. */
export const recordingPropertyPane = {
  PropertyPaneButton: recorder('Button'),
  PropertyPaneDropdown: recorder('Dropdown'),
  PropertyPaneLabel: recorder('Label'),
  PropertyPaneTextField: recorder('TextField'),
  PropertyPaneButtonType: { Normal: 0 }
};

/** Every field of the pane's first page, in order. */
export function fields(pane: IPropertyPaneConfiguration): IRecordedField[] {
  return pane.pages[0].groups.flatMap((group) => ('groupFields' in group ? (group.groupFields as unknown as IRecordedField[]) : []));
}

/** The field bound to `target` (of `type`, when two share it). */
export function field(pane: IPropertyPaneConfiguration, target: string, type?: string): IRecordedField {
  const found = fields(pane).find((candidate) => candidate.targetProperty === target && (!type || candidate.type === type));
  if (!found) throw new Error(`no ${type ?? ''} field for ${target}`);
  return found;
}
