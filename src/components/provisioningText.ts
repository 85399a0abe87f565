import * as strings from 'ImprovementPlanWebPartStrings';
import { IProvisioningProblem, IProvisioningReport } from '../services/IProvisioningService';
import { errorMessage, formatString } from './format';

/** One thing "Set up lists" left for the site owner to check, in a sentence. */
export function provisioningProblemText(problem: IProvisioningProblem): string {
  return formatString(strings.SetUpListsColumnWrongType, problem.list, problem.column, problem.expectedType);
}

/** What a run of "Set up lists" did, in a sentence (or two) for the site owner. */
export function describeProvisioning(report: IProvisioningReport): string {
  const changed = report.createdLists.length + report.addedColumns.length + report.updatedColumns.length + report.addedViews.length;
  const summary =
    changed === 0
      ? strings.SetUpListsNothingToDo
      : formatString(strings.SetUpListsDone, report.createdLists.length, report.addedColumns.length, report.updatedColumns.length, report.addedViews.length);
  return report.problems.length === 0 ? summary : `${summary} ${formatString(strings.SetUpListsProblems, report.problems.map(provisioningProblemText).join(' '))}`;
}

/** Why "Set up lists" failed, for the site owner (never a stack trace). */
export function describeProvisioningFailure(error: unknown): string {
  return formatString(strings.SetUpListsFailed, errorMessage(error));
}
