/**
 * The three JSON shapes SharePoint answers in, chosen by the Accept header:
 * verbose (`{ d: ... }` with `__metadata`), minimal metadata (`odata.*` annotations,
 * what PnPjs asks for by default) and no metadata.
 */
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
  uri: string;
  etag?: string;
}

/** An entity with its metadata in the shape asked for (nested entities included). */
export function entity(shape: JsonShape, metadata: IEntityMetadata, properties: Record<string, unknown>): Record<string, unknown> {
  if (shape === 'none') return properties;
  if (shape === 'verbose') {
    return { __metadata: { id: metadata.uri, uri: metadata.uri, ...(metadata.etag ? { etag: metadata.etag } : {}), type: metadata.type }, ...properties };
  }
  return {
    'odata.type': metadata.type,
    'odata.id': metadata.uri,
    ...(metadata.etag ? { 'odata.etag': metadata.etag } : {}),
    'odata.editLink': metadata.uri,
    ...properties
  };
}

/** A whole response body for one entity. */
export function entityBody(shape: JsonShape, value: Record<string, unknown>): Record<string, unknown> {
  return shape === 'verbose' ? { d: value } : value;
}

/** A whole response body for a collection, with the link to its next page. */
export function collectionBody(shape: JsonShape, values: Array<Record<string, unknown>>, nextLink?: string): Record<string, unknown> {
  if (shape === 'verbose') {
    return { d: { results: values, ...(nextLink ? { __next: nextLink } : {}) } };
  }
  return { ...(shape === 'minimal' ? { 'odata.metadata': '$metadata' } : {}), value: values, ...(nextLink ? { 'odata.nextLink': nextLink } : {}) };
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
