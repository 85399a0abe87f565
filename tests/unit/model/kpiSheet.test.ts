import { readFileSync } from 'fs';
import { join } from 'path';
import { readSpreadsheet } from '../../../src/formats/readSpreadsheet';
import { IKpi } from '../../../src/model/kpi';
import {
  IImportedKpi,
  analyseKpiSheet,
  classifyKpiHeader,
  importedKpiFields,
  kpiJson,
  lowerIsBetterWord,
  matchKpis,
  measurementChanges,
  mergeMilestones,
  planKpiImport,
  readKpiValue
} from '../../../src/model/import/kpiSheet';

const PLAN_START = '2023-03-01';

/** Reads a sheet end to end, as the import does. */
function importSheet(rows: string[][], existing: IKpi[] = [], planStart: string | undefined = PLAN_START): ReturnType<typeof planKpiImport> {
  const analysis = analyseKpiSheet(rows);
  if (!analysis) throw new Error('not read as a KPI sheet');
  return planKpiImport(rows, analysis, existing, planStart);
}

function kpiOn(result: ReturnType<typeof planKpiImport>, row: number): IImportedKpi {
  const kpi = result.kpis.find((candidate) => candidate.row === row);
  if (!kpi) throw new Error(`no KPI read from row ${row}`);
  return kpi;
}

/** Problems as "row column code params" lines, easy to compare. */
function problemLines(result: ReturnType<typeof planKpiImport>): string[] {
  return result.problems.map((problem) => `${problem.row} ${problem.column ?? '-'} ${problem.code} ${problem.params.join('|')} ${problem.severity}`);
}

/** An APP scorecard in the Shropshire style: title rows, targets at 3/6/12/18 months, actuals by quarter, no unit or direction column. */
const APP_SCORECARD: string[][] = [
  ['Shropshire Local Area SEND Accelerated Progress Plan: KPI scorecard', '', '', '', '', '', '', '', '', '', ''],
  ['Position as at 29 February 2024', '', '', '', '', '', '', '', '', '', ''],
  ['', '', '', '', '', '', '', '', '', '', ''],
  ['KPI ref', 'Performance measure', 'Baseline (date)', '3 months', '6 months', '12 months', '18 months', 'Actual Jun 23', 'Actual Sep 23', 'Actual Dec 23', 'Commentary'],
  ['5.K1', 'EHCPs finalised within 20 weeks', '42% (Mar 23)', '60%', '75%', '100%', '100%', '51%', '63%', '72%', 'December figure provisional'],
  ['5.K2', 'EHC plans judged good or outstanding at audit', 'Quality standards to be agreed and published on the Local Offer', 'Quality standards agreed and published', '75%', '100%', '', '52%', '61%', 'Not yet audited', ''],
  ['3.K1', 'Children and young people waiting over 18 weeks for an ND assessment', '1,204', '1,000', '800', '400', '0', '1,180', '1,050', '990 (projected end of year)', '']
];

/** A scorecard with milestone and actual columns in pairs, a unit and a "better is" column, and a heading row. */
const PAIRED_SCORECARD: string[][] = [
  ['Appendix 2: SEND Improvement Plan performance scorecard', '', '', '', '', '', '', '', '', ''],
  ['No.', 'Indicator', 'Unit', 'Better is', 'Baseline Mar 23', 'Milestone 1 – Sep 23', 'Actual Sep 23', 'Milestone 2 - Mar 24', 'Actual Mar-24', 'Target'],
  ['Priority 2: Inclusion and attendance', '', '', '', '', '', '', '', '', ''],
  ['1', 'Permanent exclusions of pupils with an EHC plan', '%', 'Lower', '1.40%', '1.3%', '1.25%', '1.2%', '1.17% (projected end of year)', '1% (Mar 25)'],
  ['Priority 4: Speech, language and communication', '', '', '', '', '', '', '', '', ''],
  ['2', 'Average wait for speech and language therapy', 'weeks', 'Lower', '26 weeks', '18 weeks', '20 weeks', '12 weeks', '', 'No child waits more than 18 weeks'],
  ['3', 'Annual reviews completed within 12 weeks', '%', 'up', '48%', '65%', 'TBC', '80%', '82%', '95%']
];

describe('classifyKpiHeader', () => {
  it.each([
    ['KPI ref', { readAs: 'ref' }],
    ['Ref', { readAs: 'ref' }],
    ['No.', { readAs: 'ref' }],
    ['KPI', { readAs: 'name' }],
    ['Measure', { readAs: 'name' }],
    ['Performance measure', { readAs: 'name' }],
    ['Indicator', { readAs: 'name' }],
    ['Unit', { readAs: 'unit' }],
    ['Better is', { readAs: 'direction' }],
    ['Direction', { readAs: 'direction' }],
    ['Direction of travel', { readAs: 'ignore' }],
    ['Baseline', { readAs: 'baseline' }],
    ['Baseline (date)', { readAs: 'baseline' }],
    ['Baseline Mar 23', { readAs: 'baseline', date: '2023-03-31' }],
    ['Baseline date', { readAs: 'baselineDate' }],
    ['Target', { readAs: 'milestone' }],
    ['Target date', { readAs: 'targetDate' }],
    ['Target Mar 25', { readAs: 'milestone', date: '2025-03-31' }],
    ['Milestone 1 – Sep 23', { readAs: 'milestone', date: '2023-09-30' }],
    ['Milestone 3 - Mar 24', { readAs: 'milestone', date: '2024-03-31' }],
    ['Milestone 1\n(Sep 23)', { readAs: 'milestone', date: '2023-09-30' }],
    ['3 months', { readAs: 'milestone', monthsFromStart: 3 }],
    ['18 Month', { readAs: 'milestone', monthsFromStart: 18 }],
    ['12 month target', { readAs: 'milestone', monthsFromStart: 12 }],
    ['12 months (Mar 24)', { readAs: 'milestone', date: '2024-03-31' }],
    ['Actual Sep 23', { readAs: 'actual', date: '2023-09-30' }],
    ['Actual Mar-24', { readAs: 'actual', date: '2024-03-31' }],
    ['Sep 23 actual', { readAs: 'actual', date: '2023-09-30' }],
    ['Milestone 1 – Sep 23 Actual', { readAs: 'actual', date: '2023-09-30' }],
    ['Current position', { readAs: 'actual' }],
    ['Jan-24', { readAs: 'actual', date: '2024-01-31' }],
    ['Actual Q3 2023/24', { readAs: 'actual', date: '2023-12-31' }],
    ['Latest', { readAs: 'actual' }],
    ['Commentary', { readAs: 'note' }],
    ['Progress update – Feb 24', { readAs: 'note', date: '2024-02-29' }],
    ['Commentary (as at 12 March 2024)', { readAs: 'note', date: '2024-03-12' }],
    ['Update date', { readAs: 'noteDate' }],
    ['Last updated', { readAs: 'noteDate' }],
    ['Linked actions', { readAs: 'actionRefs' }],
    ['RAG', { readAs: 'ignore' }],
    ['Data source', { readAs: 'ignore' }]
  ])('reads "%s"', (header, expected) => {
    expect(classifyKpiHeader(header)).toEqual(expected);
  });
});

describe('readKpiValue', () => {
  it.each([
    ['60%', { value: 60, unit: '%' }],
    ['95 %', { value: 95, unit: '%' }],
    ['60% (Mar 23)', { value: 60, unit: '%', date: '2023-03-31', aside: 'Mar 23' }],
    ['42% (Q4 2022/23)', { value: 42, unit: '%', date: '2023-03-31', aside: 'Q4 2022/23' }],
    ['1.6% (2021/22)', { value: 1.6, unit: '%', note: '2021/22', aside: '2021/22' }],
    ['1.17% (projected end of year)', { value: 1.17, unit: '%', note: 'projected end of year', aside: 'projected end of year' }],
    ['12 weeks', { value: 12, unit: 'weeks' }],
    ['1,204', { value: 1204 }],
    ['£1,250.50', { value: 1250.5 }],
    ['-3', { value: -3 }],
    ['+3', { value: 3 }],
    ['≥ 95%', { value: 95, unit: '%', bound: true }],
    ['Quality standards agreed and published', {}],
    ['75% of plans good or outstanding', {}],
    ['TBC', {}],
    ['', {}]
  ])('reads "%s"', (text, expected) => {
    expect(readKpiValue(text)).toEqual(expected);
  });
});

describe('lowerIsBetterWord', () => {
  it('finds waits, weeks, days, exclusions and backlogs, but not a rate "within 20 weeks"', () => {
    expect(lowerIsBetterWord('Children waiting over 18 weeks for SALT')).toBe('waiting');
    expect(lowerIsBetterWord('Average weeks to issue a final plan')).toBe('weeks');
    expect(lowerIsBetterWord('Fixed-term exclusions of pupils with SEN support')).toBe('exclusions');
    expect(lowerIsBetterWord('Annual review backlog')).toBe('backlog');
    expect(lowerIsBetterWord('EHCPs finalised within 20 weeks')).toBeUndefined();
    expect(lowerIsBetterWord('Social care advice received within 6 working weeks')).toBeUndefined();
  });
});

describe('analyseKpiSheet', () => {
  it('finds the header under title rows and reads each column', () => {
    const analysis = analyseKpiSheet(APP_SCORECARD);
    expect(analysis?.headerRow).toBe(3);
    expect(analysis?.columns.map((column) => [column.header, column.readAs, column.date ?? column.monthsFromStart ?? ''])).toEqual([
      ['KPI ref', 'ref', ''],
      ['Performance measure', 'name', ''],
      ['Baseline (date)', 'baseline', ''],
      ['3 months', 'milestone', 3],
      ['6 months', 'milestone', 6],
      ['12 months', 'milestone', 12],
      ['18 months', 'milestone', 18],
      ['Actual Jun 23', 'actual', '2023-06-30'],
      ['Actual Sep 23', 'actual', '2023-09-30'],
      ['Actual Dec 23', 'actual', '2023-12-31'],
      ['Commentary', 'note', '']
    ]);
  });

  it('joins a second header row of Target / Actual under grouped milestone headings', () => {
    const rows = [
      ['Ref', 'KPI', 'Baseline', 'Milestone 1 – Sep 23', '', 'Milestone 2 – Mar 24', ''],
      ['', '', '', 'Target', 'Actual', 'Target', 'Actual'],
      ['K1', 'New EHCPs issued within 20 weeks', '60%', '75%', '70%', '90%', '86%']
    ];
    const analysis = analyseKpiSheet(rows);
    expect(analysis?.headerRow).toBe(1);
    expect(analysis?.columns.slice(3).map((column) => [column.header, column.readAs, column.date])).toEqual([
      ['Milestone 1 – Sep 23 Target', 'milestone', '2023-09-30'],
      ['Milestone 1 – Sep 23 Actual', 'actual', '2023-09-30'],
      ['Milestone 2 – Mar 24 Target', 'milestone', '2024-03-31'],
      ['Milestone 2 – Mar 24 Actual', 'actual', '2024-03-31']
    ]);
    const kpi = importSheet(rows).kpis[0];
    expect(kpi.milestones.map((milestone) => [milestone.date, milestone.target])).toEqual([
      ['2023-09-30', 75],
      ['2024-03-31', 90]
    ]);
    expect(kpi.measurements.map((measurement) => [measurement.date, measurement.value])).toEqual([
      ['2023-09-30', 70],
      ['2024-03-31', 86]
    ]);
  });

  it('reads a "Baseline date" column of dates as the baseline’s date, and one of values as the baseline', () => {
    const dated = analyseKpiSheet([['KPI', 'Baseline', 'Baseline date'], ['EHCPs finalised within 20 weeks', '42%', 'Mar 23']]);
    expect(dated?.columns.map((column) => column.readAs)).toEqual(['name', 'baseline', 'baselineDate']);
    const valued = analyseKpiSheet([['KPI', 'Baseline date'], ['EHCPs finalised within 20 weeks', '42% (Mar 23)']]);
    expect(valued?.columns.map((column) => column.readAs)).toEqual(['name', 'baseline']);
  });

  it('is not fooled by an action plan or a sheet with no measure column', () => {
    expect(analyseKpiSheet([['Ref', 'Action', 'Lead officer', 'By when', 'RAG', 'Progress update'], ['1.1.1', 'Publish the Local Offer', 'Head of SEND', 'Apr-23', 'G', '']])).toBeUndefined();
    expect(analyseKpiSheet([['Ref', 'Baseline', 'Target'], ['1', '40%', '60%']])).toBeUndefined();
    expect(analyseKpiSheet([])).toBeUndefined();
  });
});

describe('planKpiImport', () => {
  it('reads an APP scorecard: baseline with its date, month targets (text and numbers), quarterly actuals with notes', () => {
    const result = importSheet(APP_SCORECARD);
    expect(result.kpis.map((kpi) => kpi.row)).toEqual([5, 6, 7]);
    expect(result.rejectedRows).toEqual([]);

    const timeliness = kpiOn(result, 5);
    expect(timeliness).toMatchObject({ ref: '5.K1', name: 'EHCPs finalised within 20 weeks', unit: '%', direction: 'higher', change: 'create', progressNote: 'December figure provisional' });
    expect(timeliness.baseline).toEqual({ text: '42% (Mar 23)', value: 42, date: '2023-03-31' });
    expect(timeliness.milestones).toEqual([
      { label: '3 months', text: '60%', monthsFromStart: 3, date: '2023-06-01', target: 60 },
      { label: '6 months', text: '75%', monthsFromStart: 6, date: '2023-09-01', target: 75 },
      { label: '12 months', text: '100%', monthsFromStart: 12, date: '2024-03-01', target: 100 },
      { label: '18 months', text: '100%', monthsFromStart: 18, date: '2024-09-01', target: 100 }
    ]);
    expect(timeliness.measurements).toEqual([
      { date: '2023-06-30', value: 51, text: '51%' },
      { date: '2023-09-30', value: 63, text: '63%' },
      { date: '2023-12-31', value: 72, text: '72%' }
    ]);

    const quality = kpiOn(result, 6);
    expect(quality.baseline).toEqual({ text: 'Quality standards to be agreed and published on the Local Offer' });
    // A sentence is a checkpoint: kept as written, with no numeric target.
    expect(quality.milestones[0]).toEqual({ label: '3 months', text: 'Quality standards agreed and published', monthsFromStart: 3, date: '2023-06-01' });
    expect(quality.measurements.map((measurement) => measurement.value)).toEqual([52, 61]);

    const waits = kpiOn(result, 7);
    expect(waits).toMatchObject({ unit: '', direction: 'lower', baseline: { text: '1,204', value: 1204 } });
    expect(waits.measurements[2]).toEqual({ date: '2023-12-31', value: 990, text: '990 (projected end of year)', note: 'projected end of year' });

    expect(problemLines(result)).toEqual([
      '5 B kpiDirectionAssumedHigher  warning',
      '6 B kpiDirectionAssumedHigher  warning',
      '6 J kpiValueNotNumber Not yet audited warning',
      '7 B kpiDirectionAssumedLower waiting warning'
    ]);
    const notNumber = result.problems.find((problem) => problem.code === 'kpiValueNotNumber');
    expect(notNumber).toMatchObject({ header: 'Actual Dec 23', value: 'Not yet audited' });
  });

  it('reads milestone / actual pairs, unit and direction columns, skips heading rows and reports undated targets', () => {
    const result = importSheet(PAIRED_SCORECARD);
    expect(result.kpis.map((kpi) => [kpi.row, kpi.ref, kpi.unit, kpi.direction])).toEqual([
      [4, '1', '%', 'lower'],
      [6, '2', 'weeks', 'lower'],
      [7, '3', '%', 'higher']
    ]);
    const exclusions = kpiOn(result, 4);
    expect(exclusions.baseline).toEqual({ text: '1.40%', value: 1.4, date: '2023-03-31' });
    expect(exclusions.milestones).toEqual([
      { label: 'Milestone 1 – Sep 23', text: '1.3%', date: '2023-09-30', target: 1.3 },
      { label: 'Milestone 2 - Mar 24', text: '1.2%', date: '2024-03-31', target: 1.2 },
      // An undated "Target" column, dated by the date written beside the value.
      { label: 'Target', text: '1% (Mar 25)', date: '2025-03-31', target: 1 }
    ]);
    expect(exclusions.measurements).toEqual([
      { date: '2023-09-30', value: 1.25, text: '1.25%' },
      { date: '2024-03-31', value: 1.17, text: '1.17% (projected end of year)', note: 'projected end of year' }
    ]);
    expect(kpiOn(result, 6).baseline).toEqual({ text: '26 weeks', value: 26, date: '2023-03-31' });
    expect(problemLines(result)).toEqual([
      '3 A kpiHeadingSkipped Priority 2: Inclusion and attendance warning',
      '5 A kpiHeadingSkipped Priority 4: Speech, language and communication warning',
      '6 J kpiMilestoneNoDate No child waits more than 18 weeks warning',
      '7 G kpiValueNotNumber TBC warning',
      '7 J kpiMilestoneNoDate 95% warning'
    ]);
  });

  it('dates an undated target by the row’s target date column', () => {
    const result = importSheet([
      ['Measure', 'Baseline', 'Target', 'Target date'],
      ['Requests for assessment agreed first time', '88%', '95%', 'March 2025']
    ]);
    expect(result.kpis[0].milestones).toEqual([{ label: 'Target', text: '95%', date: '2025-03-31', target: 95 }]);
  });

  it('infers the unit from "%" in the values, and reports a value in another unit', () => {
    const inferred = importSheet([['KPI', 'Baseline', 'Actual Sep 23'], ['New EHCPs issued within 20 weeks', '60%', '70%']]);
    expect(inferred.kpis[0].unit).toBe('%');
    const mixed = importSheet([['KPI', 'Unit', 'Baseline', 'Actual Sep 23'], ['New EHCPs issued within 20 weeks', '%', '60%', '12 weeks']]);
    expect(mixed.kpis[0].unit).toBe('%');
    expect(problemLines(mixed)).toContain('2 D kpiUnitMismatch %|weeks warning');
  });

  it('reports an unreadable direction, an undated actual, a second actual for the same month, and reads a date beside an undated actual', () => {
    const result = importSheet([
      ['KPI', 'Better is', 'Actual Mar 24', 'Mar-24', 'Current position'],
      ['Average weeks to issue a final EHC plan', 'n/a', '19 weeks', '18 weeks', '17 weeks'],
      ['EHCPs finalised within 20 weeks', 'Higher', '', '', '62% (Feb 24)']
    ]);
    expect(problemLines(result)).toEqual([
      '2 B kpiDirectionUnreadable n/a warning',
      '2 B kpiDirectionAssumedLower weeks warning',
      '2 D kpiMeasurementDuplicate 2024-03-31|C warning',
      '2 E kpiActualNoDate 17 weeks warning'
    ]);
    expect(result.kpis[0].measurements).toEqual([{ date: '2024-03-31', value: 19, text: '19 weeks' }]);
    expect(result.kpis[1].measurements).toEqual([{ date: '2024-02-29', value: 62, text: '62% (Feb 24)' }]);
  });

  it('rejects a row without a name, an over-long name and a repeated KPI; keeps two KPIs that share a ref', () => {
    const result = importSheet([
      ['Ref', 'KPI', 'Baseline'],
      ['K1', 'EHCPs finalised within 20 weeks', '42%'],
      ['K2', '', '40%'],
      ['K3', 'x'.repeat(256), '1'],
      ['K1', 'EHCPs finalised within 20 weeks', '42%'],
      ['K1', 'EHC plans judged good or outstanding', '50%'],
      ['Ref', 'KPI', 'Baseline']
    ]);
    expect(result.kpis.map((kpi) => [kpi.row, kpi.ref, kpi.name])).toEqual([
      [2, 'K1', 'EHCPs finalised within 20 weeks'],
      [6, 'K1', 'EHC plans judged good or outstanding']
    ]);
    expect(result.rejectedRows).toEqual([3, 4, 5]);
    expect(problemLines(result).filter((line) => !line.includes('kpiDirectionAssumed'))).toEqual([
      '3 B kpiNoName  error',
      '4 B kpiTextTooLong 255 error',
      '5 B kpiDuplicate 2 error',
      '6 A kpiDuplicateRef K1|2 warning'
    ]);
  });

  describe('against the plan’s KPIs', () => {
    function existingKpi(overrides: Partial<IKpi> = {}): IKpi {
      return {
        id: 7,
        planId: 1,
        ref: '1',
        title: 'Permanent exclusions of pupils with an EHC plan',
        unit: '%',
        direction: 'lower',
        baselineValue: 1.4,
        baselineDate: '2023-03-31',
        baselineText: '1.40%',
        milestones: [
          { label: 'Milestone 1 – Sep 23', due: { date: '2023-09-30' }, text: '1.3%', target: 1.3 },
          { label: 'Milestone 2 - Mar 24', due: { date: '2024-03-31' }, text: '1.2%', target: 1.2 },
          { label: 'Target', due: { date: '2025-03-31' }, text: '1% (Mar 25)', target: 1 }
        ],
        measurements: [
          { periodEnd: '2023-09-30', value: 1.25, id: 31, etag: '"1"' },
          { periodEnd: '2024-03-31', value: 1.17, note: 'projected end of year', id: 32, etag: '"1"' }
        ],
        ...overrides
      };
    }
    const exclusionsOnly = (): string[][] => PAIRED_SCORECARD.slice(0, 4);

    it('finds nothing to change when the plan already holds the row', () => {
      const result = importSheet(exclusionsOnly(), [existingKpi()]);
      expect(result.kpis[0].change).toBe('unchanged');
    });

    it('is an update when one actual differs, and the measurement is an update of that period', () => {
      const rows = exclusionsOnly().map((cells) => [...cells]);
      rows[3][6] = '1.21%';
      const result = importSheet(rows, [existingKpi()]);
      expect(result.kpis[0].change).toBe('update');
      const changes = measurementChanges(result.kpis[0].measurements, existingKpi().measurements);
      expect(changes.add).toEqual([]);
      expect(changes.update).toEqual([{ current: existingKpi().measurements[0], next: { ...existingKpi().measurements[0], value: 1.21 } }]);
    });

    it('matches by name when the sheet has no ref, and takes the plan’s direction rather than guessing', () => {
      const rows = [
        ['Indicator', 'Baseline Mar 23'],
        ['Permanent exclusions of pupils with an EHC plan', '1.40%']
      ];
      const result = importSheet(rows, [existingKpi({ direction: 'higher' })]);
      expect(result.kpis[0]).toMatchObject({ ref: '', direction: 'higher', change: 'unchanged' });
      expect(result.problems).toEqual([]);
    });

    it('dates a new note as the file does (its date column, else its heading), else as the day of the import', () => {
      const rows = [
        ['Indicator', 'Baseline Mar 23', 'Progress update – Jan 24', 'Update date'],
        ['Permanent exclusions of pupils with an EHC plan', '1.40%', 'Spring term figures provisional', '12/02/2024'],
        ['Average wait for speech and language therapy', '26 weeks', 'Waits falling', ''],
        ['Annual reviews completed within 12 weeks', '48%', 'Backlog cleared', 'last week']
      ];
      const result = importSheet(rows);
      expect(result.kpis.map((kpi) => [kpi.progressNote, kpi.progressNoteDate])).toEqual([
        ['Spring term figures provisional', '2024-02-12'],
        ['Waits falling', '2024-01-31'],
        ['Backlog cleared', '2024-01-31']
      ]);
      expect(problemLines(result)).toContain('4 D kpiNoteDateUnreadable last week warning');
      const undated = importSheet([['Indicator', 'Baseline Mar 23', 'Commentary'], ['Average wait for speech and language therapy', '26 weeks', 'Waits falling']]).kpis[0];
      expect(importedKpiFields(undated, undefined, PLAN_START, '2024-02-20').progressNoteDate).toBe('2024-02-20');
      // A month-only date means the month's end, but the note cannot have been written after the import.
      expect(importedKpiFields(result.kpis[1], undefined, PLAN_START, '2024-01-20').progressNoteDate).toBe('2024-01-20');
    });

    it('keeps the plan’s note and its date when the file has none or the same words, so a re-run writes nothing', () => {
      const dated = existingKpi({ progressNote: 'Spring term figures provisional', progressNoteDate: '2024-02-12' });
      const rows = [
        ['Indicator', 'Baseline Mar 23', 'Commentary'],
        ['Permanent exclusions of pupils with an EHC plan', '1.40%', 'Spring term figures provisional']
      ];
      const sameWords = importSheet(rows, [dated]).kpis[0];
      expect(importedKpiFields(sameWords, dated, PLAN_START, '2024-03-05')).toMatchObject({ progressNote: 'Spring term figures provisional', progressNoteDate: '2024-02-12' });
      expect(sameWords.change).toBe('unchanged');
      const noNote = importSheet([rows[0], [rows[1][0], rows[1][1], '']], [dated]).kpis[0];
      expect(importedKpiFields(noNote, dated, PLAN_START, '2024-03-05')).toMatchObject({ progressNote: 'Spring term figures provisional', progressNoteDate: '2024-02-12' });
      // An undated note stays undated when the file repeats its words without a date.
      const undated = existingKpi({ progressNote: 'Spring term figures provisional' });
      expect(importedKpiFields(importSheet(rows, [undated]).kpis[0], undated, PLAN_START, '2024-03-05').progressNoteDate).toBeUndefined();
      // New words are a change, dated the day of the import.
      const changed = importSheet([rows[0], [rows[1][0], rows[1][1], 'Summer term figures final']], [dated]).kpis[0];
      expect(changed.change).toBe('update');
      expect(importedKpiFields(changed, dated, PLAN_START, '2024-03-05').progressNoteDate).toBe('2024-03-05');
    });

    it('reports a ref that changes when a KPI is matched by name', () => {
      const result = importSheet(exclusionsOnly(), [existingKpi({ ref: 'EX1' })]);
      expect(problemLines(result)).toContain('4 A kpiRefChanged EX1|1 warning');
      expect(result.kpis[0].change).toBe('update');
    });
  });
});

describe('matchKpis', () => {
  const kpi = (id: number, ref: string, title: string): IKpi => ({ id, planId: 1, ref, title, unit: '%', direction: 'higher', milestones: [], measurements: [] });

  it('matches by ref, preferring the same name where refs repeat, then by name; each KPI once', () => {
    const existing = [kpi(1, 'K1', 'First'), kpi(2, 'K1', 'Second'), kpi(3, '', 'Third')];
    expect(
      matchKpis(
        [
          { ref: 'K1', name: 'second' },
          { ref: 'K1', name: 'First' },
          { ref: '', name: 'Third' },
          { ref: 'K9', name: 'New' }
        ],
        existing
      ).map((found) => found?.id)
    ).toEqual([2, 1, 3, undefined]);
  });
});

describe('mergeMilestones', () => {
  it('replaces the milestone due at the same time, keeping whether it was met; keeps the plan’s others, in date order', () => {
    const merged = mergeMilestones(
      [
        { label: '3 Month', due: { monthsFromStart: 3 }, text: 'Standards agreed', met: true, metDate: '2023-06-20', metNote: 'Published' },
        { label: '12 Month', due: { monthsFromStart: 12 }, text: '100%', target: 100 }
      ],
      [
        { label: '6 months', text: '75%', monthsFromStart: 6, target: 75 },
        { label: 'Milestone 1 – Jun 23', text: 'Standards agreed and published', date: '2023-06-30' }
      ],
      PLAN_START
    );
    expect(merged).toEqual([
      { label: 'Milestone 1 – Jun 23', due: { date: '2023-06-30' }, text: 'Standards agreed and published', target: undefined, met: true, metDate: '2023-06-20', metNote: 'Published' },
      { label: '6 months', due: { monthsFromStart: 6 }, text: '75%', target: 75 },
      { label: '12 Month', due: { monthsFromStart: 12 }, text: '100%', target: 100 }
    ]);
  });
});

describe('kpiJson', () => {
  it('prints missing dates and values as null', () => {
    const [kpi] = importSheet([['KPI', 'Baseline', 'Target Mar 25', 'Actual Sep 23'], ['Requests agreed first time', 'Not measured', 'All agreed', '90%']]).kpis;
    expect(kpiJson(kpi)).toEqual({
      row: 2,
      ref: '',
      name: 'Requests agreed first time',
      unit: '%',
      direction: 'higher',
      change: 'create',
      baseline: { text: 'Not measured', value: null, date: null },
      milestones: [{ label: 'Target Mar 25', text: 'All agreed', date: '2025-03-31', monthsFromStart: null, target: null }],
      measurements: [{ date: '2023-09-30', value: 90, text: '90%' }]
    });
  });
});

/** What the fixture script recorded for a scorecard sheet (tests/fixtures/import/expected.json, "engine"). */
interface IExpectedKpiSheet {
  sheet: string;
  headerRow: number;
  kpiRows: number;
  kpis: Array<{
    row: number;
    ref: string;
    name: string;
    unit?: string;
    goodIs?: string;
    baseline: string | { text: string };
    target?: string;
    milestones: Array<{ header: string; text: string }>;
    measurements?: Array<{ header: string; text: string }>;
    latest?: string;
  }>;
}

describe('scorecards saved by openpyxl and LibreOffice (tests/fixtures/import)', () => {
  const folder = join(__dirname, '../../fixtures/import');
  const expected = (JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as { fixtures: Array<{ file: string; engine: IExpectedKpiSheet[] }> }).fixtures.filter((fixture) => fixture.file.startsWith('kpi-scorecard'));

  it('has both producers’ files to read', () => {
    expect(expected.map((fixture) => fixture.file).sort()).toEqual(['kpi-scorecard.libreoffice.xlsx', 'kpi-scorecard.openpyxl.xlsx']);
  });

  describe.each(expected.map((fixture) => [fixture.file, fixture.engine] as const))('%s', (file, engine) => {
    it.each(engine.map((sheet) => [sheet.sheet, sheet] as const))('reads every KPI of sheet "%s" as written', async (name, sheetExpected) => {
      const book = await readSpreadsheet(file, new Uint8Array(readFileSync(join(folder, file))));
      const sheet = book.sheets.find((candidate) => candidate.name === name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const analysis = analyseKpiSheet(sheet.rows);
      expect(analysis && analysis.headerRow + 1).toBe(sheetExpected.headerRow);
      if (!analysis) return;
      const result = planKpiImport(sheet.rows, analysis, [], PLAN_START);
      expect(result.rejectedRows).toEqual([]);
      expect(result.kpis).toHaveLength(sheetExpected.kpiRows);
      const problemValues = (code: string, row: number): string[] => result.problems.filter((problem) => problem.code === code && problem.row === row).map((problem) => problem.value ?? '');

      for (const want of sheetExpected.kpis) {
        const kpi = kpiOn(result, want.row);
        expect([kpi.ref, kpi.name]).toEqual([want.ref, want.name]);
        if (want.unit !== undefined) expect(kpi.unit).toBe(want.unit);
        if (want.goodIs === 'Higher' || want.goodIs === 'Lower') expect(kpi.direction).toBe(want.goodIs.toLowerCase());
        else if (want.goodIs !== undefined) expect(problemValues('kpiDirectionUnreadable', want.row)).toEqual([want.goodIs]);
        expect(kpi.baseline.text).toBe(typeof want.baseline === 'string' ? want.baseline : want.baseline.text);
        expect(kpi.baseline.value).toBe(readKpiValue(kpi.baseline.text).value);
        expect(kpi.milestones.map((milestone) => [milestone.label, milestone.text])).toEqual(want.milestones.map((milestone) => [milestone.header, milestone.text]));
        for (const milestone of kpi.milestones) expect(milestone.target).toBe(readKpiValue(milestone.text).value);
        // The final "Target" has no date: reported on its row, never saved with a guessed one.
        if (want.target) expect(problemValues('kpiMilestoneNoDate', want.row)).toEqual([want.target]);
        const measured = kpi.measurements.map((measurement) => measurement.text);
        if (want.measurements) expect(measured).toEqual(want.measurements.map((measurement) => measurement.text));
        if (want.latest) expect([...measured, ...problemValues('kpiActualNoDate', want.row)]).toEqual([want.latest]);
      }
    });
  });

  it('keeps a value’s note and reads dates beside baselines and actuals', async () => {
    const book = await readSpreadsheet('kpi-scorecard.openpyxl.xlsx', new Uint8Array(readFileSync(join(folder, 'kpi-scorecard.openpyxl.xlsx'))));
    const [scorecard, trajectory] = book.sheets.map((sheet) => importSheet(sheet.rows));
    expect(kpiOn(scorecard, 7).measurements[1]).toEqual({ date: '2024-03-31', value: 1.17, text: '1.17% (projected end of year)', note: 'projected end of year' });
    expect(kpiOn(scorecard, 5)).toMatchObject({ direction: 'lower', baseline: { text: '32 weeks (Jan 23)', value: 32, date: '2023-01-31' } });
    expect(kpiOn(scorecard, 6).baseline).toEqual({ text: '42% (Q4 2022/23)', value: 42, date: '2023-03-31' });
    expect(kpiOn(scorecard, 7).baseline).toEqual({ text: '1.6% (2021/22)', value: 1.6 });
    expect(kpiOn(trajectory, 2).measurements).toEqual([{ date: '2024-03-31', value: 81, text: '81% (Mar 24)' }]);
    expect(kpiOn(trajectory, 3)).toMatchObject({ direction: 'lower', unit: 'weeks' });
    expect(kpiOn(trajectory, 3).milestones[3]).toEqual({ label: '18 months', text: 'No child waits over 18 weeks', monthsFromStart: 18, date: '2024-09-01' });
  });
});
