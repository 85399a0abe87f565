/**
 * Plans kept in the browser (IndexedDB), one per site, plan and person, so a second visit
 * renders at once. A browser that keeps nothing (no IndexedDB, private mode, storage
 * refused, the database blocked by another tab) simply has no copy: nothing here rejects.
 */
import { ICachedPlan } from './ICachedPlanLoader';

/**
 * The shape of what is kept. Raise it whenever IPlanSnapshot, the columns read or the way
 * items are mapped change: a copy kept under another version is dropped, not shown.
 */
export const PLAN_CACHE_VERSION = 3;

const DATABASE = 'send-improvement-plan';
const STORE = 'plans';

/** Whose copy: the site's address, the signed-in person's login and the plan. */
export interface IPlanCacheKey {
  site: string;
  user: string;
  planId: number;
}

/** Where plans are kept on this device. */
export interface IPlanCache {
  /** The kept copy; undefined when there is none, it was kept under another version, or the device keeps nothing. */
  read(key: IPlanCacheKey): Promise<ICachedPlan | undefined>;
  /** Keeps the copy, replacing the last; does nothing when the device keeps nothing. */
  write(key: IPlanCacheKey, plan: ICachedPlan): Promise<void>;
}

interface IKeptRecord {
  version: number;
  plan: ICachedPlan;
}

function recordKey(key: IPlanCacheKey): string {
  return JSON.stringify([key.site.toLowerCase(), key.user.toLowerCase(), key.planId]);
}

/** A request's result, or undefined on any failure. */
function settle<T>(request: IDBRequest<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(undefined);
  });
}

/**
 * The cache over IndexedDB (`factory`: the browser's, by default). The database is opened
 * on first use, once.
 */
export function indexedDbPlanCache(factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB): IPlanCache {
  let opened: Promise<IDBDatabase | undefined> | undefined;
  const database = (): Promise<IDBDatabase | undefined> => {
    if (!opened) opened = open(factory);
    return opened;
  };
  const store = async (mode: IDBTransactionMode): Promise<IDBObjectStore | undefined> => {
    const db = await database();
    try {
      return db?.transaction(STORE, mode).objectStore(STORE);
    } catch {
      return undefined;
    }
  };
  return {
    read: async (key) => {
      const plans = await store('readonly');
      if (!plans) return undefined;
      const record = (await settle(plans.get(recordKey(key)))) as IKeptRecord | undefined;
      return record?.version === PLAN_CACHE_VERSION ? record.plan : undefined;
    },
    write: async (key, plan) => {
      const plans = await store('readwrite');
      if (!plans) return;
      const record: IKeptRecord = { version: PLAN_CACHE_VERSION, plan };
      await settle(plans.put(record, recordKey(key)));
    }
  };
}

function open(factory: IDBFactory | undefined): Promise<IDBDatabase | undefined> {
  if (!factory) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DATABASE, 1);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab of a newer page wants the database: let it have it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}
