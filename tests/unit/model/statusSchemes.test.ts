import {
  BRAGG_SCHEME,
  DELIVERY_CONFIDENCE_SCHEME,
  IStatusScheme,
  PRESET_SCHEMES,
  RAGC_SCHEME,
  WORDED_SCHEME,
  matchStatus,
  presetScheme,
  validateScheme
} from '../../../src/model/statusSchemes';

function meaningOfWritten(scheme: IStatusScheme, written: string): string {
  const match = matchStatus(scheme, written);
  if (!match.ok) throw new Error(match.error.code);
  return match.label.meaning;
}

describe('preset schemes map each label to a canonical meaning', () => {
  it('R/A/G/C', () => {
    expect(RAGC_SCHEME.labels.map((l) => [l.label, l.meaning])).toEqual([
      ['Red', 'offTrack'],
      ['Amber', 'atRisk'],
      ['Green', 'onTrack'],
      ['Complete', 'complete']
    ]);
  });

  it('Blue/Red/Amber/Green/Grey: blue is embedded, green is completed, grey is not started', () => {
    expect(BRAGG_SCHEME.labels.map((l) => [l.label, l.meaning])).toEqual([
      ['Blue', 'embedded'],
      ['Red', 'offTrack'],
      ['Amber', 'atRisk'],
      ['Green', 'complete'],
      ['Grey', 'notStarted']
    ]);
  });

  it('the worded RAGP scale', () => {
    expect(WORDED_SCHEME.labels.map((l) => [l.label, l.meaning])).toEqual([
      ['Not due yet', 'notStarted'],
      ['On track no concerns', 'onTrack'],
      ['On track some concerns', 'atRisk'],
      ['Off track', 'offTrack'],
      ['Completed embedded sustained', 'embedded']
    ]);
  });

  it('the five-level delivery confidence scale', () => {
    expect(DELIVERY_CONFIDENCE_SCHEME.labels.map((l) => [l.label, l.meaning])).toEqual([
      ['Green', 'onTrack'],
      ['Amber/Green', 'onTrack'],
      ['Amber', 'atRisk'],
      ['Amber/Red', 'offTrack'],
      ['Red', 'offTrack']
    ]);
  });

  it.each(PRESET_SCHEMES.map((s) => [s.id, s]))('%s is valid, with a label and icon for every status (its words are loc’s: see schemeText.test)', (_id, scheme) => {
    expect(validateScheme(scheme)).toEqual([]);
    for (const entry of scheme.labels) {
      expect(entry.label).toBeTruthy();
      expect(entry.icon).toBeTruthy();
    }
  });

  it('finds presets by id', () => {
    expect(presetScheme('bragg')).toBe(BRAGG_SCHEME);
    expect(presetScheme('nope')).toBeUndefined();
  });
});

/** WCAG relative luminance contrast between two hex colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

it('every preset label text meets WCAG AA contrast (4.5:1) on its colour', () => {
  for (const scheme of PRESET_SCHEMES) {
    for (const entry of scheme.labels) {
      expect({ label: `${scheme.id}/${entry.label}`, ok: contrast(entry.colour, entry.textColour) >= 4.5 }).toEqual({
        label: `${scheme.id}/${entry.label}`,
        ok: true
      });
    }
  }
});

describe('matchStatus accepts what people write', () => {
  it.each([
    ['G', 'onTrack'],
    ['g', 'onTrack'],
    ['green', 'onTrack'],
    ['  GREEN ', 'onTrack'],
    ['R', 'offTrack'],
    ['C', 'complete'],
    ['Completed', 'complete']
  ])('R/A/G/C: %s', (written, meaning) => {
    expect(meaningOfWritten(RAGC_SCHEME, written)).toBe(meaning);
  });

  it.each([
    ['on track  no concerns', 'onTrack'],
    ['ON TRACK SOME CONCERNS', 'atRisk'],
    ['off-track', 'offTrack'],
    ['not due yet', 'notStarted'],
    ['Completed', 'embedded']
  ])('worded: %s', (written, meaning) => {
    expect(meaningOfWritten(WORDED_SCHEME, written)).toBe(meaning);
  });

  it.each([
    ['Amber / Green', 'Amber/Green'],
    ['amber green', 'Amber/Green'],
    ['A/R', 'Amber/Red'],
    ['a / r', 'Amber/Red']
  ])('delivery confidence: %s -> %s', (written, label) => {
    const match = matchStatus(DELIVERY_CONFIDENCE_SCHEME, written);
    expect(match.ok && match.label.label).toBe(label);
  });

  it('grey and gray are the same status', () => {
    expect(meaningOfWritten(BRAGG_SCHEME, 'gray')).toBe('notStarted');
  });
});

describe('matchStatus never guesses', () => {
  it('"G/A" is not an R/A/G/C status, and the error lists the labels', () => {
    expect(matchStatus(RAGC_SCHEME, 'G/A')).toEqual({
      ok: false,
      error: { code: 'notInScheme', written: 'G/A', accepted: ['Red', 'Amber', 'Green', 'Complete'] }
    });
  });

  it('"Blue" belongs to another scheme', () => {
    const match = matchStatus(RAGC_SCHEME, 'Blue');
    expect(match.ok).toBe(false);
  });

  it('a sentence in a status column is refused', () => {
    expect(matchStatus(WORDED_SCHEME, 'Progress is good and the team is on track').ok).toBe(false);
  });

  it('an empty status says so', () => {
    expect(matchStatus(RAGC_SCHEME, '  ')).toEqual({ ok: false, error: { code: 'noStatus' } });
  });
});

describe('custom schemes', () => {
  const custom: IStatusScheme = {
    id: 'custom',
    name: 'Board scale',
    labels: [
      { key: 'Done', label: 'Done', colour: '#107c10', textColour: '#ffffff', icon: 'Completed', description: 'Finished', meaning: 'complete', aliases: ['D'] },
      { key: 'Slipping', label: 'Slipping', colour: '#ffb900', textColour: '#201f1e', icon: 'Warning', description: 'Late', meaning: 'atRisk', aliases: ['S'] }
    ]
  };

  it('match by label and alias', () => {
    expect(meaningOfWritten(custom, 'd')).toBe('complete');
    expect(meaningOfWritten(custom, 'slipping')).toBe('atRisk');
  });

  it('a scheme sharing an alias between labels is reported', () => {
    const clash: IStatusScheme = { ...custom, labels: [custom.labels[0], { ...custom.labels[1], aliases: ['D'] }] };
    expect(validateScheme(clash)).toEqual([{ code: 'spellingShared', written: 'D', first: 'Done', second: 'Slipping' }]);
  });

  it('a scheme with no labels or a blank label is reported; a custom scheme needs no name (none is shown)', () => {
    expect(validateScheme({ id: 'x', name: ' ', labels: [] })).toEqual([{ code: 'noLabels' }]);
    expect(validateScheme({ ...custom, name: '' })).toEqual([]);
    expect(validateScheme({ ...custom, labels: [{ ...custom.labels[0], label: '' }] })).toEqual([{ code: 'labelBlank', position: 1 }]);
  });

  it('a label with a meaning that is not canonical is reported', () => {
    const bad = { ...custom, labels: [{ ...custom.labels[0], meaning: 'fine' as never }] };
    expect(validateScheme(bad)).toEqual([{ code: 'meaningUnknown', label: 'Done' }]);
  });
});
