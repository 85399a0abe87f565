/**
 * The progress log's ActionItemId column, filled in on a site whose log was written
 * before the column existed. The log is read by that number because SharePoint never
 * lets a lookup column keep a query under the 5,000-item threshold (SPFieldLookup.Indexed
 * remarks), so an entry without it would not be found when its action is opened.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { requireEtag } from './errors';
import { BATCH_LIMIT, PAGE_SIZE } from './idRanges';
import { batchesOf } from './importBatches';
import { ListItem, readEtag } from './mappers';
import { LIST_TITLES, UPDATE_FIELDS } from './schema';

interface IMissingActionId {
  id: number;
  actionId: number;
  etag: string;
}

/**
 * Writes each log entry's action id (from its Action lookup) to ActionItemId where it is
 * blank, with the entry's ETag, in $batch requests within SharePoint's limits. The log is
 * read in unfiltered pages of 5,000, which SharePoint answers on a list of any size.
 * Running it again changes nothing.
 *
 * @returns how many entries it filled in
 */
export async function fillLogActionIds(sp: SPFI): Promise<number> {
  const missing: IMissingActionId[] = [];
  const log = sp.web.lists.getByTitle(LIST_TITLES.updates).items.select('Id', `${UPDATE_FIELDS.action}Id`, UPDATE_FIELDS.actionItemId).top(PAGE_SIZE);
  for await (const page of log) {
    for (const entry of page as ListItem[]) {
      const actionId = entry[`${UPDATE_FIELDS.action}Id`];
      if (typeof actionId === 'number' && typeof entry[UPDATE_FIELDS.actionItemId] !== 'number') {
        missing.push({ id: entry.Id as number, actionId, etag: requireEtag(readEtag(entry), `Log entry ${String(entry.Id)}`) });
      }
    }
  }
  for (const slice of batchesOf(missing, (entry) => ({ [UPDATE_FIELDS.actionItemId]: entry.actionId }))) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_LIMIT });
    const written = Promise.all(slice.map((entry) => batched.web.lists.getByTitle(LIST_TITLES.updates).items.getById(entry.id).update({ [UPDATE_FIELDS.actionItemId]: entry.actionId }, entry.etag)));
    // Handled here too, so a failed part is reported once, by the await below.
    written.catch(() => undefined);
    await execute();
    await written;
  }
  return missing.length;
}
