import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { newUpdateKey } from '../model/updateKey';
import { DEFAULT_PROTECTIVE_MARKING, IAction, IActionTexts, IAwaitingSignOff, IEvidenceLink, IPerson, IPlan, IPriorityArea, IProgressUpdate, ISignOff } from '../model/plan';
import { standsOnRecord, withoutAwaiting } from '../model/signOff';
import { compareUpdates, withHistoryLines } from '../model/rollups';
import { applyEdit, changedOwners } from '../model/actionEdit';
import { revisionsOf } from '../model/revisions';
import { IKpi, IMeasurement, IMilestone } from '../model/kpi';
import { IsoDate } from '../model/isoDate';
import { IBoardNarrative } from '../model/narrative';
import { ConflictError, PlanDataError, isDataError, requireEtag } from './errors';
import { OWNER_COLUMNS, assigneeAsWritten, assigneeItem } from './assigneeColumns';
import { BATCH_LIMIT, IListRead, PAGE_SIZE, readPlanLists } from './idRanges';
import { planAndAccess, readPlanAndAccess } from './planAccess';
import { ACTIONS_WITH_TEXTS, ACTION_SELECT, ACTION_TEXTS, COLUMNS, LISTS, ListName, MEASUREMENTS, MEASUREMENT_SELECT, NARRATIVES, NARRATIVE_SELECT, PLAN_SELECT, UPDATE_SELECT } from './planColumns';
import { IActionEditDraft, IOpenedAction, IPlanDataService, IPlanLoadOptions, IPlanSettings, IPlanSnapshot, IPlanSummary, ISavedMeasurement, ISavedUpdate, IUpdateDraft } from './IPlanDataService';
import {
  ListItem,
  Warnings,
  historyLine,
  logEntryItem,
  mapAction,
  mapActionTexts,
  mapKpi,
  mapNarrative,
  mapOutcome,
  mapPlan,
  mapPriority,
  mapRole,
  mapUpdate,
  narrativeItem,
  readEtag,
  readLatestMeasurements,
  readSharePointDate,
  seriesByKpi,
  signOffItem,
  writeAwaitingSignOff,
  writeEvidence,
  writeHistory,
  writeLatestMeasurements,
  writeMilestones,
  writeRevisions,
  writeScheme,
  writeSharePointDate
} from './mappers';
import { ACTION_FIELDS, ACTION_PEOPLE, KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, PLAN_FIELDS, UPDATE_FIELDS } from './schema';

/** A save whose log entry is still missing after this long stopped half-way (not merely in flight). */
const UNFINISHED_SAVE_MS = 2 * 60 * 1000;


/** An update taking effect on its action: saved without sign-off, or approved. */
interface IAppliedEntry {
  date: IsoDate;
  note: string;
  status: string | undefined;
  /** Its evidence links, added to the action's. */
  evidence: IEvidenceLink[];
  /** Its log entry's key, kept as the action's latest. */
  key: string;
}

/** A write refused outright (someone else changed the item, or the person may not): nothing of it landed. */
function isRefusal(error: unknown): boolean {
  return error instanceof PlanDataError && (error.kind === 'conflict' || error.kind === 'forbidden');
}

/**
 * The data service over SharePoint lists, through one PnPjs `spfi` instance.
 *
 * Saving an update writes the action first, with its ETag, then appends the log
 * entry: SharePoint's $batch is not atomic, so a rejected action write (412, 403)
 * must come before any log entry exists. Both writes carry the same key; a save
 * that stopped between them is found when the action is next opened, and its log
 * entry completed. The action's write also appends the entry's line to its status
 * history, so the views read the plan's history from the actions alone.
 *
 * Sign-off turns the order round: the log entry is the record of what was submitted
 * and decided, and the action's write (with its ETag) is the point it takes effect.
 * See `submitUpdate` and `decide`; `completeSignOffs` finishes what stopped between.
 */
export class SharePointPlanDataService implements IPlanDataService {
  /** The signed-in user, read once: a submission and a sign-off name them. */
  private signedInUser: Promise<IPerson> | undefined;

  /** @param sp - the host's single PnPjs instance (SPFx context or the local emulator) */
  public constructor(private readonly sp: SPFI) {}

  public async listPlans(): Promise<IPlanSummary[]> {
    const items: Array<{ Id: number; Title: string }> = await this.sp.web.lists
      .getByTitle(LIST_TITLES.plans)
      .items.select('Id', 'Title')
      .orderBy('Title')
      .top(PAGE_SIZE)();
    return items.map((item) => ({ id: item.Id, title: item.Title }));
  }

  public async readPlan(planId: number): Promise<IPlan> {
    const item = await this.sp.web.lists.getByTitle(LIST_TITLES.plans).items.getById(planId).select(...PLAN_SELECT)();
    return mapPlan(item as ListItem, []);
  }

  public async listPriorities(planId: number): Promise<IPriorityArea[]> {
    const { rows } = await readPlanLists(this.sp, planId, { priorities: LISTS.priorities });
    return rows.priorities.map(mapPriority).sort((a, b) => a.number.localeCompare(b.number, 'en-GB', { numeric: true }));
  }

  public async savePlanSettings(plan: IPlan, settings: IPlanSettings): Promise<IPlan> {
    const { protectiveMarking, editPolicy, signOffRequired, ...rest } = settings;
    const marking = protectiveMarking?.trim();
    try {
      const result = await this.sp.web.lists
        .getByTitle(LIST_TITLES.plans)
        .items.getById(plan.id)
        .update(
          {
            [PLAN_FIELDS.statusScheme]: writeScheme(settings.statusScheme),
            [PLAN_FIELDS.reportingDates]: settings.reportingDates.join('\n'),
            [PLAN_FIELDS.kpiTolerance]: settings.kpiThresholds.onTrackTolerance,
            ...(marking !== undefined ? { [PLAN_FIELDS.protectiveMarking]: marking } : {}),
            ...(editPolicy !== undefined ? { [PLAN_FIELDS.editPolicy]: editPolicy } : {}),
            ...(signOffRequired !== undefined ? { [PLAN_FIELDS.signOffRequired]: signOffRequired } : {})
          },
          requireEtag(plan.etag, `Plan ${plan.title}`)
        );
      return {
        ...plan,
        ...rest,
        ...(marking !== undefined ? { protectiveMarking: marking || DEFAULT_PROTECTIVE_MARKING } : {}),
        ...(editPolicy !== undefined ? { editPolicy } : {}),
        ...(signOffRequired !== undefined ? { signOffRequired } : {}),
        etag: (result as { etag: string }).etag
      };
    } catch (error) {
      if (isDataError(error, 'conflict')) throw new ConflictError(await this.readPlan(plan.id), error.detail);
      throw error;
    }
  }

  public async currentUser(): Promise<IPerson> {
    const user = await this.sp.web.currentUser.select('Id', 'Title', 'Email')();
    return { id: user.Id, displayName: user.Title, email: user.Email || undefined };
  }

  /**
   * Reads the plan, its lists, the user and their permissions in one $batch, and the
   * rest of any list past 5,000 items in a second (`readPlanLists`): a view costs two
   * requests at most, however large the plan. KPIs come with their whole series, read in
   * the same requests, or (`kpiSeries: 'latest'`) with the latest two kept on each KPI
   * item: the measurements list is then read only while a KPI keeps none (a site not yet
   * set up again since the column came), so its figures are right until provisioning
   * fills them in.
   */
  public async loadPlan(planId: number, options: IPlanLoadOptions = {}): Promise<IPlanSnapshot> {
    const whole = options.kpiSeries !== 'latest';
    const lists: Record<string, IListRead> = { ...LISTS, ...(options.actionTexts === 'brief' ? {} : { actions: ACTIONS_WITH_TEXTS }), ...(whole ? { measurements: MEASUREMENTS } : {}) };
    // Each list's change token rides in the same batch, for the next visit's refresh from the change log.
    const names = Object.keys(LISTS) as ListName[];
    const { rows, alongside } = await readPlanLists(this.sp, planId, lists, (batched) => ({
      ...readPlanAndAccess(batched, planId),
      tokens: names.map((name) => batched.web.lists.getByTitle(LISTS[name].title).select('CurrentChangeToken')() as Promise<{ CurrentChangeToken: { StringValue: string } }>)
    }));
    const warnings: Warnings = [];
    const { plan, access } = await planAndAccess(this.sp, alongside, warnings);
    const read = await Promise.all(alongside.tokens);
    const changeTokens = Object.fromEntries(names.map((name, index) => [name, read[index].CurrentChangeToken.StringValue])) as Record<ListName, string>;
    const roles = rows.roles.map(mapRole);
    const roleTitles = new Set(roles.map((role) => role.title.toLowerCase()));
    const unsummarised = new Set(rows.kpis.filter((item) => whole || readLatestMeasurements(item, warnings) === undefined).map((item) => item.Id as number));
    const series = whole ? seriesByKpi(rows.measurements, warnings) : unsummarised.size > 0 ? await this.readPlanSeries(planId, warnings) : new Map<number, IMeasurement[]>();
    return {
      plan,
      priorities: rows.priorities.map(mapPriority),
      outcomes: rows.outcomes.map(mapOutcome),
      actions: rows.actions.map((item) => mapAction(item, roleTitles, warnings)),
      kpis: rows.kpis.map((item) => mapKpi(item, unsummarised.has(item.Id as number) ? series.get(item.Id as number) ?? [] : undefined, warnings)),
      roles,
      access,
      warnings,
      changeTokens
    };
  }

  /** Every measurement of the plan's KPIs, by KPI id (in two requests at most, as the plan's lists are read). */
  private async readPlanSeries(planId: number, warnings: Warnings): Promise<Map<number, IMeasurement[]>> {
    const { rows } = await readPlanLists(this.sp, planId, { measurements: MEASUREMENTS });
    return seriesByKpi(rows.measurements, warnings);
  }

  public async loadPlanMeasurements(planId: number): Promise<Map<number, IMeasurement[]>> {
    return await this.readPlanSeries(planId, []);
  }

  public async loadMeasurements(kpi: IKpi): Promise<IMeasurement[]> {
    return this.seriesOf(await this.seriesQuery(this.sp, kpi.id)(), kpi.id);
  }

  /** The read of one KPI's series: filtered on its indexed plain id, which narrows a list of any size (a lookup would not). */
  private seriesQuery(sp: SPFI, kpiId: number): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] {
    return sp.web.lists.getByTitle(LIST_TITLES.kpiMeasurements).items.select(...MEASUREMENT_SELECT).filter(`${MEASUREMENT_FIELDS.kpiItemId} eq ${kpiId}`).top(PAGE_SIZE);
  }

  private seriesOf(items: unknown, kpiId: number): IMeasurement[] {
    return (seriesByKpi(items as ListItem[], []).get(kpiId) ?? []).sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
  }

  public async openAction(action: IAction, canAddUpdates: boolean): Promise<IOpenedAction> {
    const [batched, execute] = this.sp.batched();
    const log = batched.web.lists
      .getByTitle(LIST_TITLES.updates)
      .items.select(...UPDATE_SELECT)
      .expand('Author')
      .filter(`${UPDATE_FIELDS.actionItemId} eq ${action.id}`)
      .top(PAGE_SIZE)();
    const saved = batched.web.lists
      .getByTitle(LIST_TITLES.actions)
      .items.getById(action.id)
      .select(...ACTION_SELECT)
      .expand(...ACTION_PEOPLE)();
    await execute();
    let entries = (await log) as ListItem[];
    const savedItem = (await saved) as ListItem;
    if (canAddUpdates) entries = entries.concat(await this.completeUnfinishedSave(action.planId, savedItem, entries));
    const warnings: Warnings = [];
    const updates = entries.map((item) => mapUpdate(item, warnings)).sort(compareUpdates);
    if (canAddUpdates) await this.completeSignOffs(mapAction(savedItem, new Set<string>(), warnings), updates);
    return { log: updates, texts: mapActionTexts(savedItem) };
  }

  public async loadActionTexts(planId: number): Promise<Map<number, IActionTexts>> {
    const { rows } = await readPlanLists(this.sp, planId, { actions: ACTION_TEXTS });
    return new Map(rows.actions.map((item) => [item.Id as number, mapActionTexts(item)]));
  }

  public async readActionLogs(actionIds: number[]): Promise<Map<number, IProgressUpdate[]>> {
    const ids = Array.from(new Set(actionIds));
    const warnings: Warnings = [];
    // PnPjs sends the parts in $batch requests of at most maxRequests each, one after another.
    const [batched, execute] = this.sp.batched({ maxRequests: BATCH_LIMIT });
    // One part per action, each filtered on the indexed action id (a number: a lookup never narrows a large list) as an opened action's log is.
    const read = Promise.all(
      ids.map((id) =>
        batched.web.lists
          .getByTitle(LIST_TITLES.updates)
          .items.select(...UPDATE_SELECT)
          .expand('Author')
          .filter(`${UPDATE_FIELDS.actionItemId} eq ${id}`)
          .top(PAGE_SIZE)()
      )
    );
    // Handled here too, so a failed request is reported once, by the await below.
    read.catch(() => undefined);
    await execute();
    const entries = (await read) as ListItem[][];
    // Notes as they stood: an update awaiting sign-off, or returned, never stood as the action's progress.
    return new Map(ids.map((id, index) => [id, entries[index].map((item) => mapUpdate(item, warnings)).filter(standsOnRecord).sort(compareUpdates)]));
  }

  /**
   * The log entry of a save that wrote the action but not its entry (the network
   * dropped between the two writes), written now from the action's own fields; none
   * when the action's latest key is logged or the save may still be in flight.
   */
  private async completeUnfinishedSave(planId: number, action: ListItem, log: ListItem[]): Promise<ListItem[]> {
    const key = action[ACTION_FIELDS.latestUpdateKey];
    if (typeof key !== 'string' || key === '' || log.some((entry) => entry[UPDATE_FIELDS.key] === key)) return [];
    if (Date.now() - Date.parse(String(action.Modified)) <= UNFINISHED_SAVE_MS) return [];
    const written = await this.sp.web.lists.getByTitle(LIST_TITLES.updates).items.add(
      logEntryItem({
        planId,
        actionId: action.Id as number,
        actionRef: String(action.Title),
        date: readSharePointDate(action[ACTION_FIELDS.latestUpdateDate]),
        note: String(action[ACTION_FIELDS.latestNote] ?? ''),
        status: typeof action[ACTION_FIELDS.status] === 'string' ? (action[ACTION_FIELDS.status] as string) : undefined,
        evidence: [],
        key
      })
    );
    return [{ ...(written as ListItem), Author: { Title: '' } }];
  }

  public async saveUpdate(draft: IUpdateDraft): Promise<ISavedUpdate> {
    if (draft.forSignOff) return this.submitUpdate(draft);
    const { action } = draft;
    const key = draft.key ?? newUpdateKey();
    const status = draft.status ?? action.status;
    const { fields, applied } = this.appliedUpdate(action, { date: draft.date, note: draft.note, status, evidence: draft.evidence, key });
    const etag = await this.writeAction(action, fields);
    // Should this fail, the action is saved; its log entry is completed when the action is next opened.
    const logged = (await this.sp.web.lists
      .getByTitle(LIST_TITLES.updates)
      .items.add(logEntryItem({ planId: action.planId, actionId: action.id, actionRef: action.ref, date: draft.date, note: draft.note, status, evidence: draft.evidence, key }))) as ListItem;
    const warnings: Warnings = [];
    return { action: { ...applied, etag }, update: mapUpdate({ ...logged, Author: { Title: '' } }, warnings) };
  }

  /**
   * An update for sign-off. Its log entry comes first, as submitted: it holds everything
   * typed, and no view shows it until the action lists it (the views read the action,
   * and the panel's log shows a submitted entry only through that list). The action's
   * write then lists it, with the action's ETag, leaving its status, note and history as
   * approved: from that write it awaits sign-off. A refused write (412, 403) takes the
   * entry back; one that stopped for anything else may have landed, so the entry stays
   * and is listed when the action is next opened (`completeSignOffs`).
   */
  private async submitUpdate(draft: IUpdateDraft): Promise<ISavedUpdate> {
    const { action } = draft;
    requireEtag(action.etag, `Action ${action.ref}`);
    const status = draft.status ?? action.status;
    const updates = this.sp.web.lists.getByTitle(LIST_TITLES.updates);
    const author = await this.signedIn();
    const logged = (await updates.items.add(
      logEntryItem({ planId: action.planId, actionId: action.id, actionRef: action.ref, date: draft.date, note: draft.note, status, evidence: draft.evidence, key: draft.key ?? newUpdateKey(), signOff: { state: 'submitted' } })
    )) as ListItem;
    const update = mapUpdate({ ...logged, Author: { Id: author.id, Title: author.displayName } }, []);
    const awaiting = [
      ...(action.awaitingSignOff ?? []),
      { updateId: update.id, date: draft.date, status, note: draft.note, author: author.displayName, authorId: author.id, submittedAt: new Date().toISOString(), ...(draft.evidence.length > 0 ? { evidence: draft.evidence } : {}) }
    ];
    try {
      const etag = await this.writeAction(action, { [ACTION_FIELDS.awaitingSignOff]: writeAwaitingSignOff(awaiting) });
      return { action: { ...action, awaitingSignOff: awaiting, etag }, update };
    } catch (error) {
      if (isRefusal(error)) {
        // Taken back so a second try does not submit it twice; if even that fails, it is listed when the action is next opened.
        await updates.items
          .getById(update.id)
          .delete(readEtag(logged))
          .catch(() => undefined);
      }
      throw error;
    }
  }

  public approveUpdate(action: IAction, awaiting: IAwaitingSignOff, comment?: string): Promise<ISavedUpdate> {
    return this.decide(action, awaiting, 'approved', comment);
  }

  public returnUpdate(action: IAction, awaiting: IAwaitingSignOff, comment: string): Promise<ISavedUpdate> {
    return this.decide(action, awaiting, 'returned', comment);
  }

  /**
   * Approves or returns an update awaiting sign-off. The decision goes on its log entry
   * first, with the entry's ETag (of two people deciding at once, the second is refused),
   * then the action's write, with its ETag, takes it off the list and, for an approval,
   * applies it as a save without sign-off would: from that write it counts. A refused
   * action write puts the entry back as submitted; one that stopped for anything else is
   * finished from the entry when the action is next opened (`completeSignOffs`).
   */
  private async decide(action: IAction, awaiting: IAwaitingSignOff, state: 'approved' | 'returned', comment: string | undefined): Promise<ISavedUpdate> {
    requireEtag(action.etag, `Action ${action.ref}`);
    const entry = this.sp.web.lists.getByTitle(LIST_TITLES.updates).items.getById(awaiting.updateId);
    let update: IProgressUpdate;
    let entryEtag: string;
    let signOff: ISignOff;
    try {
      const item = (await entry.select(...UPDATE_SELECT).expand('Author')()) as ListItem;
      update = mapUpdate(item, []);
      if (update.signOff?.state !== 'submitted') throw new ConflictError(await this.readAction(action.id), `decide: update ${update.id} is ${update.signOff?.state ?? 'not awaiting sign-off'}`);
      const by = await this.signedIn();
      signOff = { state, by: by.displayName, at: new Date().toISOString(), comment: comment?.trim() || undefined };
      entryEtag = ((await entry.update(signOffItem(signOff), requireEtag(readEtag(item), `Update ${update.id}`))) as { etag: string }).etag;
    } catch (error) {
      if (isDataError(error, 'conflict') && !(error instanceof ConflictError)) throw new ConflictError(await this.readAction(action.id), error.detail);
      throw error;
    }
    const left = withoutAwaiting(action, update.id);
    const { fields, applied } =
      state === 'approved'
        ? this.appliedUpdate(action, { date: update.date, note: update.note, status: update.status ?? action.status, evidence: update.evidence, key: update.key ?? newUpdateKey() })
        : { fields: {}, applied: action };
    try {
      const etag = await this.writeAction(action, { ...fields, [ACTION_FIELDS.awaitingSignOff]: writeAwaitingSignOff(left) });
      return { action: { ...applied, awaitingSignOff: left, etag }, update: { ...update, signOff } };
    } catch (error) {
      if (isRefusal(error)) await entry.update(signOffItem({ state: 'submitted' }), entryEtag).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Finishes sign-off writes that stopped between their two writes (more than two
   * minutes ago, so not merely in flight), from the log, which is written first: a
   * submitted entry its action does not list is listed; a listed entry already approved
   * is applied, one already returned is taken off the list. One write with the action's
   * ETag; if it fails, the next opening tries again.
   */
  private async completeSignOffs(action: IAction, log: readonly IProgressUpdate[]): Promise<void> {
    const settled = (at: string | undefined): boolean => at !== undefined && Date.now() - Date.parse(at) > UNFINISHED_SAVE_MS;
    const listed = action.awaitingSignOff ?? [];
    const listedIds = new Set(listed.map((awaiting) => awaiting.updateId));
    const unlisted = log.filter((update) => update.signOff?.state === 'submitted' && !listedIds.has(update.id) && settled(update.recordedAt));
    const decided = log.filter((update) => listedIds.has(update.id) && update.signOff !== undefined && update.signOff.state !== 'submitted' && settled(update.signOff.at));
    if (unlisted.length + decided.length === 0) return;
    let fields: ListItem = {};
    let current = action;
    for (const update of decided.filter((entry) => entry.signOff?.state === 'approved')) {
      const step = this.appliedUpdate(current, { date: update.date, note: update.note, status: update.status ?? current.status, evidence: update.evidence, key: update.key ?? newUpdateKey() });
      fields = { ...fields, ...step.fields };
      current = step.applied;
    }
    const decidedIds = new Set(decided.map((update) => update.id));
    const awaiting: IAwaitingSignOff[] = listed
      .filter((entry) => !decidedIds.has(entry.updateId))
      .concat(unlisted.map((update) => ({ updateId: update.id, date: update.date, status: update.status, note: update.note, author: update.author, authorId: update.authorId, submittedAt: update.recordedAt ?? '', ...(update.evidence.length > 0 ? { evidence: update.evidence } : {}) })));
    // Someone else writing the action now (412) or a reader without edit rights: the next opening tries again.
    await this.writeAction(action, { ...fields, [ACTION_FIELDS.awaitingSignOff]: writeAwaitingSignOff(awaiting) }).catch(() => undefined);
  }

  /** The action's fields for an update that takes effect (saved without sign-off, or approved), and the action as they leave it. */
  private appliedUpdate(action: IAction, entry: IAppliedEntry): { fields: ListItem; applied: IAction } {
    const evidence = action.evidence.concat(entry.evidence);
    const history = withHistoryLines(action.history, [historyLine(action.id, entry)]);
    return {
      fields: {
        [ACTION_FIELDS.status]: entry.status ?? null,
        [ACTION_FIELDS.latestNote]: entry.note,
        [ACTION_FIELDS.latestUpdateDate]: writeSharePointDate(entry.date),
        [ACTION_FIELDS.evidence]: writeEvidence(evidence),
        [ACTION_FIELDS.latestUpdateKey]: entry.key,
        [ACTION_FIELDS.statusHistory]: writeHistory(history)
      },
      applied: { ...action, status: entry.status, latestNote: entry.note, latestUpdateDate: entry.date, evidence, history }
    };
  }

  /** Writes the action's fields with its ETag; a 412 becomes a ConflictError carrying the action as it is now. */
  private async writeAction(action: IAction, fields: ListItem): Promise<string> {
    try {
      const result = await this.sp.web.lists
        .getByTitle(LIST_TITLES.actions)
        .items.getById(action.id)
        .update(fields, requireEtag(action.etag, `Action ${action.ref}`));
      return (result as { etag: string }).etag;
    } catch (error) {
      if (isDataError(error, 'conflict')) throw new ConflictError(await this.readAction(action.id), error.detail);
      throw error;
    }
  }

  /** The signed-in user, read once and kept (read again after a failure). */
  private signedIn(): Promise<IPerson> {
    if (!this.signedInUser) {
      this.signedInUser = this.currentUser();
      this.signedInUser.catch(() => {
        this.signedInUser = undefined;
      });
    }
    return this.signedInUser;
  }

  public async saveActionEdit(draft: IActionEditDraft): Promise<IAction> {
    const { action } = draft;
    const sentEtag = requireEtag(action.etag, `Action ${action.ref}`);
    const changed = applyEdit(action, draft.values);
    // The changes of key fields are kept with the action, in the same guarded write.
    const edited = { ...changed, revisions: [...action.revisions, ...revisionsOf(action, changed, { ...draft.made, at: new Date().toISOString() })] };
    // Only an owner the edit changes is written: a Person column and the text beside it, one cleared.
    const owners = changedOwners(action, draft.values);
    try {
      const ownerFields = owners.reduce<ListItem>((fields, owner) => ({ ...fields, ...assigneeItem(OWNER_COLUMNS[owner], edited[owner]) }), {});
      for (const owner of owners) edited[owner] = assigneeAsWritten(edited[owner]);
      const result = await this.sp.web.lists
        .getByTitle(LIST_TITLES.actions)
        .items.getById(action.id)
        .update(
          {
            [ACTION_FIELDS.text]: edited.text,
            [ACTION_FIELDS.theme]: edited.theme ?? '',
            [ACTION_FIELDS.revisedDueText]: edited.revisedDue?.text ?? '',
            [ACTION_FIELDS.revisedDueDate]: writeSharePointDate(edited.revisedDue?.date),
            [ACTION_FIELDS.revisedDueReason]: edited.revisedDueReason ?? '',
            // A copy without its long texts never blanks them: they are written only from one that has them.
            ...(action.textsOmitted
              ? {}
              : { [ACTION_FIELDS.desiredImpact]: edited.desiredImpact ?? '', [ACTION_FIELDS.howWeWillKnow]: edited.howWeWillKnow ?? '', [ACTION_FIELDS.resources]: edited.resources ?? '' }),
            [ACTION_FIELDS.tags]: edited.tags.join('; '),
            [ACTION_FIELDS.revisions]: writeRevisions(edited.revisions),
            ...ownerFields
          },
          sentEtag
        );
      return { ...edited, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        throw new ConflictError(await this.readAction(action.id), error.detail);
      }
      throw error;
    }
  }

  /**
   * Writes the measurement, then the KPI's latest two with the KPI's ETag: two round trips.
   * Someone else's change to the KPI since it was read (a 412) has the KPI and its series
   * read again, and the latest two written from them.
   */
  public async recordMeasurement(kpi: IKpi, measurement: IMeasurement): Promise<ISavedMeasurement> {
    const items = this.sp.web.lists.getByTitle(LIST_TITLES.kpiMeasurements).items;
    const fields = {
      [MEASUREMENT_FIELDS.kpiItemId]: kpi.id,
      [MEASUREMENT_FIELDS.periodEnd]: writeSharePointDate(measurement.periodEnd),
      [MEASUREMENT_FIELDS.value]: measurement.value,
      [MEASUREMENT_FIELDS.note]: measurement.note ?? ''
    };
    let saved: IMeasurement;
    if (measurement.id !== undefined) {
      const result = await items.getById(measurement.id).update(fields, requireEtag(measurement.etag, `measurement ${kpi.ref} ${measurement.periodEnd}`));
      saved = { ...measurement, etag: (result as { etag: string }).etag };
    } else {
      const added = (await items.add({ Title: measurement.periodEnd, [`${MEASUREMENT_FIELDS.plan}Id`]: kpi.planId, [`${MEASUREMENT_FIELDS.kpi}Id`]: kpi.id, ...fields })) as ListItem;
      saved = { ...measurement, id: added.Id as number, etag: readEtag(added) };
    }
    const measurements = kpi.measurements.filter((existing) => existing.periodEnd !== saved.periodEnd).concat(saved);
    return { measurement: saved, kpi: await this.writeLatest({ ...kpi, measurements }) };
  }

  /** Keeps the KPI's latest two measurements on its item, with its ETag; on a 412, from the KPI and series as they are now. */
  private async writeLatest(kpi: IKpi): Promise<IKpi> {
    const item = this.sp.web.lists.getByTitle(LIST_TITLES.kpis).items.getById(kpi.id);
    try {
      const result = await item.update({ [KPI_FIELDS.latestMeasurements]: writeLatestMeasurements(kpi.measurements) }, requireEtag(kpi.etag, `KPI ${kpi.ref}`));
      return { ...kpi, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (!isDataError(error, 'conflict')) throw error;
    }
    const [batched, execute] = this.sp.batched();
    const current = COLUMNS.kpis(batched.web.lists.getByTitle(LIST_TITLES.kpis).items).filter(`Id eq ${kpi.id}`)();
    const series = this.seriesQuery(batched, kpi.id)();
    await execute();
    const read = mapKpi(((await current) as ListItem[])[0], this.seriesOf(await series, kpi.id), []);
    const result = await item.update({ [KPI_FIELDS.latestMeasurements]: writeLatestMeasurements(read.measurements) }, requireEtag(read.etag, `KPI ${kpi.ref}`));
    return { ...read, etag: (result as { etag: string }).etag };
  }

  public async saveMilestones(kpi: IKpi, milestones: IMilestone[]): Promise<IKpi> {
    try {
      const result = await this.sp.web.lists
        .getByTitle(LIST_TITLES.kpis)
        .items.getById(kpi.id)
        .update({ [KPI_FIELDS.milestones]: writeMilestones(milestones) }, requireEtag(kpi.etag, `KPI ${kpi.ref}`));
      return { ...kpi, milestones, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        const item = await COLUMNS.kpis(this.sp.web.lists.getByTitle(LIST_TITLES.kpis).items).filter(`Id eq ${kpi.id}`)();
        const current = mapKpi((item as ListItem[])[0], kpi.partialSeries ? undefined : kpi.measurements, []);
        throw new ConflictError(current, error.detail);
      }
      throw error;
    }
  }

  public async loadNarratives(planId: number, boardDate: IsoDate): Promise<IBoardNarrative[]> {
    const { rows } = await readPlanLists(this.sp, planId, { narratives: NARRATIVES });
    const warnings: Warnings = [];
    return rows.narratives.map((item) => mapNarrative(item, warnings)).filter((narrative): narrative is IBoardNarrative => narrative?.boardDate === boardDate);
  }

  public async saveNarrative(planId: number, narrative: IBoardNarrative): Promise<IBoardNarrative> {
    const items = this.sp.web.lists.getByTitle(LIST_TITLES.narratives).items;
    const fields = narrativeItem(planId, narrative);
    try {
      if (narrative.id === 0) {
        const added = (await items.add(fields)) as ListItem;
        return { ...narrative, id: added.Id as number, etag: mapNarrative(added, [])?.etag };
      }
      const result = await items.getById(narrative.id).update(fields, requireEtag(narrative.etag, `narrative ${narrative.boardDate}`));
      return { ...narrative, etag: (result as { etag: string }).etag };
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        const current = await items.getById(narrative.id).select(...NARRATIVE_SELECT)();
        throw new ConflictError(mapNarrative(current as ListItem, []), error.detail);
      }
      throw error;
    }
  }

  /** The action as it is now on the server (for showing a conflict). */
  private async readAction(id: number): Promise<ReturnType<typeof mapAction>> {
    const item = await this.sp.web.lists.getByTitle(LIST_TITLES.actions).items.getById(id).select(...ACTION_SELECT).expand(...ACTION_PEOPLE)();
    return mapAction(item as ListItem, new Set<string>(), []);
  }
}
