/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { UpdateForm } from '../../../src/components/UpdateForm';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IPlanDataService, ISavedUpdate } from '../../../src/services/IPlanDataService';
import { anAction, anUpdate } from '../../support/builders';
import { aSnapshot } from '../../support/fixtures';

function serviceSaving(save: IPlanDataService['saveUpdate']): IPlanDataService {
  return { listPlans: jest.fn(), currentUser: jest.fn(), loadPlan: jest.fn(), saveUpdate: jest.fn(save) };
}

function chooseOption(label: RegExp, option: RegExp): void {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(screen.getByRole('option', { name: option }));
}

const mine = anAction({ id: 1, priorityId: 3, ref: '3.1.1', status: 'Red', dueText: 'Apr-23', etag: '"4"' });

function fillIn(note: string): void {
  chooseOption(/^Action/, /^3\.1\.1 /);
  chooseOption(/^Status/, /^Amber$/);
  fireEvent.change(screen.getByRole('textbox', { name: 'Progress note' }), { target: { value: note } });
}

describe('UpdateForm', () => {
  it('saves the chosen status and note for the action as loaded (with its ETag), then clears the note', async () => {
    const saved: ISavedUpdate = { action: { ...mine, status: 'Amber', etag: '"5"' }, update: anUpdate(1, '2023-06-15', 'Amber', 'Recruitment under way') };
    const service = serviceSaving(async () => saved);
    const onSaved = jest.fn();
    render(<UpdateForm snapshot={aSnapshot({ actions: [mine] })} dataService={service} today="2023-06-15" onSaved={onSaved} />);

    fillIn('Recruitment under way');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    expect(await screen.findByText('Update saved for action 3.1.1.')).toBeInTheDocument();
    expect(service.saveUpdate).toHaveBeenCalledWith({ action: mine, date: '2023-06-15', note: 'Recruitment under way', status: 'Amber', evidence: [] });
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(screen.getByRole('textbox', { name: 'Progress note' })).toHaveValue('');
  });

  it('on a conflict keeps what was typed, shows the other version, and saves on top of it next time', async () => {
    const theirs = { ...mine, status: 'Green', latestNote: 'Lead: back on track', etag: '"7"' };
    const save = jest.fn<Promise<ISavedUpdate>, Parameters<IPlanDataService['saveUpdate']>>().mockRejectedValueOnce(new ConflictError(theirs, '412'));
    render(<UpdateForm snapshot={aSnapshot({ actions: [mine] })} dataService={serviceSaving(save)} today="2023-06-15" onSaved={jest.fn()} />);

    fillIn('My careful note');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));

    expect(await screen.findByText(/changed action 3\.1\.1 since you opened it\. It is now Green: "Lead: back on track"/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Progress note' })).toHaveValue('My careful note');
    save.mockResolvedValueOnce({ action: theirs, update: anUpdate(1, '2023-06-15') });
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('Update saved for action 3.1.1.')).toBeInTheDocument();
    expect(save.mock.calls[1][0].action.etag).toBe('"7"');
  });

  it('keeps the note and says why when SharePoint refuses the save', async () => {
    render(<UpdateForm snapshot={aSnapshot({ actions: [mine] })} dataService={serviceSaving(async () => Promise.reject(new PlanDataError('throttled', '429', 429)))} today="2023-06-15" onSaved={jest.fn()} />);
    fillIn('Keep me');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText(/Your update was not saved\. What you typed is still here\. SharePoint is busy/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Progress note' })).toHaveValue('Keep me');
  });

  it('asks for a note instead of saving an empty one', async () => {
    const service = serviceSaving(jest.fn());
    render(<UpdateForm snapshot={aSnapshot({ actions: [mine] })} dataService={service} today="2023-06-15" onSaved={jest.fn()} />);
    fillIn('   ');
    fireEvent.click(screen.getByRole('button', { name: 'Save update' }));
    expect(await screen.findByText('Write a progress note before saving.')).toBeInTheDocument();
    expect(service.saveUpdate).not.toHaveBeenCalled();
  });

  it('tells a reader they cannot update', async () => {
    const snapshot = aSnapshot({ access: { user: { id: 9, displayName: 'Alex Director' }, canEditActions: false, canAddUpdates: false } });
    render(<UpdateForm snapshot={snapshot} dataService={serviceSaving(jest.fn())} today="2023-06-15" onSaved={jest.fn()} />);
    expect(await screen.findByText('You can read this plan but not update it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save update' })).not.toBeInTheDocument();
  });
});
