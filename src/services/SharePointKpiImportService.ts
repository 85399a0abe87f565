import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { writeInBatches } from './importBatches';
import { IImportedKpi, IKpiFields, importedKpiFields, kpiFieldsDiffer, matchKpis, measurementChanges } from '../model/import/kpiSheet';
import { IsoDate, todayIso } from '../model/isoDate';
import { IKpi, IMeasurement } from '../model/kpi';
import { requireEtag, toPlanDataError } from './errors';
import { readPlanLists } from './idRanges';
import { IKpiImportResult, IKpiImportService } from './IKpiImportService';
import { ListItem, mapKpi, mapMeasurement, readSharePointDate, writeMilestones, writeSharePointDate } from './mappers';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS, PLAN_FIELDS } from './schema';


/** The KPI list's columns the import compares and writes, with the plan and priority lookups. */
const KPI_SELECT: string[] = ['Id', 'Title', `${KPI_FIELDS.plan}Id`, `${KPI_FIELDS.priority}Id`, ...Object.values(KPI_FIELDS).filter((field) => field !== KPI_FIELDS.plan && field !== KPI_FIELDS.priority)];
const MEASUREMENT_SELECT: string[] = ['Id', `${MEASUREMENT_FIELDS.plan}Id`, `${MEASUREMENT_FIELDS.kpi}Id`, MEASUREMENT_FIELDS.periodEnd, MEASUREMENT_FIELDS.value, MEASUREMENT_FIELDS.note];

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

function measurementItem(measurement: IMeasurement): ListItem {
  return {
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

/** The KPI import writer over SharePoint lists with PnPjs. */
export class SharePointKpiImportService implements IKpiImportService {
  public constructor(private readonly sp: SPFI) {}

  /**
   * @param importDate - the day of the import (the page's today), the date of a new or changed progress note the file does not date
   */
  public async importKpis(planId: number, kpis: readonly IImportedKpi[], onProgress: (written: number, total: number) => void = () => undefined, importDate: IsoDate = todayIso()): Promise<IKpiImportResult> {
    try {
      const { existing, planStart } = await this.readPlanKpis(planId);
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
          if (!current) return ((await list.add({ ...kpiItem(fields), [`${KPI_FIELDS.plan}Id`]: planId })) as ListItem).Id as number;
          try {
            await list.getById(current.id).update(kpiItem(fields), requireEtag(current.etag, `KPI ${kpiLabel(kpi)}`));
            return current.id;
          } catch (error) {
            if (toPlanDataError(error).kind === 'conflict') return undefined;
            throw error;
          }
        },
        progressed,
        ({ kpi }) => ({ row: kpi.row, ref: kpiLabel(kpi) })
      );
      const idOf = new Map<IImportedKpi, number>();
      const conflicted = new Set<IImportedKpi>();
      toWrite.forEach((entry, index) => {
        const id = kpiIds[index];
        if (id !== undefined) idOf.set(entry.kpi, id);
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
            await list.add({ Title: next.periodEnd, [`${MEASUREMENT_FIELDS.plan}Id`]: planId, [`${MEASUREMENT_FIELDS.kpi}Id`]: kpiId, ...measurementItem(next) });
            return 'added' as const;
          }
          try {
            await list.getById(current.id as number).update(measurementItem(next), requireEtag(current.etag, `The ${label} measurement for ${current.periodEnd}`));
            return 'updated' as const;
          } catch (error) {
            if (toPlanDataError(error).kind === 'conflict') return 'conflict' as const;
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
    } catch (error) {
      throw toPlanDataError(error);
    }
  }

  /** The plan's KPIs with their measurements and ETags, as they are now, and the plan's start date. */
  private async readPlanKpis(planId: number): Promise<{ existing: IKpi[]; planStart: IsoDate | undefined }> {
    const { rows, alongside } = await readPlanLists(
      this.sp,
      planId,
      {
        kpis: { title: LIST_TITLES.kpis, columns: (items) => items.select(...KPI_SELECT) },
        measurements: { title: LIST_TITLES.kpiMeasurements, columns: (items) => items.select(...MEASUREMENT_SELECT) }
      },
      (batched) => batched.web.lists.getByTitle(LIST_TITLES.plans).items.getById(planId).select('Id', PLAN_FIELDS.startDate)() as Promise<ListItem>
    );
    // What the views would warn about (a blank period, unreadable milestones) the import leaves as it finds it.
    const ignored: string[] = [];
    const measured = new Map<number, IMeasurement[]>();
    for (const item of rows.measurements) {
      const read = mapMeasurement(item, ignored);
      if (read) measured.set(read.kpiId, (measured.get(read.kpiId) ?? []).concat(read.measurement));
    }
    return {
      existing: rows.kpis.map((item) => mapKpi(item, measured.get(item.Id as number) ?? [], ignored)),
      planStart: readSharePointDate((await alongside)[PLAN_FIELDS.startDate])
    };
  }
}
