import * as React from 'react';
import { ActionButton, DefaultButton, DropdownMenuItemType, IDropdownOption, Panel, PanelType, Stack, Text, ThemeProvider, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IAction, IOutcome, IPriorityArea } from '../model/plan';
import { INumberedDraft, nextOutcomeNumber, validateNewAction, validateNumbered, validateRetirement } from '../model/planUpkeep';
import { compareRefs } from '../model/refs';
import { ConflictError } from '../services/errors';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { IPlanUpkeepService } from '../services/IPlanUpkeepService';
import { DEFAULT_CULTURE, useCulture } from './culture';
import { formatDate, formatString } from './format';
import { IUpkeepFieldSpec, NewPlanForm, UpkeepForm, UpkeepValues } from './PlanUpkeepForm';
import { useFocusRing } from './themes';

export interface IPlanUpkeepPanelProps {
  /** The plan as loaded (not as at a date): every action, the retired ones included. */
  snapshot: IPlanSnapshot;
  upkeepService: IPlanUpkeepService;
  /** The page's today: the day a retirement takes effect. */
  today: IsoDate;
  /** Called after each change, so the app reads the plan again (the panel stays open and takes the new snapshot). */
  onChanged: () => void;
  /** A new plan was created: the page shows it. */
  onPlanCreated: (planId: number) => void;
  onDismiss: () => void;
}

/** The form open in the panel, and the item it is for. */
type Editor =
  | { kind: 'newPlan' | 'addPriority' }
  | { kind: 'renamePriority' | 'addOutcome' | 'addPriorityAction'; priority: number }
  | { kind: 'renameOutcome' | 'addAction'; outcome: number }
  | { kind: 'retire' | 'move'; action: number };

interface IPlanLists {
  priorities: IPriorityArea[];
  outcomes: IOutcome[];
  actions: IAction[];
}

/** Priorities and outcomes by number, digits as numbers ("Priority 2" before "Priority 10"): the same in every culture. */
const byNumber = (left: { number: string }, right: { number: string }): number => left.number.localeCompare(right.number, DEFAULT_CULTURE, { numeric: true });
const plainList = mergeStyles({ listStyle: 'none', margin: 0, padding: 0 });
const nestedList = mergeStyles({ listStyle: 'none', margin: '4px 0 0', paddingLeft: 16 });
const heading = mergeStyles({ margin: '8px 0 0', overflowWrap: 'anywhere' });

/** The list with the item in place of the one with its id, or added. */
function withItem<T extends { id: number }>(items: readonly T[], item: T): T[] {
  return items.some((candidate) => candidate.id === item.id) ? items.map((candidate) => (candidate.id === item.id ? item : candidate)) : [...items, item];
}

function numbered(values: UpkeepValues): INumberedDraft {
  return { number: values.number ?? '', title: values.title ?? '' };
}

function numberedFields(initial?: INumberedDraft): IUpkeepFieldSpec[] {
  return [
    { name: 'number', label: strings.UpkeepNumber, initial: initial?.number },
    { name: 'title', label: strings.UpkeepTitle, initial: initial?.title }
  ];
}

/**
 * "Manage the plan", for plan officers: the plan's priorities, outcomes and actions as
 * nested lists, each with what can be done to it. Priorities and outcomes are added and
 * renamed, actions added, retired (with a reason, then shown as retired, never deleted) or
 * moved to another outcome, and a new empty plan created. Each form opens where it was
 * asked for; when it closes, focus returns to the button that opened it, and what was done
 * is announced.
 */
export function PlanUpkeepPanel({ snapshot, upkeepService, today, onChanged, onPlanCreated, onDismiss }: IPlanUpkeepPanelProps): JSX.Element {
  const culture = useCulture();
  const theme = useTheme();
  const focusRing = useFocusRing();
  const [lists, setLists] = React.useState<IPlanLists>(snapshot);
  // A reloaded plan replaces what the panel changed since (it holds those changes too).
  React.useEffect(() => setLists(snapshot), [snapshot]);
  const [editor, setEditor] = React.useState<Editor | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);
  const opener = React.useRef<HTMLElement | null>(null);
  const status = React.useRef<HTMLDivElement>(null);
  const restoreFocus = React.useRef(false);

  React.useEffect(() => {
    if (editor !== undefined || !restoreFocus.current) return;
    restoreFocus.current = false;
    // The button that opened the form, unless the change took it away (a retired action has none).
    if (opener.current?.isConnected) opener.current.focus();
    else status.current?.focus();
  }, [editor]);

  const open = (next: Editor): void => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setDone(undefined);
    setEditor(next);
  };
  const close = (message?: string): void => {
    restoreFocus.current = true;
    setDone(message);
    setEditor(undefined);
  };

  /** Runs a change; someone else's change first puts their version in the panel and reloads the plan. */
  async function change<T>(label: string, write: () => Promise<T>, keep: (saved: T) => void): Promise<void> {
    try {
      keep(await write());
    } catch (error) {
      if (error instanceof ConflictError) {
        keep(error.current as T);
        onChanged();
      }
      throw error;
    }
    close(formatString(strings.UpkeepSaved, label));
    onChanged();
  }
  const keepPriority = (priority: IPriorityArea): void => setLists((current) => ({ ...current, priorities: withItem(current.priorities, priority) }));
  const keepOutcome = (outcome: IOutcome): void => setLists((current) => ({ ...current, outcomes: withItem(current.outcomes, outcome) }));
  const keepAction = (action: IAction): void => setLists((current) => ({ ...current, actions: withItem(current.actions, action) }));

  const planRefs = lists.actions.map((action) => action.ref);
  const planId = snapshot.plan.id;

  const actionForm = (label: string, priorityId: number, outcomeId?: number): JSX.Element => (
    <UpkeepForm
      label={label}
      fields={[
        { name: 'ref', label: strings.UpkeepRef },
        { name: 'text', label: strings.UpkeepText, multiline: true },
        { name: 'due', label: strings.UpkeepDue }
      ]}
      validate={(values) => validateNewAction({ ref: values.ref ?? '', text: values.text ?? '', due: values.due ?? '' }, planRefs)}
      onSubmit={(values) => change(label, () => upkeepService.addAction(planId, { ref: values.ref ?? '', text: values.text ?? '', due: values.due ?? '', priorityId, outcomeId }), keepAction)}
      onCancel={() => close()}
    />
  );

  const moveOptions = (action: IAction): IDropdownOption[] =>
    [...lists.priorities].sort(byNumber).flatMap((priority) => {
      const targets = lists.outcomes.filter((outcome) => outcome.priorityId === priority.id && outcome.id !== action.outcomeId).sort(byNumber);
      if (targets.length === 0) return [];
      return [
        { key: `priority-${priority.id}`, text: formatString(strings.UpkeepPriority, priority.number, priority.title), itemType: DropdownMenuItemType.Header },
        ...targets.map((outcome) => ({ key: String(outcome.id), text: `${outcome.number} ${outcome.title}` }))
      ];
    });

  const actionItem = (action: IAction): JSX.Element => {
    const retireLabel = formatString(strings.UpkeepRetireLabel, action.ref);
    const moveLabel = formatString(strings.UpkeepMoveLabel, action.ref);
    const options = moveOptions(action);
    return (
      <li key={action.id} className={mergeStyles({ padding: '6px 0', borderTop: `1px solid ${theme.semanticColors.bodyDivider}` })}>
        <Text block styles={{ root: { overflowWrap: 'anywhere' } }}>
          <strong>{action.ref}</strong> {action.text}
        </Text>
        {action.retired ? (
          <Text block styles={{ root: { color: theme.semanticColors.bodySubtext } }}>
            {formatString(strings.UpkeepRetired, formatDate(action.retired.date, action.retired.date, culture), action.retired.reason)}
          </Text>
        ) : (
          <Stack horizontal wrap>
            <ActionButton aria-label={retireLabel} onClick={() => open({ kind: 'retire', action: action.id })}>
              {strings.UpkeepRetire}
            </ActionButton>
            {options.length > 0 && (
              <ActionButton aria-label={moveLabel} onClick={() => open({ kind: 'move', action: action.id })}>
                {strings.UpkeepMove}
              </ActionButton>
            )}
          </Stack>
        )}
        {editor?.kind === 'retire' && editor.action === action.id && (
          <UpkeepForm
            label={retireLabel}
            hint={strings.UpkeepRetireHint}
            fields={[{ name: 'reason', label: strings.UpkeepReason, multiline: true }]}
            validate={(values) => validateRetirement(values.reason ?? '')}
            onSubmit={(values) => change(retireLabel, () => upkeepService.retireAction(action, { date: today, reason: values.reason ?? '' }), keepAction)}
            onCancel={() => close()}
          />
        )}
        {editor?.kind === 'move' && editor.action === action.id && (
          <UpkeepForm
            label={moveLabel}
            fields={[{ name: 'outcome', label: strings.UpkeepMoveTo, options }]}
            validate={(values) => (values.outcome ? [] : [{ field: 'outcome', code: 'required' }])}
            onSubmit={(values) => {
              const target = lists.outcomes.find((outcome) => String(outcome.id) === values.outcome) as IOutcome;
              return change(moveLabel, () => upkeepService.moveAction(action, target), keepAction);
            }}
            onCancel={() => close()}
          />
        )}
      </li>
    );
  };

  const outcomeItem = (outcome: IOutcome): JSX.Element => {
    // Named with its priority: plans number outcomes "3.1" or "1" under each priority.
    const priorityNumber = lists.priorities.find((priority) => priority.id === outcome.priorityId)?.number ?? '';
    const renameLabel = formatString(strings.UpkeepRenameOutcomeLabel, priorityNumber, outcome.number);
    const addLabel = formatString(strings.UpkeepAddActionLabel, priorityNumber, outcome.number);
    const actions = lists.actions.filter((action) => action.outcomeId === outcome.id).sort((left, right) => compareRefs(left.ref, right.ref));
    return (
      <li key={outcome.id}>
        <Text as="h4" variant="mediumPlus" className={heading}>
          {outcome.number} {outcome.title}
        </Text>
        <Stack horizontal wrap>
          <ActionButton aria-label={renameLabel} onClick={() => open({ kind: 'renameOutcome', outcome: outcome.id })}>
            {strings.UpkeepRename}
          </ActionButton>
          <ActionButton aria-label={addLabel} onClick={() => open({ kind: 'addAction', outcome: outcome.id })}>
            {strings.UpkeepAddAction}
          </ActionButton>
        </Stack>
        {editor?.kind === 'renameOutcome' && editor.outcome === outcome.id && (
          <UpkeepForm
            label={renameLabel}
            fields={numberedFields(outcome)}
            validate={(values) => validateNumbered(numbered(values), lists.outcomes.filter((sibling) => sibling.priorityId === outcome.priorityId), outcome.id)}
            onSubmit={(values) => change(renameLabel, () => upkeepService.renameOutcome(outcome, numbered(values)), keepOutcome)}
            onCancel={() => close()}
          />
        )}
        {editor?.kind === 'addAction' && editor.outcome === outcome.id && actionForm(addLabel, outcome.priorityId, outcome.id)}
        {actions.length > 0 && <ul className={nestedList}>{actions.map(actionItem)}</ul>}
      </li>
    );
  };

  const priorityItem = (priority: IPriorityArea): JSX.Element => {
    const renameLabel = formatString(strings.UpkeepRenamePriorityLabel, priority.number);
    const addOutcomeLabel = formatString(strings.UpkeepAddOutcomeLabel, priority.number);
    const addActionLabel = formatString(strings.UpkeepAddPriorityActionLabel, priority.number);
    const outcomes = lists.outcomes.filter((outcome) => outcome.priorityId === priority.id).sort(byNumber);
    // Actions a plan keeps directly under the priority (or under an outcome it no longer has).
    const loose = lists.actions
      .filter((action) => action.priorityId === priority.id && !outcomes.some((outcome) => outcome.id === action.outcomeId))
      .sort((left, right) => compareRefs(left.ref, right.ref));
    return (
      <li key={priority.id} className={mergeStyles({ paddingBottom: 8 })}>
        <Text as="h3" variant="large" className={heading}>
          {formatString(strings.UpkeepPriority, priority.number, priority.title)}
        </Text>
        <Stack horizontal wrap>
          <ActionButton aria-label={renameLabel} onClick={() => open({ kind: 'renamePriority', priority: priority.id })}>
            {strings.UpkeepRename}
          </ActionButton>
          <ActionButton aria-label={addOutcomeLabel} onClick={() => open({ kind: 'addOutcome', priority: priority.id })}>
            {strings.UpkeepAddOutcome}
          </ActionButton>
          <ActionButton aria-label={addActionLabel} onClick={() => open({ kind: 'addPriorityAction', priority: priority.id })}>
            {strings.UpkeepAddAction}
          </ActionButton>
        </Stack>
        {editor?.kind === 'renamePriority' && editor.priority === priority.id && (
          <UpkeepForm
            label={renameLabel}
            fields={numberedFields(priority)}
            validate={(values) => validateNumbered(numbered(values), lists.priorities, priority.id)}
            onSubmit={(values) => change(renameLabel, () => upkeepService.renamePriority(priority, numbered(values)), keepPriority)}
            onCancel={() => close()}
          />
        )}
        {editor?.kind === 'addOutcome' && editor.priority === priority.id && (
          <UpkeepForm
            label={addOutcomeLabel}
            fields={numberedFields({ number: nextOutcomeNumber(priority.number, outcomes), title: '' })}
            validate={(values) => validateNumbered(numbered(values), outcomes)}
            onSubmit={(values) => change(addOutcomeLabel, () => upkeepService.addOutcome(priority, numbered(values)), keepOutcome)}
            onCancel={() => close()}
          />
        )}
        {editor?.kind === 'addPriorityAction' && editor.priority === priority.id && actionForm(addActionLabel, priority.id)}
        <ul className={nestedList}>
          {outcomes.map(outcomeItem)}
          {loose.length > 0 && (
            <li>
              <Text as="h4" variant="mediumPlus" className={heading}>
                {strings.UpkeepNoOutcome}
              </Text>
              <ul className={nestedList}>{loose.map(actionItem)}</ul>
            </li>
          )}
        </ul>
      </li>
    );
  };

  return (
    <Panel isOpen isBlocking={false} type={PanelType.medium} headerText={strings.UpkeepOpen} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss}>
      <ThemeProvider theme={theme} className={focusRing}>
        <Stack tokens={{ childrenGap: 12 }}>
          <div role="status" tabIndex={-1} ref={status} className={mergeStyles({ outline: 'none' })}>
            {done && <Text block>{done}</Text>}
          </div>
          <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
            <DefaultButton onClick={() => open({ kind: 'addPriority' })}>{strings.UpkeepAddPriority}</DefaultButton>
            <DefaultButton onClick={() => open({ kind: 'newPlan' })}>{strings.UpkeepNewPlan}</DefaultButton>
          </Stack>
          {editor?.kind === 'addPriority' && (
            <UpkeepForm
              label={strings.UpkeepAddPriority}
              fields={numberedFields({ number: String(lists.priorities.length + 1), title: '' })}
              validate={(values) => validateNumbered(numbered(values), lists.priorities)}
              onSubmit={(values) => change(strings.UpkeepAddPriority, () => upkeepService.addPriority(planId, numbered(values)), keepPriority)}
              onCancel={() => close()}
            />
          )}
          {editor?.kind === 'newPlan' && (
            <NewPlanForm
              upkeepService={upkeepService}
              localArea={snapshot.plan.localArea}
              onCreated={(created, name) => {
                close(formatString(strings.UpkeepPlanCreated, name));
                onPlanCreated(created);
              }}
              onCancel={() => close()}
            />
          )}
          {lists.priorities.length === 0 ? (
            <Text as="p">{strings.NoPriorities}</Text>
          ) : (
            <ul className={plainList} aria-label={strings.UpkeepTreeLabel}>
              {[...lists.priorities].sort(byNumber).map(priorityItem)}
            </ul>
          )}
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
