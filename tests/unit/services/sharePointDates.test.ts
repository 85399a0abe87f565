/**
 * The product's date rule, checked in every whole- and half-hour zone from UTC-12 to UTC+14:
 * a day written with writeSharePointDate and stored as SharePoint stores it (a date-only
 * column: the site's local midnight of the day the instant falls on there; a column shown
 * with its time: the instant as written) reads back as the same day with readSharePointDate,
 * for every zone from UTC-12 to UTC+11:59, and the zones at UTC+12 or beyond are where it fails.
 */
import { readSharePointDate, writeSharePointDate } from '../../../src/services/mappers';

const HOUR_MS = 3_600_000;

/** SharePoint's stored instant for a date-only column in a zone at a fixed offset (hours east of UTC). */
function storedDateOnly(written: string, offsetHours: number): string {
  const local = new Date(Date.parse(written) + offsetHours * HOUR_MS);
  const localDay = local.toISOString().slice(0, 10);
  return new Date(Date.parse(`${localDay}T00:00:00Z`) - offsetHours * HOUR_MS).toISOString().replace('.000Z', 'Z');
}

const offsets = Array.from({ length: (14 + 12) * 2 + 1 }, (_, index) => -12 + index / 2);
const days = ['2024-01-01', '2024-02-29', '2024-03-31', '2024-10-27', '2024-12-31', '2025-03-30', '2025-10-26'];

describe('writeSharePointDate and readSharePointDate', () => {
  it('keep the day chosen in a date-only column on a site anywhere from UTC-12 to UTC+11:30', () => {
    const wrong: string[] = [];
    for (const offset of offsets.filter((hours) => hours < 12)) {
      for (const day of days) {
        const stored = storedDateOnly(writeSharePointDate(day) as string, offset);
        // What SharePoint shows in the list: the stored instant's day in the site's zone.
        const shown = new Date(Date.parse(stored) + offset * HOUR_MS).toISOString().slice(0, 10);
        const read = readSharePointDate(stored);
        if (shown !== day || read !== day) wrong.push(`UTC${offset >= 0 ? '+' : ''}${offset} ${day}: shown ${shown}, read ${read ?? 'nothing'} (${stored})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shift the day at UTC+12 and beyond (New Zealand, Fiji, Tonga), the limit the comment states', () => {
    for (const offset of [12, 13, 14]) {
      const stored = storedDateOnly(writeSharePointDate('2024-03-31') as string, offset);
      expect(new Date(Date.parse(stored) + offset * HOUR_MS).toISOString().slice(0, 10)).toBe('2024-04-01');
    }
  });

  it('read a column shown with its time as the day written: noon UTC is its own day, not the next', () => {
    expect(readSharePointDate('2024-03-31T12:00:00Z')).toBe('2024-03-31');
    expect(readSharePointDate('2024-12-31T12:00:00Z')).toBe('2024-12-31');
    // Earlier versions wrote midnight UTC.
    expect(readSharePointDate('2024-03-31T00:00:00Z')).toBe('2024-03-31');
  });

  it('read local midnights either side of UTC midnight as the day they start', () => {
    expect(readSharePointDate('2024-03-30T23:00:00Z')).toBe('2024-03-31'); // British Summer Time
    expect(readSharePointDate('2024-03-31T07:00:00Z')).toBe('2024-03-31'); // Pacific daylight time
    expect(readSharePointDate('2024-12-31T08:00:00Z')).toBe('2024-12-31'); // Pacific standard time
    expect(readSharePointDate('2024-03-30T13:00:00Z')).toBe('2024-03-31'); // UTC+11
    expect(readSharePointDate('2024-03-31T11:59:00Z')).toBe('2024-03-31');
    expect(readSharePointDate('2024-03-31T12:00:01Z')).toBe('2024-04-01');
  });
});
