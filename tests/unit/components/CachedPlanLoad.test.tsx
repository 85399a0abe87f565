/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ImprovementPlanApp } from '../../../src/components/ImprovementPlanApp';
import { ICachedPlan, ICachedPlanLoader, IRefreshedPlan } from '../../../src/services/ICachedPlanLoader';
import { IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { PlanDataError } from '../../../src/services/errors';
import { aDataService, aPackService, aSnapshot } from '../../support/fixtures';

const TOKENS = { priorities: 'a', outcomes: 'b', actions: 'c', kpis: 'd', roles: 'e' };
const drawnWhenAsked: boolean[] = [];

/** A loader whose refreshes the test settles by hand, with a kept copy or none. */
function controllableLoader(kept: ICachedPlan | undefined): { loader: ICachedPlanLoader; refreshes: Array<{ resolve: (plan: IRefreshedPlan) => void; reject: (error: Error) => void }> } {
  const refreshes: Array<{ resolve: (plan: IRefreshedPlan) => void; reject: (error: Error) => void }> = [];
  return {
    refreshes,
    loader: {
      cached: jest.fn(async () => kept),
      // Records whether the kept plan was already on screen when SharePoint was asked.
      refresh: jest.fn(() => {
        drawnWhenAsked.push(screen.queryByRole('heading', { name: 'As kept' }) !== null);
        return new Promise<IRefreshedPlan>((resolve, reject) => refreshes.push({ resolve, reject }));
      })
    }
  };
}

function withTitle(snapshot: IPlanSnapshot, title: string): IPlanSnapshot {
  return { ...snapshot, plan: { ...snapshot.plan, title } };
}

function renderApp(loader: ICachedPlanLoader): void {
  const dataService = aDataService({ loadPlan: jest.fn(() => new Promise<IPlanSnapshot>(() => undefined)) });
  render(<ImprovementPlanApp packService={aPackService()} dataService={dataService} planLoader={loader} planId={1} today="2023-06-15" theme={{}} />);
}

/** The line saying how fresh the plan is, announced politely (a status). */
function freshnessLine(): HTMLElement {
  const line = screen.getByText(/^(Showing what was saved on this device|Up to date as of)/);
  expect(line).toHaveAttribute('role', 'status');
  return line;
}

const savedAt = new Date(2023, 5, 15, 10, 40).toISOString();
const refreshedAt = new Date(2023, 5, 15, 10, 42).toISOString();

describe('ImprovementPlanApp with a plan kept on the device', () => {
  beforeEach(() => {
    drawnWhenAsked.length = 0;
  });

  it('shows the kept plan at once while it checks for changes, then what changed, saying when', async () => {
    const { loader, refreshes } = controllableLoader({ snapshot: withTitle(aSnapshot(), 'As kept'), tokens: TOKENS, refreshedAt: savedAt });
    renderApp(loader);

    expect(await screen.findByRole('heading', { name: 'As kept' })).toBeInTheDocument();
    expect(freshnessLine()).toHaveTextContent(/^Showing what was saved on this device at (\d{1,2} \w+, )?10:40; checking for changes…$/);
    await waitFor(() => expect(loader.refresh).toHaveBeenCalledWith(1, expect.objectContaining({ refreshedAt: savedAt })));
    // The kept copy is drawn first; only then is SharePoint asked what changed.
    expect(drawnWhenAsked).toEqual([true]);

    await act(async () => refreshes[0].resolve({ snapshot: withTitle(aSnapshot(), 'As changed'), refreshedAt, kept: Promise.resolve() }));
    expect(screen.getByRole('heading', { name: 'As changed' })).toBeInTheDocument();
    expect(freshnessLine()).toHaveTextContent(/^Up to date as of (\d{1,2} \w+, )?10:42$/);
  });

  it('keeps the kept plan on screen when it cannot be refreshed, says so, and checks again on request', async () => {
    const { loader, refreshes } = controllableLoader({ snapshot: withTitle(aSnapshot(), 'As kept'), tokens: TOKENS, refreshedAt: savedAt });
    renderApp(loader);
    await screen.findByRole('heading', { name: 'As kept' });
    await waitFor(() => expect(refreshes).toHaveLength(1));

    await act(async () => refreshes[0].reject(new PlanDataError('network', 'Failed to fetch')));
    expect(screen.getByRole('heading', { name: 'As kept' })).toBeInTheDocument();
    expect(freshnessLine()).toHaveTextContent(/it could not be refreshed\./);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(loader.refresh).toHaveBeenCalledTimes(2));
    expect(freshnessLine()).toHaveTextContent(/checking for changes…$/);
    await act(async () => refreshes[1].resolve({ snapshot: withTitle(aSnapshot(), 'As changed'), refreshedAt, kept: Promise.resolve() }));
    expect(screen.getByRole('heading', { name: 'As changed' })).toBeInTheDocument();
  });

  it('loads the whole plan on a first visit, and says it could not be loaded when that fails', async () => {
    const { loader, refreshes } = controllableLoader(undefined);
    renderApp(loader);
    expect(await screen.findByText('Loading the plan…')).toBeInTheDocument();
    expect(loader.refresh).toHaveBeenCalledWith(1, undefined);
    await act(async () => refreshes[0].reject(new PlanDataError('network', 'Failed to fetch')));
    expect(await screen.findByText(/The plan could not be loaded\./)).toBeInTheDocument();
  });
});
