/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { RolesGlossary } from '../../../src/components/RolesGlossary';
import { IViewer } from '../../../src/model/permissions';
import { ConflictError } from '../../../src/services/errors';
import { IPeopleService, IPersonCandidate } from '../../../src/services/IPeopleService';
import { IGlossaryRole, IRoleService } from '../../../src/services/IRoleService';

const MILLAR = { id: 3, displayName: 'Millar Bownass', email: 'millar.bownass@send.example' };
const DALE = { id: 5, displayName: 'Dale Coleman', email: 'dale.coleman@send.example' };
const FRAN: IPersonCandidate = { loginName: 'i:0#.f|membership|fran.davis@send.example', displayName: 'Fran Davis', email: 'fran.davis@send.example' };
const COMMISSIONERS: IGlossaryRole = { id: 1, planId: 9, title: 'Commissioners', holder: MILLAR, holderSince: '2023-04-01', deputy: DALE, reviewed: '2023-12-01', etag: '"4"' };
const DCO: IGlossaryRole = { id: 2, planId: 9, title: 'Designated Clinical Officer', abbreviation: 'DCO', etag: '"1"' };
const TODAY = '2024-02-29';

const OFFICER: IViewer = { user: { id: 1, displayName: 'Sam Owner' }, canEditActions: true, canAddUpdates: true, canManageLists: true };
const LEAD: IViewer = { ...OFFICER, user: { id: 4, displayName: 'Karen Levell' }, canManageLists: false };

function services(): { roleService: jest.Mocked<IRoleService>; peopleService: jest.Mocked<IPeopleService> } {
  return {
    roleService: {
      loadRoles: jest.fn().mockResolvedValue([COMMISSIONERS, DCO]),
      addRole: jest.fn((role) => Promise.resolve({ ...role, id: 7, etag: '"1"' })),
      saveRole: jest.fn((role: IGlossaryRole) => Promise.resolve({ ...role, etag: '"5"' }))
    },
    peopleService: {
      searchPeople: jest.fn().mockResolvedValue([FRAN]),
      ensurePerson: jest.fn((candidate: IPersonCandidate) => Promise.resolve({ id: 21, displayName: candidate.displayName, email: candidate.email }))
    }
  };
}

async function renderGlossary(viewer: IViewer, given = services()): Promise<ReturnType<typeof services> & { onChanged: jest.Mock }> {
  const onChanged = jest.fn();
  render(<RolesGlossary planId={9} roleService={given.roleService} peopleService={given.peopleService} viewer={viewer} today={TODAY} onChanged={onChanged} onDismiss={jest.fn()} />);
  await screen.findByRole('table', { name: 'Roles and who holds them' });
  return { ...given, onChanged };
}

/** Lets Fluent's delayed text (a message bar's, a field's error) render. */
async function settle(): Promise<void> {
  await act(async () => {
    jest.runOnlyPendingTimers();
  });
}

const rowOf = (title: string): HTMLElement => screen.getByRole('row', { name: new RegExp(`^${title}`) });
const cells = (title: string): string[] => within(rowOf(title)).getAllByRole('cell').map((cell) => cell.textContent ?? '');

/** Types a name into a person box, lets the search settle, and picks the person found. */
async function choosePerson(label: string, text: string, option: string): Promise<void> {
  const box = screen.getByRole('combobox', { name: label });
  box.focus();
  fireEvent.input(box, { target: { value: text } });
  await act(async () => {
    jest.advanceTimersByTime(300);
  });
  fireEvent.click(within(await screen.findByRole('listbox', { name: label })).getByRole('option', { name: option }));
}

describe('RolesGlossary', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lists each role with its abbreviation, holder and since when, deputy and last confirmed; a reader has no edit controls', async () => {
    const { roleService } = await renderGlossary(LEAD);
    expect(roleService.loadRoles).toHaveBeenCalledWith(9);
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Role', 'Abbreviation', 'Holder', 'Holder since', 'Deputy', 'Last confirmed']);
    expect(cells('Commissioners')).toEqual(['', 'Millar Bownass', '1 April 2023', 'Dale Coleman', '1 December 2023']);
    expect(cells('Designated Clinical Officer')).toEqual(['DCO', 'Not recorded', 'Not recorded', 'Not recorded', 'Not recorded']);
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a role' })).toBeNull();
  });

  it('lets a plan officer give a role a new holder found by the people search: made a site user, held from today, confirmed today, saved with its ETag', async () => {
    const { roleService, peopleService, onChanged } = await renderGlossary(OFFICER);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Commissioners' }));
    expect(screen.getByRole('textbox', { name: /^Role title/ })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Holder: find a person by name or e-mail' })).toHaveValue('Millar Bownass (millar.bownass@send.example)');

    await choosePerson('Holder: find a person by name or e-mail', 'fran', 'Fran Davis (fran.davis@send.example)');
    expect(peopleService.searchPeople).toHaveBeenCalledWith('fran', 10);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    });

    expect(peopleService.ensurePerson).toHaveBeenCalledWith({ loginName: FRAN.loginName, displayName: 'Fran Davis', email: FRAN.email });
    // The deputy was already a site user: not looked up again.
    expect(peopleService.ensurePerson).toHaveBeenCalledTimes(1);
    expect(roleService.saveRole).toHaveBeenCalledWith({ ...COMMISSIONERS, abbreviation: undefined, holder: { id: 21, displayName: 'Fran Davis', email: FRAN.email }, holderSince: TODAY, reviewed: TODAY });
    expect(cells('Commissioners')).toEqual(['', 'Fran Davis', '29 February 2024', 'Dale Coleman', '29 February 2024', 'Edit Commissioners']);
    await settle();
    expect(screen.getByText('Commissioners saved.')).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledWith([expect.objectContaining({ title: 'Commissioners', holder: expect.objectContaining({ id: 21 }), etag: '"5"' }), DCO]);
    // The form closes and focus goes back to where it was opened from.
    expect(screen.queryByRole('button', { name: 'Save role' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit Commissioners' })).toHaveFocus();
  });

  it('keeps the holder’s date when only the deputy changes, and refuses a name typed but not chosen', async () => {
    const { roleService } = await renderGlossary(OFFICER);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Commissioners' }));
    const deputy = screen.getByRole('combobox', { name: 'Deputy: find a person by name or e-mail' });
    fireEvent.input(deputy, { target: { value: 'Someone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    await settle();
    expect(screen.getByText('Choose a person from the list, or empty the box.')).toBeInTheDocument();
    expect(roleService.saveRole).not.toHaveBeenCalled();

    fireEvent.input(deputy, { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    });
    expect(roleService.saveRole).toHaveBeenCalledWith({ ...COMMISSIONERS, abbreviation: undefined, deputy: undefined, reviewed: TODAY });
  });

  it('shows what someone else saved first, and keeps the officer’s change in the form to save again with the new ETag', async () => {
    const given = services();
    const theirs: IGlossaryRole = { ...COMMISSIONERS, deputy: undefined, reviewed: '2024-02-28', etag: '"6"' };
    given.roleService.saveRole.mockRejectedValueOnce(new ConflictError(theirs, '412'));
    const { roleService } = await renderGlossary(OFFICER, given);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Commissioners' }));
    await choosePerson('Holder: find a person by name or e-mail', 'fran', 'Fran Davis (fran.davis@send.example)');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    });
    await settle();
    expect(screen.getByText('Someone else changed this since you opened it. The table shows their version; save again to keep yours.')).toBeInTheDocument();
    expect(cells('Commissioners')).toEqual(['', 'Millar Bownass', '1 April 2023', 'Not recorded', '28 February 2024', 'Edit Commissioners']);
    expect(screen.getByRole('combobox', { name: 'Holder: find a person by name or e-mail' })).toHaveValue('Fran Davis (fran.davis@send.example)');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    });
    expect(roleService.saveRole).toHaveBeenLastCalledWith(expect.objectContaining({ etag: '"6"', holder: expect.objectContaining({ displayName: 'Fran Davis' }), holderSince: TODAY }));
  });

  it('adds a role, with a title required and not already used', async () => {
    const { roleService } = await renderGlossary(OFFICER);
    fireEvent.click(screen.getByRole('button', { name: 'Add a role' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    await settle();
    expect(screen.getByText('Give the role a title.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /^Role title/ }), { target: { value: 'dco' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Abbreviation' }), { target: { value: 'VSH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    await settle();
    expect(screen.getByText('Another role has this title or abbreviation.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /^Role title/ }), { target: { value: 'Virtual School Head' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save role' }));
    });
    expect(roleService.addRole).toHaveBeenCalledWith({ id: 0, planId: 9, title: 'Virtual School Head', abbreviation: 'VSH', holder: undefined, holderSince: undefined, deputy: undefined, reviewed: TODAY });
    expect(screen.getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Commissioners', 'Designated Clinical Officer', 'Virtual School Head']);
  });

  it('says when the glossary cannot be read, and tries again', async () => {
    const given = services();
    given.roleService.loadRoles.mockRejectedValueOnce(new Error('The list is gone'));
    render(<RolesGlossary planId={9} roleService={given.roleService} viewer={OFFICER} today={TODAY} onChanged={jest.fn()} onDismiss={jest.fn()} />);
    await screen.findByRole('button', { name: 'Try again' });
    await settle();
    expect(screen.getByText('The list is gone')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('table', { name: 'Roles and who holds them' });
    // Without the people search the glossary is shown, not edited.
    expect(screen.queryByRole('button', { name: 'Edit Commissioners' })).toBeNull();
  });
});
