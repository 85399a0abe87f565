import * as React from 'react';
import { ChoiceGroup, ComboBox, Dropdown, IComboBox, IComboBoxOption, MessageBar, MessageBarType, Stack, Text, TextField, getId, hiddenContentStyle, mergeStyleSets, useTheme } from '@fluentui/react';
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
  legend: { fontWeight: 600, padding: 0, marginBottom: 4 },
  hidden: hiddenContentStyle
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

/** "Fran Davis (fran.davis@council.gov.uk)": the name, and what tells two people of that name apart. */
function personText(displayName: string, detail: string | undefined): string {
  return detail ? formatString(strings.OwnerPersonOption, displayName, detail) : displayName;
}

/** The person chosen, in the words of the search box; '' when no one is. */
function chosenText(value: OwnerValue): string {
  return value.kind === 'person' && value.person ? personText(value.person.displayName, value.person.email) : '';
}

/** What the live region says about the last search. */
function searchStatus(searching: boolean, found: number | undefined): string {
  if (searching) return strings.OwnerPersonSearching;
  if (found === undefined) return '';
  if (found === 0) return strings.OwnerPersonNoResults;
  return found === 1 ? strings.OwnerPersonFoundOne : formatString(strings.OwnerPersonFoundMany, found);
}

/**
 * Who holds one of an action's owner fields: a person found by name or e-mail
 * (SharePoint's people search in a combo box; how many were found is announced
 * from a live region beside it, since a listbox may hold only options), a role of
 * the plan's glossary with its holder, or text for now. Switching between the
 * three keeps what was chosen in each, so nothing is lost by looking.
 */
export function OwnerField({ label, current, value, onChange, roles, peopleService, errorMessage: problem }: IOwnerFieldProps): JSX.Element {
  const theme = useTheme();
  const [ids] = React.useState(() => ({ legend: getId('owner-legend'), person: getId('owner-person') }));
  // What was chosen under each kind, restored when the person switches back.
  const [chosen, setChosen] = React.useState<Partial<Record<OwnerValue['kind'], OwnerValue>>>(() => ({ [value.kind]: value }));
  const [searchFailure, setSearchFailure] = React.useState<string | undefined>(undefined);
  // What is in the search box while no one found is chosen, kept so leaving the box loses nothing.
  const [typed, setTyped] = React.useState('');
  const [candidates, setCandidates] = React.useState<IPersonCandidate[]>([]);
  const [searching, setSearching] = React.useState(false);
  // How many the last search found; undefined before any search, or once the text is too short to search.
  const [foundCount, setFoundCount] = React.useState<number | undefined>(undefined);
  const comboBox = React.useRef<IComboBox>(null);
  const personBox = React.useRef<HTMLDivElement>(null);
  const pendingSearch = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Numbers each search, so an answer overtaken by newer typing is dropped.
  const latestSearch = React.useRef(0);

  React.useEffect(() => () => clearTimeout(pendingSearch.current), []);
  // The people found show as soon as they come, while the person is still in the box.
  React.useEffect(() => {
    if (candidates.length > 0 && personBox.current?.contains(document.activeElement)) comboBox.current?.focus(true);
    else if (candidates.length === 0) comboBox.current?.dismissMenu();
  }, [candidates]);

  const change = (next: OwnerValue): void => {
    setChosen((before) => ({ ...before, [next.kind]: next }));
    onChange(next);
  };
  const switchTo = (kind: OwnerValue['kind']): void => {
    const remembered = chosen[kind];
    onChange(remembered ?? (kind === 'person' ? { kind } : kind === 'role' ? { kind, role: '' } : { kind, text: '' }));
  };

  const search = async (text: string): Promise<void> => {
    if (!peopleService) return;
    const searchNumber = ++latestSearch.current;
    setSearching(true);
    try {
      const people = await peopleService.searchPeople(text, MAX_SUGGESTIONS);
      if (searchNumber !== latestSearch.current) return;
      setSearchFailure(undefined);
      setCandidates(people);
      setFoundCount(people.length);
    } catch (error) {
      if (searchNumber !== latestSearch.current) return;
      setSearchFailure(formatString(strings.OwnerPersonSearchFailed, errorMessage(error)));
      setCandidates([]);
      setFoundCount(undefined);
    } finally {
      if (searchNumber === latestSearch.current) setSearching(false);
    }
  };

  const onTyping = (text: string): void => {
    setTyped(text);
    if (value.kind === 'person' && value.person) change({ kind: 'person' });
    clearTimeout(pendingSearch.current);
    latestSearch.current++;
    setSearching(false);
    if (text.trim().length < MIN_SEARCH_LENGTH) {
      setCandidates([]);
      setFoundCount(undefined);
      return;
    }
    pendingSearch.current = setTimeout(search, SEARCH_DELAY_MS, text);
  };

  const pick = (option: IComboBoxOption | undefined, freeText: string | undefined): void => {
    const candidate = option ? candidates.find((person) => person.loginName === option.key) : undefined;
    if (candidate) {
      setTyped('');
      change({ kind: 'person', person: { displayName: candidate.displayName, email: candidate.email }, loginName: candidate.loginName });
    } else {
      // Text that is not one of the people found chooses no one; it stays in the box to carry on from.
      setTyped(freeText ?? '');
      change({ kind: 'person' });
    }
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
          <div ref={personBox}>
            <ComboBox
              componentRef={comboBox}
              label={strings.OwnerPersonLabel}
              allowFreeform
              autoComplete="off"
              id={ids.person}
              text={value.person ? chosenText(value) : typed}
              selectedKey={value.loginName ?? null}
              options={candidates.map((candidate) => ({ key: candidate.loginName, text: personText(candidate.displayName, candidate.email ?? candidate.description) }))}
              onInputValueChange={onTyping}
              onChange={(_, option, __, freeText) => pick(option, freeText)}
            />
            <div role="status" className={styles.hidden}>
              {searchStatus(searching, foundCount)}
            </div>
          </div>
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
