/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { ChangeLead } from '../../../src/components/ChangeLead';
import { PlanNavigationProvider } from '../../../src/components/navigation';
import { IActionChange, StatusMovement } from '../../../src/model/rollups';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';

function change(actionId: number, statusBefore: string | undefined, statusAfter: string | undefined, movement: StatusMovement): IActionChange {
  return { actionId, ref: `3.1.${actionId}`, statusBefore, statusAfter, movement, newUpdates: [], newlyOverdue: false };
}

const changes = [
  change(1, 'Green', 'Red', 'deteriorated'),
  change(2, 'Amber', 'Red', 'deteriorated'),
  change(3, 'Green', 'Amber', 'deteriorated'),
  change(4, 'Amber', 'Green', 'improved'),
  change(5, 'Green', 'Complete', 'improved'),
  change(6, undefined, 'Green', 'firstRated'),
  change(7, 'Green', 'Green', 'unchanged')
];

function renderLead(given: IActionChange[]): jest.Mock {
  const navigation = { openList: jest.fn(), openAction: jest.fn(), openKpi: jest.fn() };
  render(
    <PlanNavigationProvider value={navigation}>
      <ChangeLead board="2023-12-31" changes={given} scheme={RAGC_SCHEME} />
    </PlanNavigationProvider>
  );
  return navigation.openList;
}

describe('ChangeLead', () => {
  it('says first what got worse and what improved since the board, in words and numbers, by the status reached', () => {
    renderLead(changes);
    expect(screen.getByRole('heading', { name: 'Since the board on 31 December 2023' })).toBeInTheDocument();
    const lines = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual(['3 actions got worse since 31 December 2023: 2 to Red, 1 to Amber', '2 actions improved since 31 December 2023: 1 to Green, 1 to Complete']);
  });

  it('opens the actions behind each count', () => {
    const openList = renderLead(changes);
    fireEvent.click(screen.getByRole('button', { name: '3 — Worse since 31 December 2023: open the list' }));
    expect(openList).toHaveBeenLastCalledWith({ actionIds: [1, 2, 3], description: 'Worse since 31 December 2023' });
    fireEvent.click(screen.getByRole('button', { name: '2 — Worse since 31 December 2023, now Red: open the list' }));
    expect(openList).toHaveBeenLastCalledWith({ actionIds: [1, 2], description: 'Worse since 31 December 2023, now Red' });
    fireEvent.click(screen.getByRole('button', { name: '2 — Improved since 31 December 2023: open the list' }));
    expect(openList).toHaveBeenLastCalledWith({ actionIds: [4, 5], description: 'Improved since 31 December 2023' });
  });

  it('says so in words when nothing got worse, and counts one action as one', () => {
    renderLead([change(4, 'Amber', 'Green', 'improved')]);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['No action got worse since 31 December 2023.', '1 action improved since 31 December 2023: 1 to Green']);
  });
});
