/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ImprovementPlanApp } from '../../../src/components/ImprovementPlanApp';
import { IPlanDataService, IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { aDataService, aSnapshot } from '../../support/fixtures';
import { PlanDataError } from '../../../src/services/errors';

/** A data service whose loads the test settles by hand. */
function controllableService(): { service: IPlanDataService; loads: Array<{ resolve: (s: IPlanSnapshot) => void; reject: (e: Error) => void }> } {
  const loads: Array<{ resolve: (s: IPlanSnapshot) => void; reject: (e: Error) => void }> = [];
  const service = aDataService({ loadPlan: jest.fn(() => new Promise<IPlanSnapshot>((resolve, reject) => loads.push({ resolve, reject }))) });
  return { service, loads };
}

function renderApp(service: IPlanDataService, planId: number | undefined): ReturnType<typeof render> {
  return render(<ImprovementPlanApp dataService={service} planId={planId} today="2023-06-15" theme={{}} />);
}

describe('ImprovementPlanApp', () => {
  it('asks a page author to choose a plan, and loads nothing, when none is set', async () => {
    const { service } = controllableService();
    renderApp(service, undefined);
    // MessageBar renders its text a moment later so screen readers announce it.
    expect(await screen.findByText(/No plan has been chosen/)).toBeInTheDocument();
    expect(service.loadPlan).not.toHaveBeenCalled();
  });

  it('shows progress, then the plan header and the status table by priority', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    expect(screen.getByText('Loading the plan…')).toBeInTheDocument();
    expect(service.loadPlan).toHaveBeenCalledWith(1);

    await act(async () => loads[0].resolve(aSnapshot()));

    expect(screen.getByRole('heading', { name: 'Shropshire Accelerated Progress Plan' })).toBeInTheDocument();
    expect(screen.getByText('23 November 2022')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /^Actions in each priority area/ });
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Priority area', 'Red', 'Amber', 'Green', 'Complete', 'No status', 'Actions', 'Overdue', 'Due in 30 days']);

    const nd = within(table).getByRole('row', { name: /ND Pathways/ });
    // Red 1, Amber 0, Green 2, Complete 0, no status 0, 3 actions, 1 overdue (Apr-23), 1 due by 15 July (Jul-23 ends 31 July: no).
    expect(within(nd).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '0', '2', '0', '0', '3', '1', '0']);
    const slcn = within(table).getByRole('row', { name: /SLCN/ });
    expect(within(slcn).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0', '0', '0', '0', '1', '1', '0', '0']);
    const whole = within(table).getByRole('row', { name: /Whole plan/ });
    expect(within(whole).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', '0', '2', '0', '1', '4', '1', '0']);
  });

  it('says what went wrong and tries again on request', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    await act(async () => loads[0].reject(new Error('The list "SEND Actions" does not exist.')));

    expect(await screen.findByText(/The plan could not be loaded\. The list "SEND Actions" does not exist\./)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(service.loadPlan).toHaveBeenCalledTimes(2);

    await act(async () => loads[1].resolve(aSnapshot()));
    expect(screen.getByRole('table', { name: /^Actions in each priority area/ })).toBeInTheDocument();
  });

  it('says so when the plan has no priorities yet', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    await act(async () => loads[0].resolve(aSnapshot({ priorities: [], actions: [] })));
    expect(await screen.findByText('This plan has no priority areas yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists values that could not be read instead of failing', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    await act(async () => loads[0].resolve(aSnapshot({ warnings: ['Action 3.1.1: the evidence column could not be read.'] })));
    expect(await screen.findByText('Action 3.1.1: the evidence column could not be read.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /^Actions in each priority area/ })).toBeInTheDocument();
  });

  it('ignores a load that finishes after the plan was changed', async () => {
    const { service, loads } = controllableService();
    const { rerender } = renderApp(service, 1);
    rerender(<ImprovementPlanApp dataService={service} planId={2} today="2023-06-15" theme={{}} />);
    await act(async () => loads[1].resolve(aSnapshot({ plan: { ...aSnapshot().plan, id: 2, title: 'Plan two' } })));
    await act(async () => loads[0].resolve(aSnapshot()));
    expect(screen.getByRole('heading', { name: 'Plan two' })).toBeInTheDocument();
  });
});

describe('ImprovementPlanApp when the plan lists are missing', () => {
  it('offers "Set up lists" to a site owner, runs provisioning, then loads again', async () => {
    const { service, loads } = controllableService();
    const provisioning = { canProvision: jest.fn(), ensureLists: jest.fn(async () => ({ createdLists: ['SEND Plans'], addedColumns: ['SEND Plans: LocalArea'], updatedColumns: [], addedViews: [], problems: [] })) };
    render(<ImprovementPlanApp dataService={service} planId={1} today="2023-06-15" theme={{}} provisioning={provisioning} />);
    await act(async () => loads[0].reject(new PlanDataError('notSetUp', "List 'SEND Plans' does not exist", 404)));

    expect(await screen.findByText(/have not been set up on this site yet/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Set up lists' }));
    expect(await screen.findByText('The plan lists are ready: 1 lists created, 1 columns added, 0 columns updated, 0 views added.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(service.loadPlan).toHaveBeenCalledTimes(2);
  });

  it('tells someone without permission why the lists were not set up', async () => {
    const { service, loads } = controllableService();
    const provisioning = { canProvision: jest.fn(), ensureLists: jest.fn(async () => Promise.reject(new PlanDataError('forbidden', 'needs Edit', 403))) };
    render(<ImprovementPlanApp dataService={service} planId={1} today="2023-06-15" theme={{}} provisioning={provisioning} />);
    await act(async () => loads[0].reject(new PlanDataError('notSetUp', 'missing', 404)));
    fireEvent.click(await screen.findByRole('button', { name: 'Set up lists' }));
    expect(await screen.findByText('The lists were not set up. You do not have permission to do this. Ask the site owner for access.')).toBeInTheDocument();
  });
});
