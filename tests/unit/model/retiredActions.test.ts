/**
 * A retired action keeps its log and stays in the plan, but from its retirement day it is
 * counted nowhere: not in the summary's figures, the exceptions, the trend, the change
 * since a board or a report as at that day or later. As at an earlier board it was live
 * and counts.
 */
import { actionAsAt, planAsAt } from '../../../src/model/asAt';
import { reportAsAt } from '../../../src/model/boardPack';
import { exceptions } from '../../../src/model/exceptions';
import { isLive, isLiveAt } from '../../../src/model/plan';
import { changesBetween, countByLabel, rollUp, statusTrend } from '../../../src/model/rollups';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction, anUpdate } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

const BOARDS = ['2023-06-30', '2023-09-30', '2023-12-31'];
const RETIREMENT = { date: '2023-09-30', reason: 'Merged into 3.1.2' };
const RED = RAGC_SCHEME.labels.findIndex((label) => label.key === 'Red');

/** 3.1.1 Red (and overdue) since May, retired at the September board; the others as the fixture has them. */
function snapshot(): ReturnType<typeof aSnapshot> {
  const plain = aSnapshot({
    plan: aPlan({ reportingDates: BOARDS }),
    log: [anUpdate(1, '2023-05-01', 'Red'), anUpdate(2, '2023-05-01', 'Green'), anUpdate(3, '2023-05-01', 'Green')]
  });
  return { ...plain, actions: plain.actions.map((action) => (action.id === 1 ? { ...action, retired: RETIREMENT } : action)) };
}

describe('isLiveAt', () => {
  it('is live before its retirement day and not from it; an action never retired is always live', () => {
    const retired = anAction({ retired: RETIREMENT });
    expect([isLiveAt(retired, '2023-09-29'), isLiveAt(retired, '2023-09-30'), isLiveAt(retired, '2024-01-01')]).toEqual([true, false, false]);
    expect(isLiveAt(anAction(), '2099-12-31')).toBe(true);
    expect(isLive(retired)).toBe(false);
  });
});

describe('a retired action as at a date', () => {
  it('is marked retired from its retirement day and live before it, its history kept', () => {
    const action = snapshot().actions[0];
    expect(actionAsAt(action, '2023-09-30').retired).toEqual(RETIREMENT);
    expect(actionAsAt(action, '2023-06-30').retired).toBeUndefined();
    expect(actionAsAt(action, '2023-06-30').history).toHaveLength(1);
    // It stays in the plan (its panel and log remain), never dropped.
    expect(planAsAt(snapshot(), '2023-12-31').actions.map((candidate) => candidate.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('counting with a retired action', () => {
  it('leaves it out of the summary figures from its retirement day, and counts it before', () => {
    const { actions } = snapshot();
    const after = rollUp(0, planAsAt(snapshot(), '2023-12-31').actions, RAGC_SCHEME, '2023-12-31');
    const before = rollUp(0, planAsAt(snapshot(), '2023-06-30').actions, RAGC_SCHEME, '2023-06-30');
    // 3.1.2 and 3.1.3 are overdue by December; 3.1.1 (due April) no longer counts.
    expect([after.total, after.byLabel[RED].count, after.overdue]).toEqual([3, 0, 2]);
    expect([before.total, before.byLabel[RED].count, before.overdue]).toEqual([4, 1, 1]);
    // Counting by label alone skips it too (a KPI's linked actions).
    expect(countByLabel(actions, RAGC_SCHEME).byLabel[RED].count).toBe(0);
  });

  it('raises no exception for it from its retirement day', () => {
    const { actions } = snapshot();
    expect(exceptions(actions, RAGC_SCHEME, BOARDS, '2023-12-31').map((entry) => entry.action.ref)).not.toContain('3.1.1');
    expect(exceptions(actions, RAGC_SCHEME, BOARDS, '2023-09-29').map((entry) => entry.action.ref)).toContain('3.1.1');
  });

  it('counts it in the trend at the boards before its retirement only', () => {
    const rows = statusTrend(planAsAt(snapshot(), '2023-12-31').actions, RAGC_SCHEME, BOARDS);
    expect(rows.map((row) => row.byLabel[RED].actionIds)).toEqual([[1], [], []]);
    expect(rows.map((row) => row.noStatus)).toEqual([[4], [4], [4]]);
  });

  it('reports no change for it once retired', () => {
    const moved = { ...snapshot().actions[0], history: [...snapshot().actions[0].history, { id: 9, actionId: 1, date: '2023-08-01', status: 'Green' }] };
    expect(changesBetween([moved], RAGC_SCHEME, '2023-06-30', '2023-09-29').map((change) => change.ref)).toEqual(['3.1.1']);
    expect(changesBetween([moved], RAGC_SCHEME, '2023-06-30', '2023-09-30')).toEqual([]);
  });

  it('leaves it out of a report as at its retirement day or later, and counts it in the trend rows before', () => {
    const later = reportAsAt(snapshot(), '2023-12-31');
    expect(later.trend.map((row) => row.whole.total)).toEqual([4, 3, 3]);
    expect(later.trend.map((row) => row.byPriority[0].byLabel[RED].count)).toEqual([1, 0, 0]);
    expect(later.exceptions.map((entry) => entry.action.ref)).not.toContain('3.1.1');
    expect(later.actions.find((action) => action.id === 1)?.retired).toEqual(RETIREMENT);

    const earlier = reportAsAt(snapshot(), '2023-06-30');
    expect(earlier.trend[earlier.trend.length - 1].whole.total).toBe(4);
    expect(earlier.exceptions.map((entry) => entry.action.ref)).toContain('3.1.1');
    expect(earlier.actions.find((action) => action.id === 1)?.retired).toBeUndefined();
  });
});
