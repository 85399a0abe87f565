/**
 * Seeds a site with the sample plan, through SharePoint's REST API with PnPjs, as
 * the site owner: the product's own provisioning creates the lists, then the plan's
 * items are added in batches, exactly as they would be on a tenant.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { IsoDate, addMonths, endOfMonth } from '../../src/model/isoDate';
import { parsePlanDate } from '../../src/model/planDates';
import { historyLine, logEntryItem, writeHistory, writeLatestMeasurements, writeMilestones, writeRevisions, writeSharePointDate } from '../../src/services/mappers';
import { IRevision } from '../../src/model/revisions';
import { withHistoryLines } from '../../src/model/rollups';
import { ACTION_FIELDS, KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, OUTCOME_FIELDS, PLAN_FIELDS, PRIORITY_FIELDS, ROLE_FIELDS } from '../../src/services/schema';
import { SharePointProvisioningService } from '../../src/services/SharePointProvisioningService';
import { ISampleAction, SAMPLE_AWAITING_SIGN_OFF, SAMPLE_PLAN, SAMPLE_PRIORITIES, SAMPLE_REQUESTS, SAMPLE_ROLES } from './samplePlan';
import { SAMPLE_USERS, SITE_OWNER } from './users';
import { SharePointUpdateRequestService } from '../../src/services/SharePointUpdateRequestService';
import { nextBoardDate } from '../../src/model/updateRequests';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { emulatorSp } from '../../tools/signIn/emulator';

type Item = Record<string, unknown>;

/** The key of a sample action's log entry: "sample-3.2.1-1" for its first. */
function sampleKey(ref: string, step: number): string {
  return `sample-${ref}-${step + 1}`;
}

/** Adds items in $batch requests of 50, returning their ids in order. */
export async function addItems(sp: SPFI, listTitle: string, items: Item[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += 50) {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle(listTitle);
    const added = items.slice(start, start + 50).map((item) => list.items.add(item));
    await execute();
    for (const result of await Promise.all(added)) ids.push((result as { Id: number }).Id);
  }
  return ids;
}

/** A stable number from 0 to 99 for a reference, so the sample is the same every time. */
function hash(text: string): number {
  let value = 7;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) % 10007;
  return value % 100;
}

const NOTES: Readonly<Record<string, string[]>> = {
  Green: ['On track. Workstream reviewed progress and the next steps are agreed.', 'Progressing as planned; draft shared with parent carer forum for comment.', 'Milestone met this month; evidence saved to the workstream folder.'],
  Amber: ['Some slippage: capacity in the team is stretched; recovery steps agreed at the workstream meeting.', 'At risk: waiting on partner sign-off; escalated to the SEND Improvement Board.'],
  Red: ['Delayed: recruitment has not succeeded; a revised plan goes to the next board.', 'Low confidence of completing on time; funding decision still awaited.'],
  Complete: ['Completed. Outcome reported to the board and evidence filed.', 'Complete and embedded in business as usual.']
};

/** The status an action has reached by the sample's as-at date, and the path it took there. */
function statusPath(action: ISampleAction, due: IsoDate | undefined): string[] {
  const roll = hash(action.ref);
  if (!action.officer.trim()) return [];
  if (parsePlanDate(action.due).kind === 'in-place') return ['Green', 'Complete'];
  let final: string = roll < 35 ? 'Complete' : roll < 65 ? 'Green' : roll < 88 ? 'Amber' : 'Red';
  if (final === 'Complete' && due !== undefined && due > SAMPLE_PLAN.asAt) final = 'Green';
  const steps = 3 + (roll % 8);
  const path: string[] = Array.from({ length: steps }, (_, index) => (index < steps / 2 ? 'Green' : roll % 3 === 0 ? 'Amber' : 'Green'));
  path[path.length - 1] = final;
  return path;
}

/** What a sample action's revisions made of it: its fields as they now stand, and the revisions as a save keeps them. */
function revised(action: ISampleAction): { text: string; officer: string; officerEmail?: string; revisedDue?: string; revisedDueReason?: string; revisions: IRevision[] } {
  const revisions: IRevision[] = (action.revisions ?? []).map((revision) => ({ ...revision, at: `${revision.date}T10:00:00Z` }));
  const last = (field: IRevision['field']): IRevision | undefined => revisions.filter((revision) => revision.field === field).pop();
  const officer = last('responsibleOfficer');
  const due = last('revisedDue');
  return {
    text: last('text')?.new ?? action.text,
    officer: officer?.new ?? action.officer,
    // A newly named officer who is a sample user gets the person column, as the plan's own names do.
    officerEmail: officer ? SAMPLE_USERS.find((user) => user.title === officer.new)?.email : action.officerEmail,
    revisedDue: due?.new,
    revisedDueReason: due?.reason,
    revisions
  };
}

/** The last day of the month `months` after the one `date` falls in. */
export function monthEndAfter(date: IsoDate, months: number): IsoDate {
  const [year, month] = addMonths(date, months).split('-').map(Number);
  return endOfMonth(year, month);
}

export interface ISeedSummary {
  planId: number;
  actions: number;
  updates: number;
}

/** Seeds the sample plan on an empty site. `sp` must act as the site owner. */
export async function seedSamplePlan(sp: SPFI): Promise<ISeedSummary> {
  await new SharePointProvisioningService(sp).ensureLists();
  const users = await sp.web.siteUsers.select('Id', 'Email')();
  const userId = (email: string | undefined): number | null => users.find((user) => user.Email.toLowerCase() === (email ?? '').toLowerCase())?.Id ?? null;

  const [planId] = await addItems(sp, LIST_TITLES.plans, [
    {
      Title: SAMPLE_PLAN.title,
      [PLAN_FIELDS.localArea]: SAMPLE_PLAN.localArea,
      [PLAN_FIELDS.planType]: SAMPLE_PLAN.planType,
      [PLAN_FIELDS.partners]: SAMPLE_PLAN.partners.join('\n'),
      [PLAN_FIELDS.inspectionDate]: writeSharePointDate(SAMPLE_PLAN.inspectionDate),
      [PLAN_FIELDS.publicationDate]: writeSharePointDate(SAMPLE_PLAN.publicationDate),
      [PLAN_FIELDS.startDate]: writeSharePointDate(SAMPLE_PLAN.startDate),
      [PLAN_FIELDS.accountableOfficers]: SAMPLE_PLAN.accountableOfficers.join('\n'),
      [PLAN_FIELDS.statusScheme]: SAMPLE_PLAN.statusScheme,
      [PLAN_FIELDS.reportingDates]: SAMPLE_PLAN.reportingDates.join('\n'),
      [PLAN_FIELDS.kpiTolerance]: 0.1,
      [PLAN_FIELDS.signOffRequired]: true
    }
  ]);

  const priorityIds = await addItems(
    sp,
    LIST_TITLES.priorities,
    SAMPLE_PRIORITIES.map((priority) => ({
      Title: priority.title,
      [`${PRIORITY_FIELDS.plan}Id`]: planId,
      [PRIORITY_FIELDS.number]: priority.number,
      [PRIORITY_FIELDS.inspectionFinding]: priority.inspectionFinding,
      [PRIORITY_FIELDS.leadRoles]: SAMPLE_USERS.find((user) => user.email === priority.leadEmail)?.title ?? ''
    }))
  );

  const outcomes = SAMPLE_PRIORITIES.flatMap((priority, index) => priority.outcomes.map((outcome) => ({ outcome, priorityId: priorityIds[index] })));
  const outcomeIds = await addItems(
    sp,
    LIST_TITLES.outcomes,
    outcomes.map(({ outcome, priorityId }) => ({ Title: outcome.title, [`${OUTCOME_FIELDS.plan}Id`]: planId, [`${OUTCOME_FIELDS.priority}Id`]: priorityId, [OUTCOME_FIELDS.number]: outcome.number }))
  );

  const actions = outcomes.flatMap(({ outcome, priorityId }, index) => outcome.actions.map((action) => ({ action, priorityId, outcomeId: outcomeIds[index] })));
  const planned = actions.map(({ action, priorityId, outcomeId }) => {
    const due = parsePlanDate(action.due).date;
    const path = statusPath(action, due);
    const lead = SAMPLE_PRIORITIES.find((priority) => priority.outcomes.some((outcome) => outcome.actions.indexOf(action) >= 0))?.leadEmail;
    const updates = path.map((status, step) => {
      const date = monthEndAfter(SAMPLE_PLAN.asAt, step - path.length + 1);
      const notes = NOTES[status];
      return { date: date > SAMPLE_PLAN.asAt ? SAMPLE_PLAN.asAt : date, status, note: notes[(hash(action.ref) + step) % notes.length] };
    });
    const latest = updates[updates.length - 1];
    const now = revised(action);
    const item: Item = {
      Title: action.ref,
      [`${ACTION_FIELDS.plan}Id`]: planId,
      [`${ACTION_FIELDS.priority}Id`]: priorityId,
      [`${ACTION_FIELDS.outcome}Id`]: outcomeId,
      [ACTION_FIELDS.text]: now.text,
      [ACTION_FIELDS.theme]: action.theme ?? null,
      [`${ACTION_FIELDS.strategicLead}Id`]: userId(lead),
      [`${ACTION_FIELDS.responsibleOfficer}Id`]: userId(now.officerEmail),
      [ACTION_FIELDS.responsibleOfficerText]: now.officer,
      [ACTION_FIELDS.dueText]: action.due,
      [ACTION_FIELDS.dueDate]: writeSharePointDate(due),
      [ACTION_FIELDS.revisedDueText]: now.revisedDue ?? null,
      [ACTION_FIELDS.revisedDueDate]: writeSharePointDate(now.revisedDue ? parsePlanDate(now.revisedDue).date : undefined),
      [ACTION_FIELDS.revisedDueReason]: now.revisedDueReason ?? null,
      [ACTION_FIELDS.revisions]: now.revisions.length > 0 ? writeRevisions(now.revisions) : null,
      [ACTION_FIELDS.desiredImpact]: action.desiredImpact ?? null,
      [ACTION_FIELDS.status]: latest?.status ?? null,
      [ACTION_FIELDS.latestNote]: latest?.note ?? null,
      [ACTION_FIELDS.latestUpdateDate]: writeSharePointDate(latest?.date),
      [ACTION_FIELDS.latestUpdateKey]: latest ? sampleKey(action.ref, updates.length - 1) : null,
      // Each log entry's line, as a save writes it (the action's id is not known yet, and the line does not hold it).
      [ACTION_FIELDS.statusHistory]: writeHistory(withHistoryLines([], updates.map((update, step) => historyLine(0, { ...update, key: sampleKey(action.ref, step) }))))
    };
    return { item, updates, ref: action.ref };
  });
  const actionIds = await addItems(sp, LIST_TITLES.actions, planned.map((entry) => entry.item));

  const updates = planned.flatMap((entry, index) =>
    entry.updates.map((update, step) =>
      logEntryItem({ planId, actionId: actionIds[index], actionRef: entry.ref, date: update.date, note: update.note, status: update.status, evidence: [], key: sampleKey(entry.ref, step) })
    )
  );
  await addItems(sp, LIST_TITLES.updates, updates);

  // Each KPI's series, and its latest two kept on the KPI item as the product writes them.
  const kpis = SAMPLE_PRIORITIES.flatMap((priority, index) =>
    priority.kpis.map((kpi) => ({ kpi, priorityId: priorityIds[index], series: kpi.actuals.map((value, month) => ({ periodEnd: monthEndAfter(SAMPLE_PLAN.startDate, month), value })) }))
  );
  const kpiIds = await addItems(
    sp,
    LIST_TITLES.kpis,
    kpis.map(({ kpi, priorityId, series }) => ({
      Title: kpi.title,
      [`${KPI_FIELDS.plan}Id`]: planId,
      [`${KPI_FIELDS.priority}Id`]: priorityId,
      [KPI_FIELDS.ref]: kpi.ref,
      [KPI_FIELDS.unit]: kpi.unit,
      [KPI_FIELDS.direction]: kpi.direction,
      [KPI_FIELDS.baselineValue]: kpi.baselineValue ?? null,
      [KPI_FIELDS.baselineDate]: kpi.baselineValue === undefined ? null : writeSharePointDate(SAMPLE_PLAN.startDate),
      [KPI_FIELDS.baselineText]: kpi.baselineText,
      [KPI_FIELDS.milestones]: writeMilestones(kpi.milestones.map((milestone) => ({ label: milestone.label, due: { monthsFromStart: milestone.monthsFromStart }, text: milestone.text, target: milestone.target }))),
      [KPI_FIELDS.progressNote]: kpi.progressNote?.text ?? '',
      [KPI_FIELDS.progressNoteDate]: writeSharePointDate(kpi.progressNote?.date),
      [KPI_FIELDS.actionRefs]: kpi.ref,
      [KPI_FIELDS.latestMeasurements]: writeLatestMeasurements(series)
    }))
  );
  await addItems(
    sp,
    LIST_TITLES.kpiMeasurements,
    kpis.flatMap(({ series }, index) =>
      series.map(({ periodEnd, value }) => ({
        Title: periodEnd,
        [`${MEASUREMENT_FIELDS.plan}Id`]: planId,
        [`${MEASUREMENT_FIELDS.kpi}Id`]: kpiIds[index],
        [MEASUREMENT_FIELDS.kpiItemId]: kpiIds[index],
        [MEASUREMENT_FIELDS.periodEnd]: writeSharePointDate(periodEnd),
        [MEASUREMENT_FIELDS.value]: value
      }))
    )
  );

  await addItems(
    sp,
    LIST_TITLES.roles,
    SAMPLE_ROLES.map((role) => ({
      Title: role.title,
      [`${ROLE_FIELDS.plan}Id`]: planId,
      [ROLE_FIELDS.abbreviation]: role.abbreviation ?? '',
      [`${ROLE_FIELDS.holder}Id`]: userId(role.holderEmail),
      [ROLE_FIELDS.reviewed]: writeSharePointDate(SAMPLE_PLAN.asAt)
    }))
  );
  // Recorded as the web part records them, for the board after the sample's as-at date.
  const actionId = (ref: string): number => actionIds[planned.findIndex((entry) => entry.ref === ref)];
  await new SharePointUpdateRequestService(sp).recordRequests(
    SAMPLE_REQUESTS.map((request) => {
      const user = SAMPLE_USERS.find((candidate) => candidate.email === request.email);
      return {
        planId,
        boardDate: nextBoardDate(SAMPLE_PLAN.reportingDates, SAMPLE_PLAN.asAt) as IsoDate,
        recipient: { id: userId(request.email) ?? undefined, email: request.email, name: user?.title ?? request.email },
        actionIds: request.refs.map(actionId),
        sentAt: request.sentAt,
        sentBy: SITE_OWNER.title,
        channel: request.channel
      };
    })
  );
  await submitSampleUpdates(sp, planId);
  return { planId, actions: actionIds.length, updates: updates.length };
}

/** The sample's updates awaiting sign-off, each submitted by its officer through the data service, as the web part submits them. */
async function submitSampleUpdates(sp: SPFI, planId: number): Promise<void> {
  const { Url: siteUrl } = await sp.web.select('Url')<{ Url: string }>();
  const { actions } = await new SharePointPlanDataService(sp).loadPlan(planId);
  for (const pending of SAMPLE_AWAITING_SIGN_OFF) {
    const action = actions.find((candidate) => candidate.ref === pending.ref);
    if (!action) throw new Error(`The sample has no action ${pending.ref} to submit an update on.`);
    await new SharePointPlanDataService(emulatorSp(siteUrl, pending.email)).saveUpdate({ action, date: SAMPLE_PLAN.asAt, note: pending.note, status: pending.status, evidence: [], forSignOff: true });
  }
}
