// The list and column titles and descriptions below are the site's schema as SharePoint shows it, not the web part's messages: they are not in loc.
/**
 * What provisioning ensures on a site: the plan's lists, their columns (with the
 * indexes the data service's queries need past 5,000 items), and views that read
 * well to a lead who opens a list in SharePoint itself.
 */
import {
  ACTION_FIELDS,
  KPI_FIELDS,
  LIST_TITLES,
  MEASUREMENT_FIELDS,
  NARRATIVE_FIELDS,
  OUTCOME_FIELDS,
  PLAN_FIELDS,
  PRIORITY_FIELDS,
  ROLE_FIELDS,
  UPDATE_FIELDS,
  UPDATE_REQUEST_FIELDS
} from './schema';
import { PRESET_SCHEMES } from '../model/statusSchemes';

export type ColumnType = 'Text' | 'Note' | 'Number' | 'DateTime' | 'Choice' | 'Boolean' | 'User' | 'Lookup' | 'URL';

export interface IColumnDefinition {
  /** The internal name the data service reads and writes. */
  name: string;
  /** What people see as the column heading. */
  title: string;
  type: ColumnType;
  /** Filtered or sorted on by the data service: must be indexed. */
  indexed?: boolean;
  /** For a lookup: the title of the list it points to. */
  lookupList?: string;
  choices?: string[];
  /** Column formatting JSON, applied when the column has none (or has one of `replacesFormatters`). */
  formatter?: string;
  /** Formatting the product applied before: replaced by `formatter`; any other a site owner chose is kept. */
  replacesFormatters?: readonly string[];
  description?: string;
}

export interface IViewDefinition {
  title: string;
  /** Internal names, in order; LinkTitle is the Title with its item menu. */
  fields: string[];
  /** CAML inside <View><Query>. */
  query: string;
  rowLimit: number;
  isDefault?: boolean;
}

export interface IListDefinition {
  title: string;
  description: string;
  /** Heading for the built-in Title column. */
  titleHeading: string;
  columns: IColumnDefinition[];
  views: IViewDefinition[];
  /** Built-in columns to index (Modified, for "changed since"). */
  indexedBuiltIns?: string[];
}

/**
 * The severity class each common status label shows with in a list. Any other label shows
 * plainly: "Not started", "Grey" and "Not due yet" are not a problem, so never "blocked".
 */
export const STATUS_SEVERITY: ReadonlyArray<{ className: string; labels: readonly string[] }> = [
  { className: 'sp-field-severity--blocked', labels: ['Red', 'Off track'] },
  { className: 'sp-field-severity--warning', labels: ['Amber', 'At risk'] },
  { className: 'sp-field-severity--good', labels: ['Green', 'On track'] },
  { className: 'sp-field-severity--low', labels: ['Complete', 'Completed', 'Blue'] }
];

/** The column formatting expression choosing a label's class: nested ifs over STATUS_SEVERITY, '' for any other label. */
function severityExpression(): string {
  return `=${STATUS_SEVERITY.reduceRight((otherwise, { className, labels }) => `if(${labels.map((label) => `@currentField == '${label}'`).join(' || ')}, '${className}', ${otherwise})`, "''")}`;
}

function statusColumnFormat(classExpression: string): string {
  return JSON.stringify({
    $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json',
    elmType: 'div',
    txtContent: '@currentField',
    attributes: { class: classExpression }
  });
}

/**
 * The status as its label on a theme-aware severity background, so a list shows the
 * label and never colour alone. Labels outside the common schemes show plainly.
 */
export const STATUS_COLUMN_FORMAT: string = statusColumnFormat(severityExpression());

/** The formatting provisioning once applied, which showed "Not started" as blocked: replaced where a site still has it. */
export const SUPERSEDED_STATUS_FORMATS: readonly string[] = [
  statusColumnFormat(
    "=if(@currentField == 'Red' || @currentField == 'Off track' || @currentField == 'Not started', 'sp-field-severity--blocked', " +
      "if(@currentField == 'Amber' || @currentField == 'At risk', 'sp-field-severity--warning', " +
      "if(@currentField == 'Green' || @currentField == 'On track', 'sp-field-severity--good', " +
      "if(@currentField == 'Complete' || @currentField == 'Completed' || @currentField == 'Blue', 'sp-field-severity--low', ''))))"
  )
];

const planLookup: IColumnDefinition = { name: 'Plan', title: 'Plan', type: 'Lookup', lookupList: LIST_TITLES.plans, indexed: true };

function lookup(name: string, title: string, list: string): IColumnDefinition {
  return { name, title, type: 'Lookup', lookupList: list, indexed: true };
}

function orderBy(...fields: string[]): string {
  return `<OrderBy>${fields.map((field) => `<FieldRef Name="${field}" />`).join('')}</OrderBy>`;
}

/** The lists in the order they must be created (a lookup's target first). */
export const LIST_DEFINITIONS: readonly IListDefinition[] = [
  {
    title: LIST_TITLES.plans,
    description: 'SEND improvement plans (WSoA, APP) run on this site.',
    titleHeading: 'Plan',
    columns: [
      { name: PLAN_FIELDS.localArea, title: 'Local area', type: 'Text' },
      { name: PLAN_FIELDS.planType, title: 'Plan type', type: 'Text' },
      { name: PLAN_FIELDS.partners, title: 'Partners (one per line)', type: 'Note' },
      { name: PLAN_FIELDS.inspectionDate, title: 'Inspection date', type: 'DateTime' },
      { name: PLAN_FIELDS.publicationDate, title: 'Report published', type: 'DateTime' },
      { name: PLAN_FIELDS.startDate, title: 'Plan start date', type: 'DateTime' },
      { name: PLAN_FIELDS.accountableOfficers, title: 'Accountable officers (one per line)', type: 'Note' },
      { name: PLAN_FIELDS.statusScheme, title: 'Status scheme', type: 'Note', description: `A preset id (${PRESET_SCHEMES.map((scheme) => scheme.id).join(', ')}) or the scheme as JSON.` },
      { name: PLAN_FIELDS.reportingDates, title: 'Board dates (one per line, yyyy-mm-dd)', type: 'Note' },
      { name: PLAN_FIELDS.kpiTolerance, title: 'KPI on-track tolerance (0-1)', type: 'Number' },
      { name: PLAN_FIELDS.protectiveMarking, title: 'Protective marking', type: 'Text', description: 'Printed on every page of the plan\'s reports; OFFICIAL when blank.' },
      { name: PLAN_FIELDS.frozenBoards, title: 'Frozen boards', type: 'Note', description: 'The board dates whose pack has been frozen (one per line), so a page knows which packs to read. Written by the web part.' },
      { name: PLAN_FIELDS.editPolicy, title: 'Who may edit', type: 'Choice', choices: ['everyone', 'byRole'], description: 'everyone: anyone who may edit the lists edits any action; byRole: plan officers edit all, leads their priorities\' actions, responsible officers post updates on their own. List permissions stay the guard.' },
      { name: PLAN_FIELDS.signOffRequired, title: 'Updates need sign-off', type: 'Boolean', description: 'When yes, an update stands as submitted until the priority\'s lead or a plan officer approves it.' }
    ],
    views: [{ title: 'All plans', fields: ['LinkTitle', PLAN_FIELDS.localArea, PLAN_FIELDS.planType, PLAN_FIELDS.startDate], query: orderBy('Title'), rowLimit: 30, isDefault: true }]
  },
  {
    title: LIST_TITLES.priorities,
    description: 'Priority areas (areas of concern, workstreams) of each plan.',
    titleHeading: 'Priority area',
    columns: [
      planLookup,
      { name: PRIORITY_FIELDS.number, title: 'Number', type: 'Text' },
      { name: PRIORITY_FIELDS.inspectionFinding, title: 'Inspection finding', type: 'Note' },
      { name: PRIORITY_FIELDS.vision, title: 'Vision', type: 'Note' },
      { name: PRIORITY_FIELDS.leadRoles, title: 'Leads (one per line)', type: 'Note' },
      { name: PRIORITY_FIELDS.membership, title: 'Membership (one per line)', type: 'Note' }
    ],
    views: [{ title: 'All priority areas', fields: [PRIORITY_FIELDS.number, 'LinkTitle', 'Plan'], query: orderBy(PRIORITY_FIELDS.number), rowLimit: 30, isDefault: true }]
  },
  {
    title: LIST_TITLES.outcomes,
    description: 'Outcomes under each priority area.',
    titleHeading: 'Outcome',
    columns: [planLookup, lookup(OUTCOME_FIELDS.priority, 'Priority area', LIST_TITLES.priorities), { name: OUTCOME_FIELDS.number, title: 'Number', type: 'Text' }],
    views: [{ title: 'All outcomes', fields: [OUTCOME_FIELDS.number, 'LinkTitle', OUTCOME_FIELDS.priority], query: orderBy(OUTCOME_FIELDS.number), rowLimit: 50, isDefault: true }]
  },
  {
    title: LIST_TITLES.actions,
    description: 'Actions of each plan, with their owners, dates and current status.',
    titleHeading: 'Reference',
    indexedBuiltIns: ['Modified'],
    columns: [
      planLookup,
      lookup(ACTION_FIELDS.priority, 'Priority area', LIST_TITLES.priorities),
      lookup(ACTION_FIELDS.outcome, 'Outcome', LIST_TITLES.outcomes),
      { name: ACTION_FIELDS.text, title: 'Action', type: 'Note' },
      { name: ACTION_FIELDS.theme, title: 'Theme', type: 'Text' },
      { name: ACTION_FIELDS.strategicLead, title: 'Strategic lead', type: 'User', indexed: true },
      { name: ACTION_FIELDS.strategicLeadText, title: 'Strategic lead (role or name as written)', type: 'Text' },
      { name: ACTION_FIELDS.responsibleOfficer, title: 'Responsible officer', type: 'User', indexed: true },
      { name: ACTION_FIELDS.responsibleOfficerText, title: 'Responsible officer (role or name as written)', type: 'Text' },
      { name: ACTION_FIELDS.deliveryPartners, title: 'Delivery partners', type: 'Note' },
      { name: ACTION_FIELDS.startText, title: 'Start (as written)', type: 'Text' },
      { name: ACTION_FIELDS.startDate, title: 'Start date', type: 'DateTime' },
      { name: ACTION_FIELDS.dueText, title: 'By when (as written)', type: 'Text' },
      { name: ACTION_FIELDS.dueDate, title: 'Due date', type: 'DateTime', indexed: true },
      { name: ACTION_FIELDS.revisedDueText, title: 'Revised by when (as written)', type: 'Text' },
      { name: ACTION_FIELDS.revisedDueDate, title: 'Revised due date', type: 'DateTime' },
      { name: ACTION_FIELDS.revisedDueReason, title: 'Reason for revised date', type: 'Note' },
      { name: ACTION_FIELDS.resources, title: 'Resources', type: 'Note' },
      { name: ACTION_FIELDS.desiredImpact, title: 'Desired impact', type: 'Note' },
      { name: ACTION_FIELDS.howWeWillKnow, title: 'How we will know', type: 'Note' },
      { name: ACTION_FIELDS.status, title: 'Status', type: 'Text', indexed: true, formatter: STATUS_COLUMN_FORMAT, replacesFormatters: SUPERSEDED_STATUS_FORMATS },
      { name: ACTION_FIELDS.latestNote, title: 'Latest progress note', type: 'Note' },
      { name: ACTION_FIELDS.latestUpdateDate, title: 'Latest update', type: 'DateTime' },
      { name: ACTION_FIELDS.tags, title: 'Tags', type: 'Text' },
      { name: ACTION_FIELDS.evidence, title: 'Evidence links (JSON)', type: 'Note' },
      { name: ACTION_FIELDS.latestUpdateKey, title: 'Latest update key', type: 'Text' },
      { name: ACTION_FIELDS.statusHistory, title: 'Status history (one line per log entry)', type: 'Note' },
      { name: ACTION_FIELDS.revisions, title: 'Revisions of key fields (one per line)', type: 'Note' },
      { name: ACTION_FIELDS.retiredDate, title: 'Retired on', type: 'DateTime', description: 'Blank while the action is live. A retired action keeps its log and is shown as retired.' },
      { name: ACTION_FIELDS.retiredReason, title: 'Why retired', type: 'Note' },
      { name: ACTION_FIELDS.awaitingSignOff, title: 'Updates awaiting sign-off (JSON)', type: 'Note', description: 'Written by the web part.' }
    ],
    views: [
      {
        title: 'All actions',
        fields: ['LinkTitle', ACTION_FIELDS.text, ACTION_FIELDS.status, ACTION_FIELDS.responsibleOfficer, ACTION_FIELDS.responsibleOfficerText, ACTION_FIELDS.dueText, ACTION_FIELDS.latestUpdateDate],
        query: orderBy('Title'),
        rowLimit: 100,
        isDefault: true
      },
      {
        title: 'By due date',
        fields: ['LinkTitle', ACTION_FIELDS.text, ACTION_FIELDS.status, ACTION_FIELDS.responsibleOfficerText, ACTION_FIELDS.dueText, ACTION_FIELDS.dueDate],
        query: orderBy(ACTION_FIELDS.dueDate),
        rowLimit: 100
      }
    ]
  },
  {
    title: LIST_TITLES.updates,
    description: 'The progress log: one entry per update, never edited.',
    titleHeading: 'Summary',
    columns: [
      planLookup,
      lookup(UPDATE_FIELDS.action, 'Action', LIST_TITLES.actions),
      { name: UPDATE_FIELDS.actionItemId, title: 'Action id', type: 'Number', indexed: true, description: 'The action this entry is for, as a number the log is read by.' },
      { name: UPDATE_FIELDS.date, title: 'Update date', type: 'DateTime', indexed: true },
      { name: UPDATE_FIELDS.note, title: 'Progress note', type: 'Note' },
      { name: UPDATE_FIELDS.status, title: 'Status set', type: 'Text', formatter: STATUS_COLUMN_FORMAT, replacesFormatters: SUPERSEDED_STATUS_FORMATS },
      { name: UPDATE_FIELDS.evidence, title: 'Evidence links (JSON)', type: 'Note' },
      { name: UPDATE_FIELDS.key, title: 'Update key', type: 'Text', indexed: true },
      { name: UPDATE_FIELDS.signOffState, title: 'Sign-off', type: 'Choice', choices: ['submitted', 'approved', 'returned'], indexed: true, description: 'Blank when written without sign-off.' },
      { name: UPDATE_FIELDS.signOffBy, title: 'Signed off by', type: 'Text' },
      { name: UPDATE_FIELDS.signOffAt, title: 'Signed off (UTC)', type: 'Text', description: 'When it was approved or returned, to the second (ISO 8601): a date column would keep the day only.' },
      { name: UPDATE_FIELDS.signOffComment, title: 'Sign-off comment', type: 'Note' }
    ],
    views: [{ title: 'Latest first', fields: [UPDATE_FIELDS.action, UPDATE_FIELDS.date, UPDATE_FIELDS.status, UPDATE_FIELDS.note, 'Author'], query: '<OrderBy><FieldRef Name="UpdateDate" Ascending="FALSE" /></OrderBy>', rowLimit: 100, isDefault: true }]
  },
  {
    title: LIST_TITLES.kpis,
    description: 'The scorecard: KPIs with baselines and milestone targets.',
    titleHeading: 'KPI',
    columns: [
      planLookup,
      lookup(KPI_FIELDS.priority, 'Priority area', LIST_TITLES.priorities),
      { name: KPI_FIELDS.ref, title: 'Reference', type: 'Text' },
      { name: KPI_FIELDS.unit, title: 'Unit', type: 'Text' },
      { name: KPI_FIELDS.direction, title: 'Better is', type: 'Choice', choices: ['higher', 'lower'] },
      { name: KPI_FIELDS.baselineValue, title: 'Baseline value', type: 'Number' },
      { name: KPI_FIELDS.baselineDate, title: 'Baseline date', type: 'DateTime' },
      { name: KPI_FIELDS.baselineText, title: 'Baseline (as written)', type: 'Note' },
      { name: KPI_FIELDS.milestones, title: 'Milestones (JSON)', type: 'Note' },
      { name: KPI_FIELDS.progressNote, title: 'Progress update', type: 'Note' },
      { name: KPI_FIELDS.progressNoteDate, title: 'Progress update date', type: 'DateTime', description: 'The day the progress update was written; a board report as at an earlier day leaves the update out. Change it when you edit the update here.' },
      { name: KPI_FIELDS.actionRefs, title: 'Actions (as written)', type: 'Text' },
      { name: KPI_FIELDS.latestMeasurements, title: 'Latest measurements (JSON)', type: 'Note', description: 'The two latest measurements, written by the web part with each one recorded, so pages show the scorecard without reading every measurement. Set up lists again after editing measurements here.' }
    ],
    views: [{ title: 'Scorecard', fields: [KPI_FIELDS.ref, 'LinkTitle', KPI_FIELDS.baselineText, KPI_FIELDS.unit, KPI_FIELDS.direction], query: orderBy(KPI_FIELDS.ref), rowLimit: 100, isDefault: true }]
  },
  {
    title: LIST_TITLES.kpiMeasurements,
    description: 'Actual values recorded for each KPI, one per period.',
    titleHeading: 'Period',
    columns: [
      planLookup,
      lookup(MEASUREMENT_FIELDS.kpi, 'KPI', LIST_TITLES.kpis),
      { name: MEASUREMENT_FIELDS.kpiItemId, title: 'KPI id', type: 'Number', indexed: true, description: 'The KPI this measurement is for, as a number its series is read by.' },
      { name: MEASUREMENT_FIELDS.periodEnd, title: 'Period end', type: 'DateTime', indexed: true },
      { name: MEASUREMENT_FIELDS.value, title: 'Value', type: 'Number' },
      { name: MEASUREMENT_FIELDS.note, title: 'Note', type: 'Note' }
    ],
    views: [{ title: 'All measurements', fields: [MEASUREMENT_FIELDS.kpi, MEASUREMENT_FIELDS.periodEnd, MEASUREMENT_FIELDS.value, MEASUREMENT_FIELDS.note], query: orderBy(MEASUREMENT_FIELDS.periodEnd), rowLimit: 100, isDefault: true }]
  },
  {
    title: LIST_TITLES.roles,
    description: 'The glossary of roles named in the plan and who holds each now.',
    titleHeading: 'Role',
    columns: [
      planLookup,
      { name: ROLE_FIELDS.abbreviation, title: 'Abbreviation', type: 'Text' },
      { name: ROLE_FIELDS.holder, title: 'Current holder', type: 'User', indexed: true },
      { name: ROLE_FIELDS.holderSince, title: 'Holder since', type: 'DateTime' },
      { name: ROLE_FIELDS.deputy, title: 'Deputy', type: 'User' },
      { name: ROLE_FIELDS.reviewed, title: 'Last confirmed', type: 'DateTime' }
    ],
    views: [{ title: 'All roles', fields: ['LinkTitle', ROLE_FIELDS.abbreviation, ROLE_FIELDS.holder, ROLE_FIELDS.reviewed], query: orderBy('Title'), rowLimit: 100, isDefault: true }]
  },
  {
    title: LIST_TITLES.narratives,
    description: 'What each board reads first: key messages, escalations and risks per priority area, the summary and decisions needed for the plan.',
    titleHeading: 'Board',
    columns: [
      planLookup,
      { name: NARRATIVE_FIELDS.boardDate, title: 'Board date', type: 'DateTime', indexed: true },
      { ...lookup(NARRATIVE_FIELDS.priority, 'Priority area', LIST_TITLES.priorities), description: 'Blank for the whole plan.' },
      { name: NARRATIVE_FIELDS.keyMessages, title: 'Key messages', type: 'Note' },
      { name: NARRATIVE_FIELDS.escalations, title: 'Escalations', type: 'Note' },
      { name: NARRATIVE_FIELDS.boardAsk, title: 'Asked of the board', type: 'Note' },
      { name: NARRATIVE_FIELDS.risks, title: 'Risks', type: 'Note' },
      { name: NARRATIVE_FIELDS.summary, title: 'Overall summary', type: 'Note' },
      { name: NARRATIVE_FIELDS.decisions, title: 'Decisions needed', type: 'Note' }
    ],
    views: [{ title: 'By board date', fields: [NARRATIVE_FIELDS.boardDate, NARRATIVE_FIELDS.priority, NARRATIVE_FIELDS.keyMessages, NARRATIVE_FIELDS.escalations, NARRATIVE_FIELDS.summary], query: '<OrderBy><FieldRef Name="BoardDate" Ascending="FALSE" /></OrderBy>', rowLimit: 100, isDefault: true }]
  },
  {
    title: LIST_TITLES.updateRequests,
    description: 'Requests for updates sent before each board: who was asked about which actions, when and by whom.',
    titleHeading: 'Asked',
    columns: [
      { name: UPDATE_REQUEST_FIELDS.planId, title: 'Plan id', type: 'Number', indexed: true },
      { name: UPDATE_REQUEST_FIELDS.boardDate, title: 'Board date', type: 'DateTime' },
      { name: UPDATE_REQUEST_FIELDS.recipientId, title: 'Person asked (site user id)', type: 'Number' },
      { name: UPDATE_REQUEST_FIELDS.recipientEmail, title: 'E-mail', type: 'Text' },
      { name: UPDATE_REQUEST_FIELDS.recipientName, title: 'Person asked', type: 'Text' },
      { name: UPDATE_REQUEST_FIELDS.actionIds, title: 'Actions (ids, JSON)', type: 'Note' },
      { name: UPDATE_REQUEST_FIELDS.sentAt, title: 'Sent (UTC)', type: 'Text', description: 'When it was sent, to the second (ISO 8601): a date column would keep the day only.' },
      { name: UPDATE_REQUEST_FIELDS.sentBy, title: 'Sent by', type: 'Text' },
      { name: UPDATE_REQUEST_FIELDS.channel, title: 'Sent as', type: 'Choice', choices: ['graph', 'mailLink'], description: 'graph: sent by Microsoft Graph; mailLink: opened in the sender\'s mail app.' }
    ],
    views: [{ title: 'Latest first', fields: ['LinkTitle', UPDATE_REQUEST_FIELDS.boardDate, UPDATE_REQUEST_FIELDS.recipientEmail, UPDATE_REQUEST_FIELDS.sentAt, UPDATE_REQUEST_FIELDS.sentBy, UPDATE_REQUEST_FIELDS.channel], query: '<OrderBy><FieldRef Name="SentAt" Ascending="FALSE" /></OrderBy>', rowLimit: 100, isDefault: true }]
  }
];
