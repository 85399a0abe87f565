import { IUpdateRequest, answerRate, nextBoardDate, requestsForBoard, whoOwes } from '../../../src/model/updateRequests';
import { IAction, IRole } from '../../../src/model/plan';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anAction } from '../../support/builders';
import { isOwedThisCycle } from '../../../src/model/myActions';

const FRAN = { id: 11, displayName: 'Fran Davis', email: 'fran.davis@send.example' };
const KATHRYN = { id: 12, displayName: 'Kathryn Morgan', email: 'kathryn.morgan@send.example' };
const MILLAR = { id: 13, displayName: 'Millar Bownass', email: 'millar.bownass@send.example' };
const NO_EMAIL = { id: 14, displayName: 'Pat Noaddress' };

const ROLES: IRole[] = [
  { id: 1, planId: 1, title: 'SEN Team Manager', holder: FRAN },
  { id: 2, planId: 1, title: 'Designated Clinical Officer', abbreviation: 'DCO' },
  { id: 3, planId: 1, title: 'Commissioners', holder: MILLAR }
];

const BOARDS = ['2023-09-30', '2023-12-31', '2024-03-31'];
const TODAY = '2024-02-29';
const LEAD = { strategicLead: { kind: 'person' as const, person: KATHRYN } };

/** An action with one history line on `updated` (none when undefined). */
function action(id: number, ref: string, overrides: Partial<IAction> & { dueText?: string }, updated?: string): IAction {
  return anAction({ id, ref, status: 'Green', history: updated ? [{ id: 1, actionId: id, date: updated, status: 'Green' }] : [], ...overrides });
}

function owes(actions: IAction[]): ReturnType<typeof whoOwes> {
  return whoOwes({ actions, roles: ROLES, scheme: RAGC_SCHEME, reportingDates: BOARDS, today: TODAY, dueSoonDays: 30, culture: 'en-GB' });
}

describe('nextBoardDate', () => {
  it('is the first reporting date after today, none when all are past', () => {
    expect(nextBoardDate(BOARDS, '2024-02-29')).toBe('2024-03-31');
    expect(nextBoardDate(BOARDS, '2023-12-31')).toBe('2024-03-31');
    expect(nextBoardDate(BOARDS, '2024-04-01')).toBeUndefined();
  });
});

describe('whoOwes', () => {
  it('lists each unfinished action with its reasons: no update since the last board, overdue, due soon', () => {
    const result = owes([
      action(1, '5.1.1', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Dec-24' }, '2023-11-15'),
      action(2, '5.1.2', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Jan-24' }, '2024-02-10'),
      action(3, '5.1.3', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Feb-24' }, '2024-02-10'),
      action(4, '5.1.4', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Dec-24' }, '2024-02-10')
    ]);
    expect(result.boardDate).toBe('2024-03-31');
    expect(result.cycleStart).toBe('2023-12-31');
    expect(result.recipients).toHaveLength(1);
    // 5.1.4 was updated this cycle and is not due: not asked about.
    expect(result.recipients[0].owed.map((owed) => [owed.action.ref, owed.reasons])).toEqual([
      ['5.1.1', ['noUpdateSinceBoard']],
      ['5.1.2', ['overdue']],
      ['5.1.3', ['dueSoon']]
    ]);
  });

  it('leaves out finished actions, however late or stale', () => {
    const result = owes([action(1, '5.1.1', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Jan-23', status: 'Complete' }, '2023-01-15')]);
    expect(result.recipients).toEqual([]);
    expect(result.noOneToAsk).toEqual([]);
  });

  it("reaches a role's holder through the glossary, by title or abbreviation, whatever the case", () => {
    const result = owes([
      action(1, '5.2.1', { responsibleOfficer: { kind: 'role', role: 'sen team manager' } }),
      action(2, '5.2.2', { responsibleOfficer: { kind: 'person', person: FRAN } }),
      action(3, '3.1.1', { responsibleOfficer: { kind: 'role', role: 'Commissioners' } })
    ]);
    expect(result.recipients.map((recipient) => [recipient.person.displayName, recipient.owed.map((owed) => owed.action.ref)])).toEqual([
      ['Fran Davis', ['5.2.1', '5.2.2']],
      ['Millar Bownass', ['3.1.1']]
    ]);
  });

  it('falls back to the strategic lead when the officer is a placeholder, an unheld role or a person without e-mail', () => {
    const result = owes([
      action(1, '3.1.1', { responsibleOfficer: { kind: 'text', text: 'ND Workstream to confirm', pending: true }, ...LEAD }),
      action(2, '3.1.2', { responsibleOfficer: { kind: 'role', role: 'DCO' }, ...LEAD }),
      action(3, '3.1.3', { responsibleOfficer: { kind: 'person', person: NO_EMAIL }, ...LEAD }),
      action(4, '3.1.4', LEAD)
    ]);
    expect(result.recipients.map((recipient) => [recipient.person.email, recipient.owed.map((owed) => owed.action.ref)])).toEqual([['kathryn.morgan@send.example', ['3.1.1', '3.1.2', '3.1.3', '3.1.4']]]);
    expect(result.noOneToAsk).toEqual([]);
  });

  it('lists what reaches nobody apart, with why: the officer, else the lead', () => {
    const result = owes([
      action(1, '3.2.1', { responsibleOfficer: { kind: 'text', text: 'TBC', pending: true } }),
      action(2, '3.2.2', { responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' } }),
      action(3, '3.2.3', { responsibleOfficer: { kind: 'text', text: 'Alison Parkinson', pending: false } }),
      action(4, '3.2.4', { responsibleOfficer: { kind: 'role', role: 'Head of Inclusion' } }),
      action(5, '3.2.5', { strategicLead: { kind: 'role', role: 'DCO' } }),
      action(6, '3.2.6', {})
    ]);
    expect(result.recipients).toEqual([]);
    expect(result.noOneToAsk.map((entry) => [entry.action.ref, entry.why, entry.ownerText])).toEqual([
      ['3.2.1', 'placeholder', 'TBC'],
      ['3.2.2', 'roleWithoutHolder', 'Designated Clinical Officer'],
      ['3.2.3', 'nameNotLinked', 'Alison Parkinson'],
      ['3.2.4', 'roleWithoutHolder', 'Head of Inclusion'],
      ['3.2.5', 'roleWithoutHolder', 'DCO'],
      ['3.2.6', 'noOwner', undefined]
    ]);
    expect(result.noOneToAsk[0].reasons).toEqual(['noUpdateSinceBoard']);
  });

  it('asks a role’s deputy when its holder is not set or has no e-mail, and says which role each is asked as', () => {
    const PAT = { id: 15, displayName: 'Pat Deputy', email: 'pat.deputy@send.example' };
    const roles: IRole[] = [
      ...ROLES,
      { id: 4, planId: 1, title: 'Head of Inclusion', deputy: PAT },
      { id: 5, planId: 1, title: 'Principal Educational Psychologist', abbreviation: 'PEP', holder: NO_EMAIL, deputy: FRAN },
      { id: 6, planId: 1, title: 'Virtual School Head', holder: NO_EMAIL }
    ];
    const result = whoOwes({
      actions: [
        action(1, '4.1.1', { responsibleOfficer: { kind: 'role', role: 'Head of Inclusion' } }),
        // Text naming the role by its abbreviation reaches it too.
        action(2, '4.1.2', { responsibleOfficer: { kind: 'text', text: 'pep', pending: false } }),
        action(3, '4.1.3', { responsibleOfficer: { kind: 'role', role: 'Commissioners' } }),
        action(4, '4.1.4', { responsibleOfficer: { kind: 'role', role: 'Virtual School Head' } })
      ],
      roles,
      scheme: RAGC_SCHEME,
      reportingDates: BOARDS,
      today: TODAY,
      dueSoonDays: 30,
      culture: 'en-GB'
    });
    expect(result.recipients.map((recipient) => [recipient.person.displayName, recipient.owed.map((owed) => [owed.action.ref, owed.via])])).toEqual([
      ['Fran Davis', [['4.1.2', { role: 'Principal Educational Psychologist', asDeputy: true }]]],
      ['Millar Bownass', [['4.1.3', { role: 'Commissioners', asDeputy: false }]]],
      ['Pat Deputy', [['4.1.1', { role: 'Head of Inclusion', asDeputy: true }]]]
    ]);
    // A holder without e-mail and no deputy: nobody, and why.
    expect(result.noOneToAsk.map((entry) => [entry.action.ref, entry.why, entry.ownerText])).toEqual([['4.1.4', 'noEmail', 'Pat Noaddress']]);
  });

  it('reaches nobody through a placeholder however it was typed ("TBC", "твс", "tbc ", "to be confirmed"), and asks nothing about a retired action', () => {
    const result = owes([
      action(1, '6.1.1', { responsibleOfficer: { kind: 'text', text: 'твс', pending: false } }),
      action(2, '6.1.2', { responsibleOfficer: { kind: 'text', text: 'tbc ', pending: false } }),
      action(3, '6.1.3', { responsibleOfficer: { kind: 'text', text: 'Owner to be confirmed', pending: false } }),
      action(4, '6.1.4', { responsibleOfficer: { kind: 'person', person: FRAN }, retired: { date: '2024-01-10', reason: 'Merged into 6.1.5' } })
    ]);
    expect(result.recipients).toEqual([]);
    expect(result.noOneToAsk.map((entry) => [entry.action.ref, entry.why, entry.ownerText])).toEqual([
      ['6.1.1', 'placeholder', 'твс'],
      ['6.1.2', 'placeholder', 'tbc '],
      ['6.1.3', 'placeholder', 'Owner to be confirmed']
    ]);
  });

  it('owes no update before the first board, only what is late or due', () => {
    const result = whoOwes({
      actions: [action(1, '1.1.1', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Dec-24' }), action(2, '1.1.2', { responsibleOfficer: { kind: 'person', person: FRAN }, dueText: 'Sep-23' })],
      roles: ROLES,
      scheme: RAGC_SCHEME,
      reportingDates: BOARDS,
      today: '2023-09-15',
      dueSoonDays: 30,
      culture: 'en-GB'
    });
    expect(result.cycleStart).toBeUndefined();
    expect(result.boardDate).toBe('2023-09-30');
    expect(result.recipients[0].owed.map((owed) => [owed.action.ref, owed.reasons])).toEqual([['1.1.2', ['dueSoon']]]);
  });
});

describe('answerRate', () => {
  const request: IUpdateRequest = {
    id: 1,
    planId: 1,
    boardDate: '2024-03-31',
    recipient: { id: 11, email: FRAN.email, name: FRAN.displayName },
    actionIds: [1, 2, 3, 4, 5],
    sentAt: '2024-02-26T09:30:00.000Z',
    sentBy: 'Sam Owner',
    channel: 'graph'
  };
  const actions = [
    action(1, '5.1.1', {}, '2024-02-26'),
    action(2, '5.1.2', {}, '2024-02-28'),
    action(3, '5.1.3', {}, '2024-02-25'),
    // Written after the request, dated for the board before it: an answer all the same.
    action(4, '5.1.4', { history: [{ id: 9, actionId: 4, date: '2023-12-31', recordedAt: '2024-02-27T08:00:00.000Z', status: 'Green' }] })
  ];

  it('counts the actions with an update on or after the day asked, or recorded since; a removed action is not updated', () => {
    expect(answerRate(request, actions, '2024-02-29')).toEqual({ daysAgo: 3, asked: 5, updated: 3 });
  });

  it('counts an update awaiting sign-off as an answer, and it ends what the action owes this cycle', () => {
    const submitted = { ...actions[2], awaitingSignOff: [{ updateId: 30, date: '2024-02-27', note: 'Returns in', author: 'Fran Davis', authorId: 11, submittedAt: '2024-02-27T10:00:00.000Z' }] };
    expect(answerRate({ ...request, actionIds: [3] }, [submitted], '2024-02-29').updated).toBe(1);
    const quiet = { ...actions[2], history: [], latestUpdateDate: undefined };
    const owed = (candidate: IAction): boolean => isOwedThisCycle(candidate, RAGC_SCHEME, '2023-12-31');
    expect([owed(quiet), owed({ ...quiet, awaitingSignOff: submitted.awaitingSignOff })]).toEqual([true, false]);
  });

  it('is asked 0 days ago on the day, with nothing updated before it', () => {
    expect(answerRate({ ...request, actionIds: [3] }, actions, '2024-02-26')).toEqual({ daysAgo: 0, asked: 1, updated: 0 });
  });

  it('keeps the requests for one board, latest first', () => {
    const older = { ...request, id: 2, sentAt: '2024-02-20T09:00:00.000Z' };
    const otherBoard = { ...request, id: 3, boardDate: '2023-12-31' };
    expect(requestsForBoard([older, otherBoard, request], '2024-03-31').map((entry) => entry.id)).toEqual([1, 2]);
  });
});
