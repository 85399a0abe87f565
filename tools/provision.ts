/**
 * Ensures the plan lists on a site with the product's provisioning code.
 *
 *   npm run provision -- --site http://127.0.0.1:4321/sites/send --user sam.owner@send.example
 *
 * Signs in the emulator's way (the user header). Prints what changed, including the
 * log entries given the action id column the log is now read by; re-running changes
 * nothing. Exits 2 for bad arguments and 3 when the site cannot be used (a
 * user without permission gets the reason), never with a stack trace.
 */
import { parseArgs } from 'node:util';
import { toPlanDataError } from '../src/services/errors';
import { SharePointProvisioningService } from '../src/services/SharePointProvisioningService';
import { emulatorSp } from './siteClient';

const USAGE = 'Usage: npm run provision -- --site <site URL> --user <e-mail of a site owner>';

async function main(): Promise<number> {
  let values: { site?: string; user?: string };
  try {
    values = parseArgs({ options: { site: { type: 'string' }, user: { type: 'string' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.site || !values.user) {
    console.error(USAGE);
    return 2;
  }
  try {
    const sp = emulatorSp(values.site, values.user);
    const report = await new SharePointProvisioningService(sp).ensureLists();
    console.log(JSON.stringify(report, undefined, 2));
    return 0;
  } catch (error) {
    const failure = toPlanDataError(error);
    console.error(`The lists were not set up (${failure.kind}): ${failure.detail}`);
    return 3;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The lists were not set up: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(3);
  }
);
