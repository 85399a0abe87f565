import { IPermissionContext, IViewer } from '../../../src/model/permissions';
import { IAwaitingSignOff, IPlan, IPriorityArea, IProgressUpdate, IRole } from '../../../src/model/plan';
import { rightsWithReasons } from '../../../src/model/rightsReasons';
import { awaitingSignOff, decisionProblem, isAuthor, signOffProblem, signOffQueue, standsOnRecord, withoutAwaiting } from '../../../src/model/signOff';
import { anAction } from '../../support/builders';
import { aPriority } from '../../support/fixtures';

const priorities: IPriorityArea[] = [
  { ...aPriority(3, '3', 'ND pathways'), leadRoles: ['Head of SEND'] },
  { ...aPriority(5, '5', 'EHC plans'), leadRoles: ['SEN Team Manager'] }
];
const roles: IRole[] = [
  { id: 1, planId: 1, title: 'Head of SEND', holder: { id: 10, displayName: 'Amira Lead' } },
  { id: 2, planId: 1, title: 'SEN Team Manager', holder: { id: 20, displayName: 'Fran Lead' } },
  { id: 3, planId: 1, title: 'Commissioner', holder: { id: 30, displayName: 'Owen Officer' } }
];

function viewer(id: number, displayName: string, rights: Partial<IViewer> = {}): IViewer {
  return { user: { id, displayName }, canEditActions: true, canAddUpdates: true, canManageLists: false, ...rights };
}

const plan: Pick<IPlan, 'editPolicy' | 'signOffRequired'> = { editPolicy: 'byRole', signOffRequired: true };
const as = (who: IViewer, overrides: Partial<IPermissionContext> = {}): IPermissionContext => ({ plan, priorities, roles, viewer: who, ...overrides });

function awaiting(updateId: number, authorId: number | undefined, author: string, submittedAt: string): IAwaitingSignOff {
  return { updateId, date: '2024-02-28', status: 'Amber', note: `Update ${updateId}`, author, authorId, submittedAt };
}

const amira = viewer(10, 'Amira Lead');
const owen = viewer(30, 'Owen Officer');
const officer = viewer(99, 'Sam Owner', { canManageLists: true });
const byOwen = awaiting(101, 30, 'Owen Officer', '2024-02-28T10:00:00Z');
const byAmira = awaiting(102, 10, 'Amira Lead', '2024-02-27T09:00:00Z');
const inThree = anAction({ id: 1, ref: '3.1.1', priorityId: 3, responsibleOfficer: { kind: 'role', role: 'Commissioner' }, awaitingSignOff: [byOwen, byAmira] });
const inFive = anAction({ id: 2, ref: '5.1.1', priorityId: 5, awaitingSignOff: [awaiting(201, 30, 'Owen Officer', '2024-02-26T08:00:00Z')] });
const retired = anAction({ id: 3, ref: '3.1.2', priorityId: 3, retired: { date: '2024-01-31', reason: 'Merged' }, awaitingSignOff: [awaiting(301, 30, 'Owen Officer', '2024-02-25T08:00:00Z')] });

describe('sign-off', () => {
  it('lets the priority\'s lead and a plan officer sign off an update, and nobody their own', () => {
    expect(signOffProblem(inThree, byOwen, as(amira))).toBeUndefined();
    expect(signOffProblem(inThree, byOwen, as(officer))).toBeUndefined();
    expect(signOffProblem(inThree, byAmira, as(amira))).toBe('ownUpdate');
    // The responsible officer posts updates on the action but signs off none.
    expect(signOffProblem(inThree, byAmira, as(owen))).toBe('notAllowed');
    // Another priority's lead may not.
    expect(signOffProblem(inThree, byOwen, as(viewer(20, 'Fran Lead')))).toBe('notAllowed');
    // An update still waiting when the plan stops requiring sign-off can still be decided, so none is stranded.
    expect(signOffProblem(inThree, byOwen, as(officer, { plan: { editPolicy: 'everyone', signOffRequired: false } }))).toBeUndefined();
  });

  it('knows the author by site user id, and by name only where SharePoint gave no id', () => {
    expect(isAuthor(byAmira, amira)).toBe(true);
    // Same name, another person: the id decides.
    expect(isAuthor({ author: 'Amira Lead', authorId: 11 }, amira)).toBe(false);
    expect(isAuthor({ author: ' amira lead ', authorId: undefined }, amira)).toBe(true);
    expect(isAuthor({ author: '', authorId: undefined }, viewer(12, ''))).toBe(false);
  });

  it('returns an update only with a comment; approves with or without one', () => {
    expect(decisionProblem(inThree, byOwen, 'return', '  ', as(amira))).toBe('commentRequired');
    expect(decisionProblem(inThree, byOwen, 'return', 'Which post is vacant?', as(amira))).toBeUndefined();
    expect(decisionProblem(inThree, byOwen, 'approve', '', as(amira))).toBeUndefined();
    // Who may decide is checked before the comment.
    expect(decisionProblem(inThree, byAmira, 'return', '', as(amira))).toBe('ownUpdate');
  });

  it('queues for each person what they may sign off across the plan, oldest first, leaving out their own and retired actions', () => {
    const actions = [inThree, inFive, retired];
    expect(signOffQueue(actions, as(amira)).map(({ action, awaiting: entry }) => [action.ref, entry.updateId])).toEqual([['3.1.1', 101]]);
    expect(signOffQueue(actions, as(officer)).map(({ awaiting: entry }) => entry.updateId)).toEqual([201, 102, 101]);
    expect(signOffQueue(actions, as(viewer(20, 'Fran Lead'))).map(({ awaiting: entry }) => entry.updateId)).toEqual([201]);
    expect(signOffQueue(actions, as(owen))).toEqual([]);
    expect(awaitingSignOff(actions)).toHaveLength(3);
    expect(withoutAwaiting(inThree, 101)).toEqual([byAmira]);
  });

  it('keeps on the record only entries written without sign-off or approved', () => {
    const entry = (signOff?: IProgressUpdate['signOff']): IProgressUpdate => ({ id: 1, actionId: 1, date: '2024-02-28', author: 'Owen', note: 'n', evidence: [], signOff });
    expect([entry(), entry({ state: 'approved' }), entry({ state: 'submitted' }), entry({ state: 'returned', comment: 'why' })].map(standsOnRecord)).toEqual([true, true, false, false]);
  });
});

describe('why an action offers no edit or update', () => {
  it('gives one reason each, from the lists\' permissions, retirement or the plan\'s policy', () => {
    expect(rightsWithReasons(inThree, as(owen))).toMatchObject({ rights: { edit: false, postUpdate: true }, edit: 'leadsEdit', postUpdate: undefined });
    expect(rightsWithReasons(inFive, as(owen))).toMatchObject({ edit: 'leadsEdit', postUpdate: 'ownersUpdate' });
    expect(rightsWithReasons(inThree, as(viewer(40, 'Reader', { canEditActions: false, canAddUpdates: false })))).toMatchObject({ edit: 'readOnly', postUpdate: 'readOnly' });
    expect(rightsWithReasons(retired, as(officer))).toMatchObject({ edit: 'retired', postUpdate: 'retired' });
    expect(rightsWithReasons(inThree, as(amira))).toMatchObject({ rights: { edit: true, postUpdate: true }, edit: undefined, postUpdate: undefined });
  });
});
