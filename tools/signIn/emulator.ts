/**
 * A PnPjs instance for Node, signed in to the emulator as one user: the behaviours
 * a browser uses (default headers and init, retry honouring Retry-After, parsing),
 * the header that tells the emulator who is calling, and a form digest of this
 * user's own. (SPBrowser's digest cache is shared by every instance per site, which
 * is right in a browser with one user, wrong for a test that acts as several.) Every
 * failed request rejects with a typed PlanDataError, as in the web part.
 */
import { BrowserFetchWithRetry, DefaultParse, HttpRequestError, InjectHeaders, Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, SPFI, spfi } from '@pnp/sp';
import { USER_HEADER } from '../../emulator/signIn';
import { PlanDataErrors } from '../../src/services/errorBehaviour';


/** Asks for a form digest, waiting as Retry-After says while SharePoint throttles (as PnPjs does for any request). */
async function contextInfo(siteUrl: string, userEmail: string, attempts = 6): Promise<Response> {
  const response = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', [USER_HEADER]: userEmail } });
  if ((response.status !== 429 && response.status !== 503) || attempts <= 1) return response;
  await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('Retry-After') ?? '1') * 1000));
  return contextInfo(siteUrl, userEmail, attempts - 1);
}

function digestFor(siteUrl: string, userEmail: string): (instance: Queryable) => Queryable {
  let digest: { value: string; expires: number } | undefined;
  return (instance) => {
    instance.on.auth(async (url, init) => {
      if (/get/i.test(init.method ?? 'GET')) return [url, init];
      if (!digest || Date.now() > digest.expires) {
        const response = await contextInfo(siteUrl, userEmail);
        // Read like any other failed request (a site that refuses this user is `forbidden`).
        if (!response.ok) throw await HttpRequestError.init(response);
        const info = (await response.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
        digest = { value: info.FormDigestValue, expires: Date.now() + (info.FormDigestTimeoutSeconds - 60) * 1000 };
      }
      init.headers = { 'X-RequestDigest': digest.value, ...init.headers };
      return [url, init];
    });
    return instance;
  };
}

/** PnPjs for the emulator's site, signed in as the sample user with this e-mail. */
export function emulatorSp(siteUrl: string, userEmail: string): SPFI {
  return spfi(siteUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse(), InjectHeaders({ [USER_HEADER]: userEmail }), digestFor(siteUrl, userEmail), PlanDataErrors());
}
