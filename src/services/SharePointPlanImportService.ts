import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IImportPlan, IImportedAction } from '../model/import/dryRun';
import { IsoDate } from '../model/isoDate';
import { Assignee, IAction, IOutcome, IPriorityArea, IStatusMark, assigneeName } from '../model/plan';
import { revisionsOf } from '../model/revisions';
import { withHistoryLines } from '../model/rollups';
import { isDataError, requireEtag } from './errors';
import { writeInBatches } from './importBatches';
import { IImportMade, IImportResult, INewPlan, IPlanImportService } from './IPlanImportService';
import { IKpiImportResult } from './IKpiImportService';
import { SharePointKpiImportService } from './SharePointKpiImportService';
import { IImportedKpi } from '../model/import/kpiSheet';
import { ILogEntry, ListItem, historyLine, logEntryItem, shortHash, writeEvidence, writeHistory, writeRevisions, writeScheme, writeSharePointDate } from './mappers';
import { ACTION_FIELDS, LIST_TITLES, OUTCOME_FIELDS, PLAN_FIELDS, PRIORITY_FIELDS, UPDATE_FIELDS } from './schema';
import { readPlanLists } from './idRanges';
import { SharePointPlanDataService } from './SharePointPlanDataService';


/** The key of an imported log entry: the same row imported again gives the same key. */
export function importKey(ref: string, date: IsoDate | 'undated', status: string | undefined, note: string): string {
  return `import:${ref}:${date}:${shortHash(`${status ?? ''}|${note}`)}`;
}

/** The action as the row leaves it, for its revisions: what the file left blank stays as it is (as `actionFields` writes it). */
function asWritten(existing: IAction, row: IImportedAction): IAction {
  const person = (written: string | undefined, current: Assignee | undefined): Assignee | undefined =>
    written && written !== assigneeName(current) ? { kind: 'text', text: written, pending: false } : current;
  return {
    ...existing,
    text: row.text,
    revisedDue: row.revisedDue?.text ? row.revisedDue : existing.revisedDue,
    revisedDueReason: row.revisedDueReason ?? existing.revisedDueReason,
    strategicLead: person(row.strategicLead, existing.strategicLead),
    responsibleOfficer: person(row.responsibleOfficer, existing.responsibleOfficer)
  };
}

/** The Actions list fields an imported row sets; what the file left blank stays as it is. */
function actionFields(row: IImportedAction, priorityId: number, outcomeId: number | undefined, latest: { date: IsoDate; note: string } | undefined): ListItem {
  const fields: ListItem = {
    [`${ACTION_FIELDS.priority}Id`]: priorityId,
    [ACTION_FIELDS.text]: row.text
  };
  if (outcomeId !== undefined) fields[`${ACTION_FIELDS.outcome}Id`] = outcomeId;
  if (row.theme) fields[ACTION_FIELDS.theme] = row.theme;
  if (row.strategicLead) fields[ACTION_FIELDS.strategicLeadText] = row.strategicLead;
  if (row.responsibleOfficer) fields[ACTION_FIELDS.responsibleOfficerText] = row.responsibleOfficer;
  if (row.deliveryPartners.length > 0) fields[ACTION_FIELDS.deliveryPartners] = row.deliveryPartners.join('\n');
  if (row.resources) fields[ACTION_FIELDS.resources] = row.resources;
  if (row.due.text) {
    fields[ACTION_FIELDS.dueText] = row.due.text;
    fields[ACTION_FIELDS.dueDate] = writeSharePointDate(row.due.date);
  }
  if (row.revisedDue?.text) {
    fields[ACTION_FIELDS.revisedDueText] = row.revisedDue.text;
    fields[ACTION_FIELDS.revisedDueDate] = writeSharePointDate(row.revisedDue.date);
  }
  if (row.revisedDueReason) fields[ACTION_FIELDS.revisedDueReason] = row.revisedDueReason;
  if (row.start.text) {
    fields[ACTION_FIELDS.startText] = row.start.text;
    fields[ACTION_FIELDS.startDate] = writeSharePointDate(row.start.date);
  }
  if (row.desiredImpact) fields[ACTION_FIELDS.desiredImpact] = row.desiredImpact;
  if (row.howWeWillKnow) fields[ACTION_FIELDS.howWeWillKnow] = row.howWeWillKnow;
  if (row.tags.length > 0) fields[ACTION_FIELDS.tags] = row.tags.join('; ');
  if (row.evidence.length > 0) fields[ACTION_FIELDS.evidence] = writeEvidence(row.evidence);
  if (row.status) fields[ACTION_FIELDS.status] = row.status;
  if (latest) {
    fields[ACTION_FIELDS.latestNote] = latest.note;
    fields[ACTION_FIELDS.latestUpdateDate] = writeSharePointDate(latest.date);
  }
  return fields;
}

/** The import writer over SharePoint lists with PnPjs. */
export class SharePointPlanImportService implements IPlanImportService {
  public constructor(private readonly sp: SPFI) {}

  public importKpis(planId: number, kpis: readonly IImportedKpi[], onProgress?: (written: number, total: number) => void, importDate?: IsoDate): Promise<IKpiImportResult> {
    return new SharePointKpiImportService(this.sp).importKpis(planId, kpis, onProgress, importDate);
  }

  public async createPlan(plan: INewPlan): Promise<number> {
    const added = (await this.sp.web.lists.getByTitle(LIST_TITLES.plans).items.add({
      Title: plan.name,
      [PLAN_FIELDS.localArea]: plan.localArea,
      [PLAN_FIELDS.statusScheme]: writeScheme(plan.scheme),
      [PLAN_FIELDS.reportingDates]: plan.reportingDates.join('\n')
    })) as ListItem;
    return added.Id as number;
  }

  public async importPlan(planId: number, plan: IImportPlan, made: IImportMade, onProgress: (written: number, total: number) => void = () => undefined): Promise<IImportResult> {
    const today = made.date;
    // The plan and the log's keys (which the plan's load does not read), together.
    const [current, { rows }] = await Promise.all([
      new SharePointPlanDataService(this.sp).loadPlan(planId),
      readPlanLists(this.sp, planId, { log: { title: LIST_TITLES.updates, columns: (items) => items.select('Id', `${UPDATE_FIELDS.plan}Id`, UPDATE_FIELDS.key) } })
    ]);
    const result: IImportResult = { createdPriorities: 0, createdOutcomes: 0, createdActions: 0, updatedActions: 0, unchangedActions: 0, addedLogEntries: 0, conflicts: [] };
    const loggedKeys = new Set(rows.log.map((entry) => entry[UPDATE_FIELDS.key]));
    const byRef = new Map<string, IAction>(current.actions.map((action) => [action.ref, action]));
    const entries = plan.actions.map((row) => {
      const all = this.logEntries(row, today);
      return { row, log: all.filter((entry) => !loggedKeys.has(entry.key)), history: this.historyWith(byRef.get(row.ref), all) };
    });
    const total = plan.newPriorities.length + plan.newOutcomes.length + plan.actions.length + entries.reduce((sum, entry) => sum + entry.log.length, 0);
    let written = 0;
    const progressed = (count: number): void => {
      written += count;
      onProgress(written, total);
    };

    const priorities: Array<Pick<IPriorityArea, 'id' | 'number'>> = [...current.priorities];
    const missingPriorities = plan.newPriorities.filter((wanted) => !priorities.some((priority) => priority.number === wanted.number));
    const addedPriorities = await writeInBatches(
      this.sp,
      missingPriorities,
      (batched, wanted) => batched.web.lists.getByTitle(LIST_TITLES.priorities).items.add({
          Title: wanted.title || wanted.number,
          [`${PRIORITY_FIELDS.plan}Id`]: planId,
          [PRIORITY_FIELDS.number]: wanted.number,
          ...(wanted.fullTitle ? { [PRIORITY_FIELDS.inspectionFinding]: wanted.fullTitle } : {})
        }),
      progressed,
      (wanted) => ({ row: 0, ref: `${wanted.number} ${wanted.title}`.trim() })
    );
    addedPriorities.forEach((added, index) => priorities.push({ id: (added as ListItem).Id as number, number: missingPriorities[index].number }));
    result.createdPriorities = addedPriorities.length;
    const priorityId = (number: string): number => (priorities.find((priority) => priority.number === number) as { id: number }).id;

    const outcomes: Array<Pick<IOutcome, 'id' | 'number' | 'priorityId'>> = [...current.outcomes];
    const missingOutcomes = plan.newOutcomes.filter((wanted) => !outcomes.some((outcome) => outcome.number === wanted.number && outcome.priorityId === priorityId(wanted.priority)));
    const addedOutcomes = await writeInBatches(
      this.sp,
      missingOutcomes,
      (batched, wanted) =>
        batched.web.lists.getByTitle(LIST_TITLES.outcomes).items.add({ Title: wanted.title || wanted.number, [`${OUTCOME_FIELDS.plan}Id`]: planId, [`${OUTCOME_FIELDS.priority}Id`]: priorityId(wanted.priority), [OUTCOME_FIELDS.number]: wanted.number }),
      progressed,
      (wanted) => ({ row: 0, ref: `${wanted.number} ${wanted.title}`.trim() })
    );
    addedOutcomes.forEach((added, index) => outcomes.push({ id: (added as ListItem).Id as number, number: missingOutcomes[index].number, priorityId: priorityId(missingOutcomes[index].priority) }));
    result.createdOutcomes = addedOutcomes.length;

    // Each action's fields first, so its batch is sized by what it sends.
    const actionWrites = entries.map((entry) => {
      const { row, log, history } = entry;
      const pid = priorityId(row.priority);
      const oid = row.outcome === undefined ? undefined : outcomes.find((outcome) => outcome.number === row.outcome && outcome.priorityId === pid)?.id;
      const latest = [...row.updates].filter((update) => update.date !== undefined).pop();
      const fields = actionFields(row, pid, oid, latest ? { date: latest.date as IsoDate, note: latest.text } : undefined);
      if (history) fields[ACTION_FIELDS.statusHistory] = writeHistory(history);
      const existing = byRef.get(row.ref);
      if (!existing) return { row, fields: { Title: row.ref, [`${ACTION_FIELDS.plan}Id`]: planId, ...fields } };
      if (row.change === 'unchanged' && log.length === 0 && !history) return { row, existing };
      // A key field the file changes is kept as a revision, as an edit's is; a re-run finds it already changed and adds none.
      const revisions = revisionsOf(existing, asWritten(existing, row), { ...made, at: new Date().toISOString() });
      if (revisions.length > 0) fields[ACTION_FIELDS.revisions] = writeRevisions([...existing.revisions, ...revisions]);
      return { row, existing, fields };
    });
    const actionIds = new Map<string, number>();
    const actionOutcomes = await writeInBatches(
      this.sp,
      actionWrites,
      async (batched, { row, existing, fields }) => {
        const list = batched.web.lists.getByTitle(LIST_TITLES.actions).items;
        if (!existing) {
          const added = (await list.add(fields as ListItem)) as ListItem;
          actionIds.set(row.ref, added.Id as number);
          return 'created' as const;
        }
        actionIds.set(row.ref, existing.id);
        if (!fields) return 'unchanged' as const;
        try {
          await list.getById(existing.id).update(fields, requireEtag(existing.etag, `Action ${existing.ref}`));
          return 'updated' as const;
        } catch (error) {
          if (isDataError(error, 'conflict')) return 'conflict' as const;
          throw error;
        }
      },
      progressed,
      ({ row }) => ({ row: row.row, ref: row.ref }),
      ({ fields }) => fields ?? {}
    );
    actionOutcomes.forEach((outcome, index) => {
      if (outcome === 'created') result.createdActions += 1;
      else if (outcome === 'updated') result.updatedActions += 1;
      else if (outcome === 'unchanged') result.unchangedActions += 1;
      else result.conflicts.push(entries[index].row.ref);
    });

    const rowOfRef = new Map(plan.actions.map((row) => [row.ref, row.row]));
    const logItems = entries.flatMap(({ row, log }) => (result.conflicts.indexOf(row.ref) >= 0 ? [] : log.map((entry) => ({ ...entry, actionId: actionIds.get(row.ref) as number }))));
    await writeInBatches(
      this.sp,
      logItems.map((entry) => ({ ...entry, planId })),
      (batched, entry) => batched.web.lists.getByTitle(LIST_TITLES.updates).items.add(logEntryItem(entry)),
      progressed,
      (entry) => ({ row: rowOfRef.get(entry.actionRef) ?? 0, ref: entry.actionRef }),
      logEntryItem
    );
    result.addedLogEntries = logItems.length;
    return result;
  }

  /**
   * The action's status history with a line for each of the row's entries it lacks
   * (matched by key tag, so a re-run, even after a stop half-way, adds none twice);
   * undefined when it lacks none.
   */
  private historyWith(action: IAction | undefined, entries: ReadonlyArray<Omit<ILogEntry, 'planId'>>): IStatusMark[] | undefined {
    const history = action?.history ?? [];
    const tags = new Set(history.map((mark) => mark.tag));
    const added = entries.filter((entry) => !tags.has(shortHash(entry.key)));
    if (added.length === 0 && action) return undefined;
    return withHistoryLines(history, added.map((entry) => historyLine(action?.id ?? 0, { date: entry.date as IsoDate, status: entry.status, key: entry.key })));
  }

  /** The row's status history and progress entries as keyed log entries (the action id is filled in once known). */
  private logEntries(row: IImportedAction, today: IsoDate): Array<Omit<ILogEntry, 'planId'>> {
    const history = row.history.map((entry) => ({ date: entry.date, status: entry.status as string | undefined, note: '' }));
    // Undated text is logged today but keyed as undated, so a re-run on another day finds it.
    const progress = row.updates.map((entry) => ({ date: entry.date ?? today, keyDate: entry.date ?? 'undated', status: undefined as string | undefined, note: entry.text }));
    return [...history.map((entry) => ({ ...entry, keyDate: entry.date })), ...progress].map((entry) => ({
      actionId: 0,
      actionRef: row.ref,
      date: entry.date,
      note: entry.note,
      status: entry.status,
      evidence: [],
      key: importKey(row.ref, entry.keyDate, entry.status, entry.note)
    }));
  }
}
