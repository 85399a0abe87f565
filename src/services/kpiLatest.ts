/**
 * The KPI measurements' KpiItemId column and each KPI's latest measurements, filled in on
 * a site whose measurements were written before those columns existed (or typed into
 * the list by hand). A KPI's series is read by that number, since SharePoint never lets a
 * lookup keep a query under the 5,000-item threshold (SPFieldLookup.Indexed remarks); a
 * plan's views read the latest two from the KPI item instead of every measurement.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { requireEtag } from './errors';
import { BATCH_LIMIT, PAGE_SIZE } from './idRanges';
import { batchesOf } from './importBatches';
import { ListItem, readEtag, seriesByKpi, writeLatestMeasurements } from './mappers';
import { KPI_FIELDS, LIST_TITLES, MEASUREMENT_FIELDS } from './schema';

/** An item to write one column of, with its ETag. */
interface IFill {
  list: string;
  id: number;
  etag: string;
  fields: ListItem;
}

/** Every item of a list, in unfiltered pages of 5,000, which SharePoint answers on a list of any size. */
async function readAll(sp: SPFI, title: string, select: string[]): Promise<ListItem[]> {
  const items: ListItem[] = [];
  for await (const page of sp.web.lists.getByTitle(title).items.select(...select).top(PAGE_SIZE)) items.push(...(page as ListItem[]));
  return items;
}

/** Writes each fill with its item's ETag, in $batch requests within SharePoint's limits. */
async function writeFills(sp: SPFI, fills: readonly IFill[]): Promise<void> {
  for (const slice of batchesOf(fills, (fill) => fill.fields)) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH_LIMIT });
    const written = Promise.all(slice.map((fill) => batched.web.lists.getByTitle(fill.list).items.getById(fill.id).update(fill.fields, fill.etag)));
    // Handled here too, so a failed part is reported once, by the await below.
    written.catch(() => undefined);
    await execute();
    await written;
  }
}

/**
 * Writes each measurement's KPI id (from its Kpi lookup) to KpiItemId where it is blank,
 * and each KPI's latest two measurements where the item keeps other ones (or none), each
 * with its item's ETag. Running it again changes nothing.
 *
 * @returns how many measurements and KPIs it filled in
 */
export async function fillKpiLatest(sp: SPFI): Promise<{ measurements: number; kpis: number }> {
  const measurements = await readAll(sp, LIST_TITLES.kpiMeasurements, ['Id', `${MEASUREMENT_FIELDS.kpi}Id`, MEASUREMENT_FIELDS.kpiItemId, MEASUREMENT_FIELDS.periodEnd, MEASUREMENT_FIELDS.value]);
  const kpis = await readAll(sp, LIST_TITLES.kpis, ['Id', KPI_FIELDS.ref, KPI_FIELDS.latestMeasurements]);
  const idFills: IFill[] = [];
  for (const item of measurements) {
    const kpiId = item[`${MEASUREMENT_FIELDS.kpi}Id`];
    if (typeof kpiId === 'number' && item[MEASUREMENT_FIELDS.kpiItemId] !== kpiId) {
      idFills.push({ list: LIST_TITLES.kpiMeasurements, id: item.Id as number, etag: requireEtag(readEtag(item), `Measurement ${String(item.Id)}`), fields: { [MEASUREMENT_FIELDS.kpiItemId]: kpiId } });
    }
  }
  // What the views would warn about (a measurement without a value) is left as it is.
  const series = seriesByKpi(measurements, []);
  const latestFills: IFill[] = [];
  for (const item of kpis) {
    const latest = writeLatestMeasurements(series.get(item.Id as number) ?? []);
    if (item[KPI_FIELDS.latestMeasurements] !== latest) {
      latestFills.push({ list: LIST_TITLES.kpis, id: item.Id as number, etag: requireEtag(readEtag(item), `KPI ${String(item[KPI_FIELDS.ref] ?? item.Id)}`), fields: { [KPI_FIELDS.latestMeasurements]: latest } });
    }
  }
  await writeFills(sp, [...idFills, ...latestFills]);
  return { measurements: idFills.length, kpis: latestFills.length };
}
