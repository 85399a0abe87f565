import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { writeInBatches } from './importBatches';
import { IImportedKpi, IKpiFields, importedKpiFields, kpiFieldsDiffer, matchKpis, measurementChanges } from '../model/import/kpiSheet';
import { IsoDate, todayIso } from '../model/isoDate';
import { IKpi, IMeasurement } from '../model/kpi';
import { isDataError, requireEtag } from './errors';
import { readPlanLists } from './idRanges';
import { IKpiImportResult, IKpiImportService } from './IKpiImportService';
import { ListItem, Warnings, mapKpi, readEtag, readSharePointDate, seriesByKpi, writeLatestMeasurements, writeMilestones, writeSharePointDate } from './mappers';
import { MEASUREMENTS } from './planColumns';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, PLAN_FIELDS } from './schema';


/** The KPI list's columns the import compares and writes, with the plan and priority lookups. */
const KPI_SELECT: string[] = ['Id', 'Title', `${KPI_FIELDS.plan}Id`, `${KPI_FIELDS.priority}Id`, ...Object.values(KPI_FIELDS).filter((field) => field !== KPI_FIELDS.plan && field !== KPI_FIELDS.priority)];

/** The KPI item's fields for what the import leaves; blanks are written as blanks (the model kept the plan's value where the sheet had none). */
function kpiItem(fields: IKpiFields): ListItem {
  return {
    Title: fields.title,
    [KPI_FIELDS.ref]: fields.ref,
    [KPI_FIELDS.unit]: fields.unit,
    [KPI_FIELDS.direction]: fields.direction,
    // eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
    [KPI_FIELDS.baselineValue]: fields.baselineValue ?? null,
    [KPI_FIELDS.baselineDate]: writeSharePointDate(fields.baselineDate),
    [KPI_FIELDS.baselineText]: fields.baselineText ?? '',
    [KPI_FIELDS.milestones]: writeMilestones(fields.milestones),
    [KPI_FIELDS.progressNote]: fields.progressNote ?? '',
    [KPI_FIELDS.progressNoteDate]: writeSharePointDate(fields.progressNoteDate),
    [KPI_FIELDS.actionRefs]: fields.actionRefs ?? ''
  };
}

function measurementItem(kpiId: number, measurement: IMeasurement): ListItem {
  return {
    [MEASUREMENT_FIELDS.kpiItemId]: kpiId,
    [MEASUREMENT_FIELDS.periodEnd]: writeSharePointDate(measurement.periodEnd),
    [MEASUREMENT_FIELDS.value]: measurement.value,
    [MEASUREMENT_FIELDS.note]: measurement.note ?? ''
  };
}

/** How a KPI is named in the conflicts list. */
function kpiLabel(kpi: IImportedKpi): string {
  return kpi.ref || kpi.name;
}

/** A measurement write: a new period, or a changed value sent with the item's ETag. */
type MeasurementWrite = { kpiId: number; label: string; next: IMeasurement; current?: IMeasurement };

/** A KPI's latest measurements to keep on its item after the import: its series as written, and the ETag to write them with. */
type LatestWrite = { kpiId: number; label: string; latest: string; etag: string | undefined };

/** The KPI import writer over SharePoint lists with PnPjs. */
export class SharePointKpiImportService implements IKpiImportService {
  public constructor(private readonly sp: SPFI) {}

  /**
   * @param importDate - the day of the import (the page's today), the date of a new or changed progress note the file does not date
   */
  public async importKpis(planId: number, kpis: readonly IImportedKpi[], onProgress: (written: number, total: number) => void = () => undefined, importDate: IsoDate = todayIso()): Promise<IKpiImportResult> {
    const { existing, planStart, keptLatest } = await this.readPlanKpis(planId);
    const matches = matchKpis(kpis, existing);
    const planned = kpis.map((kpi, index) => {
      const current = matches[index];
      const fields = importedKpiFields(kpi, current, planStart, importDate);
      return { kpi, current, fields, measured: measurementChanges(kpi.measurements, current?.measurements ?? []), writeFields: !current || kpiFieldsDiffer(fields, current) };
    });
    const total = planned.reduce((sum, entry) => sum + (entry.writeFields ? 1 : 0) + entry.measured.add.length + entry.measured.update.length, 0);
    let written = 0;
    const progressed = (count: number): void => {
      written += count;
      onProgress(written, total);
    };
    const result: IKpiImportResult = { createdKpis: 0, updatedKpis: 0, unchangedKpis: 0, addedMeasurements: 0, updatedMeasurements: 0, conflicts: [] };

    // The KPIs first: a new KPI's measurements need its id, and a KPI in conflict keeps its measurements as they are.
    const toWrite = planned.filter((entry) => entry.writeFields);
    const kpiIds = await writeInBatches(
      this.sp,
      toWrite,
      async (batched, { kpi, current, fields }) => {
        const list = batched.web.lists.getByTitle(LIST_TITLES.kpis).items;
        if (!current) {
          const added = (await list.add({ ...kpiItem(fields), [`${KPI_FIELDS.plan}Id`]: planId })) as ListItem;
          return { id: added.Id as number, etag: readEtag(added) };
        }
        try {
          const result = await list.getById(current.id).update(kpiItem(fields), requireEtag(current.etag, `KPI ${kpiLabel(kpi)}`));
          return { id: current.id, etag: (result as { etag: string }).etag };
        } catch (error) {
          if (isDataError(error, 'conflict')) return undefined;
          throw error;
        }
      },
      progressed,
      ({ kpi }) => ({ row: kpi.row, ref: kpiLabel(kpi) })
    );
    const idOf = new Map<IImportedKpi, number>();
    const etagOf = new Map<number, string | undefined>(existing.map((kpi) => [kpi.id, kpi.etag]));
    const conflicted = new Set<IImportedKpi>();
    toWrite.forEach((entry, index) => {
      const written = kpiIds[index];
      if (written !== undefined) {
        idOf.set(entry.kpi, written.id);
        etagOf.set(written.id, written.etag);
      }
      else {
        conflicted.add(entry.kpi);
        result.conflicts.push(kpiLabel(entry.kpi));
      }
    });

    const measurementWrites: MeasurementWrite[] = [];
    for (const { kpi, current, measured } of planned) {
      const kpiId = conflicted.has(kpi) ? undefined : idOf.get(kpi) ?? current?.id;
      if (kpiId === undefined) continue;
      for (const next of measured.add) measurementWrites.push({ kpiId, label: kpiLabel(kpi), next });
      for (const change of measured.update) measurementWrites.push({ kpiId, label: kpiLabel(kpi), next: change.next, current: change.current });
    }
    const measurementOutcomes = await writeInBatches(
      this.sp,
      measurementWrites,
      async (batched, { kpiId, label, next, current }) => {
        const list = batched.web.lists.getByTitle(LIST_TITLES.kpiMeasurements).items;
        if (!current) {
          await list.add({ Title: next.periodEnd, [`${MEASUREMENT_FIELDS.plan}Id`]: planId, [`${MEASUREMENT_FIELDS.kpi}Id`]: kpiId, ...measurementItem(kpiId, next) });
          return 'added' as const;
        }
        try {
          await list.getById(current.id as number).update(measurementItem(kpiId, next), requireEtag(current.etag, `measurement ${label} ${current.periodEnd}`));
          return 'updated' as const;
        } catch (error) {
          if (isDataError(error, 'conflict')) return 'conflict' as const;
          throw error;
        }
      },
      progressed,
      ({ label, next }) => ({ row: 0, ref: `${label} ${next.periodEnd}` })
    );
    const changedKpis = new Set<number>(idOf.values());
    measurementOutcomes.forEach((outcome, index) => {
      const write = measurementWrites[index];
      if (outcome === 'conflict') result.conflicts.push(`${write.label} ${write.next.periodEnd}`);
      else changedKpis.add(write.kpiId);
      if (outcome === 'added') result.addedMeasurements += 1;
      if (outcome === 'updated') result.updatedMeasurements += 1;
    });

    await this.writeLatest(planned, measurementWrites, measurementOutcomes, { idOf, etagOf, conflicted, keptLatest }, result);

    for (const { kpi, current } of planned) {
      if (!current) {
        if (idOf.has(kpi)) result.createdKpis += 1;
      } else if (changedKpis.has(current.id)) {
        result.updatedKpis += 1;
      } else if (!conflicted.has(kpi)) {
        result.unchangedKpis += 1;
      }
    }
    return result;
  }

  /**
   * Keeps each KPI's latest two measurements on its item, as the series stands after the
   * import (its measurements as read, with the writes that landed), with the KPI's ETag:
   * only where they differ from what the item keeps. A KPI someone else changed meanwhile
   * is listed as a conflict.
   */
  private async writeLatest(
    planned: ReadonlyArray<{ kpi: IImportedKpi; current?: IKpi }>,
    writes: readonly MeasurementWrite[],
    outcomes: ReadonlyArray<'added' | 'updated' | 'conflict'>,
    written: { idOf: Map<IImportedKpi, number>; etagOf: Map<number, string | undefined>; conflicted: Set<IImportedKpi>; keptLatest: Map<number, string> },
    result: IKpiImportResult
  ): Promise<void> {
    const landed = writes.filter((_, index) => outcomes[index] !== 'conflict');
    const latestWrites: LatestWrite[] = [];
    for (const { kpi, current } of planned) {
      const kpiId = written.conflicted.has(kpi) ? undefined : written.idOf.get(kpi) ?? current?.id;
      if (kpiId === undefined) continue;
      const mine = landed.filter((write) => write.kpiId === kpiId).map((write) => write.next);
      const series = (current?.measurements ?? []).filter((measurement) => !mine.some((next) => next.periodEnd === measurement.periodEnd)).concat(mine);
      const latest = writeLatestMeasurements(series);
      if (written.keptLatest.get(kpiId) !== latest) latestWrites.push({ kpiId, label: kpiLabel(kpi), latest, etag: written.etagOf.get(kpiId) });
    }
    const outcomesOfLatest = await writeInBatches(
      this.sp,
      latestWrites,
      async (batched, { kpiId, label, latest, etag }) => {
        try {
          await batched.web.lists.getByTitle(LIST_TITLES.kpis).items.getById(kpiId).update({ [KPI_FIELDS.latestMeasurements]: latest }, requireEtag(etag, `KPI ${label}`));
          return true;
        } catch (error) {
          if (isDataError(error, 'conflict')) return false;
          throw error;
        }
      },
      () => undefined,
      ({ label }) => ({ row: 0, ref: label })
    );
    outcomesOfLatest.forEach((landedLatest, index) => {
      if (!landedLatest) result.conflicts.push(latestWrites[index].label);
    });
  }

  /** The plan's KPIs with their measurements and ETags, as they are now, the latest measurements each item keeps, and the plan's start date. */
  private async readPlanKpis(planId: number): Promise<{ existing: IKpi[]; planStart: IsoDate | undefined; keptLatest: Map<number, string> }> {
    const { rows, alongside } = await readPlanLists(
      this.sp,
      planId,
      {
        kpis: { title: LIST_TITLES.kpis, columns: (items) => items.select(...KPI_SELECT) },
        measurements: MEASUREMENTS
      },
      (batched) => batched.web.lists.getByTitle(LIST_TITLES.plans).items.getById(planId).select('Id', PLAN_FIELDS.startDate)() as Promise<ListItem>
    );
    // What the views would warn about (a blank period, unreadable milestones) the import leaves as it finds it.
    const ignored: Warnings = [];
    const measured = seriesByKpi(rows.measurements, ignored);
    return {
      existing: rows.kpis.map((item) => mapKpi(item, measured.get(item.Id as number) ?? [], ignored)),
      keptLatest: new Map(rows.kpis.map((item) => [item.Id as number, String(item[KPI_FIELDS.latestMeasurements] ?? '')])),
      planStart: readSharePointDate((await alongside)[PLAN_FIELDS.startDate])
    };
  }
}
