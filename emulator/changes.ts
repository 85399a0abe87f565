/**
 * A list's change log over REST: its `CurrentChangeToken` and `GetChanges` with an
 * SP.ChangeQuery, answered from the store's log of item additions, updates and deletions.
 *
 * Evidence, and the strict reading where it is uncertain:
 * - A token is `1;3;<list id>;<time in .NET ticks>;<change number>` (learn.microsoft.com bb417456,
 *   "Overview: Change Tokens, Object Types, and Change Types"); a query's ChangeTokenStart is
 *   the token of the last change already seen, so changes after it are returned (SPChangeQuery
 *   .ChangeTokenStart, ms479281).
 * - Item changes are SP.ChangeItem entities with ChangeToken, ChangeType (SP.ChangeType: Add 1,
 *   Update 2, DeleteObject 3; ee554890), ItemId, ListId, SiteId, WebId and Time (ChangeItem
 *   members, ee543364).
 * - "An SPException exception is thrown if the token refers to a time before the start of the
 *   current change log" (ms479281; the message as in S. Gossner's "Change Token Basics"), of type
 *   Microsoft.SharePoint.SPInvalidChangeTokenException (CSOM callers test that server error type).
 *   The log is kept about 60 days, and SharePoint Online has answered an older token with neither
 *   changes nor an error (SharePoint/sp-dev-docs#10389): here any token older than 60 days, for
 *   another list, malformed or ahead of the log is refused, so a client must handle the refusal
 *   and must not rely on it either.
 * - Without a token the log answers "a batch of 1000 changes" (bb417456): here every answer holds
 *   1,000 changes at most, so a client must expect to be cut short.
 * - Only the object and change types the query asks for are returned: `Item` and `Add`,
 *   `Update`, `DeleteObject` (PnPjs v4 IChangeQuery); an unknown property is refused as an
 *   unknown property of any type is.
 */
import { JsonShape, entity, stableGuid } from './odata/format';
import { IListInfo, IStoredChange, ITEM_CHANGE, SharePointError, SharePointStore } from './store';

/** How long the emulator keeps its change log, as SharePoint Online keeps its own. */
export const CHANGE_LOG_DAYS = 60;
/** The most changes one GetChanges answers. */
export const CHANGES_PER_CALL = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Milliseconds from 0001-01-01 (where .NET ticks start) to the Unix epoch. */
const EPOCH_MS = 62135596800000;

/** The SP.ChangeQuery properties the emulator reads; every other one SharePoint defines is accepted when false. */
const CHANGE_QUERY_FLAGS = [
  'Add', 'Alert', 'ContentType', 'DeleteObject', 'Field', 'File', 'Folder', 'Group', 'GroupMembershipAdd', 'GroupMembershipDelete', 'Item',
  'LatestFirst', 'List', 'Move', 'Navigation', 'RecursiveAll', 'Rename', 'Restore', 'RoleAssignmentAdd', 'RoleAssignmentDelete', 'RoleDefinitionAdd',
  'RoleDefinitionDelete', 'RoleDefinitionUpdate', 'SecurityPolicy', 'Site', 'SystemUpdate', 'Update', 'User', 'View', 'Web'
];

/** A time in .NET ticks (100 ns): past 2^53, so written as milliseconds followed by four zeros. */
function ticks(time: Date): string {
  return `${time.getTime() + EPOCH_MS}0000`;
}

function timeOfTicks(value: string): number {
  return Number(value.slice(0, -4)) - EPOCH_MS;
}

/** A list's change token at a change number and time. */
export function changeToken(list: IListInfo, number: number, time: Date): string {
  return `1;3;${list.guid};${ticks(time)};${number}`;
}

function invalidToken(): SharePointError {
  return new SharePointError(500, '-2146232832, Microsoft.SharePoint.SPInvalidChangeTokenException', 'The changeToken refers to a time before the start of the current change log.');
}

function badQuery(message: string): SharePointError {
  return new SharePointError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
}

/** A list's `CurrentChangeToken` property: the site's latest change number, now. */
export function currentChangeToken(store: SharePointStore, list: IListInfo, shape: JsonShape): Record<string, unknown> {
  return tokenValue(changeToken(list, store.lastChangeNumber(), store.now()), shape);
}

function tokenValue(value: string, shape: JsonShape): Record<string, unknown> {
  return shape === 'verbose' ? { __metadata: { type: 'SP.ChangeToken' }, StringValue: value } : { StringValue: value };
}

/** What a query asks for: the change number to start after, and which change types. */
interface IChangeQuery {
  after: number;
  types: Set<number>;
}

/**
 * Reads a GetChanges body (`{ query: { ... } }`, with or without `__metadata`).
 *
 * @throws SharePointError 400 for a body that is not an SP.ChangeQuery; 500 SPInvalidChangeTokenException for a token refused
 */
function readChangeQuery(store: SharePointStore, list: IListInfo, body: Record<string, unknown>): IChangeQuery {
  const query = body.query;
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw badQuery("The parameter 'query' of GetChanges is missing or not an SP.ChangeQuery.");
  const properties = query as Record<string, unknown>;
  for (const [name, value] of Object.entries(properties)) {
    if (name === '__metadata' || name === 'ChangeTokenStart' || name === 'ChangeTokenEnd') continue;
    if (CHANGE_QUERY_FLAGS.indexOf(name) < 0) throw badQuery(`The property '${name}' does not exist on type 'SP.ChangeQuery'. Make sure to only use property names that are defined by the type.`);
    if (typeof value !== 'boolean') throw badQuery(`Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner exception for more details.`);
  }
  if (properties.ChangeTokenEnd !== undefined) throw badQuery('The emulator does not read ChangeTokenEnd.');
  const types = new Set<number>();
  if (properties.Item === true) {
    if (properties.Add === true) types.add(ITEM_CHANGE.add);
    if (properties.Update === true) types.add(ITEM_CHANGE.update);
    if (properties.DeleteObject === true) types.add(ITEM_CHANGE.deleteObject);
  }
  return { after: properties.ChangeTokenStart === undefined ? 0 : tokenNumber(store, list, properties.ChangeTokenStart), types };
}

/** The change number a ChangeTokenStart names, once it is known to be this list's, in the log and not too old. */
function tokenNumber(store: SharePointStore, list: IListInfo, start: unknown): number {
  const value = (start as { StringValue?: unknown } | null)?.StringValue;
  if (typeof value !== 'string') throw badQuery("ChangeTokenStart is not an SP.ChangeToken: it needs a 'StringValue'.");
  const parts = /^1;3;([0-9a-f-]{36});(\d{5,19});(\d+)$/i.exec(value);
  if (!parts || parts[1].toLowerCase() !== list.guid.toLowerCase()) throw invalidToken();
  const number = Number(parts[3]);
  const age = store.now().getTime() - timeOfTicks(parts[2]);
  if (number > store.lastChangeNumber() || age > CHANGE_LOG_DAYS * DAY_MS) throw invalidToken();
  return number;
}

/**
 * The changes a GetChanges body asks for, as SP.ChangeItem entities, oldest first.
 *
 * @param webUrl - the site's absolute URL (its web and site ids derive from it)
 */
export function listChanges(store: SharePointStore, list: IListInfo, body: Record<string, unknown>, shape: JsonShape, webUrl: string): Array<Record<string, unknown>> {
  const query = readChangeQuery(store, list, body);
  if (query.types.size === 0) return [];
  const changes: IStoredChange[] = [];
  // Read in pages so that changes of types not asked for do not shorten the answer.
  for (let after = query.after, page = store.changesAfter(list.title, after, CHANGES_PER_CALL); page.length > 0 && changes.length < CHANGES_PER_CALL; page = store.changesAfter(list.title, after, CHANGES_PER_CALL)) {
    changes.push(...page.filter((change) => query.types.has(change.changeType)));
    after = page[page.length - 1].number;
  }
  return changes.slice(0, CHANGES_PER_CALL).map((change) =>
    entity(shape, { type: 'SP.ChangeItem', uri: `${webUrl}/_api/SP.ChangeItem${stableGuid(list.guid, String(change.number))}` }, {
      ChangeToken: tokenValue(changeToken(list, change.number, new Date(change.time)), shape),
      ChangeType: change.changeType,
      SiteId: stableGuid(webUrl, 'site'),
      Time: change.time,
      ItemId: change.itemId,
      ListId: list.guid,
      WebId: stableGuid(webUrl)
    })
  );
}
