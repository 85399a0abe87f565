/**
 * Action references as plans write them: dotted ("3.6.4", "4.12.10"), lettered ("A",
 * "J2"), and lists of ranges ("3.2.1 to 3.2.6 3.4.1 to 3.4.3") in impact measures and KPIs.
 */

/** A reference split into comparable parts: numbers compare as numbers, letters as text. */
type RefPart = number | string;

const REF_TOKEN = /^(?:\d+(?:\.\d+)*|[A-Z]{1,2}\d*)$/;
/** Larger ranges are almost certainly typing mistakes ("3.1.1 to 3.1.100"). */
const MAX_RANGE = 200;

function refParts(ref: string): RefPart[] {
  if (/^\d+(?:\.\d+)*$/.test(ref)) {
    return ref.split('.').map(Number);
  }
  const match = /^([A-Za-z]+)(\d*)$/.exec(ref);
  if (!match) {
    // A hand-edited ref ("3.x", "New") is compared as text rather than refused.
    return [ref.toUpperCase()];
  }
  return match[2] ? [match[1].toUpperCase(), Number(match[2])] : [match[1].toUpperCase()];
}

/** Orders references as a reader expects: 3.2 before 3.10, J2 before J10, A before B. */
export function compareRefs(a: string, b: string): number {
  const left = refParts(a.trim());
  const right = refParts(b.trim());
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const l = left[index];
    const r = right[index];
    if (l === undefined) return -1;
    if (r === undefined) return 1;
    if (typeof l === 'number' && typeof r === 'number') {
      if (l !== r) return l - r;
    } else if (String(l) !== String(r)) {
      if (typeof l === 'number') return -1;
      if (typeof r === 'number') return 1;
      return String(l) < String(r) ? -1 : 1;
    }
  }
  return 0;
}

/** True if text looks like one action reference. */
export function isRef(text: string): boolean {
  return REF_TOKEN.test(text.trim());
}

/** Why written references cannot be listed, as a code with what was written; components word it. */
export type RefsProblem =
  | { code: 'noRefs' }
  | { code: 'notARef'; text: string }
  | { code: 'rangeNoStart'; text: string }
  | { code: 'rangeNoEnd'; from: string }
  | { code: 'rangeBackwards'; from: string; to: string }
  /** Crosses outcomes or mixes styles: its members cannot be listed without the plan's actions. */
  | { code: 'rangeCrossesOutcomes'; from: string; to: string }
  | { code: 'rangeNotSingleLetters'; from: string; to: string }
  /** Covers more references than a plan would: probably a typing mistake. */
  | { code: 'rangeTooLong'; from: string; to: string; count: number };

export type RefsResult = { ok: true; refs: string[] } | { ok: false; error: RefsProblem };

function expandRange(from: string, to: string, known: readonly string[] | undefined): RefsResult {
  const start = refParts(from);
  const end = refParts(to);
  if (compareRefs(from, to) > 0) {
    return { ok: false, error: { code: 'rangeBackwards', from, to } };
  }
  const sameParent =
    start.length === end.length &&
    start.slice(0, -1).every((part, index) => part === end[index]) &&
    typeof start[start.length - 1] === typeof end[end.length - 1];

  if (known && known.length > 0) {
    const inRange = known.filter((ref) => compareRefs(ref, from) >= 0 && compareRefs(ref, to) <= 0);
    if (!sameParent || inRange.length > 0) {
      return { ok: true, refs: inRange };
    }
  }
  if (!sameParent) {
    return { ok: false, error: { code: 'rangeCrossesOutcomes', from, to } };
  }
  const last = start.length - 1;
  const first = start[last];
  const final = end[last];
  if (typeof first === 'string' || typeof final === 'string') {
    // Letter ranges: "A to D" (single letters only; "AA to AC" is not a plan convention).
    const a = String(first);
    const b = String(final);
    if (a.length !== 1 || b.length !== 1) {
      return { ok: false, error: { code: 'rangeNotSingleLetters', from, to } };
    }
    const refs: string[] = [];
    for (let code = a.charCodeAt(0); code <= b.charCodeAt(0); code++) {
      refs.push(String.fromCharCode(code));
    }
    return { ok: true, refs };
  }
  if (final - first + 1 > MAX_RANGE) {
    return { ok: false, error: { code: 'rangeTooLong', from, to, count: final - first + 1 } };
  }
  const prefix = from.trim().slice(0, from.trim().length - String(first).length);
  const refs: string[] = [];
  for (let n = first; n <= final; n++) {
    refs.push(`${prefix}${n}`);
  }
  return { ok: true, refs };
}

/**
 * Turns the references a plan wrote against an impact measure or KPI into the set of
 * action references, in reading order without repeats.
 *
 * @param text - e.g. "3.1.1 to 3.1.7", "3.2.1 to 3.2.6 3.4.1 to 3.4.3", "3.3.6", "A, C, J2"
 * @param knownRefs - the plan's action references; lets a range cross outcomes
 *   ("3.1.6 to 3.2.2") by taking the plan's actions between its ends
 */
export function expandRefs(text: string, knownRefs?: readonly string[]): RefsResult {
  const tokens = text
    .replace(/[–—]/g, ' - ')
    .replace(/\b(?:and|&)\b|[,;]/gi, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0);
  if (tokens.length === 0) {
    return { ok: false, error: { code: 'noRefs' } };
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const add = (ref: string): void => {
    if (!seen.has(ref)) {
      seen.add(ref);
      result.push(ref);
    }
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index].replace(/\.$/, '');
    const connector = tokens[index + 1]?.toLowerCase();
    if (connector === 'to' || connector === '-') {
      const end = tokens[index + 2]?.replace(/\.$/, '');
      if (end === undefined) {
        return { ok: false, error: { code: 'rangeNoEnd', from: token } };
      }
      if (!isRef(token) || !isRef(end)) {
        const bad = isRef(token) ? end : token;
        return { ok: false, error: { code: 'notARef', text: bad } };
      }
      const range = expandRange(token, end, knownRefs);
      if (!range.ok) {
        return range;
      }
      range.refs.forEach(add);
      index += 2;
      continue;
    }
    if (token.toLowerCase() === 'to' || token === '-') {
      return { ok: false, error: { code: 'rangeNoStart', text: text.trim() } };
    }
    if (!isRef(token)) {
      return { ok: false, error: { code: 'notARef', text: token } };
    }
    add(token);
  }
  return { ok: true, refs: result };
}
