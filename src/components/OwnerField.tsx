import * as React from 'react';
import { ChoiceGroup, Dropdown, Stack, Text, TextField, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { OwnerValue } from '../model/actionEdit';
import { Assignee, IRole } from '../model/plan';
import { IPeopleService } from '../services/IPeopleService';
import { formatString } from './format';
import { PersonPicker } from './PersonPicker';
import { findRole } from '../model/roles';

export interface IOwnerFieldProps {
  /** "Strategic lead" or "Responsible officer": the group's legend. */
  label: string;
  /** The owner as the action stands, shown in words. */
  current: Assignee | undefined;
  value: OwnerValue;
  onChange: (value: OwnerValue) => void;
  /** The plan's roles glossary, each offered with its holder. */
  roles: readonly IRole[];
  /** Finds people; without it only a role or text can be chosen. */
  peopleService?: IPeopleService;
  errorMessage?: string;
}

const styles = mergeStyleSets({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: 600, padding: 0, marginBottom: 4 }
});

/** A role's holder as the glossary has it, in the words the form shows. */
function roleText(role: IRole): string {
  return role.holder ? formatString(strings.OwnerRoleOption, role.title, role.holder.displayName) : formatString(strings.OwnerRoleOptionVacant, role.title);
}

/** "Now: the role Commissioners, held by Millar Bownass." */
function currentInWords(current: Assignee | undefined, roles: readonly IRole[]): string {
  if (!current) return strings.OwnerNowNone;
  if (current.kind === 'person') return formatString(strings.OwnerNowPerson, current.person.displayName);
  if (current.kind === 'text') return formatString(strings.OwnerNowText, current.text);
  const holder = findRole(roles, current.role)?.holder;
  return holder ? formatString(strings.OwnerNowRole, current.role, holder.displayName) : formatString(strings.OwnerNowRoleVacant, current.role);
}

/**
 * Who holds one of an action's owner fields: a person found by name or e-mail
 * (SharePoint's people search, `PersonPicker`), a role of the plan's glossary with its
 * holder, or text for now. Switching between the
 * three keeps what was chosen in each, so nothing is lost by looking.
 */
export function OwnerField({ label, current, value, onChange, roles, peopleService, errorMessage: problem }: IOwnerFieldProps): JSX.Element {
  const theme = useTheme();
  const [legendId] = React.useState(() => getId('owner-legend'));
  // What was chosen under each kind, restored when the person switches back.
  const [chosen, setChosen] = React.useState<Partial<Record<OwnerValue['kind'], OwnerValue>>>(() => ({ [value.kind]: value }));

  const change = (next: OwnerValue): void => {
    setChosen((before) => ({ ...before, [next.kind]: next }));
    onChange(next);
  };
  const switchTo = (kind: OwnerValue['kind']): void => {
    const remembered = chosen[kind];
    onChange(remembered ?? (kind === 'person' ? { kind } : kind === 'role' ? { kind, role: '' } : { kind, text: '' }));
  };

  const role = value.kind === 'role' ? findRole(roles, value.role) : undefined;
  return (
    <fieldset className={styles.group} aria-describedby={`${legendId}-now`}>
      <legend className={styles.legend} id={legendId}>
        {label}
      </legend>
      <Stack tokens={{ childrenGap: 4 }}>
        <Text id={`${legendId}-now`}>{currentInWords(current, roles)}</Text>
        <ChoiceGroup
          label={strings.OwnerKindLabel}
          selectedKey={value.kind}
          options={[
            { key: 'person', text: strings.OwnerKindPerson, disabled: !peopleService },
            { key: 'role', text: strings.OwnerKindRole, disabled: roles.length === 0 },
            { key: 'text', text: strings.OwnerKindText }
          ]}
          onChange={(_, option) => option && switchTo(option.key as OwnerValue['kind'])}
        />
        {value.kind === 'person' && peopleService && (
          <PersonPicker
            label={strings.OwnerPersonLabel}
            value={value.person ? { person: value.person, loginName: value.loginName } : undefined}
            onChange={(picked) => change(picked ? { kind: 'person', person: picked.person, loginName: picked.loginName } : { kind: 'person' })}
            peopleService={peopleService}
          />
        )}
        {value.kind === 'role' &&
          (roles.length === 0 ? (
            <Text>{strings.OwnerRoleNone}</Text>
          ) : (
            <Dropdown
              label={strings.OwnerRoleLabel}
              placeholder={strings.OwnerRolePlaceholder}
              selectedKey={role ? role.title : null}
              options={roles.map((item) => ({ key: item.title, text: roleText(item) }))}
              onChange={(_, option) => option && change({ kind: 'role', role: String(option.key) })}
            />
          ))}
        {value.kind === 'text' && (
          <TextField label={strings.OwnerTextLabel} description={strings.OwnerTextHint} value={value.text} onChange={(_, text) => change({ kind: 'text', text: text ?? '' })} />
        )}
        {problem && (
          <Text role="alert" styles={{ root: { color: theme.semanticColors.errorText } }}>
            {problem}
          </Text>
        )}
      </Stack>
    </fieldset>
  );
}
