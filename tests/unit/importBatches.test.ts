import { BATCH_MAX_BYTES, batchesOf } from '../../src/services/importBatches';

describe('batchesOf', () => {
  it('splits at 100 requests, in order', () => {
    const items = Array.from({ length: 250 }, (_, index) => index);
    const batches = batchesOf(items, (item) => ({ item }));
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(items);
  });

  it('splits before a batch’s bodies would pass 1 MB, counting UTF-8 bytes', () => {
    // 300,000 two-byte characters: about 600 KB a body, so one a batch.
    const items = ['é'.repeat(300_000), 'é'.repeat(300_000), 'a'];
    expect(batchesOf(items, (item) => ({ text: item })).map((batch) => batch.length)).toEqual([1, 2]);
    const fits = Array.from({ length: 4 }, () => 'a'.repeat(Math.floor(BATCH_MAX_BYTES / 4) - 2000));
    expect(batchesOf(fits, (item) => item).map((batch) => batch.length)).toEqual([4]);
  });

  it('sends an item over the limit on its own', () => {
    expect(batchesOf(['a', 'b'.repeat(BATCH_MAX_BYTES + 1), 'c'], (item) => item).map((batch) => batch.length)).toEqual([1, 1, 1]);
  });
});
