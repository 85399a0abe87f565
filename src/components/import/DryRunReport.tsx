import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IImportPlan, ImportProblem, RowChange } from '../../model/import/dryRun';
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

function columnText(problem: ImportProblem): string {
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
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text styles={strongText}>{targetName(plan)}</Text>
      <Text>{formatString(strings.ImportSummary, count('create'), count('update'), count('unchanged'), plan.rejectedRows.length, plan.newPriorities.length, plan.newOutcomes.length)}</Text>
      {plan.newPriorities.length > 0 && (
        <ScrollRegion label={formatString(strings.ImportNewPrioritiesCaption, plan.newPriorities.length)}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ImportNewPrioritiesCaption, plan.newPriorities.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ImportNumberColumn}</th>
                <th scope="col">{strings.ImportTitleColumn}</th>
              </tr>
            </thead>
            <tbody>
              {plan.newPriorities.map((priority) => (
                <tr key={priority.number}>
                  <th scope="row">{priority.number}</th>
                  <td>{priority.title || strings.ImportUntitled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {plan.newOutcomes.length > 0 && (
        <ScrollRegion label={formatString(strings.ImportNewOutcomesCaption, plan.newOutcomes.length)}>
          <table className={table.table}>
            <caption className={table.caption}>{formatString(strings.ImportNewOutcomesCaption, plan.newOutcomes.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ImportNumberColumn}</th>
                <th scope="col">{strings.ImportTitleColumn}</th>
              </tr>
            </thead>
            <tbody>
              {plan.newOutcomes.map((outcome) => (
                <tr key={`${outcome.priority}/${outcome.number}`}>
                  <th scope="row">{outcome.number}</th>
                  <td>{outcome.title || strings.ImportUntitled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {plan.problems.length > 0 && (
        <ScrollRegion label={formatString(strings.ImportProblemsCaption, plan.problems.length)}>
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
                  <td>{CHANGE_TEXT[action.change]}</td>
                  <td>{action.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {message && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {message}
        </MessageBar>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <PrimaryButton disabled={plan.actions.length === 0} onClick={onImport}>
          {formatString(message ? strings.ImportRunAgain : strings.ImportRun, plan.actions.length)}
        </PrimaryButton>
        <DefaultButton onClick={onBack}>{strings.ImportBackToMapping}</DefaultButton>
      </Stack>
    </Stack>
  );
}
