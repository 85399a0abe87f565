/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ActionDetail } from '../../../src/components/ActionDetail';
import { MyActions } from '../../../src/components/MyActions';
import { PrioritySummary } from '../../../src/components/PrioritySummary';
import { SignOffQueue } from '../../../src/components/SignOffQueue';
import { IAction, IAwaitingSignOff } from '../../../src/model/plan';
import { ConflictError } from '../../../src/services/errors';
import { IPlanDataService, IPlanSnapshot, ISavedUpdate } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aPlan, aPriority, aSnapshot } from '../../support/fixtures';

const LEAD = { id: 7, displayName: 'Kathryn Morgan' };

function awaiting(updateId: number, author: string, authorId: number, status: string, note: string): IAwaitingSignOff {
  return { updateId, date: '2024-02-28', status, note, author, authorId, submittedAt: `2024-02-28T10:0${updateId % 10}:00Z` };
}

const first = anAction({ id: 1, priorityId: 3, ref: '3.3.4', text: 'CDC advice line', status: 'Green', etag: '"4"', awaitingSignOff: [awaiting(101, 'Alison Parkinson', 31, 'Amber', 'Pilot starts a month late.')] });
const second = anAction({ id: 2, priorityId: 3, ref: '3.9.1', text: 'Waiting times 0 to 5', status: 'Green', etag: '"6"', awaitingSignOff: [awaiting(102, 'Millar Bownass', 32, 'Complete', 'Analysis shared.')] });
const own = anAction({ id: 3, priorityId: 3, ref: '3.4.1', text: 'ND practitioners', status: 'Green', etag: '"2"', awaitingSignOff: [awaiting(103, 'Kathryn Morgan', LEAD.id, 'Red', 'My own update.')] });

function leadSnapshot(actions: IAction[] = [first, second, own]): IPlanSnapshot {
  return aSnapshot({
    plan: aPlan({ signOffRequired: true, editPolicy: 'byRole' }),
    priorities: [{ ...aPriority(3, '3', 'ND Pathways'), leadRoles: ['Kathryn Morgan'] }],
    actions,
    access: { user: LEAD, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: false }
  });
}

/** The queue with its parent's part: each changed action replaces its old version. */
function Harness({ service, start }: { service: IPlanDataService; start: IPlanSnapshot }): JSX.Element {
  const [snapshot, setSnapshot] = React.useState(start);
  return (
    <SignOffQueue
      snapshot={snapshot}
      dataService={service}
      onActionChanged={(changed) => setSnapshot((current) => ({ ...current, actions: current.actions.map((action) => (action.id === changed.id ? changed : action)) }))}
      onDismiss={jest.fn()}
    />
  );
}

function decided(action: IAction, status?: string): ISavedUpdate {
  return { action: { ...action, status: status ?? action.status, awaitingSignOff: [], etag: '"99"' }, update: anUpdate(action.id, '2024-02-28', status) };
}

describe('the sign-off queue', () => {
  it('lists what awaits the lead (not their own update), approves from the keyboard, moves focus to the next and says what was done', async () => {
    const service = aDataService({ approveUpdate: jest.fn().mockImplementation((action: IAction) => Promise.resolve(decided(action, 'Amber'))) });
    render(<Harness service={service} start={leadSnapshot()} />);
    const panel = screen.getByRole('dialog', { name: 'Awaiting your sign-off' });
    expect(within(panel).getByText('2 updates await sign-off.')).toBeInTheDocument();
    const headings = within(panel).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['3.3.4 CDC advice line', '3.9.1 Waiting times 0 to 5']);
    expect(within(panel).getByText('Submitted by Alison Parkinson on 28 February 2024, awaiting sign-off')).toBeInTheDocument();
    expect(within(panel).getByText('Pilot starts a month late.')).toBeInTheDocument();
    expect(within(panel).queryByText('My own update.')).toBeNull();

    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Approve the update on 3.3.4' }));
    });

    expect(service.approveUpdate).toHaveBeenCalledWith(first, first.awaitingSignOff?.[0], '');
    await waitFor(() => expect(within(panel).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['3.9.1 Waiting times 0 to 5']));
    expect(document.activeElement).toHaveTextContent('3.9.1 Waiting times 0 to 5');
    expect(within(panel).getByRole('status')).toHaveTextContent('Approved the update on 3.3.4.');
  });

  it('returns an update only with a comment, then focuses the count when the list is empty', async () => {
    const service = aDataService({ returnUpdate: jest.fn().mockImplementation((action: IAction) => Promise.resolve(decided(action))) });
    render(<Harness service={service} start={leadSnapshot([first])} />);
    const panel = screen.getByRole('dialog', { name: 'Awaiting your sign-off' });

    fireEvent.click(within(panel).getByRole('button', { name: 'Return the update on 3.3.4' }));
    // Fluent's message bar renders its text a moment later, for screen readers.
    expect(await within(panel).findByText('Say why you return it.')).toBeInTheDocument();
    expect(service.returnUpdate).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(panel).getByRole('textbox', { name: 'Comment (needed to return)' }));

    fireEvent.change(within(panel).getByRole('textbox', { name: 'Comment (needed to return)' }), { target: { value: 'Which post is vacant?' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Return the update on 3.3.4' }));
    });

    expect(service.returnUpdate).toHaveBeenCalledWith(first, first.awaitingSignOff?.[0], 'Which post is vacant?');
    await waitFor(() => expect(within(panel).getByText('Nothing awaits your sign-off.')).toHaveFocus());
    expect(within(panel).getByRole('status')).toHaveTextContent('Returned the update on 3.3.4.');
  });

  it('says when someone else got there first and takes their version of the action', async () => {
    const theirs = { ...first, awaitingSignOff: [], status: 'Amber', etag: '"5"' };
    const service = aDataService({ approveUpdate: jest.fn().mockRejectedValue(new ConflictError(theirs, '412')) });
    render(<Harness service={service} start={leadSnapshot([first, second])} />);
    const panel = screen.getByRole('dialog', { name: 'Awaiting your sign-off' });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Approve the update on 3.3.4' }));
    });
    // Decided by someone else: it leaves the list, focus on the next.
    await waitFor(() => expect(within(panel).getAllByRole('heading', { level: 3 })).toHaveLength(1));
    expect(document.activeElement).toHaveTextContent('3.9.1 Waiting times 0 to 5');
    expect(within(panel).getByRole('status')).toHaveTextContent('Someone else changed action 3.3.4 or signed this update off first: look again.');
  });
});

describe('sign-off in the action panel, My actions and the summary', () => {
  it('shows an awaiting update with approve and return for the lead, and returned and approved entries in the log', async () => {
    const log = [
      { ...anUpdate(1, '2024-01-31', 'Green', 'Going well'), signOff: { state: 'approved' as const, by: 'Kathryn Morgan', at: '2024-02-01T09:00:00Z' } },
      { ...anUpdate(1, '2024-02-10', 'Red', 'Stalled'), signOff: { state: 'returned' as const, by: 'Kathryn Morgan', at: '2024-02-11T09:00:00Z', comment: 'Say what is stalled.' } },
      { ...anUpdate(1, '2024-02-28', 'Amber', 'Pilot starts a month late.'), id: 101, signOff: { state: 'submitted' as const } }
    ];
    const service = aDataService({ openAction: jest.fn().mockResolvedValue({ log: log, texts: { deliveryPartners: [] } }) });
    const snapshot = leadSnapshot();
    render(<ActionDetail action={snapshot.actions[0]} snapshot={snapshot} dataService={service} today="2024-02-29" onSaved={jest.fn()} onEdited={jest.fn()} onDismiss={jest.fn()} />);
    expect(screen.getByText('Submitted by Alison Parkinson on 28 February 2024, awaiting sign-off')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Approve the update on 3.3.4' })).toBeInTheDocument();
    const logTable = await screen.findByRole('table', { name: /^Update log \(2 entries\)/ });
    const rows = within(logTable).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Test Officer', 'Unchanged', 'StalledReturned by Kathryn Morgan: Say what is stalled.'],
      ['Test Officer', 'No status → changed to Green', 'Going wellApproved by Kathryn Morgan']
    ]);
  });

  it('offers no sign-off on one\'s own update and says why; a responsible officer under the byRole policy may update but not edit', async () => {
    const snapshot = leadSnapshot();
    render(<ActionDetail action={own} snapshot={snapshot} dataService={aDataService()} today="2024-02-29" onSaved={jest.fn()} onEdited={jest.fn()} onDismiss={jest.fn()} />);
    expect(screen.getByText('You wrote this update, so someone else signs it off.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();

    const officerView: IPlanSnapshot = { ...snapshot, access: { ...snapshot.access, user: { id: 31, displayName: 'Alison Parkinson' } } };
    const owned = { ...first, responsibleOfficer: { kind: 'person' as const, person: { id: 31, displayName: 'Alison Parkinson' } } };
    render(<ActionDetail action={owned} snapshot={{ ...officerView, actions: [owned] }} dataService={aDataService()} today="2024-02-29" onSaved={jest.fn()} onEdited={jest.fn()} onDismiss={jest.fn()} />);
    expect(screen.getByRole('button', { name: 'Update 3.3.4' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit 3.3.4' })).toBeNull();
    expect(screen.getByText("Only the priority's leads and plan officers edit this action.")).toBeInTheDocument();
  });

  it('submits a quick update for sign-off when the plan requires it, and says it awaits sign-off', async () => {
    const officerId = 31;
    const owned = anAction({ id: 5, priorityId: 3, ref: '3.3.5', status: 'Green', etag: '"1"', dueText: 'Jan-24', responsibleOfficer: { kind: 'person', person: { id: officerId, displayName: 'Alison Parkinson' } } });
    const saveUpdate = jest.fn().mockImplementation(({ action }: { action: IAction }) => Promise.resolve({ action, update: { ...anUpdate(5, '2024-02-29', 'Amber'), signOff: { state: 'submitted' } } }));
    const snapshot = { ...leadSnapshot([owned]), access: { user: { id: officerId, displayName: 'Alison Parkinson' }, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: false } };
    render(<MyActions snapshot={snapshot} dataService={aDataService({ saveUpdate })} today="2024-02-29" dueSoonDays={30} onSaved={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Update 3.3.5' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'Website brief agreed.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    });
    expect(saveUpdate).toHaveBeenCalledWith(expect.objectContaining({ note: 'Website brief agreed.', forSignOff: true }));
    expect(await screen.findByText('Update saved for action 3.3.5. It awaits sign-off.')).toBeInTheDocument();
  });

  it('flags in the summary how many updates await sign-off', () => {
    const snapshot = leadSnapshot();
    const { rerender } = render(<PrioritySummary priorities={snapshot.priorities} actions={snapshot.actions} scheme={snapshot.plan.statusScheme} today="2024-02-29" dueSoonDays={30} />);
    expect(screen.getByText('3 updates await sign-off.')).toBeInTheDocument();
    rerender(<PrioritySummary priorities={snapshot.priorities} actions={[{ ...first, awaitingSignOff: [] }]} scheme={snapshot.plan.statusScheme} today="2024-02-29" dueSoonDays={30} />);
    expect(screen.queryByText(/await/)).toBeNull();
  });
});
