import * as React from 'react';
import { DefaultButton, Dropdown, IDropdown, IDropdownOption, ITextField, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { UpkeepField, UpkeepProblem, validateNewPlan } from '../model/planUpkeep';
import { RAGC_SCHEME } from '../model/statusSchemes';
import { ConflictError } from '../services/errors';
import { DuplicateRefError, IPlanUpkeepService } from '../services/IPlanUpkeepService';
import { errorMessage, formatString } from './format';

/** One field of an upkeep form: a line or box of text, or a choice from a list. */
export interface IUpkeepFieldSpec {
  name: UpkeepField;
  label: string;
  initial?: string;
  multiline?: boolean;
  /** When given, the field is a choice among these (its value is the option's key). */
  options?: IDropdownOption[];
}

export type UpkeepValues = Partial<Record<UpkeepField, string>>;

export interface IUpkeepFormProps {
  /** What the form does, in words ("Rename priority 3"): its accessible name and the message when done. */
  label: string;
  /** A line said before the fields. */
  hint?: string;
  fields: IUpkeepFieldSpec[];
  validate: (values: UpkeepValues) => UpkeepProblem[];
  /** Saves; a thrown error is shown in the form, what was typed kept. */
  onSubmit: (values: UpkeepValues) => Promise<void>;
  onCancel: () => void;
}

/** A problem in words, naming its field. */
export function upkeepProblemText(problem: UpkeepProblem, fieldLabel: string): string {
  switch (problem.code) {
    case 'required':
      return formatString(strings.UpkeepRequired, fieldLabel);
    case 'tooLong':
      return formatString(strings.UpkeepTooLong, fieldLabel, problem.limit);
    case 'numberTaken':
      return formatString(strings.UpkeepNumberTaken, problem.number);
    case 'refTaken':
      return formatString(strings.UpkeepRefTaken, problem.ref);
  }
}

/**
 * A small form of the Manage the plan panel, shown where it was asked for: its first field
 * takes focus; a problem is said under its field (the first such field takes focus); a save
 * that fails says why in words (someone else's change first, as a conflict), keeping what
 * was typed.
 */
export function UpkeepForm({ label, hint, fields, validate, onSubmit, onCancel }: IUpkeepFormProps): JSX.Element {
  const theme = useTheme();
  const [values, setValues] = React.useState<UpkeepValues>(() => Object.fromEntries(fields.map((field) => [field.name, field.initial ?? ''])));
  const [problems, setProblems] = React.useState<UpkeepProblem[]>([]);
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const inputs = React.useRef<Partial<Record<UpkeepField, ITextField | IDropdown | null>>>({});

  // The form opens where it was asked for, with its first field ready to type in.
  const firstField = fields[0]?.name;
  React.useEffect(() => {
    if (firstField) inputs.current[firstField]?.focus();
  }, [firstField]);

  const showProblems = (found: UpkeepProblem[]): void => {
    setProblems(found);
    const first = fields.find((field) => found.some((problem) => problem.field === field.name));
    if (first) inputs.current[first.name]?.focus();
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(undefined);
    const found = validate(values);
    showProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setSaving(false);
      if (error instanceof DuplicateRefError) showProblems([{ field: 'ref', code: 'refTaken', ref: error.ref }]);
      else setFailure(error instanceof ConflictError ? formatString(strings.UpkeepConflict, label) : errorMessage(error));
    }
  };

  const problemOf = (field: IUpkeepFieldSpec): string | undefined => {
    const problem = problems.find((candidate) => candidate.field === field.name);
    return problem && upkeepProblemText(problem, field.label);
  };

  return (
    <form
      aria-label={label}
      onSubmit={submit}
      noValidate
      className={mergeStyles({ margin: '8px 0', padding: 12, border: `1px solid ${theme.semanticColors.bodyDivider}`, background: theme.semanticColors.bodyStandoutBackground })}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="h4" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {label}
        </Text>
        {hint && <Text as="p">{hint}</Text>}
        {fields.map((field) =>
          field.options ? (
            <Dropdown
              key={field.name}
              componentRef={(input) => (inputs.current[field.name] = input)}
              label={field.label}
              required
              options={field.options}
              selectedKey={values[field.name] || undefined}
              errorMessage={problemOf(field)}
              onChange={(_, option) => option && setValues((current) => ({ ...current, [field.name]: String(option.key) }))}
            />
          ) : (
            <TextField
              key={field.name}
              componentRef={(input) => (inputs.current[field.name] = input)}
              label={field.label}
              multiline={field.multiline}
              autoAdjustHeight={field.multiline}
              value={values[field.name]}
              errorMessage={problemOf(field)}
              onChange={(_, value) => setValues((current) => ({ ...current, [field.name]: value ?? '' }))}
            />
          )
        )}
        {failure && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {failure}
          </MessageBar>
        )}
        <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
          <PrimaryButton type="submit" disabled={saving}>
            {saving ? strings.Saving : strings.Save}
          </PrimaryButton>
          <DefaultButton onClick={onCancel} disabled={saving}>
            {strings.Cancel}
          </DefaultButton>
        </Stack>
      </Stack>
    </form>
  );
}

export interface INewPlanFormProps {
  upkeepService: IPlanUpkeepService;
  /** The local area proposed (the plan shown now, if any). */
  localArea?: string;
  /** Runs before the plan is created (a site without the plan lists sets them up first). */
  before?: () => Promise<void>;
  onCreated: (planId: number, name: string) => void;
  onCancel: () => void;
}

/** A new, empty plan: a name and a local area, on the default scheme; its settings are changed under Plan settings. */
export function NewPlanForm({ upkeepService, localArea = '', before, onCreated, onCancel }: INewPlanFormProps): JSX.Element {
  return (
    <UpkeepForm
      label={strings.UpkeepNewPlan}
      fields={[
        { name: 'name', label: strings.UpkeepPlanName },
        { name: 'localArea', label: strings.LocalArea, initial: localArea }
      ]}
      validate={(values) => validateNewPlan({ name: values.name ?? '', localArea: values.localArea ?? '' })}
      onSubmit={async (values) => {
        const name = (values.name ?? '').trim();
        if (before) await before();
        const created = await upkeepService.createPlan({ name, localArea: (values.localArea ?? '').trim(), scheme: RAGC_SCHEME, reportingDates: [] });
        onCreated(created, name);
      }}
      onCancel={onCancel}
    />
  );
}
