/**
 * A PnPjs instance for Node, signed in to the emulator as one user: the same
 * behaviours a browser uses (SPBrowser: default headers, retry with Retry-After,
 * form digest), plus the header that tells the emulator who is calling.
 */
import { InjectHeaders } from '@pnp/queryable';
import { SPBrowser, SPFI, spfi } from '@pnp/sp';
import { USER_HEADER } from './server';

export function emulatorSp(siteUrl: string, userEmail: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders({ [USER_HEADER]: userEmail }));
}
