/**
 * Progress text as plans keep it: one cell with dated paragraphs ("Nov 2019: ... Jan
 * 2020: ..."). Split into one entry per date, so each becomes its own log entry.
 */
import { IsoDate } from '../isoDate';
import { parsePlanDate } from '../planDates';

export interface IDatedText {
  /** Undefined for text before the first date. */
  date?: IsoDate;
  /** The date as written, for the dry-run report. */
  written?: string;
  text: string;
}

// A date at the start of a paragraph or after a full stop, followed by ":" or a dash:
// "Nov 2019:", "12/03/2020 -", "March 2021 –".
const DATED = /(^|\n|[.!?]\s+)(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{2,4}|[A-Za-z]{3,9}\.?[\s-]+'?\d{2,4})\s*(?::|\s[-–—])\s*/g;

/** The dated entries in a progress cell, oldest first as written; a cell with no dates is one undated entry. */
export function splitDatedText(text: string): IDatedText[] {
  const markers: Array<{ start: number; end: number; written: string; date: IsoDate }> = [];
  // The SPFx build targets ES2019 (no String.matchAll), so the global regex is walked with exec from the start.
  DATED.lastIndex = 0;
  for (let match = DATED.exec(text); match !== null; match = DATED.exec(text)) {
    const written = match[2];
    const parsed = parsePlanDate(written);
    if ((parsed.kind === 'date' || parsed.kind === 'month') && parsed.date) {
      const start = (match.index ?? 0) + match[1].length;
      markers.push({ start, end: (match.index ?? 0) + match[0].length, written, date: parsed.date });
    }
  }
  const entries: IDatedText[] = [];
  const before = text.slice(0, markers[0]?.start ?? text.length).trim();
  if (before) entries.push({ text: before });
  markers.forEach((marker, index) => {
    const body = text.slice(marker.end, markers[index + 1]?.start ?? text.length).trim();
    if (body) entries.push({ date: marker.date, written: marker.written, text: body });
  });
  return entries;
}
