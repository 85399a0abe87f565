import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { IPerson } from '../model/plan';
import { IPlanDataService, IPlanSnapshot, IPlanSummary } from './IPlanDataService';
import { ListItem, Warnings, mapAction, mapOutcome, mapPlan, mapPriority, mapUpdate } from './mappers';
import { ACTION_FIELDS, ACTION_LOOKUPS, ACTION_PEOPLE, LIST_TITLES, OUTCOME_FIELDS, PLAN_FIELDS, PRIORITY_FIELDS, UPDATE_FIELDS } from './schema';

/** SharePoint's largest page; one page holds a typical plan's list. */
const PAGE_SIZE = 5000;

const PERSON_SUBFIELDS = ['Id', 'Title', 'EMail'];

function expandPeople(fields: readonly string[]): string[] {
  return fields.reduce<string[]>((all, field) => all.concat(PERSON_SUBFIELDS.map((sub) => `${field}/${sub}`)), []);
}

/** The data service over SharePoint lists, through one PnPjs `spfi` instance. */
export class SharePointPlanDataService implements IPlanDataService {
  /** @param sp - the host's single PnPjs instance (SPFx context or the local emulator) */
  public constructor(private readonly sp: SPFI) {}

  public async listPlans(): Promise<IPlanSummary[]> {
    const items: Array<{ Id: number; Title: string }> = await this.sp.web.lists
      .getByTitle(LIST_TITLES.plans)
      .items.select('Id', 'Title')
      .orderBy('Title')
      .top(PAGE_SIZE)();
    return items.map((item) => ({ id: item.Id, title: item.Title }));
  }

  public async currentUser(): Promise<IPerson> {
    const user = await this.sp.web.currentUser.select('Id', 'Title', 'Email')();
    return { id: user.Id, displayName: user.Title, email: user.Email || undefined };
  }

  /** Reads the plan and its lists in a single $batch request. */
  public async loadPlan(planId: number): Promise<IPlanSnapshot> {
    const [batched, execute] = this.sp.batched();
    const list = (title: string): ReturnType<SPFI['web']['lists']['getByTitle']> => batched.web.lists.getByTitle(title);
    const byPlan = `${PRIORITY_FIELDS.plan}Id eq ${planId}`;

    const plan = list(LIST_TITLES.plans)
      .items.getById(planId)
      .select('Id', 'Title', ...Object.values(PLAN_FIELDS))();
    const priorities = list(LIST_TITLES.priorities)
      .items.select('Id', 'Title', `${PRIORITY_FIELDS.plan}Id`, PRIORITY_FIELDS.number, PRIORITY_FIELDS.inspectionFinding, PRIORITY_FIELDS.vision, PRIORITY_FIELDS.leadRoles, PRIORITY_FIELDS.membership)
      .filter(byPlan)
      .top(PAGE_SIZE)();
    const outcomes = list(LIST_TITLES.outcomes)
      .items.select('Id', 'Title', `${OUTCOME_FIELDS.plan}Id`, `${OUTCOME_FIELDS.priority}Id`, OUTCOME_FIELDS.number)
      .filter(byPlan)
      .top(PAGE_SIZE)();
    const actionColumns = Object.values(ACTION_FIELDS)
      .filter((field) => ACTION_PEOPLE.indexOf(field) < 0)
      .map((field) => (ACTION_LOOKUPS.indexOf(field) >= 0 ? `${field}Id` : field));
    const actions = list(LIST_TITLES.actions)
      .items.select('Id', 'Title', 'Modified', ...actionColumns, ...expandPeople(ACTION_PEOPLE))
      .expand(...ACTION_PEOPLE)
      .filter(byPlan)
      .top(PAGE_SIZE)();
    const updates = list(LIST_TITLES.updates)
      .items.select('Id', 'Created', `${UPDATE_FIELDS.action}Id`, UPDATE_FIELDS.date, UPDATE_FIELDS.note, UPDATE_FIELDS.status, UPDATE_FIELDS.evidence, 'Author/Title')
      .expand('Author')
      .filter(byPlan)
      .top(PAGE_SIZE)();

    await execute();
    const warnings: Warnings = [];
    const roleTitles = new Set<string>();
    return {
      plan: mapPlan((await plan) as ListItem, warnings),
      priorities: ((await priorities) as ListItem[]).map(mapPriority),
      outcomes: ((await outcomes) as ListItem[]).map(mapOutcome),
      actions: ((await actions) as ListItem[]).map((item) => mapAction(item, roleTitles, warnings)),
      updates: ((await updates) as ListItem[]).map((item) => mapUpdate(item, warnings)),
      warnings
    };
  }
}
