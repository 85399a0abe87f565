import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IKpiSheetPlan } from '../../model/import/chooseSheet';
import { IImportPlan, RowChange } from '../../model/import/dryRun';
import { tableRowPlace } from '../../model/import/documentTables';
import { IImportProblem } from '../../model/import/problems';
import { ScrollRegion } from '../ScrollRegion';
import { formatString } from '../format';
import { problemText } from '../problemText';
import { useTableStyles } from '../tableStyles';
import { IDryRun } from './useImportFlow';

/** Rows listed in the dry run; the counts cover them all. */
const ROWS_SHOWN = 200;

const CHANGE_TEXT: Readonly<Record<RowChange, string>> = {
  create: strings.ImportCreate,
  update: strings.ImportUpdate,
  unchanged: strings.ImportUnchanged,
  rejected: strings.ImportRejected
};

/** The plan the rows go into, in words. */
export function targetName(plan: IImportPlan): string {
  const { target } = plan;
  return target.kind === 'new' ? formatString(strings.ImportIntoNew, target.name) : formatString(strings.ImportIntoExisting, target.name, target.planId);
}

function columnText(problem: IImportProblem): string {
  if (!problem.column) return '';
  return problem.header ? formatString(strings.ImportColumnWithHeader, problem.column, problem.header) : problem.column;
}

/**
 * What the import will do, before it does it: the plan it writes into, the priorities
 * and outcomes it creates, the counts, every problem by row, column and value, and the
 * rows with what each will do.
 */
export function DryRunReport({ run, message, onImport, onBack }: { run: IDryRun; message?: string; onImport: () => void; onBack: () => void }): JSX.Element {
  const table = useTableStyles();
  const { plan } = run;
  const count = (change: RowChange): number => plan.actions.filter((action) => action.change === change).length;
  const strongText = { root: { fontWeight: 600 as const } };
  const rowsCaption = formatString(strings.ImportRowsCaption, Math.min(ROWS_SHOWN, plan.actions.length), plan.actions.length);
  // A Word document's rows are named by their table and row there; a sheet's by its row.
  const rowText = (row: number): string | number => {
    const place = run.sheet && tableRowPlace(run.sheet, row);
    if (!place) return row;
    return place.row === 0 ? formatString(strings.ImportTableHeading, place.table) : formatString(strings.ImportTableRow, place.table, place.row);
  };
  const kpiCount = run.kpis.reduce((sum, sheet) => sum + sheet.kpis.length, 0);
  // The KPI scorecards' problems follow the actions', each named by its sheet.
  const problems: Array<{ problem: IImportProblem; sheet?: string }> = [
    ...plan.problems.map((problem) => ({ problem })),
    ...run.kpis.reduce<Array<{ problem: IImportProblem; sheet?: string }>>((all, sheet) => all.concat(sheet.problems.map((problem) => ({ problem, sheet: sheet.sheet }))), [])
  ];
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text styles={strongText}>{targetName(plan)}</Text>
      <Text>{formatString(strings.ImportSummary, count('create'), count('update'), count('unchanged'), plan.rejectedRows.length, plan.newPriorities.length, plan.newOutcomes.length)}</Text>
      {plan.newPriorities.length > 0 && <NumberedTable caption={formatString(strings.ImportNewPrioritiesCaption, plan.newPriorities.length)} items={plan.newPriorities.map((priority) => ({ key: priority.number, number: priority.number, title: priority.title }))} />}
      {plan.newOutcomes.length > 0 && (
        <NumberedTable caption={formatString(strings.ImportNewOutcomesCaption, plan.newOutcomes.length)} items={plan.newOutcomes.map((outcome) => ({ key: `${outcome.priority}/${outcome.number}`, number: outcome.number, title: outcome.title }))} />
      )}
      {problems.length > 0 && (
        <ScrollRegion label={formatString(strings.ImportProblemsCaption, problems.length)}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ImportProblemsCaption, problems.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ImportRowColumn}</th>
                <th scope="col">{strings.ImportColumnColumn}</th>
                <th scope="col">{strings.ImportValueColumn}</th>
                <th scope="col">{strings.ImportProblemColumn}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map(({ problem, sheet }, index) => (
                <tr key={index}>
                  <th scope="row">{problem.row === 0 ? strings.ImportWholeFile : sheet ? formatString(strings.ImportSheetRow, sheet, problem.row) : rowText(problem.row)}</th>
                  <td>{columnText(problem)}</td>
                  <td>{problem.value ?? ''}</td>
                  <td>
                    {problem.severity === 'error' ? strings.ImportRejected : strings.ImportWarning} {problemText(problem, strings as unknown as Record<string, unknown>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {plan.actions.length > 0 && (
        <ScrollRegion label={rowsCaption}>
          <table className={table.table}>
            <caption className={table.caption}>{rowsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ImportRowColumn}</th>
                <th scope="col">{strings.RefColumn}</th>
                <th scope="col">{strings.ImportChangeColumn}</th>
                <th scope="col">{strings.ActionColumn}</th>
              </tr>
            </thead>
            <tbody>
              {plan.actions.slice(0, ROWS_SHOWN).map((action) => (
                <tr key={action.row}>
                  <th scope="row">{rowText(action.row)}</th>
                  <td>{action.ref}</td>
                  <td>{CHANGE_TEXT[action.change]}</td>
                  <td>{action.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {run.kpis.map((sheet) => (
        <KpiTable key={sheet.sheet} plan={sheet} />
      ))}
      {message && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {message}
        </MessageBar>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <PrimaryButton disabled={plan.actions.length === 0 && kpiCount === 0} onClick={onImport}>
          {formatString(message ? strings.ImportRunAgain : strings.ImportRun, plan.actions.length + kpiCount)}
        </PrimaryButton>
        <DefaultButton onClick={onBack}>{strings.ImportBackToMapping}</DefaultButton>
      </Stack>
    </Stack>
  );
}

/** A table of priorities or outcomes to create: number and title. */
function NumberedTable({ caption, items }: { caption: string; items: Array<{ key: string; number: string; title: string }> }): JSX.Element {
  const table = useTableStyles();
  return (
    <ScrollRegion label={caption}>
      <table className={table.table}>
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.ImportNumberColumn}</th>
            <th scope="col">{strings.ImportTitleColumn}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{item.number}</th>
              <td>{item.title || strings.ImportUntitled}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** One KPI scorecard's dry run: each KPI with what will happen to it, its milestones and actuals. */
function KpiTable({ plan }: { plan: IKpiSheetPlan }): JSX.Element {
  const table = useTableStyles();
  const caption = formatString(strings.ImportKpisCaption, plan.sheet, plan.kpis.length);
  return (
    <ScrollRegion label={caption}>
      <table className={table.table}>
        <caption className={table.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.ImportRowColumn}</th>
            <th scope="col">{strings.RefColumn}</th>
            <th scope="col">{strings.ImportKpiColumn}</th>
            <th scope="col">{strings.ImportChangeColumn}</th>
            <th scope="col">{strings.ImportMilestonesColumn}</th>
            <th scope="col">{strings.ImportActualsColumn}</th>
          </tr>
        </thead>
        <tbody>
          {plan.kpis.map((kpi) => (
            <tr key={kpi.row}>
              <th scope="row">{kpi.row}</th>
              <td>{kpi.ref}</td>
              <td>{kpi.name}</td>
              <td>{CHANGE_TEXT[kpi.change]}</td>
              <td>{kpi.milestones.length}</td>
              <td>{kpi.measurements.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
