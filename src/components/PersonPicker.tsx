import * as React from 'react';
import { ComboBox, IComboBox, IComboBoxOption, MessageBar, MessageBarType, Text, getId, hiddenContentStyle, mergeStyles } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPerson } from '../model/plan';
import { IPeopleService, IPersonCandidate } from '../services/IPeopleService';
import { errorMessage, formatString } from './format';

/** A person chosen in the picker: found by the search (with their login, to be made a site user), or already one. */
export interface IPickedPerson {
  person: IPerson;
  /** The claims login of a person the search found; absent for a person already on the site (with an id). */
  loginName?: string;
}

export interface IPersonPickerProps {
  /** The combo box's label. */
  label: string;
  /** Who is chosen now; undefined when no one is. */
  value: IPickedPerson | undefined;
  /**
   * Called with the person chosen, or with undefined and the text in the box when the
   * person types (text that is not one of the people found chooses no one).
   */
  onChange: (value: IPickedPerson | undefined, typed: string) => void;
  peopleService: IPeopleService;
  /** Said below the box, and tied to it (aria-describedby). */
  description?: string;
  errorMessage?: string;
}

/** People offered at most, as the people picker on a SharePoint list form does. */
const MAX_SUGGESTIONS = 10;
/** Typing settles for this long before the search is sent, so one word is one request. */
const SEARCH_DELAY_MS = 300;
/** Fewer letters than this match too many people to be worth a request. */
const MIN_SEARCH_LENGTH = 2;

const hidden = mergeStyles(hiddenContentStyle);

/** "Fran Davis (fran.davis@council.gov.uk)": the name, and what tells two people of that name apart. */
function personText(displayName: string, detail: string | undefined): string {
  return detail ? formatString(strings.OwnerPersonOption, displayName, detail) : displayName;
}

/** What the live region says about the last search. */
function searchStatus(searching: boolean, found: number | undefined): string {
  if (searching) return strings.OwnerPersonSearching;
  if (found === undefined) return '';
  if (found === 0) return strings.OwnerPersonNoResults;
  return found === 1 ? strings.OwnerPersonFoundOne : formatString(strings.OwnerPersonFoundMany, found);
}

/**
 * A person found by name or e-mail: SharePoint's people search in a labelled Fluent
 * combo box (free text, searched 300 ms after two or more letters, at most ten people).
 * How many were found is said by a live region beside it, since a listbox may hold
 * only options. An answer overtaken by newer typing is dropped.
 */
export function PersonPicker({ label, value, onChange, peopleService, description, errorMessage: problem }: IPersonPickerProps): JSX.Element {
  const [id] = React.useState(() => getId('person-picker'));
  const [searchFailure, setSearchFailure] = React.useState<string | undefined>(undefined);
  // What is in the box while no one found is chosen, kept so leaving the box loses nothing.
  const [typed, setTyped] = React.useState('');
  const [candidates, setCandidates] = React.useState<IPersonCandidate[]>([]);
  const [searching, setSearching] = React.useState(false);
  // How many the last search found; undefined before any search, or once the text is too short to search.
  const [foundCount, setFoundCount] = React.useState<number | undefined>(undefined);
  const comboBox = React.useRef<IComboBox>(null);
  const box = React.useRef<HTMLDivElement>(null);
  const pendingSearch = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Numbers each search, so an answer overtaken by newer typing is dropped.
  const latestSearch = React.useRef(0);

  React.useEffect(() => () => clearTimeout(pendingSearch.current), []);
  // The people found show as soon as they come, while the person is still in the box.
  React.useEffect(() => {
    if (candidates.length > 0 && box.current?.contains(document.activeElement)) comboBox.current?.focus(true);
    else if (candidates.length === 0) comboBox.current?.dismissMenu();
  }, [candidates]);

  const search = async (text: string): Promise<void> => {
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
    // Typing chooses no one until a person found is picked; the parent hears the text, to refuse a name never chosen.
    onChange(undefined, text);
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
      onChange({ person: { displayName: candidate.displayName, email: candidate.email }, loginName: candidate.loginName }, '');
    } else {
      // Text that is not one of the people found chooses no one; it stays in the box to carry on from.
      setTyped(freeText ?? '');
      onChange(undefined, freeText ?? '');
    }
  };

  return (
    <div ref={box}>
      <ComboBox
        componentRef={comboBox}
        label={label}
        allowFreeform
        autoComplete="off"
        id={id}
        text={value ? personText(value.person.displayName, value.person.email) : typed}
        selectedKey={value?.loginName ?? null}
        options={candidates.map((candidate) => ({ key: candidate.loginName, text: personText(candidate.displayName, candidate.email ?? candidate.description) }))}
        onInputValueChange={onTyping}
        onChange={(_, option, __, freeText) => pick(option, freeText)}
        aria-describedby={description ? `${id}-description` : undefined}
        errorMessage={problem}
      />
      {description && (
        <Text variant="small" block id={`${id}-description`}>
          {description}
        </Text>
      )}
      <div role="status" className={hidden}>
        {searchStatus(searching, foundCount)}
      </div>
      {searchFailure && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {searchFailure}
        </MessageBar>
      )}
    </div>
  );
}
