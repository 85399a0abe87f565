/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { PrioritySummary } from '../../../src/components/PrioritySummary';
import { changesBetween } from '../../../src/model/rollups';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { anUpdate } from '../../support/builders';
import { aSnapshot } from '../../support/fixtures';

// 3.1.1 Green at the board, Red now; 3.1.2 Amber at the board, Red now; 3.1.3 Green throughout; 4.11.1 first rated Amber.
const log = [
  anUpdate(1, '2023-11-10', 'Green'),
  anUpdate(1, '2024-01-20', 'Red'),
  anUpdate(2, '2023-11-10', 'Amber'),
  anUpdate(2, '2024-02-05', 'Red'),
  anUpdate(3, '2023-11-10', 'Green'),
  anUpdate(4, '2024-02-10', 'Amber')
];
const snapshot = aSnapshot({ log });
const actions = snapshot.actions.map((action) => ({ ...action, status: action.history[action.history.length - 1].status }));

function renderSummary(withBoard: boolean): HTMLElement {
  const sinceBoard = withBoard ? { date: '2023-12-31', changes: changesBetween(actions, RAGC_SCHEME, '2023-12-31', '2024-02-29') } : undefined;
  render(<PrioritySummary priorities={snapshot.priorities} actions={actions} scheme={RAGC_SCHEME} today="2024-02-29" dueSoonDays={30} sinceBoard={sinceBoard} />);
  return screen.getByRole('table', { name: /^Actions in each priority area/ });
}

const cells = (row: HTMLElement): string[] => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? '');

describe('PrioritySummary', () => {
  it('shows the change per status since the board beside each count, in words for screen readers', () => {
    const table = renderSummary(true);
    expect(table).toHaveAccessibleName(/In brackets: the change since the board on 31 December 2023\.$/);
    const nd = within(table).getByRole('row', { name: /ND Pathways/ });
    // Red, Amber, Green, Complete, no status, then total, overdue, due soon (no change shown there).
    expect(cells(nd).slice(0, 4)).toEqual(['2(+2) 2 more than at the board on 31 December 2023', '0(−1) 1 fewer than at the board on 31 December 2023', '1(−1) 1 fewer than at the board on 31 December 2023', '0']);
    const whole = within(table).getByRole('row', { name: /Whole plan/ });
    expect(cells(whole).slice(0, 5)).toEqual([
      '2(+2) 2 more than at the board on 31 December 2023',
      // One came into Amber (4.11.1, first rated) and one left it (3.1.2): no change.
      '1',
      '1(−1) 1 fewer than at the board on 31 December 2023',
      '0',
      '0(−1) 1 fewer than at the board on 31 December 2023'
    ]);
    // The sign is only for the eye; the words carry the change.
    const plus = within(nd).getAllByText('(+2)')[0];
    expect(plus).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the counts alone when there is no board to compare with', () => {
    const table = renderSummary(false);
    expect(cells(within(table).getByRole('row', { name: /Whole plan/ }))).toEqual(['2', '1', '1', '0', '0', '4', '3', '0']);
  });
});
