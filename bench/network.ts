/**
 * Views timed where people are: Chromium's network emulation (Chrome DevTools Protocol
 * `Network.emulateNetworkConditions`) on a council VPN and on a phone, for a first
 * visit (empty cache) and a repeat visit (the same browser profile, opening the page
 * again), with the bytes each moved.
 */
import { Browser, Locator, Page } from 'playwright-core';
import { SharePointEmulator } from '../emulator/server';
import { PlanViewKey } from '../src/components/navigation';
import { signedInPage } from '../tests/support/browser';

/** A link as Chromium emulates it: round trip added to every response, throughput in bits per second. */
export interface INetworkProfile {
  name: string;
  roundTripMs: number;
  downBitsPerSecond: number;
  upBitsPerSecond: number;
}

/** The two profiles: a council VPN, and a phone in Teams on a mobile network. */
export const NETWORK_PROFILES: readonly INetworkProfile[] = [
  { name: 'vpn', roundTripMs: 100, downBitsPerSecond: 10_000_000, upBitsPerSecond: 5_000_000 },
  { name: 'phone', roundTripMs: 150, downBitsPerSecond: 4_000_000, upBitsPerSecond: 4_000_000 }
];

/** One visit: time to the view's first meaningful render, bytes moved, and whether it rendered before any SharePoint response came. */
export interface IVisitFigures {
  ms: number;
  bytes: number;
  apiBytes: number;
  apiRequests: number;
  /** Rendered before the first SharePoint response arrived: drawn from what the browser kept. */
  renderedBeforeNetwork: boolean;
}

export interface IProfileFigures {
  first: IVisitFigures;
  repeat: IVisitFigures;
}

async function emulate(page: Page, profile: INetworkProfile): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.roundTripMs,
    downloadThroughput: profile.downBitsPerSecond / 8,
    uploadThroughput: profile.upBitsPerSecond / 8
  });
}

/** Opens the page on the view and waits for its marker, counting what came over the link meanwhile. */
async function visit(page: Page, url: string, marker: Locator): Promise<IVisitFigures> {
  const figures: IVisitFigures = { ms: 0, bytes: 0, apiBytes: 0, apiRequests: 0, renderedBeforeNetwork: false };
  let firstApiResponseAt = Number.POSITIVE_INFINITY;
  const pending: Array<Promise<void>> = [];
  const onResponse = (response: { url(): string }): void => {
    if (response.url().includes('/_api/')) firstApiResponseAt = Math.min(firstApiResponseAt, performance.now());
  };
  const onFinished = (request: { url(): string; sizes(): Promise<{ responseBodySize: number; responseHeadersSize: number }> }): void => {
    pending.push(
      request.sizes().then(
        (sizes) => {
          const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
          figures.bytes += bytes;
          if (request.url().includes('/_api/')) {
            figures.apiBytes += bytes;
            figures.apiRequests += 1;
          }
        },
        () => undefined
      )
    );
  };
  page.on('response', onResponse);
  page.on('requestfinished', onFinished);
  const started = performance.now();
  await page.goto(url);
  await marker.waitFor({ timeout: 600_000 });
  const renderedAt = performance.now();
  figures.ms = renderedAt - started;
  figures.renderedBeforeNetwork = renderedAt < firstApiResponseAt;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', onResponse);
  page.off('requestfinished', onFinished);
  return figures;
}

/** A first and a repeat visit of one view, as one person on one device over the profile's link. */
export async function measureOnLink(
  browser: Browser,
  emulator: SharePointEmulator,
  email: string,
  view: PlanViewKey,
  marker: (page: Page) => Locator,
  profile: INetworkProfile
): Promise<IProfileFigures> {
  const page = await signedInPage(browser, emulator, email);
  try {
    await emulate(page, profile);
    const url = `${emulator.url}/?view=${view}`;
    const first = await visit(page, url, marker(page));
    const repeat = await visit(page, url, marker(page));
    return { first, repeat };
  } finally {
    await page.context().close();
  }
}
