import * as React from 'react';
import { ChoiceGroup, DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, mergeStyles } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { TextEncodingName } from '../../formats/spreadsheetFile';
import { columnLetter } from '../../model/import/mapping';
import { INewPlanProposal } from '../../model/import/newPlan';
import { CanonicalStatus } from '../../model/statusSchemes';
import { ScrollRegion } from '../ScrollRegion';
import { formatString } from '../format';
import { useTableStyles } from '../tableStyles';
import { MEANING_OPTIONS, confidenceText, readAsChoices, targetForKey, targetKey, targetText } from './importChoices';
import { IImportFlow, IImportSetup, IPlanChoices } from './useImportFlow';
import { schemeName } from '../schemeText';
import { useCulture } from '../culture';

/** Encodings as their standards name them; UTF-8 is the one not mentioned. */
const ENCODING_NAMES: Readonly<Record<TextEncodingName, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252'
};

/** A new plan's name is a list item's title: at most 255 characters. */
const NAME_LIMIT = 255;

const sampleList = mergeStyles({ listStyle: 'none', margin: 0, padding: 0, overflowWrap: 'anywhere' });

/** Sheet, target plan, what was found, the mapping and (for a new plan) the status key: everything the dry run reads. */
export function SetupStep({ flow, setup, message }: { flow: IImportFlow; setup: IImportSetup; message?: string }): JSX.Element {
  const { workbook, analysis } = setup;
  const sheet = workbook.sheets[setup.sheetIndex];
  const nameMissing = setup.target === 'new' && setup.name.trim() === '';
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {workbook.sheets.length > 1 && (
        <Dropdown
          label={strings.ImportSheetLabel}
          options={workbook.sheets.map((each, index) => ({ key: index, text: each.hidden ? formatString(strings.ImportSheetHidden, each.name) : each.name }))}
          selectedKey={setup.sheetIndex}
          onChange={(_, option) => option && flow.chooseSheet(Number(option.key))}
        />
      )}
      {workbook.encoding && workbook.encoding !== 'utf-8' && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {formatString(strings.ImportEncoding, setup.fileName, ENCODING_NAMES[workbook.encoding])}
        </MessageBar>
      )}
      {analysis && <Text>{formatString(strings.ImportHeaderFound, sheet.name, analysis.headerRow + 1, sheet.rows.length - analysis.headerRow - 1)}</Text>}
      {!analysis && setup.kpiSheetNames.length === 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {formatString(strings.ImportNoHeaderOnSheet, sheet.name)}
        </MessageBar>
      )}
      {setup.kpiSheetNames.length > 0 && <Text>{formatString(analysis ? strings.ImportKpiSheetsBeside : strings.ImportKpiSheetsOnly, setup.kpiSheetNames.join(', '))}</Text>}
      <TargetChoice flow={flow} setup={setup} planChoices={flow.planChoices} />
      {analysis && <MappingTable flow={flow} setup={setup} />}
      {analysis && setup.target === 'new' && flow.proposal && <SchemeTable flow={flow} setup={setup} proposal={flow.proposal} />}
      {message && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {message}
        </MessageBar>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <PrimaryButton disabled={(!analysis && setup.kpiSheetNames.length === 0) || nameMissing} onClick={() => flow.check()}>
          {strings.ImportCheck}
        </PrimaryButton>
        <DefaultButton onClick={flow.chooseAnotherFile}>{strings.ImportOtherFile}</DefaultButton>
      </Stack>
    </Stack>
  );
}

/** Into a new plan (named from the file) or one already on the site. */
function TargetChoice({ flow, setup, planChoices }: { flow: IImportFlow; setup: IImportSetup; planChoices: IPlanChoices }): JSX.Element {
  const pagePlanId = planChoices.plans[0].id;
  const planOptions: IDropdownOption[] = planChoices.plans.map((plan) => ({
    key: plan.id,
    text: formatString(plan.id === pagePlanId ? strings.ImportPlanOptionThisPage : strings.ImportPlanOption, plan.title, plan.id)
  }));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ChoiceGroup
        label={strings.ImportTargetHeading}
        selectedKey={setup.target === 'new' ? 'new' : 'existing'}
        options={[
          { key: 'new', text: strings.ImportTargetNew },
          { key: 'existing', text: strings.ImportTargetExisting }
        ]}
        onChange={(_, option) => option && flow.chooseTarget(option.key === 'new' ? 'new' : pagePlanId)}
      />
      {setup.target === 'new' ? (
        <Stack tokens={{ childrenGap: 4 }}>
          <TextField
            label={strings.ImportPlanName}
            required
            maxLength={NAME_LIMIT}
            value={setup.name}
            errorMessage={setup.name.trim() === '' ? strings.ImportPlanNameRequired : undefined}
            onChange={(_, value) => flow.setName(value ?? '')}
          />
          <TextField label={strings.ImportPlanArea} maxLength={NAME_LIMIT} value={setup.localArea} onChange={(_, value) => flow.setLocalArea(value ?? '')} />
        </Stack>
      ) : (
        <Dropdown label={strings.ImportPlanChoice} options={planOptions} selectedKey={setup.target} onChange={(_, option) => option && flow.chooseTarget(Number(option.key))} />
      )}
      {setup.target !== 'new' && planChoices.message && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {planChoices.message}
        </MessageBar>
      )}
    </Stack>
  );
}

/** Each column: its letter and heading, a few of its values, how sure the suggestion is, and what it is read as. */
function MappingTable({ flow, setup }: { flow: IImportFlow; setup: IImportSetup }): JSX.Element {
  const culture = useCulture();
  const table = useTableStyles();
  return (
    <ScrollRegion label={strings.ImportMappingCaption}>
      <table className={table.table}>
        <caption className={table.caption}>{strings.ImportMappingCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.ImportColumnColumn}</th>
            <th scope="col">{strings.ImportHeaderColumn}</th>
            <th scope="col">{strings.ImportSamplesColumn}</th>
            <th scope="col">{strings.ImportConfidenceColumn}</th>
            <th scope="col">{strings.ImportTargetColumn}</th>
          </tr>
        </thead>
        <tbody>
          {setup.columns.map((entry, index) => {
            const choices = readAsChoices(setup.suggested[index], entry.target);
            const letter = columnLetter(entry.column);
            return (
              <tr key={entry.column}>
                <th scope="row">{letter}</th>
                <td>{entry.header}</td>
                <td>
                  {entry.samples.length > 0 ? (
                    <ul className={sampleList}>
                      {entry.samples.map((sample) => (
                        <li key={sample}>{sample}</li>
                      ))}
                    </ul>
                  ) : (
                    strings.ImportNoSamples
                  )}
                </td>
                <td>{confidenceText(entry.confidence, setup.suggested[index], setup.chosen.indexOf(entry.column) >= 0)}</td>
                <td>
                  <Dropdown
                    ariaLabel={formatString(strings.ImportTargetLabel, letter, entry.header)}
                    options={choices.map((choice) => ({ key: targetKey(choice), text: targetText(choice, culture) }))}
                    selectedKey={targetKey(entry.target)}
                    onChange={(_, option) => option && flow.setColumnTarget(entry.column, targetForKey(choices, String(option.key)))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The new plan's status key: each label, how many cells wrote it and what it means; and the values that fit none. */
function SchemeTable({ flow, setup, proposal }: { flow: IImportFlow; setup: IImportSetup; proposal: INewPlanProposal }): JSX.Element {
  const table = useTableStyles();
  const { scheme } = proposal;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text>{scheme.source === 'custom' ? strings.ImportSchemeCustom : formatString(strings.ImportSchemePreset, schemeName(scheme.scheme))}</Text>
      <ScrollRegion label={strings.ImportSchemeCaption}>
        <table className={table.table}>
          <caption className={table.caption}>{strings.ImportSchemeCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.ImportSchemeLabelColumn}</th>
              <th scope="col" className={table.number}>
                {strings.ImportSchemeFoundColumn}
              </th>
              <th scope="col">{strings.ImportSchemeMeaningColumn}</th>
            </tr>
          </thead>
          <tbody>
            {scheme.scheme.labels.map((label, index) => (
              <tr key={label.key}>
                <th scope="row">{label.label}</th>
                <td className={table.number}>{scheme.labels[index]?.found ?? 0}</td>
                <td>
                  <Dropdown
                    ariaLabel={formatString(strings.ImportSchemeMeaningLabel, label.label)}
                    options={MEANING_OPTIONS.map((option) => ({ ...option }))}
                    selectedKey={setup.meanings[label.key] ?? label.meaning}
                    onChange={(_, option) => option && flow.setMeaning(label.key, option.key as CanonicalStatus)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {scheme.unmatched.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {strings.ImportSchemeUnmatched}
          <ul>
            {scheme.unmatched.map((entry) => (
              <li key={entry.value}>{formatString(strings.ImportSchemeUnmatchedValue, entry.value, entry.found)}</li>
            ))}
          </ul>
        </MessageBar>
      )}
    </Stack>
  );
}
