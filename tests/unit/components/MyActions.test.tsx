/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MyActions } from '../../../src/components/MyActions';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IPlanDataService, ISavedUpdate } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aDataService, aSnapshot } from '../../support/fixtures';

const ME = { id: 7, displayName: 'Kathryn Morgan' };
const mine = { responsibleOfficer: { kind: 'person' as const, person: ME } };
const overdue = anAction({ id: 1, priorityId: 3, ref: '3.1.1', text: 'Collate the support available for 0 - 5', status: 'Red', dueText: 'Apr-23', etag: '"4"', latestNote: 'Waiting for partner returns', latestUpdateDate: '2023-05-10', ...mine });
const later = anAction({ id: 2, priorityId: 3, ref: '3.1.6', text: 'Roll out the Self-Help Passport', dueText: 'TBC', ...mine });
const someoneElses = anAction({ id: 3, priorityId: 3, ref: '3.3.6', text: 'Healthier together website', status: 'Green', dueText: 'Apr-23', responsibleOfficer: { kind: 'person', person: { id: 8, displayName: 'Millar Bownass' } } });

function serviceSaving(save: IPlanDataService['saveUpdate']): IPlanDataService {
  return aDataService({ saveUpdate: jest.fn(save) });
}

function renderMine(service: IPlanDataService, overrides: Parameters<typeof aSnapshot>[0] = {}, onSaved = jest.fn()): void {
  const snapshot = aSnapshot({ actions: [overdue, later, someoneElses], log: [anUpdate(1, '2023-05-10', 'Red', 'Waiting for partner returns')], ...overrides });
  snapshot.plan = { ...snapshot.plan, reportingDates: ['2023-03-31', '2023-06-01'] };
  render(<MyActions snapshot={snapshot} dataService={service} today="2023-06-15" dueSoonDays={30} onSaved={onSaved} />);
}

function openUpdate(ref: string, note: string): void {
  fireEvent.click(screen.getByRole('button', { name: `Update ${ref}` }));
  fireEvent.click(screen.getByRole('combobox', { name: /^Status/ }));
  fireEvent.click(screen.getByRole('option', { name: 'Amber' }));
  fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: note } });
}

describe('MyActions', () => {
  it("lists only the person's actions, grouped, with what they owe this cycle and each one's latest update", () => {
    renderMine(serviceSaving(jest.fn()));
    expect(screen.getByRole('heading', { name: 'Overdue (1)' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Later or not yet dated (1)' })).toBeInTheDocument();
    expect(screen.queryByText('Healthier together website')).not.toBeInTheDocument();
    expect(screen.getByText('You owe 2 updates this cycle: actions with no update since 1 June 2023.')).toBeInTheDocument();
    const first = screen.getByRole('heading', { name: '3.1.1' }).closest('li') as HTMLElement;
    expect(within(first).getByText('Red')).toBeInTheDocument();
    expect(within(first).getByText('Due: Apr-23 (30 April 2023)')).toBeInTheDocument();
    expect(within(first).getByText('Latest update: 10 May 2023: Waiting for partner returns')).toBeInTheDocument();
  });

  it('saves a quick update for the action as loaded (with its ETag and evidence link)', async () => {
    const saved: ISavedUpdate = { action: { ...overdue, status: 'Amber', etag: '"5"' }, update: anUpdate(1, '2023-06-15', 'Amber', 'Returns in') };
    const service = serviceSaving(async () => saved);
    const onSaved = jest.fn();
    renderMine(service, {}, onSaved);

    openUpdate('3.1.1', 'Returns in');
    fireEvent.change(screen.getByRole('textbox', { name: /Evidence link/ }), { target: { value: 'https://example.org/minutes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    expect(await screen.findByText('Update saved for action 3.1.1.')).toBeInTheDocument();
    expect(service.saveUpdate).toHaveBeenCalledWith({ action: { ...overdue, history: [expect.objectContaining({ date: '2023-05-10', status: 'Red' })] }, date: '2023-06-15', note: 'Returns in', status: 'Amber', evidence: [{ url: 'https://example.org/minutes', description: 'https://example.org/minutes' }], key: expect.any(String) });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('on a conflict keeps what was typed, shows the other version, and saves on top of it next time', async () => {
    const theirs = { ...overdue, status: 'Green', latestNote: 'Lead: back on track', etag: '"7"' };
    const save = jest.fn<Promise<ISavedUpdate>, Parameters<IPlanDataService['saveUpdate']>>().mockRejectedValueOnce(new ConflictError(theirs, '412'));
    renderMine(serviceSaving(save));

    openUpdate('3.1.1', 'My careful note');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    expect(await screen.findByText(/changed action 3\.1\.1 since you opened it\. It is now Green: "Lead: back on track"/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Progress note/ })).toHaveValue('My careful note');
    save.mockResolvedValueOnce({ action: theirs, update: anUpdate(1, '2023-06-15') });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('Update saved for action 3.1.1.')).toBeInTheDocument();
    expect(save.mock.calls[1][0].action.etag).toBe('"7"');
  });

  it('keeps the note and says why when SharePoint refuses the save', async () => {
    renderMine(serviceSaving(async () => Promise.reject(new PlanDataError('throttled', '429', 429))));
    openUpdate('3.1.1', 'Keep me');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText(/Your update was not saved\. What you typed is still here\. SharePoint is busy/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Progress note/ })).toHaveValue('Keep me');
  });

  it('refuses an empty note or a link that is not a web address, without saving', async () => {
    const service = serviceSaving(jest.fn());
    renderMine(service);
    openUpdate('3.1.1', '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('Write a progress note before saving.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /Progress note/ }), { target: { value: 'Note' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Evidence link/ }), { target: { value: 'minutes.docx' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('An evidence link must start with https:// or http://.')).toBeInTheDocument();
    expect(service.saveUpdate).not.toHaveBeenCalled();
  });

  it('shows a reader their actions without any update controls', async () => {
    renderMine(serviceSaving(jest.fn()), { access: { user: ME, canEditActions: false, canAddUpdates: false, canUpdateKpis: false, canManageLists: false } });
    expect(await screen.findByText('You can read this plan but not update it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Update / })).not.toBeInTheDocument();
  });

  it('says so when the person is named on no action', async () => {
    renderMine(serviceSaving(jest.fn()), { access: { user: { id: 99, displayName: 'Alex Director' }, canEditActions: false, canAddUpdates: false, canUpdateKpis: false, canManageLists: false } });
    expect(await screen.findByText('You are not named on any action in this plan.')).toBeInTheDocument();
  });
});
