import { parsePlanDate } from '../../../src/model/planDates';
import {
  changesBetween,
  statusTrend,
  countByLabel,
  effectiveDueDate,
  isDueWithin,
  isOverdue,
  rollUp,
  rollUpByPriority,
  statusAsAt,
  statusByPeriod,
  statusDeltas,
  withHistoryLines
} from '../../../src/model/rollups';
import { BRAGG_SCHEME, DELIVERY_CONFIDENCE_SCHEME, RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction, anUpdate } from '../../support/builders';
import { withHistory } from '../../support/fixtures';

const TODAY = '2023-06-15';

describe('counts by the plan’s labels', () => {
  it('counts by the plan’s own labels in the scheme’s order', () => {
    const actions = [anAction({ status: 'Grey' }), anAction({ status: 'Blue' }), anAction({ status: 'Blue' }), anAction({ status: 'x' })];
    expect(countByLabel(actions, BRAGG_SCHEME)).toEqual({
      byLabel: [
        { key: 'Blue', count: 2 },
        { key: 'Red', count: 0 },
        { key: 'Amber', count: 0 },
        { key: 'Green', count: 0 },
        { key: 'Grey', count: 1 }
      ],
      noStatus: 1
    });
  });
});

describe('overdue and due soon', () => {
  it('overdue: due date passed and not finished', () => {
    expect(isOverdue(anAction({ dueText: 'Apr-23', status: 'Amber' }), RAGC_SCHEME, TODAY)).toBe(true);
    expect(isOverdue(anAction({ dueText: 'Apr-23', status: 'Complete' }), RAGC_SCHEME, TODAY)).toBe(false);
    expect(isOverdue(anAction({ dueText: 'Apr-23', status: 'Blue' }), BRAGG_SCHEME, TODAY)).toBe(false);
    expect(isOverdue(anAction({ dueText: 'Apr-23' }), RAGC_SCHEME, TODAY)).toBe(true);
  });

  it('not overdue on the due date itself, nor without a derived date', () => {
    expect(isOverdue(anAction({ dueText: '15/06/2023' }), RAGC_SCHEME, TODAY)).toBe(false);
    expect(isOverdue(anAction({ dueText: 'TBC' }), RAGC_SCHEME, TODAY)).toBe(false);
    expect(isOverdue(anAction({ dueText: 'Ongoing' }), RAGC_SCHEME, TODAY)).toBe(false);
  });

  it('a revised due date replaces the original for lateness, and the original is kept', () => {
    const action = anAction({ dueText: 'Apr-23', revisedDue: parsePlanDate('Sep-23'), revisedDueReason: 'Recruitment delayed' });
    expect(effectiveDueDate(action)).toBe('2023-09-30');
    expect(action.due.date).toBe('2023-04-30');
    expect(isOverdue(action, RAGC_SCHEME, TODAY)).toBe(false);
  });

  it('due within 30 days: inclusive at both ends, finished work excluded', () => {
    expect(isDueWithin(anAction({ dueText: '15/06/2023' }), RAGC_SCHEME, TODAY, 30)).toBe(true);
    expect(isDueWithin(anAction({ dueText: '15/07/2023' }), RAGC_SCHEME, TODAY, 30)).toBe(true);
    expect(isDueWithin(anAction({ dueText: '16/07/2023' }), RAGC_SCHEME, TODAY, 30)).toBe(false);
    expect(isDueWithin(anAction({ dueText: '14/06/2023' }), RAGC_SCHEME, TODAY, 30)).toBe(false);
    expect(isDueWithin(anAction({ dueText: 'Jun-23', status: 'Complete' }), RAGC_SCHEME, TODAY, 30)).toBe(false);
  });
});

describe('roll-up per priority and for the plan', () => {
  const actions = [
    anAction({ id: 1, priorityId: 3, status: 'Red', dueText: 'Apr-23' }),
    anAction({ id: 2, priorityId: 3, status: 'Green', dueText: 'Jul-23' }),
    anAction({ id: 3, priorityId: 3, status: 'Complete', dueText: 'Jan-23' }),
    anAction({ id: 4, priorityId: 4, dueText: 'TBC' })
  ];

  it('per priority in the order asked', () => {
    const [p4, p3] = rollUpByPriority([4, 3], actions, RAGC_SCHEME, TODAY);
    expect(p3).toMatchObject({ priorityId: 3, total: 3, overdue: 1, dueSoon: 0, noStatus: 0 });
    expect(p3.byLabel).toEqual([{ key: 'Red', count: 1 }, { key: 'Amber', count: 0 }, { key: 'Green', count: 1 }, { key: 'Complete', count: 1 }]);
    expect(p4).toMatchObject({ priorityId: 4, total: 1, overdue: 0, noStatus: 1 });
  });

  it('for the whole plan', () => {
    expect(rollUp(0, actions, RAGC_SCHEME, '2023-07-01', 30)).toMatchObject({ total: 4, overdue: 1, dueSoon: 1 });
  });

  it('an empty priority rolls up to zeros', () => {
    expect(rollUpByPriority([9], actions, RAGC_SCHEME, TODAY)[0]).toMatchObject({ total: 0, overdue: 0, dueSoon: 0, noStatus: 0 });
  });
});

describe('status as at a date, from the log', () => {
  const log = [
    anUpdate(1, '2023-01-10', 'Green'),
    anUpdate(1, '2023-02-20', undefined, 'Note without a status change'),
    anUpdate(1, '2023-03-15', 'Amber'),
    anUpdate(1, '2023-05-02', 'Red')
  ];

  it('before any update there is no status', () => {
    expect(statusAsAt(log, '2023-01-09')).toBeUndefined();
  });

  it('on the day of an update, that update counts', () => {
    expect(statusAsAt(log, '2023-01-10')).toBe('Green');
    expect(statusAsAt(log, '2023-03-15')).toBe('Amber');
  });

  it('a note without a status keeps the earlier status', () => {
    expect(statusAsAt(log, '2023-03-01')).toBe('Green');
  });

  it('the order the log arrives in does not matter', () => {
    expect(statusAsAt([...log].reverse(), '2023-06-01')).toBe('Red');
  });

  it('two updates on one date: the one recorded later wins', () => {
    const sameDay = [
      { ...anUpdate(2, '2023-04-01', 'Red'), recordedAt: '2023-04-01T16:00:00Z' },
      { ...anUpdate(2, '2023-04-01', 'Green'), recordedAt: '2023-04-01T09:00:00Z' }
    ];
    expect(statusAsAt(sameDay, '2023-04-01')).toBe('Red');
  });

  it('status per reporting period', () => {
    expect(statusByPeriod(log, ['2022-12-01', '2023-02-01', '2023-04-01', '2023-06-01'])).toEqual([
      { date: '2022-12-01', status: undefined },
      { date: '2023-02-01', status: 'Green' },
      { date: '2023-04-01', status: 'Amber' },
      { date: '2023-06-01', status: 'Red' }
    ]);
  });
});

describe('what changed between two board dates', () => {
  const actions = [
    anAction({ id: 1, ref: '3.1.1', dueText: 'Dec-23' }),
    anAction({ id: 2, ref: '3.1.2', dueText: 'Dec-23' }),
    anAction({ id: 3, ref: '3.1.3', dueText: 'Apr-23' }),
    anAction({ id: 4, ref: '3.1.4', dueText: 'Apr-23' }),
    anAction({ id: 5, ref: '3.1.5', dueText: 'Dec-23' }),
    anAction({ id: 6, ref: '3.1.6', dueText: 'Dec-23' })
  ];
  const log = [
    anUpdate(1, '2023-01-05', 'Amber'),
    anUpdate(1, '2023-04-20', 'Green'),
    anUpdate(2, '2023-01-05', 'Green'),
    anUpdate(2, '2023-04-20', 'Red'),
    anUpdate(3, '2023-01-05', 'Amber'),
    anUpdate(4, '2023-01-05', 'Amber'),
    anUpdate(4, '2023-04-10', 'Complete'),
    anUpdate(5, '2023-04-02', 'Green'),
    anUpdate(6, '2023-01-05', 'Green'),
    anUpdate(6, '2023-04-11', undefined, 'Still on track')
  ];
  const changes = changesBetween(withHistory(actions, log), RAGC_SCHEME, '2023-03-31', '2023-05-31');
  const byRef = new Map(changes.map((c) => [c.ref, c]));

  it('improvement and deterioration', () => {
    expect(byRef.get('3.1.1')).toMatchObject({ statusBefore: 'Amber', statusAfter: 'Green', movement: 'improved' });
    expect(byRef.get('3.1.2')).toMatchObject({ statusBefore: 'Green', statusAfter: 'Red', movement: 'deteriorated' });
  });

  it('the change per status follows the moves: one to Red, two out of Amber, one first rated', () => {
    const deltas = statusDeltas(changes, RAGC_SCHEME);
    expect(deltas.byLabel).toEqual([
      { key: 'Red', delta: 1 },
      { key: 'Amber', delta: -2 },
      { key: 'Green', delta: 1 },
      { key: 'Complete', delta: 1 }
    ]);
    // 3.1.5 had no status at the start of the period.
    expect(deltas.noStatus).toBe(-1);
  });

  it('newly overdue: due in the period and not finished', () => {
    expect(byRef.get('3.1.3')).toMatchObject({ movement: 'unchanged', newlyOverdue: true, newUpdates: [] });
    expect(byRef.get('3.1.4')).toMatchObject({ movement: 'improved', newlyOverdue: false });
  });

  it('moving between labels of the same meaning is a change, neither up nor down', () => {
    const a = [anAction({ id: 1 })];
    const l = [anUpdate(1, '2023-01-01', 'Green'), anUpdate(1, '2023-05-01', 'Amber/Green')];
    expect(changesBetween(withHistory(a, l), DELIVERY_CONFIDENCE_SCHEME, '2023-03-01', '2023-06-01')[0].movement).toBe('changed');
  });

  it('first rating and a note without a status change', () => {
    expect(byRef.get('3.1.5')).toMatchObject({ statusBefore: undefined, statusAfter: 'Green', movement: 'firstRated' });
    expect(byRef.get('3.1.6')).toMatchObject({ movement: 'unchanged' });
    expect(byRef.get('3.1.6')?.newUpdates.map((u) => u.date)).toEqual(['2023-04-11']);
  });

  it('nothing to report means not listed', () => {
    expect(changesBetween(withHistory(actions, log), RAGC_SCHEME, '2023-06-01', '2023-06-30')).toEqual([]);
  });

  it('across a scheme where green means complete, moving from green to blue is an improvement', () => {
    const a = [anAction({ id: 1 })];
    const l = [anUpdate(1, '2023-01-01', 'Green'), anUpdate(1, '2023-05-01', 'Blue')];
    expect(changesBetween(withHistory(a, l), BRAGG_SCHEME, '2023-03-01', '2023-06-01')[0].movement).toBe('improved');
    const back = [anUpdate(1, '2023-01-01', 'Green'), anUpdate(1, '2023-05-01', 'Amber')];
    expect(changesBetween(withHistory(a, back), BRAGG_SCHEME, '2023-03-01', '2023-06-01')[0].movement).toBe('deteriorated');
  });

  it('a period that ends before it starts is refused', () => {
    expect(() => changesBetween(withHistory(actions, log), RAGC_SCHEME, '2023-06-01', '2023-01-01')).toThrow('starts (2023-06-01) after it ends (2023-01-01)');
  });
});

describe('statusTrend', () => {
  it('counts each action by its status as its log stood at each date, with the actions behind each count', () => {
    const actions = [anAction({ id: 1, ref: '1.1' }), anAction({ id: 2, ref: '1.2' }), anAction({ id: 3, ref: '1.3' })];
    const log = [anUpdate(1, '2023-05-01', 'Red'), anUpdate(1, '2023-08-01', 'Green'), anUpdate(2, '2023-07-01', 'Amber'), anUpdate(2, '2023-08-02'), anUpdate(3, '2023-09-01', 'Not a label')];
    const trend = statusTrend(withHistory(actions, log), RAGC_SCHEME, ['2023-06-30', '2023-09-30']);
    expect(trend).toEqual([
      { date: '2023-06-30', byLabel: [{ key: 'Red', actionIds: [1] }, { key: 'Amber', actionIds: [] }, { key: 'Green', actionIds: [] }, { key: 'Complete', actionIds: [] }], noStatus: [2, 3] },
      // An entry without a status keeps the one before it; a label outside the scheme counts as no status.
      { date: '2023-09-30', byLabel: [{ key: 'Red', actionIds: [] }, { key: 'Amber', actionIds: [2] }, { key: 'Green', actionIds: [1] }, { key: 'Complete', actionIds: [] }], noStatus: [3] }
    ]);
  });
});

describe('withHistoryLines', () => {
  const history = [
    { id: 0, actionId: 1, date: '2023-05-31', status: 'Amber' },
    { id: 1, actionId: 1, date: '2023-06-30', status: 'Green' }
  ];

  it('places a backdated line by its date, and a line of the same date after the one recorded before it', () => {
    const placed = withHistoryLines(history, [
      { actionId: 1, date: '2023-04-30', status: 'Red', tag: 'a' },
      { actionId: 1, date: '2023-06-30', status: 'Red', tag: 'b' }
    ]);
    expect(placed.map((line) => `${line.date} ${line.status}`)).toEqual(['2023-04-30 Red', '2023-05-31 Amber', '2023-06-30 Green', '2023-06-30 Red']);
    // The later of two lines on one date wins.
    expect(statusAsAt(placed, '2023-06-30')).toBe('Red');
    expect(history).toHaveLength(2);
  });
});
