import * as React from 'react';
import {
  ActionButton,
  Checkbox,
  CheckboxVisibility,
  CollapseAllVisibility,
  ConstrainMode,
  DefaultButton,
  DetailsList,
  DetailsListLayoutMode,
  Dropdown,
  DropdownMenuItemType,
  IColumn,
  IDropdownOption,
  IDetailsGroupDividerProps,
  IGroup,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  SearchBox,
  SelectionMode,
  Stack,
  Text,
  ThemeProvider,
  getId,
  mergeStyles,
  useTheme
} from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { ActionSortKey, IActionFilter, NO_STATUS, OwnerChoice, filterActions, isEmptyFilter, ownersOf, sortActions, tagsOf } from '../model/actionFilter';
import { IsoDate } from '../model/isoDate';
import { IAction, IOutcome, IPriorityArea, IRole, assigneeName } from '../model/plan';
import { compareRefs } from '../model/refs';
import { IStatusScheme } from '../model/statusSchemes';
import { statusLabel } from './schemeText';
import { StatusPill } from './StatusPill';
import { downloadFile } from './download';
import { formatCsv } from '../formats/csvWrite';
import { exportRows } from '../model/import/exportRows';
import { ActionLink } from './navigation';
import { dueText, errorMessage, formatDate, formatString } from './format';
import { useNarrow } from './narrow';
import { useCulture } from './culture';
import { useFocusRing } from './themes';

export interface IWorkstreamsViewProps {
  priorities: IPriorityArea[];
  outcomes: IOutcome[];
  actions: IAction[];
  scheme: IStatusScheme;
  today: IsoDate;
  dueSoonDays: number;
  /** The plan's board dates: the export writes each action's status as at each. */
  reportingDates?: IsoDate[];
  filter: IActionFilter;
  onFilterChange: (filter: IActionFilter) => void;
  /** The plan's roles glossary: the officer filter offers each role with its holder, and finds a person's actions through the roles they hold. */
  roles?: readonly IRole[];
  /** The actions with their long texts, which the view's load leaves out and an export writes. */
  readTexts: (actions: IAction[]) => Promise<IAction[]>;
}

const NO_ROLES: readonly IRole[] = [];

/** The section each kind of owner choice is listed under in the officer filter. */
const OWNER_SECTIONS: ReadonlyArray<{ key: string; kinds: ReadonlyArray<OwnerChoice['kind']>; heading: () => string }> = [
  { key: 'people', kinds: ['person'], heading: () => strings.FilterOwnerPeople },
  { key: 'roles', kinds: ['role'], heading: () => strings.FilterOwnerRoles },
  { key: 'written', kinds: ['notNamed', 'text'], heading: () => strings.FilterOwnerWritten }
];

function ownerChoiceText(choice: OwnerChoice): string {
  switch (choice.kind) {
    case 'notNamed':
      return strings.FilterOwnerNotNamed;
    case 'role':
      return choice.holder ? formatString(strings.FilterOwnerRole, choice.name, choice.holder) : formatString(strings.OwnerRoleOptionVacant, choice.name);
    default:
      return choice.name;
  }
}

/** The officer filter's options: anyone, then people, roles and names as written, each section under its heading. */
function ownerOptions(choices: readonly OwnerChoice[]): IDropdownOption[] {
  const options: IDropdownOption[] = [{ key: '', text: strings.FilterAnyone }];
  for (const section of OWNER_SECTIONS) {
    const inSection = choices.filter((choice) => section.kinds.indexOf(choice.kind) >= 0);
    if (inSection.length === 0) continue;
    options.push({ key: `section-${section.key}`, text: section.heading(), itemType: DropdownMenuItemType.Header });
    options.push(...inSection.map((choice) => ({ key: choice.key, text: ownerChoiceText(choice) })));
  }
  return options;
}

/** Marks a retired action in words (never by colour alone). */
const retiredLabel = mergeStyles({ display: 'inline-block', marginRight: 2, padding: '0 6px', border: '1px solid', borderRadius: 2, fontWeight: 600 });

/**
 * A group's header row: a button that says whether the group is expanded. Fluent's own
 * header puts aria-expanded on the row, which a grid does not allow (axe:
 * aria-conditional-attr), so the state sits on the button instead.
 */
function GroupToggle({ group, onToggleCollapse, columnCount }: IDetailsGroupDividerProps & { columnCount: number }): JSX.Element {
  const theme = useTheme();
  if (!group) return <></>;
  const expanded = !group.isCollapsed;
  return (
    <div role="row" style={{ borderBottom: `1px solid ${theme.semanticColors.bodyDivider}` }}>
      <div role="gridcell" aria-colspan={columnCount} style={{ paddingLeft: 8 + 24 * (group.level ?? 0) }}>
        <ActionButton
          iconProps={{ iconName: expanded ? 'ChevronDown' : 'ChevronRight' }}
          aria-expanded={expanded}
          onClick={() => onToggleCollapse?.(group)}
          styles={{ root: { fontWeight: 600, fontSize: group.level ? 14 : 16, height: 'auto', minHeight: 36, textAlign: 'left' }, label: { whiteSpace: 'normal' } }}
        >
          {group.name} ({group.count})
        </ActionButton>
      </div>
    </div>
  );
}

/** True while the browser prints, so a printed list holds every row rather than the scrolled window. */
function usePrinting(): boolean {
  const [printing, setPrinting] = React.useState(false);
  React.useEffect(() => {
    const before = (): void => setPrinting(true);
    const after = (): void => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/** Between a phone's width and the columns' own, the list scrolls sideways inside the web part; keyboard focus moving along a row scrolls it too. */
const horizontalScroll = mergeStyles({ overflowX: 'auto', maxWidth: '100%' });
/** On a phone each action is a card: its ref and status, its words, then officer, due date and latest update, each named. */
const card = mergeStyles({ display: 'flex', flexDirection: 'column', gap: 4, whiteSpace: 'normal', overflowWrap: 'anywhere' });

const COLUMN_KEYS: readonly ActionSortKey[] = ['ref', 'text', 'officer', 'due', 'status', 'latestUpdate'];

/** Groups for the list: priority, then outcome within it, over items laid out in that order. */
function groupActions(priorities: IPriorityArea[], outcomes: IOutcome[], actions: IAction[]): { items: IAction[]; groups: IGroup[] } {
  const items: IAction[] = [];
  const groups: IGroup[] = [];
  for (const priority of priorities) {
    const inPriority = actions.filter((action) => action.priorityId === priority.id);
    if (inPriority.length === 0) continue;
    const start = items.length;
    const children: IGroup[] = [];
    const ownOutcomes = outcomes.filter((outcome) => outcome.priorityId === priority.id).sort((a, b) => compareRefs(a.number, b.number));
    const placed = new Set<number>();
    for (const outcome of ownOutcomes) {
      const inOutcome = inPriority.filter((action) => action.outcomeId === outcome.id);
      if (inOutcome.length === 0) continue;
      inOutcome.forEach((action) => placed.add(action.id));
      children.push({ key: `o${outcome.id}`, name: outcome.number ? `${outcome.number} ${outcome.title}` : outcome.title, startIndex: items.length, count: inOutcome.length, level: 1 });
      items.push(...inOutcome);
    }
    const unplaced = inPriority.filter((action) => !placed.has(action.id));
    if (unplaced.length > 0) {
      if (children.length > 0) children.push({ key: `p${priority.id}-none`, name: strings.NoOutcome, startIndex: items.length, count: unplaced.length, level: 1 });
      items.push(...unplaced);
    }
    groups.push({
      key: `p${priority.id}`,
      name: priority.number ? `${priority.number}. ${priority.title}` : priority.title,
      startIndex: start,
      count: items.length - start,
      level: 0,
      children: children.length > 0 ? children : undefined
    });
  }
  return { items, groups };
}

/**
 * The plan's actions by priority and outcome, filtered and sorted. A virtualised
 * Fluent DetailsList, so a plan of thousands of actions stays quick to scroll.
 */
export function WorkstreamsView({ priorities, outcomes, actions, scheme, today, dueSoonDays, reportingDates, filter, onFilterChange, roles = NO_ROLES, readTexts }: IWorkstreamsViewProps): JSX.Element {
  const culture = useCulture();
  const theme = useTheme();
  const focusRing = useFocusRing();
  const [sort, setSort] = React.useState<{ key: ActionSortKey; descending: boolean }>({ key: 'ref', descending: false });
  const narrow = useNarrow();
  const [filtersOpen, setFiltersOpen] = React.useState(false);
  const printing = usePrinting();
  const [headingId] = React.useState(() => getId('workstreams'));
  const shown = React.useMemo(
    () => sortActions(filterActions(actions, filter, { scheme, today, dueSoonDays, roles }), sort.key, sort.descending, scheme),
    [actions, filter, scheme, today, dueSoonDays, sort, roles]
  );
  const owners = React.useMemo(() => ownerOptions(ownersOf(actions, roles, culture)), [actions, roles, culture]);
  const { items, groups } = React.useMemo(() => groupActions(priorities, outcomes, shown), [priorities, outcomes, shown]);
  const change = (patch: Partial<IActionFilter>): void => onFilterChange({ ...filter, ...patch });
  const [exporting, setExporting] = React.useState<{ kind: 'idle' | 'busy' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  /** The shown actions, with their long texts read first; the workbook writer is fetched only when someone exports to Excel. */
  const exportShown = async (format: 'csv' | 'xlsx'): Promise<void> => {
    setExporting({ kind: 'busy' });
    try {
      const rows = exportRows(await readTexts(shown), priorities, outcomes, scheme, reportingDates);
      if (format === 'csv') {
        // A byte-order mark, so Excel opens UTF-8 CSV with its accents and dashes intact.
        downloadFile(formatString(strings.ExportFileName, today, 'csv'), `\ufeff${formatCsv(rows)}`, 'text/csv;charset=utf-8');
      } else {
        const { writeXlsx } = await import(/* webpackChunkName: 'xlsx-writer' */ '../formats/xlsxWrite');
        downloadFile(formatString(strings.ExportFileName, today, 'xlsx'), writeXlsx(rows), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      }
      setExporting({ kind: 'idle' });
    } catch (error) {
      setExporting({ kind: 'failed', message: formatString(strings.ExportFailed, errorMessage(error)) });
    }
  };

  const statusOptions: IDropdownOption[] = [...scheme.labels.map((label) => ({ key: label.key, text: label.label })), { key: NO_STATUS, text: strings.NoStatus }];
  const tags = tagsOf(actions, culture);

  const header = (key: ActionSortKey): string =>
    ({ ref: strings.RefColumn, text: strings.ActionColumn, officer: strings.OfficerColumn, due: strings.DueLabel, status: strings.StatusColumn, latestUpdate: strings.LatestUpdateLabel })[key];
  const render = (key: ActionSortKey, action: IAction): React.ReactNode => {
    switch (key) {
      case 'ref':
        return <ActionLink actionId={action.id} refText={action.ref} label={formatString(strings.OpenActionLabel, action.ref)} />;
      case 'text':
        return action.retired ? (
          <>
            <span className={retiredLabel}>{strings.RetiredLabel}</span> {action.text}
          </>
        ) : (
          action.text
        );
      case 'officer':
        return assigneeName(action.responsibleOfficer) || strings.NotRecorded;
      case 'due':
        return action.revisedDue ? formatString(strings.DueRevised, dueText(action.revisedDue, culture), dueText(action.due, culture)) : dueText(action.due, culture);
      case 'status':
        return <StatusPill status={statusLabel(scheme, action.status)} noStatusText={strings.NoStatus} />;
      case 'latestUpdate':
        return action.latestUpdateDate ? formatString(strings.LatestUpdateText, formatDate(action.latestUpdateDate, '', culture), action.latestNote ?? '') : strings.NoUpdateYet;
    }
  };
  const named = (key: ActionSortKey, action: IAction): JSX.Element => (
    <Text variant="small" block>
      {header(key)}: {render(key, action)}
    </Text>
  );
  const cardColumn: IColumn = {
    key: 'card',
    name: strings.ActionColumn,
    minWidth: 160,
    isMultiline: true,
    onRender: (action: IAction) => (
      <div className={card}>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          {render('ref', action)}
          {render('status', action)}
        </Stack>
        <span>{render('text', action)}</span>
        {named('officer', action)}
        {named('due', action)}
        {named('latestUpdate', action)}
      </div>
    )
  };
  const widths: Record<ActionSortKey, [number, number]> = { ref: [48, 64], text: [200, 360], officer: [110, 160], due: [110, 160], status: [90, 120], latestUpdate: [160, 300] };
  const columns: IColumn[] = COLUMN_KEYS.map((key) => ({
    key,
    name: header(key),
    fieldName: key,
    minWidth: widths[key][0],
    maxWidth: widths[key][1],
    isResizable: true,
    isMultiline: key !== 'ref' && key !== 'status',
    isSorted: sort.key === key,
    isSortedDescending: sort.key === key && sort.descending,
    sortAscendingAriaLabel: strings.SortedAscending,
    sortDescendingAriaLabel: strings.SortedDescending,
    onColumnClick: () => setSort((current) => ({ key, descending: current.key === key ? !current.descending : false })),
    onRender: (action: IAction) => render(key, action)
  }));

  const filters = (
    <Stack horizontal={!narrow} wrap tokens={{ childrenGap: 12 }} verticalAlign="end" role="search" aria-label={strings.FiltersLabel}>
      <SearchBox
        placeholder={strings.FilterTextPlaceholder}
        ariaLabel={strings.FilterTextPlaceholder}
        value={filter.text ?? ''}
        onChange={(_, value) => change({ text: value ?? '' })}
        styles={{ root: { width: narrow ? undefined : 220 } }}
      />
      {priorities.length > 1 && (
        <Dropdown
          label={strings.FilterPriorityLabel}
          multiSelect
          options={priorities.map((priority) => ({ key: priority.id, text: priority.number ? `${priority.number}. ${priority.title}` : priority.title }))}
          selectedKeys={filter.priorityIds ?? []}
          onChange={(_, option) => {
            if (!option) return;
            const id = Number(option.key);
            const current = filter.priorityIds ?? [];
            change({ priorityIds: option.selected ? [...current, id] : current.filter((chosen) => chosen !== id) });
          }}
          styles={{ root: { width: narrow ? undefined : 220 } }}
        />
      )}
      <Dropdown
        label={strings.FilterStatusLabel}
        multiSelect
        options={statusOptions}
        selectedKeys={filter.statuses ?? []}
        onChange={(_, option) => {
          if (!option) return;
          const key = String(option.key);
          const current = filter.statuses ?? [];
          change({ statuses: option.selected ? [...current, key] : current.filter((status) => status !== key) });
        }}
        styles={{ root: { width: narrow ? undefined : 180 } }}
      />
      <Dropdown
        label={strings.FilterOwnerLabel}
        options={owners}
        selectedKey={filter.owner ?? ''}
        onChange={(_, option) => change({ owner: option && option.key !== '' ? String(option.key) : undefined })}
        styles={{ root: { width: narrow ? undefined : 200 } }}
      />
      {tags.length > 0 && (
        <Dropdown
          label={strings.FilterTagLabel}
          options={[{ key: '', text: strings.FilterAnyTag }, ...tags.map((tag) => ({ key: tag, text: tag }))]}
          selectedKey={filter.tag ?? ''}
          onChange={(_, option) => change({ tag: option && option.key !== '' ? String(option.key) : undefined })}
          styles={{ root: { width: narrow ? undefined : 140 } }}
        />
      )}
      <Checkbox label={strings.OverdueColumn} checked={!!filter.overdue} onChange={(_, checked) => change({ overdue: !!checked })} />
      <Checkbox label={formatString(strings.DueSoonColumn, dueSoonDays)} checked={!!filter.dueSoon} onChange={(_, checked) => change({ dueSoon: !!checked })} />
      {narrow && (
        <Dropdown
          label={strings.SortByLabel}
          options={COLUMN_KEYS.map((key) => ({ key, text: header(key) }))}
          selectedKey={sort.key}
          onChange={(_, option) => option && setSort({ key: option.key as ActionSortKey, descending: false })}
        />
      )}
      <DefaultButton disabled={isEmptyFilter(filter)} onClick={() => onFilterChange({})}>
        {strings.FilterClear}
      </DefaultButton>
      <DefaultButton iconProps={{ iconName: 'Download' }} disabled={shown.length === 0 || exporting.kind === 'busy'} onClick={() => exportShown('csv')}>
        {strings.ExportCsv}
      </DefaultButton>
      <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} disabled={shown.length === 0 || exporting.kind === 'busy'} onClick={() => exportShown('xlsx')}>
        {strings.ExportXlsx}
      </DefaultButton>
    </Stack>
  );

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.WorkstreamsHeading}
      </Text>
      {narrow ? (
        <>
          <Stack.Item>
            <DefaultButton iconProps={{ iconName: 'Filter' }} onClick={() => setFiltersOpen(true)}>
              {strings.FiltersOpen}
            </DefaultButton>
          </Stack.Item>
          {filtersOpen && (
            <Panel isOpen type={PanelType.smallFluid} headerText={strings.FiltersLabel} closeButtonAriaLabel={strings.Close} isLightDismiss onDismiss={() => setFiltersOpen(false)}>
              {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
              <ThemeProvider theme={theme} className={focusRing}>
                {filters}
              </ThemeProvider>
            </Panel>
          )}
        </>
      ) : (
        filters
      )}
      {exporting.kind === 'failed' && (
        <MessageBar messageBarType={MessageBarType.error} role="alert">
          {exporting.message}
        </MessageBar>
      )}
      {filter.description && <MessageBar messageBarType={MessageBarType.info}>{filter.description}</MessageBar>}
      <Text role="status" aria-live="polite">
        {formatString(strings.FilterCount, shown.length, actions.length)}
      </Text>
      {shown.length === 0 ? (
        <MessageBar messageBarType={MessageBarType.info}>{actions.length === 0 ? strings.NoActions : strings.FilterNoMatch}</MessageBar>
      ) : (
        <div className={horizontalScroll}>
          <DetailsList
            items={items}
            groups={groups}
            columns={narrow ? [cardColumn] : columns}
            isHeaderVisible={!narrow}
            indentWidth={narrow ? 8 : undefined}
            getKey={(action: IAction) => String(action.id)}
            setKey="actions"
            selectionMode={SelectionMode.none}
            checkboxVisibility={CheckboxVisibility.hidden}
            layoutMode={DetailsListLayoutMode.justified}
            constrainMode={narrow ? ConstrainMode.horizontalConstrained : ConstrainMode.unconstrained}
            ariaLabelForGrid={strings.WorkstreamsGridLabel}
            // No "collapse all" header cell: it has no name, yet took a tab stop; each group has its own toggle.
            groupProps={{ showEmptyGroups: false, collapseAllVisibility: CollapseAllVisibility.hidden, onRenderHeader: (props) => <GroupToggle {...(props as IDetailsGroupDividerProps)} columnCount={columns.length} /> }}
            compact={false}
            onShouldVirtualize={() => !printing}
          />
        </div>
      )}
    </Stack>
  );
}
