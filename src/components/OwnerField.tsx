import * as React from 'react';
import { ChoiceGroup, Dropdown, IPersonaProps, MessageBar, MessageBarType, NormalPeoplePicker, Stack, Text, TextField, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { OwnerValue } from '../model/actionEdit';
import { Assignee, IRole } from '../model/plan';
import { IPeopleService, IPersonCandidate } from '../services/IPeopleService';
import { errorMessage, formatString } from './format';

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

/** People offered at most, as the people picker on a SharePoint list form does. */
const MAX_SUGGESTIONS = 10;
/** Typing settles for this long before the search is sent, so one word is one request. */
const SEARCH_DELAY_MS = 300;
/** Fewer letters than this match too many people to be worth a request. */
const MIN_SEARCH_LENGTH = 2;

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

/** The glossary's role of that title; plans write titles with any capitals. */
function findRole(roles: readonly IRole[], title: string): IRole | undefined {
  const wanted = title.trim().toLowerCase();
  return roles.find((role) => role.title.trim().toLowerCase() === wanted);
}

function personaOf(value: OwnerValue): IPersonaProps[] {
  if (value.kind !== 'person' || !value.person) return [];
  const { person } = value;
  return [{ key: value.loginName ?? `id:${person.id ?? person.email ?? person.displayName}`, text: person.displayName, secondaryText: person.email }];
}

/**
 * Who holds one of an action's owner fields: a person found by name or e-mail
 * (SharePoint's people search, typed and chosen from a list that a screen reader
 * announces), a role of the plan's glossary with its holder, or text for now. Switching
 * between the three keeps what was chosen in each, so nothing is lost by looking.
 */
export function OwnerField({ label, current, value, onChange, roles, peopleService, errorMessage: problem }: IOwnerFieldProps): JSX.Element {
  const theme = useTheme();
  const [ids] = React.useState(() => ({ legend: getId('owner-legend'), person: getId('owner-person') }));
  // What was chosen under each kind, restored when the person switches back.
  const [chosen, setChosen] = React.useState<Partial<Record<OwnerValue['kind'], OwnerValue>>>(() => ({ [value.kind]: value }));
  const [searchFailure, setSearchFailure] = React.useState<string | undefined>(undefined);
  // The people the last search found, by login, to know who a chosen suggestion is.
  const found = React.useRef(new Map<string, IPersonCandidate>());

  const change = (next: OwnerValue): void => {
    setChosen((before) => ({ ...before, [next.kind]: next }));
    onChange(next);
  };
  const switchTo = (kind: OwnerValue['kind']): void => {
    const remembered = chosen[kind];
    onChange(remembered ?? (kind === 'person' ? { kind } : kind === 'role' ? { kind, role: '' } : { kind, text: '' }));
  };

  const search = async (text: string): Promise<IPersonaProps[]> => {
    if (!peopleService || text.trim().length < MIN_SEARCH_LENGTH) return [];
    try {
      const candidates = await peopleService.searchPeople(text, MAX_SUGGESTIONS);
      setSearchFailure(undefined);
      for (const candidate of candidates) found.current.set(candidate.loginName, candidate);
      return candidates.map((candidate) => ({ key: candidate.loginName, text: candidate.displayName, secondaryText: candidate.email ?? candidate.description }));
    } catch (error) {
      setSearchFailure(formatString(strings.OwnerPersonSearchFailed, errorMessage(error)));
      return [];
    }
  };

  const pick = (items: IPersonaProps[] | undefined): void => {
    const candidate = items && items.length > 0 ? found.current.get(String(items[0].key)) : undefined;
    change(candidate ? { kind: 'person', person: { displayName: candidate.displayName, email: candidate.email }, loginName: candidate.loginName } : { kind: 'person' });
  };

  const role = value.kind === 'role' ? findRole(roles, value.role) : undefined;
  return (
    <fieldset className={styles.group} aria-describedby={`${ids.legend}-now`}>
      <legend className={styles.legend} id={ids.legend}>
        {label}
      </legend>
      <Stack tokens={{ childrenGap: 4 }}>
        <Text id={`${ids.legend}-now`}>{currentInWords(current, roles)}</Text>
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
        {value.kind === 'person' && (
          <NormalPeoplePicker
            label={strings.OwnerPersonLabel}
            itemLimit={1}
            resolveDelay={SEARCH_DELAY_MS}
            selectedItems={personaOf(value)}
            onResolveSuggestions={(text) => search(text)}
            onChange={pick}
            getTextFromItem={(persona) => persona.text ?? ''}
            inputProps={{ id: ids.person }}
            selectionAriaLabel={strings.OwnerPersonSelected}
            removeButtonAriaLabel={strings.OwnerPersonRemove}
            pickerSuggestionsProps={{
              suggestionsHeaderText: strings.OwnerPersonSuggestions,
              suggestionsContainerAriaLabel: strings.OwnerPersonSuggestions,
              suggestionsAvailableAlertText: strings.OwnerPersonFound,
              noResultsFoundText: strings.OwnerPersonNoResults,
              loadingText: strings.OwnerPersonSearching
            }}
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
        {searchFailure && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            {searchFailure}
          </MessageBar>
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
