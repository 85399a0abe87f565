/**
 * The plan kept in the browser's IndexedDB (fake-indexeddb stands in for the browser's):
 * one copy per site, person and plan; a copy kept under another version, or a browser
 * that keeps nothing, is no copy, never an error.
 */
import { IDBFactory } from 'fake-indexeddb';
import { ICachedPlan } from '../../../src/services/ICachedPlanLoader';
import { PLAN_CACHE_VERSION, indexedDbPlanCache } from '../../../src/services/planCache';
import { IPlanSnapshot } from '../../../src/services/IPlanDataService';

const KEY = { site: 'https://contoso.sharepoint.com/sites/send', user: 'i:0#.f|membership|kathryn@contoso.com', planId: 3 };

function keptPlan(title: string): ICachedPlan {
  const snapshot = { plan: { id: 3, title }, priorities: [], outcomes: [], actions: [], kpis: [], roles: [], warnings: [] } as unknown as IPlanSnapshot;
  return { snapshot, tokens: { priorities: 'a', outcomes: 'b', actions: 'c', kpis: 'd', roles: 'e' }, refreshedAt: '2024-02-29T10:42:00.000Z' };
}

function openRaw(factory: IDBFactory, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('send-improvement-plan', version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('plans')) request.result.createObjectStore('plans');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('indexedDbPlanCache', () => {
  it('keeps a copy per site, person and plan, the latest replacing the last', async () => {
    const factory = new IDBFactory();
    const cache = indexedDbPlanCache(factory);
    expect(await cache.read(KEY)).toBeUndefined();
    await cache.write(KEY, keptPlan('first'));
    await cache.write(KEY, keptPlan('second'));
    expect(await cache.read(KEY)).toEqual(keptPlan('second'));
    // Read again by a new page (a new connection), as a second visit does.
    expect(await indexedDbPlanCache(factory).read({ ...KEY, site: KEY.site.toUpperCase() })).toEqual(keptPlan('second'));
    expect(await cache.read({ ...KEY, user: 'i:0#.f|membership|karen@contoso.com' })).toBeUndefined();
    expect(await cache.read({ ...KEY, planId: 4 })).toBeUndefined();
    expect(await cache.read({ ...KEY, site: 'https://contoso.sharepoint.com/sites/other' })).toBeUndefined();
  });

  it('drops a copy kept under another version of its shape', async () => {
    const factory = new IDBFactory();
    const db = await openRaw(factory, 1);
    await new Promise<void>((resolve) => {
      const request = db.transaction('plans', 'readwrite').objectStore('plans').put({ version: PLAN_CACHE_VERSION - 1, plan: keptPlan('old shape') }, JSON.stringify([KEY.site.toLowerCase(), KEY.user.toLowerCase(), KEY.planId]));
      request.onsuccess = () => resolve();
    });
    db.close();
    expect(await indexedDbPlanCache(factory).read(KEY)).toBeUndefined();
  });

  it('is no copy, never an error, when the browser keeps nothing, refuses storage or holds a newer database', async () => {
    const none = indexedDbPlanCache(undefined);
    await expect(none.write(KEY, keptPlan('x'))).resolves.toBeUndefined();
    expect(await none.read(KEY)).toBeUndefined();

    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    expect(await indexedDbPlanCache(refusing).read(KEY)).toBeUndefined();

    const newer = new IDBFactory();
    (await openRaw(newer, 2)).close();
    const cache = indexedDbPlanCache(newer);
    await expect(cache.write(KEY, keptPlan('x'))).resolves.toBeUndefined();
    expect(await cache.read(KEY)).toBeUndefined();
  });

  it('gives way to a newer page: a copy open here closes so the other tab’s upgrade is not blocked', async () => {
    const factory = new IDBFactory();
    const cache = indexedDbPlanCache(factory);
    await cache.write(KEY, keptPlan('kept'));
    const upgraded = await openRaw(factory, 2);
    expect(upgraded.version).toBe(2);
    upgraded.close();
  });
});
