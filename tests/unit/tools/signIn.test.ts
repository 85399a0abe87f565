/**
 * The command-line tools' one sign-in (tools/signIn): which sign-in the options choose and
 * the message for each one missing or out of place; then the PnPjs instance each sign-in
 * builds, up to MSAL's token. No tenant is reachable here, so MSAL's token calls are
 * stubbed on its own classes (the seam): the test sees the authority, client id,
 * certificate and scopes MSAL was given, and the token on the request sent to the site,
 * which a stand-in for fetch answers.
 */
import { ConfidentialClientApplication, DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';
import { Queryable } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { SITE_OWNER } from '../../../emulator/sample/users';
import { USER_HEADER } from '../../../emulator/signIn';
import { PlanDataError } from '../../../src/services/errors';
import { ISignInValues, SIGN_IN_HELP, SignInError, SiteSignIn, readSignIn, signInArguments, signedInSp } from '../../../tools/signIn';

const TENANT_SITE = 'https://contoso.sharepoint.com/sites/send';
const EMULATOR_SITE = 'http://127.0.0.1:4321/sites/send';

/** The message readSignIn refuses these options with. */
function refusal(values: ISignInValues): string {
  try {
    readSignIn(values);
  } catch (error) {
    expect(error).toBeInstanceOf(SignInError);
    return (error as Error).message;
  }
  throw new Error('readSignIn accepted the options');
}

describe('readSignIn chooses the sign-in', () => {
  it('signs in to the emulator on this machine, as the site owner unless --user says', () => {
    expect(readSignIn({ site: `${EMULATOR_SITE}/` })).toEqual({ kind: 'emulator', site: EMULATOR_SITE, user: SITE_OWNER.email });
    expect(readSignIn({ site: 'http://localhost:4321/sites/send', user: 'ella.exec@send.example' })).toEqual({ kind: 'emulator', site: 'http://localhost:4321/sites/send', user: 'ella.exec@send.example' });
  });

  it('signs in to SharePoint Online with a certificate, in the tenant the address names unless --tenant says', () => {
    expect(readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'cert-pfx': 'app.pfx', 'cert-password': 'secret' })).toEqual({
      kind: 'certificate',
      site: TENANT_SITE,
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'app-1',
      certificate: { pfxPath: 'app.pfx', pfxPassword: 'secret', pemPath: undefined, thumbprint: undefined }
    });
    expect(readSignIn({ site: 'https://send.example.gov.uk/sites/send', tenant: 'tenant-guid', 'client-id': 'app-1', 'cert-pem': 'app.pem', thumbprint: 'AB12' })).toMatchObject({
      kind: 'certificate',
      tenant: 'tenant-guid',
      certificate: { pemPath: 'app.pem', thumbprint: 'AB12' }
    });
  });

  it('signs a person in by device code', () => {
    expect(readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'device-code': true })).toEqual({ kind: 'deviceCode', site: TENANT_SITE, tenant: 'contoso.onmicrosoft.com', clientId: 'app-1' });
  });
});

describe('readSignIn names what is missing or out of place', () => {
  it.each<[string, ISignInValues, string]>([
    ['no site', {}, 'Give the site with --site URL'],
    ['a site that is not an address', { site: 'contoso' }, '--site "contoso" is not a web address'],
    ['a site that is not http', { site: 'ftp://contoso.sharepoint.com/sites/send' }, 'is not an http or https address'],
    ['a tenant option for the emulator', { site: EMULATOR_SITE, 'client-id': 'app-1' }, '--client-id signs in to SharePoint Online, but http://127.0.0.1:4321/sites/send is the local emulator, which signs in with --user EMAIL'],
    ['--device-code for the emulator', { site: EMULATOR_SITE, 'device-code': true }, '--device-code signs in to SharePoint Online'],
    ['an empty --user', { site: EMULATOR_SITE, user: ' ' }, '--user needs the e-mail'],
    ['--user for a tenant', { site: TENANT_SITE, user: 'sam@contoso.com', 'client-id': 'app-1', 'device-code': true }, '--user signs in to the local emulator only; https://contoso.sharepoint.com is SharePoint Online'],
    ['a tenant over http', { site: 'http://contoso.sharepoint.com/sites/send', 'client-id': 'app-1', 'device-code': true }, 'SharePoint Online is reached over https'],
    ['no client id', { site: TENANT_SITE, 'cert-pfx': 'app.pfx' }, "give the app registration's Application (client) ID with --client-id ID"],
    ['a tenant the address does not name', { site: 'https://send.example.gov.uk/sites/send', 'client-id': 'app-1', 'device-code': true }, 'Give the tenant with --tenant TENANT'],
    ['neither certificate nor device code', { site: TENANT_SITE, 'client-id': 'app-1' }, 'with a certificate (--cert-pfx FILE or --cert-pem FILE) or as yourself with --device-code'],
    ['two certificates', { site: TENANT_SITE, 'client-id': 'app-1', 'cert-pfx': 'a.pfx', 'cert-pem': 'a.pem' }, '--cert-pfx FILE or --cert-pem FILE, not both'],
    ['a password without a .pfx', { site: TENANT_SITE, 'client-id': 'app-1', 'cert-pem': 'a.pem', 'cert-password': 'x' }, '--cert-password opens a .pfx file: give the file with --cert-pfx FILE'],
    ['a certificate and a device code', { site: TENANT_SITE, 'client-id': 'app-1', 'device-code': true, 'cert-pfx': 'a.pfx' }, 'give --device-code or --cert-pfx, not both']
  ])('%s', (_case, values, message) => {
    expect(refusal(values)).toContain(message);
  });

  it('every message is one line', () => {
    expect(refusal({ site: TENANT_SITE, 'client-id': 'app-1' })).not.toContain('\n');
  });
});

describe('the shared help and the arguments a message suggests', () => {
  it('lists every sign-in option once', () => {
    for (const option of ['--site URL', '--client-id ID', '--cert-pfx FILE', '--cert-password TEXT', '--cert-pem FILE', '--thumbprint SHA1', '--device-code', '--tenant TENANT', '--user EMAIL']) {
      expect(SIGN_IN_HELP.split(option)).toHaveLength(2);
    }
  });

  it('repeats the sign-in, never a password', () => {
    const signIn = readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'cert-pfx': 'app.pfx', 'cert-password': 'secret' });
    expect(signInArguments(signIn)).toBe(`--site ${TENANT_SITE} --tenant contoso.onmicrosoft.com --client-id app-1 --cert-pfx app.pfx --cert-password <password>`);
    expect(signInArguments(readSignIn({ site: EMULATOR_SITE }))).toBe(`--site ${EMULATOR_SITE} --user <a site owner's e-mail>`);
  });
});

interface ISentRequest {
  url: string;
  headers: Record<string, string>;
}

/** Answers every request in place of fetch, with `status` and a JSON body, and records what was sent. */
function answeredBy(sent: ISentRequest[], status: number, body: unknown): (instance: Queryable) => Queryable {
  return (instance) => {
    instance.on.send.replace(async (url, init) => {
      sent.push({ url: url.toString(), headers: { ...(init.headers as Record<string, string>) } });
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    });
    return instance;
  };
}

/** A self-signed certificate with its key, in one PEM file and in a .pfx, and the certificate's SHA-1 thumbprint. */
function makeCertificate(folder: string): { pem: string; pfx: string; thumbprint: string } {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(2025, 0, 1);
  cert.validity.notAfter = new Date(2035, 0, 1);
  cert.setSubject([{ name: 'commonName', value: 'send-tools-test' }]);
  cert.setIssuer([{ name: 'commonName', value: 'send-tools-test' }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const pem = join(folder, 'app.pem');
  writeFileSync(pem, `${forge.pki.privateKeyToPem(keys.privateKey)}${forge.pki.certificateToPem(cert)}`);
  const pfx = join(folder, 'app.pfx');
  writeFileSync(pfx, Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, cert, 'secret')).getBytes(), 'binary'));
  const thumbprint = createHash('sha1').update(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary').digest('hex');
  return { pem, pfx, thumbprint };
}

/** What MSAL was built with, read from the client its token call runs on. */
interface IMsalClient {
  config: { auth: { clientId: string; authority: string } };
}

describe('signedInSp', () => {
  let folder: string;
  let certificate: { pem: string; pfx: string; thumbprint: string };
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'send-signin-'));
    certificate = makeCertificate(folder);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  async function readTitle(sp: SPFI): Promise<string> {
    return (await sp.web.select('Title')()).Title;
  }

  it.each([
    ['a PEM file', (): ISignInValues => ({ 'cert-pem': certificate.pem })],
    ['a .pfx file', (): ISignInValues => ({ 'cert-pfx': certificate.pfx, 'cert-password': 'secret' })]
  ])('with a certificate in %s, asks MSAL for an app token for the site, in the tenant, and sends it', async (_file, certificateOptions) => {
    const asked: { client: IMsalClient; scopes: string[] }[] = [];
    jest.spyOn(ConfidentialClientApplication.prototype, 'acquireTokenByClientCredential').mockImplementation(async function (this: unknown, request) {
      asked.push({ client: this as IMsalClient, scopes: request.scopes ?? [] });
      return { tokenType: 'Bearer', accessToken: 'app-token' } as Awaited<ReturnType<ConfidentialClientApplication['acquireTokenByClientCredential']>>;
    });
    const sent: ISentRequest[] = [];
    const signIn = readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', ...certificateOptions() });

    const sp = (await signedInSp(signIn, () => undefined)).using(answeredBy(sent, 200, { Title: 'SEND' }));

    expect(await readTitle(sp)).toBe('SEND');
    expect(asked).toHaveLength(1);
    expect(asked[0].scopes).toEqual(['https://contoso.sharepoint.com/.default']);
    expect(asked[0].client.config.auth.clientId).toBe('app-1');
    expect(asked[0].client.config.auth.authority).toMatch(/^https:\/\/login\.microsoftonline\.com\/contoso\.onmicrosoft\.com\/?$/);
    expect(sent[0].url).toMatch(/^https:\/\/contoso\.sharepoint\.com\/sites\/send\/_api\/web/);
    expect(sent[0].headers.Authorization).toBe('Bearer app-token');
  });

  it('reads the thumbprint MSAL signs with from the certificate', async () => {
    const { certificateCredential } = await import('../../../tools/signIn/tenant');
    expect(certificateCredential({ pemPath: certificate.pem }).thumbprint.toLowerCase()).toBe(certificate.thumbprint);
    expect(certificateCredential({ pfxPath: certificate.pfx, pfxPassword: 'secret' }).thumbprint).toBe(certificate.thumbprint);
  });

  it('by device code, tells the person where to sign in and sends their token', async () => {
    const asked: { client: IMsalClient; scopes: string[] }[] = [];
    jest.spyOn(PublicClientApplication.prototype, 'acquireTokenByDeviceCode').mockImplementation(async function (this: unknown, request: DeviceCodeRequest) {
      asked.push({ client: this as IMsalClient, scopes: request.scopes });
      request.deviceCodeCallback({ message: 'Open https://microsoft.com/devicelogin and enter ABC123.' } as Parameters<DeviceCodeRequest['deviceCodeCallback']>[0]);
      return { accessToken: 'person-token' } as Awaited<ReturnType<PublicClientApplication['acquireTokenByDeviceCode']>>;
    });
    const told: string[] = [];
    const sent: ISentRequest[] = [];

    const sp = (await signedInSp(readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'device-code': true }), (line) => told.push(line))).using(answeredBy(sent, 200, { Title: 'SEND' }));

    expect(await readTitle(sp)).toBe('SEND');
    expect(told).toEqual(['Open https://microsoft.com/devicelogin and enter ABC123.']);
    expect(asked[0].scopes).toEqual(['https://contoso.sharepoint.com/.default']);
    expect(asked[0].client.config.auth.authority).toMatch(/^https:\/\/login\.microsoftonline\.com\/contoso\.onmicrosoft\.com\/?$/);
    expect(sent[0].headers.Authorization).toBe('Bearer person-token');
  });

  it('signs in to the emulator by its user header', async () => {
    const sent: ISentRequest[] = [];

    const sp = (await signedInSp(readSignIn({ site: EMULATOR_SITE }), () => undefined)).using(answeredBy(sent, 200, { Title: 'SEND' }));

    expect(await readTitle(sp)).toBe('SEND');
    expect(sent[0].headers[USER_HEADER]).toBe(SITE_OWNER.email);
  });

  it.each<[string, () => SiteSignIn]>([
    ['a tenant', () => readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'cert-pem': certificate.pem })],
    ['the emulator', () => readSignIn({ site: EMULATOR_SITE })]
  ])('rejects a refused request on %s with a typed PlanDataError', async (_site, signIn) => {
    jest.spyOn(ConfidentialClientApplication.prototype, 'acquireTokenByClientCredential').mockResolvedValue({ tokenType: 'Bearer', accessToken: 'app-token' } as Awaited<ReturnType<ConfidentialClientApplication['acquireTokenByClientCredential']>>);
    const sp = (await signedInSp(signIn(), () => undefined)).using(answeredBy([], 403, { error: { code: '-2147024891, System.UnauthorizedAccessException', message: { value: 'Access denied.' } } }));

    const failure = await readTitle(sp).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PlanDataError);
    expect(failure).toMatchObject({ kind: 'forbidden' });
  });

  it('says which certificate file cannot be used', async () => {
    const missing = join(folder, 'missing.pem');
    await expect(signedInSp(readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'cert-pem': missing }), () => undefined)).rejects.toThrow(new SignInError(`--cert-pem ${missing}: the file could not be read (check the path, and that you may read it).`));
    await expect(signedInSp(readSignIn({ site: TENANT_SITE, 'client-id': 'app-1', 'cert-pfx': certificate.pfx, 'cert-password': 'wrong' }), () => undefined)).rejects.toThrow('is not a .pfx file this password opens');
  });
});
