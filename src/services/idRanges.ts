import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { ListItem } from './mappers';
import { PRIORITY_FIELDS } from './schema';

/** SharePoint's list view threshold, and its largest page. */
export const PAGE_SIZE = 5000;

/** A list's items, batched or not, before a query is added. */
export type ListItems = ReturnType<SPFI['web']['lists']['getByTitle']>['items'];

/** A list to read: its title and the columns to read from it. */
export interface IListRead {
  title: string;
  columns: (items: ListItems) => ListItems;
}

/** Every child list's lookup to its plan has the same name, read as `PlanId`. */
export const PLAN_ID = `${PRIORITY_FIELDS.plan}Id`;

function idRange(sp: SPFI, list: IListRead, planId: number, after: number): Promise<ListItem[]> {
  const range = after === 0 ? `Id le ${PAGE_SIZE}` : `Id gt ${after} and Id le ${after + PAGE_SIZE}`;
  return list.columns(sp.web.lists.getByTitle(list.title).items).filter(`${range} and ${PLAN_ID} eq ${planId}`).top(PAGE_SIZE)() as Promise<ListItem[]>;
}

/**
 * A plan's rows of several lists in two $batch requests at most, whatever their size.
 * The first reads ids up to 5,000 of each list, its last id, and whatever else the
 * caller adds (`alongside`); the second, only when a list's ids run past 5,000, reads
 * the rest in ranges of 5,000 ids, one part each. A range of ids is the query the list
 * view threshold allows on a list of any size, and the plan filter follows it.
 */
export async function readPlanLists<Name extends string, Alongside = undefined>(
  sp: SPFI,
  planId: number,
  lists: Readonly<Record<Name, IListRead>>,
  alongside: (batched: SPFI) => Alongside = () => undefined as Alongside
): Promise<{ rows: Record<Name, ListItem[]>; alongside: Alongside }> {
  const names = Object.keys(lists) as Name[];
  const [first, executeFirst] = sp.batched();
  const firstRanges = names.map((name) => idRange(first, lists[name], planId, 0));
  const lastIds = names.map((name) => first.web.lists.getByTitle(lists[name].title).items.select('Id').orderBy('Id', false).top(1)() as Promise<ListItem[]>);
  const extra = alongside(first);
  // Awaited below in turn; marked handled now so one failed part is reported once, not as unhandled others.
  [...firstRanges, ...lastIds].forEach((part) => part.catch(() => undefined));
  await executeFirst();

  const [rest, executeRest] = sp.batched();
  const laterRanges: Array<Array<Promise<ListItem[]>>> = [];
  for (const [index, name] of names.entries()) {
    const lastId = ((await lastIds[index])[0]?.Id as number | undefined) ?? 0;
    const ranges: Array<Promise<ListItem[]>> = [];
    for (let after = PAGE_SIZE; after < lastId; after += PAGE_SIZE) ranges.push(idRange(rest, lists[name], planId, after));
    laterRanges.push(ranges);
  }
  if (laterRanges.some((ranges) => ranges.length > 0)) await executeRest();
  const rows = {} as Record<Name, ListItem[]>;
  for (const [index, name] of names.entries()) {
    rows[name] = (await firstRanges[index]).concat(...(await Promise.all(laterRanges[index])));
  }
  return { rows, alongside: extra };
}
