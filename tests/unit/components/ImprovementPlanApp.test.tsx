/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ImprovementPlanApp } from '../../../src/components/ImprovementPlanApp';
import { IPlanDataService, IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { aDataService, aPackService, aSnapshot } from '../../support/fixtures';
import { anUpdate } from '../../support/builders';
import { PlanDataError } from '../../../src/services/errors';
import { freezePack, reportAsAt } from '../../../src/model/boardPack';

/** The fixture as SharePoint gives it: every item carries its Modified stamp (before the page's today), so the status it holds stands that day. */
function aLoadedSnapshot(...args: Parameters<typeof aSnapshot>): IPlanSnapshot {
  const snapshot = aSnapshot(...args);
  return { ...snapshot, actions: snapshot.actions.map((action) => ({ modified: '2023-06-01T09:00:00Z', ...action })) };
}

/** A data service whose loads the test settles by hand. */
function controllableService(): { service: IPlanDataService; loads: Array<{ resolve: (s: IPlanSnapshot) => void; reject: (e: Error) => void }> } {
  const loads: Array<{ resolve: (s: IPlanSnapshot) => void; reject: (e: Error) => void }> = [];
  const service = aDataService({ loadPlan: jest.fn(() => new Promise<IPlanSnapshot>((resolve, reject) => loads.push({ resolve, reject }))) });
  return { service, loads };
}

function renderApp(service: IPlanDataService, planId: number | undefined): ReturnType<typeof render> {
  return render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={planId} today="2023-06-15" theme={{}} />);
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
    // The views read each KPI's latest values only; a KPI's panel and the report read whole series.
    expect(service.loadPlan).toHaveBeenCalledWith(1, { kpiSeries: 'latest', actionTexts: 'brief' });

    await act(async () => loads[0].resolve(aLoadedSnapshot()));

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

    await act(async () => loads[1].resolve(aLoadedSnapshot()));
    expect(screen.getByRole('table', { name: /^Actions in each priority area/ })).toBeInTheDocument();
  });

  it('says so when the plan has no priorities yet', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    await act(async () => loads[0].resolve(aLoadedSnapshot({ priorities: [], actions: [] })));
    expect(await screen.findByText('This plan has no priority areas yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('lists values that could not be read instead of failing', async () => {
    const { service, loads } = controllableService();
    renderApp(service, 1);
    await act(async () => loads[0].resolve(aLoadedSnapshot({ warnings: [{ code: 'evidence', item: { kind: 'action', name: '3.1.1' } }] })));
    expect(await screen.findByText('Action 3.1.1: the evidence column could not be read.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /^Actions in each priority area/ })).toBeInTheDocument();
  });

  it('ignores a load that finishes after the plan was changed', async () => {
    const { service, loads } = controllableService();
    const { rerender } = renderApp(service, 1);
    rerender(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={2} today="2023-06-15" theme={{}} />);
    await act(async () => loads[1].resolve(aLoadedSnapshot({ plan: { ...aLoadedSnapshot().plan, id: 2, title: 'Plan two' } })));
    await act(async () => loads[0].resolve(aLoadedSnapshot()));
    expect(screen.getByRole('heading', { name: 'Plan two' })).toBeInTheDocument();
  });
});

describe('ImprovementPlanApp when the plan lists are missing', () => {
  it('offers "Set up lists" to a site owner, runs provisioning, then loads again', async () => {
    const { service, loads } = controllableService();
    const provisioning = { canProvision: jest.fn(), ensureLists: jest.fn(async () => ({ createdLists: ['SEND Plans'], addedColumns: ['SEND Plans: LocalArea'], updatedColumns: [], addedViews: [], problems: [] })) };
    render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} provisioning={provisioning} />);
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
    render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} provisioning={provisioning} />);
    await act(async () => loads[0].reject(new PlanDataError('notSetUp', 'missing', 404)));
    fireEvent.click(await screen.findByRole('button', { name: 'Set up lists' }));
    expect(await screen.findByText('The lists were not set up. You do not have permission to do this. Ask the site owner for access.')).toBeInTheDocument();
  });
});

describe('ImprovementPlanApp navigation', () => {
  const kpi = {
    id: 1,
    planId: 1,
    priorityId: 3,
    ref: '3.1',
    title: 'Children seen within 18 weeks',
    unit: '%',
    direction: 'higher' as const,
    baselineValue: 40,
    baselineDate: '2023-02-06',
    milestones: [{ label: '6 Month', due: { monthsFromStart: 6 }, text: '70%', target: 70 }],
    measurements: [
      { periodEnd: '2023-04-30', value: 44 },
      { periodEnd: '2023-05-31', value: 47 }
    ],
    actionRefs: '3.1.1 to 3.1.2'
  };

  async function loaded(snapshot = aLoadedSnapshot({ kpis: [kpi] }), props: Partial<React.ComponentProps<typeof ImprovementPlanApp>> = {}): Promise<void> {
    const service = aDataService({ loadPlan: jest.fn(async () => snapshot) });
    render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} {...props} />);
    await screen.findByRole('tab', { name: 'Summary' });
  }

  it('opens the workstreams list filtered to what a summary figure counted', async () => {
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: '2 — Green, 3. ND Pathways and Waiting Times: open the list' }));
    expect(screen.getByRole('tab', { name: 'Workstreams' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Showing 2 of 4 actions.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Status/ })).toHaveTextContent('Green');
  });

  it('shows a KPI tile with its status in words and opens its linked actions', async () => {
    await loaded();
    const tile = screen.getByRole('heading', { name: '3.1 Children seen within 18 weeks' }).closest('li') as HTMLElement;
    // Target on 31 May: 40% on 6 Feb rising to 70% on 6 Aug, 58.9% by then; 47% is 20% short but improving.
    expect(within(tile).getByText('47%')).toBeInTheDocument();
    expect(within(tile).getByText('Target for that date: 58.9%')).toBeInTheDocument();
    expect(within(tile).getByText('At risk')).toBeInTheDocument();
    expect(within(tile).getByText('Improving')).toBeInTheDocument();
    fireEvent.click(within(tile).getByRole('button', { name: '2 — actions linked to KPI 3.1: open the list' }));
    expect(await screen.findByText('Actions linked to KPI 3.1')).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 4 actions.')).toBeInTheDocument();
  });

  it('opens an action in a panel from an exception, and closes it', async () => {
    await loaded();
    fireEvent.click(within(screen.getByRole('table', { name: /^Actions off track, overdue/ })).getByRole('button', { name: 'Open action 3.1.1' }));
    const panel = await screen.findByRole('dialog', { name: 'Action 3.1.1' });
    expect(within(panel).getByRole('button', { name: 'Edit 3.1.1' })).toBeInTheDocument();
    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens on the view the page chose, pinned to one priority area', async () => {
    await loaded(aLoadedSnapshot({ kpis: [kpi] }), { defaultView: 'workstreams', pinnedPriorityId: 4 });
    expect(screen.getByRole('tab', { name: 'Workstreams' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Showing 1 of 1 actions.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    const table = screen.getByRole('table', { name: /^Actions in each priority area/ });
    expect(within(table).queryByRole('row', { name: /ND Pathways/ })).not.toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /SLCN/ })).toBeInTheDocument();
    // The KPI belongs to priority 3, so the pinned page has no KPI tiles.
    expect(screen.queryByRole('heading', { name: 'Key performance indicators' })).not.toBeInTheDocument();
  });

  it('ignores a pin to a priority the plan no longer has', async () => {
    await loaded(aLoadedSnapshot(), { pinnedPriorityId: 99 });
    expect(within(screen.getByRole('table', { name: /^Actions in each priority area/ })).getByRole('row', { name: /ND Pathways/ })).toBeInTheDocument();
  });

  it('shows the status trend at past board dates once the plan has one', async () => {
    const snapshot = aLoadedSnapshot({ log: [anUpdate(1, '2023-03-01', 'Amber'), anUpdate(1, '2023-05-01', 'Red')] });
    snapshot.plan = { ...snapshot.plan, reportingDates: ['2023-03-31', '2023-09-30'] };
    await loaded(snapshot);
    const trend = screen.getByRole('table', { name: /^Actions by status at each board date/ });
    const rows = within(trend).getAllByRole('row').slice(1).map((row) => row.textContent);
    // Red, Amber, Green, Complete, no status: 3.1.1 was Amber at the board, Red now; the other three have no log.
    expect(rows).toEqual(['31 March 202301003', 'Today (15 June 2023)10003']);
  });

  it('shows every view as at today, and saves the action as loaded', async () => {
    // 3.1.1 was Amber on the page's today (15 June 2023); a later line (dated 10 July) made it Red.
    const later = aLoadedSnapshot({ log: [anUpdate(1, '2023-03-01', 'Amber'), anUpdate(1, '2023-07-10', 'Red')] });
    const snapshot = { ...later, actions: later.actions.map((action) => (action.id === 1 ? { ...action, modified: '2023-07-10T09:00:00Z', etag: '"7"' } : action)) };
    const saveUpdate = jest.fn(async ({ action }) => ({ action, update: anUpdate(1, '2023-06-15', 'Green') }));
    const service = aDataService({ loadPlan: jest.fn(async () => snapshot), saveUpdate });
    render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} />);
    const table = await screen.findByRole('table', { name: /^Actions in each priority area/ });
    // Red, Amber, Green, Complete, no status: 3.1.1 counts as Amber, as it stood today.
    expect(within(within(table).getByRole('row', { name: /ND Pathways/ })).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 5)).toEqual(['0', '1', '2', '0', '0']);
    const exceptions = screen.getByRole('table', { name: /^Actions off track, overdue/ });
    expect(within(within(exceptions).getByRole('row', { name: /^3\.1\.1/ })).getByText('Amber')).toBeInTheDocument();

    fireEvent.click(within(exceptions).getByRole('button', { name: 'Open action 3.1.1' }));
    const panel = await screen.findByRole('dialog', { name: 'Action 3.1.1' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Update 3.1.1' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: /^Progress note/ }), { target: { value: 'Back on track' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Save update' }));
    });
    // What is saved is the item as loaded: its ETag and its whole history, the line after today included.
    expect(saveUpdate).toHaveBeenCalledWith(expect.objectContaining({ action: snapshot.actions[0], date: '2023-06-15', note: 'Back on track' }));
    expect(saveUpdate.mock.calls[0][0].action.history.map((line: { date: string }) => line.date)).toEqual(['2023-03-01', '2023-07-10']);
  });

  it('leads the summary with what got worse and what improved since the last board', async () => {
    const snapshot = aLoadedSnapshot({ log: [anUpdate(1, '2023-03-01', 'Amber'), anUpdate(1, '2023-05-01', 'Red'), anUpdate(2, '2023-03-01', 'Amber'), anUpdate(2, '2023-05-01', 'Green')] });
    snapshot.plan = { ...snapshot.plan, reportingDates: ['2023-03-31', '2023-09-30'] };
    await loaded(snapshot);
    const lead = screen.getByRole('region', { name: 'Since the board on 31 March 2023' });
    expect(within(lead).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1 action got worse since 31 March 2023: 1 to Red', '1 action improved since 31 March 2023: 1 to Green']);
    // It comes first in the summary, before the status table.
    const table = screen.getByRole('table', { name: /^Actions in each priority area/ });
    expect(lead.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(lead).getAllByRole('button', { name: '1 — Worse since 31 March 2023: open the list' })[0]);
    expect(screen.getByRole('tab', { name: 'Workstreams' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Showing 1 of 4 actions.')).toBeInTheDocument();
  });

  it('counts what changed since the last board from the statuses its frozen pack showed, and says so', async () => {
    const snapshot = aLoadedSnapshot({ log: [anUpdate(1, '2023-03-01', 'Amber'), anUpdate(1, '2023-05-01', 'Red'), anUpdate(2, '2023-03-01', 'Amber'), anUpdate(2, '2023-05-01', 'Green')] });
    snapshot.plan = { ...snapshot.plan, reportingDates: ['2023-03-31', '2023-09-30'], frozenBoards: ['2023-03-31'] };
    // The board saw 3.1.1 as Red already (its log has since been corrected) and 3.1.2 as Amber.
    const atBoard = reportAsAt(snapshot, '2023-03-31');
    const pack = freezePack({ ...atBoard, actions: atBoard.actions.map((action) => (action.id === 1 ? { ...action, status: 'Red' } : action)) }, [], '2023-04-01T09:00:00Z', 'Sam Owner');
    const packService = aPackService([pack]);
    render(<ImprovementPlanApp packService={packService} dataService={aDataService({ loadPlan: jest.fn(async () => snapshot) })} planId={1} today="2023-06-15" theme={{}} />);

    expect(await screen.findByText('Counted from the statuses in the pack frozen for the board of 31 March 2023.')).toBeInTheDocument();
    const lead = screen.getByRole('region', { name: 'Since the board on 31 March 2023' });
    expect(within(lead).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['No action got worse since 31 March 2023.', '1 action improved since 31 March 2023: 1 to Green']);
    expect(packService.readPack).toHaveBeenCalledWith(1, '2023-03-31');
  });

  it('asks for no pack when the plan lists none frozen for the last board', async () => {
    const snapshot = aLoadedSnapshot({ log: [anUpdate(1, '2023-03-01', 'Amber'), anUpdate(1, '2023-05-01', 'Red')] });
    snapshot.plan = { ...snapshot.plan, reportingDates: ['2023-03-31', '2023-09-30'], frozenBoards: ['2022-12-31'] };
    const packService = aPackService();
    render(<ImprovementPlanApp packService={packService} dataService={aDataService({ loadPlan: jest.fn(async () => snapshot) })} planId={1} today="2023-06-15" theme={{}} />);
    await screen.findByRole('region', { name: 'Since the board on 31 March 2023' });
    expect(screen.queryByText(/^Counted from the statuses in the pack/)).toBeNull();
    expect(packService.readPack).not.toHaveBeenCalled();
  });

  it('offers the import to someone who may manage the site’s lists (read with the plan), and to no one else', async () => {
    const importService = { importPlan: jest.fn(), createPlan: jest.fn(), importKpis: jest.fn() };
    for (const canManageLists of [true, false]) {
      const service = aDataService({ loadPlan: jest.fn(async () => aLoadedSnapshot({ access: { ...aLoadedSnapshot().access, canManageLists } })) });
      const { unmount } = render(<ImprovementPlanApp packService={aPackService()} dataService={service} planId={1} today="2023-06-15" theme={{}} importService={importService} defaultView="workstreams" />);
      await screen.findByRole('heading', { name: 'Shropshire Accelerated Progress Plan' });
      expect(screen.queryByRole('button', { name: 'Import from a spreadsheet' }) !== null).toBe(canManageLists);
      unmount();
    }
  });
});
