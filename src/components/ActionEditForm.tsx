import * as React from 'react';
import { ChoiceGroup, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { ActionEditValues, EDITABLE_FIELDS, EditProblem, EditableField, differingFields, editValuesOf, mergeEdits, validateEdit } from '../model/actionEdit';
import { IAction } from '../model/plan';
import { ConflictError } from '../services/errors';
import { IPlanDataService } from '../services/IPlanDataService';
import { errorMessage, formatString } from './format';
import { useTableStyles } from './tableStyles';

export interface IActionEditFormProps {
  action: IAction;
  dataService: IPlanDataService;
  /** The name of the person editing, kept with each change of a key field. */
  editor: string;
  /** The page's today: the day each change of a key field takes effect. */
  today: IsoDate;
  /** The action as it now stands: saved from the form, or the other person's version taken instead. */
  onDone: (action: IAction, outcome: 'saved' | 'tookTheirs') => void;
  onClose: () => void;
}

const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  text: strings.ChangesActionColumn,
  theme: strings.ThemeLabel,
  revisedDue: strings.RevisedDueLabel,
  revisedDueReason: strings.RevisedDueReasonLabel,
  desiredImpact: strings.DesiredImpactLabel,
  howWeWillKnow: strings.HowWeWillKnowLabel,
  resources: strings.ResourcesLabel,
  tags: strings.TagsLabel
};
const MULTILINE: ReadonlySet<EditableField> = new Set(['text', 'desiredImpact', 'howWeWillKnow', 'resources', 'revisedDueReason']);

function problemText(problem: EditProblem): string {
  switch (problem.problem) {
    case 'required':
      return strings.EditTextRequired;
    case 'notADate':
      return formatString(strings.EditRevisedDueNotADate, problem.reason);
    case 'reasonRequired':
      return strings.EditReasonRequired;
  }
}

/** Someone else's save got there first: their version, and a choice per field that differs. */
interface IConflict {
  theirs: IAction;
  choices: Partial<Record<EditableField, 'mine' | 'theirs'>>;
  /** Fields both people changed, differently. */
  bothChanged: EditableField[];
}

/**
 * Edits an action's own fields. The original due date is not editable: a new date
 * goes in "revised due date", with a reason. Whatever happens, what the person typed
 * stays in the form until they choose to drop it.
 */
export function ActionEditForm({ action, dataService, editor, today, onDone, onClose }: IActionEditFormProps): JSX.Element {
  const [base, setBase] = React.useState<IAction>(action);
  const [values, setValues] = React.useState<ActionEditValues>(() => editValuesOf(action));
  const [problems, setProblems] = React.useState<EditProblem[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [conflict, setConflict] = React.useState<IConflict | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [headingId] = React.useState(() => getId('edit-action'));
  const table = useTableStyles();

  const save = async (toSave: ActionEditValues, against: IAction): Promise<void> => {
    const found = validateEdit(toSave);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await dataService.saveActionEdit({ action: against, values: toSave, made: { by: editor, date: today } });
      onDone(saved, 'saved');
    } catch (error) {
      setSaving(false);
      setValues(toSave);
      if (error instanceof ConflictError) {
        const theirs = error.current as IAction;
        const { conflicts, merged } = mergeEdits(editValuesOf(base), toSave, editValuesOf(theirs));
        const choices: IConflict['choices'] = {};
        // Default to the merge: a field only I changed keeps mine, only they changed takes theirs, both changed keeps mine.
        for (const field of differingFields(toSave, editValuesOf(theirs))) choices[field] = merged[field] === toSave[field] ? 'mine' : 'theirs';
        setConflict({ theirs, choices, bothChanged: conflicts });
      } else {
        setFailure(`${strings.EditFailed} ${errorMessage(error)}`);
      }
    }
  };

  const resolve = async (pick: (field: EditableField) => 'mine' | 'theirs'): Promise<void> => {
    if (!conflict) return;
    const theirValues = editValuesOf(conflict.theirs);
    const resolved = { ...values };
    for (const field of EDITABLE_FIELDS) resolved[field] = pick(field) === 'mine' ? values[field] : theirValues[field];
    setBase(conflict.theirs);
    setConflict(undefined);
    await save(resolved, conflict.theirs);
  };

  const problemFor = (field: EditableField): string | undefined => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(problem) : undefined;
  };

  if (conflict) {
    const theirValues = editValuesOf(conflict.theirs);
    const fields = Object.keys(conflict.choices) as EditableField[];
    return (
      <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
        <Text as="h3" id={headingId} variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {formatString(strings.ConflictHeading, action.ref)}
        </Text>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {strings.ConflictExplained}
        </MessageBar>
        {fields.length === 0 ? (
          <Text>{strings.ConflictNoDifference}</Text>
        ) : (
          <table className={table.table}>
            <caption className={table.caption}>{strings.ConflictCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.ConflictFieldColumn}</th>
                <th scope="col">{strings.ConflictMineColumn}</th>
                <th scope="col">{strings.ConflictTheirsColumn}</th>
                <th scope="col">{strings.ConflictKeepColumn}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">
                    {FIELD_LABELS[field]}
                    {conflict.bothChanged.indexOf(field) >= 0 && <Text block variant="small">{strings.ConflictBothChanged}</Text>}
                  </th>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{values[field] || strings.ConflictEmpty}</td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{theirValues[field] || strings.ConflictEmpty}</td>
                  <td>
                    <ChoiceGroup
                      aria-label={formatString(strings.ConflictKeepLabel, FIELD_LABELS[field])}
                      selectedKey={conflict.choices[field]}
                      options={[
                        { key: 'mine', text: strings.ConflictKeepMineOption },
                        { key: 'theirs', text: strings.ConflictTakeTheirsOption }
                      ]}
                      onChange={(_, option) => option && setConflict({ ...conflict, choices: { ...conflict.choices, [field]: option.key as 'mine' | 'theirs' } })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={() => resolve((field) => conflict.choices[field] ?? 'mine')}>{strings.ConflictSaveMerged}</PrimaryButton>
          <DefaultButton onClick={() => resolve(() => 'mine')}>{strings.ConflictKeepMine}</DefaultButton>
          <DefaultButton onClick={() => onDone(conflict.theirs, 'tookTheirs')}>{strings.ConflictTakeTheirs}</DefaultButton>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack as="form" aria-labelledby={headingId} tokens={{ childrenGap: 8 }} onSubmit={(event) => event.preventDefault()}>
      <Text as="h3" id={headingId} variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
        {formatString(strings.EditHeading, action.ref)}
      </Text>
      {EDITABLE_FIELDS.map((field) => (
        <TextField
          key={field}
          label={FIELD_LABELS[field]}
          value={values[field]}
          multiline={MULTILINE.has(field)}
          autoAdjustHeight={MULTILINE.has(field)}
          required={field === 'text'}
          description={field === 'revisedDue' ? formatString(strings.EditRevisedDueHint, action.due.text || strings.NotRecorded) : field === 'tags' ? strings.EditTagsHint : undefined}
          errorMessage={problemFor(field)}
          onChange={(_, value) => setValues((current) => ({ ...current, [field]: value ?? '' }))}
        />
      ))}
      {failure && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {failure}
        </MessageBar>
      )}
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton onClick={() => save(values, base)} disabled={saving}>
          {saving ? strings.UpdateSaving : strings.EditSave}
        </PrimaryButton>
        <DefaultButton onClick={onClose}>{strings.UpdateCancel}</DefaultButton>
      </Stack>
    </Stack>
  );
}
