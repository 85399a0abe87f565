/**
 * Starts the local SharePoint emulator.
 *
 *   tsx emulator/cli.ts [--port 4321] [--data .data/emulator.db] [--static dir] [--reset]
 *
 * A new (or --reset) database is seeded with the sample users and the sample plan,
 * through the product's own provisioning and PnPjs. State survives restarts.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emulatorSp } from '../tools/signIn/emulator';
import { SAMPLE_PLAN } from './sample/samplePlan';
import { seedSamplePlan } from './sample/seed';
import { SAMPLE_USERS, SITE_OWNER } from './sample/users';
import { SharePointEmulator } from './server';
import { SharePointStore } from './store';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4321' },
      data: { type: 'string', default: '.data/emulator.db' },
      static: { type: 'string' },
      reset: { type: 'boolean', default: false }
    }
  });
  const dataFile = resolve(values.data as string);
  if (values.reset) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dataFile}${suffix}`, { force: true });
  }
  const fresh = !existsSync(dataFile);
  mkdirSync(dirname(dataFile), { recursive: true });
  const store = new SharePointStore(dataFile);
  for (const user of SAMPLE_USERS) store.saveUser(user);

  const emulator = new SharePointEmulator({ store, port: Number(values.port), host: '127.0.0.1', staticDir: values.static ? resolve(values.static) : undefined,
    page: { asAt: SAMPLE_PLAN.asAt, roles: Object.fromEntries(SAMPLE_USERS.map((user) => [user.email, user.role])) }
  });
  const siteUrl = await emulator.start();
  if (fresh) {
    const started = Date.now();
    const seeded = await seedSamplePlan(emulatorSp(siteUrl, SITE_OWNER.email));
    console.log(`Seeded the sample plan (${seeded.actions} actions, ${seeded.updates} progress updates) in ${Date.now() - started} ms.`);
  }
  console.log(`SharePoint emulator: ${siteUrl}  (data: ${dataFile})`);
  if (values.static) console.log(`Local page: ${emulator.url}/  (the sample plan as at ${SAMPLE_PLAN.asAt})`);
  const stop = (): void => {
    void emulator.stop().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
