/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ActionDetail } from '../../../src/components/ActionDetail';
import { ImprovementPlanApp } from '../../../src/components/ImprovementPlanApp';
import { QuickUpdate } from '../../../src/components/QuickUpdate';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { IAction } from '../../../src/model/plan';
import { ISavedUpdate, IUpdateDraft } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aPackService, aSnapshot } from '../../support/fixtures';

const ME = { id: 7, displayName: 'Kathryn Morgan' };
const action = anAction({ id: 1, priorityId: 3, ref: '3.1.1', status: 'Red', dueText: 'Apr-23', etag: '"1"', responsibleOfficer: { kind: 'person', person: ME } });

describe('focus and errors at their fields', () => {
  it('opens a progress update with focus on its first field', () => {
    render(<QuickUpdate action={action} scheme={RAGC_SCHEME} dataService={aDataService()} today="2023-06-15" onSaved={jest.fn()} onClose={jest.fn()} />);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: /^Status/ }));
  });

  it('says what is wrong at the field, marks it invalid and puts focus there, saving nothing', async () => {
    const service = aDataService();
    render(<QuickUpdate action={action} scheme={RAGC_SCHEME} dataService={service} today="2023-06-15" onSaved={jest.fn()} onClose={jest.fn()} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    });
    const note = screen.getByRole('textbox', { name: /^Progress note/ });
    expect(note).toHaveAttribute('aria-invalid', 'true');
    // Fluent writes the message into the field's description a moment later, so it is announced.
    await waitFor(() => expect(note).toHaveAccessibleDescription('Write a progress note before saving.'));
    expect(document.activeElement).toBe(note);

    fireEvent.change(note, { target: { value: 'Back on track' } });
    const link = screen.getByRole('textbox', { name: /^Evidence link/ });
    fireEvent.change(link, { target: { value: 'minutes on the shared drive' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    });
    expect(note).not.toHaveAttribute('aria-invalid', 'true');
    expect(link).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(link).toHaveAccessibleDescription('An evidence link must start with https:// or http://.'));
    expect(document.activeElement).toBe(link);
    expect(service.saveUpdate).not.toHaveBeenCalled();
  });

  it("moves focus into the action panel's form, back to its button when closed, and onto the confirmation once saved", async () => {
    const saved: ISavedUpdate = { action: { ...action, etag: '"2"' }, update: anUpdate(1, '2023-06-15', 'Amber', 'Back on track') };
    const service = aDataService({ saveUpdate: jest.fn().mockResolvedValue(saved) });
    const snapshot = aSnapshot({ actions: [action] });
    render(<ActionDetail action={snapshot.actions[0]} snapshot={snapshot} dataService={service} today="2023-06-15" onSaved={jest.fn()} onEdited={jest.fn()} onDismiss={jest.fn()} />);
    const panel = await screen.findByRole('dialog', { name: 'Action 3.1.1' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Update 3.1.1' }));
    expect(document.activeElement).toBe(within(panel).getByRole('combobox', { name: /^Status/ }));
    // The form's Close, not the panel's (which comes first).
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Close' })[1]);
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Update 3.1.1' }));

    fireEvent.click(within(panel).getByRole('button', { name: 'Update 3.1.1' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: /^Progress note/ }), { target: { value: 'Back on track' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Save update' }));
    });
    expect(document.activeElement).toHaveTextContent('Update saved for action 3.1.1.');
  });
});

describe('saves in flight', () => {
  it('keeps what each save returned when two resolve out of order, so the next save carries the ETag the last one gave', async () => {
    const other = anAction({ id: 2, priorityId: 3, ref: '3.1.2', status: 'Green', dueText: 'Jul-23', etag: '"1"', responsibleOfficer: { kind: 'person', person: ME } });
    const snapshot = aSnapshot({ actions: [action, other] });
    const loaded = { ...snapshot, actions: snapshot.actions.map((item) => ({ ...item, modified: '2023-06-01T09:00:00Z' })) };
    const pending: Array<{ draft: IUpdateDraft; resolve: (saved: ISavedUpdate) => void }> = [];
    const saveUpdate = jest.fn((draft: IUpdateDraft) => new Promise<ISavedUpdate>((resolve) => pending.push({ draft, resolve })));
    const service = aDataService({ loadPlan: jest.fn(async () => loaded), saveUpdate });
    render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} defaultView="myActions" />);
    const post = async (ref: string, note: string): Promise<void> => {
      fireEvent.click(await screen.findByRole('button', { name: `Update ${ref}` }));
      fireEvent.change(screen.getByRole('textbox', { name: /^Progress note/ }), { target: { value: note } });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
      });
    };
    const savedAs = (item: IAction, etag: string, note: string): ISavedUpdate => ({ action: { ...item, etag, latestNote: note }, update: anUpdate(item.id, '2023-06-15', undefined, note) });

    await post('3.1.1', 'First');
    // While the first save is under way the person moves on to the next action.
    await post('3.1.2', 'Second');
    expect(pending.map(({ draft }) => draft.action.etag)).toEqual(['"1"', '"1"']);
    await act(async () => pending[1].resolve(savedAs(loaded.actions[1], '"2"', 'Second')));
    await act(async () => pending[0].resolve(savedAs(loaded.actions[0], '"2"', 'First')));

    await post('3.1.2', 'Third');
    await post('3.1.1', 'Fourth');
    expect(pending.slice(2).map(({ draft }) => [draft.action.ref, draft.action.etag])).toEqual([
      ['3.1.2', '"2"'],
      ['3.1.1', '"2"']
    ]);
  });
});
