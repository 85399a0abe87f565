/**
 * Brings a plan kept on this device up to date from each list's change log
 * (`GetChanges` with the change token it was read up to), reading only the items that
 * changed, with the same columns and mappers as a load.
 *
 * The change log (evidence in emulator/changes.ts): an SP.ChangeItem per item added (1),
 * updated (2) or deleted (3), each with its ChangeToken; a query's ChangeTokenStart is the
 * last token seen. A token the log no longer holds may be refused (SPInvalidChangeTokenException)
 * or, on SharePoint Online, answered with nothing (SharePoint/sp-dev-docs#10389); so a copy
 * refreshed longer ago than `TOKEN_DAYS` is never asked about, and any refusal, or an answer
 * that may be cut short (1,000 changes, bb417456), means reading the whole plan instead.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IPlanSnapshot } from './IPlanDataService';
import { ChangeTokens, ICachedPlan } from './ICachedPlanLoader';
import { BATCH_LIMIT, PAGE_SIZE, PLAN_ID } from './idRanges';
import { LISTS, ListName } from './planColumns';
import { ListItem, Warnings, mapAction, mapKpi, mapOutcome, mapPriority, mergeWarnings } from './mappers';
import { planAndAccess, readPlanAndAccess } from './planAccess';
import { IListDelta, PlanDelta, applyPlanDelta } from '../model/planDelta';

/** A copy refreshed longer ago than this is read again whole: the change log is kept about 60 days, and an older token may be answered with nothing. */
export const TOKEN_DAYS = 30;
/** The most changes one GetChanges answers: an answer this long may be cut short. */
export const CHANGES_PER_CALL = 1000;
/** Ids read by one part (`Id eq a or Id eq b ...`): each comparison on the always-indexed Id matches one item, on a list of any size. */
export const IDS_PER_PART = 20;

/** SP.ChangeType of a deletion (learn.microsoft.com ee543793). */
const DELETE_OBJECT = 3;

const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The item changes a GetChanges query asks for (PnPjs v4 IChangeQuery). */
function changeQuery(token: string): Record<string, unknown> {
  return { ChangeTokenStart: { StringValue: token }, Item: true, Add: true, Update: true, DeleteObject: true };
}

interface IChange {
  ItemId: number;
  ChangeType: number;
  ChangeToken: { StringValue: string };
}

/** How each list's item is read into the plan; a change to the roles list reads the whole plan (the actions' people are read against the roles). */
const MAPPERS: { [List in Exclude<ListName, 'roles'>]: (item: ListItem, roleTitles: ReadonlySet<string>, warnings: Warnings) => NonNullable<PlanDelta[List]>['changed'][number] } = {
  priorities: (item) => mapPriority(item),
  outcomes: (item) => mapOutcome(item),
  actions: (item, roleTitles, warnings) => mapAction(item, roleTitles, warnings),
  kpis: (item, _roleTitles, warnings) => mapKpi(item, undefined, warnings)
};

/** Each list's changes: the ids to read as they are now, and those whose last change deleted them. */
interface IListChanges {
  toRead: number[];
  deleted: number[];
}

/** The ids that changed, by their last change; undefined when the answer may have been cut short. */
function sortChanges(changes: readonly IChange[]): IListChanges | undefined {
  if (changes.length >= CHANGES_PER_CALL) return undefined;
  const last = new Map<number, number>();
  for (const change of changes) last.set(change.ItemId, change.ChangeType);
  const ids = Array.from(last.keys());
  return { toRead: ids.filter((id) => last.get(id) !== DELETE_OBJECT), deleted: ids.filter((id) => last.get(id) === DELETE_OBJECT) };
}

function chunks(ids: readonly number[], size: number): number[][] {
  const parts: number[][] = [];
  for (let start = 0; start < ids.length; start += size) parts.push(ids.slice(start, start + size));
  return parts;
}

/** The change log reader: each list's current token, and a kept plan brought up to date. */
export class SharePointPlanChanges {
  /** @param sp - the host's single PnPjs instance */
  public constructor(private readonly sp: SPFI) {}

  /** Each plan list's current change token, in one $batch: for a plan loaded without them. */
  public async currentTokens(): Promise<ChangeTokens> {
    const [batched, execute] = this.sp.batched();
    const parts = LIST_NAMES.map((name) => batched.web.lists.getByTitle(LISTS[name].title).select('CurrentChangeToken')() as Promise<{ CurrentChangeToken: { StringValue: string } }>);
    parts.forEach((part) => part.catch(() => undefined));
    await execute();
    const tokens = {} as ChangeTokens;
    for (const [index, name] of LIST_NAMES.entries()) tokens[name] = (await parts[index]).CurrentChangeToken.StringValue;
    return tokens;
  }

  /**
   * The kept plan with what changed since applied, and each list's token now: one $batch
   * (each list's current token, then its changes since the kept token, then the plan's
   * item, the user and their permissions as a load reads them) and, only when items were
   * added or changed, a second reading them by id. Undefined when the plan must be read
   * whole instead: a token refused, an answer perhaps cut short, the roles changed, or
   * more changed items than one $batch reads.
   *
   * @throws what PnPjs throws when the plan's item, the user or a changed item cannot be read
   */
  public async refresh(planId: number, kept: ICachedPlan): Promise<{ snapshot: IPlanSnapshot; tokens: ChangeTokens } | undefined> {
    const [first, executeFirst] = this.sp.batched({ maxRequests: BATCH_LIMIT });
    const list = (name: ListName): ReturnType<SPFI['web']['lists']['getByTitle']> => first.web.lists.getByTitle(LISTS[name].title);
    // Each current token before its changes: a change made between the two parts is then in the answer, so the token misses nothing.
    const current = LIST_NAMES.map((name) => list(name).select('CurrentChangeToken')() as Promise<{ CurrentChangeToken: { StringValue: string } }>);
    const changes = LIST_NAMES.map((name) => list(name).getChanges(changeQuery(kept.tokens[name])) as Promise<IChange[]>);
    const alongside = readPlanAndAccess(first, planId);
    [...current, ...changes, alongside.plan, alongside.user, ...alongside.permissions].forEach((part) => part.catch(() => undefined));
    await executeFirst();

    const sorted = {} as Record<ListName, IListChanges>;
    const tokens = {} as ChangeTokens;
    for (const [index, name] of LIST_NAMES.entries()) {
      const answer = await changes[index].catch(() => undefined);
      const listChanges = answer && sortChanges(answer);
      if (!answer || !listChanges) return undefined;
      sorted[name] = listChanges;
      tokens[name] = answer.length > 0 ? answer[answer.length - 1].ChangeToken.StringValue : (await current[index]).CurrentChangeToken.StringValue;
    }
    if (sorted.roles.toRead.length + sorted.roles.deleted.length > 0) return undefined;
    const readNames = LIST_NAMES.filter((name): name is Exclude<ListName, 'roles'> => name !== 'roles');
    const partsNeeded = readNames.reduce((count, name) => count + Math.ceil(sorted[name].toRead.length / IDS_PER_PART), 0);
    if (partsNeeded > BATCH_LIMIT) return undefined;

    const warnings: Warnings = [];
    const { plan, access } = await planAndAccess(this.sp, alongside, warnings);
    const read = partsNeeded > 0 ? await this.readByIds(readNames.map((name) => ({ name, ids: sorted[name].toRead }))) : new Map<ListName, ListItem[]>();
    const roleTitles = new Set(kept.snapshot.roles.map((role) => role.title.toLowerCase()));
    const delta: PlanDelta = {};
    for (const name of readNames) {
      const items = read.get(name) ?? [];
      const ours = items.filter((item) => item[PLAN_ID] === planId);
      const found = new Set(ours.map((item) => item.Id as number));
      // An item read but no longer this plan's, or gone since the log was read, leaves the plan as a deleted one does.
      const removed = sorted[name].deleted.concat(sorted[name].toRead.filter((id) => !found.has(id)));
      const changed = ours.map((item) => MAPPERS[name](item, roleTitles, warnings));
      if (changed.length + removed.length > 0) (delta as Record<string, IListDelta<{ id: number }>>)[name] = { changed, removed };
    }
    const snapshot = applyPlanDelta({ ...kept.snapshot, plan, access, warnings: mergeWarnings(kept.snapshot.warnings, warnings) }, delta);
    return { snapshot, tokens };
  }

  /** The items of each list with the ids given, in one $batch: parts of `IDS_PER_PART` ids, each with the columns a load reads. */
  private async readByIds(lists: Array<{ name: ListName; ids: number[] }>): Promise<Map<ListName, ListItem[]>> {
    const [batched, execute] = this.sp.batched({ maxRequests: BATCH_LIMIT });
    const parts = lists.map(({ name, ids }) => ({
      name,
      reads: chunks(ids, IDS_PER_PART).map(
        (part) => LISTS[name].columns(batched.web.lists.getByTitle(LISTS[name].title).items).filter(part.map((id) => `Id eq ${id}`).join(' or ')).top(PAGE_SIZE)() as Promise<ListItem[]>
      )
    }));
    parts.forEach(({ reads }) => reads.forEach((part) => part.catch(() => undefined)));
    await execute();
    const read = new Map<ListName, ListItem[]>();
    for (const { name, reads } of parts) read.set(name, ([] as ListItem[]).concat(...(await Promise.all(reads))));
    return read;
  }
}
