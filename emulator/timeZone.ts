/**
 * The site's time zone, as SharePoint Online keeps it in the site's regional settings, and
 * the one rule the emulator applies with it: a date-only value is stored as the UTC instant
 * of the site's local midnight of the day the written instant falls on in the site's zone.
 */

/** A time zone a site can have: SharePoint's id and wording, and the IANA zone it follows. */
export interface ISiteTimeZone {
  /** The IANA name the emulator is set with ("Europe/London"). */
  ianaName: string;
  /** SharePoint's time zone id (SP.TimeZone.Id). */
  id: number;
  /** SharePoint's wording (SP.TimeZone.Description). */
  description: string;
  /**
   * SP.TimeZoneInformation, in minutes: UTC = local time + Bias (+ DaylightBias in summer).
   * Recorded from SharePoint Online for Pacific Time: Id 13, "(UTC-08:00) Pacific Time (US and
   * Canada)", { Bias: 480, DaylightBias: -60, StandardBias: 0 } (a PnPjs regionalSettings.timeZone
   * read printed in a public SPFx project); sp-dev-docs#6083 reads the same three numbers.
   */
  information: { Bias: number; DaylightBias: number; StandardBias: number };
}

/**
 * The zones the emulator answers for. Ids are SharePoint's (PnP's TimeZone enum: 2 London,
 * 13 Pacific, 93 UTC); descriptions are Windows' display names, which SharePoint shows.
 */
export const SITE_TIME_ZONES: Readonly<Record<string, ISiteTimeZone>> = {
  'Europe/London': { ianaName: 'Europe/London', id: 2, description: '(UTC) Dublin, Edinburgh, Lisbon, London', information: { Bias: 0, DaylightBias: -60, StandardBias: 0 } },
  'America/Los_Angeles': { ianaName: 'America/Los_Angeles', id: 13, description: '(UTC-08:00) Pacific Time (US and Canada)', information: { Bias: 480, DaylightBias: -60, StandardBias: 0 } },
  UTC: { ianaName: 'UTC', id: 93, description: '(UTC) Coordinated Universal Time', information: { Bias: 0, DaylightBias: 0, StandardBias: 0 } }
};

/** The zone a new emulated site has. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a zone. */
function wallClock(ianaName: string, instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = formatters.get(ianaName);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: ianaName, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(ianaName, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Minutes the zone's clocks are ahead of UTC at an instant (BST: 60; Pacific daylight time: -420). */
export function utcOffsetMinutes(ianaName: string, instant: Date): number {
  const clock = wallClock(ianaName, instant);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / MINUTE_MS);
}

/** The day ("2024-03-31") an instant falls on in the zone. */
export function localDate(ianaName: string, instant: Date): string {
  const { year, month, day } = wallClock(ianaName, instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC instant of local midnight starting `date` ("2024-03-31") in the zone. */
export function localMidnight(ianaName: string, date: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // The offset at a first guess, then at the instant it gives: right on either side of a clock change.
  let instant = midnightUtc - utcOffsetMinutes(ianaName, new Date(midnightUtc)) * MINUTE_MS;
  instant = midnightUtc - utcOffsetMinutes(ianaName, new Date(instant)) * MINUTE_MS;
  return new Date(instant);
}

/**
 * A date-only column's stored value for a written instant: the site's local midnight of the
 * day the instant falls on in the site's zone (the time of day is dropped, never rounded).
 * SharePoint reads a written value as an instant (a `Z` value is UTC) and keeps a date-only
 * column's date in the site's zone; its REST API answers that local midnight in UTC, which is
 * why a date-only column reads `T05:00:00Z` or `T06:00:00Z` on a US Central site as its clocks
 * change (pnp/pnpjs#1890), and why a date read as its UTC date is a day early on a site west
 * of UTC (sp-dev-docs#6083). Where the evidence does not say what happens to an instant that
 * is not the site's midnight, the strict reading is taken: `2024-03-31T00:00:00Z` on a Pacific
 * site is 30 March, 17:00 local, so it is kept as 30 March.
 */
export function dateOnlyValue(ianaName: string, written: Date): Date {
  return localMidnight(ianaName, localDate(ianaName, written));
}
