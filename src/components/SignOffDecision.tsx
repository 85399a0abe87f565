import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, TextField, ITextField } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPermissionContext } from '../model/permissions';
import { IAction, IAwaitingSignOff } from '../model/plan';
import { SignOffDecision as Decision, decisionProblem } from '../model/signOff';
import { ConflictError } from '../services/errors';
import { IPlanDataService, ISavedUpdate } from '../services/IPlanDataService';
import { errorMessage, formatString } from './format';
import { signOffProblemText } from './signOffText';

export interface ISignOffDecisionProps {
  action: IAction;
  awaiting: IAwaitingSignOff;
  dataService: IPlanDataService;
  /** Who is deciding, on which plan: checked again before anything is sent. */
  context: IPermissionContext;
  /** The decision is saved: the action as it now stands. */
  onDecided: (saved: ISavedUpdate, decision: Decision) => void;
  /** Someone else changed the action or decided first: the action as it is now. */
  onConflict: (current: IAction) => void;
}

/**
 * Approve or return one update awaiting sign-off, with a comment (needed to return).
 * A refusal or failure is said beside the buttons, and the comment typed is kept.
 */
export function SignOffDecision({ action, awaiting, dataService, context, onDecided, onConflict }: ISignOffDecisionProps): JSX.Element {
  const [comment, setComment] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [problem, setProblem] = React.useState<{ text: string; kind: MessageBarType } | undefined>(undefined);
  const commentField = React.useRef<ITextField>(null);

  const decide = async (decision: Decision): Promise<void> => {
    const refused = decisionProblem(action, awaiting, decision, comment, context);
    if (refused) {
      setProblem({ text: signOffProblemText(refused), kind: MessageBarType.warning });
      if (refused === 'commentRequired') commentField.current?.focus();
      return;
    }
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = decision === 'approve' ? await dataService.approveUpdate(action, awaiting, comment) : await dataService.returnUpdate(action, awaiting, comment);
      // The parent takes this update off the list, so no state is set after this.
      onDecided(saved, decision);
    } catch (error) {
      setSaving(false);
      if (error instanceof ConflictError) {
        setProblem({ text: formatString(strings.SignOffConflict, action.ref), kind: MessageBarType.error });
        onConflict(error.current as IAction);
      } else {
        setProblem({ text: `${strings.SignOffFailed} ${errorMessage(error)}`, kind: MessageBarType.error });
      }
    }
  };

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <TextField componentRef={commentField} label={strings.SignOffCommentLabel} multiline rows={2} value={comment} onChange={(_, value) => setComment(value ?? '')} />
      {problem && (
        <MessageBar messageBarType={problem.kind} isMultiline>
          {problem.text}
        </MessageBar>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <PrimaryButton disabled={saving} ariaLabel={formatString(strings.SignOffApproveLabel, action.ref)} onClick={() => decide('approve')}>
          {strings.SignOffApprove}
        </PrimaryButton>
        <DefaultButton disabled={saving} ariaLabel={formatString(strings.SignOffReturnLabel, action.ref)} onClick={() => decide('return')}>
          {strings.SignOffReturn}
        </DefaultButton>
      </Stack>
    </Stack>
  );
}
