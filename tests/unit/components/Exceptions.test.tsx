/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { Exceptions } from '../../../src/components/Exceptions';
import { anAction, anUpdate } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

describe('Exceptions', () => {
  it('lists each exception with its status label, every reason in words and the latest update', () => {
    const snapshot = aSnapshot({
      plan: { ...aPlan(), reportingDates: ['2023-06-30', '2023-09-30'] },
      actions: [anAction({ id: 6, ref: '5.1.6', text: 'Procure a digital EHC system', dueText: 'Jun-23', status: 'Red', latestNote: 'Still blocked', latestUpdateDate: '2023-08-01' }), anAction({ id: 7, ref: '5.1.7', text: 'QA process', dueText: 'Dec-24', status: 'Green' })],
      log: [anUpdate(6, '2023-05-01', 'Red'), anUpdate(6, '2023-08-01', 'Red', 'Still blocked')]
    });
    render(<Exceptions snapshot={snapshot} today="2023-10-05" />);
    const table = screen.getByRole('table', { name: /as at 5 October 2023/ });
    const row = within(table).getByRole('row', { name: /^5\.1\.6 / });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Procure a digital EHC system',
      'Red',
      'Off trackOverdue: due 30 June 2023Off track or at risk at 2 board dates running',
      '1 August 2023: Still blocked'
    ]);
    expect(within(table).queryByRole('row', { name: /^5\.1\.7 / })).not.toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    render(<Exceptions snapshot={aSnapshot({ actions: [anAction({ id: 1, ref: '1.1', dueText: 'Dec-24', status: 'Green' })] })} today="2023-10-05" />);
    expect(await screen.findByText(/^No exceptions/)).toBeInTheDocument();
  });

  it('shows the worst 50 of a long list, says how many there are, and shows them all on request', () => {
    const actions = Array.from({ length: 60 }, (_, index) => anAction({ id: index + 1, ref: `1.1.${index + 1}`, dueText: index < 5 ? 'Jun-23' : 'Dec-24', status: 'Red' }));
    render(<Exceptions snapshot={aSnapshot({ actions })} today="2023-10-05" />);
    const table = screen.getByRole('table', { name: /as at 5 October 2023/ });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    // Off track and overdue (two reasons) first.
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('1.1.1');
    expect(screen.getByText('Showing the first 50 of 60.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show all 60' }));
    expect(within(table).getAllByRole('row')).toHaveLength(61);
    expect(screen.queryByRole('button', { name: 'Show all 60' })).not.toBeInTheDocument();
  });
});
