import { freezePack, figuresOfReport, packRefusal, packStatuses, reportAsAt, trendDates } from '../../../src/model/boardPack';
import { emptyNarrative } from '../../../src/model/narrative';
import { changesBetween } from '../../../src/model/rollups';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anUpdate } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

const BOARDS = ['2023-06-30', '2023-09-30', '2023-12-31'];

/** 3.1.1 Amber at June, Red in August; 3.1.2 Green throughout; 4.11.1 rated Amber only in October. */
function snapshot(): ReturnType<typeof aSnapshot> {
  return aSnapshot({
    plan: aPlan({ reportingDates: BOARDS }),
    log: [anUpdate(1, '2023-06-01', 'Amber'), anUpdate(1, '2023-08-10', 'Red'), anUpdate(2, '2023-05-01', 'Green'), anUpdate(3, '2023-05-01', 'Green'), anUpdate(4, '2023-10-05', 'Amber')]
  });
}

describe('the report as at a date', () => {
  it('counts every trend row from the plan as it stood on its date, the last row being the report date', () => {
    const content = reportAsAt(snapshot(), '2023-09-30');

    expect(content.trend.map((row) => row.date)).toEqual(['2023-06-30', '2023-09-30']);
    const red = RAGC_SCHEME.labels.findIndex((label) => label.key === 'Red');
    const amber = RAGC_SCHEME.labels.findIndex((label) => label.key === 'Amber');
    expect(content.trend.map((row) => [row.whole.byLabel[red].count, row.whole.byLabel[amber].count, row.whole.noStatus])).toEqual([
      [0, 1, 1],
      [1, 0, 1]
    ]);
    const { now, before } = figuresOfReport(content);
    expect(now.date).toBe('2023-09-30');
    expect(before?.date).toBe('2023-06-30');
    expect(content.exceptions.map((entry) => entry.action.ref)).toEqual(expect.arrayContaining(['3.1.1']));
    expect(content.actions.find((action) => action.id === 4)?.status).toBeUndefined();
  });

  it('adds the report date to the trend when it is not a board date', () => {
    expect(trendDates(BOARDS, '2023-11-15')).toEqual(['2023-06-30', '2023-09-30', '2023-11-15']);
    expect(trendDates(BOARDS, '2023-09-30')).toEqual(['2023-06-30', '2023-09-30']);
  });
});

describe('board packs', () => {
  it('freezes the content with the narrative written for its board only (drafts for other boards, unsaved ones left out)', () => {
    const content = reportAsAt(snapshot(), '2023-09-30');
    const written = { ...emptyNarrative('2023-09-30'), id: 4, summary: 'Waits are down.' };
    const pack = freezePack(content, [written, { ...emptyNarrative('2023-12-31'), id: 5 }, emptyNarrative('2023-09-30', 3)], '2023-10-02T09:00:00Z', 'Sam Owner');

    expect(pack).toMatchObject({ format: 1, asAt: '2023-09-30', frozenBy: 'Sam Owner', frozenAt: '2023-10-02T09:00:00Z', narratives: [written] });
    expect(pack.trend).toBe(content.trend);
  });

  it('may be frozen only at a board date that has come', () => {
    expect(packRefusal(BOARDS, '2023-09-30', '2023-10-01')).toBeUndefined();
    expect(packRefusal(BOARDS, '2023-09-30', '2023-09-30')).toBeUndefined();
    expect(packRefusal(BOARDS, '2023-12-31', '2023-10-01')).toBe('futureBoard');
    expect(packRefusal(BOARDS, '2023-10-01', '2023-10-01')).toBe('notBoardDate');
  });

  it('counts "changed since the board" from what the frozen pack showed, not from a log corrected since', () => {
    const atBoard = snapshot();
    const pack = freezePack(reportAsAt(atBoard, '2023-09-30'), [], '2023-10-02T09:00:00Z', 'Sam Owner');
    // Later, someone back-dated a Green entry for 3.1.2 to before the board: the log now says it was Red then.
    const corrected = aSnapshot({
      plan: aPlan({ reportingDates: BOARDS }),
      log: [anUpdate(1, '2023-06-01', 'Amber'), anUpdate(1, '2023-08-10', 'Red'), anUpdate(2, '2023-05-01', 'Green'), anUpdate(2, '2023-09-01', 'Red'), anUpdate(2, '2023-11-01', 'Green'), anUpdate(3, '2023-05-01', 'Green'), anUpdate(4, '2023-10-05', 'Amber')]
    });

    const fromLog = changesBetween(corrected.actions, RAGC_SCHEME, '2023-09-30', '2023-12-01');
    const fromPack = changesBetween(corrected.actions, RAGC_SCHEME, '2023-09-30', '2023-12-01', packStatuses(pack));

    expect(fromLog.find((change) => change.ref === '3.1.2')).toMatchObject({ statusBefore: 'Red', movement: 'improved' });
    expect(fromPack.find((change) => change.ref === '3.1.2')).toMatchObject({ statusBefore: 'Green', statusAfter: 'Green', movement: 'unchanged' });
    expect(fromPack.find((change) => change.ref === '4.11.1')).toMatchObject({ statusBefore: undefined, statusAfter: 'Amber', movement: 'firstRated' });
  });
});
