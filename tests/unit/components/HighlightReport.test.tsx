/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { HighlightReport } from '../../../src/components/HighlightReport';
import { anAction, anUpdate } from '../../support/builders';
import { aPlan, aSnapshot } from '../../support/fixtures';

const actions = [
  anAction({ id: 1, priorityId: 3, ref: '3.1.1', text: 'Collate support 0 - 5', status: 'Red', dueText: 'Apr-23', latestNote: 'Partner returns missing', latestUpdateDate: '2023-08-01' }),
  anAction({ id: 2, priorityId: 3, ref: '3.1.2', text: 'Collate support 5 - 18', status: 'Green', dueText: 'Dec-23' }),
  anAction({ id: 3, priorityId: 4, ref: '4.1.1', text: 'Cut SALT waits', status: 'Amber', dueText: 'Dec-23' })
];
const updates = [
  anUpdate(1, '2023-05-01', 'Amber', 'Slipping'),
  anUpdate(1, '2023-08-01', 'Red', 'Partner returns missing'),
  anUpdate(2, '2023-05-01', 'Green'),
  anUpdate(3, '2023-08-01', 'Amber', 'Recruiting')
];

function renderReport(onClose = jest.fn()): void {
  const snapshot = aSnapshot({ plan: aPlan({ reportingDates: ['2023-06-30', '2023-09-30', '2023-12-31'] }), actions, log: updates });
  render(<HighlightReport snapshot={snapshot} today="2023-10-15" onClose={onClose} />);
}

describe('HighlightReport', () => {
  it('is headed with the plan, the reporting date, the previous one and who produced it', () => {
    renderReport();
    expect(screen.getByRole('heading', { name: 'Shropshire Accelerated Progress Plan: board highlight report' })).toBeInTheDocument();
    expect(screen.getByText('As at 30 September 2023, with changes since 30 June 2023.')).toBeInTheDocument();
    expect(screen.getByText('Produced by Kathryn Morgan on 15 October 2023.')).toBeInTheDocument();
  });

  it('counts each priority’s statuses at the reporting date with the change since the previous one', () => {
    renderReport();
    const table = screen.getByRole('table', { name: /^Actions by status in each priority area as at 30 September 2023/ });
    const cells = (name: RegExp): string[] => within(within(table).getByRole('row', { name })).getAllByRole('cell').map((cell) => cell.textContent ?? '');
    // Red, Amber, Green, Complete, no status, overdue. 3.1.1 went Amber -> Red; 4.1.1 was first rated Amber.
    expect(cells(/ND Pathways/)).toEqual(['1 (+1)', '0 (-1)', '1', '0', '0', '1']);
    expect(cells(/SLCN/)).toEqual(['0', '1 (+1)', '0', '0', '0 (-1)', '0']);
  });

  it('lists the exceptions as at the reporting date with their latest updates', () => {
    renderReport();
    const exceptions = screen.getByRole('table', { name: /^Actions off track, overdue/ });
    expect(within(exceptions).getByRole('row', { name: /3\.1\.1/ })).toHaveTextContent('Partner returns missing');
  });

  it('prints, and goes back to the plan', () => {
    const print = jest.fn();
    Object.assign(window, { print });
    const onClose = jest.fn();
    renderReport(onClose);
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the plan' }));
    expect(onClose).toHaveBeenCalled();
  });
});
