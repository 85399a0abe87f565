import { IPlanDataService, VIEW_LOAD } from './IPlanDataService';
import { ICachedPlan, ICachedPlanLoader, IRefreshedPlan } from './ICachedPlanLoader';
import { SPFI } from '@pnp/sp';
import { IPlanCache, IPlanCacheKey, indexedDbPlanCache } from './planCache';
import { SharePointPlanChanges, TOKEN_DAYS } from './planChanges';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whose plans: the site's address and the signed-in person's login, as the host knows them before any request. */
export interface IPlanCacheScope {
  site: string;
  user: string;
}

/**
 * The plan from the copy kept on this device, brought up to date through the lists'
 * change logs; the whole plan (the data service's load) when there is no usable copy.
 */
export class CachedPlanLoader implements ICachedPlanLoader {
  public constructor(
    private readonly dataService: Pick<IPlanDataService, 'loadPlan'>,
    private readonly changes: Pick<SharePointPlanChanges, 'refresh' | 'currentTokens'>,
    private readonly cache: IPlanCache,
    private readonly scope: IPlanCacheScope,
    private readonly now: () => Date = () => new Date()
  ) {}

  public async cached(planId: number): Promise<ICachedPlan | undefined> {
    try {
      return await this.cache.read(this.key(planId));
    } catch {
      return undefined;
    }
  }

  public async refresh(planId: number, cached: ICachedPlan | undefined): Promise<IRefreshedPlan> {
    const refreshedAt = this.now().toISOString();
    if (cached && this.now().getTime() - Date.parse(cached.refreshedAt) < TOKEN_DAYS * DAY_MS) {
      const changed = await this.changes.refresh(planId, cached);
      if (changed) return { snapshot: changed.snapshot, refreshedAt, kept: this.keep(planId, { ...changed, refreshedAt }) };
    }
    const loaded = await this.dataService.loadPlan(planId, VIEW_LOAD);
    const { changeTokens, ...snapshot } = loaded;
    // Without tokens from the load, they are read once the plan is on screen; a change made in between waits for the item's next change.
    const tokens = changeTokens ? Promise.resolve(changeTokens) : this.changes.currentTokens();
    return { snapshot, refreshedAt, kept: tokens.then((read) => this.keep(planId, { snapshot, tokens: read, refreshedAt })).catch(() => undefined) };
  }

  private keep(planId: number, plan: ICachedPlan): Promise<void> {
    return this.cache.write(this.key(planId), plan).catch(() => undefined);
  }

  private key(planId: number): IPlanCacheKey {
    return { ...this.scope, planId };
  }
}

/** The loader a host wires: the browser's IndexedDB and the lists' change logs through the host's PnPjs instance. */
export function sharePointPlanLoader(sp: SPFI, dataService: Pick<IPlanDataService, 'loadPlan'>, scope: IPlanCacheScope): ICachedPlanLoader {
  return new CachedPlanLoader(dataService, new SharePointPlanChanges(sp), indexedDbPlanCache(), scope);
}
