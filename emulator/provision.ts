/**
 * Ensures the plan lists on a site with the product's provisioning code.
 *
 *   tsx emulator/provision.ts --site http://127.0.0.1:4321/sites/send --user sam.owner@send.example
 *
 * Signs in the emulator's way (the user header). Prints what changed; re-running
 * changes nothing. A user without permission gets the reason, not a stack trace.
 */
import { parseArgs } from 'node:util';
import { toPlanDataError } from '../src/services/errors';
import { SharePointProvisioningService } from '../src/services/SharePointProvisioningService';
import { emulatorSp } from './client';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, user: { type: 'string' } } });
  if (!values.site || !values.user) {
    console.error('Usage: tsx emulator/provision.ts --site <site URL> --user <e-mail of a site owner>');
    return 2;
  }
  try {
    const report = await new SharePointProvisioningService(emulatorSp(values.site, values.user)).ensureLists();
    console.log(JSON.stringify(report, undefined, 2));
    return 0;
  } catch (error) {
    const failure = toPlanDataError(error);
    console.error(`The lists were not set up (${failure.kind}): ${failure.detail}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
