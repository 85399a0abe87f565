import { parseReportingDates, parseTolerance } from '../../../src/model/planSettings';
import { RAGC_SCHEME, parseSchemeText, schemeToText } from '../../../src/model/statusSchemes';

describe('parseReportingDates', () => {
  it('reads one date a line, month-only as its last day, sorted and once each', () => {
    expect(parseReportingDates('30/09/2023\nJune 2023\n\n 31 Dec 2023 \n30/06/2023')).toEqual({ ok: true, dates: ['2023-06-30', '2023-09-30', '2023-12-31'] });
  });

  it('names each line that is not a firm date by its number, as codes with what was written', () => {
    expect(parseReportingDates('30/06/2023\nnext board\n?July 2023')).toEqual({
      ok: false,
      problems: [
        { code: 'notADate', line: 2, text: 'next board' },
        { code: 'provisionalDate', line: 3, text: '?July 2023' }
      ]
    });
  });
});

describe('parseTolerance', () => {
  it('reads a percentage from 0 to 100 as a share, and refuses anything else', () => {
    expect(parseTolerance('10')).toEqual({ ok: true, tolerance: 0.1 });
    expect(parseTolerance(' 7.5% ')).toEqual({ ok: true, tolerance: 0.075 });
    expect(parseTolerance('0')).toEqual({ ok: true, tolerance: 0 });
    expect(parseTolerance('100')).toEqual({ ok: true, tolerance: 1 });
    expect(parseTolerance('101')).toEqual({ ok: false, problems: [{ code: 'notAPercentage', text: '101' }] });
    expect(parseTolerance(' ten ')).toEqual({ ok: false, problems: [{ code: 'notAPercentage', text: 'ten' }] });
    expect(parseTolerance('-5').ok).toBe(false);
  });
});

describe('custom status schemes as text', () => {
  it('round-trips a preset through its text form with meanings, colours and aliases', () => {
    const text = schemeToText(RAGC_SCHEME);
    expect(text.split('\n')[0]).toBe('Red = off track | R');
    const parsed = parseSchemeText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scheme.labels.map((label) => [label.label, label.meaning, label.aliases])).toEqual(RAGC_SCHEME.labels.map((label) => [label.label, label.meaning, label.aliases]));
    expect(parsed.scheme.labels[0].colour).toBe(RAGC_SCHEME.labels[0].colour);
  });

  it('reports a line without a meaning, and a meaning it does not know, by line number', () => {
    const result = parseSchemeText('Red = off track\nAmber\nBlue = finished');
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: 'lineNotLabel', line: 2 },
        { code: 'lineNotMeaning', line: 3, written: 'finished', meanings: ['not started', 'on track', 'at risk', 'off track', 'complete', 'embedded'] }
      ]
    });
  });

  it('refuses an alias shared by two labels', () => {
    const result = parseSchemeText('Red = off track | R\nRose = at risk | r');
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.errors[0]).toEqual({ code: 'spellingShared', written: 'r', first: 'Red', second: 'Rose' });
  });
});
