/**
 * Writing many items the way an import does: in SharePoint $batch requests within
 * SharePoint's limits, each part reported on its own.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { ImportWriteError, toPlanDataError } from './errors';
import { BATCH_LIMIT } from './idRanges';

/**
 * The most body bytes SharePoint reads in one $batch: "a maximum of 1048576 bytes is
 * allowed" (pnp/pnpcore#777; pnp/powershell#3436). Past it the whole batch is refused.
 */
export const BATCH_MAX_BYTES = 1048576;

/**
 * Room for what PnPjs writes around each part's JSON: the boundaries, the request line
 * with the list's absolute URL, and the part's headers (about 500 bytes on a long site URL).
 */
const PART_OVERHEAD_BYTES = 1024;

/** Requests in one import batch: under SharePoint's 100, so a batch retried after throttling stays cheap. */
export const BATCH_SIZE = 50;

/** The bytes a value takes as JSON in UTF-8, as a request body carries it. */
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Splits items, in order, into batches SharePoint takes: at most `maxRequests` requests
 * (one per item; SharePoint takes 100) and 1 MB of body each. An item over the limit on
 * its own goes alone (SharePoint refuses it, and the import names it).
 *
 * @param body - what the item's request sends, measured as JSON
 */
export function batchesOf<T>(items: readonly T[], body: (item: T) => unknown, maxRequests: number = BATCH_LIMIT): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const weight = jsonBytes(body(item)) + PART_OVERHEAD_BYTES;
    if (current.length > 0 && (current.length >= maxRequests || bytes + weight > BATCH_MAX_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += weight;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs `write` over items in $batch requests of at most BATCH_SIZE parts and 1 MB
 * (`batchesOf`), one request per item, returning each item's result in order. A part that fails stops
 * the import with the row and ref it was writing; a request that fails as a whole names
 * the rows it held.
 *
 * @param where - the sheet row (0 when the item is not one row) and the label a person finds the item by
 * @param body - what the item's request sends (the item itself unless given), for the 1 MB limit
 */
export async function writeInBatches<T, R>(
  sp: SPFI,
  items: readonly T[],
  write: (batched: SPFI, item: T) => Promise<R>,
  onBatch: (count: number) => void,
  where: (item: T) => { row: number; ref: string },
  body: (item: T) => unknown = (item) => item
): Promise<R[]> {
  const results: R[] = [];
  for (const slice of batchesOf(items, body, BATCH_SIZE)) {
    // One $batch request for the whole slice (PnPjs would otherwise send 20 parts a request).
    const [batched, execute] = sp.batched({ maxRequests: BATCH_SIZE });
    const pending = slice.map((item) =>
      write(batched, item).catch((error: unknown) => {
        const { row, ref } = where(item);
        throw new ImportWriteError(toPlanDataError(error), row, ref);
      })
    );
    // Awaited below in turn; marked handled now so one failed part is reported once.
    pending.forEach((part) => part.catch(() => undefined));
    try {
      await execute();
    } catch (error) {
      // The whole request failed: none of its parts can be trusted.
      const first = where(slice[0]);
      const last = where(slice[slice.length - 1]);
      throw new ImportWriteError(toPlanDataError(error), first.row, first.ref === last.ref ? first.ref : `${first.ref}–${last.ref}`);
    }
    // Parts succeed or fail on their own ($batch rolls nothing back); any failure stops the import here.
    results.push(...(await Promise.all(pending)));
    onBatch(pending.length);
  }
  return results;
}
