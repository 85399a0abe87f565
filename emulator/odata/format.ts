/**
 * The three JSON shapes SharePoint answers in, chosen by the Accept header:
 * verbose (`{ d: ... }` with `__metadata`), minimal metadata (`odata.*` annotations,
 * what PnPjs asks for by default) and no metadata.
 *
 * Minimal metadata as recorded from SharePoint Online: a body's `odata.metadata` is
 * `<site>/_api/$metadata#<entity set>` (`SP.ListData.<List>ListItems` for items,
 * `SP.ApiData.Lists`, `SP.ApiData.TimeZones`), with `/@Element` for one entity and
 * `&$select=...` when the request selected; `odata.id` is the entity's absolute address,
 * except a list item's, which is its GUID; `odata.editLink` is relative to `_api/`
 * (`Web/Lists(guid'...')/Items(5)`); an item's `odata.etag` is `"n"` (recorded item
 * responses in sp-dev-docs#5369 and a PnPjs + msw fixture of a $batch item add; a list read in
 * sp-dev-docs' Teams tab pre-configuration page; a regionalSettings.timeZone read).
 */
import { createHash } from 'node:crypto';

export type JsonShape = 'verbose' | 'minimal' | 'none';

export function shapeFor(accept: string | undefined): JsonShape {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'none';
  return 'minimal';
}

export function contentType(shape: JsonShape): string {
  const metadata = shape === 'verbose' ? 'verbose' : shape === 'none' ? 'nometadata' : 'minimalmetadata';
  return `application/json;odata=${metadata};streaming=true;charset=utf-8`;
}

/** What an entity's metadata says: its type, its address and (for items) its ETag. */
export interface IEntityMetadata {
  type: string;
  /** Its absolute address (`<site>/_api/...`). */
  uri: string;
  /** Its id when not its address: a list item's GUID. */
  id?: string;
  etag?: string;
}

/** A GUID made from its parts, the same every time (ids the emulator does not store). */
export function stableGuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** An address relative to `_api/`, as `odata.editLink` gives it. */
function editLink(uri: string): string {
  const at = uri.indexOf('/_api/');
  return at < 0 ? uri : uri.slice(at + '/_api/'.length);
}

/** An entity with its metadata in the shape asked for (nested entities included). */
export function entity(shape: JsonShape, metadata: IEntityMetadata, properties: Record<string, unknown>): Record<string, unknown> {
  if (shape === 'none') return properties;
  if (shape === 'verbose') {
    return { __metadata: { id: metadata.id ?? metadata.uri, uri: metadata.uri, ...(metadata.etag ? { etag: metadata.etag } : {}), type: metadata.type }, ...properties };
  }
  return {
    'odata.type': metadata.type,
    'odata.id': metadata.id ?? metadata.uri,
    ...(metadata.etag ? { 'odata.etag': metadata.etag } : {}),
    'odata.editLink': editLink(metadata.uri),
    ...properties
  };
}

/**
 * The `odata.metadata` of a body: `<site>/_api/$metadata#<entity set>`, `/@Element` for one
 * entity, and the request's `$select` after `&$select=`.
 */
export function metadataUrl(webUrl: string, entitySet: string, element: boolean, select?: string | null): string {
  return `${webUrl}/_api/$metadata#${entitySet}${element ? '/@Element' : ''}${select ? `&$select=${select}` : ''}`;
}

/** A whole response body for one entity; in minimal metadata with its `odata.metadata` first when given. */
export function entityBody(shape: JsonShape, value: Record<string, unknown>, metadata?: string): Record<string, unknown> {
  if (shape === 'verbose') return { d: value };
  return shape === 'minimal' && metadata ? { 'odata.metadata': metadata, ...value } : value;
}

/** A whole response body for a collection, with the link to its next page. */
export function collectionBody(shape: JsonShape, values: Array<Record<string, unknown>>, nextLink?: string, metadata?: string): Record<string, unknown> {
  if (shape === 'verbose') {
    return { d: { results: values, ...(nextLink ? { __next: nextLink } : {}) } };
  }
  return { ...(shape === 'minimal' ? { 'odata.metadata': metadata ?? '$metadata' } : {}), value: values, ...(nextLink ? { 'odata.nextLink': nextLink } : {}) };
}

/** A multi-valued property (choices): `{ results: [...] }` in verbose, an array otherwise. */
export function multiValue(shape: JsonShape, values: unknown[]): unknown {
  return shape === 'verbose' ? { results: values } : values;
}

/** SharePoint's error body. */
export function errorBody(shape: JsonShape, code: string, message: string): Record<string, unknown> {
  const error = { code, message: { lang: 'en-US', value: message } };
  return shape === 'verbose' ? { error } : { 'odata.error': error };
}
