/**
 * Starts an emulator for a test file: an in-memory store with the sample users,
 * served over real HTTP on a free port, optionally seeded with the sample plan.
 */
import { SPFI } from '@pnp/sp';
import { emulatorSp } from '../../tools/signIn/emulator';
import { seedSamplePlan } from '../../emulator/sample/seed';
import { SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { SharePointEmulator } from '../../emulator/server';
import { SharePointStore } from '../../emulator/store';

export interface ITestSite {
  emulator: SharePointEmulator;
  store: SharePointStore;
  siteUrl: string;
  /** PnPjs signed in as the given sample user (by e-mail). */
  as(email: string): SPFI;
  /** The sample plan's id, when seeded. */
  planId: number;
  stop(): Promise<void>;
}

export async function startTestSite(options: { seed: boolean }): Promise<ITestSite> {
  const store = new SharePointStore(':memory:');
  for (const user of SAMPLE_USERS) store.saveUser(user);
  const emulator = new SharePointEmulator({ store });
  const siteUrl = await emulator.start();
  const planId = options.seed ? (await seedSamplePlan(emulatorSp(siteUrl, SITE_OWNER.email))).planId : 0;
  emulator.requests.length = 0;
  return {
    emulator,
    store,
    siteUrl,
    planId,
    as: (email) => emulatorSp(siteUrl, email),
    stop: async () => {
      await emulator.stop();
      store.close();
    }
  };
}
