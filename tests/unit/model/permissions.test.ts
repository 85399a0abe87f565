import { IViewer, leadsPriority, rightsOn } from '../../../src/model/permissions';
import { IPlan, IPriorityArea, IRole } from '../../../src/model/plan';
import { anAction } from '../../support/builders';
import { isOwnedBy, rolesHeldBy } from '../../../src/model/myActions';
import { aPriority } from '../../support/fixtures';

const priorities: IPriorityArea[] = [
  { ...aPriority(3, '3', 'Transitions'), leadRoles: ['Head of SEND'] },
  { ...aPriority(5, '5', 'Health'), leadRoles: ['DCO', 'Jo Bloggs'] }
];
const roles: IRole[] = [
  { id: 1, planId: 1, title: 'Head of SEND', holder: { id: 10, displayName: 'Amira Lead' } },
  { id: 2, planId: 1, title: 'Designated Clinical Officer', abbreviation: 'DCO', holder: { id: 20, displayName: 'Priya Health' }, deputy: { id: 21, displayName: 'Dan Deputy' } },
  { id: 3, planId: 1, title: 'Commissioning Manager', holder: { id: 30, displayName: 'Officer Owen' } }
];

function viewer(id: number, displayName: string, rights: Partial<IViewer> = {}): IViewer {
  return { user: { id, displayName }, canEditActions: true, canAddUpdates: true, canManageLists: false, ...rights };
}

const byRole: Pick<IPlan, 'editPolicy' | 'signOffRequired'> = { editPolicy: 'byRole', signOffRequired: true };
const priorityThreeAction = anAction({ id: 7, priorityId: 3, responsibleOfficer: { kind: 'role', role: 'Commissioning Manager' } });

describe('who may edit what', () => {
  it('lets a priority lead edit and sign off their own priority, and nothing of another', () => {
    const lead = viewer(20, 'Priya Health');
    expect(rightsOn(anAction({ priorityId: 5 }), { plan: byRole, priorities, roles, viewer: lead })).toEqual({ edit: true, postUpdate: true, signOff: true, manage: false });
    expect(rightsOn(priorityThreeAction, { plan: byRole, priorities, roles, viewer: lead })).toEqual({ edit: false, postUpdate: false, signOff: false, manage: false });
  });

  it('reaches a lead through a deputy and through a name written as the lead', () => {
    expect(leadsPriority(priorities[1], { roles, viewer: viewer(21, 'Dan Deputy') })).toBe(true);
    expect(leadsPriority(priorities[1], { roles, viewer: viewer(99, 'Jo Bloggs') })).toBe(true);
    expect(leadsPriority(priorities[0], { roles, viewer: viewer(99, 'Jo Bloggs') })).toBe(false);
  });

  it('lets a responsible officer post updates on their own action but not edit it', () => {
    const officer = viewer(30, 'Officer Owen');
    expect(rightsOn(priorityThreeAction, { plan: byRole, priorities, roles, viewer: officer })).toEqual({ edit: false, postUpdate: true, signOff: false, manage: false });
  });

  it('reads ownership as My actions does: text that is a held role\'s abbreviation names its holder', () => {
    const writtenAsText = anAction({ priorityId: 3, responsibleOfficer: { kind: 'text', text: 'DCO', pending: false } });
    expect(rightsOn(writtenAsText, { plan: byRole, priorities, roles, viewer: viewer(21, 'Dan Deputy') }).postUpdate).toBe(true);
    expect(isOwnedBy(writtenAsText, 21, rolesHeldBy(roles, 21))).toBe(true);
  });

  it('lets a plan officer do everything, and leaves sign-off off when the plan does not require it', () => {
    const planOfficer = viewer(40, 'Pat Plan', { canManageLists: true });
    expect(rightsOn(priorityThreeAction, { plan: byRole, priorities, roles, viewer: planOfficer })).toEqual({ edit: true, postUpdate: true, signOff: true, manage: true });
    expect(rightsOn(priorityThreeAction, { plan: { editPolicy: 'byRole' }, priorities, roles, viewer: planOfficer }).signOff).toBe(false);
  });

  it('keeps sign-off for updates still waiting after the plan stops requiring it', () => {
    const waiting = { ...priorityThreeAction, awaitingSignOff: [{ updateId: 4, date: '2024-03-01', note: 'Done', author: 'Officer Owen', authorId: 30, submittedAt: '2024-03-01T10:00:00Z' }] };
    expect(rightsOn(waiting, { plan: { editPolicy: 'byRole', signOffRequired: false }, priorities, roles, viewer: viewer(10, 'Amira Lead') }).signOff).toBe(true);
  });

  it('lets anyone who may edit the lists change any action under the open policy', () => {
    expect(rightsOn(priorityThreeAction, { plan: { editPolicy: 'everyone' }, priorities, roles, viewer: viewer(99, 'Anyone') })).toEqual({ edit: true, postUpdate: true, signOff: false, manage: false });
  });

  it('offers nothing where SharePoint would refuse the write, or on a retired action', () => {
    const reader = viewer(10, 'Amira Lead', { canEditActions: false });
    expect(rightsOn(priorityThreeAction, { plan: byRole, priorities, roles, viewer: reader }).postUpdate).toBe(false);
    const retired = { ...priorityThreeAction, retired: { date: '2024-01-10', reason: 'Merged into 3.2.1' } };
    expect(rightsOn(retired, { plan: byRole, priorities, roles, viewer: viewer(40, 'Pat Plan', { canManageLists: true }) }).edit).toBe(false);
  });
});
