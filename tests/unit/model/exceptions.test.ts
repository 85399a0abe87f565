import { exceptions } from '../../../src/model/exceptions';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction, anUpdate } from '../../support/builders';
import { withHistory } from '../../support/fixtures';

describe('exceptions', () => {
  const boards = ['2023-06-30', '2023-09-30', '2023-12-31'];
  const actions = [
    anAction({ id: 1, ref: '5.1.2', dueText: 'Dec-24', status: 'Red' }),
    anAction({ id: 2, ref: '5.1.10', dueText: 'Sep-23', status: 'Green' }),
    anAction({ id: 3, ref: '5.1.3', dueText: 'Dec-24', status: 'Amber', latestNote: 'Recovering', latestUpdateDate: '2023-10-01' }),
    anAction({ id: 4, ref: '5.1.4', dueText: 'Sep-23', status: 'Complete' }),
    anAction({ id: 5, ref: '5.1.5', dueText: 'Dec-24', status: 'Amber' }),
    anAction({ id: 6, ref: '5.1.6', dueText: 'Jun-23', status: 'Red' })
  ];
  const updates = [
    anUpdate(1, '2023-12-20', 'Red', 'Recruitment failed'),
    anUpdate(3, '2023-06-01', 'Amber'),
    anUpdate(3, '2023-08-01', 'Red'),
    anUpdate(3, '2023-10-01', 'Amber', 'Recovering'),
    anUpdate(5, '2023-06-01', 'Amber'),
    anUpdate(5, '2023-08-01', 'Green'),
    anUpdate(5, '2023-11-01', 'Amber'),
    anUpdate(6, '2023-05-01', 'Red'),
    anUpdate(6, '2023-07-01', 'Red', 'Still blocked')
  ];

  const found = exceptions(withHistory(actions, updates), RAGC_SCHEME, boards, '2024-01-15');
  const byRef = new Map(found.map((entry) => [entry.action.ref, entry]));

  it('finds off track, overdue, and off track or at risk at two or more board dates running', () => {
    expect(byRef.get('5.1.2')).toMatchObject({ reasons: ['offTrack'], troubledPeriods: 1 });
    expect(byRef.get('5.1.10')).toMatchObject({ reasons: ['overdue'], troubledPeriods: 0 });
    // At risk or off track at all three boards (Amber, Red, Amber).
    expect(byRef.get('5.1.3')).toMatchObject({ reasons: ['persistent'], troubledPeriods: 3, latest: { note: 'Recovering' } });
    expect(byRef.get('5.1.6')).toMatchObject({ reasons: ['offTrack', 'overdue', 'persistent'], troubledPeriods: 3 });
  });

  it('leaves out the complete, and a run broken by a green period', () => {
    expect(byRef.has('5.1.4')).toBe(false);
    // Amber, Green, Amber: only the latest board counts.
    expect(byRef.has('5.1.5')).toBe(false);
  });

  it('lists the worst first', () => {
    expect(found.map((entry) => entry.action.ref)).toEqual(['5.1.6', '5.1.3', '5.1.2', '5.1.10']);
  });
});
