import { IKpi, assessKpi, directionOfTravel, milestoneDate, targetAt, trajectory } from '../../../src/model/kpi';

const START = '2023-01-01';

/** EHCPs finalised within 20 weeks: 60% baseline -> 75% at 6 months -> 100% at 12 months. */
function ehcpTimeliness(measurements: Array<[string, number]>): IKpi {
  return {
    id: 1,
    planId: 1,
    ref: '5.K1',
    title: 'EHCPs finalised within 20 weeks',
    unit: '%',
    direction: 'higher',
    baselineValue: 60,
    baselineDate: START,
    milestones: [
      { label: '6 Month', due: { monthsFromStart: 6 }, target: 75, text: '75%' },
      { label: '12 Month', due: { monthsFromStart: 12 }, target: 100, text: '100%' }
    ],
    measurements: measurements.map(([periodEnd, value]) => ({ periodEnd, value }))
  };
}

/** Children waiting over 18 weeks for SALT: 900 -> 300 at 3 months -> 0 at 6 months. */
function saltWaits(measurements: Array<[string, number]>): IKpi {
  return {
    id: 2,
    planId: 1,
    ref: '4.K1',
    title: 'Children waiting over 18 weeks for SALT',
    unit: 'children',
    direction: 'lower',
    baselineValue: 900,
    baselineDate: START,
    milestones: [
      { label: '3 Month', due: { date: '2023-04-01' }, target: 300, text: '300' },
      { label: '6 Month', due: { date: '2023-07-01' }, target: 0, text: 'No child waiting over 18 weeks' }
    ],
    measurements: measurements.map(([periodEnd, value]) => ({ periodEnd, value }))
  };
}

describe('trajectory', () => {
  it('milestones counted in months from the plan start', () => {
    expect(milestoneDate({ monthsFromStart: 6 }, START)).toBe('2023-07-01');
    expect(milestoneDate({ monthsFromStart: 18 }, '2023-01-31')).toBe('2024-07-31');
    expect(milestoneDate({ monthsFromStart: 1 }, '2023-01-31')).toBe('2023-02-28');
    expect(milestoneDate({ monthsFromStart: 3 }, undefined)).toBeUndefined();
    expect(milestoneDate({ date: '2024-03-31' }, undefined)).toBe('2024-03-31');
  });

  it('runs from the baseline through the numeric milestones; text milestones are checkpoints, not points', () => {
    const kpi = ehcpTimeliness([]);
    kpi.milestones.push({ label: '18 Month', due: { monthsFromStart: 18 }, text: 'Review quality standards' });
    expect(trajectory(kpi, START)).toEqual([
      { date: '2023-01-01', value: 60 },
      { date: '2023-07-01', value: 75 },
      { date: '2024-01-01', value: 100 }
    ]);
  });

  it('interpolates in a straight line between milestones and holds the last target after them', () => {
    const points = trajectory(ehcpTimeliness([]), START);
    expect(targetAt(points, '2022-12-31')).toBeUndefined();
    expect(targetAt(points, '2023-01-01')).toBe(60);
    expect(targetAt(points, '2023-07-01')).toBe(75);
    // 1 Oct 2023 is 92 of 184 days from 1 July 2023 to 1 Jan 2024: halfway from 75 to 100.
    expect(targetAt(points, '2023-10-01')).toBeCloseTo(87.5, 6);
    expect(targetAt(points, '2025-01-01')).toBe(100);
    expect(targetAt([], '2023-01-01')).toBeUndefined();
  });

  it('without a baseline, there is no target before the first milestone', () => {
    const kpi = { ...ehcpTimeliness([]), baselineValue: undefined };
    expect(targetAt(trajectory(kpi, START), '2023-03-01')).toBeUndefined();
    expect(targetAt(trajectory(kpi, START), '2023-07-01')).toBe(75);
  });
});

describe('assessKpi: higher is better', () => {
  // Target at 1 July 2023 is 75.
  it('on target is on track', () => {
    expect(assessKpi(ehcpTimeliness([['2023-07-01', 75]]), START)).toMatchObject({ status: 'onTrack', target: 75, shortfall: 0 });
  });

  it('above target is on track', () => {
    expect(assessKpi(ehcpTimeliness([['2023-07-01', 90]]), START).status).toBe('onTrack');
  });

  it('exactly 10% short is still on track (the edge is inclusive)', () => {
    const result = assessKpi(ehcpTimeliness([['2023-07-01', 67.5]]), START);
    expect(result.status).toBe('onTrack');
    expect(result.shortfall).toBeCloseTo(0.1, 9);
  });

  it('just over 10% short and improving on the previous value is at risk', () => {
    expect(assessKpi(ehcpTimeliness([['2023-04-01', 60], ['2023-07-01', 67.4]]), START).status).toBe('atRisk');
  });

  it('just over 10% short and not improving is off track', () => {
    expect(assessKpi(ehcpTimeliness([['2023-04-01', 70], ['2023-07-01', 67.4]]), START)).toMatchObject({
      status: 'offTrack',
      travel: 'worsening'
    });
    expect(assessKpi(ehcpTimeliness([['2023-04-01', 67.4], ['2023-07-01', 67.4]]), START)).toMatchObject({
      status: 'offTrack',
      travel: 'unchanged'
    });
  });

  it('with one actual, travel is measured from the baseline', () => {
    expect(assessKpi(ehcpTimeliness([['2023-07-01', 65]]), START)).toMatchObject({ status: 'atRisk', travel: 'improving' });
    expect(assessKpi(ehcpTimeliness([['2023-07-01', 55]]), START)).toMatchObject({ status: 'offTrack', travel: 'worsening' });
  });

  it('uses the latest measurement whatever order they arrive in', () => {
    const result = assessKpi(ehcpTimeliness([['2023-07-01', 75], ['2023-04-01', 62]]), START);
    expect(result.latest?.periodEnd).toBe('2023-07-01');
    expect(result.previous?.periodEnd).toBe('2023-04-01');
  });

  it('the tolerance is set per plan', () => {
    const kpi = ehcpTimeliness([['2023-04-01', 70], ['2023-07-01', 65]]);
    expect(assessKpi(kpi, START, { onTrackTolerance: 0.1 }).status).toBe('offTrack');
    expect(assessKpi(kpi, START, { onTrackTolerance: 0.15 }).status).toBe('onTrack');
  });
});

describe('assessKpi: lower is better', () => {
  // Target at 1 April 2023 is 300.
  it('below target is on track', () => {
    expect(assessKpi(saltWaits([['2023-04-01', 250]]), START)).toMatchObject({ status: 'onTrack', shortfall: 0 });
  });

  it('exactly 10% over target is on track', () => {
    expect(assessKpi(saltWaits([['2023-04-01', 330]]), START).status).toBe('onTrack');
  });

  it('over 10% above target and falling is at risk', () => {
    expect(assessKpi(saltWaits([['2023-03-01', 500], ['2023-04-01', 331]]), START)).toMatchObject({ status: 'atRisk', travel: 'improving' });
  });

  it('over 10% above target and rising is off track', () => {
    expect(assessKpi(saltWaits([['2023-03-01', 320], ['2023-04-01', 331]]), START)).toMatchObject({ status: 'offTrack', travel: 'worsening' });
  });

  it('a target of zero: zero is on track, anything above is short by more than any tolerance', () => {
    expect(assessKpi(saltWaits([['2023-07-01', 0]]), START).status).toBe('onTrack');
    const result = assessKpi(saltWaits([['2023-06-01', 40], ['2023-08-01', 32]]), START);
    expect(result).toMatchObject({ status: 'atRisk', target: 0, shortfall: Number.POSITIVE_INFINITY });
  });
});

describe('assessKpi: no status without an actual or a target', () => {
  it('no measurements', () => {
    expect(assessKpi(ehcpTimeliness([]), START)).toEqual({ reason: 'noActual', travel: 'unknown' });
  });

  it('a measurement before anything was promised', () => {
    const result = assessKpi(ehcpTimeliness([['2022-11-30', 58]]), START);
    expect(result.status).toBeUndefined();
    expect(result.reason).toBe('noTarget');
  });

  it('only text milestones', () => {
    const kpi: IKpi = {
      ...ehcpTimeliness([['2023-07-01', 1]]),
      baselineValue: undefined,
      milestones: [{ label: '6 Month', due: { monthsFromStart: 6 }, text: 'Quality standards agreed and published' }]
    };
    expect(assessKpi(kpi, START).status).toBeUndefined();
  });
});

describe('directionOfTravel', () => {
  it.each([
    [10, 5, 'higher', 'improving'],
    [5, 10, 'higher', 'worsening'],
    [5, 10, 'lower', 'improving'],
    [10, 5, 'lower', 'worsening'],
    [5, 5, 'lower', 'unchanged'],
    [5, undefined, 'lower', 'unknown']
  ] as const)('%s after %s (%s is better) is %s', (latest, previous, direction, expected) => {
    expect(directionOfTravel(latest, previous, direction)).toBe(expected);
  });
});
