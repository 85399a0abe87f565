import { IAction, IProgressUpdate } from '../../src/model/plan';
import { parsePlanDate } from '../../src/model/planDates';

/** An action with sensible blanks, for tests; override what the test is about. */
export function anAction(overrides: Partial<IAction> & { dueText?: string } = {}): IAction {
  const { dueText, ...rest } = overrides;
  return {
    id: 1,
    planId: 1,
    priorityId: 1,
    ref: '1.1.1',
    text: 'Publish the SEND strategy',
    deliveryPartners: [],
    start: parsePlanDate(''),
    due: parsePlanDate(dueText ?? ''),
    tags: [],
    evidence: [],
    history: [],
    revisions: [],
    ...rest
  };
}

let nextUpdateId = 1;

/** A log entry for an action. */
export function anUpdate(actionId: number, date: string, status?: string, note: string = 'Progress noted'): IProgressUpdate {
  return { id: nextUpdateId++, actionId, date, author: 'Test Officer', note, status, evidence: [] };
}
