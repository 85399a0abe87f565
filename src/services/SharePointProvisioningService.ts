import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { PlanDataError } from './errors';
import { IProvisioningReport, IProvisioningService } from './IProvisioningService';
import { LIBRARY_DEFINITIONS } from './libraryDefinitions';
import { fillKpiLatest } from './kpiLatest';
import { fillLogActionIds } from './logActionIds';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, UPDATE_FIELDS } from './schema';
import { ColumnType, IColumnDefinition, IListDefinition, LIST_DEFINITIONS } from './listDefinitions';

/** SharePoint's FieldTypeKind for each column type. */
const FIELD_TYPE_KIND: Readonly<Record<ColumnType, number>> = { Text: 2, Note: 3, DateTime: 4, Choice: 6, Lookup: 7, Boolean: 8, Number: 9, URL: 11, User: 20 };
/**
 * Each column type's SP.Field type, given to `field.update`. PnPjs v4 does not put it in the
 * body (it only spares a read of the field's type), so SharePoint reads every column change
 * as SP.Field: the changes sent are SP.Field properties only (Title, Description, Indexed,
 * CustomFormatter); a type-specific one such as Choices would answer 400 (pnp/pnpcore#1644).
 */
const FIELD_TYPE_NAME: Readonly<Record<ColumnType, string>> = {
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  DateTime: 'SP.FieldDateTime',
  Choice: 'SP.FieldChoice',
  Lookup: 'SP.FieldLookup',
  Boolean: 'SP.Field',
  Number: 'SP.FieldNumber',
  URL: 'SP.FieldUrl',
  User: 'SP.FieldUser'
};

/**
 * SP.FieldDateTime's DisplayFormat for a date without a time (DateTimeFieldFormatType.DateOnly;
 * 1 is DateTime, SharePoint's default). Sent when a column is made: fields.add puts the
 * column's own type (SP.FieldDateTime) in the body's __metadata, so SharePoint accepts it.
 */
const DATE_ONLY_FORMAT = 0;

/** SharePoint's list template for a document library. */
const DOCUMENT_LIBRARY = 101;

/** What provisioning reads of each existing column. */
const FIELD_COLUMNS = ['InternalName', 'Title', 'FieldTypeKind', 'Indexed', 'CustomFormatter'];

interface IExistingField {
  InternalName: string;
  Title: string;
  FieldTypeKind: number;
  Indexed: boolean;
  /** Empty or absent when the column has no formatting. */
  CustomFormatter?: string;
}

/** A read that may find nothing yet: a 404 (no such list) is `undefined`, anything else fails. */
function absentIfNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  return read.catch((error: unknown) => {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  });
}

/** Whether a column's formatting is one of `formats` (compared as JSON: SharePoint may store it spaced differently). */
function sameFormat(stored: string, formats: readonly string[] | undefined): boolean {
  const normalised = (text: string): string => {
    try {
      return JSON.stringify(JSON.parse(text));
    } catch {
      return text;
    }
  };
  return (formats ?? []).some((format) => normalised(format) === normalised(stored));
}

function emptyReport(): IProvisioningReport {
  return { createdLists: [], addedColumns: [], updatedColumns: [], addedViews: [], problems: [] };
}

/**
 * Provisioning with PnPjs: reads what exists in one batch, then adds only what is
 * missing. Columns are created under their internal name and then given their
 * heading, so internal names never carry encoded spaces.
 */
export class SharePointProvisioningService implements IProvisioningService {
  /** @param sp - the host's single PnPjs instance */
  public constructor(private readonly sp: SPFI) {}

  public async canProvision(): Promise<boolean> {
    return await this.sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  }

  public async ensureLists(): Promise<IProvisioningReport> {
    if (!(await this.canProvision())) {
      throw new PlanDataError('forbidden', 'ensureLists: needs Edit or Full Control (ManageLists) on this site', 403);
    }
    const report = emptyReport();
    const existing = await this.readExisting();
    const listIds = new Map<string, string>();
    for (const definition of LIST_DEFINITIONS) {
      const found = existing.get(definition.title);
      listIds.set(definition.title, found ? found.id : await this.createList(definition, report));
      await this.ensureColumns(definition, found?.fields ?? (await this.readFields(definition.title)), listIds, report);
      await this.ensureViews(definition, found?.views ?? [], report);
    }
    for (const library of LIBRARY_DEFINITIONS) {
      const found = existing.get(library.title);
      if (!found) {
        // Versioned, so a file saved over by hand keeps the version first stored.
        await this.sp.web.lists.add(library.title, library.description, DOCUMENT_LIBRARY, false, { EnableVersioning: true });
        report.createdLists.push(library.title);
      }
      if (library.columns.length > 0) {
        await this.ensureColumns({ title: library.title, columns: library.columns }, found?.fields ?? (await this.readFields(library.title)), listIds, report);
      }
    }
    // Log entries written before the log had its action id column get it now, so every entry is found by it.
    const filled = await fillLogActionIds(this.sp);
    if (filled > 0) report.updatedColumns.push(`${LIST_TITLES.updates}: ${UPDATE_FIELDS.actionItemId} filled on ${filled} entries`);
    // Likewise measurements get their KPI id, and each KPI its latest two (a page shows the scorecard from them).
    const kpiFilled = await fillKpiLatest(this.sp);
    if (kpiFilled.measurements > 0) report.updatedColumns.push(`${LIST_TITLES.kpiMeasurements}: ${MEASUREMENT_FIELDS.kpiItemId} filled on ${kpiFilled.measurements} measurements`);
    if (kpiFilled.kpis > 0) report.updatedColumns.push(`${LIST_TITLES.kpis}: ${KPI_FIELDS.latestMeasurements} filled on ${kpiFilled.kpis} KPIs`);
    return report;
  }

  /** Every list, its columns and its views, in one $batch (a missing list is simply absent). */
  private async readExisting(): Promise<Map<string, { id: string; fields: IExistingField[]; views: string[] }>> {
    const [batched, execute] = this.sp.batched();
    const libraries = LIBRARY_DEFINITIONS.map((library) => {
      const list = batched.web.lists.getByTitle(library.title);
      // A library's columns are read only where it has columns of the product's own.
      return { title: library.title, list: absentIfNotFound(list.select('Id')()), fields: library.columns.length > 0 ? absentIfNotFound(list.fields.select(...FIELD_COLUMNS)()) : Promise.resolve([]) };
    });
    const reads = LIST_DEFINITIONS.map((definition) => {
      const list = batched.web.lists.getByTitle(definition.title);
      return {
        title: definition.title,
        list: absentIfNotFound(list.select('Id')()),
        fields: absentIfNotFound(list.fields.select(...FIELD_COLUMNS)()),
        views: absentIfNotFound(list.views.select('Title')())
      };
    });
    await execute();
    const existing = new Map<string, { id: string; fields: IExistingField[]; views: string[] }>();
    for (const read of reads) {
      const [list, fields, views] = await Promise.all([read.list, read.fields, read.views]);
      if (list && fields && views) {
        existing.set(read.title, { id: (list as { Id: string }).Id, fields: fields as unknown as IExistingField[], views: (views as Array<{ Title: string }>).map((view) => view.Title) });
      }
    }
    for (const library of libraries) {
      const [list, fields] = await Promise.all([library.list, library.fields]);
      if (list && fields) existing.set(library.title, { id: (list as { Id: string }).Id, fields: fields as unknown as IExistingField[], views: [] });
    }
    return existing;
  }

  private async readFields(title: string): Promise<IExistingField[]> {
    return (await this.sp.web.lists.getByTitle(title).fields.select(...FIELD_COLUMNS)()) as unknown as IExistingField[];
  }

  private async createList(definition: IListDefinition, report: IProvisioningReport): Promise<string> {
    const created = await this.sp.web.lists.add(definition.title, definition.description, 100, false, { EnableVersioning: true });
    await this.sp.web.lists.getByTitle(definition.title).fields.getByInternalNameOrTitle('Title').update({ Title: definition.titleHeading }, 'SP.FieldText');
    report.createdLists.push(definition.title);
    return (created as { Id: string }).Id;
  }

  private async addColumn(definition: Pick<IListDefinition, 'title'>, column: IColumnDefinition, listIds: Map<string, string>): Promise<void> {
    const fields = this.sp.web.lists.getByTitle(definition.title).fields;
    if (column.type === 'Lookup') {
      await fields.addLookup(column.name, { LookupListId: listIds.get(column.lookupList as string) as string, LookupFieldName: 'Title' });
    } else {
      // Choices travel in the verbose shape fields.add sends ({ results: [...] }).
      const extra =
        column.type === 'Choice'
          ? ({ Choices: { results: column.choices ?? [] } } as unknown as Record<string, never>)
          : column.type === 'DateTime'
            ? ({ DisplayFormat: DATE_ONLY_FORMAT } as unknown as Record<string, never>)
            : {};
      await fields.add(column.name, FIELD_TYPE_KIND[column.type], extra);
    }
  }

  private async ensureColumns(definition: Pick<IListDefinition, 'title' | 'columns' | 'indexedBuiltIns'>, existing: IExistingField[], listIds: Map<string, string>, report: IProvisioningReport): Promise<void> {
    const fields = this.sp.web.lists.getByTitle(definition.title).fields;
    const byName = new Map(existing.map((field) => [field.InternalName.toLowerCase(), field]));
    for (const column of definition.columns) {
      const found = byName.get(column.name.toLowerCase());
      if (found && found.FieldTypeKind !== FIELD_TYPE_KIND[column.type]) {
        report.problems.push({ code: 'columnWrongType', list: definition.title, column: column.name, expectedType: column.type });
        continue;
      }
      const changes: Record<string, unknown> = {};
      if (!found) {
        await this.addColumn(definition, column, listIds);
        report.addedColumns.push(`${definition.title}: ${column.name}`);
        changes.Title = column.title;
        if (column.description) changes.Description = column.description;
      }
      if (column.indexed && !found?.Indexed) changes.Indexed = true;
      if (column.formatter && (!found?.CustomFormatter || sameFormat(found.CustomFormatter, column.replacesFormatters))) changes.CustomFormatter = column.formatter;
      if (Object.keys(changes).length > 0) {
        await fields.getByInternalNameOrTitle(column.name).update(changes, FIELD_TYPE_NAME[column.type]);
        if (found) report.updatedColumns.push(`${definition.title}: ${column.name} ${Object.keys(changes).join(', ')}`);
      }
    }
    for (const name of definition.indexedBuiltIns ?? []) {
      if (!byName.get(name.toLowerCase())?.Indexed) {
        await fields.getByInternalNameOrTitle(name).update({ Indexed: true }, 'SP.FieldDateTime');
        report.updatedColumns.push(`${definition.title}: ${name} Indexed`);
      }
    }
  }

  private async ensureViews(definition: IListDefinition, existing: string[], report: IProvisioningReport): Promise<void> {
    const list = this.sp.web.lists.getByTitle(definition.title);
    for (const view of definition.views) {
      if (existing.some((title) => title.toLowerCase() === view.title.toLowerCase())) continue;
      await list.views.add(view.title, false, { ViewQuery: view.query, RowLimit: view.rowLimit, SetAsDefaultView: view.isDefault === true });
      const viewFields = list.views.getByTitle(view.title).fields;
      await viewFields.removeAll();
      for (const field of view.fields) {
        await viewFields.add(field);
      }
      report.addedViews.push(`${definition.title}: ${view.title}`);
    }
  }
}
