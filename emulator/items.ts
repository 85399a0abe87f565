/**
 * List items as SharePoint's REST API reads and writes them: values checked against
 * their column types, $select/$expand/$filter/$orderby/$top/$skiptoken, and the list
 * view threshold.
 */
import { FilterError, FilterExpr, IFieldValue, ValueKind, filterFields, matches, parseFilter } from './odata/filter';
import { JsonShape, entity, metadataUrl, stableGuid } from './odata/format';
import { IFieldDefinition, IListInfo, IStoredItem, SYSTEM_FIELD_NAMES, SharePointError, SharePointStore, itemEtag } from './store';
import { dateOnlyValue } from './timeZone';

/** SharePoint's list view threshold. */
export const LIST_VIEW_THRESHOLD = 5000;
/** Items per page when a request gives no $top. */
const DEFAULT_PAGE_SIZE = 100;
/** Longest value a single line of text holds. */
const TEXT_MAX_LENGTH = 255;

const INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
const ARGUMENT = '-2147024809, System.ArgumentException';
const THROTTLED = '-2147024860, Microsoft.SharePoint.SPQueryThrottledException';

/** Sub-fields a person column can be expanded to. */
const USER_PROJECTIONS = ['Id', 'ID', 'Title', 'EMail', 'Name', 'UserName'];

function badQuery(message: string): SharePointError {
  return new SharePointError(400, INVALID_QUERY, message);
}

export function throttled(): SharePointError {
  return new SharePointError(500, THROTTLED, 'The attempted operation is prohibited because it exceeds the list view threshold.');
}

/** SharePoint's entity type name for a list's items ("SEND Actions" -> SP.Data.SEND_x0020_ActionsListItem). */
export function itemTypeName(list: IListInfo): string {
  return `SP.Data.${list.title.replace(/ /g, '_x0020_')}ListItem`;
}

/** A column as the REST API names it: person and lookup columns are read as `<name>Id`. */
interface IColumn {
  field: IFieldDefinition;
  byId: boolean;
}

function columnIndex(fields: IFieldDefinition[]): Map<string, IColumn> {
  const columns = new Map<string, IColumn>();
  for (const field of fields) {
    columns.set(field.internalName.toLowerCase(), { field, byId: false });
    if (field.kind === 'User' || field.kind === 'Lookup') {
      columns.set(`${field.internalName}Id`.toLowerCase(), { field, byId: true });
    }
  }
  columns.set('id', { field: fields.find((field) => field.internalName === 'ID') as IFieldDefinition, byId: false });
  return columns;
}

function rawValue(item: IStoredItem, field: IFieldDefinition): unknown {
  switch (field.internalName) {
    case 'ID':
      return item.id;
    case 'Created':
      return item.created;
    case 'Modified':
      return item.modified;
    case 'Author':
      return item.authorId;
    case 'Editor':
      return item.editorId;
    default:
      return item.values[field.kind === 'User' || field.kind === 'Lookup' ? `${field.internalName}Id` : field.internalName] ?? null;
  }
}

/** Dates go out as SharePoint sends them: UTC, to the second, with a Z. */
function formatDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(String(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function outputValue(item: IStoredItem, field: IFieldDefinition): unknown {
  const value = rawValue(item, field);
  return field.kind === 'DateTime' ? formatDate(value) : value;
}

function valueKind(field: IFieldDefinition, byId: boolean): ValueKind {
  if (byId || field.kind === 'Number' || field.kind === 'Counter') return 'number';
  if (field.kind === 'DateTime') return 'datetime';
  if (field.kind === 'Boolean') return 'boolean';
  return 'text';
}

function typeError(field: IFieldDefinition, edmType: string): SharePointError {
  return badQuery(`A value for the field '${field.internalName}' could not be converted to the expected type '${edmType}'.`);
}

/**
 * Checks and normalises one written value as SharePoint converts it for the column type;
 * a date-only column keeps the site's local midnight of the written instant's day there.
 */
function writeValue(field: IFieldDefinition, value: unknown, timeZone: string): unknown {
  if (value === null) return null;
  switch (field.kind) {
    case 'Text':
    case 'Choice':
      if (typeof value !== 'string') throw typeError(field, 'Edm.String');
      if (value.length > TEXT_MAX_LENGTH) {
        throw new SharePointError(400, ARGUMENT, `The length of the value for the field '${field.internalName}' exceeds the maximum of ${TEXT_MAX_LENGTH} characters.`);
      }
      if (field.kind === 'Choice' && field.choices && value !== '' && field.choices.indexOf(value) < 0) {
        throw new SharePointError(400, ARGUMENT, `The value '${value}' is not one of the choices of the field '${field.internalName}'.`);
      }
      return value;
    case 'Note':
      if (typeof value !== 'string') throw typeError(field, 'Edm.String');
      return value;
    case 'Number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      throw typeError(field, 'Edm.Double');
    case 'Boolean':
      if (typeof value !== 'boolean') throw typeError(field, 'Edm.Boolean');
      return value;
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw typeError(field, 'Edm.DateTime');
      const written = new Date(value);
      return (field.dateOnly ? dateOnlyValue(timeZone, written) : written).toISOString();
    }
    case 'URL': {
      const link = value as { Url?: unknown; Description?: unknown };
      if (typeof link !== 'object' || typeof link.Url !== 'string' || !/^https?:\/\//i.test(link.Url)) {
        throw new SharePointError(400, ARGUMENT, `Invalid URL in the field '${field.internalName}': a link must start with http:// or https://.`);
      }
      return { Url: link.Url, Description: typeof link.Description === 'string' ? link.Description : link.Url };
    }
    default:
      throw badQuery(`The property '${field.internalName}' cannot be set: it is read-only.`);
  }
}

/**
 * Checks and converts an item's written values (a POST or MERGE body) as SharePoint
 * does: unknown properties, wrong types, unknown people and missing lookup targets
 * are refused; person and lookup columns are written as `<name>Id`.
 */
export function prepareWrite(store: SharePointStore, listTitle: string, body: Record<string, unknown>): Record<string, unknown> {
  const columns = columnIndex(store.fields(listTitle));
  const timeZone = store.timeZone;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '__metadata') continue;
    const column = columns.get(name.toLowerCase());
    if (!column || (SYSTEM_FIELD_NAMES.indexOf(column.field.internalName) >= 0 && !column.byId)) {
      throw badQuery(`The property '${name}' does not exist on type '${itemTypeName(store.getList(listTitle))}'. Make sure to only use property names that are defined by the type.`);
    }
    const { field } = column;
    if (field.kind === 'User' || field.kind === 'Lookup') {
      if (!column.byId) {
        throw badQuery(`The property '${name}' is a ${field.kind === 'User' ? 'person' : 'lookup'} column: write its id to '${field.internalName}Id'.`);
      }
      if (value !== null && (typeof value !== 'number' || !Number.isInteger(value))) throw typeError(field, 'Edm.Int32');
      if (typeof value === 'number' && field.kind === 'User' && !store.findUser(value)) {
        throw new SharePointError(400, ARGUMENT, `The user with id ${value} does not exist on this site.`);
      }
      if (typeof value === 'number' && field.kind === 'Lookup') {
        store.getItem(field.lookupList as string, value);
      }
      values[`${field.internalName}Id`] = value;
      continue;
    }
    values[field.internalName] = writeValue(field, value, timeZone);
  }
  return values;
}

/** The query options of an items request. */
export interface IItemsQuery {
  select?: string;
  filter?: string;
  expand?: string;
  orderby?: string;
  top?: string;
  skiptoken?: string;
}

/** What serialising an item needs: the list, its columns, the shape and the site's address. */
export interface IItemContext {
  store: SharePointStore;
  list: IListInfo;
  shape: JsonShape;
  webUrl: string;
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** An item URI as SharePoint writes it in metadata. */
export function itemUri(context: IItemContext, id: number): string {
  return `${context.webUrl}/_api/Web/Lists(guid'${context.list.guid}')/Items(${id})`;
}

/** A list item's GUID (its `odata.id` in minimal metadata), the same on every read. */
function itemGuid(list: IListInfo, id: number): string {
  return stableGuid(list.guid, 'item', String(id));
}

/**
 * The `odata.metadata` of an items body as SharePoint Online records it:
 * `<site>/_api/$metadata#SP.ListData.<List>ListItems`, `/@Element` for one item, then
 * `&$select=...` when the request selected.
 */
export function itemsMetadata(context: IItemContext, element: boolean, select?: string | null): string {
  return metadataUrl(context.webUrl, `SP.ListData.${itemTypeName(context.list).slice('SP.Data.'.length)}s`, element, select);
}

function expandedValue(context: IItemContext, field: IFieldDefinition, id: unknown, projections: string[]): unknown {
  if (typeof id !== 'number') return null;
  if (field.kind === 'User') {
    const user = context.store.findUser(id);
    if (!user) return null;
    const all: Record<string, unknown> = { Id: user.id, ID: user.id, Title: user.title, EMail: user.email, Name: user.loginName, UserName: user.email };
    const properties: Record<string, unknown> = {};
    for (const projection of projections) properties[projection] = all[projection];
    return entity(context.shape, { type: 'SP.Data.UserInfoItem', uri: `${context.webUrl}/_api/Web/SiteUserInfoList/Items(${user.id})` }, properties);
  }
  const target = context.store.getList(field.lookupList as string);
  let item: IStoredItem;
  try {
    item = context.store.getItem(target.title, id);
  } catch {
    return null;
  }
  const targetColumns = columnIndex(context.store.fields(target.title));
  const properties: Record<string, unknown> = {};
  for (const projection of projections) {
    const column = targetColumns.get(projection.toLowerCase()) as IColumn;
    properties[projection] = outputValue(item, column.field);
  }
  return entity(context.shape, { type: itemTypeName(target), uri: `${context.webUrl}/_api/Web/Lists(guid'${target.guid}')/Items(${id})`, id: itemGuid(target, id) }, properties);
}

/** Serialises items for a $select / $expand, checking both as SharePoint does. */
export function itemSerializer(context: IItemContext, query: Pick<IItemsQuery, 'select' | 'expand'>): (item: IStoredItem) => Record<string, unknown> {
  const fields = context.store.fields(context.list.title);
  const columns = columnIndex(fields);
  const expands = new Map<string, IFieldDefinition>();
  for (const name of splitList(query.expand)) {
    const column = columns.get(name.toLowerCase());
    if (!column || column.byId || (column.field.kind !== 'User' && column.field.kind !== 'Lookup')) {
      throw badQuery(`The field or property '${name}' does not exist, or is not a person or lookup column that can be expanded.`);
    }
    expands.set(column.field.internalName, column.field);
  }
  const selected = splitList(query.select);
  const direct: IColumn[] = [];
  const projections = new Map<string, string[]>();
  for (const path of selected.length > 0 ? selected : fields.map((field) => field.internalName)) {
    const [name, sub, ...rest] = path.split('/');
    const column = columns.get(name.toLowerCase());
    if (!column || rest.length > 0) {
      throw badQuery(`The field or property '${path}' does not exist.`);
    }
    if (sub === undefined) {
      direct.push(column);
      continue;
    }
    const field = expands.get(column.field.internalName);
    if (!field || column.byId) {
      throw badQuery(`The query to field '${path}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${name}.`);
    }
    const allowed = field.kind === 'User' ? USER_PROJECTIONS : ['Id', 'ID', ...context.store.fields(field.lookupList as string).filter((candidate) => candidate.kind !== 'Note').map((candidate) => candidate.internalName)];
    const projection = allowed.find((candidate) => candidate.toLowerCase() === sub.toLowerCase());
    if (!projection) {
      throw badQuery(`The field or property '${sub}' does not exist on '${name}'.`);
    }
    projections.set(field.internalName, [...(projections.get(field.internalName) ?? []), projection]);
  }
  return (item) => {
    const properties: Record<string, unknown> = {};
    for (const { field, byId } of direct) {
      if (field.internalName === 'ID') {
        properties.Id = item.id;
        properties.ID = item.id;
      } else if ((field.kind === 'User' || field.kind === 'Lookup') && (byId || !expands.has(field.internalName))) {
        properties[`${field.internalName}Id`] = rawValue(item, field);
      } else if (field.kind !== 'User' && field.kind !== 'Lookup') {
        properties[field.internalName] = outputValue(item, field);
      }
    }
    for (const [name, field] of expands) {
      properties[name] = expandedValue(context, field, rawValue(item, field), projections.get(name) ?? ['Id']);
    }
    return entity(context.shape, { type: itemTypeName(context.list), uri: itemUri(context, item.id), id: itemGuid(context.list, item.id), etag: itemEtag(item.version) }, properties);
  };
}

function resolveFilterField(columns: Map<string, IColumn>, expands: Set<string>, name: string): IColumn {
  const [head, sub] = name.split('/');
  const column = columns.get(head.toLowerCase());
  if (!column) {
    throw badQuery(`The field or property '${name}' does not exist.`);
  }
  if (sub !== undefined) {
    if (!expands.has(column.field.internalName.toLowerCase()) || !/^id$/i.test(sub)) {
      throw badQuery(`The query to field '${name}' is not valid: filter a ${column.field.kind === 'User' ? 'person' : 'lookup'} column by its id as '${column.field.internalName}Id'.`);
    }
    return { field: column.field, byId: true };
  }
  if (column.field.kind === 'Note') {
    throw badQuery(`The field '${column.field.internalName}' of type 'Note' cannot be used in the query filter expression.`);
  }
  if ((column.field.kind === 'User' || column.field.kind === 'Lookup') && !column.byId) {
    throw badQuery(`The field '${column.field.internalName}' is a ${column.field.kind === 'User' ? 'person' : 'lookup'} column: filter it by id as '${column.field.internalName}Id'.`);
  }
  return column;
}

/** The comparisons of a filter, left to right (inside and, or and not alike). */
function comparisons(expr: FilterExpr): FilterExpr[] {
  if (expr.kind === 'and' || expr.kind === 'or') return [...comparisons(expr.left), ...comparisons(expr.right)];
  if (expr.kind === 'not') return comparisons(expr.operand);
  return [expr];
}

/**
 * The parts SharePoint must seek an index with: the first part of an `and` (filters are
 * evaluated left to right) and each side of an `or`.
 */
function leadingParts(expr: FilterExpr): FilterExpr[] {
  if (expr.kind === 'or') return [...leadingParts(expr.left), ...leadingParts(expr.right)];
  if (expr.kind === 'and') return leadingParts(expr.left);
  return [expr];
}

/** Whether a column can take a query under the threshold: indexed, and neither a lookup nor a person. */
function narrows(field: IFieldDefinition): boolean {
  // "An indexed Lookup column does not keep a query under the threshold; use another type of
  // column as the primary or secondary index" (SPFieldLookup.Indexed remarks, learn.microsoft.com
  // ee570029; sp-dev-docs docs/schema/field-element-field.md, Indexed). Person columns are lookups
  // to the user information list.
  return field.indexed && field.kind !== 'Lookup' && field.kind !== 'User';
}

interface ISortKey {
  column: IColumn;
  descending: boolean;
}

function parseOrderBy(columns: Map<string, IColumn>, text: string | undefined): ISortKey[] {
  return splitList(text).map((part) => {
    const [name, direction, ...rest] = part.split(/\s+/);
    const column = columns.get(name.toLowerCase());
    if (!column || rest.length > 0 || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) {
      throw badQuery(`The $orderby expression '${part}' is not valid.`);
    }
    if (column.field.kind === 'Note') {
      throw badQuery(`The field '${column.field.internalName}' of type 'Note' cannot be used to sort.`);
    }
    return { column, descending: /^desc$/i.test(direction ?? '') };
  });
}

function compareValues(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === 'string' && typeof right === 'string') return left.localeCompare(right, 'en', { sensitivity: 'base' });
  return (left as number) < (right as number) ? -1 : 1;
}

/** The last item id a $skiptoken names ("Paged=TRUE&p_ID=100"). */
function skipAfter(skiptoken: string | undefined): number | undefined {
  if (!skiptoken) return undefined;
  const id = new URLSearchParams(skiptoken).get('p_ID');
  if (id === null || !/^\d+$/.test(id)) {
    throw badQuery(`The $skiptoken '${skiptoken}' is not valid.`);
  }
  return Number(id);
}

/** One page of a list's items and, when more remain, the $skiptoken of the next. */
export interface IItemsPage {
  items: IStoredItem[];
  nextSkiptoken?: string;
}

/**
 * Runs an items query as SharePoint does, including the list view threshold: on a
 * list past 5,000 items the query must lead with a comparison on an indexed column
 * that is neither a lookup nor a person (and so must each side of an `or`), no
 * comparison on an indexed column may match more than 5,000 items on its own, $top is
 * at most 5,000 and sorts are on indexed columns only. Unfiltered pages in id order
 * (`$top` with `$skiptoken=Paged=TRUE&p_ID=n`) and the highest ids first pass.
 */
export function queryItems(store: SharePointStore, listTitle: string, query: IItemsQuery): IItemsPage {
  const fields = store.fields(listTitle);
  const columns = columnIndex(fields);
  const expands = new Set(splitList(query.expand).map((name) => name.toLowerCase()));
  let filter: FilterExpr | undefined;
  try {
    filter = query.filter ? parseFilter(query.filter) : undefined;
  } catch (error) {
    throw badQuery(error instanceof FilterError ? error.message : `The expression "${query.filter}" is not valid.`);
  }
  const filterColumns = new Map<string, IColumn>();
  for (const name of filter ? filterFields(filter) : []) {
    filterColumns.set(name, resolveFilterField(columns, expands, name));
  }
  const read = (item: IStoredItem) => (name: string): IFieldValue => {
    const column = filterColumns.get(name) as IColumn;
    return { kind: valueKind(column.field, column.byId), value: rawValue(item, column.field) };
  };
  const sortKeys = parseOrderBy(columns, query.orderby);
  const top = query.top === undefined ? DEFAULT_PAGE_SIZE : Number(query.top);
  if (!Number.isInteger(top) || top < 0) {
    throw badQuery(`The $top value '${query.top}' is not valid.`);
  }

  // Unfiltered pages in id order, and the highest ids first, are read through the id index.
  const idOrdered = !filter && (sortKeys.length === 0 || (sortKeys.length === 1 && sortKeys[0].column.field.internalName === 'ID'));
  const after = skipAfter(query.skiptoken);
  const lastIdsFirst = idOrdered && sortKeys.length === 1 && sortKeys[0].descending && after === undefined;
  const firstIdsUp = idOrdered && (sortKeys.length === 0 || !sortKeys[0].descending);
  const all = lastIdsFirst ? store.lastItems(listTitle, top + 1) : firstIdsUp ? store.itemsAfter(listTitle, after ?? 0, top + 1) : store.allItems(listTitle);
  if ((lastIdsFirst || firstIdsUp ? store.itemCount(listTitle) : all.length) > LIST_VIEW_THRESHOLD) {
    // $top is at most 5,000 (sp-dev-docs#3323; PnP-JS-Core#203); a sort must be on an indexed column.
    if (top > LIST_VIEW_THRESHOLD || sortKeys.some((key) => !key.column.field.indexed)) throw throttled();
    if (filter) {
      // Filters are evaluated left to right and no part may match more than 5,000 items on its
      // own (pnp.github.io/blog/post/listview-threashold-apis/); a two-sided range on an indexed
      // column is still refused (sp-dev-docs#7149), so each comparison counts alone: a leading
      // `Id gt 5000` on a 20,000-item list is refused even with `and Id le 10000` after it.
      const column = (leaf: FilterExpr): IColumn | undefined => ('field' in leaf ? filterColumns.get(leaf.field) : undefined);
      for (const part of leadingParts(filter)) {
        const leading = column(part);
        if (part.kind !== 'compare' || part.op === 'ne' || !leading || !narrows(leading.field)) throw throttled();
      }
      for (const leaf of comparisons(filter)) {
        if (!column(leaf)?.field.indexed) continue;
        if (all.filter((item) => matches(leaf, read(item))).length > LIST_VIEW_THRESHOLD) throw throttled();
      }
    }
  }

  let found = filter ? all.filter((item) => matches(filter as FilterExpr, read(item))) : all;
  if (sortKeys.length > 0) {
    found = [...found].sort((left, right) => {
      for (const key of sortKeys) {
        const order = compareValues(rawValue(left, key.column.field), rawValue(right, key.column.field));
        if (order !== 0) return key.descending ? -order : order;
      }
      return left.id - right.id;
    });
  }
  // A $skiptoken's p_ID need not be an item that exists: id order resumes past it (or below it, highest first).
  const start = after === undefined ? 0 : firstIdsUp ? found.findIndex((item) => item.id > after) : idOrdered ? found.findIndex((item) => item.id < after) : found.findIndex((item) => item.id === after) + 1;
  const from = start < 0 ? found.length : start;
  const items = found.slice(from, from + top);
  const more = from + top < found.length && items.length > 0;
  return { items, nextSkiptoken: more ? `Paged=TRUE&p_ID=${items[items.length - 1].id}` : undefined };
}
