import * as React from 'react';
import { DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, ProgressIndicator, Stack, Text, ThemeProvider, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { CsvError, parseCsv } from '../model/import/csv';
import { IImportPlan, findHeaderRow, planImportInSlices } from '../model/import/dryRun';
import { ColumnTarget, IColumnMapping, ImportField, columnLetter, suggestMapping } from '../model/import/mapping';
import { IsoDate } from '../model/isoDate';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { IImportResult, IPlanImportService } from '../services/IPlanImportService';
import { ScrollRegion } from './ScrollRegion';
import { errorMessage, formatDate, formatString } from './format';
import { useTableStyles } from './tableStyles';

export interface IImportPanelProps {
  snapshot: IPlanSnapshot;
  importService: IPlanImportService;
  today: IsoDate;
  /** Closes the panel; `imported` says the plan changed and should be read again. */
  onClose: (imported: boolean) => void;
}

/** The fields a column can be read as, in the order the plan officer meets them. */
const FIELD_LABELS: ReadonlyArray<[ImportField, string]> = [
  ['ref', strings.ImportField_ref],
  ['action', strings.ImportField_action],
  ['priority', strings.ImportField_priority],
  ['outcome', strings.ImportField_outcome],
  ['theme', strings.ImportField_theme],
  ['strategicLead', strings.ImportField_strategicLead],
  ['responsibleOfficer', strings.ImportField_responsibleOfficer],
  ['deliveryPartners', strings.ImportField_deliveryPartners],
  ['resources', strings.ImportField_resources],
  ['start', strings.ImportField_start],
  ['due', strings.ImportField_due],
  ['status', strings.ImportField_status],
  ['desiredImpact', strings.ImportField_desiredImpact],
  ['howWeWillKnow', strings.ImportField_howWeWillKnow],
  ['progress', strings.ImportField_progress],
  ['evidence', strings.ImportField_evidence],
  ['tags', strings.ImportField_tags]
];
/** Rows listed in the dry run; the counts cover them all. */
const ROWS_SHOWN = 200;

/** The mapping the plan officer used last time for this plan, kept in the browser. */
function savedMappingKey(planId: number): string {
  return `send-plan-import-mapping-${planId}`;
}

function readSavedMapping(planId: number): IColumnMapping[] {
  try {
    return JSON.parse(window.localStorage.getItem(savedMappingKey(planId)) ?? '[]') as IColumnMapping[];
  } catch {
    return [];
  }
}

function targetKey(target: ColumnTarget): string {
  if (target.kind === 'field') return target.field;
  if (target.kind === 'statusAt') return `statusAt:${target.date}`;
  if (target.kind === 'tag') return `tag:${target.tag}`;
  return 'ignore';
}

function readFile(file: File, as: 'text' | 'bytes'): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string | ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    if (as === 'text') reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  });
}

/** A sheet's rows: CSV read here, .xlsx by a reader fetched only when one is chosen. */
async function readRows(file: File): Promise<string[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readXlsx } = await import(/* webpackChunkName: 'xlsx-reader' */ '../model/import/xlsx');
    return readXlsx(new Uint8Array((await readFile(file, 'bytes')) as ArrayBuffer));
  }
  return parseCsv((await readFile(file, 'text')) as string);
}

type Step =
  | { kind: 'choose'; message?: string }
  | { kind: 'map'; rows: string[][]; headerRow: number; mapping: IColumnMapping[]; fileName: string }
  | { kind: 'checking'; checked: number; total: number }
  | { kind: 'checked'; rows: string[][]; headerRow: number; mapping: IColumnMapping[]; fileName: string; plan: IImportPlan }
  | { kind: 'importing'; written: number; total: number }
  | { kind: 'done'; result: IImportResult }
  | { kind: 'failed'; message: string; rows: string[][]; headerRow: number; mapping: IColumnMapping[]; fileName: string; plan: IImportPlan };

/**
 * Importing a plan from a spreadsheet saved as CSV: choose the file, check the column
 * mapping, read the dry run (every row and every problem by row, column and value),
 * and only then import. Nothing is written before the last step; an import that stops
 * can be run again and finishes the job without duplicates.
 */
export function ImportPanel({ snapshot, importService, today, onClose }: IImportPanelProps): JSX.Element {
  const theme = useTheme();
  const table = useTableStyles();
  const [step, setStep] = React.useState<Step>({ kind: 'choose' });
  const planId = snapshot.plan.id;

  const chooseFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setStep({ kind: 'choose', message: formatString(strings.ImportWrongType, file.name) });
      return;
    }
    try {
      const rows = await readRows(file);
      if (rows.every((cells) => cells.every((cell) => cell.trim() === ''))) {
        setStep({ kind: 'choose', message: formatString(strings.ImportEmpty, file.name) });
        return;
      }
      const headerRow = findHeaderRow(rows);
      if (headerRow === undefined) {
        setStep({ kind: 'choose', message: formatString(strings.ImportNoHeader, file.name) });
        return;
      }
      setStep({ kind: 'map', rows, headerRow, mapping: suggestMapping(rows[headerRow], readSavedMapping(planId)), fileName: file.name });
    } catch (error) {
      setStep({ kind: 'choose', message: error instanceof CsvError ? formatString(strings.ImportUnreadable, file.name, error.line, error.message) : errorMessage(error) });
    }
  };

  /** The dry run, in slices so a sheet of tens of thousands of rows does not freeze the page. */
  const check = async (current: Extract<Step, { kind: 'map' }>): Promise<void> => {
    window.localStorage.setItem(savedMappingKey(planId), JSON.stringify(current.mapping));
    const context = { scheme: snapshot.plan.statusScheme, priorities: snapshot.priorities, outcomes: snapshot.outcomes, actions: snapshot.actions };
    const plan = await planImportInSlices(current.rows, current.mapping, current.headerRow, context, (checked, total) => setStep({ kind: 'checking', checked, total }));
    setStep({ ...current, kind: 'checked', plan });
  };

  const run = async (current: Extract<Step, { kind: 'checked' | 'failed' }>): Promise<void> => {
    setStep({ kind: 'importing', written: 0, total: 1 });
    try {
      const result = await importService.importPlan(planId, current.plan, today, (written, total) => setStep({ kind: 'importing', written, total }));
      setStep({ kind: 'done', result });
    } catch (error) {
      setStep({ ...current, kind: 'failed', message: `${strings.ImportStopped} ${errorMessage(error)}` });
    }
  };

  const mappingEditor = (current: Extract<Step, { kind: 'map' }>): JSX.Element => {
    const options = (entry: IColumnMapping): IDropdownOption[] => [
      { key: 'ignore', text: strings.ImportIgnore },
      ...(entry.target.kind === 'statusAt' || entry.target.kind === 'tag' ? [{ key: targetKey(entry.target), text: entry.target.kind === 'statusAt' ? formatString(strings.ImportStatusAt, formatDate(entry.target.date, entry.target.date)) : formatString(strings.ImportTag, entry.target.tag) }] : []),
      ...FIELD_LABELS.map(([field, text]) => ({ key: field, text }))
    ];
    const change = (column: number, key: string): void => {
      const mapping = current.mapping.map((entry) => {
        if (entry.column !== column) return entry;
        const target: ColumnTarget = key === 'ignore' ? { kind: 'ignore' } : key === targetKey(entry.target) ? entry.target : { kind: 'field', field: key as ImportField };
        return { ...entry, target };
      });
      setStep({ ...current, mapping });
    };
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        <Text>{formatString(strings.ImportHeaderFound, current.fileName, current.headerRow + 1, current.rows.length - current.headerRow - 1)}</Text>
        <ScrollRegion label={strings.ImportMappingCaption}>
          <table className={table.table}>
            <caption className={table.caption}>{strings.ImportMappingCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ImportColumnColumn}</th>
                <th scope="col">{strings.ImportHeaderColumn}</th>
                <th scope="col">{strings.ImportTargetColumn}</th>
              </tr>
            </thead>
            <tbody>
              {current.mapping.map((entry) => (
                <tr key={entry.column}>
                  <th scope="row">{columnLetter(entry.column)}</th>
                  <td>{entry.header}</td>
                  <td>
                    <Dropdown
                      ariaLabel={formatString(strings.ImportTargetLabel, columnLetter(entry.column), entry.header)}
                      options={options(entry)}
                      selectedKey={targetKey(entry.target)}
                      onChange={(_, option) => option && change(entry.column, String(option.key))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={() => check(current)}>{strings.ImportCheck}</PrimaryButton>
          <DefaultButton onClick={() => setStep({ kind: 'choose' })}>{strings.ImportOtherFile}</DefaultButton>
        </Stack>
      </Stack>
    );
  };

  const dryRunReport = (current: Extract<Step, { kind: 'checked' | 'failed' }>): JSX.Element => {
    const { plan } = current;
    const count = (change: string): number => plan.actions.filter((action) => action.change === change).length;
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        <Text>{formatString(strings.ImportSummary, count('create'), count('update'), count('unchanged'), plan.rejectedRows.length, plan.newPriorities.length, plan.newOutcomes.length)}</Text>
        {plan.problems.length > 0 && (
          <ScrollRegion label={strings.ImportProblemsCaption}>
            <table className={table.table}>
              <caption className={table.caption}>{formatString(strings.ImportProblemsCaption, plan.problems.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings.ImportRowColumn}</th>
                  <th scope="col">{strings.ImportColumnColumn}</th>
                  <th scope="col">{strings.ImportValueColumn}</th>
                  <th scope="col">{strings.ImportProblemColumn}</th>
                </tr>
              </thead>
              <tbody>
                {plan.problems.map((problem, index) => (
                  <tr key={index}>
                    <th scope="row">{problem.row > 0 ? problem.row : strings.ImportWholeFile}</th>
                    <td>{problem.column ?? ''}</td>
                    <td>{problem.value ?? ''}</td>
                    <td>
                      {problem.severity === 'error' ? strings.ImportRejected : strings.ImportWarning} {problem.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {plan.actions.length > 0 && (
          <ScrollRegion label={strings.ImportRowsCaption}>
            <table className={table.table}>
              <caption className={table.caption}>{formatString(strings.ImportRowsCaption, Math.min(ROWS_SHOWN, plan.actions.length), plan.actions.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{strings.ImportRowColumn}</th>
                  <th scope="col">{strings.ChangesRefColumn}</th>
                  <th scope="col">{strings.ImportChangeColumn}</th>
                  <th scope="col">{strings.ChangesActionColumn}</th>
                </tr>
              </thead>
              <tbody>
                {plan.actions.slice(0, ROWS_SHOWN).map((action) => (
                  <tr key={action.row}>
                    <th scope="row">{action.row}</th>
                    <td>{action.ref}</td>
                    <td>{action.change === 'create' ? strings.ImportCreate : action.change === 'update' ? strings.ImportUpdate : strings.ImportUnchanged}</td>
                    <td>{action.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {current.kind === 'failed' && <MessageBar messageBarType={MessageBarType.error} isMultiline>{current.message}</MessageBar>}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton disabled={plan.actions.length === 0} onClick={() => run(current)}>
            {formatString(current.kind === 'failed' ? strings.ImportRunAgain : strings.ImportRun, plan.actions.length)}
          </PrimaryButton>
          <DefaultButton onClick={() => setStep({ kind: 'map', rows: current.rows, headerRow: current.headerRow, mapping: current.mapping, fileName: current.fileName })}>{strings.ImportBackToMapping}</DefaultButton>
        </Stack>
      </Stack>
    );
  };

  return (
    <Panel isOpen isBlocking={false} type={PanelType.large} headerText={strings.ImportHeading} closeButtonAriaLabel={strings.UpdateCancel} onDismiss={() => onClose(step.kind === 'done')}>
      <ThemeProvider theme={theme}>
        <Stack tokens={{ childrenGap: 12 }}>
          {step.kind === 'choose' && (
            <Stack tokens={{ childrenGap: 8 }}>
              <Text>{strings.ImportIntro}</Text>
              <label>
                <Text block styles={{ root: { fontWeight: 600 } }}>
                  {strings.ImportFileLabel}
                </Text>
                <input type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => chooseFile(event.target.files?.[0])} />
              </label>
              {step.message && <MessageBar messageBarType={MessageBarType.error} isMultiline>{step.message}</MessageBar>}
            </Stack>
          )}
          {step.kind === 'map' && mappingEditor(step)}
          {(step.kind === 'checked' || step.kind === 'failed') && dryRunReport(step)}
          {step.kind === 'checking' && <ProgressIndicator label={strings.ImportChecking} description={formatString(strings.ImportCheckingProgress, step.checked, step.total)} percentComplete={step.total > 0 ? step.checked / step.total : 0} />}
          {step.kind === 'importing' && <ProgressIndicator label={strings.ImportRunning} description={formatString(strings.ImportProgress, step.written, step.total)} percentComplete={step.total > 0 ? step.written / step.total : 0} />}
          {step.kind === 'done' && (
            <MessageBar messageBarType={MessageBarType.success} isMultiline>
              {formatString(strings.ImportDone, step.result.createdActions, step.result.updatedActions, step.result.unchangedActions, step.result.addedLogEntries, step.result.conflicts.join(', ') || strings.ImportNoConflicts)}
            </MessageBar>
          )}
          {step.kind === 'done' && (
            <Stack.Item>
              <PrimaryButton onClick={() => onClose(true)}>{strings.ImportShowPlan}</PrimaryButton>
            </Stack.Item>
          )}
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
