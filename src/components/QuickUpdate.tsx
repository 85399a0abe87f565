import * as React from 'react';
import { DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { EvidenceFileProblem, evidenceFileProblem } from '../model/evidence';
import { IsoDate } from '../model/isoDate';
import { IAction, IEvidenceLink, isWebAddress } from '../model/plan';
import { IStatusScheme, labelForKey } from '../model/statusSchemes';
import { newUpdateKey } from '../model/updateKey';
import { ConflictError } from '../services/errors';
import { EvidenceUploadError, IEvidenceService, IUploadedEvidence } from '../services/IEvidenceService';
import { IPlanDataService, ISavedUpdate } from '../services/IPlanDataService';
import { errorMessage, formatString } from './format';
import { useFormFocus } from './formFocus';

export interface IQuickUpdateProps {
  action: IAction;
  scheme: IStatusScheme;
  dataService: IPlanDataService;
  /** Stores files attached to the update; without it, the form offers a link only. */
  evidenceService?: IEvidenceService;
  today: IsoDate;
  onSaved: (saved: ISavedUpdate) => void;
  onClose: () => void;
}

/** What the check found wrong, said at the field. */
interface IFieldProblems {
  note?: string;
  evidenceUrl?: string;
}

/** A chosen file, and where it was stored once uploaded (a second save does not send it again). */
interface IChosenFile {
  id: number;
  file: File;
  uploaded?: IUploadedEvidence;
}

const BYTES_PER_MB = 1024 * 1024;

/** Why a file cannot be uploaded, in words. */
export function evidenceProblemText(fileName: string, problem: EvidenceFileProblem): string {
  switch (problem.code) {
    case 'empty':
      return formatString(strings.EvidenceFileEmpty, fileName);
    case 'tooLarge':
      return formatString(strings.EvidenceFileTooLarge, fileName, Math.round(problem.maxBytes / BYTES_PER_MB));
    case 'badCharacters':
      return formatString(strings.EvidenceFileBadCharacters, fileName, problem.characters);
    case 'badEnds':
      return formatString(strings.EvidenceFileBadEnds, fileName);
    case 'reservedName':
      return formatString(strings.EvidenceFileReserved, fileName);
    case 'pathTooLong':
      return formatString(strings.EvidenceFilePathTooLong, fileName, problem.maxCharacters);
  }
}

/** What stopped an upload, naming the file: a limit, or SharePoint's own words where the product has none for it (a blocked type). */
function uploadFailureText(error: EvidenceUploadError): string {
  if (error.reason.kind === 'file') return evidenceProblemText(error.fileName, error.reason.problem);
  const { kind, detail } = error.reason.error;
  // SharePoint's message without its error code ("-2130575245, System.ArgumentException: ").
  const reason = kind === 'unexpected' ? formatString(strings.EvidenceServerSaid, detail.replace(/^-?\d+, [\w.]+: /, '')) : errorMessage(error.reason.error);
  return formatString(strings.EvidenceUploadFailed, error.fileName, reason);
}

/**
 * A progress update on one action: status, dated note, evidence (files attached, a link with
 * an optional title). Files are uploaded first; a file that fails stops the save before the
 * update is written, naming the file. What the person typed and chose stays after any
 * failure; after a conflict the form holds the other person's version, so saving again on
 * top of it is a deliberate choice.
 */
export function QuickUpdate({ action, scheme, dataService, evidenceService, today, onSaved, onClose }: IQuickUpdateProps): JSX.Element {
  const [base, setBase] = React.useState<IAction>(action);
  const [status, setStatus] = React.useState<string | undefined>(action.status);
  const [note, setNote] = React.useState('');
  const [evidenceUrl, setEvidenceUrl] = React.useState('');
  const [evidenceTitle, setEvidenceTitle] = React.useState('');
  const [chosen, setChosen] = React.useState<IChosenFile[]>([]);
  const [refused, setRefused] = React.useState<string[]>([]);
  const [saving, setSaving] = React.useState<'uploading' | 'saving' | undefined>(undefined);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [problems, setProblems] = React.useState<IFieldProblems>({});
  const { box, showProblems } = useFormFocus(true);
  const [headingId] = React.useState(() => getId('quick-update'));
  const [filesLabelId] = React.useState(() => getId('quick-update-files'));
  // The update's key, chosen now so the files uploaded with it carry the same key as its log entry.
  const [updateKey] = React.useState(newUpdateKey);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const attachButton = React.useRef<HTMLButtonElement>(null);
  const nextFileId = React.useRef(1);
  const statusOptions: IDropdownOption[] = scheme.labels.map((label) => ({ key: label.key, text: label.label }));

  const choose = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? []);
    // Cleared, so choosing the same file again (after removing it) is seen.
    event.target.value = '';
    const problems = files.map((file) => ({ file, problem: evidenceFileProblem(file) }));
    setRefused(problems.filter((entry) => entry.problem).map((entry) => evidenceProblemText(entry.file.name, entry.problem as EvidenceFileProblem)));
    const accepted = problems.filter((entry) => !entry.problem).map((entry) => ({ id: nextFileId.current++, file: entry.file }));
    setChosen((current) => [...current, ...accepted]);
  };

  const remove = (id: number): void => {
    setChosen((current) => current.filter((entry) => entry.id !== id));
    // The removed file's button is gone: focus goes back to where files are attached.
    attachButton.current?.focus();
  };

  /** Uploads the files not yet stored; the links of all of them, or undefined when one failed (the message is set). */
  const uploadFiles = async (): Promise<IEvidenceLink[] | undefined> => {
    const pending = chosen.filter((entry) => !entry.uploaded);
    let stored: IUploadedEvidence[] = [];
    if (pending.length > 0 && evidenceService) {
      setSaving('uploading');
      try {
        stored = await evidenceService.uploadFiles({ planId: base.planId, actionId: base.id, updateKey }, pending.map((entry) => entry.file));
      } catch (error) {
        if (!(error instanceof EvidenceUploadError)) throw error;
        const { uploaded } = error;
        // Those stored before the failure are kept, and not sent again.
        setChosen((current) => current.map((entry) => ({ ...entry, uploaded: entry.uploaded ?? uploaded[pending.indexOf(entry)] })));
        setSaving(undefined);
        setFailure(uploadFailureText(error));
        return undefined;
      }
      setChosen((current) => current.map((entry) => ({ ...entry, uploaded: entry.uploaded ?? stored[pending.indexOf(entry)] })));
    }
    return chosen.map((entry) => entry.uploaded ?? stored[pending.indexOf(entry)]).map((uploaded) => ({ url: uploaded.url, description: uploaded.fileName }));
  };

  const save = async (): Promise<void> => {
    const link = evidenceUrl.trim();
    const found: IFieldProblems = {
      note: note.trim() ? undefined : strings.UpdateNoteRequired,
      evidenceUrl: link && !isWebAddress(link) ? strings.UpdateEvidenceUrlInvalid : undefined
    };
    setProblems(found);
    setFailure(undefined);
    if (found.note || found.evidenceUrl) {
      showProblems();
      return;
    }
    try {
      const fileLinks = await uploadFiles();
      if (!fileLinks) return;
      setSaving('saving');
      const pasted: IEvidenceLink[] = link ? [{ url: link, description: evidenceTitle.trim() || link }] : [];
      const saved = await dataService.saveUpdate({ action: base, date: today, note: note.trim(), status, evidence: [...fileLinks, ...pasted], key: updateKey });
      // The parent closes this form on success, so no state is set after this.
      onSaved(saved);
    } catch (error) {
      setSaving(undefined);
      if (error instanceof ConflictError) {
        const current = error.current as IAction;
        setBase(current);
        const label = labelForKey(scheme, current.status)?.label ?? strings.NoStatus;
        setFailure(formatString(strings.UpdateConflict, strings.ErrorConflict, current.ref, label, current.latestNote ?? ''));
      } else {
        setFailure(`${strings.UpdateFailed} ${errorMessage(error)}`);
      }
    }
  };

  return (
    <div ref={box}>
      <Stack as="form" aria-labelledby={headingId} tokens={{ childrenGap: 8 }} onSubmit={(event) => event.preventDefault()}>
        <Text as="h5" id={headingId} variant="medium" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {formatString(strings.UpdateHeading, action.ref)}
        </Text>
        <Dropdown label={strings.UpdateStatusLabel} options={statusOptions} selectedKey={status ?? null} onChange={(_, option) => setStatus(option ? String(option.key) : undefined)} />
        <TextField label={strings.UpdateNoteLabel} multiline rows={4} required value={note} errorMessage={problems.note} onChange={(_, value) => setNote(value ?? '')} />
        {evidenceService && (
          <Stack tokens={{ childrenGap: 4 }}>
            {/* The Fluent button is what people use (labelled, keyboard-usable); the input it opens stays out of the tab order. */}
            <input ref={fileInput} type="file" multiple hidden tabIndex={-1} aria-hidden="true" onChange={choose} />
            <Stack horizontal>
              <DefaultButton elementRef={attachButton} onClick={() => fileInput.current?.click()} disabled={saving !== undefined}>
                {strings.EvidenceAttach}
              </DefaultButton>
            </Stack>
            {chosen.length > 0 && (
              <>
                <Text id={filesLabelId} variant="small">
                  {strings.EvidenceFilesLabel}
                </Text>
                <ul aria-labelledby={filesLabelId} style={{ margin: 0, paddingLeft: 16 }}>
                  {chosen.map((entry) => (
                    <li key={entry.id}>
                      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
                        <Text>{entry.file.name}</Text>
                        <DefaultButton text={formatString(strings.EvidenceRemoveFile, entry.file.name)} onClick={() => remove(entry.id)} disabled={saving !== undefined} />
                      </Stack>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {refused.length > 0 && (
              <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                {refused.join(' ')}
              </MessageBar>
            )}
          </Stack>
        )}
        <TextField label={strings.UpdateEvidenceUrlLabel} type="url" value={evidenceUrl} errorMessage={problems.evidenceUrl} onChange={(_, value) => setEvidenceUrl(value ?? '')} />
        <TextField label={strings.UpdateEvidenceTitleLabel} value={evidenceTitle} onChange={(_, value) => setEvidenceTitle(value ?? '')} />
        {failure && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {failure}
          </MessageBar>
        )}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={save} disabled={saving !== undefined}>
            {saving === 'uploading' ? strings.EvidenceUploading : saving === 'saving' ? strings.Saving : strings.UpdateSave}
          </PrimaryButton>
          <DefaultButton onClick={onClose}>{strings.Close}</DefaultButton>
        </Stack>
      </Stack>
    </div>
  );
}
