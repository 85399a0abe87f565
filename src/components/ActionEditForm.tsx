import * as React from 'react';
import { ChoiceGroup, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { ActionEditValues, EDITABLE_FIELDS, EditProblem, EditableField, OWNER_FIELDS, OwnerValue, differingFields, editValuesOf, isOwnerField, mergeEdits, validateEdit, withFieldFrom } from '../model/actionEdit';
import { IAction, IRole } from '../model/plan';
import { ConflictError } from '../services/errors';
import { IPlanDataService } from '../services/IPlanDataService';
import { IPeopleService } from '../services/IPeopleService';
import { errorMessage, formatString, planDateReasonText } from './format';
import { useTableStyles } from './tableStyles';
import { OwnerField } from './OwnerField';
import { useFormFocus } from './formFocus';
import { useCulture } from './culture';

export interface IActionEditFormProps {
  action: IAction;
  dataService: IPlanDataService;
  /** The plan's roles glossary: an owner may be one of its roles. */
  roles: readonly IRole[];
  /** Finds people to own the action; without it an owner can be a role or text only. */
  peopleService?: IPeopleService;
  /** The name of the person editing, kept with each change of a key field. */
  editor: string;
  /** The page's today: the day each change of a key field takes effect. */
  today: IsoDate;
  /** The action as it now stands: saved from the form, or the other person's version taken instead. */
  onDone: (action: IAction, outcome: 'saved' | 'tookTheirs') => void;
  onClose: () => void;
}

const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  text: strings.ActionColumn,
  theme: strings.ThemeLabel,
  strategicLead: strings.StrategicLeadLabel,
  responsibleOfficer: strings.OfficerColumn,
  revisedDue: strings.RevisedDueLabel,
  revisedDueReason: strings.RevisedDueReasonLabel,
  desiredImpact: strings.DesiredImpactLabel,
  howWeWillKnow: strings.HowWeWillKnowLabel,
  resources: strings.ResourcesLabel,
  tags: strings.TagsLabel
};
const MULTILINE: ReadonlySet<EditableField> = new Set(['text', 'desiredImpact', 'howWeWillKnow', 'resources', 'revisedDueReason']);

function problemText(problem: EditProblem, culture: string): string {
  switch (problem.problem) {
    case 'required':
      return strings.EditTextRequired;
    case 'notADate':
      return formatString(strings.EditRevisedDueNotADate, planDateReasonText(problem.reason, culture));
    case 'reasonRequired':
      return strings.EditReasonRequired;
    case 'personRequired':
      return strings.OwnerPersonRequired;
    case 'roleRequired':
      return strings.OwnerRoleRequired;
  }
}

/** An owner in a few words, for the table comparing two versions. */
function ownerText(owner: OwnerValue): string {
  if (owner.kind === 'person') return owner.person?.displayName ?? '';
  if (owner.kind === 'role') return owner.role.trim() ? formatString(strings.OwnerRoleShort, owner.role) : '';
  return owner.text;
}

/** A field's value as the conflict table shows it. */
function fieldText(values: ActionEditValues, field: EditableField): string {
  return isOwnerField(field) ? ownerText(values[field]) : values[field];
}

/**
 * The values with every person found by the people search made a user of the site
 * (SharePoint's ensureUser), so their Person column can be written with their id.
 */
async function withSiteUsers(values: ActionEditValues, peopleService: IPeopleService | undefined): Promise<ActionEditValues> {
  let ready = values;
  for (const field of OWNER_FIELDS) {
    const owner = values[field];
    if (owner.kind !== 'person' || !owner.person || owner.person.id !== undefined || !owner.loginName || !peopleService) continue;
    const person = await peopleService.ensurePerson({ loginName: owner.loginName, displayName: owner.person.displayName, email: owner.person.email });
    ready = { ...ready, [field]: { kind: 'person', person } };
  }
  return ready;
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
export function ActionEditForm({ action, dataService, roles, peopleService, editor, today, onDone, onClose }: IActionEditFormProps): JSX.Element {
  const culture = useCulture();
  const [base, setBase] = React.useState<IAction>(action);
  const [values, setValues] = React.useState<ActionEditValues>(() => editValuesOf(action));
  const [problems, setProblems] = React.useState<EditProblem[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [conflict, setConflict] = React.useState<IConflict | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [headingId] = React.useState(() => getId('edit-action'));
  const table = useTableStyles();
  const { box, showProblems } = useFormFocus(true);

  const save = async (typed: ActionEditValues, against: IAction): Promise<void> => {
    const found = validateEdit(typed);
    setProblems(found);
    if (found.length > 0) {
      showProblems();
      return;
    }
    setSaving(true);
    setFailure(undefined);
    let toSave = typed;
    try {
      toSave = await withSiteUsers(typed, peopleService);
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
    const resolved = EDITABLE_FIELDS.reduce((merged, field) => withFieldFrom(merged, field, pick(field) === 'mine' ? values : theirValues), values);
    setBase(conflict.theirs);
    setConflict(undefined);
    await save(resolved, conflict.theirs);
  };

  const problemFor = (field: EditableField): string | undefined => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(problem, culture) : undefined;
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
                  <td style={{ whiteSpace: 'pre-wrap' }}>{fieldText(values, field) || strings.ConflictEmpty}</td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{fieldText(theirValues, field) || strings.ConflictEmpty}</td>
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
    <div ref={box}>
      <Stack as="form" aria-labelledby={headingId} tokens={{ childrenGap: 8 }} onSubmit={(event) => event.preventDefault()}>
        <Text as="h3" id={headingId} variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {formatString(strings.EditHeading, action.ref)}
        </Text>
        {EDITABLE_FIELDS.map((field) =>
          isOwnerField(field) ? (
            <OwnerField
              key={field}
              label={FIELD_LABELS[field]}
              current={base[field]}
              value={values[field]}
              roles={roles}
              peopleService={peopleService}
              errorMessage={problemFor(field)}
              onChange={(owner) => setValues((current) => ({ ...current, [field]: owner }))}
            />
          ) : (
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
          )
        )}
        {failure && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {failure}
          </MessageBar>
        )}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={() => save(values, base)} disabled={saving}>
            {saving ? strings.Saving : strings.EditSave}
          </PrimaryButton>
          <DefaultButton onClick={onClose}>{strings.Close}</DefaultButton>
        </Stack>
      </Stack>
    </div>
  );
}
