/**
 * The one sign-in of the command-line tools (npm run import, provision, smoke): the options
 * read once (./options) and a PnPjs instance for the site they name, the emulator's
 * (./emulator) or a tenant's through MSAL (./tenant). Every instance rejects a failed
 * request with a typed PlanDataError, as the web part's does.
 */
import { SPFI } from '@pnp/sp';
import { emulatorSp } from './emulator';
import type { SiteSignIn } from './options';

export type { ISignInValues, SiteSignIn } from './options';
export { SIGN_IN_HELP, SIGN_IN_OPTIONS, SignInError, argumentsProblem, readSignIn, signInArguments, signedInAs } from './options';

/**
 * PnPjs for the site, signed in as `signIn` says. `tell` shows the person what to do
 * (a device code sign-in's address and code).
 * @throws SignInError when a certificate file cannot be used.
 */
export async function signedInSp(signIn: SiteSignIn, tell: (line: string) => void): Promise<SPFI> {
  if (signIn.kind === 'emulator') return emulatorSp(signIn.site, signIn.user);
  // Loaded only here: the emulator's runs need none of MSAL.
  const { tenantSp } = await import('./tenant');
  return tenantSp(signIn.site, signIn, tell);
}
