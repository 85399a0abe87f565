import { IKpi } from '../../../src/model/kpi';
import { checkMeasurement, checkpoints, kpiSeries, linkedActions, markCheckpoint, readNumber } from '../../../src/model/scorecard';
import { anAction } from '../../support/builders';

const START = '2023-03-01';

/** Shropshire's 5.1.2: a text checkpoint at 3 months, then 75% and 100% of plans good or outstanding. */
function auditKpi(overrides: Partial<IKpi> = {}): IKpi {
  return {
    id: 1,
    planId: 1,
    ref: '5.1.2',
    title: 'EHC plans judged good or outstanding at audit',
    unit: '%',
    direction: 'higher',
    baselineValue: 48,
    baselineDate: START,
    milestones: [
      { label: '3 Month', due: { monthsFromStart: 3 }, text: 'Quality standards agreed and published on the Local Offer' },
      { label: '6 Month', due: { monthsFromStart: 6 }, text: '75% of plans good or outstanding', target: 75 },
      { label: '12 Month', due: { monthsFromStart: 12 }, text: 'Review the QA checklist' }
    ],
    measurements: [
      { periodEnd: '2023-03-31', value: 52, id: 11, etag: '"1"' },
      { periodEnd: '2023-04-30', value: 55, id: 12, etag: '"2"' }
    ],
    actionRefs: '5.1.1 to 5.1.3',
    ...overrides
  };
}

describe('checkpoints', () => {
  it('are the milestones written as sentences, awaiting a mark once due', () => {
    const found = checkpoints(auditKpi(), START, '2023-07-15');
    expect(found.map((checkpoint) => [checkpoint.index, checkpoint.due, checkpoint.state])).toEqual([
      [0, '2023-06-01', 'awaiting'],
      [2, '2024-03-01', 'upcoming']
    ]);
  });

  it('are met or not met once marked, with the date and note, leaving the other milestones alone', () => {
    const kpi = auditKpi();
    const milestones = markCheckpoint(kpi, 0, { met: true, date: '2023-06-20', note: ' Published on the Local Offer ' });
    expect(milestones[0]).toMatchObject({ met: true, metDate: '2023-06-20', metNote: 'Published on the Local Offer' });
    expect(milestones.slice(1)).toEqual(kpi.milestones.slice(1));
    const marked = checkpoints({ ...kpi, milestones: markCheckpoint({ ...kpi, milestones }, 2, { met: false, date: '2024-03-05', note: '' }) }, START, '2024-03-05');
    expect(marked.map((checkpoint) => checkpoint.state)).toEqual(['met', 'notMet']);
  });

  it('refuses to mark a numeric milestone as a checkpoint', () => {
    expect(() => markCheckpoint(auditKpi(), 1, { met: true, date: '2023-09-01', note: '' })).toThrow('milestone 2 of KPI 5.1.2 is not a checkpoint');
  });
});

describe('checkMeasurement', () => {
  const today = '2023-06-15';
  const check = (value: string, periodEnd: string, correcting = false, kpi = auditKpi()): ReturnType<typeof checkMeasurement> =>
    checkMeasurement(kpi, { value, periodEnd, note: '', correcting }, today);

  it('reads numbers as people type them', () => {
    expect([readNumber('72'), readNumber(' 72.5 '), readNumber('72%'), readNumber('1,250'), readNumber('seventy'), readNumber('7 2'), readNumber('')]).toEqual([72, 72.5, 72, 1250, undefined, undefined, undefined]);
  });

  it('accepts a value for a new period, month-only meaning its last day', () => {
    expect(check('58%', 'May 2023')).toEqual({ ok: true, measurement: { periodEnd: '2023-05-31', value: 58, note: undefined } });
  });

  it('says what is wrong with each field', () => {
    expect(check('', '')).toEqual({ ok: false, problems: [{ field: 'value', problem: 'required' }, { field: 'periodEnd', problem: 'required' }] });
    expect(check('about half', 'next month')).toEqual({
      ok: false,
      problems: [{ field: 'value', problem: 'notANumber' }, expect.objectContaining({ field: 'periodEnd', problem: 'notADate' })]
    });
    expect(check('58', 'July 2023')).toEqual({ ok: false, problems: [{ field: 'periodEnd', problem: 'inFuture' }] });
  });

  it('keeps a percentage between 0 and 100, at both edges inclusive, and lets other units go higher', () => {
    expect(check('100', 'May 2023').ok).toBe(true);
    expect(check('0', 'May 2023').ok).toBe(true);
    expect(check('100.5', 'May 2023')).toEqual({ ok: false, problems: [{ field: 'value', problem: 'outOfRange', min: 0, max: 100 }] });
    expect(check('-1', 'May 2023')).toEqual({ ok: false, problems: [{ field: 'value', problem: 'outOfRange', min: 0, max: 100 }] });
    expect(check('140', 'May 2023', false, auditKpi({ unit: 'children' })).ok).toBe(true);
  });

  it('offers to correct a period that already has a value, then returns the old one for the history', () => {
    expect(check('56', '30/04/2023')).toEqual({ ok: false, problems: [{ field: 'periodEnd', problem: 'taken', existing: { periodEnd: '2023-04-30', value: 55, id: 12, etag: '"2"' } }] });
    expect(check('56', '30/04/2023', true)).toEqual({
      ok: true,
      measurement: { periodEnd: '2023-04-30', value: 56, note: undefined, id: 12, etag: '"2"' },
      replaces: { periodEnd: '2023-04-30', value: 55, id: 12, etag: '"2"' }
    });
  });
});

describe('linkedActions', () => {
  const actions = [anAction({ id: 1, ref: '5.1.1' }), anAction({ id: 2, ref: '5.1.2' }), anAction({ id: 3, ref: '5.1.3' }), anAction({ id: 4, ref: '5.2.1' })];
  it('resolves ref ranges to the plan’s actions', () => {
    expect(linkedActions(auditKpi(), actions).actions.map((action) => action.id)).toEqual([1, 2, 3]);
    expect(linkedActions(auditKpi({ actionRefs: undefined }), actions)).toEqual({ actions: [] });
  });
  it('says why refs it cannot read were not linked', () => {
    const result = linkedActions(auditKpi({ actionRefs: '5.1.3 to 5.1.1' }), actions);
    expect(result.actions).toEqual([]);
    expect(result.error).toEqual({ code: 'rangeBackwards', from: '5.1.3', to: '5.1.1' });
  });
});

describe('kpiSeries', () => {
  it('lists measurements and dated milestones in date order, each with the target on its date', () => {
    const { periods } = kpiSeries(auditKpi(), START);
    // 48 on 1 March rising to 75 on 1 September (184 days): 27 × 30/184 + 48 = 52.4 on 31 March.
    expect(periods.map((period) => [period.date, period.actual, period.target === undefined ? undefined : Math.round(period.target * 10) / 10, period.milestone])).toEqual([
      ['2023-03-31', 52, 52.4, undefined],
      ['2023-04-30', 55, 56.8, undefined],
      ['2023-06-01', undefined, 61.5, '3 Month'],
      ['2023-09-01', undefined, 75, '6 Month'],
      ['2024-03-01', undefined, 75, '12 Month']
    ]);
  });
});
