/**
 * The model's codes in words: every code has its loc string, parameters land where the
 * string says, and dates follow the culture they are given.
 */
// SPFx's Text.format from its CommonJS module: the package's entry point needs SharePoint's page (see emulator/host/spCoreLibrary.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-var-requires
const { Text } = { Text: require('@microsoft/sp-core-library/lib-commonjs/Text').default as typeof import('@microsoft/sp-core-library/lib/Text').default };
import { parsePlanDate } from '../../../src/model/planDates';
import { expandRefs } from '../../../src/model/refs';
import { PRESET_SCHEMES, RAGC_SCHEME, matchStatus, parseSchemeText } from '../../../src/model/statusSchemes';
import { supportedCulture } from '../../../src/components/culture';
import { dueText, formatDate, formatString, planDateReasonText } from '../../../src/components/format';
import { formatValue, kpiPill, kpiReasonText, refsProblemText } from '../../../src/components/kpiText';
import { schemeName, statusLabel, statusSchemeProblemText } from '../../../src/components/schemeText';

function reasonOf(written: string): string {
  const { reason } = parsePlanDate(written);
  if (!reason) throw new Error(`no reason for ${written}`);
  return planDateReasonText(reason, 'en-GB');
}

describe('plan-date reasons in words', () => {
  it('a day and month without a year offers both readings, in the culture’s words', () => {
    expect(reasonOf('24-Apr')).toBe('No year is given: it could mean 24 April of any year, or April 2024. Write the year.');
    const reason = parsePlanDate('24-Apr').reason;
    expect(reason && planDateReasonText(reason, 'fr-FR')).toContain('24 avril');
  });
  it.each([
    ['', 'No date was given.'],
    ['TBC', 'To be confirmed.'],
    ['31/04/2023', 'The day or month does not exist.'],
    ['Mar 22 - Jan 21', 'The range ends before it starts.'],
    ['soon', 'This is not a date that can be read.']
  ])('%p: %s', (written, words) => expect(reasonOf(written)).toBe(words));
});

describe('KPI reasons and refs problems in words', () => {
  it('every KPI reason has words, and the pill’s tooltip says why', () => {
    expect(kpiReasonText('behindImproving')).toBe('Behind the trajectory but improving.');
    expect(kpiPill('atRisk', 'behindImproving')).toMatchObject({ label: 'At risk', description: 'Behind the trajectory but improving.' });
    expect(kpiPill('onTrack').description).toBe('On track');
  });
  it('a refs problem names what was written', () => {
    const result = expandRefs('3.1.1 to 3.1.500');
    expect(result.ok === false && refsProblemText(result.error)).toBe('The range "3.1.1 to 3.1.500" covers 500 references; check it for a typing mistake.');
  });
});

describe('status schemes in words', () => {
  it.each(PRESET_SCHEMES.map((scheme) => [scheme.id, scheme]))('preset %s has a name and an explanation for every label', (_id, scheme) => {
    expect(schemeName(scheme)).toBeTruthy();
    for (const label of scheme.labels) {
      const shown = statusLabel(scheme, label.key);
      expect(shown?.description).toBeTruthy();
    }
  });
  it('R/A/G/C reads as the plan officer knows it', () => {
    expect(schemeName(RAGC_SCHEME)).toBe('Red / Amber / Green / Complete');
    expect(statusLabel(RAGC_SCHEME, 'Red')?.description).toBe('Delayed or low confidence of completion');
  });
  it('a custom scheme keeps its own explanations', () => {
    const parsed = parseSchemeText('Done = complete');
    expect(parsed.ok && statusLabel(parsed.scheme, 'Done')?.description).toBe('Done');
    expect(parsed.ok && schemeName(parsed.scheme)).toBe('Custom scheme…');
  });
  it('problems name the line and what was written', () => {
    const parsed = parseSchemeText('Red = off track\nBlue = finished');
    expect(parsed.ok === false && parsed.errors.map(statusSchemeProblemText)).toEqual(['Line 2: "finished" is not a meaning. Use one of: not started, on track, at risk, off track, complete, embedded.']);
    const match = matchStatus(RAGC_SCHEME, 'G/A');
    expect(match.ok === false && statusSchemeProblemText(match.error)).toBe('"G/A" is not a status in this plan\'s key. Use one of: Red, Amber, Green, Complete.');
  });
});

describe('the culture', () => {
  it('dates and numbers follow it; en-GB where none or an unknown one is given', () => {
    expect(formatDate('2023-04-30', '', 'en-GB')).toBe('30 April 2023');
    expect(formatDate('2023-04-30', '', 'en-US')).toBe('April 30, 2023');
    expect(dueText(parsePlanDate('?July 2023'), 'en-GB')).toBe('?July 2023 (31 July 2023, to be confirmed)');
    expect(formatValue(1234.5, '%', 'de-DE')).toBe('1.234,5%');
    expect(supportedCulture(undefined)).toBe('en-GB');
    expect(supportedCulture('en_GB')).toBe('en-GB');
    expect(supportedCulture('cy-GB')).toBe('cy-GB');
  });
});

describe('formatString fills a loc string as SPFx’s Text.format does', () => {
  it.each([
    ['{0} of {1}', ['a', 2]],
    ['{1}, then {0}, then {1} again', ['first', 'second']],
    ['nothing to fill', ['x']],
    ['{0} and a missing {2}', ['only']],
    ['{01} padded', ['one']]
  ])('%p', (template, values) => {
    expect(formatString(template, ...values)).toBe(Text.format(template, ...values));
  });
});
