/**
 * The sign-in options every command-line tool takes (npm run import, provision, smoke),
 * read in one place: a site on this machine is the local emulator, signed in as --user;
 * any other is SharePoint Online, signed in through MSAL with an app registration's
 * certificate or a person's device code. Pure: nothing here signs in (see ./index).
 */
import { SITE_OWNER } from '../../emulator/sample/users';
import type { ICertificate, TenantSignIn } from './tenant';

/** A sign-in problem the person can fix, said in one line (which option, what to give). */
export class SignInError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

/** The sign-in options, for a tool to spread into its own `parseArgs` options. */
export const SIGN_IN_OPTIONS = {
  site: { type: 'string' },
  user: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  'cert-pfx': { type: 'string' },
  'cert-password': { type: 'string' },
  'cert-pem': { type: 'string' },
  thumbprint: { type: 'string' },
  'device-code': { type: 'boolean' }
} as const;

/** What Node's `parseArgs` threw, in its first sentence (the rest is about positionals starting with "-"). */
export function argumentsProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message.split(/\.\s/)[0].replace(/\.$/, '')}.`;
}

/** The sign-in options as `parseArgs` returns them. */
export interface ISignInValues {
  site?: string;
  user?: string;
  tenant?: string;
  'client-id'?: string;
  'cert-pfx'?: string;
  'cert-password'?: string;
  'cert-pem'?: string;
  thumbprint?: string;
  'device-code'?: boolean;
}

/** The help every tool shows for its sign-in options. */
export const SIGN_IN_HELP = `Signing in (the same for npm run import, provision and smoke):
  --site URL             the SharePoint site. A site on this machine (localhost,
                         127.0.0.1) is the local emulator; any other is SharePoint
                         Online, signed in with an app registration:
  --client-id ID         the app registration's Application (client) ID
  --cert-pfx FILE        its certificate as a .pfx file, with the private key
  --cert-password TEXT   the .pfx file's password
  --cert-pem FILE        or its certificate as a PEM file holding the private key
  --thumbprint SHA1      the certificate's SHA-1 thumbprint (only when the file
                         holds the key without the certificate)
  --device-code          or sign in as yourself: open the address printed and
                         enter the code
  --tenant TENANT        the tenant's domain or ID (default: contoso.onmicrosoft.com
                         for https://contoso.sharepoint.com/...)
  --user EMAIL           who signs in to the local emulator (default:
                         ${SITE_OWNER.email})`;

/** Where and how a tool signs in: the emulator as one of its users, or a tenant through MSAL. */
export type SiteSignIn = { site: string } & ({ kind: 'emulator'; user: string } | TenantSignIn);

/** Host names of this machine, where the local emulator runs. */
const THIS_MACHINE = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The tenant options in the order they are named when one is out of place. */
const TENANT_OPTIONS = ['client-id', 'cert-pfx', 'cert-pem', 'cert-password', 'thumbprint', 'tenant', 'device-code'] as const;

/** The site's address, checked: a full http(s) address, and as given without a trailing slash. */
function readSite(site: string | undefined): { url: URL; site: string } {
  if (site === undefined || site.trim() === '') throw new SignInError('Give the site with --site URL, such as https://contoso.sharepoint.com/sites/send.');
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new SignInError(`--site "${site}" is not a web address (--site must be the site's full address, such as https://contoso.sharepoint.com/sites/send).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SignInError(`--site "${site}" is not an http or https address.`);
  return { url, site: site.replace(/\/+$/, '') };
}

function readCertificate(values: ISignInValues): ICertificate {
  if (values['cert-pfx'] !== undefined && values['cert-pem'] !== undefined) throw new SignInError('Give the certificate once: --cert-pfx FILE or --cert-pem FILE, not both.');
  if (values['cert-pfx'] === undefined && values['cert-pem'] === undefined) {
    throw new SignInError('Sign in to SharePoint Online with a certificate (--cert-pfx FILE or --cert-pem FILE) or as yourself with --device-code.');
  }
  if (values['cert-password'] !== undefined && values['cert-pfx'] === undefined) throw new SignInError('--cert-password opens a .pfx file: give the file with --cert-pfx FILE (a PEM file is read without one).');
  return { pfxPath: values['cert-pfx'], pfxPassword: values['cert-password'], pemPath: values['cert-pem'], thumbprint: values.thumbprint };
}

/**
 * The sign-in the options ask for. A site on this machine signs in to the emulator as
 * --user (`defaultUser` when not given); any other site signs in to its tenant.
 * @throws SignInError naming the option that is missing, malformed or out of place.
 */
export function readSignIn(values: ISignInValues, defaultUser: string = SITE_OWNER.email): SiteSignIn {
  const { url, site } = readSite(values.site);
  const tenantOption = TENANT_OPTIONS.find((option) => values[option] !== undefined && values[option] !== false);

  if (THIS_MACHINE.has(url.hostname)) {
    if (tenantOption) throw new SignInError(`--${tenantOption} signs in to SharePoint Online, but ${site} is the local emulator, which signs in with --user EMAIL: leave --${tenantOption} out, or give the SharePoint Online site.`);
    const user = (values.user ?? defaultUser).trim();
    if (user === '') throw new SignInError('--user needs the e-mail of who signs in to the local emulator.');
    return { site, kind: 'emulator', user };
  }

  if (values.user !== undefined) throw new SignInError(`--user signs in to the local emulator only; ${url.origin} is SharePoint Online: sign in with --client-id ID and a certificate (--cert-pfx or --cert-pem) or --device-code.`);
  if (url.protocol !== 'https:') throw new SignInError(`--site "${site}": SharePoint Online is reached over https; give its https:// address.`);
  const clientId = values['client-id']?.trim();
  if (!clientId) throw new SignInError(`${url.origin} is SharePoint Online: give the app registration's Application (client) ID with --client-id ID.`);
  // contoso.sharepoint.com signs in at contoso.onmicrosoft.com unless told otherwise.
  const tenant = values.tenant?.trim() || (url.hostname.endsWith('.sharepoint.com') ? `${url.hostname.split('.')[0]}.onmicrosoft.com` : undefined);
  if (!tenant) throw new SignInError(`Give the tenant with --tenant TENANT (its domain, such as contoso.onmicrosoft.com, or its ID): it cannot be told from ${url.hostname}.`);

  if (values['device-code'] === true) {
    const certificateOption = (['cert-pfx', 'cert-pem', 'cert-password', 'thumbprint'] as const).find((option) => values[option] !== undefined);
    if (certificateOption) throw new SignInError(`--device-code signs you in without a certificate: give --device-code or --${certificateOption}, not both.`);
    return { site, kind: 'deviceCode', tenant, clientId };
  }
  return { site, kind: 'certificate', tenant, clientId, certificate: readCertificate(values) };
}

/** Who a sign-in acts as, for messages: "sam.owner@send.example", "the app 1a2b…", "you (device code)". */
export function signedInAs(signIn: SiteSignIn): string {
  switch (signIn.kind) {
    case 'emulator':
      return signIn.user;
    case 'certificate':
      return `the app ${signIn.clientId}`;
    default:
      return 'you (signed in by device code)';
  }
}

/** The sign-in options that sign in the same way again, for a command a message suggests. */
export function signInArguments(signIn: SiteSignIn): string {
  switch (signIn.kind) {
    case 'emulator':
      return `--site ${signIn.site} --user <a site owner's e-mail>`;
    case 'certificate': {
      const { pfxPath, pfxPassword, pemPath } = signIn.certificate;
      const certificate = pfxPath ? `--cert-pfx ${pfxPath}${pfxPassword !== undefined ? ' --cert-password <password>' : ''}` : `--cert-pem ${pemPath ?? ''}`;
      return `--site ${signIn.site} --tenant ${signIn.tenant} --client-id ${signIn.clientId} ${certificate}`;
    }
    default:
      return `--site ${signIn.site} --tenant ${signIn.tenant} --client-id ${signIn.clientId} --device-code`;
  }
}
