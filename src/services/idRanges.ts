import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { ListItem } from './mappers';
import { PRIORITY_FIELDS } from './schema';

/** SharePoint's list view threshold, and its largest page. */
export const PAGE_SIZE = 5000;

/** The most requests SharePoint takes in one $batch (pnp/pnpcore#284). */
export const BATCH_LIMIT = 100;

/** A list's items, batched or not, before a query is added. */
export type ListItems = ReturnType<SPFI['web']['lists']['getByTitle']>['items'];

/** A list to read: its title and the columns to read from it (`PlanId` among them). */
export interface IListRead {
  title: string;
  columns: (items: ListItems) => ListItems;
}

/** Every child list's lookup to its plan has the same name, read as `PlanId`. */
export const PLAN_ID = `${PRIORITY_FIELDS.plan}Id`;

/**
 * The page of a list's items with ids above `after`, unfiltered, in id order: the query
 * SharePoint answers on a list of any size (`$top=5000&$skiptoken=Paged=TRUE&p_ID=n`;
 * pnp/pnpjs#3149, use-odata-query-operations). `after` need not be an item's id.
 */
function pageAfter(sp: SPFI, list: IListRead, after: number): Promise<ListItem[]> {
  const items = list.columns(sp.web.lists.getByTitle(list.title).items).top(PAGE_SIZE);
  return (after === 0 ? items : items.skip(after))() as Promise<ListItem[]>;
}

/**
 * A plan's rows of several lists in two $batch requests at most, whatever their size.
 * The first reads each list's first page of 5,000 items, its last id
 * (`$orderby=Id desc&$top=1`, through the id index on a list of any size) and whatever
 * else the caller adds (`alongside`); the second, only for a list whose first page was
 * full, reads the rest as pages after every 5,000th id from the first page's last, one
 * part each, in parallel. A page after id n holds every item with an id up to n + 5,000
 * (there are at most 5,000 such ids), so each page keeps those and none is read twice.
 * Lists are read unfiltered (no filter is safe past the threshold: a lookup never
 * narrows, and a range bound counts alone) and kept to the plan's rows here.
 */
export async function readPlanLists<Name extends string, Alongside = undefined>(
  sp: SPFI,
  planId: number,
  lists: Readonly<Record<Name, IListRead>>,
  alongside: (batched: SPFI) => Alongside = () => undefined as Alongside
): Promise<{ rows: Record<Name, ListItem[]>; alongside: Alongside }> {
  const names = Object.keys(lists) as Name[];
  const [first, executeFirst] = sp.batched({ maxRequests: BATCH_LIMIT });
  // What rides alongside comes first: a change token read before the items, so a change made during the load is caught on the next refresh.
  const extra = alongside(first);
  const firstPages = names.map((name) => pageAfter(first, lists[name], 0));
  const lastIds = names.map((name) => first.web.lists.getByTitle(lists[name].title).items.select('Id').orderBy('Id', false).top(1)() as Promise<ListItem[]>);
  // Awaited below in turn; marked handled now so one failed part is reported once, not as unhandled others.
  [...firstPages, ...lastIds].forEach((part) => part.catch(() => undefined));
  await executeFirst();

  const [rest, executeRest] = sp.batched({ maxRequests: BATCH_LIMIT });
  const laterPages: Array<Array<Promise<ListItem[]>>> = [];
  for (const [index, name] of names.entries()) {
    const page = await firstPages[index];
    const lastId = ((await lastIds[index])[0]?.Id as number | undefined) ?? 0;
    const pages: Array<Promise<ListItem[]>> = [];
    if (page.length === PAGE_SIZE) {
      for (let after = page[page.length - 1].Id as number; after < lastId; after += PAGE_SIZE) {
        const upTo = after + PAGE_SIZE;
        pages.push(pageAfter(rest, lists[name], after).then((items) => items.filter((item) => (item.Id as number) <= upTo)));
      }
    }
    laterPages.push(pages);
  }
  laterPages.forEach((pages) => pages.forEach((part) => part.catch(() => undefined)));
  if (laterPages.some((pages) => pages.length > 0)) await executeRest();
  const rows = {} as Record<Name, ListItem[]>;
  for (const [index, name] of names.entries()) {
    const all = (await firstPages[index]).concat(...(await Promise.all(laterPages[index])));
    rows[name] = all.filter((item) => item[PLAN_ID] === planId);
  }
  return { rows, alongside: extra };
}
