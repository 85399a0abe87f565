import * as React from 'react';
import { DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IAction, isWebAddress } from '../model/plan';
import { IStatusScheme, labelForKey } from '../model/statusSchemes';
import { ConflictError } from '../services/errors';
import { IPlanDataService, ISavedUpdate } from '../services/IPlanDataService';
import { errorMessage, formatString } from './format';

export interface IQuickUpdateProps {
  action: IAction;
  scheme: IStatusScheme;
  dataService: IPlanDataService;
  today: IsoDate;
  onSaved: (saved: ISavedUpdate) => void;
  onClose: () => void;
}

type Outcome = { kind: 'failed'; message: string } | { kind: 'invalid'; message: string };

/**
 * A progress update on one action: status, dated note, an evidence link. What the
 * person typed stays after any failure; after a conflict the form holds the other
 * person's version, so saving again on top of it is a deliberate choice.
 */
export function QuickUpdate({ action, scheme, dataService, today, onSaved, onClose }: IQuickUpdateProps): JSX.Element {
  const [base, setBase] = React.useState<IAction>(action);
  const [status, setStatus] = React.useState<string | undefined>(action.status);
  const [note, setNote] = React.useState('');
  const [evidenceUrl, setEvidenceUrl] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | undefined>(undefined);
  const [headingId] = React.useState(() => getId('quick-update'));
  const statusOptions: IDropdownOption[] = scheme.labels.map((label) => ({ key: label.key, text: label.label }));

  const save = async (): Promise<void> => {
    const link = evidenceUrl.trim();
    if (!note.trim()) {
      setOutcome({ kind: 'invalid', message: strings.UpdateNoteRequired });
      return;
    }
    if (link && !isWebAddress(link)) {
      setOutcome({ kind: 'invalid', message: strings.UpdateEvidenceUrlInvalid });
      return;
    }
    setSaving(true);
    setOutcome(undefined);
    try {
      const saved = await dataService.saveUpdate({ action: base, date: today, note: note.trim(), status, evidence: link ? [{ url: link, description: link }] : [] });
      // The parent closes this form on success, so no state is set after this.
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (error instanceof ConflictError) {
        const current = error.current as IAction;
        setBase(current);
        const label = labelForKey(scheme, current.status)?.label ?? strings.NoStatus;
        setOutcome({ kind: 'failed', message: formatString(strings.UpdateConflict, strings.ErrorConflict, current.ref, label, current.latestNote ?? '') });
      } else {
        setOutcome({ kind: 'failed', message: `${strings.UpdateFailed} ${errorMessage(error)}` });
      }
    }
  };

  return (
    <Stack as="form" aria-labelledby={headingId} tokens={{ childrenGap: 8 }} onSubmit={(event) => event.preventDefault()}>
      <Text as="h5" id={headingId} variant="medium" styles={{ root: { fontWeight: 600, margin: 0 } }}>
        {formatString(strings.UpdateHeading, action.ref)}
      </Text>
      <Dropdown label={strings.UpdateStatusLabel} options={statusOptions} selectedKey={status ?? null} onChange={(_, option) => setStatus(option ? String(option.key) : undefined)} />
      <TextField label={strings.UpdateNoteLabel} multiline rows={4} required value={note} onChange={(_, value) => setNote(value ?? '')} />
      <TextField label={strings.UpdateEvidenceUrlLabel} type="url" value={evidenceUrl} onChange={(_, value) => setEvidenceUrl(value ?? '')} />
      {outcome && (
        <MessageBar messageBarType={outcome.kind === 'invalid' ? MessageBarType.warning : MessageBarType.error} isMultiline>
          {outcome.message}
        </MessageBar>
      )}
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton onClick={save} disabled={saving}>
          {saving ? strings.UpdateSaving : strings.UpdateSave}
        </PrimaryButton>
        <DefaultButton onClick={onClose}>{strings.UpdateCancel}</DefaultButton>
      </Stack>
    </Stack>
  );
}
