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

  it('reads a leading id range through the id index, then applies the rest of the filter', () => {
    const page = queryItems(store, 'SEND Actions', { filter: "Id gt 4990 and Id le 5010 and PlanId eq 2 and ActionStatus eq 'Green'", top: '5000' });
    const expected = store.allItems('SEND Actions').filter((item) => item.id > 4990 && item.id <= 5010 && item.values.PlanId === 2 && item.values.ActionStatus === 'Green').map((item) => item.id);
    expect(ids(page)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3);
    expect(ids(queryItems(store, 'SEND Actions', { filter: 'Id ge 5000 and Id lt 5003', top: '10' }))).toEqual([5000, 5002]);
  });

  it('reads both sides of a leading or, not just the first side’s range', () => {
    const page = queryItems(store, 'SEND Actions', { filter: '(Id le 2 or Id gt 5597) and PlanId eq 2', top: '10' });
    expect(ids(page)).toEqual([1, 5599]);
  });

  it('refuses a range wider than the threshold, and a bound that does not lead', () => {
    const refused = (filter: string): boolean => {
      try {
        queryItems(store, 'SEND Actions', { filter, top: '10' });
        return false;
      } catch (error) {
        return error instanceof SharePointError && error.status === 500;
      }
    };
    expect(refused('Id gt 0 and Id le 5500')).toBe(true);
    expect(refused('Id gt 0 and PlanId eq 1 and Id le 10')).toBe(true);
    expect(refused("ActionStatus eq 'Red' and Id le 10")).toBe(true);
    expect(refused('Id le 5000')).toBe(false);
  });

  it('gives the highest ids first, with a next link while more remain', () => {
    const page = queryItems(store, 'SEND Actions', { orderby: 'ID desc', top: '2' });
    expect(ids(page)).toEqual([5599, 5598]);
    expect(page.nextSkiptoken).toBe('Paged=TRUE&p_ID=5598');
    expect(ids(queryItems(store, 'SEND Actions', { orderby: 'ID desc', top: '2', skiptoken: page.nextSkiptoken }))).toEqual([5597, 5596]);
  });
});
