/**
 * The smoke test's command line: signs in as every tool does (../signIn), or starts an
 * in-memory emulator with --emulator, runs the steps, prints the table and answers an exit code.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EXECUTIVE, SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { todayIso } from '../../src/model/isoDate';
import { ISignInValues, SIGN_IN_HELP, SIGN_IN_OPTIONS, SiteSignIn, argumentsProblem, readSignIn, signedInAs, signedInSp } from '../signIn';
import { emulatorSp } from '../signIn/emulator';
import { ILoggedCall, RequestLog } from './requestLog';
import { ISmokeRow, ISmokeSite, runSmokeSteps } from './steps';

export const USAGE = `Usage:
  npm run smoke -- --site https://<tenant>.sharepoint.com/sites/<site> --client-id <app id> (--cert-pfx <file.pfx> [--cert-password <password>] | --cert-pem <file.pem>) [--reader-client-id <app id>] [--large]
  npm run smoke -- --site https://<tenant>.sharepoint.com/sites/<site> --client-id <app id> --device-code [--large]
  npm run smoke -- --site http://127.0.0.1:<port>/sites/<site> [--user <e-mail>] [--large]   (an emulator already running)
  npm run smoke -- --emulator [--time-zone <IANA zone: Europe/London (default), America/Los_Angeles or UTC>] [--large]

  --emulator             run against an in-memory emulator of its own
  --time-zone ZONE       that emulator's site time zone
  --large                also load a plan past 5,000 items
  --reader-client-id ID  an app registration granted Read on the site, with the
                         same certificate, to check what a reader may do
  -h, --help             show this help

${SIGN_IN_HELP}

Exit codes: 0 every step passed (or was skipped), 1 a step failed, 2 a bad argument, 3 the sign-in could not start.`;

/** What the smoke test ran and found. */
export interface ISmokeReport {
  rows: ISmokeRow[];
  exitCode: number;
}

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * The pass/fail table: a line per request shape a step sent, with the HTTP answers (a
 * $batch's own, then its parts' in brackets), the step's result on its first line, and
 * what the step found (or why it failed or was skipped) under it.
 */
export function formatTable(rows: readonly ISmokeRow[]): string {
  const stepWidth = Math.max(4, ...rows.map((row, index) => `${index + 1}. ${row.step}`.length));
  const answerWidth = Math.max(11, ...rows.map((row) => Math.max(0, ...row.requests.map((request) => request.answers.length))));
  const line = (step: string, result: string, answer: string, shape: string): string => `${cell(step, stepWidth)}  ${cell(result, 7)}  ${cell(answer, answerWidth)}  ${shape}`.trimEnd();
  const lines = [line('Step', 'Result', 'HTTP answer', 'Request shape'), line('-'.repeat(stepWidth), '-------', '-'.repeat(answerWidth), '-------------')];
  rows.forEach((row, index) => {
    const requests = row.requests.length > 0 ? row.requests : [{ shape: '(no request)', count: 1, answers: '-' }];
    requests.forEach((request, position) => {
      const shape = request.count > 1 ? `${request.shape} ×${request.count}` : request.shape;
      lines.push(position === 0 ? line(`${index + 1}. ${row.step}`, row.result.toUpperCase(), request.answers, shape) : line('', '', request.answers, shape));
    });
    if (row.note) lines.push(`${' '.repeat(4)}${row.result === 'fail' ? 'Why' : row.result === 'skipped' ? 'Skipped' : 'Found'}: ${row.note}`);
  });
  const failed = rows.filter((row) => row.result === 'fail').length;
  const skipped = rows.filter((row) => row.result === 'skipped').length;
  lines.push('', `${rows.length - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
  return lines.join('\n');
}

interface IArguments {
  signIn: ISignInValues;
  emulator: boolean;
  /** The emulated site's time zone (an IANA name); a tenant's is its own. */
  timeZone?: string;
  large: boolean;
  readerClientId?: string;
  help: boolean;
}

function readArguments(argv: string[]): IArguments {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...SIGN_IN_OPTIONS,
      emulator: { type: 'boolean', default: false },
      'time-zone': { type: 'string' },
      large: { type: 'boolean', default: false },
      'reader-client-id': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  });
  const { emulator, 'time-zone': timeZone, large, 'reader-client-id': readerClientId, help, ...signIn } = values;
  return { signIn, emulator: emulator === true, timeZone, large: large === true, readerClientId, help: help === true };
}

/** The site the arguments sign in to: a tenant's (with a reader when --reader-client-id names one), or an emulator already running. */
async function signedInSite(signIn: SiteSignIn, readerClientId: string | undefined, calls: ILoggedCall[], tell: (line: string) => void): Promise<ISmokeSite> {
  const owner = (await signedInSp(signIn, tell)).using(RequestLog(calls));
  if (signIn.kind === 'emulator') return { owner, reader: emulatorSp(signIn.site, EXECUTIVE.email).using(RequestLog(calls)), calls, emulator: true };
  const reader = readerClientId && signIn.kind === 'certificate' ? (await signedInSp({ ...signIn, clientId: readerClientId }, tell)).using(RequestLog(calls)) : undefined;
  const noReaderReason = signIn.kind === 'deviceCode' ? 'A device-code run signs in one person; run again as a reader to check reading.' : 'Give --reader-client-id (an app registration granted Read on the site, with the same certificate) to check what a reader may do.';
  return { owner, reader, noReaderReason: reader ? undefined : noReaderReason, calls, emulator: false };
}

/**
 * Runs the smoke test as the command line would, writing the table to `out`; resolves with
 * the rows and the exit code. Never throws for a failing step or a bad argument.
 */
export async function main(argv: string[], out: (line: string) => void = console.log): Promise<ISmokeReport> {
  let args: IArguments;
  try {
    args = readArguments(argv);
  } catch (error) {
    out(`${argumentsProblem(error)}\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  if (args.help) {
    out(USAGE);
    return { rows: [], exitCode: 0 };
  }
  const signInOption = Object.keys(args.signIn).find((option) => args.signIn[option as keyof ISignInValues] !== undefined);
  const useEmulator = args.emulator || (signInOption === undefined && process.env.CI !== undefined);
  if (!useEmulator && signInOption === undefined) {
    out(USAGE);
    return { rows: [], exitCode: 2 };
  }
  if (useEmulator && signInOption !== undefined) {
    out(`--emulator runs an emulator of its own and signs in its sample users: leave out --${signInOption}, or leave out --emulator to use the site --site names.\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  if (!useEmulator && args.timeZone !== undefined) {
    out(`--time-zone sets the time zone of the emulator --emulator runs; a site given with --site has its own (Site settings, Regional settings).\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  const calls: ILoggedCall[] = [];
  const options = { large: args.large, today: todayIso(), runId: `${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '')}-${randomBytes(3).toString('hex')}` };

  if (useEmulator) {
    // Loaded only here: a tenant run needs none of the emulator (nor its SQLite).
    const [{ SharePointEmulator }, { SharePointStore }] = await Promise.all([import('../../emulator/server'), import('../../emulator/store')]);
    const store = new SharePointStore(':memory:');
    if (args.timeZone !== undefined) {
      try {
        store.timeZone = args.timeZone;
      } catch (error) {
        store.close();
        out(`--time-zone: ${(error as Error).message}\n${USAGE}`);
        return { rows: [], exitCode: 2 };
      }
    }
    for (const user of SAMPLE_USERS) store.saveUser(user);
    const emulator = new SharePointEmulator({ store });
    try {
      const siteUrl = await emulator.start();
      out(`Smoke test against an in-memory emulator at ${siteUrl} (signed in as ${SITE_OWNER.email}; reader ${EXECUTIVE.email})`);
      const site: ISmokeSite = { owner: emulatorSp(siteUrl, SITE_OWNER.email).using(RequestLog(calls)), reader: emulatorSp(siteUrl, EXECUTIVE.email).using(RequestLog(calls)), calls, emulator: true };
      return report(await runSmokeSteps(site, options), out);
    } finally {
      await emulator.stop();
      store.close();
    }
  }

  let signIn: SiteSignIn;
  try {
    signIn = readSignIn(args.signIn);
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  let site: ISmokeSite;
  try {
    site = await signedInSite(signIn, args.readerClientId, calls, out);
  } catch (error) {
    out(`The sign-in could not start: ${error instanceof Error ? error.message : String(error)}`);
    return { rows: [], exitCode: 3 };
  }
  out(`Smoke test against ${signIn.site} (signed in as ${signedInAs(signIn)})`);
  return report(await runSmokeSteps(site, options), out);
}

function report(rows: ISmokeRow[], out: (line: string) => void): ISmokeReport {
  out(formatTable(rows));
  return { rows, exitCode: rows.some((row) => row.result === 'fail') ? 1 : 0 };
}
