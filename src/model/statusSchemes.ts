/**
 * Status schemes: every plan prints its own key (R/A/G/C, Blue/Red/Amber/Green/Grey,
 * worded scales...). Each label maps to a canonical meaning so that roll-ups and
 * comparisons work across plans whatever words they use.
 */

/** The meanings every scheme's labels map to, in order of delivery progress. */
export type CanonicalStatus = 'notStarted' | 'onTrack' | 'atRisk' | 'offTrack' | 'complete' | 'embedded';

/** Canonical meanings in the order a summary lists them (worst first is not assumed). */
export const CANONICAL_STATUSES: readonly CanonicalStatus[] = [
  'notStarted',
  'onTrack',
  'atRisk',
  'offTrack',
  'complete',
  'embedded'
];

/**
 * How far along a meaning is: higher is better. Says whether a change of status is
 * an improvement or a deterioration; not started and on track carry no concern and
 * rank the same.
 */
export const PROGRESS_RANK: Readonly<Record<CanonicalStatus, number>> = {
  offTrack: 0,
  atRisk: 1,
  notStarted: 2,
  onTrack: 2,
  complete: 3,
  embedded: 4
};

/** True when the meaning says the action is finished (complete or embedded). */
export function isDone(meaning: CanonicalStatus): boolean {
  return meaning === 'complete' || meaning === 'embedded';
}

/** One label of a plan's status key. */
export interface IStatusLabel {
  /** Stable key stored in SharePoint (the label as the plan writes it). */
  key: string;
  /** Label shown to people; always shown beside any colour. */
  label: string;
  /** Background colour for the status pill (hex). */
  colour: string;
  /** Text colour that reaches 4.5:1 contrast on `colour`. */
  textColour: string;
  /** Fluent UI icon name, so the status is never carried by colour alone. */
  icon: string;
  /** The plan's own explanation of the label, from its key. */
  description: string;
  meaning: CanonicalStatus;
  /** Other ways people write this label ("G", "green"); matched ignoring case and spacing. */
  aliases: string[];
}

/** A plan's status key: ordered labels, each with a canonical meaning. */
export interface IStatusScheme {
  id: string;
  /** Kept as written for a custom scheme; empty for a preset, whose name is the product's (loc). */
  name: string;
  labels: IStatusLabel[];
}

const GREY = { colour: '#605e5c', textColour: '#ffffff' };
const GREEN = { colour: '#107c10', textColour: '#ffffff' };
const AMBER = { colour: '#ffb900', textColour: '#201f1e' };
const AMBER_GREEN = { colour: '#8cbd18', textColour: '#201f1e' };
const AMBER_RED = { colour: '#d83b01', textColour: '#ffffff' };
const RED = { colour: '#a4262c', textColour: '#ffffff' };
const BLUE = { colour: '#0063b1', textColour: '#ffffff' };
const PURPLE = { colour: '#5c2e91', textColour: '#ffffff' };

/**
 * A preset's label. Its description is empty: a preset's name and its labels'
 * explanations are the product's words, kept in loc and keyed by preset id and label key
 * (components/schemeText.ts); a preset is saved as its id, so they are never plan data.
 */
function label(key: string, meaning: CanonicalStatus, colours: { colour: string; textColour: string }, icon: string, aliases: string[] = []): IStatusLabel {
  return { key, label: key, meaning, ...colours, icon, description: '', aliases };
}

/** R / A / G / C, as in Shropshire's Accelerated Progress Plan. */
export const RAGC_SCHEME: IStatusScheme = {
  id: 'ragc',
  name: '',
  labels: [
    label('Red', 'offTrack', RED, 'StatusErrorFull', ['R']),
    label('Amber', 'atRisk', AMBER, 'WarningSolid', ['A']),
    label('Green', 'onTrack', GREEN, 'SkypeCircleCheck', ['G']),
    label('Complete', 'complete', BLUE, 'CompletedSolid', ['C', 'Completed'])
  ]
};

/** Blue / Red / Amber / Green / Grey: blue means outcomes embedded, green means completed. */
export const BRAGG_SCHEME: IStatusScheme = {
  id: 'bragg',
  name: '',
  labels: [
    label('Blue', 'embedded', BLUE, 'CompletedSolid', ['B']),
    label('Red', 'offTrack', RED, 'StatusErrorFull', ['R']),
    label('Amber', 'atRisk', AMBER, 'WarningSolid', ['A']),
    label('Green', 'complete', GREEN, 'SkypeCircleCheck', ['G']),
    label('Grey', 'notStarted', GREY, 'CircleRing', ['Gray'])
  ]
};

/** The worded RAGP scale, where plans avoid colours altogether. */
export const WORDED_SCHEME: IStatusScheme = {
  id: 'worded',
  name: '',
  labels: [
    label('Not due yet', 'notStarted', GREY, 'CircleRing'),
    label('On track no concerns', 'onTrack', GREEN, 'SkypeCircleCheck', ['On track']),
    label('On track some concerns', 'atRisk', AMBER, 'WarningSolid'),
    label('Off track', 'offTrack', RED, 'StatusErrorFull'),
    label('Completed embedded sustained', 'embedded', PURPLE, 'CompletedSolid', ['Completed', 'Complete'])
  ]
};

/** The five-level delivery confidence scale used in programme reporting. */
export const DELIVERY_CONFIDENCE_SCHEME: IStatusScheme = {
  id: 'confidence',
  name: '',
  labels: [
    label('Green', 'onTrack', GREEN, 'SkypeCircleCheck', ['G']),
    label('Amber/Green', 'onTrack', AMBER_GREEN, 'SkypeCircleCheck', ['A/G', 'Amber Green', 'AG']),
    label('Amber', 'atRisk', AMBER, 'WarningSolid', ['A']),
    label('Amber/Red', 'offTrack', AMBER_RED, 'Warning', ['A/R', 'Amber Red', 'AR']),
    label('Red', 'offTrack', RED, 'StatusErrorFull', ['R'])
  ]
};

/** The schemes a plan officer can pick from before customising. */
export const PRESET_SCHEMES: readonly IStatusScheme[] = [
  RAGC_SCHEME,
  BRAGG_SCHEME,
  WORDED_SCHEME,
  DELIVERY_CONFIDENCE_SCHEME
];

/** Finds a preset by id. */
export function presetScheme(id: string): IStatusScheme | undefined {
  return PRESET_SCHEMES.find((scheme) => scheme.id === id);
}

/** Case, spacing and punctuation-around-slashes insensitive form used for matching a status as written. */
export function normaliseStatusText(text: string): string {
  return text.toLowerCase().replace(/\s*\/\s*/g, '/').replace(/[\s_-]+/g, ' ').trim();
}

/** What is wrong with a status as written, or with a scheme, as a code the components word. */
export type StatusSchemeProblem =
  /** matchStatus: nothing was written. */
  | { code: 'noStatus' }
  /** matchStatus: not a label or alias of the scheme; `accepted` lists its labels. */
  | { code: 'notInScheme'; written: string; accepted: string[] }
  /** validateScheme: */
  | { code: 'noLabels' }
  | { code: 'labelBlank'; position: number }
  | { code: 'meaningUnknown'; label: string }
  | { code: 'spellingShared'; written: string; first: string; second: string }
  /** parseSchemeText: a line that is not "Label = meaning". */
  | { code: 'lineNotLabel'; line: number }
  /** parseSchemeText: a meaning that is none of `meanings` (the words a line may use). */
  | { code: 'lineNotMeaning'; line: number; written: string; meanings: string[] };

export type StatusMatch =
  | { ok: true; label: IStatusLabel }
  | { ok: false; error: StatusSchemeProblem };

/**
 * Matches a status as someone wrote it ("G", " green ", "Amber/Green") to a label of
 * the scheme. Never guesses: anything that is not a label or alias is an error that
 * names the accepted labels.
 */
export function matchStatus(scheme: IStatusScheme, written: string): StatusMatch {
  const wanted = normaliseStatusText(written);
  if (!wanted) {
    return { ok: false, error: { code: 'noStatus' } };
  }
  const found = scheme.labels.find(
    (candidate) =>
      normaliseStatusText(candidate.key) === wanted ||
      normaliseStatusText(candidate.label) === wanted ||
      candidate.aliases.some((alias) => normaliseStatusText(alias) === wanted)
  );
  if (found) {
    return { ok: true, label: found };
  }
  return { ok: false, error: { code: 'notInScheme', written: written.trim(), accepted: scheme.labels.map((candidate) => candidate.label) } };
}

/** The label stored under `key`, if the scheme has it. */
export function labelForKey(scheme: IStatusScheme, key: string | undefined): IStatusLabel | undefined {
  return key === undefined ? undefined : scheme.labels.find((candidate) => candidate.key === key);
}

/**
 * Checks a custom scheme before it is saved: labels present, keys unique (ignoring
 * case), aliases not shared between labels. Returns the problems found, empty if none.
 * Its name is not checked: no view shows a custom scheme's name.
 */
export function validateScheme(scheme: IStatusScheme): StatusSchemeProblem[] {
  const problems: StatusSchemeProblem[] = [];
  if (scheme.labels.length === 0) {
    problems.push({ code: 'noLabels' });
  }
  const seen = new Map<string, string>();
  scheme.labels.forEach((entry, index) => {
    if (!entry.label.trim() || !entry.key.trim()) {
      problems.push({ code: 'labelBlank', position: index + 1 });
      return;
    }
    if (CANONICAL_STATUSES.indexOf(entry.meaning) < 0) {
      problems.push({ code: 'meaningUnknown', label: entry.label });
    }
    for (const written of [entry.key, entry.label, ...entry.aliases]) {
      const normal = normaliseStatusText(written);
      const owner = seen.get(normal);
      if (owner !== undefined && owner !== entry.key) {
        problems.push({ code: 'spellingShared', written, first: owner, second: entry.label });
      }
      seen.set(normal, entry.key);
    }
  });
  return problems;
}

/** How a custom label looks when the plan officer gives only its meaning. */
const LOOK_BY_MEANING: Readonly<Record<CanonicalStatus, { colour: string; textColour: string; icon: string }>> = {
  notStarted: { ...GREY, icon: 'CircleRing' },
  onTrack: { ...GREEN, icon: 'SkypeCircleCheck' },
  atRisk: { ...AMBER, icon: 'WarningSolid' },
  offTrack: { ...RED, icon: 'StatusErrorFull' },
  complete: { ...BLUE, icon: 'CompletedSolid' },
  embedded: { ...PURPLE, icon: 'CompletedSolid' }
};

/** A label of a custom scheme, coloured and iconed by its meaning. */
export function labelWithMeaning(key: string, meaning: CanonicalStatus, aliases: string[] = []): IStatusLabel {
  return { key, label: key, meaning, ...LOOK_BY_MEANING[meaning], description: key, aliases };
}

/** The words a plan officer writes for each meaning in a custom scheme: part of its text format, which parseSchemeText reads back, so not translated. */
const MEANING_WORDS: Readonly<Record<CanonicalStatus, string>> = {
  notStarted: 'not started',
  onTrack: 'on track',
  atRisk: 'at risk',
  offTrack: 'off track',
  complete: 'complete',
  embedded: 'embedded'
};

/** A custom scheme as text, one label a line: "Label = meaning | alias, alias". */
export function schemeToText(scheme: IStatusScheme): string {
  return scheme.labels
    .map((entry) => `${entry.label} = ${MEANING_WORDS[entry.meaning]}${entry.aliases.length > 0 ? ` | ${entry.aliases.join(', ')}` : ''}`)
    .join('\n');
}

export type SchemeTextResult = { ok: true; scheme: IStatusScheme } | { ok: false; errors: StatusSchemeProblem[] };

/**
 * Reads a custom scheme written one label a line ("Amber = at risk | A, amber"). Each
 * problem names its line; the whole scheme is then checked as a preset would be.
 */
export function parseSchemeText(text: string, name: string = 'Custom'): SchemeTextResult {
  const errors: StatusSchemeProblem[] = [];
  const labels: IStatusLabel[] = [];
  const meanings = Object.keys(MEANING_WORDS) as CanonicalStatus[];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const match = /^([^=|]+)=([^|]*)(?:\|(.*))?$/.exec(line);
    if (!match) {
      errors.push({ code: 'lineNotLabel', line: index + 1 });
      return;
    }
    const written = normaliseStatusText(match[2]);
    const meaning = meanings.find((candidate) => normaliseStatusText(MEANING_WORDS[candidate]) === written || candidate.toLowerCase() === written.replace(/ /g, ''));
    if (!meaning) {
      errors.push({ code: 'lineNotMeaning', line: index + 1, written: match[2].trim(), meanings: meanings.map((candidate) => MEANING_WORDS[candidate]) });
      return;
    }
    const key = match[1].trim();
    const aliases = (match[3] ?? '').split(',').map((alias) => alias.trim()).filter((alias) => alias.length > 0);
    labels.push(labelWithMeaning(key, meaning, aliases));
  });
  if (errors.length > 0) return { ok: false, errors };
  const scheme: IStatusScheme = { id: 'custom', name, labels };
  const problems = validateScheme(scheme);
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, scheme };
}
