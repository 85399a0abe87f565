/**
 * The columns each view reads from the plan's lists, in one place: the data service's
 * loads and any other reader of the same items (a refresh of what changed) select
 * exactly the same, so an item read either way maps the same.
 */
import { IListRead, ListItems } from './idRanges';
import { ACTION_FIELDS, ACTION_LOOKUPS, ACTION_PEOPLE, KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, NARRATIVE_FIELDS, OUTCOME_FIELDS, PLAN_FIELDS, PRIORITY_FIELDS, ROLE_FIELDS, UPDATE_FIELDS } from './schema';

const PERSON_SUBFIELDS = ['Id', 'Title', 'EMail'];

/** A person column's id, name and e-mail, as `$select` names them once the column is expanded. */
export function expandPeople(fields: readonly string[]): string[] {
  return fields.reduce<string[]>((all, field) => all.concat(PERSON_SUBFIELDS.map((sub) => `${field}/${sub}`)), []);
}

/** The action columns the views read: lookups by id, people expanded. */
export const ACTION_SELECT: string[] = [
  'Id',
  'Title',
  'Modified',
  ...Object.values(ACTION_FIELDS)
    .filter((field) => ACTION_PEOPLE.indexOf(field) < 0)
    .map((field) => (ACTION_LOOKUPS.indexOf(field) >= 0 ? `${field}Id` : field)),
  ...expandPeople(ACTION_PEOPLE)
];
/** The action columns of its long texts (`IActionTexts`), read when it is opened: no list or summary shows them. */
export const ACTION_TEXT_FIELDS: readonly string[] = [ACTION_FIELDS.deliveryPartners, ACTION_FIELDS.resources, ACTION_FIELDS.desiredImpact, ACTION_FIELDS.howWeWillKnow];
/** The action columns a view's first render needs: all but the long texts. */
export const ACTION_BRIEF_SELECT: string[] = ACTION_SELECT.filter((field) => ACTION_TEXT_FIELDS.indexOf(field) < 0);
export const UPDATE_SELECT: string[] = ['Id', 'Created', `${UPDATE_FIELDS.plan}Id`, `${UPDATE_FIELDS.action}Id`, UPDATE_FIELDS.date, UPDATE_FIELDS.note, UPDATE_FIELDS.status, UPDATE_FIELDS.evidence, UPDATE_FIELDS.key, UPDATE_FIELDS.signOffState, UPDATE_FIELDS.signOffBy, UPDATE_FIELDS.signOffAt, UPDATE_FIELDS.signOffComment, 'Author/Id', 'Author/Title'];

/**
 * The plan's child lists a view loads. The progress log is not one: each action carries
 * its status history, and its log is read when it is opened. Nor are the KPI
 * measurements: each KPI carries its latest two, and its series is read when it is opened.
 */
export type ListName = 'priorities' | 'outcomes' | 'actions' | 'kpis' | 'roles';
/** The columns a view reads from each list, applied to a batched or an unbatched list alike. */
export const COLUMNS: Readonly<Record<ListName, (items: ListItems) => ListItems>> = {
  priorities: (items) =>
    items.select('Id', 'Title', `${PRIORITY_FIELDS.plan}Id`, PRIORITY_FIELDS.number, PRIORITY_FIELDS.inspectionFinding, PRIORITY_FIELDS.vision, PRIORITY_FIELDS.leadRoles, PRIORITY_FIELDS.membership),
  outcomes: (items) => items.select('Id', 'Title', `${OUTCOME_FIELDS.plan}Id`, `${OUTCOME_FIELDS.priority}Id`, OUTCOME_FIELDS.number),
  actions: (items) => items.select(...ACTION_BRIEF_SELECT).expand(...ACTION_PEOPLE),
  // Modified dates an undated progress note (it stood by the item's last save).
  kpis: (items) => items.select('Id', 'Title', 'Modified', `${KPI_FIELDS.plan}Id`, `${KPI_FIELDS.priority}Id`, ...Object.values(KPI_FIELDS).filter((field) => field !== KPI_FIELDS.plan && field !== KPI_FIELDS.priority)),
  roles: (items) =>
    items
      .select('Id', 'Title', `${ROLE_FIELDS.plan}Id`, ROLE_FIELDS.abbreviation, ROLE_FIELDS.holderSince, ROLE_FIELDS.reviewed, ...expandPeople([ROLE_FIELDS.holder, ROLE_FIELDS.deputy]))
      .expand(ROLE_FIELDS.holder, ROLE_FIELDS.deputy)
};

export const LISTS = Object.fromEntries(Object.entries(COLUMNS).map(([name, columns]) => [name, { title: LIST_TITLES[name as ListName], columns }])) as Record<ListName, IListRead>;

/** The actions with their long texts, for what reads or writes every column (an import's dry run, an export). */
export const ACTIONS_WITH_TEXTS: IListRead = { title: LIST_TITLES.actions, columns: (items) => items.select(...ACTION_SELECT).expand(...ACTION_PEOPLE) };

/** Only the actions' long texts, with the plan and id that place them. */
export const ACTION_TEXTS: IListRead = { title: LIST_TITLES.actions, columns: (items) => items.select('Id', `${ACTION_FIELDS.plan}Id`, ...ACTION_TEXT_FIELDS) };

/** A KPI measurement's columns: the KPI by its lookup and by its plain id (blank on one written before that column). */
export const MEASUREMENT_SELECT: string[] = ['Id', `${MEASUREMENT_FIELDS.plan}Id`, `${MEASUREMENT_FIELDS.kpi}Id`, MEASUREMENT_FIELDS.kpiItemId, MEASUREMENT_FIELDS.periodEnd, MEASUREMENT_FIELDS.value, MEASUREMENT_FIELDS.note];
/** The KPI measurements, read as a plan's other lists are when every KPI's series is wanted. */
export const MEASUREMENTS: IListRead = { title: LIST_TITLES.kpiMeasurements, columns: (items) => items.select(...MEASUREMENT_SELECT) };

/** The board narratives, read as a plan's other lists are (in unfiltered pages, within the list view threshold). */
export const NARRATIVE_SELECT: string[] = ['Id', ...Object.values(NARRATIVE_FIELDS).map((field) => (field === NARRATIVE_FIELDS.plan || field === NARRATIVE_FIELDS.priority ? `${field}Id` : field))];
export const NARRATIVES: IListRead = { title: LIST_TITLES.narratives, columns: (items) => items.select(...NARRATIVE_SELECT) };

export const PLAN_SELECT: string[] = ['Id', 'Title', ...Object.values(PLAN_FIELDS)];
