import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { IUpdateRequest, RequestChannel } from '../model/updateRequests';
import { BATCH_LIMIT, IListRead, readPlanLists } from './idRanges';
import { IUpdateRequestService } from './IUpdateRequestService';
import { ListItem, readSharePointDate, writeSharePointDate } from './mappers';
import { LIST_TITLES, UPDATE_REQUEST_FIELDS } from './schema';

const REQUESTS: IListRead = { title: LIST_TITLES.updateRequests, columns: (items) => items.select('Id', ...Object.values(UPDATE_REQUEST_FIELDS)) };

const CHANNELS: readonly RequestChannel[] = ['graph', 'mailLink'];

function text(item: ListItem, field: string): string {
  const value = item[field];
  return typeof value === 'string' ? value : '';
}

/** The ids an ActionIds cell holds, or undefined when it is not a JSON array of ids. */
function actionIds(cell: string): number[] | undefined {
  try {
    const parsed: unknown = JSON.parse(cell);
    return Array.isArray(parsed) && parsed.every((id) => Number.isInteger(id)) ? (parsed as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/** A stored request, or undefined when a cell someone edited by hand no longer reads. */
function mapRequest(item: ListItem): IUpdateRequest | undefined {
  const boardDate = readSharePointDate(item[UPDATE_REQUEST_FIELDS.boardDate]);
  const ids = actionIds(text(item, UPDATE_REQUEST_FIELDS.actionIds));
  const sentAt = text(item, UPDATE_REQUEST_FIELDS.sentAt);
  const email = text(item, UPDATE_REQUEST_FIELDS.recipientEmail);
  if (!boardDate || !ids || Number.isNaN(Date.parse(sentAt)) || !email) return undefined;
  const recipientId = item[UPDATE_REQUEST_FIELDS.recipientId];
  const channel = text(item, UPDATE_REQUEST_FIELDS.channel) as RequestChannel;
  return {
    id: item.Id as number,
    planId: item[UPDATE_REQUEST_FIELDS.planId] as number,
    boardDate,
    recipient: { ...(typeof recipientId === 'number' ? { id: recipientId } : {}), email, name: text(item, UPDATE_REQUEST_FIELDS.recipientName) || email },
    actionIds: ids,
    sentAt: new Date(sentAt).toISOString(),
    sentBy: text(item, UPDATE_REQUEST_FIELDS.sentBy),
    channel: CHANNELS.indexOf(channel) >= 0 ? channel : 'graph'
  };
}

function requestItem(request: Omit<IUpdateRequest, 'id'>): ListItem {
  return {
    Title: request.recipient.name.slice(0, 255),
    [UPDATE_REQUEST_FIELDS.planId]: request.planId,
    [UPDATE_REQUEST_FIELDS.boardDate]: writeSharePointDate(request.boardDate),
    // eslint-disable-next-line @rushstack/no-new-null -- SharePoint's REST API clears a field only with null.
    [UPDATE_REQUEST_FIELDS.recipientId]: request.recipient.id ?? null,
    [UPDATE_REQUEST_FIELDS.recipientEmail]: request.recipient.email,
    [UPDATE_REQUEST_FIELDS.recipientName]: request.recipient.name,
    [UPDATE_REQUEST_FIELDS.actionIds]: JSON.stringify(request.actionIds),
    [UPDATE_REQUEST_FIELDS.sentAt]: request.sentAt,
    [UPDATE_REQUEST_FIELDS.sentBy]: request.sentBy,
    [UPDATE_REQUEST_FIELDS.channel]: request.channel
  };
}

/** The request record in the SEND Update Requests list, through the host's PnPjs instance. */
export class SharePointUpdateRequestService implements IUpdateRequestService {
  public constructor(private readonly sp: SPFI) {}

  public async loadRequests(planId: number): Promise<IUpdateRequest[]> {
    // Read as the plan's other lists are: whole pages within the list view threshold, kept to the plan's rows.
    const { rows } = await readPlanLists(this.sp, planId, { requests: REQUESTS });
    return rows.requests.map(mapRequest).filter((request): request is IUpdateRequest => request !== undefined);
  }

  public async recordRequests(requests: ReadonlyArray<Omit<IUpdateRequest, 'id'>>): Promise<IUpdateRequest[]> {
    if (requests.length === 0) return [];
    // PnPjs sends the batch as requests of at most BATCH_LIMIT parts: SharePoint refuses more in one.
    const [batched, execute] = this.sp.batched({ maxRequests: BATCH_LIMIT });
    const list = batched.web.lists.getByTitle(LIST_TITLES.updateRequests);
    const added = requests.map((request) => list.items.add(requestItem(request)));
    added.forEach((part) => part.catch(() => undefined));
    await execute();
    const results = await Promise.all(added);
    return requests.map((request, index) => ({ ...request, id: (results[index] as { Id: number }).Id }));
  }
}
