/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { PlanNavigationProvider } from '../../../src/components/navigation';
import { ChangesSinceBoard } from '../../../src/components/ChangesSinceBoard';
import { anAction, anUpdate } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

const actions = [
  anAction({ id: 1, ref: '3.1.1', text: 'Collate support 0 - 5', dueText: 'Apr-23' }),
  anAction({ id: 2, ref: '3.1.2', text: 'Collate support 5 - 18', dueText: 'Aug-23' }),
  anAction({ id: 3, ref: '3.1.3', text: 'Collate support 18+', dueText: 'Dec-23' })
];
const updates = [
  anUpdate(1, '2023-06-20', 'Amber'),
  anUpdate(1, '2023-08-15', 'Green'),
  anUpdate(2, '2023-06-20', 'Green'),
  anUpdate(2, '2023-09-10', 'Red'),
  anUpdate(3, '2023-09-05', 'Green')
];

function renderChanges(reportingDates: string[]): void {
  const snapshot = aSnapshot({ plan: { ...aPlan(), reportingDates }, actions, log: updates });
  render(<ChangesSinceBoard snapshot={snapshot} today="2023-09-30" />);
}

function figures(since: string): string[] {
  return within(screen.getByRole('list', { name: `Changes since ${since}` }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('ChangesSinceBoard', () => {
  it('compares with the last board before today by default: first rated, new updates, newly overdue; better and worse per action', () => {
    renderChanges(['2023-03-31', '2023-06-30', '2023-12-31']);
    // What got worse and what improved leads the summary (ChangeLead), so the figures here do not say it again.
    expect(figures('30 June 2023')).toEqual([
      'Rated for the first time since 30 June 2023: 1',
      'Updated since 30 June 2023: 3',
      'Overdue since 30 June 2023: 1'
    ]);
    const table = screen.getByRole('table', { name: /between 30 June 2023 and 30 September 2023/ });
    const row = (ref: string): string[] => within(within(table).getByRole('row', { name: new RegExp(`^${ref.replace(/\./g, '\\.')} `) })).getAllByRole('cell').map((cell) => cell.textContent ?? '');
    expect(row('3.1.1')).toEqual(['Collate support 0 - 5', 'Amber', 'Green', 'Better', '1', 'No']);
    expect(row('3.1.2')).toEqual(['Collate support 5 - 18', 'Green', 'Red', 'Worse', '1', 'Yes']);
    expect(row('3.1.3')).toEqual(['Collate support 18+', 'No status', 'Green', 'First rated', '1', 'No']);
  });

  it('lets the reader choose an earlier board date', () => {
    renderChanges(['2023-03-31', '2023-06-30']);
    fireEvent.click(screen.getByRole('combobox', { name: /^Since the board on/ }));
    fireEvent.click(screen.getByRole('option', { name: '31 March 2023' }));
    expect(figures('31 March 2023')).toEqual([
      'Rated for the first time since 31 March 2023: 3',
      'Updated since 31 March 2023: 3',
      'Overdue since 31 March 2023: 2'
    ]);
  });

  it('opens the actions behind a figure as a list', () => {
    const navigation = { openList: jest.fn(), openAction: jest.fn(), openKpi: jest.fn() };
    const snapshot = aSnapshot({ plan: { ...aPlan(), reportingDates: ['2023-06-30'] }, actions, log: updates });
    render(
      <PlanNavigationProvider value={navigation}>
        <ChangesSinceBoard snapshot={snapshot} today="2023-09-30" />
      </PlanNavigationProvider>
    );
    fireEvent.click(screen.getByRole('button', { name: '1 — Overdue since 30 June 2023: open the list' }));
    expect(navigation.openList).toHaveBeenCalledWith({ actionIds: [2], description: 'Overdue since 30 June 2023' });
    fireEvent.click(screen.getByRole('button', { name: 'Open action 3.1.3' }));
    expect(navigation.openAction).toHaveBeenCalledWith(3);
  });

  it('compares with the board before today when today is itself a board date', () => {
    renderChanges(['2023-06-30', '2023-09-30']);
    expect(figures('30 June 2023')[0]).toBe('Rated for the first time since 30 June 2023: 1');
  });

  it('says when there is no board date to compare with yet', async () => {
    renderChanges(['2023-12-31']);
    expect(await screen.findByText(/no board date before today/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
