import { queryItems } from '../../emulator/items';
import { SharePointError, SharePointStore } from '../../emulator/store';

/** A list past the threshold: 5,600 actions over two plans, some deleted so ids have gaps. */
function bigList(): SharePointStore {
  const store = new SharePointStore(':memory:');
  store.createList('SEND Plans');
  store.createList('SEND Actions');
  store.addField('SEND Actions', { internalName: 'Plan', title: 'Plan', kind: 'Lookup', indexed: true, required: false, lookupList: 'SEND Plans' });
  store.addField('SEND Actions', { internalName: 'ActionStatus', title: 'Status', kind: 'Text', indexed: false, required: false });
  for (let index = 1; index <= 5600; index++) store.addItem('SEND Actions', { Title: `1.1.${index}`, PlanId: 1 + (index % 2), ActionStatus: index % 3 === 0 ? 'Red' : 'Green' }, 1);
  for (const id of [4999, 5001, 5600]) store.deleteItem('SEND Actions', id, undefined);
  return store;
}

const ids = (page: ReturnType<typeof queryItems>): number[] => page.items.map((item) => item.id);

describe('queryItems on a list past the threshold', () => {
  let store: SharePointStore;
  beforeAll(() => {
    store = bigList();
  });
  afterAll(() => store.close());

  const refused = (query: Parameters<typeof queryItems>[2]): boolean => {
    try {
      queryItems(store, 'SEND Actions', query);
      return false;
    } catch (error) {
      if (error instanceof SharePointError && error.status === 500 && error.code === '-2147024860, Microsoft.SharePoint.SPQueryThrottledException') return true;
      throw error;
    }
  };

  it('counts each comparison alone, left to right: a range bound that alone matches more than 5,000 items is refused, whatever follows it', () => {
    // `Id le 5010` alone matches 5,008 items; `Id gt 4990` alone 607.
    expect(refused({ filter: 'Id gt 4990 and Id le 5010', top: '10' })).toBe(true);
    expect(refused({ filter: 'Id le 5010 and Id gt 4990', top: '10' })).toBe(true);
    expect(refused({ filter: 'Id gt 0 and Id le 10', top: '10' })).toBe(true);
    expect(refused({ filter: 'Id gt 0 and PlanId eq 1 and Id le 10', top: '10' })).toBe(true);
    // A bound that alone stays under the threshold is one index seek; the rest applies to what it found.
    const page = queryItems(store, 'SEND Actions', { filter: "Id gt 4990 and PlanId eq 2 and ActionStatus eq 'Green'", top: '5000' });
    expect(ids(page)).toEqual(store.allItems('SEND Actions').filter((item) => item.id > 4990 && item.values.PlanId === 2 && item.values.ActionStatus === 'Green').map((item) => item.id));
    expect(ids(queryItems(store, 'SEND Actions', { filter: 'Id le 3', top: '10' }))).toEqual([1, 2, 3]);
  });

  it('refuses a query led by a column that is not indexed, by a lookup or person column (indexed or not), or by ne', () => {
    expect(refused({ filter: "ActionStatus eq 'Red' and Id le 10", top: '10' })).toBe(true);
    // Few items match PlanId eq 3 (none), yet a lookup never keeps a query under the threshold.
    expect(refused({ filter: 'PlanId eq 3', top: '10' })).toBe(true);
    expect(refused({ filter: 'Id ne 5', top: '10' })).toBe(true);
    // Each side of an or must be led by an index seek.
    expect(refused({ filter: "Id le 2 or ActionStatus eq 'Red'", top: '10' })).toBe(true);
  });

  it('reads both sides of a leading or, each an index seek, then the rest of the filter', () => {
    expect(ids(queryItems(store, 'SEND Actions', { filter: '(Id le 2 or Id gt 5597) and PlanId eq 2', top: '10' }))).toEqual([1, 5599]);
  });

  it('pages the whole list unfiltered in id order with $skiptoken, from any p_ID, deleted or not', () => {
    const first = queryItems(store, 'SEND Actions', { top: '5000' });
    expect(first.items).toHaveLength(5000);
    expect(first.nextSkiptoken).toBe('Paged=TRUE&p_ID=5002');
    const rest = queryItems(store, 'SEND Actions', { top: '5000', skiptoken: first.nextSkiptoken });
    expect(rest.items[0].id).toBe(5003);
    expect(rest.nextSkiptoken).toBeUndefined();
    expect([...ids(first), ...ids(rest)]).toEqual(store.allItems('SEND Actions').map((item) => item.id));
    // p_ID of a deleted item, or an id chosen to start a page at: the page starts after it.
    expect(ids(queryItems(store, 'SEND Actions', { top: '3', skiptoken: 'Paged=TRUE&p_ID=4998' }))).toEqual([5000, 5002, 5003]);
    expect(ids(queryItems(store, 'SEND Actions', { top: '2', skiptoken: 'Paged=TRUE&p_ID=5000' }))).toEqual([5002, 5003]);
  });

  it('refuses a page over 5,000 items, and a sort on a column that is not indexed', () => {
    expect(refused({ top: '5001' })).toBe(true);
    expect(refused({ orderby: 'ActionStatus', top: '10' })).toBe(true);
  });

  it('gives the highest ids first, with a next link while more remain', () => {
    const page = queryItems(store, 'SEND Actions', { orderby: 'ID desc', top: '2' });
    expect(ids(page)).toEqual([5599, 5598]);
    expect(page.nextSkiptoken).toBe('Paged=TRUE&p_ID=5598');
    expect(ids(queryItems(store, 'SEND Actions', { orderby: 'ID desc', top: '2', skiptoken: page.nextSkiptoken }))).toEqual([5597, 5596]);
  });
});
