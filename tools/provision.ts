/**
 * Ensures the plan lists on a site with the product's provisioning code.
 *
 *   npm run provision -- --site http://127.0.0.1:4321/sites/send --user sam.owner@send.example
 *   npm run provision -- --site https://contoso.sharepoint.com/sites/send --client-id <app id> --cert-pfx app.pfx
 *
 * Signs in as every tool does (./signIn): the emulator's way on this machine, a tenant's
 * through MSAL. Prints what changed, including the log entries given the action id
 * column the log is now read by; re-running changes nothing. Exits 2 for bad arguments
 * and 3 when the site cannot be used (a user without permission gets the reason),
 * never with a stack trace.
 */
import { parseArgs } from 'node:util';
import { toPlanDataError } from '../src/services/errors';
import { SharePointProvisioningService } from '../src/services/SharePointProvisioningService';
import { SIGN_IN_HELP, SIGN_IN_OPTIONS, SignInError, argumentsProblem, SiteSignIn, readSignIn, signedInAs, signedInSp } from './signIn';

const USAGE = `Usage: npm run provision -- --site URL [sign-in options]

Sets up the plan lists on the site (as a site owner); running it again changes nothing.

${SIGN_IN_HELP}
  -h, --help             show this help

Exit codes: 0 the lists are set up, 2 bad arguments, 3 the site could not be used.`;

/** The options, read; undefined when --help was asked for. */
function readCommand(argv: string[]): SiteSignIn | undefined {
  const { values } = parseArgs({ args: argv, strict: true, options: { ...SIGN_IN_OPTIONS, help: { type: 'boolean', short: 'h' } } });
  return values.help ? undefined : readSignIn(values);
}

async function main(argv: string[]): Promise<number> {
  let signIn: SiteSignIn | undefined;
  try {
    signIn = readCommand(argv);
  } catch (error) {
    console.error(`${error instanceof SignInError ? error.message : argumentsProblem(error)} See --help.`);
    return 2;
  }
  if (!signIn) {
    console.log(USAGE);
    return 0;
  }
  try {
    const sp = await signedInSp(signIn, (line) => console.error(line));
    const report = await new SharePointProvisioningService(sp).ensureLists();
    console.log(JSON.stringify(report, undefined, 2));
    return 0;
  } catch (error) {
    if (error instanceof SignInError) {
      console.error(error.message);
      return 2;
    }
    const failure = toPlanDataError(error);
    console.error(`The lists were not set up on ${signIn.site} as ${signedInAs(signIn)} (${failure.kind}): ${failure.detail.split('\n')[0].trim()}`);
    return 3;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The lists were not set up: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(3);
  }
);
