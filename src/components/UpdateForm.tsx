import * as React from 'react';
import { Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IAction } from '../model/plan';
import { labelForKey } from '../model/statusSchemes';
import { ConflictError } from '../services/errors';
import { IPlanDataService, IPlanSnapshot, ISavedUpdate } from '../services/IPlanDataService';
import { errorMessage, formatString } from './format';

export interface IUpdateFormProps {
  snapshot: IPlanSnapshot;
  dataService: IPlanDataService;
  today: IsoDate;
  onSaved: (saved: ISavedUpdate) => void;
}

type Outcome = { kind: 'saved'; ref: string } | { kind: 'failed'; message: string } | { kind: 'invalid' };

/** Whether the person is named on the action, so their own actions are listed first. */
function isMine(action: IAction, userId: number | undefined): boolean {
  return [action.responsibleOfficer, action.strategicLead].some((assignee) => assignee?.kind === 'person' && userId !== undefined && assignee.person.id === userId);
}

/**
 * Records a progress update on an action: status and a dated note. What the person
 * typed stays on screen after any failure; after a conflict the form holds the other
 * person's version, so saving again is a deliberate choice.
 */
export function UpdateForm({ snapshot, dataService, today, onSaved }: IUpdateFormProps): JSX.Element {
  const { plan, actions, access } = snapshot;
  const [actionId, setActionId] = React.useState<number | undefined>(undefined);
  const [status, setStatus] = React.useState<string | undefined>(undefined);
  const [note, setNote] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const [theirs, setTheirs] = React.useState<IAction | undefined>(undefined);
  const [headingId] = React.useState(() => getId('update-heading'));

  if (!access.canEditActions || !access.canAddUpdates) {
    return <MessageBar messageBarType={MessageBarType.info}>{strings.UpdateReadOnly}</MessageBar>;
  }
  const ordered = [...actions].sort((left, right) => Number(isMine(right, access.user.id)) - Number(isMine(left, access.user.id)));
  const actionOptions: IDropdownOption[] = ordered.map((action) => ({ key: action.id, text: `${action.ref} ${action.text.length > 80 ? `${action.text.slice(0, 79)}…` : action.text}` }));
  const statusOptions: IDropdownOption[] = plan.statusScheme.labels.map((label) => ({ key: label.key, text: label.label }));
  const action = theirs?.id === actionId ? theirs : actions.find((candidate) => candidate.id === actionId);

  const save = async (): Promise<void> => {
    if (!action) return;
    if (!note.trim()) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await dataService.saveUpdate({ action, date: today, note: note.trim(), status, evidence: [] });
      setNote('');
      setTheirs(undefined);
      setOutcome({ kind: 'saved', ref: action.ref });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ConflictError) {
        const current = error.current as IAction;
        setTheirs(current);
        const label = labelForKey(plan.statusScheme, current.status)?.label ?? strings.NoStatus;
        setOutcome({ kind: 'failed', message: formatString(strings.UpdateConflict, strings.ErrorConflict, current.ref, label, current.latestNote ?? '') });
      } else {
        setOutcome({ kind: 'failed', message: `${strings.UpdateFailed} ${errorMessage(error)}` });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.UpdateHeading}
      </Text>
      <Dropdown
        label={strings.UpdateActionLabel}
        placeholder={strings.UpdateActionPlaceholder}
        options={actionOptions}
        selectedKey={actionId ?? null}
        onChange={(_, option) => {
          const chosen = actions.find((candidate) => candidate.id === option?.key);
          setActionId(chosen?.id);
          setStatus(chosen?.status);
          setTheirs(undefined);
        }}
      />
      {action && (
        <>
          <Dropdown label={strings.UpdateStatusLabel} options={statusOptions} selectedKey={status ?? null} onChange={(_, option) => setStatus(option ? String(option.key) : undefined)} />
          <TextField label={strings.UpdateNoteLabel} multiline rows={4} required value={note} onChange={(_, value) => setNote(value ?? '')} />
          <PrimaryButton onClick={save} disabled={saving}>
            {saving ? strings.UpdateSaving : strings.UpdateSave}
          </PrimaryButton>
        </>
      )}
      {outcome?.kind === 'saved' && <MessageBar messageBarType={MessageBarType.success}>{formatString(strings.UpdateSaved, outcome.ref)}</MessageBar>}
      {outcome?.kind === 'invalid' && <MessageBar messageBarType={MessageBarType.warning}>{strings.UpdateNoteRequired}</MessageBar>}
      {outcome?.kind === 'failed' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {outcome.message}
        </MessageBar>
      )}
    </Stack>
  );
}
