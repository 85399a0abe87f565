/**
 * The part of SharePoint's REST API (_api) the product uses, answered from the store
 * with SharePoint's URLs, JSON shapes, headers, status codes and error bodies.
 * Every request runs as a user, with that user's permission level.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { currentChangeToken, listChanges } from './changes';
import { IStoredFile, IStoredFolder, LibraryFiles, fileNotFound, joinPath } from './files';
import { principalSearchBody } from './peoplePicker';
import { IItemContext, itemSerializer, itemTypeName, itemUri, itemsMetadata, prepareWrite, queryItems } from './items';
import { JsonShape, collectionBody, contentType, entity, entityBody, errorBody, metadataUrl, multiValue, shapeFor, stableGuid } from './odata/format';
import { FieldKind, IFieldDefinition, IListInfo, ISiteUser, IViewDefinition, PermissionLevel, SYSTEM_FIELD_NAMES, SharePointError, SharePointStore, itemEtag } from './store';
import { SITE_TIME_ZONES } from './timeZone';

/** One REST call: from the HTTP server, or one part of a $batch. */
export interface IRestRequest {
  method: string;
  url: URL;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string;
  /**
   * A file's bytes as sent (AddUsingPath, an upload chunk, a `$value` PUT): the server reads
   * those bodies as bytes, every other body as UTF-8 text.
   */
  content?: Buffer;
}

export interface IRestResponse {
  status: number;
  headers: Record<string, string>;
  /** Text (JSON), or a file's bytes. */
  body: string | Buffer;
}

/** SharePoint's permission masks (SP.BasePermissions) for its default levels. */
const PERMISSION_MASKS: Readonly<Record<PermissionLevel, { High: string; Low: string }>> = {
  none: { High: '0', Low: '0' },
  read: { High: '176', Low: '138612833' },
  contribute: { High: '432', Low: '1011028719' },
  edit: { High: '432', Low: '1011030767' },
  full: { High: '2147483647', Low: '4294967295' }
};
const LEVEL_RANK: Readonly<Record<PermissionLevel, number>> = { none: 0, read: 1, contribute: 2, edit: 3, full: 4 };

const FIELD_KINDS: Readonly<Record<number, FieldKind>> = { 2: 'Text', 3: 'Note', 4: 'DateTime', 6: 'Choice', 7: 'Lookup', 8: 'Boolean', 9: 'Number', 11: 'URL', 20: 'User', 5: 'Counter' };
const FIELD_KIND_NUMBERS: Readonly<Record<FieldKind, number>> = { Text: 2, Note: 3, DateTime: 4, Counter: 5, Choice: 6, Lookup: 7, Boolean: 8, Number: 9, URL: 11, User: 20 };
const FIELD_TYPE_NAMES: Readonly<Record<FieldKind, string>> = {
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  DateTime: 'SP.FieldDateTime',
  Counter: 'SP.Field',
  Choice: 'SP.FieldChoice',
  Lookup: 'SP.FieldLookup',
  Boolean: 'SP.Field',
  Number: 'SP.FieldNumber',
  URL: 'SP.FieldUrl',
  User: 'SP.FieldUser'
};

/** SP.DateTimeFieldFormatType: a DateTime column shown as a date only, or with its time. */
const DATE_ONLY = 0;
const DATE_AND_TIME = 1;

/** SharePoint's list templates: a custom list and a document library. */
const CUSTOM_LIST = 100;
const DOCUMENT_LIBRARY = 101;

const ACCESS_DENIED = '-2147024891, System.UnauthorizedAccessException';
const FORM_DIGEST_SECONDS = 1800;

function accessDenied(): SharePointError {
  return new SharePointError(403, ACCESS_DENIED, 'Access denied. You do not have permission to perform this action or access this resource.');
}

function notFound(what: string): SharePointError {
  return new SharePointError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${what}.`);
}

function badRequest(message: string): SharePointError {
  return new SharePointError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
}

/** Content types of the files a library serves, by extension; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
};

function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

/** Content-Disposition for a download: the name as is when it is plain ASCII, else an ASCII stand-in and the UTF-8 name (RFC 6266). */
function attachment(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name)) return `attachment; filename="${name}"`;
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** SharePoint's internal name for a new column's title: unsafe characters escaped, at most 32 characters. */
export function internalNameFor(title: string): string {
  const escaped = title.replace(/[^A-Za-z0-9_]/g, (char) => `_x${char.charCodeAt(0).toString(16).padStart(4, '0')}_`);
  return escaped.slice(0, 32);
}


/** Keeps only the properties a $select names; refuses names the entity does not have. */
function selectProperties(properties: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return properties;
  const picked: Record<string, unknown> = {};
  for (const name of select.split(',').map((part) => part.trim()).filter(Boolean)) {
    const key = Object.keys(properties).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (key === undefined) {
      throw badRequest(`The field or property '${name}' does not exist.`);
    }
    picked[key] = properties[key];
  }
  return picked;
}

function parseJsonBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw badRequest('Invalid JSON. The request body is not a JSON object.');
  }
}

/** `'It''s'` -> `It's`; the quoted argument of getByTitle('...') and friends (the path is decoded once, by `route`). */
function unquote(text: string): string {
  return text.replace(/^'|'$/g, '').replace(/''/g, "'");
}

/**
 * The properties each SP.Field type defines, and the type it derives from (SharePoint's
 * REST metadata). A field MERGE is read as the type its body names (`__metadata.type` in
 * the verbose format, `@odata.type` or `odata.type` in JSON light) and as SP.Field when it
 * names none, which is what PnPjs v4's `field.update` sends: its type argument is not put
 * in the body. A property of a more specific type is then refused: "The property 'Choices'
 * does not exist on type 'SP.Field'. Make sure to only use property names that are defined
 * by the type." (400, pnp/pnpcore#1644; MaxLength in pnp/pnpcore#1541; pnp/pnpjs#1187
 * shows the same MERGE accepted once `@odata.type` names the specific type).
 */
const FIELD_TYPES: Readonly<Record<string, { base?: string; properties: readonly string[] }>> = {
  'SP.Field': {
    properties: [
      'AutoIndexed', 'CanBeDeleted', 'ClientSideComponentId', 'ClientSideComponentProperties', 'ClientValidationFormula', 'ClientValidationMessage',
      'CustomFormatter', 'DefaultFormula', 'DefaultValue', 'Description', 'DescriptionResource', 'Direction', 'EnforceUniqueValues', 'EntityPropertyName',
      'FieldTypeKind', 'Filterable', 'FromBaseType', 'Group', 'Hidden', 'Id', 'Indexed', 'IndexStatus', 'InternalName', 'IsModern', 'JSLink', 'NoCrawl',
      'PinnedToFiltersPane', 'ReadOnlyField', 'Required', 'SchemaXml', 'Scope', 'Sealed', 'ShowInFiltersPane', 'Sortable', 'StaticName', 'Title',
      'TitleResource', 'TypeAsString', 'TypeDisplayName', 'TypeShortDescription', 'ValidationFormula', 'ValidationMessage'
    ]
  },
  'SP.FieldText': { base: 'SP.Field', properties: ['MaxLength'] },
  'SP.FieldMultiLineText': { base: 'SP.Field', properties: ['AllowHyperlink', 'AppendOnly', 'IsLongHyperlink', 'NumberOfLines', 'RestrictedMode', 'RichText', 'UnlimitedLengthInDocumentLibrary', 'WikiLinking'] },
  'SP.FieldDateTime': { base: 'SP.Field', properties: ['DateFormat', 'DateTimeCalendarType', 'DisplayFormat', 'FriendlyDisplayFormat'] },
  'SP.FieldMultiChoice': { base: 'SP.Field', properties: ['Choices', 'FillInChoice', 'Mappings'] },
  'SP.FieldChoice': { base: 'SP.FieldMultiChoice', properties: ['EditFormat'] },
  'SP.FieldNumber': { base: 'SP.Field', properties: ['CommaSeparator', 'CustomUnitName', 'CustomUnitOnRight', 'DecimalPlaces', 'DisplayFormat', 'MaximumValue', 'MinimumValue', 'ShowAsPercentage', 'Unit'] },
  'SP.FieldUrl': { base: 'SP.Field', properties: ['DisplayFormat'] },
  'SP.FieldLookup': {
    base: 'SP.Field',
    properties: ['AllowMultipleValues', 'DependentLookupInternalNames', 'IsDependentLookup', 'IsRelationship', 'LookupField', 'LookupList', 'LookupWebId', 'PrimaryFieldId', 'RelationshipDeleteBehavior', 'UnlimitedLengthInDocumentLibrary']
  },
  'SP.FieldUser': { base: 'SP.FieldLookup', properties: ['AllowDisplay', 'Presence', 'SelectionGroup', 'SelectionMode', 'UserDisplayOptions'] }
};

/** A field type and the types it derives from, most specific first. */
function fieldTypeChain(typeName: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = typeName; current; current = FIELD_TYPES[current]?.base) chain.push(current);
  return chain;
}

/** The field properties the emulator keeps, with the EDM type SharePoint converts each value to. */
const KEPT_FIELD_PROPERTIES: Readonly<Record<string, 'Edm.String' | 'Edm.Boolean' | 'Collection(Edm.String)'>> = {
  Title: 'Edm.String',
  Description: 'Edm.String',
  Indexed: 'Edm.Boolean',
  Required: 'Edm.Boolean',
  CustomFormatter: 'Edm.String',
  Choices: 'Collection(Edm.String)'
};

/** A value as its EDM type, or undefined when SharePoint could not convert it. */
function edmValue(value: unknown, edmType: string, verbose: boolean): string | boolean | string[] | undefined {
  if (edmType === 'Edm.String') return typeof value === 'string' ? value : undefined;
  if (edmType === 'Edm.Boolean') return typeof value === 'boolean' ? value : undefined;
  // A collection is `{ results: [...] }` in the verbose format and an array in JSON light.
  const items = verbose ? (value as { results?: unknown } | null)?.results : value;
  return Array.isArray(items) && items.every((entry) => typeof entry === 'string') ? (items as string[]) : undefined;
}

/**
 * The changes a field MERGE body makes, checked as SharePoint checks them: the type the
 * body names (SP.Field when none) must be the field's own type or one it derives from, and
 * every property must be defined by that type.
 */
function fieldChanges(field: IFieldDefinition, body: Record<string, unknown>, verbose: boolean): Parameters<SharePointStore['updateField']>[2] {
  const fieldType = FIELD_TYPE_NAMES[field.kind];
  const annotations = verbose ? ['__metadata'] : ['@odata.type', 'odata.type'];
  const annotation = annotations.find((name) => body[name] !== undefined);
  const named = annotation === '__metadata' ? (body.__metadata as { type?: unknown } | null)?.type : annotation ? body[annotation] : 'SP.Field';
  const declared = typeof named === 'string' ? named.replace(/^#/, '') : '';
  if (!FIELD_TYPES[declared] || fieldTypeChain(fieldType).indexOf(declared) < 0) {
    throw badRequest(`The type '${declared}' named in the request body is not the type of the field '${field.internalName}' (${fieldType}) or one it derives from.`);
  }
  const defined = new Set(fieldTypeChain(declared).reduce<string[]>((all, typeName) => all.concat(FIELD_TYPES[typeName].properties), []));
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === annotation) continue;
    if (!defined.has(name)) {
      throw badRequest(`The property '${name}' does not exist on type '${declared}'. Make sure to only use property names that are defined by the type.`);
    }
    const edmType = KEPT_FIELD_PROPERTIES[name];
    if (!edmType) throw badRequest(`The emulator does not keep the field property '${name}' (SharePoint would accept it on ${declared}).`);
    const converted = edmValue(value, edmType, verbose);
    if (converted === undefined) throw badRequest(`Cannot convert a primitive value to the expected type '${edmType}'. See the inner exception for more details.`);
    changes[name] = converted;
  }
  return {
    title: changes.Title as string | undefined,
    description: changes.Description as string | undefined,
    indexed: changes.Indexed as boolean | undefined,
    required: changes.Required as boolean | undefined,
    formatter: changes.CustomFormatter as string | undefined,
    choices: changes.Choices as string[] | undefined
  };
}

/** The emulator's REST API over one store; `webUrl` is the site's absolute URL. */
export class SharePointRest {
  private readonly digestKey = randomBytes(16);
  private readonly libraryFiles: LibraryFiles;

  public constructor(
    private readonly store: SharePointStore,
    private readonly webUrl: string
  ) {
    this.libraryFiles = new LibraryFiles(store, new URL(webUrl).pathname.replace(/\/$/, ''));
  }

  /** The site's path ("/sites/send"), which every _api URL starts with. */
  public get sitePath(): string {
    return new URL(this.webUrl).pathname.replace(/\/$/, '');
  }

  /** A form digest for the user, as _api/contextinfo issues it. */
  public formDigest(user: ISiteUser, issued: Date = this.store.now()): string {
    const stamp = issued.toISOString();
    const mac = createHmac('sha256', this.digestKey).update(`${user.id}|${stamp}`).digest('hex').toUpperCase();
    return `0x${mac},${stamp}`;
  }

  /** The form digest SharePoint writes into a page for SPFx (`legacyPageContext`), so the page's first write needs no contextinfo request. */
  public pageContext(user: ISiteUser): { formDigestValue: string; formDigestTimeoutSeconds: number } {
    return { formDigestValue: this.formDigest(user), formDigestTimeoutSeconds: FORM_DIGEST_SECONDS };
  }

  private checkDigest(user: ISiteUser, digest: string | undefined): void {
    const stamp = digest?.split(',')[1];
    const fresh = stamp !== undefined && this.store.now().getTime() - Date.parse(stamp) < FORM_DIGEST_SECONDS * 1000;
    if (!digest || !fresh || digest !== this.formDigest(user, new Date(stamp))) {
      throw new SharePointError(403, '-2130575251, System.Runtime.InteropServices.COMException', 'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.');
    }
  }

  private require(user: ISiteUser, level: PermissionLevel, listTitle?: string): void {
    if (LEVEL_RANK[this.store.permissionLevel(user.id, listTitle)] < LEVEL_RANK[level]) {
      throw accessDenied();
    }
  }

  /**
   * Answers one request as `user`. Errors become SharePoint's error responses; the
   * caller decides nothing. `insideBatch` parts skip the form digest (the $batch
   * request carried it).
   */
  public handle(request: IRestRequest, user: ISiteUser | undefined, insideBatch = false): IRestResponse {
    const shape = shapeFor(request.headers.accept);
    return this.answering(shape, () => {
      const method = ((request.method === 'POST' && request.headers['x-http-method']) || request.method).toUpperCase();
      // contextinfo is how a client gets its digest, so it is the one write that needs none.
      const needsDigest = method !== 'GET' && !insideBatch && !/\/_api\/contextinfo$/i.test(request.url.pathname);
      const caller = this.authenticate(user, needsDigest, request.headers['x-requestdigest']);
      return this.route(method, request, caller, shape);
    });
  }

  /**
   * Checks a write request's sign-in and form digest (a $batch is checked once, as a
   * whole); undefined when it may go ahead, else the error response.
   */
  public refuseWrite(headers: Record<string, string | undefined>, user: ISiteUser | undefined): IRestResponse | undefined {
    const refused = this.answering(shapeFor(headers.accept), () => {
      this.authenticate(user, true, headers['x-requestdigest']);
      return this.noContent();
    });
    return refused.status === 204 ? undefined : refused;
  }

  /** The signed-in site user; for a write, also checks the form digest. */
  private authenticate(user: ISiteUser | undefined, write: boolean, digest: string | undefined): ISiteUser {
    if (!user) {
      throw new SharePointError(401, ACCESS_DENIED, 'Access denied. Sign in to the site to continue.');
    }
    if (write) {
      this.checkDigest(user, digest);
    }
    this.require(user, 'read');
    return user;
  }

  /** Runs `work`, turning a SharePointError into SharePoint's error response. */
  private answering(shape: JsonShape, work: () => IRestResponse): IRestResponse {
    try {
      return work();
    } catch (error) {
      if (error instanceof SharePointError) {
        return { status: error.status, headers: { 'Content-Type': contentType(shape) }, body: JSON.stringify(errorBody(shape, error.code, error.message)) };
      }
      throw error;
    }
  }

  private json(shape: JsonShape, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): IRestResponse {
    return { status, headers: { 'Content-Type': contentType(shape), ...headers }, body: JSON.stringify(body) };
  }

  private noContent(headers: Record<string, string> = {}): IRestResponse {
    return { status: 204, headers, body: '' };
  }

  private route(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape): IRestResponse {
    const prefix = `${this.sitePath}/_api/`;
    const fullPath = decodeURIComponent(request.url.pathname);
    if (!fullPath.toLowerCase().startsWith(prefix.toLowerCase())) {
      throw notFound(request.url.pathname);
    }
    const path = fullPath.slice(prefix.length).replace(/\/$/, '');
    const select = request.url.searchParams.get('$select');
    const lower = path.toLowerCase();

    if (lower === 'contextinfo' && method === 'POST') {
      const info = { FormDigestTimeoutSeconds: FORM_DIGEST_SECONDS, FormDigestValue: this.formDigest(user), LibraryVersion: '16.0.0.0', SiteFullUrl: this.webUrl, WebFullUrl: this.webUrl };
      return this.json(shape, 200, shape === 'verbose' ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } } : info);
    }
    if (lower === 'web' && method === 'GET') {
      const web = { Id: stableGuid(this.webUrl), Title: 'SEND Improvement Plan (local)', Url: this.webUrl, ServerRelativeUrl: this.sitePath, Language: 2057 };
      return this.json(shape, 200, entityBody(shape, entity(shape, { type: 'SP.Web', uri: `${this.webUrl}/_api/Web` }, selectProperties(web, select))));
    }
    if (lower === 'web/regionalsettings/timezone' && method === 'GET') {
      return this.json(shape, 200, entityBody(shape, this.timeZoneEntity(shape, select), metadataUrl(this.webUrl, 'SP.ApiData.TimeZones', true, select)));
    }
    if (lower === 'web/currentuser' && method === 'GET') {
      return this.json(shape, 200, entityBody(shape, this.userEntity(shape, user, select)));
    }
    if (lower === 'web/siteusers' && method === 'GET') {
      return this.json(shape, 200, collectionBody(shape, this.store.users().filter((candidate) => candidate.level !== 'none').map((candidate) => this.userEntity(shape, candidate, select))));
    }
    let match = /^web\/(?:siteusers\/getbyid|getuserbyid)\((\d+)\)$/i.exec(path);
    if (match && method === 'GET') {
      const found = this.store.findUser(Number(match[1]));
      if (!found) throw new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
      return this.json(shape, 200, entityBody(shape, this.userEntity(shape, found, select)));
    }
    if (lower === 'web/ensureuser' && method === 'POST') {
      this.require(user, 'contribute');
      const logonName = String(parseJsonBody(request.body).logonName ?? '');
      const found = this.store.findUser(logonName);
      if (!found) throw new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${logonName} could not be found.`);
      return this.json(shape, 200, entityBody(shape, this.userEntity(shape, found, null)));
    }
    if (lower === 'sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser' && method === 'POST') {
      return this.json(shape, 200, principalSearchBody(shape, this.store.users(), parseJsonBody(request.body)));
    }
    if (lower === 'web/effectivebasepermissions' && method === 'GET') {
      return this.json(shape, 200, entityBody(shape, { ...PERMISSION_MASKS[this.store.permissionLevel(user.id)] }));
    }
    if (lower === 'web/lists') {
      if (method === 'GET') return this.json(shape, 200, collectionBody(shape, this.store.lists().map((list) => this.listEntity(shape, list, user, select)), undefined, metadataUrl(this.webUrl, 'SP.ApiData.Lists', false, select)));
      if (method === 'POST') return this.addList(request, user, shape);
    }
    match = /^web\/getf(ile|older)byserverrelativepath\(decodedurl=('(?:[^']|'')*')\)(.*)$/i.exec(path);
    if (match) {
      return this.routeByServerRelativeUrl(method, request, user, shape, match[1].toLowerCase() === 'ile' ? 'file' : 'folder', unquote(match[2]), match[3]);
    }
    match = /^web\/lists(?:\/getbytitle\(('(?:[^']|'')*')\)|\(guid'([0-9a-f-]+)'\))(?:\/(.*))?$/i.exec(path);
    if (match) {
      const list = this.store.getList(match[1] !== undefined ? unquote(match[1]) : match[2]);
      return this.routeList(method, request, user, shape, list, match[3] ?? '');
    }
    throw notFound(`${request.method} ${request.url.pathname}`);
  }

  /** The site's time zone as SharePoint answers web/RegionalSettings/TimeZone (shape recorded from SharePoint Online; see timeZone.ts). */
  private timeZoneEntity(shape: JsonShape, select: string | null): Record<string, unknown> {
    const zone = SITE_TIME_ZONES[this.store.timeZone];
    const information = shape === 'verbose' ? { __metadata: { type: 'SP.TimeZoneInformation' }, ...zone.information } : { ...zone.information };
    const properties = { Description: zone.description, Id: zone.id, Information: information };
    return entity(shape, { type: 'SP.TimeZone', uri: `${this.webUrl}/_api/web/regionalsettings/timezone` }, selectProperties(properties, select));
  }

  private userEntity(shape: JsonShape, user: ISiteUser, select: string | null): Record<string, unknown> {
    const properties = { Id: user.id, Title: user.title, Email: user.email, LoginName: user.loginName, UserPrincipalName: user.email, IsSiteAdmin: user.level === 'full', PrincipalType: 1 };
    return entity(shape, { type: 'SP.User', uri: `${this.webUrl}/_api/Web/GetUserById(${user.id})` }, selectProperties(properties, select));
  }

  private listEntity(shape: JsonShape, list: IListInfo, user: ISiteUser, select: string | null): Record<string, unknown> {
    const items = this.store.allItems(list.title);
    const library = this.libraryFiles.isLibrary(list);
    const properties = {
      Id: list.guid,
      Title: list.title,
      Description: list.description,
      BaseTemplate: library ? DOCUMENT_LIBRARY : CUSTOM_LIST,
      Created: list.created,
      EnableVersioning: list.enableVersioning,
      Hidden: false,
      ItemCount: library ? this.libraryFiles.count(list) : items.length,
      LastItemModifiedDate: items.reduce((latest, item) => (item.modified > latest ? item.modified : latest), list.created),
      ListItemEntityTypeFullName: itemTypeName(list),
      CurrentChangeToken: currentChangeToken(this.store, list, shape),
      EffectiveBasePermissions: { ...PERMISSION_MASKS[this.store.permissionLevel(user.id, list.title)] }
    };
    return entity(shape, { type: 'SP.List', uri: `${this.webUrl}/_api/Web/Lists(guid'${list.guid}')` }, selectProperties(properties, select));
  }

  private addList(request: IRestRequest, user: ISiteUser, shape: JsonShape): IRestResponse {
    this.require(user, 'edit');
    const body = parseJsonBody(request.body);
    if (typeof body.Title !== 'string') throw badRequest('A list needs a Title.');
    if (body.BaseTemplate !== undefined && body.BaseTemplate !== CUSTOM_LIST && body.BaseTemplate !== DOCUMENT_LIBRARY) throw badRequest('The emulator creates custom lists (BaseTemplate 100) and document libraries (101) only.');
    const list = this.store.createList(body.Title, { description: typeof body.Description === 'string' ? body.Description : '', enableVersioning: body.EnableVersioning === true });
    if (body.BaseTemplate === DOCUMENT_LIBRARY) this.libraryFiles.markLibrary(list);
    return this.json(shape, 201, entityBody(shape, this.listEntity(shape, list, user, null)));
  }

  private routeList(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, rest: string): IRestResponse {
    const select = request.url.searchParams.get('$select');
    this.require(user, 'read', list.title);
    const lower = rest.toLowerCase();
    if (lower === '') {
      if (method === 'GET') return this.json(shape, 200, entityBody(shape, this.listEntity(shape, list, user, select), metadataUrl(this.webUrl, 'SP.ApiData.Lists', true, select)));
      if (method === 'MERGE') {
        this.require(user, 'edit', list.title);
        const body = parseJsonBody(request.body);
        this.store.updateList(list.title, {
          title: typeof body.Title === 'string' ? body.Title : undefined,
          description: typeof body.Description === 'string' ? body.Description : undefined,
          enableVersioning: typeof body.EnableVersioning === 'boolean' ? body.EnableVersioning : undefined
        });
        return this.noContent();
      }
    }
    if (lower === 'effectivebasepermissions' && method === 'GET') {
      return this.json(shape, 200, entityBody(shape, { ...PERMISSION_MASKS[this.store.permissionLevel(user.id, list.title)] }));
    }
    if (lower === 'getchanges' && method === 'POST') {
      return this.json(shape, 200, collectionBody(shape, listChanges(this.store, list, parseJsonBody(request.body), shape, this.webUrl), undefined, metadataUrl(this.webUrl, 'Collection(SP.Change)', false)));
    }
    if (/^rootfolder(?:\/|$)/.test(lower) && this.libraryFiles.isLibrary(list)) {
      return this.routeFolder(method, request, user, shape, list, '', rest.slice('rootfolder'.length));
    }
    if (lower === 'fields' || lower === 'fields/addfield') {
      if (method === 'GET') return this.json(shape, 200, collectionBody(shape, this.store.fields(list.title).map((field) => this.fieldEntity(shape, list, field, select))));
      if (method === 'POST') return this.addField(request, user, shape, list, lower === 'fields/addfield');
    }
    let match = /^fields\/(?:getbyinternalnameortitle|getbytitle)\(('(?:[^']|'')*')\)$/i.exec(rest);
    if (match) {
      const field = this.store.fieldByNameOrTitle(list.title, unquote(match[1]));
      if (method === 'GET') return this.json(shape, 200, entityBody(shape, this.fieldEntity(shape, list, field, select)));
      if (method === 'MERGE') {
        this.require(user, 'edit', list.title);
        this.store.updateField(list.title, field.internalName, fieldChanges(field, parseJsonBody(request.body), /odata=verbose/i.test(request.headers['content-type'] ?? '')));
        return this.noContent();
      }
    }
    if (lower === 'views') {
      if (method === 'GET') return this.json(shape, 200, collectionBody(shape, this.store.views(list.title).map((view) => this.viewEntity(shape, list, view, select))));
      if (method === 'POST') {
        this.require(user, 'edit', list.title);
        const body = parseJsonBody(request.body);
        if (typeof body.Title !== 'string' || !body.Title.trim()) throw badRequest('A view needs a Title.');
        const view = this.store.saveView(list.title, {
          title: body.Title,
          defaultView: body.SetAsDefaultView === true,
          viewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : '',
          rowLimit: typeof body.RowLimit === 'number' ? body.RowLimit : 30,
          fields: ['LinkTitle']
        });
        return this.json(shape, 201, entityBody(shape, this.viewEntity(shape, list, view, null)));
      }
    }
    match = /^views\/getbytitle\(('(?:[^']|'')*')\)(?:\/(.*))?$/i.exec(rest);
    if (match) {
      return this.routeView(method, request, user, shape, list, this.store.getView(list.title, unquote(match[1])), match[2] ?? '');
    }
    if (lower === 'items') {
      if (method === 'GET') return this.getItems(request, shape, list);
      if (method === 'POST') {
        this.require(user, 'contribute', list.title);
        const item = this.store.addItem(list.title, prepareWrite(this.store, list.title, parseJsonBody(request.body)), user.id);
        const context = this.itemContext(shape, list);
        return this.json(shape, 201, entityBody(shape, itemSerializer(context, {})(item), itemsMetadata(context, true)), { ETag: itemEtag(item.version) });
      }
    }
    match = /^items(?:\((\d+)\)|\/getbyid\((\d+)\))(\/versions)?$/i.exec(rest);
    if (match) {
      return this.routeItem(method, request, user, shape, list, Number(match[1] ?? match[2]), match[3] !== undefined);
    }
    throw notFound(`${request.method} ${request.url.pathname}`);
  }

  /**
   * A library's folder (`path` from its root; '' is the root folder): the folder itself, its
   * files (list, add, one file) and its folders (list, add, one folder). `rest` follows the folder.
   */
  private routeFolder(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, path: string, rest: string): IRestResponse {
    const select = request.url.searchParams.get('$select');
    if (rest === '' && method === 'GET') {
      const folder = this.libraryFiles.findFolder(list, path);
      // A missing folder read for Exists alone answers Exists false; read for anything else, 404 (sp-dev-docs#7437).
      if (!folder && select?.trim().toLowerCase() === 'exists') return this.json(shape, 200, entityBody(shape, { Exists: false }));
      return this.json(shape, 200, entityBody(shape, this.folderEntity(shape, list, folder ?? this.libraryFiles.getFolder(list, path), select)));
    }
    if (rest.toLowerCase() === '/files' && method === 'GET') {
      this.libraryFiles.getFolder(list, path);
      return this.json(shape, 200, collectionBody(shape, this.libraryFiles.files(list, path).map((file) => this.fileEntity(shape, list, file, select))));
    }
    if (rest.toLowerCase() === '/folders' && method === 'GET') {
      this.libraryFiles.getFolder(list, path);
      return this.json(shape, 200, collectionBody(shape, this.libraryFiles.folders(list, path).map((folder) => this.folderEntity(shape, list, folder, select))));
    }
    const adding = /^\/(files|folders)\/addusingpath\(decodedurl=('(?:[^']|'')*')((?:,\w+=[^,)]*)*)\)$/i.exec(rest);
    if (adding && method === 'POST') {
      this.require(user, 'contribute', list.title);
      const overwrite = /,overwrite=true/i.test(adding[3]);
      const name = unquote(adding[2]);
      // A folder may be named by its server-relative URL as well as by its name in this folder.
      const root = `${this.libraryFiles.rootUrl(list)}/`;
      const target = name.toLowerCase().startsWith(root.toLowerCase()) ? name.slice(root.length) : joinPath(path, name);
      if (adding[1].toLowerCase() === 'folders') return this.json(shape, 200, entityBody(shape, this.folderEntity(shape, list, this.libraryFiles.addFolder(list, target, overwrite), null)));
      const file = this.libraryFiles.add(list, target, request.content ?? Buffer.from(request.body, 'utf8'), overwrite, user.id);
      return this.json(shape, 200, entityBody(shape, this.fileEntity(shape, list, file, null)));
    }
    const one = /^\/(files|folders)\(('(?:[^']|'')*')\)(.*)$/i.exec(rest);
    if (one && one[1].toLowerCase() === 'files') return this.routeFile(method, request, user, shape, list, joinPath(path, unquote(one[2])), one[3]);
    if (one) return this.routeFolder(method, request, user, shape, list, joinPath(path, unquote(one[2])), one[3]);
    throw notFound(`${request.method} ${request.url.pathname}`);
  }

  /**
   * One library file (`path` from the library's root): its properties, content, list item
   * and upload session (StartUpload, ContinueUpload, FinishUpload, CancelUpload), and deleting it.
   */
  private routeFile(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, path: string, rest: string): IRestResponse {
    const select = request.url.searchParams.get('$select');
    const lower = rest.toLowerCase();
    const content = (): Buffer => request.content ?? Buffer.from(request.body, 'utf8');
    if (lower === '' && method === 'GET') return this.json(shape, 200, entityBody(shape, this.fileEntity(shape, list, this.libraryFiles.get(list, path), select)));
    if (lower === '' && method === 'DELETE') {
      this.require(user, 'contribute', list.title);
      this.libraryFiles.delete(list, path);
      return this.noContent();
    }
    if (lower === '/$value' && method === 'GET') return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: this.libraryFiles.content(list, path) };
    if (lower === '/$value' && method === 'PUT') {
      this.require(user, 'contribute', list.title);
      this.libraryFiles.replace(list, path, content(), user.id);
      return this.noContent();
    }
    if (lower === '/listitemallfields' && method === 'GET') {
      const item = this.store.getItem(list.title, this.libraryFiles.itemIdOf(list, this.libraryFiles.get(list, path)));
      const context = this.itemContext(shape, list);
      return this.json(shape, 200, entityBody(shape, itemSerializer(context, { select: select ?? undefined })(item), itemsMetadata(context, true, select)), { ETag: itemEtag(item.version) });
    }
    const upload = /^\/(startupload|continueupload|finishupload|cancelupload)\(uploadid=guid'([0-9a-f-]{36})'(?:,fileoffset=(\d+))?\)$/i.exec(rest);
    if (upload && method === 'POST') {
      this.require(user, 'contribute', list.title);
      const [, step, uploadId, offset] = upload;
      switch (step.toLowerCase()) {
        case 'startupload':
          return this.json(shape, 200, this.int64Body(shape, 'StartUpload', this.libraryFiles.startUpload(list, path, uploadId, content())));
        case 'continueupload':
          return this.json(shape, 200, this.int64Body(shape, 'ContinueUpload', this.libraryFiles.continueUpload(list, path, uploadId, Number(offset), content())));
        case 'finishupload':
          return this.json(shape, 200, entityBody(shape, this.fileEntity(shape, list, this.libraryFiles.finishUpload(list, path, uploadId, Number(offset), content(), user.id), null)));
        default:
          this.libraryFiles.cancelUpload(list, path, uploadId);
          return this.noContent();
      }
    }
    throw notFound(`${request.method} ${request.url.pathname}`);
  }

  /**
   * An Edm.Int64 result (an upload's offset), written as a string as SharePoint writes 64-bit
   * numbers in JSON (the verbose body names the method, `{"d":{"StartUpload":"10485760"}}`).
   */
  private int64Body(shape: JsonShape, method: string, value: number): Record<string, unknown> {
    if (shape === 'verbose') return { d: { [method]: String(value) } };
    return shape === 'minimal' ? { 'odata.metadata': `${this.webUrl}/_api/$metadata#Edm.Int64`, value: String(value) } : { value: String(value) };
  }

  /** A library file or folder named by its server-relative URL (`GetFileByServerRelativePath`, `GetFolderByServerRelativePath`). */
  private routeByServerRelativeUrl(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, kind: 'file' | 'folder', url: string, rest: string): IRestResponse {
    const relative = url.replace(/\/$/, '');
    if (!relative.toLowerCase().startsWith(`${this.sitePath.toLowerCase()}/`)) throw fileNotFound();
    const inSite = relative.slice(this.sitePath.length + 1);
    const slash = inSite.indexOf('/');
    const list = this.store.findList(slash < 0 ? inSite : inSite.slice(0, slash));
    if (!list || !this.libraryFiles.isLibrary(list)) throw fileNotFound();
    this.require(user, 'read', list.title);
    const path = slash < 0 ? '' : inSite.slice(slash + 1);
    return kind === 'file' ? this.routeFile(method, request, user, shape, list, path, rest) : this.routeFolder(method, request, user, shape, list, path, rest);
  }

  private fileEntity(shape: JsonShape, list: IListInfo, file: IStoredFile, select: string | null): Record<string, unknown> {
    const serverRelativeUrl = this.libraryFiles.serverRelativeUrl(list, file.path);
    const properties = {
      Name: file.name,
      ServerRelativeUrl: serverRelativeUrl,
      Length: String(file.size),
      TimeCreated: file.created,
      TimeLastModified: file.modified,
      UIVersionLabel: `${file.version}.0`,
      MajorVersion: file.version,
      MinorVersion: 0,
      UniqueId: file.uniqueId,
      ETag: `"{${file.uniqueId.toUpperCase()}},${file.version}"`,
      Exists: true,
      CheckOutType: 2
    };
    return entity(shape, { type: 'SP.File', uri: `${this.webUrl}/_api/Web/GetFileByServerRelativePath(decodedurl='${serverRelativeUrl.replace(/'/g, "''")}')` }, selectProperties(properties, select));
  }

  private folderEntity(shape: JsonShape, list: IListInfo, folder: IStoredFolder, select: string | null): Record<string, unknown> {
    const serverRelativeUrl = this.libraryFiles.serverRelativeUrl(list, folder.path);
    const properties = {
      Name: folder.name,
      ServerRelativeUrl: serverRelativeUrl,
      Exists: true,
      ItemCount: this.libraryFiles.files(list, folder.path).length + this.libraryFiles.folders(list, folder.path).length,
      TimeCreated: folder.created,
      UniqueId: folder.uniqueId
    };
    return entity(shape, { type: 'SP.Folder', uri: `${this.webUrl}/_api/Web/GetFolderByServerRelativePath(decodedurl='${serverRelativeUrl.replace(/'/g, "''")}')` }, selectProperties(properties, select));
  }

  /**
   * A library file opened by its address (`/sites/send/<library>/<folder>/<name>`), as the
   * browser downloads it, its bytes exactly as stored. SharePoint Online serves HTML in
   * libraries as an attachment (strict browser file handling), so it is never run as a page
   * of the site; every file is served so here.
   */
  public download(pathname: string, user: ISiteUser | undefined): IRestResponse {
    return this.answering('minimal', () => {
      const caller = this.authenticate(user, false, undefined);
      const path = decodeURIComponent(pathname).slice(this.sitePath.length + 1);
      const slash = path.indexOf('/');
      const list = slash > 0 ? this.store.findList(path.slice(0, slash)) : undefined;
      if (!list || !this.libraryFiles.isLibrary(list)) throw fileNotFound();
      this.require(caller, 'read', list.title);
      const file = this.libraryFiles.get(list, path.slice(slash + 1));
      return { status: 200, headers: { 'Content-Type': contentTypeOf(file.name), 'Content-Disposition': attachment(file.name) }, body: this.libraryFiles.content(list, file.path) };
    });
  }

  private itemContext(shape: JsonShape, list: IListInfo): IItemContext {
    return { store: this.store, list, shape, webUrl: this.webUrl };
  }

  private getItems(request: IRestRequest, shape: JsonShape, list: IListInfo): IRestResponse {
    const params = request.url.searchParams;
    const query = {
      select: params.get('$select') ?? undefined,
      filter: params.get('$filter') ?? undefined,
      expand: params.get('$expand') ?? undefined,
      orderby: params.get('$orderby') ?? undefined,
      top: params.get('$top') ?? undefined,
      skiptoken: params.get('$skiptoken') ?? undefined
    };
    const context = this.itemContext(shape, list);
    const serialise = itemSerializer(context, query);
    const page = queryItems(this.store, list.title, query);
    let nextLink: string | undefined;
    if (page.nextSkiptoken) {
      const next = new URL(request.url.toString());
      next.searchParams.set('$skiptoken', page.nextSkiptoken);
      nextLink = `${this.webUrl}${next.pathname.slice(this.sitePath.length)}${next.search}`;
    }
    return this.json(shape, 200, collectionBody(shape, page.items.map(serialise), nextLink, itemsMetadata(context, false, query.select)));
  }

  private routeItem(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, id: number, versions: boolean): IRestResponse {
    const context = this.itemContext(shape, list);
    if (versions && method === 'GET') {
      const current = this.store.getItem(list.title, id);
      const fields = this.store.fields(list.title).filter((field) => field.kind !== 'User' && field.kind !== 'Lookup' && field.kind !== 'Counter');
      const values = this.store.versions(list.title, id).map((version) => {
        const editor = this.store.findUser(version.editorId);
        const properties: Record<string, unknown> = {
          VersionId: version.version * 512,
          VersionLabel: `${version.version}.0`,
          IsCurrentVersion: version.version === current.version,
          Created: version.modified,
          Editor: { LookupId: version.editorId, LookupValue: editor?.title ?? '', Email: editor?.email ?? '' }
        };
        for (const field of fields) {
          if (version.values[field.internalName] !== undefined) properties[field.internalName] = version.values[field.internalName];
        }
        return entity(shape, { type: 'SP.ListItemVersion', uri: `${itemUri(context, id)}/versions(${version.version * 512})` }, properties);
      });
      return this.json(shape, 200, collectionBody(shape, values));
    }
    if (versions) throw notFound(request.url.pathname);
    const ifMatch = request.headers['if-match'];
    switch (method) {
      case 'GET': {
        const item = this.store.getItem(list.title, id);
        const select = request.url.searchParams.get('$select');
        const serialise = itemSerializer(context, { select: select ?? undefined, expand: request.url.searchParams.get('$expand') ?? undefined });
        return this.json(shape, 200, entityBody(shape, serialise(item), itemsMetadata(context, true, select)), { ETag: itemEtag(item.version) });
      }
      case 'MERGE':
      case 'PATCH': {
        this.require(user, 'contribute', list.title);
        // A MERGE without If-Match is answered 412, as a stale one is (recorded responses; sharepoint-evidence.md).
        const item = this.store.updateItem(list.title, id, prepareWrite(this.store, list.title, parseJsonBody(request.body)), ifMatch ?? '', user.id);
        return this.noContent({ ETag: itemEtag(item.version) });
      }
      case 'DELETE':
        this.require(user, 'contribute', list.title);
        this.store.deleteItem(list.title, id, ifMatch);
        return this.noContent();
      default:
        throw notFound(`${method} ${request.url.pathname}`);
    }
  }

  private fieldEntity(shape: JsonShape, list: IListInfo, field: IFieldDefinition, select: string | null): Record<string, unknown> {
    const lookup = field.kind === 'Lookup' ? this.store.findList(field.lookupList as string) : undefined;
    const properties: Record<string, unknown> = {
      Id: stableGuid(list.guid, field.internalName),
      InternalName: field.internalName,
      StaticName: field.internalName,
      EntityPropertyName: field.internalName,
      Title: field.title,
      Description: field.description ?? '',
      FieldTypeKind: FIELD_KIND_NUMBERS[field.kind],
      TypeAsString: field.kind,
      Indexed: field.indexed,
      Required: field.required,
      Hidden: false,
      ReadOnlyField: SYSTEM_FIELD_NAMES.indexOf(field.internalName) >= 0,
      CustomFormatter: field.formatter ?? null,
      Choices: field.kind === 'Choice' ? multiValue(shape, field.choices ?? []) : undefined,
      LookupList: lookup ? `{${lookup.guid}}` : undefined,
      LookupField: field.kind === 'Lookup' ? 'Title' : undefined,
      DisplayFormat: field.kind === 'DateTime' ? (field.dateOnly ? DATE_ONLY : DATE_AND_TIME) : undefined
    };
    for (const key of Object.keys(properties)) if (properties[key] === undefined) delete properties[key];
    return entity(shape, { type: FIELD_TYPE_NAMES[field.kind], uri: `${this.webUrl}/_api/Web/Lists(guid'${list.guid}')/Fields(guid'${properties.Id}')` }, selectProperties(properties, select));
  }

  private addField(request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, viaAddField: boolean): IRestResponse {
    this.require(user, 'edit', list.title);
    const raw = parseJsonBody(request.body);
    const body = (viaAddField ? raw.parameters : raw) as Record<string, unknown> | undefined;
    if (!body || typeof body.Title !== 'string' || !body.Title.trim()) throw badRequest('A field needs a Title.');
    const kind = FIELD_KINDS[Number(body.FieldTypeKind)];
    if (!kind || kind === 'Counter') throw badRequest(`FieldTypeKind ${String(body.FieldTypeKind)} is not a field type this emulator supports.`);
    // The store refuses a lookup whose target list does not exist.
    const lookupList = kind === 'Lookup' && typeof body.LookupListId === 'string' ? this.store.findList(body.LookupListId.replace(/[{}]/g, ''))?.guid : undefined;
    const choices = body.Choices as { results?: unknown } | unknown[] | undefined;
    const choiceList = Array.isArray(choices) ? choices : choices && Array.isArray(choices.results) ? choices.results : undefined;
    // SP.FieldDateTime's DisplayFormat: 0 date only, 1 date and time, SharePoint's default when none is sent.
    if (kind === 'DateTime' && body.DisplayFormat !== undefined && body.DisplayFormat !== DATE_ONLY && body.DisplayFormat !== DATE_AND_TIME) {
      throw badRequest(`The DisplayFormat ${String(body.DisplayFormat)} is not a DateTimeFieldFormatType (0 DateOnly, 1 DateTime).`);
    }
    const field = this.store.addField(list.title, {
      internalName: internalNameFor(body.Title),
      title: body.Title,
      kind,
      indexed: body.Indexed === true,
      required: body.Required === true,
      choices: choiceList?.map(String),
      lookupList,
      description: typeof body.Description === 'string' ? body.Description : undefined,
      dateOnly: kind === 'DateTime' ? body.DisplayFormat === DATE_ONLY : undefined
    });
    return this.json(shape, 201, entityBody(shape, this.fieldEntity(shape, list, field, null)));
  }

  private viewEntity(shape: JsonShape, list: IListInfo, view: IViewDefinition, select: string | null): Record<string, unknown> {
    const properties = { Id: view.guid, Title: view.title, DefaultView: view.defaultView, PersonalView: false, ViewQuery: view.viewQuery, RowLimit: view.rowLimit, ServerRelativeUrl: `${this.sitePath}/Lists/${list.title.replace(/ /g, '')}/${view.title.replace(/ /g, '')}.aspx` };
    return entity(shape, { type: 'SP.View', uri: `${this.webUrl}/_api/Web/Lists(guid'${list.guid}')/Views(guid'${view.guid}')` }, selectProperties(properties, select));
  }

  private routeView(method: string, request: IRestRequest, user: ISiteUser, shape: JsonShape, list: IListInfo, view: IViewDefinition, path: string): IRestResponse {
    const rest = path.toLowerCase();
    if (rest === '') {
      if (method === 'GET') return this.json(shape, 200, entityBody(shape, this.viewEntity(shape, list, view, request.url.searchParams.get('$select'))));
      if (method === 'MERGE') {
        this.require(user, 'edit', list.title);
        const body = parseJsonBody(request.body);
        this.store.saveView(list.title, {
          ...view,
          title: typeof body.Title === 'string' ? body.Title : view.title,
          viewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : view.viewQuery,
          rowLimit: typeof body.RowLimit === 'number' ? body.RowLimit : view.rowLimit,
          defaultView: typeof body.DefaultView === 'boolean' ? body.DefaultView : view.defaultView
        });
        return this.noContent();
      }
    }
    if (rest === 'viewfields' && method === 'GET') {
      return this.json(shape, 200, entityBody(shape, entity(shape, { type: 'SP.ViewFieldCollection', uri: `${this.webUrl}/_api/Web/Lists(guid'${list.guid}')/Views(guid'${view.guid}')/ViewFields` }, { Items: multiValue(shape, view.fields), SchemaXml: view.fields.map((name) => `<FieldRef Name="${name}" />`).join('') })));
    }
    if (method === 'POST' && (rest === 'viewfields/removeallviewfields' || rest.startsWith('viewfields/addviewfield('))) {
      this.require(user, 'edit', list.title);
      const added = /^viewfields\/addviewfield\(('(?:[^']|'')*')\)$/i.exec(path);
      let fields: string[] = [];
      if (added) {
        const name = unquote(added[1]);
        // LinkTitle is the Title with its item menu: a view field, not a column.
        const internalName = /^linktitle$/i.test(name) ? 'LinkTitle' : this.store.fieldByNameOrTitle(list.title, name).internalName;
        fields = [...view.fields.filter((existing) => existing !== internalName), internalName];
      }
      this.store.saveView(list.title, { ...view, fields });
      return this.noContent();
    }
    throw notFound(`${request.method} ${request.url.pathname}`);
  }
}
