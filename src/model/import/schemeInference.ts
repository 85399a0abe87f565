/**
 * The status key a sheet was written in, read from the statuses it holds: the plan's own
 * scheme when it covers them, else the key printed in the document ("Red - delayed,
 * Amber - at risk..."), else a preset that covers them, else a custom scheme whose labels
 * are the words found, each given its meaning by its wording. A value that fits nothing
 * ("G/A") is listed, never guessed; the plan officer confirms the scheme before import.
 */
import { CANONICAL_STATUSES, CanonicalStatus, IStatusScheme, PRESET_SCHEMES, labelWithMeaning, matchStatus, normaliseStatusText } from '../statusSchemes';

/** One label of the proposed scheme and how many cells wrote it. */
export interface IProposedLabel {
  label: string;
  meaning: CanonicalStatus;
  found: number;
}

export interface ISchemeProposal {
  scheme: IStatusScheme;
  /** Where the scheme came from: the plan being imported into, a preset, or the words in the sheet. */
  source: 'plan' | 'preset' | 'custom';
  labels: IProposedLabel[];
  /** Values no label could be given a meaning for, with how often each was written. */
  unmatched: Array<{ value: string; found: number }>;
}

/**
 * Meanings by wording, tried in order: "On track some concerns" is at risk, not on track;
 * "Completed embedded sustained" is embedded, not merely complete.
 */
const MEANING_BY_WORDING: ReadonlyArray<[CanonicalStatus, RegExp]> = [
  ['embedded', /^(?:b|blue)$|\bembedded\b|\bsustained\b|\bbusiness as usual\b/],
  ['notStarted', /^(?:grey|gray)$|\bnot (?:yet )?(?:started|due|begun)\b|\bnot due yet\b|\byet to start\b|\bfuture\b/],
  ['atRisk', /^(?:a|amber)$|\bsome concerns?\b|\bat risk\b|\bminor (?:concerns?|issues?)\b|\bslight(?:ly)? (?:delayed|behind)\b/],
  ['offTrack', /^(?:r|red)$|\boff track\b|\bdelayed\b|\bbehind\b|\bsignificant (?:concerns?|issues?)\b|\bnot on track\b|\bstalled\b|\boverdue\b/],
  ['complete', /^(?:c)$|\bcomplete(?:d)?\b|\bdone\b|\bachieved\b|\bclosed\b|\bfinished\b/],
  ['onTrack', /^(?:g|green)$|\bon track\b|\bno concerns?\b|\bgood progress\b|\bin progress\b|\bprogressing\b/]
];

/** The meaning a status's wording gives it, if any. */
export function meaningOfWording(value: string): CanonicalStatus | undefined {
  const normal = normaliseStatusText(value);
  return MEANING_BY_WORDING.find(([, pattern]) => pattern.test(normal))?.[0];
}

/** One label of a status key as the document prints it, with the meaning its words give it. */
export interface IPrintedStatus {
  label: string;
  meaning: CanonicalStatus;
  /** What the document says the label means ("Delayed or low confidence of completion"). */
  description: string;
}

/** Words that introduce a key rather than being one of its labels: "RAG:", "Key -", "Status key:". */
const KEY_INTRODUCTION = /^(?:(?:rag|brag|ragc|bragg|ragp|status)(?:\s+(?:key|rating|status))?|key)\s*[:\-–—]\s*/i;
/** One entry: a label of a few words, a separator (":", "=", a dash between spaces or after the label), its meaning. */
const KEY_ENTRY = /^([A-Za-z][A-Za-z/ ]{0,30}?)\s*(?:[:=]|\s[-–—]|[-–—]\s)\s*(\S.*)$/;

/**
 * The entries of one line of a printed status key ("Red - delayed", "R: Delayed; A: At
 * risk; G: On track", "Red = off track, Amber = some concerns"), or undefined when the
 * line is not one: every part must be a short label with a meaning its words or its
 * label give. A part with no label of its own continues the meaning before it ("Grey -
 * not started, no concerns").
 */
export function statusKeyEntries(line: string): IPrintedStatus[] | undefined {
  const entries: Array<{ label: string; description: string }> = [];
  for (const part of line.trim().replace(KEY_INTRODUCTION, '').split(/[;,\n]/)) {
    const text = part.trim();
    if (text === '') continue;
    const entry = KEY_ENTRY.exec(text);
    if (entry && entry[1].trim().split(/\s+/).length <= 4) entries.push({ label: entry[1].trim(), description: entry[2].trim().replace(/[.;]$/, '') });
    else if (entries.length > 0) entries[entries.length - 1].description += `, ${text.replace(/[.;]$/, '')}`;
    else return undefined;
  }
  if (entries.length === 0) return undefined;
  const printed: IPrintedStatus[] = [];
  for (const { label, description } of entries) {
    const meaning = meaningOfWording(description) ?? meaningOfWording(label);
    if (!meaning) return undefined;
    printed.push({ label, meaning, description });
  }
  return printed;
}

/**
 * The status key printed among these lines: the first run of consecutive key lines that
 * names two labels or more (a line introducing it, "Key:" or "RAG rating", may stand
 * before it). Empty when there is none.
 */
export function readStatusKey(lines: readonly string[]): IPrintedStatus[] {
  let run: IPrintedStatus[] = [];
  for (const line of lines) {
    const entries = KEY_INTRODUCTION.test(`${line.trim()}:`) && line.trim().split(/\s+/).length <= 3 ? [] : statusKeyEntries(line);
    if (entries) {
      run = run.concat(entries);
      continue;
    }
    if (run.length >= 2) break;
    run = [];
  }
  if (run.length < 2) return [];
  const labels = new Set<string>();
  return run.filter((entry) => {
    const key = normaliseStatusText(entry.label);
    if (labels.has(key)) return false;
    labels.add(key);
    return true;
  });
}

/**
 * The scheme a printed key makes: the preset it reproduces (the same labels with the same
 * meanings), else its own labels in its order with the meanings and descriptions it
 * prints, each taking the spellings of a preset label it matches with the same meaning
 * ("R" is also "Red").
 */
function schemeOfKey(key: readonly IPrintedStatus[]): IStatusScheme {
  const sameMeaning = (scheme: IStatusScheme, entry: IPrintedStatus): boolean => {
    const matched = matchStatus(scheme, entry.label);
    return matched.ok && matched.label.meaning === entry.meaning;
  };
  const preset = PRESET_SCHEMES.find((scheme) => scheme.labels.length === key.length && key.every((entry) => sameMeaning(scheme, entry)));
  if (preset) return preset;
  const labels = key.map((entry) => {
    const like = PRESET_SCHEMES.map((scheme) => matchStatus(scheme, entry.label)).find((matched) => matched.ok && matched.label.meaning === entry.meaning);
    const spellings = like && like.ok ? [like.label.label, ...like.label.aliases].filter((spelling) => normaliseStatusText(spelling) !== normaliseStatusText(entry.label)) : [];
    return { ...labelWithMeaning(entry.label, entry.meaning, spellings), description: entry.description };
  });
  return { id: 'custom', name: 'custom', labels };
}

/** Distinct values (compared as statuses are matched) with how often each was written, first spelling kept. */
function countValues(values: readonly string[]): Array<{ value: string; found: number }> {
  const counts = new Map<string, { value: string; found: number }>();
  for (const raw of values) {
    const value = raw.trim();
    if (!value) continue;
    const key = normaliseStatusText(value);
    const entry = counts.get(key);
    if (entry) entry.found += 1;
    else counts.set(key, { value, found: 1 });
  }
  return Array.from(counts.values());
}

function covers(scheme: IStatusScheme, distinct: ReadonlyArray<{ value: string }>): boolean {
  return distinct.every(({ value }) => matchStatus(scheme, value).ok);
}

function proposalFrom(scheme: IStatusScheme, source: ISchemeProposal['source'], distinct: ReadonlyArray<{ value: string; found: number }>): ISchemeProposal {
  const labels = scheme.labels.map((label) => ({
    label: label.label,
    meaning: label.meaning,
    found: distinct.filter(({ value }) => {
      const matched = matchStatus(scheme, value);
      return matched.ok && matched.label.key === label.key;
    }).reduce((sum, entry) => sum + entry.found, 0)
  }));
  return { scheme, source, labels, unmatched: distinct.filter(({ value }) => !matchStatus(scheme, value).ok) };
}

/**
 * Proposes the scheme for the statuses a sheet holds.
 *
 * @param values - every status cell's text (current and dated columns)
 * @param planScheme - the scheme of the plan being imported into, if any: it is kept whatever the sheet holds
 * @param printedKey - the key printed in the document (`readStatusKey`): with two labels or more, it is the scheme
 */
export function inferScheme(values: readonly string[], planScheme?: IStatusScheme, printedKey: readonly IPrintedStatus[] = []): ISchemeProposal {
  const distinct = countValues(values);
  if (planScheme) return proposalFrom(planScheme, 'plan', distinct);
  if (printedKey.length >= 2) {
    const scheme = schemeOfKey(printedKey);
    return proposalFrom(scheme, scheme.id === 'custom' ? 'custom' : 'preset', distinct);
  }
  // The preset that covers every value any preset knows, with the fewest labels left unused, fits best;
  // a value no preset knows ("G/A") is then listed as unmatched rather than forcing a custom scheme.
  const known = distinct.filter(({ value }) => PRESET_SCHEMES.some((scheme) => matchStatus(scheme, value).ok));
  const presets = PRESET_SCHEMES.filter((scheme) => covers(scheme, known));
  if (presets.length > 0 && known.length > 0 && known.length === distinct.filter(({ value }) => meaningOfWording(value) !== undefined || known.some((entry) => entry.value === value)).length) {
    const unused = (scheme: IStatusScheme): number => proposalFrom(scheme, 'preset', distinct).labels.filter((label) => label.found === 0).length;
    const best = presets.reduce((fit, candidate) => (unused(candidate) < unused(fit) ? candidate : fit));
    return proposalFrom(best, 'preset', distinct);
  }
  if (distinct.every(({ value }) => meaningOfWording(value) === undefined)) {
    // Nothing to build a scheme from: the commonest key, with every value listed for the officer.
    return proposalFrom(PRESET_SCHEMES[0], 'preset', distinct);
  }
  const labels = distinct
    .map((entry) => ({ ...entry, meaning: meaningOfWording(entry.value) }))
    .filter((entry): entry is { value: string; found: number; meaning: CanonicalStatus } => entry.meaning !== undefined)
    .sort((a, b) => CANONICAL_STATUSES.indexOf(a.meaning) - CANONICAL_STATUSES.indexOf(b.meaning));
  const scheme: IStatusScheme = { id: 'custom', name: 'custom', labels: labels.map((entry) => labelWithMeaning(entry.value, entry.meaning)) };
  return {
    scheme,
    source: 'custom',
    labels: labels.map((entry) => ({ label: entry.value, meaning: entry.meaning, found: entry.found })),
    unmatched: distinct.filter((entry) => meaningOfWording(entry.value) === undefined)
  };
}
