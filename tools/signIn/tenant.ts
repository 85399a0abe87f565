/**
 * Signing in to a SharePoint Online site from Node for the command-line tools, with
 * @pnp/nodejs and MSAL: an app registration's certificate (app-only: Sites.Selected or
 * Sites.FullControl.All), or a person's delegated sign-in by device code. Loaded only
 * for a tenant (./index), so the emulator's runs load none of MSAL.
 */
import { Configuration, DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';
import { MSAL, SPDefault } from '@pnp/nodejs';
import { Queryable } from '@pnp/queryable';
import { SPFI, spfi } from '@pnp/sp';
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import forge from 'node-forge';
import { PlanDataErrors } from '../../src/services/errorBehaviour';
import { SignInError } from './options';

/** An app registration's certificate: a .pfx (with its password) or a PEM file holding the private key (and, ideally, the certificate). */
export interface ICertificate {
  pfxPath?: string;
  pfxPassword?: string;
  pemPath?: string;
  /** SHA-1 thumbprint in hex; read from the certificate when the file holds it. */
  thumbprint?: string;
}

export type TenantSignIn =
  | { kind: 'certificate'; tenant: string; clientId: string; certificate: ICertificate }
  | { kind: 'deviceCode'; tenant: string; clientId: string };

function readOrExplain(path: string, option: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new SignInError(`${option} ${path}: the file could not be read (check the path, and that you may read it).`);
  }
}

/** The private key (PEM) and SHA-1 thumbprint MSAL signs its client assertion with. */
export function certificateCredential(certificate: ICertificate): { privateKey: string; thumbprint: string } {
  if (certificate.pfxPath) {
    const der = readOrExplain(certificate.pfxPath, '--cert-pfx').toString('binary');
    let p12: forge.pkcs12.Pkcs12Pfx;
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), certificate.pfxPassword ?? '');
    } catch {
      throw new SignInError(`${certificate.pfxPath} is not a .pfx file this password opens (give the password with --cert-password).`);
    }
    const keyBag = (p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [])[0] ?? (p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? [])[0];
    const certBag = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])[0];
    if (!keyBag?.key) throw new SignInError(`${certificate.pfxPath} holds no private key: export the certificate with its private key.`);
    const thumbprint = certificate.thumbprint ?? (certBag?.cert ? createHash('sha1').update(forge.asn1.toDer(forge.pki.certificateToAsn1(certBag.cert)).getBytes(), 'binary').digest('hex') : undefined);
    if (!thumbprint) throw new SignInError(`${certificate.pfxPath} holds no certificate: give its thumbprint with --thumbprint.`);
    return { privateKey: forge.pki.privateKeyToPem(keyBag.key), thumbprint };
  }
  if (certificate.pemPath) {
    const pem = readOrExplain(certificate.pemPath, '--cert-pem').toString('utf8');
    const key = /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/.exec(pem);
    if (!key) throw new SignInError(`${certificate.pemPath} holds no private key.`);
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
    const thumbprint = certificate.thumbprint ?? (cert ? new X509Certificate(cert[0]).fingerprint.replace(/:/g, '') : undefined);
    if (!thumbprint) throw new SignInError(`${certificate.pemPath} holds no certificate: give its thumbprint with --thumbprint.`);
    return { privateKey: key[0], thumbprint };
  }
  throw new SignInError('A certificate sign-in needs --cert-pfx or --cert-pem.');
}

/** A behaviour putting a bearer token on every request, from `token` (asked each time: MSAL caches and renews). */
function BearerToken(token: () => Promise<string>): (instance: Queryable) => Queryable {
  return (instance) => {
    instance.on.auth(async (url, init) => {
      init.headers = { ...init.headers, Authorization: `Bearer ${await token()}` };
      return [url, init];
    });
    return instance;
  };
}

/** A delegated token by device code: the person signs in at microsoft.com/devicelogin; later tokens come from MSAL's cache. */
function deviceCodeToken(tenant: string, clientId: string, scopes: string[], tell: (message: string) => void): () => Promise<string> {
  const client = new PublicClientApplication({ auth: { clientId, authority: `https://login.microsoftonline.com/${tenant}` } });
  let signedIn: Promise<string> | undefined;
  return async () => {
    const [account] = await client.getTokenCache().getAllAccounts();
    if (account) return (await client.acquireTokenSilent({ account, scopes })).accessToken;
    const request: DeviceCodeRequest = { scopes, deviceCodeCallback: (response) => tell(response.message) };
    signedIn = signedIn ?? client.acquireTokenByDeviceCode(request).then((result) => {
      if (!result) throw new SignInError('The device code sign-in did not finish.');
      return result.accessToken;
    });
    return signedIn;
  };
}

/**
 * PnPjs for the site, signed in as `signIn` says, with Node's defaults from @pnp/nodejs
 * (headers, fetch with retry honouring Retry-After, parsing).
 */
export function tenantSp(siteUrl: string, signIn: TenantSignIn, tell: (message: string) => void): SPFI {
  const resource = new URL(siteUrl).origin;
  const scopes = [`${resource}/.default`];
  const sp = spfi(siteUrl).using(SPDefault({ baseUrl: siteUrl }), PlanDataErrors());
  if (signIn.kind === 'deviceCode') return sp.using(BearerToken(deviceCodeToken(signIn.tenant, signIn.clientId, scopes, tell)));
  const config: Configuration = { auth: { clientId: signIn.clientId, authority: `https://login.microsoftonline.com/${signIn.tenant}`, clientCertificate: certificateCredential(signIn.certificate) } };
  return sp.using(MSAL(config, scopes));
}
