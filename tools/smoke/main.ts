/**
 * The smoke test's command line: signs in (a tenant's certificate or device code, or the
 * emulator's own sign-in), runs the steps, prints the table and answers an exit code.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EXECUTIVE, SAMPLE_USERS, SITE_OWNER } from '../../emulator/sample/users';
import { todayIso } from '../../src/model/isoDate';
import { emulatorSp } from '../siteClient';
import { ILoggedCall, RequestLog } from './requestLog';
import { ISmokeRow, ISmokeSite, runSmokeSteps } from './steps';

export const USAGE = `Usage:
  npm run smoke -- --site https://<tenant>.sharepoint.com/sites/<site> --client-id <app id> (--cert-pfx <file.pfx> [--cert-password <password>] | --cert-pem <file.pem>) [--thumbprint <sha1>] [--tenant <tenant>.onmicrosoft.com] [--reader-client-id <app id>] [--large]
  npm run smoke -- --site https://<tenant>.sharepoint.com/sites/<site> --client-id <app id> --device-code [--tenant ...] [--large]
  npm run smoke -- --emulator [--time-zone <IANA zone: Europe/London (default), America/Los_Angeles or UTC>] [--large]

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
  site?: string;
  emulator: boolean;
  /** The emulated site's time zone (an IANA name); a tenant's is its own. */
  timeZone?: string;
  large: boolean;
  clientId?: string;
  tenant?: string;
  certPfx?: string;
  certPassword?: string;
  certPem?: string;
  thumbprint?: string;
  deviceCode: boolean;
  readerClientId?: string;
  help: boolean;
}

function readArguments(argv: string[]): IArguments {
  const { values } = parseArgs({
    args: argv,
    options: {
      site: { type: 'string' },
      emulator: { type: 'boolean', default: false },
      'time-zone': { type: 'string' },
      large: { type: 'boolean', default: false },
      'client-id': { type: 'string' },
      tenant: { type: 'string' },
      'cert-pfx': { type: 'string' },
      'cert-password': { type: 'string' },
      'cert-pem': { type: 'string' },
      thumbprint: { type: 'string' },
      'device-code': { type: 'boolean', default: false },
      'reader-client-id': { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  });
  return {
    site: values.site,
    emulator: values.emulator === true,
    timeZone: values['time-zone'],
    large: values.large === true,
    clientId: values['client-id'],
    tenant: values.tenant,
    certPfx: values['cert-pfx'],
    certPassword: values['cert-password'],
    certPem: values['cert-pem'],
    thumbprint: values.thumbprint,
    deviceCode: values['device-code'] === true,
    readerClientId: values['reader-client-id'],
    help: values.help === true
  };
}

/** The tenant's sign-in for the arguments, or the reason they do not make one. */
async function tenantSite(args: IArguments, calls: ILoggedCall[], tell: (line: string) => void): Promise<ISmokeSite | string> {
  const site = (args.site ?? '').replace(/\/$/, '');
  let host: string;
  try {
    host = new URL(site).hostname;
  } catch {
    return `--site must be the site's full address, such as https://contoso.sharepoint.com/sites/send (got "${site}").`;
  }
  if (!args.clientId) return 'A tenant sign-in needs --client-id (the app registration\'s Application (client) ID).';
  if (!args.deviceCode && !args.certPfx && !args.certPem) return 'Sign in with a certificate (--cert-pfx or --cert-pem) or with --device-code.';
  // contoso.sharepoint.com signs in at contoso.onmicrosoft.com unless told otherwise.
  const tenant = args.tenant ?? `${host.split('.')[0]}.onmicrosoft.com`;
  const { tenantSp } = await import('./signIn');
  const certificate = { pfxPath: args.certPfx, pfxPassword: args.certPassword, pemPath: args.certPem, thumbprint: args.thumbprint };
  const owner = tenantSp(site, args.deviceCode ? { kind: 'deviceCode', tenant, clientId: args.clientId } : { kind: 'certificate', tenant, clientId: args.clientId, certificate }, tell).using(RequestLog(calls));
  const reader = args.readerClientId && !args.deviceCode ? tenantSp(site, { kind: 'certificate', tenant, clientId: args.readerClientId, certificate }, tell).using(RequestLog(calls)) : undefined;
  const noReaderReason = args.deviceCode ? 'A device-code run signs in one person; run again as a reader to check reading.' : 'Give --reader-client-id (an app registration granted Read on the site, with the same certificate) to check what a reader may do.';
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
    out(`${(error as Error).message}\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  if (args.help) {
    out(USAGE);
    return { rows: [], exitCode: 0 };
  }
  const useEmulator = args.emulator || (!args.site && process.env.CI !== undefined);
  if (!useEmulator && !args.site) {
    out(USAGE);
    return { rows: [], exitCode: 2 };
  }
  if (!useEmulator && args.timeZone !== undefined) {
    out(`--time-zone sets the emulator's site time zone; a tenant's site has its own (Site settings, Regional settings).\n${USAGE}`);
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

  let site: ISmokeSite | string;
  try {
    site = await tenantSite(args, calls, out);
  } catch (error) {
    out(`The sign-in could not start: ${error instanceof Error ? error.message : String(error)}`);
    return { rows: [], exitCode: 3 };
  }
  if (typeof site === 'string') {
    out(`${site}\n${USAGE}`);
    return { rows: [], exitCode: 2 };
  }
  out(`Smoke test against ${args.site ?? ''}`);
  return report(await runSmokeSteps(site, options), out);
}

function report(rows: ISmokeRow[], out: (line: string) => void): ISmokeReport {
  out(formatTable(rows));
  return { rows, exitCode: rows.some((row) => row.result === 'fail') ? 1 : 0 };
}
