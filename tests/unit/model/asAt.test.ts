import { actionAsAt, kpiAsAt, planAsAt, previousBoardDate } from '../../../src/model/asAt';
import { exceptions } from '../../../src/model/exceptions';
import { IKpi, assessKpi } from '../../../src/model/kpi';
import { IAction } from '../../../src/model/plan';
import { parsePlanDate } from '../../../src/model/planDates';
import { dueRevisionsAsAt, revisionsOf } from '../../../src/model/revisions';
import { rollUp } from '../../../src/model/rollups';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction, anUpdate } from '../../support/builders';

const BOARDS = ['2023-06-30', '2023-09-30', '2023-12-31', '2024-02-29'];

/**
 * An action whose status, note, owner and due date all changed across the boards:
 * Amber in June, Red in December with a note dated then; its due date moved twice
 * (September, then January) and its officer changed in November.
 */
function changingAction(): IAction {
  return anAction({
    id: 7,
    ref: '3.6.5',
    text: 'Redesign the referral form for the 5 to 18 cohort',
    dueText: 'Apr-23',
    status: 'Red',
    latestNote: 'Provider has withdrawn; re-procuring.',
    latestUpdateDate: '2024-02-15',
    responsibleOfficer: { kind: 'text', text: 'MPFT Service Manager', pending: false },
    revisedDue: parsePlanDate('Jun-24'),
    revisedDueReason: 'Provider withdrew',
    modified: '2024-02-15T10:00:00Z',
    history: [
      { id: 0, actionId: 7, date: '2023-05-31', status: 'Green' },
      { id: 1, actionId: 7, date: '2023-06-30', status: 'Amber' },
      { id: 2, actionId: 7, date: '2023-12-20', status: 'Red' },
      { id: 3, actionId: 7, date: '2024-02-15' }
    ],
    revisions: [
      { date: '2023-09-10', at: '2023-09-10T09:00:00Z', by: 'Kathryn Morgan', field: 'revisedDue', old: '', new: 'Sep-23', reason: 'Consultation extended' },
      { date: '2023-11-02', at: '2023-11-02T09:00:00Z', by: 'Kathryn Morgan', field: 'responsibleOfficer', old: 'MPFT', new: 'MPFT Service Manager' },
      { date: '2024-01-05', at: '2024-01-05T09:00:00Z', by: 'Kathryn Morgan', field: 'revisedDue', old: 'Sep-23', new: 'Jun-24', reason: 'Provider withdrew' }
    ]
  });
}

/** A KPI with nothing measured, for its note. */
function aKpi(overrides: Partial<IKpi>): IKpi {
  return { id: 2, planId: 1, ref: '5.1.5', title: 'EHCPs finalised within 20 weeks', unit: '%', direction: 'higher', milestones: [], measurements: [], ...overrides };
}

describe('the plan as at a date', () => {
  it('gives each action the status, owner, due date (with the revision in force) and note it had at each board date', () => {
    const action = changingAction();
    const log = [anUpdate(7, '2023-06-30', 'Amber', 'Form drafted with parents.'), anUpdate(7, '2023-12-20', 'Red', 'Provider capacity issue.'), anUpdate(7, '2024-02-15', undefined, 'Provider has withdrawn; re-procuring.')];
    const at = (date: string): IAction => actionAsAt(action, date, log);

    expect(at('2023-06-30')).toMatchObject({ status: 'Amber', latestNote: 'Form drafted with parents.', latestUpdateDate: '2023-06-30', revisedDue: undefined, responsibleOfficer: { kind: 'text', text: 'MPFT' } });
    expect(at('2023-09-30')).toMatchObject({ status: 'Amber', revisedDue: { text: 'Sep-23', date: '2023-09-30' }, revisedDueReason: 'Consultation extended', responsibleOfficer: { text: 'MPFT' } });
    expect(at('2023-12-31')).toMatchObject({ status: 'Red', latestNote: 'Provider capacity issue.', latestUpdateDate: '2023-12-20', revisedDue: { text: 'Sep-23' }, responsibleOfficer: { text: 'MPFT Service Manager' } });
    expect(at('2024-02-29')).toMatchObject({ status: 'Red', latestNote: 'Provider has withdrawn; re-procuring.', revisedDue: { text: 'Jun-24' }, revisedDueReason: 'Provider withdrew' });
    expect(dueRevisionsAsAt(action, '2023-12-31')).toEqual({ count: 1, firstDue: 'Apr-23' });
    expect(dueRevisionsAsAt(action, '2024-02-29')).toEqual({ count: 2, firstDue: 'Apr-23' });
  });

  it('holds nothing dated after the date: no status, note, history line, revision or measurement from later', () => {
    const plan = {
      actions: [changingAction()],
      kpis: [
        {
          id: 1,
          planId: 1,
          ref: 'KPI 1',
          title: 'EHCPs issued within 20 weeks',
          unit: '%',
          direction: 'higher' as const,
          baselineValue: 60,
          milestones: [{ label: '6 months', due: { monthsFromStart: 6 }, text: 'Audit published', met: true, metDate: '2024-01-10' }],
          progressNote: 'January figure provisional',
          progressNoteDate: '2024-01-15',
          measurements: [
            { periodEnd: '2023-11-30', value: 64 },
            { periodEnd: '2023-12-31', value: 66 },
            { periodEnd: '2024-01-31', value: 70 }
          ]
        }
      ]
    };
    for (const board of BOARDS) {
      const asAt = planAsAt(plan, board);
      const action = asAt.actions[0];
      const kpi = asAt.kpis[0];
      const eventDates = [
        ...action.history.map((mark) => mark.date),
        ...action.revisions.map((revision) => revision.date),
        ...(action.latestUpdateDate ? [action.latestUpdateDate] : []),
        ...kpi.measurements.map((measurement) => measurement.periodEnd),
        ...kpi.milestones.map((milestone) => milestone.metDate ?? ''),
        ...(kpi.progressNoteDate ? [kpi.progressNoteDate] : [])
      ];
      expect([board, eventDates.filter((date) => date > board)]).toEqual([board, []]);
    }
    // As at the end of December, the KPI's latest actual is December's, assessed as it was then.
    const december = planAsAt(plan, '2023-12-31').kpis[0];
    expect(assessKpi(december, '2023-03-01').latest).toEqual({ periodEnd: '2023-12-31', value: 66 });
    expect(kpiAsAt(plan.kpis[0], '2023-12-31').milestones[0].met).toBeUndefined();
  });

  it('without the log, a note written after the date is not shown as the note then', () => {
    expect(actionAsAt(changingAction(), '2023-12-31')).toMatchObject({ latestNote: undefined, latestUpdateDate: undefined, status: 'Red' });
  });

  it('feeds the roll-ups: the report’s counts and exceptions at a past board agree with the log then', () => {
    const action = changingAction();
    const june = planAsAt({ actions: [action], kpis: [] }, '2023-06-30');
    expect(rollUp(1, june.actions, RAGC_SCHEME, '2023-06-30').byLabel).toEqual([
      { key: 'Red', count: 0 },
      { key: 'Amber', count: 1 },
      { key: 'Green', count: 0 },
      { key: 'Complete', count: 0 }
    ]);
    // Due April 2023 and not revised until September: overdue at the June board, amber, not yet off track.
    expect(exceptions(june.actions, RAGC_SCHEME, BOARDS, '2023-06-30').map((found) => found.reasons)).toEqual([['overdue']]);
    const december = planAsAt({ actions: [action], kpis: [] }, '2023-12-31');
    expect(exceptions(december.actions, RAGC_SCHEME, BOARDS, '2023-12-31').map((found) => found.reasons)).toEqual([['offTrack', 'overdue', 'persistent']]);
  });

  it('takes the status as it stands from the day the item was last saved (an imported status may have no history line)', () => {
    const imported = anAction({ status: 'Green', modified: '2024-01-10T08:00:00Z', history: [] });
    expect(actionAsAt(imported, '2024-02-29').status).toBe('Green');
    expect(actionAsAt(imported, '2023-12-31').status).toBeUndefined();
  });

  it('keeps a KPI’s progress note as at its date or later, and blanks it as at an earlier date', () => {
    const kpi = aKpi({ progressNote: 'December return shows 66%', progressNoteDate: '2024-01-15', modified: '2024-01-20T09:00:00Z' });
    expect(kpiAsAt(kpi, '2024-01-15')).toMatchObject({ progressNote: 'December return shows 66%', progressNoteDate: '2024-01-15' });
    expect(kpiAsAt(kpi, '2024-02-29')).toMatchObject({ progressNote: 'December return shows 66%', progressNoteDate: '2024-01-15' });
    const december = kpiAsAt(kpi, '2023-12-31');
    expect([december.progressNote, december.progressNoteDate]).toEqual([undefined, undefined]);
  });

  it('shows an undated KPI note only as at the day its item was last saved or later, and never when that day is unknown', () => {
    const undated = aKpi({ progressNote: 'Written before notes were dated', modified: '2024-01-20T09:00:00Z' });
    expect(kpiAsAt(undated, '2024-01-20').progressNote).toBe('Written before notes were dated');
    expect(kpiAsAt(undated, '2024-01-19').progressNote).toBeUndefined();
    expect(kpiAsAt(aKpi({ progressNote: 'No date, no save time' }), '2099-12-31').progressNote).toBeUndefined();
  });

  it('names the previous board date', () => {
    expect(previousBoardDate(BOARDS, '2023-12-31')).toBe('2023-09-30');
    expect(previousBoardDate(BOARDS, '2023-06-30')).toBeUndefined();
  });
});

describe('revisions', () => {
  it('records each key field an edit changed: who, when, old, new, and the reason for a moved date', () => {
    const before = anAction({ text: 'Publish the offer', revisedDue: undefined, responsibleOfficer: { kind: 'role', role: 'Head of SEND' } });
    const after: IAction = { ...before, text: 'Publish the local offer', revisedDue: parsePlanDate('Sep-24'), revisedDueReason: 'Waiting for the ICB', responsibleOfficer: { kind: 'text', text: 'SEND Manager', pending: false } };
    expect(revisionsOf(before, after, { date: '2024-02-01', at: '2024-02-01T10:00:00Z', by: 'Sam Owner' })).toEqual([
      { date: '2024-02-01', at: '2024-02-01T10:00:00Z', by: 'Sam Owner', field: 'text', old: 'Publish the offer', new: 'Publish the local offer' },
      { date: '2024-02-01', at: '2024-02-01T10:00:00Z', by: 'Sam Owner', field: 'revisedDue', old: '', new: 'Sep-24', reason: 'Waiting for the ICB' },
      { date: '2024-02-01', at: '2024-02-01T10:00:00Z', by: 'Sam Owner', field: 'responsibleOfficer', old: 'Head of SEND', new: 'SEND Manager' }
    ]);
    expect(revisionsOf(before, { ...before }, { date: '2024-02-01', at: 'x', by: 'y' })).toEqual([]);
  });
});
