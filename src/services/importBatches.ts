/**
 * Writing many items the way an import does: in SharePoint $batch requests of a size
 * that keeps each request cheap to retry, each part reported on its own.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { ImportWriteError, toPlanDataError } from './errors';

/** SharePoint's $batch takes many parts; 50 keeps each request small enough to retry cheaply. */
export const BATCH_SIZE = 50;

/**
 * Runs `write` over items in $batch requests of BATCH_SIZE, returning each item's result
 * in order. A part that fails stops the import with the row and ref it was writing; a
 * request that fails as a whole names the rows it held.
 *
 * @param where - the sheet row (0 when the item is not one row) and the label a person finds the item by
 */
export async function writeInBatches<T, R>(
  sp: SPFI,
  items: readonly T[],
  write: (batched: SPFI, item: T) => Promise<R>,
  onBatch: (count: number) => void,
  where: (item: T) => { row: number; ref: string }
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const [batched, execute] = sp.batched();
    const slice = items.slice(start, start + BATCH_SIZE);
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
