/**
 * Sign-off and rights in words, shared by the action panel, My actions, the summary,
 * the report and the sign-off queue; and the data service a quick update saves through
 * when the plan requires sign-off.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { IAwaitingSignOff, IPlan, ISignOff } from '../model/plan';
import { RightsReason } from '../model/rightsReasons';
import { SignOffProblem } from '../model/signOff';
import { IPlanDataService, IUpdateDraft } from '../services/IPlanDataService';
import { formatDate, formatString } from './format';

const RIGHTS_TEXT: Readonly<Record<RightsReason, string>> = {
  readOnly: strings.PlanReadOnly,
  retired: strings.RightsRetired,
  leadsEdit: strings.RightsLeadsEdit,
  ownersUpdate: strings.RightsOwnersUpdate
};

const PROBLEM_TEXT: Readonly<Record<SignOffProblem, string>> = {
  notAllowed: strings.SignOffNotAllowed,
  ownUpdate: strings.SignOffOwnUpdate,
  commentRequired: strings.SignOffCommentRequired
};

/** Why a button is not offered, in one line. */
export function rightsReasonText(reason: RightsReason): string {
  return RIGHTS_TEXT[reason];
}

/** Why a sign-off cannot be made, in one line. */
export function signOffProblemText(problem: SignOffProblem): string {
  return PROBLEM_TEXT[problem];
}

/** "Submitted by Fran Davis on 28 February 2024, awaiting sign-off". */
export function awaitingText(awaiting: IAwaitingSignOff, culture: string): string {
  return formatString(strings.SignOffAwaiting, awaiting.author || strings.NotRecorded, formatDate(awaiting.date, awaiting.date, culture));
}

/** "Approved by Kathryn Morgan" or "Returned by Kathryn Morgan: comment"; none while submitted. */
export function decisionText(signOff: ISignOff | undefined): string | undefined {
  if (!signOff || signOff.state === 'submitted') return undefined;
  const by = signOff.by || strings.NotRecorded;
  if (signOff.state === 'returned') return formatString(strings.SignOffReturnedBy, by, signOff.comment ?? '');
  return signOff.comment ? formatString(strings.SignOffApprovedComment, by, signOff.comment) : formatString(strings.SignOffApprovedBy, by);
}

/** "3 updates await sign-off."; none when nothing waits. */
export function awaitingCountText(count: number): string | undefined {
  if (count === 0) return undefined;
  return count === 1 ? strings.SignOffCountOne : formatString(strings.SignOffCountMany, count);
}

/**
 * The data service a quick update saves through: when the plan requires sign-off, each
 * update is submitted for it; otherwise the service itself.
 */
export function submittingWhenRequired(service: IPlanDataService, plan: Pick<IPlan, 'signOffRequired'>): IPlanDataService {
  if (!plan.signOffRequired) return service;
  // Every other call is the service's own, as in savingLoadedItems.
  const submitting: IPlanDataService = Object.create(service);
  return Object.assign(submitting, { saveUpdate: (draft: IUpdateDraft) => service.saveUpdate({ ...draft, forSignOff: true }) });
}
