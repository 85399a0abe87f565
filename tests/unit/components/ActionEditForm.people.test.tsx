/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ActionEditForm } from '../../../src/components/ActionEditForm';
import { editValuesOf } from '../../../src/model/actionEdit';
import { IAction, IRole } from '../../../src/model/plan';
import { IActionEditDraft } from '../../../src/services/IPlanDataService';
import { IPeopleService, IPersonCandidate } from '../../../src/services/IPeopleService';
import { anAction } from '../../support/builders';
import { aDataService } from '../../support/fixtures';

const action = anAction({
  id: 4,
  ref: '5.1.2',
  etag: '"7"',
  strategicLead: { kind: 'role', role: 'Commissioners' },
  responsibleOfficer: { kind: 'text', text: 'ND Workstream to confirm', pending: true }
});
const roles: IRole[] = [
  { id: 1, planId: 1, title: 'Commissioners', holder: { id: 3, displayName: 'Millar Bownass' } },
  { id: 2, planId: 1, title: 'Designated Clinical Officer' }
];
const FRAN: IPersonCandidate = { loginName: 'i:0#.f|membership|fran.davis@send.example', displayName: 'Fran Davis', email: 'fran.davis@send.example' };
const FRANK: IPersonCandidate = { loginName: 'i:0#.f|membership|frank.bell@send.example', displayName: 'Frank Bell', email: 'frank.bell@send.example' };

function people(found: IPersonCandidate[] = [FRAN, FRANK]): jest.Mocked<IPeopleService> {
  return {
    searchPeople: jest.fn().mockResolvedValue(found),
    ensurePerson: jest.fn((candidate: IPersonCandidate) => Promise.resolve({ id: 21, displayName: candidate.displayName, email: candidate.email }))
  };
}

function renderForm(peopleService: IPeopleService): { saveActionEdit: jest.Mock; onDone: jest.Mock } {
  const saveActionEdit = jest.fn((draft: IActionEditDraft) => Promise.resolve<IAction>({ ...draft.action, etag: '"8"' }));
  const onDone = jest.fn();
  render(<ActionEditForm action={action} dataService={aDataService({ saveActionEdit })} roles={roles} peopleService={peopleService} editor="Karen Levell" today="2024-02-29" onDone={onDone} onClose={jest.fn()} />);
  return { saveActionEdit, onDone };
}

function officerGroup(): HTMLElement {
  return screen.getByRole('group', { name: 'Responsible officer' });
}

function searchBox(): HTMLElement {
  return within(officerGroup()).getByRole('combobox', { name: 'Find a person by name or e-mail' });
}

/** Types into the people search as a person would, one letter at a time, and lets the typing settle. */
async function typeName(text: string): Promise<HTMLElement> {
  const input = searchBox();
  input.focus();
  for (let length = 1; length <= text.length; length++) fireEvent.input(input, { target: { value: text.slice(0, length) } });
  await act(async () => {
    jest.advanceTimersByTime(300);
  });
  return input;
}

describe('ActionEditForm: who is responsible', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says who holds each owner now, in words, with the role’s holder', () => {
    renderForm(people());
    expect(within(screen.getByRole('group', { name: 'Strategic lead' })).getByText('Now: the role Commissioners, held by Millar Bownass.')).toBeInTheDocument();
    expect(within(officerGroup()).getByText('Now: written as "ND Workstream to confirm", not linked to a person.')).toBeInTheDocument();
    expect(within(officerGroup()).getByRole('radio', { name: 'Text for now: a placeholder or a name' })).toBeChecked();
    expect(within(officerGroup()).getByRole('textbox', { name: 'As written' })).toHaveValue('ND Workstream to confirm');
  });

  it('searches once the typing settles, then saves the person chosen (made a site user) with the exact draft', async () => {
    const service = people();
    const { saveActionEdit, onDone } = renderForm(service);
    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'A person' }));

    await typeName('fran');

    // One search for the whole word, not one per letter.
    expect(service.searchPeople).toHaveBeenCalledTimes(1);
    expect(service.searchPeople).toHaveBeenCalledWith('fran', 10);
    const suggestions = await screen.findByRole('listbox', { name: 'Find a person by name or e-mail' });
    expect(within(suggestions).getAllByRole('option').map((option) => option.textContent)).toEqual(['Fran Davis (fran.davis@send.example)', 'Frank Bell (frank.bell@send.example)']);
    fireEvent.click(within(suggestions).getByRole('option', { name: 'Fran Davis (fran.davis@send.example)' }));
    expect(searchBox()).toHaveValue('Fran Davis (fran.davis@send.example)');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });

    expect(service.ensurePerson).toHaveBeenCalledWith({ loginName: FRAN.loginName, displayName: 'Fran Davis', email: FRAN.email });
    expect(saveActionEdit).toHaveBeenCalledWith({
      action,
      values: { ...editValuesOf(action), responsibleOfficer: { kind: 'person', person: { id: 21, displayName: 'Fran Davis', email: FRAN.email } } },
      made: { by: 'Karen Levell', date: '2024-02-29' }
    });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ etag: '"8"' }), 'saved');
  });

  it('works from the keyboard alone: arrow keys move through the people found, Enter chooses', async () => {
    const service = people();
    const { saveActionEdit } = renderForm(service);
    // Space on a radio button is a click.
    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'A person' }));

    const input = await typeName('fr');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    // A screen reader hears how many people were found, and how to choose, from a live region outside the list.
    const status = within(officerGroup()).getByRole('status');
    expect(status).toHaveTextContent('2 people found. Use the up and down arrow keys to hear them and Enter to choose one.');
    expect(screen.getByRole('listbox', { name: 'Find a person by name or e-mail' })).not.toContainElement(status);
    const active = (): HTMLElement | null => document.getElementById(String(input.getAttribute('aria-activedescendant')));
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40, which: 40 });
    expect(active()).toHaveTextContent('Fran Davis');
    fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40, which: 40 });
    expect(active()).toHaveTextContent('Frank Bell');
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13, which: 13 });
    expect(input).toHaveValue('Frank Bell (frank.bell@send.example)');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect((saveActionEdit.mock.calls[0][0] as IActionEditDraft).values.responsibleOfficer).toEqual({ kind: 'person', person: { id: 21, displayName: 'Frank Bell', email: FRANK.email } });
  });

  it('chooses a role from the glossary, each shown with its holder, and saves it as the role', async () => {
    const { saveActionEdit } = renderForm(people());
    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'A role from the plan\'s roles glossary' }));
    fireEvent.click(within(officerGroup()).getByRole('combobox', { name: /^Role/ }));
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Commissioners, held by Millar Bownass', 'Designated Clinical Officer, no holder recorded']);
    fireEvent.click(screen.getByRole('option', { name: 'Designated Clinical Officer, no holder recorded' }));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(saveActionEdit).toHaveBeenCalledWith(expect.objectContaining({ values: { ...editValuesOf(action), responsibleOfficer: { kind: 'role', role: 'Designated Clinical Officer' } } }));
  });

  it('asks for a person before saving when none was chosen, and keeps the placeholder text when switched back', async () => {
    const { saveActionEdit } = renderForm(people());
    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'A person' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(saveActionEdit).not.toHaveBeenCalled();
    expect(within(officerGroup()).getByRole('alert')).toHaveTextContent('Choose a person, or choose a role or text instead.');

    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'Text for now: a placeholder or a name' }));
    expect(within(officerGroup()).getByRole('textbox', { name: 'As written' })).toHaveValue('ND Workstream to confirm');
  });

  it('says when the people search fails, and when a person cannot be made a site user keeps the form as typed', async () => {
    const service = people();
    service.searchPeople.mockRejectedValueOnce(new Error('offline'));
    service.ensurePerson.mockRejectedValueOnce(new Error('refused'));
    const { saveActionEdit } = renderForm(service);
    fireEvent.click(within(officerGroup()).getByRole('radio', { name: 'A person' }));
    await typeName('fran');
    act(() => {
      jest.runOnlyPendingTimers();
    });
    expect(within(officerGroup()).getByText(/^The people search did not answer\./)).toHaveTextContent('The people search did not answer. offline');

    await typeName('franc');
    fireEvent.click(within(await screen.findByRole('listbox', { name: 'Find a person by name or e-mail' })).getByRole('option', { name: /Fran Davis/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    });
    expect(saveActionEdit).not.toHaveBeenCalled();
    // The message bar shows its text a moment after it appears, so screen readers announce it.
    act(() => {
      jest.runOnlyPendingTimers();
    });
    expect(screen.getByText(/^Your changes were not saved\. What you typed is still here\./)).toHaveTextContent('refused');
    expect(searchBox()).toHaveValue('Fran Davis (fran.davis@send.example)');
  });
});
