/**
 * The SharePoint lists behind a plan: titles and column internal names, shared by
 * the data service and provisioning so the two can never disagree.
 */
export const LIST_TITLES = {
  plans: 'SEND Plans',
  priorities: 'SEND Priority Areas',
  outcomes: 'SEND Outcomes',
  actions: 'SEND Actions',
  updates: 'SEND Action Updates',
  kpis: 'SEND KPIs',
  kpiMeasurements: 'SEND KPI Measurements',
  roles: 'SEND Roles',
  narratives: 'SEND Board Narratives',
  updateRequests: 'SEND Update Requests'
} as const;

export const PLAN_FIELDS = {
  localArea: 'LocalArea',
  planType: 'PlanType',
  partners: 'Partners',
  inspectionDate: 'InspectionDate',
  publicationDate: 'PublicationDate',
  startDate: 'PlanStartDate',
  accountableOfficers: 'AccountableOfficers',
  statusScheme: 'StatusSchemeJson',
  reportingDates: 'ReportingDates',
  kpiTolerance: 'KpiTolerance',
  protectiveMarking: 'ProtectiveMarking',
  frozenBoards: 'FrozenBoards',
  editPolicy: 'EditPolicy',
  signOffRequired: 'SignOffRequired'
} as const;

export const PRIORITY_FIELDS = {
  plan: 'Plan',
  number: 'PriorityNumber',
  inspectionFinding: 'InspectionFinding',
  vision: 'Vision',
  leadRoles: 'LeadRoles',
  membership: 'Membership'
} as const;

export const OUTCOME_FIELDS = {
  plan: 'Plan',
  priority: 'Priority',
  number: 'OutcomeNumber'
} as const;

/** Actions: Title holds the reference ("3.6.4") so list views read naturally. */
export const ACTION_FIELDS = {
  plan: 'Plan',
  priority: 'Priority',
  outcome: 'Outcome',
  text: 'ActionText',
  theme: 'Theme',
  strategicLead: 'StrategicLead',
  strategicLeadText: 'StrategicLeadText',
  responsibleOfficer: 'ResponsibleOfficer',
  responsibleOfficerText: 'ResponsibleOfficerText',
  deliveryPartners: 'DeliveryPartners',
  startText: 'StartText',
  startDate: 'StartDate',
  dueText: 'DueText',
  dueDate: 'DueDate',
  revisedDueText: 'RevisedDueText',
  revisedDueDate: 'RevisedDueDate',
  revisedDueReason: 'RevisedDueReason',
  resources: 'Resources',
  desiredImpact: 'DesiredImpact',
  howWeWillKnow: 'HowWeWillKnow',
  status: 'ActionStatus',
  latestNote: 'LatestNote',
  latestUpdateDate: 'LatestUpdateDate',
  tags: 'Tags',
  evidence: 'EvidenceJson',
  /** The key of the log entry the latest save wrote; a save that stopped half-way has none. */
  latestUpdateKey: 'LatestUpdateKey',
  /** One line per log entry ("date, tab, status, tab, key tag"), written with each save: the views' status history. */
  statusHistory: 'StatusHistory',
  /** One line per change of a key field (text, owner, revised due date): who, when, old, new, reason, as JSON. */
  revisions: 'Revisions',
  /** Blank while the action is live; the day it was retired. */
  retiredDate: 'RetiredDate',
  retiredReason: 'RetiredReason',
  /** The updates awaiting sign-off (JSON), so views flag them without reading the log. */
  awaitingSignOff: 'AwaitingSignOff'
} as const;

/** Action columns that are lookups (read as `<name>Id`) and people (expanded). */
export const ACTION_LOOKUPS: readonly string[] = [ACTION_FIELDS.plan, ACTION_FIELDS.priority, ACTION_FIELDS.outcome];
export const ACTION_PEOPLE: readonly string[] = [ACTION_FIELDS.strategicLead, ACTION_FIELDS.responsibleOfficer];

export const UPDATE_FIELDS = {
  plan: 'Plan',
  action: 'Action',
  /** The action's id as a plain number, indexed: the log is read by it (a lookup never narrows a large list). */
  actionItemId: 'ActionItemId',
  date: 'UpdateDate',
  note: 'ProgressNote',
  status: 'StatusSet',
  evidence: 'EvidenceJson',
  /** Matches the action's LatestUpdateKey, so a half-finished save can be found and completed. */
  key: 'UpdateKey',
  /** submitted, approved or returned; blank when written without sign-off. */
  signOffState: 'SignOffState',
  signOffBy: 'SignOffBy',
  /** When it was approved or returned, to the second (ISO 8601). */
  signOffAt: 'SignOffAt',
  signOffComment: 'SignOffComment'
} as const;

/** KPIs: Title is the measure; milestones are kept as JSON (their number and labels vary by plan). */
export const KPI_FIELDS = {
  plan: 'Plan',
  priority: 'Priority',
  ref: 'KpiRef',
  unit: 'Unit',
  direction: 'Direction',
  baselineValue: 'BaselineValue',
  baselineDate: 'BaselineDate',
  baselineText: 'BaselineText',
  milestones: 'MilestonesJson',
  progressNote: 'ProgressNote',
  progressNoteDate: 'ProgressNoteDate',
  actionRefs: 'ActionRefs',
  /** The two latest measurements (JSON), written with each one recorded: the tiles and scorecard read them without the measurements list. */
  latestMeasurements: 'LatestMeasurements'
} as const;

export const MEASUREMENT_FIELDS = {
  plan: 'Plan',
  kpi: 'Kpi',
  /** The KPI's id as a plain number, indexed: a KPI's series is read by it (a lookup never narrows a large list). */
  kpiItemId: 'KpiItemId',
  periodEnd: 'PeriodEnd',
  value: 'MeasuredValue',
  note: 'MeasurementNote'
} as const;

/** Roles: Title is the role ("Designated Clinical Officer"). */
export const ROLE_FIELDS = {
  plan: 'Plan',
  abbreviation: 'Abbreviation',
  holder: 'Holder',
  holderSince: 'HolderSince',
  deputy: 'Deputy',
  reviewed: 'Reviewed'
} as const;

/**
 * The narrative a board reads first, one item per board date and priority (no priority:
 * the whole plan's summary and decisions). Title holds the board date, so list views
 * read naturally.
 */
export const NARRATIVE_FIELDS = {
  plan: 'Plan',
  boardDate: 'BoardDate',
  priority: 'Priority',
  keyMessages: 'KeyMessages',
  escalations: 'Escalations',
  boardAsk: 'BoardAsk',
  risks: 'Risks',
  summary: 'Summary',
  decisions: 'Decisions'
} as const;

/**
 * Requests for updates, one item per person asked: who, which actions (JSON ids), for
 * which board, when, by whom and how it was sent. Title holds the person's name. The
 * plan is a plain indexed number, not a lookup: the list is read by it alone.
 */
export const UPDATE_REQUEST_FIELDS = {
  planId: 'PlanId',
  boardDate: 'BoardDate',
  recipientId: 'RecipientId',
  recipientEmail: 'RecipientEmail',
  recipientName: 'RecipientName',
  actionIds: 'ActionIds',
  sentAt: 'SentAt',
  sentBy: 'SentBy',
  channel: 'Channel'
} as const;
