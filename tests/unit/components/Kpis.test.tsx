/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { KpiDetail } from '../../../src/components/KpiDetail';
import { Scorecard } from '../../../src/components/Scorecard';
import { PlanNavigationProvider } from '../../../src/components/navigation';
import { planAsAt } from '../../../src/model/asAt';
import { IKpi, IMeasurement } from '../../../src/model/kpi';
import { ConflictError } from '../../../src/services/errors';
import { IPlanDataService } from '../../../src/services/IPlanDataService';
import { anAction } from '../../support/builders';
import { aDataService, aPlan, aPriority, aSnapshot } from '../../support/fixtures';

const START = '2023-03-01';
const timeliness: IKpi = {
  id: 5,
  planId: 1,
  priorityId: 5,
  ref: '5.1.5',
  title: 'EHCPs finalised within 20 weeks',
  unit: '%',
  direction: 'higher',
  baselineValue: 42,
  baselineDate: START,
  milestones: [
    { label: '3 Month', due: { monthsFromStart: 3 }, text: 'Monthly reporting shows 60%', target: 60 },
    { label: '6 Month', due: { monthsFromStart: 6 }, text: 'Quality standards agreed and published' }
  ],
  measurements: [
    { periodEnd: '2023-03-31', value: 45, id: 51, etag: '"1"' },
    { periodEnd: '2023-04-30', value: 51, id: 52, etag: '"1"' }
  ],
  progressNote: 'Recruitment of case officers complete.',
  progressNoteDate: '2023-05-10',
  actionRefs: '5.1.1 to 5.1.2',
  etag: '"3"'
};
const waits: IKpi = { ...timeliness, id: 6, priorityId: undefined, ref: 'P1', title: 'Weeks waiting for an ASD assessment', unit: 'weeks', direction: 'lower', baselineValue: 60, milestones: [{ label: '12 Month', due: { monthsFromStart: 12 }, text: '30 weeks', target: 30 }], measurements: [{ periodEnd: '2023-04-30', value: 70 }], actionRefs: undefined };

function snapshot(canUpdateKpis = true): ReturnType<typeof aSnapshot> {
  return aSnapshot({
    plan: aPlan({ startDate: START }),
    priorities: [aPriority(5, '5', 'Quality of EHC plans')],
    actions: [anAction({ id: 1, priorityId: 5, ref: '5.1.1', status: 'Green' }), anAction({ id: 2, priorityId: 5, ref: '5.1.2', status: 'Red' })],
    kpis: [timeliness, waits],
    access: { user: { id: 7, displayName: 'Karen Levell' }, canEditActions: true, canAddUpdates: true, canUpdateKpis, canManageLists: false }
  });
}

describe('Scorecard', () => {
  it('counts KPIs by computed status per priority and for the plan, and lists each with its linked actions', () => {
    const navigation = { openList: jest.fn(), openAction: jest.fn(), openKpi: jest.fn() };
    render(
      <PlanNavigationProvider value={navigation}>
        <Scorecard snapshot={snapshot()} today="2023-05-15" />
      </PlanNavigationProvider>
    );
    const summary = screen.getByRole('table', { name: /^KPIs by computed status/ });
    const cells = (name: RegExp): string[] => within(within(summary).getByRole('row', { name })).getAllByRole('cell').map((cell) => cell.textContent ?? '');
    // 5.1.5: 51% against 53.7% on 30 April is within 10%: on track. P1: 70 weeks against about 57.5, worse than the baseline: off track.
    expect(cells(/^5\. Quality/)).toEqual(['1', '0', '0', '0', '1']);
    expect(cells(/^Plan-wide KPIs/)).toEqual(['0', '0', '1', '0', '1']);
    expect(cells(/^Whole plan/)).toEqual(['1', '0', '1', '0', '2']);

    const detail = screen.getByRole('table', { name: /^KPIs for 5\. Quality/ });
    const row = within(detail).getByRole('row', { name: /5\.1\.5 EHCPs finalised/ });
    expect(row).toHaveTextContent('42% (1 March 2023)');
    expect(row).toHaveTextContent('3 Month (1 June 2023): 60%');
    expect(row).toHaveTextContent('6 Month (1 September 2023): Quality standards agreed and published');
    expect(row).toHaveTextContent('51% (30 April 2023)');
    expect(row).toHaveTextContent('Recruitment of case officers complete.Written 10 May 2023');
    expect(row).toHaveTextContent('(Red 1, Green 1)');
    fireEvent.click(within(row).getByRole('button', { name: '2 — actions linked to KPI 5.1.5: open the list' }));
    expect(navigation.openList).toHaveBeenCalledWith({ actionIds: [1, 2], description: 'Actions linked to KPI 5.1.5' });
    fireEvent.click(within(row).getByRole('button', { name: '5.1.5 EHCPs finalised within 20 weeks' }));
    expect(navigation.openKpi).toHaveBeenCalledWith(5);
  });
});

describe('Scorecard as at a past date', () => {
  it('leaves out a progress note written after the date and keeps one written before it, with its date', () => {
    const plan = snapshot();
    const dated = { ...plan, kpis: [{ ...timeliness, progressNoteDate: '2023-12-08' }, { ...waits, progressNote: 'January return: waits down to 41 weeks.', progressNoteDate: '2024-01-12' }] };
    render(<Scorecard snapshot={planAsAt(dated, '2023-12-31')} today="2023-12-31" />);
    const before = within(screen.getByRole('table', { name: /^KPIs for 5\. Quality/ })).getByRole('row', { name: /5\.1\.5 EHCPs finalised/ });
    expect(within(before).getAllByRole('cell')[6]).toHaveTextContent(/^Recruitment of case officers complete\.Written 8 December 2023$/);
    const later = within(screen.getByRole('table', { name: /^KPIs for Plan-wide KPIs/ })).getByRole('row', { name: /P1 Weeks waiting/ });
    expect(within(later).getAllByRole('cell')[6]).toHaveTextContent(/^$/);
    expect(screen.queryByText(/January return/)).not.toBeInTheDocument();
  });
});

describe('KpiDetail', () => {
  function renderDetail(service: IPlanDataService, canUpdateKpis = true): { onChanged: jest.Mock } {
    const onChanged = jest.fn();
    render(<KpiDetail kpi={timeliness} snapshot={snapshot(canUpdateKpis)} dataService={service} today="2023-06-15" onChanged={onChanged} onDismiss={jest.fn()} />);
    return { onChanged };
  }

  it('summarises the KPI in words, loads the chart on demand and gives the same figures as a table', async () => {
    renderDetail(aDataService());
    const summary = 'EHCPs finalised within 20 weeks: 51% for the period to 30 April 2023, against a target of 53.7%. Status: On track. Direction: Improving.';
    expect(await screen.findByText(summary)).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: summary })).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Actuals and targets by date' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['31 March 202345%47.9%', '30 April 202351%53.7%', '1 June 202360%3 Month', '1 September 202360%6 Month']);
  });

  it('reads the whole series as it opens when the KPI holds only its latest two, with the chart, table and recording waiting for it', async () => {
    const latestTwo: IKpi = { ...timeliness, measurements: timeliness.measurements.slice(-2).map(({ periodEnd, value }) => ({ periodEnd, value })), partialSeries: true };
    let answer: (series: IMeasurement[]) => void = () => undefined;
    const service = aDataService({ loadMeasurements: jest.fn(() => new Promise<IMeasurement[]>((resolve) => (answer = resolve))) });
    const onChanged = jest.fn();
    const { rerender } = render(<KpiDetail kpi={latestTwo} snapshot={snapshot(true)} dataService={service} today="2023-06-15" onChanged={onChanged} onDismiss={jest.fn()} />);
    expect(screen.getByText('Reading the measurements…')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Actuals and targets by date' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record' })).not.toBeInTheDocument();
    expect(service.loadMeasurements).toHaveBeenCalledTimes(1);
    expect(service.loadMeasurements).toHaveBeenCalledWith(latestTwo);

    answer(timeliness.measurements);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ ...latestTwo, measurements: timeliness.measurements, partialSeries: undefined }));
    // The page hands the KPI back with its series: the panel shows it whole and reads nothing more.
    rerender(<KpiDetail kpi={onChanged.mock.calls[0][0] as IKpi} snapshot={snapshot(true)} dataService={service} today="2023-06-15" onChanged={onChanged} onDismiss={jest.fn()} />);
    expect(await screen.findByRole('table', { name: 'Actuals and targets by date' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record' })).toBeInTheDocument();
    expect(service.loadMeasurements).toHaveBeenCalledTimes(1);
  });

  it('says when the series could not be read', async () => {
    const latestTwo: IKpi = { ...timeliness, partialSeries: true };
    render(<KpiDetail kpi={latestTwo} snapshot={snapshot(true)} dataService={aDataService({ loadMeasurements: jest.fn().mockRejectedValue(new Error('offline')) })} today="2023-06-15" onChanged={jest.fn()} onDismiss={jest.fn()} />);
    expect(await screen.findByText(/^The measurements could not be read\./)).toBeInTheDocument();
    expect(screen.queryByText('Reading the measurements…')).not.toBeInTheDocument();
  });

  it('shows the progress note with the day it was written, or says the day is not recorded', () => {
    const { unmount } = render(<KpiDetail kpi={timeliness} snapshot={snapshot()} dataService={aDataService()} today="2023-06-15" onChanged={jest.fn()} onDismiss={jest.fn()} />);
    const note = screen.getByRole('heading', { name: 'Progress note' });
    expect(note.parentElement).toHaveTextContent('Progress noteRecruitment of case officers complete.Written 10 May 2023');
    unmount();
    render(<KpiDetail kpi={{ ...timeliness, progressNoteDate: undefined }} snapshot={snapshot()} dataService={aDataService()} today="2023-06-15" onChanged={jest.fn()} onDismiss={jest.fn()} />);
    expect(screen.getByRole('heading', { name: 'Progress note' }).parentElement).toHaveTextContent('Progress noteRecruitment of case officers complete.Date not recorded');
  });

  it('checks a measurement field by field before recording anything', async () => {
    const service = aDataService();
    renderDetail(service);
    fireEvent.change(await screen.findByRole('textbox', { name: /^Value/ }), { target: { value: '105' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Period end/ }), { target: { value: 'Sept 2023' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('A percentage must be between 0 and 100.')).toBeInTheDocument();
    expect(screen.getByText('The period has not ended yet.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: /^Value/ }), { target: { value: 'about half' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText(/^This is not a number\./)).toBeInTheDocument();
    expect(service.recordMeasurement).not.toHaveBeenCalled();
  });

  it('offers to correct a period that already has a value, and records the correction with the old value in its note', async () => {
    const saved: IMeasurement = { periodEnd: '2023-04-30', value: 53, id: 52, etag: '"2"', note: 'Corrected from 51%. Late returns added' };
    const recorded = { ...timeliness, measurements: [timeliness.measurements[0], saved], etag: '"8"' };
    const service = aDataService({ recordMeasurement: jest.fn(async () => ({ measurement: saved, kpi: recorded })) });
    const { onChanged } = renderDetail(service);
    fireEvent.change(await screen.findByRole('textbox', { name: /^Value/ }), { target: { value: '53' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Period end/ }), { target: { value: 'April 2023' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Note/ }), { target: { value: 'Late returns added' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText(/^51% is already recorded for the period to 30 April 2023\./)).toBeInTheDocument();
    expect(service.recordMeasurement).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Correct the recorded value' }));
    expect(await screen.findByText('53% recorded for the period to 30 April 2023.')).toBeInTheDocument();
    expect(service.recordMeasurement).toHaveBeenCalledWith(timeliness, { periodEnd: '2023-04-30', value: 53, id: 52, etag: '"1"', note: 'Corrected from 51%. Late returns added' });
    expect(onChanged).toHaveBeenCalledWith(recorded);
  });

  it('saves a checkpoint once however often Save is pressed while the save is under way', async () => {
    let finish: (kpi: IKpi) => void = () => undefined;
    const service = aDataService({ saveMilestones: jest.fn(() => new Promise<IKpi>((resolve) => (finish = resolve))) });
    const { onChanged } = renderDetail(service);
    const checkpoint = (await screen.findByText('6 Month', { selector: 'strong' })).closest('li') as HTMLElement;
    fireEvent.click(within(checkpoint).getByRole('button', { name: 'Mark 6 Month' }));
    fireEvent.click(within(checkpoint).getByRole('button', { name: 'Save' }));
    const busy = within(checkpoint).getByRole('button', { name: 'Saving…' });
    expect(busy).toBeDisabled();
    fireEvent.click(busy);
    expect(service.saveMilestones).toHaveBeenCalledTimes(1);
    const saved = { ...timeliness, etag: '"2"' };
    await act(async () => finish(saved));
    expect(onChanged).toHaveBeenCalledWith(saved);
    expect(within(checkpoint).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('lets a lead mark a checkpoint met, saved with the KPI, and shows a conflict as the current KPI', async () => {
    const current = { ...timeliness, etag: '"9"' };
    const service = aDataService({
      saveMilestones: jest.fn(async () => {
        throw new ConflictError(current, '412');
      })
    });
    const { onChanged } = renderDetail(service);
    const checkpoint = (await screen.findByText('6 Month', { selector: 'strong' })).closest('li') as HTMLElement;
    expect(checkpoint).toHaveTextContent('Not due yet');
    fireEvent.click(within(checkpoint).getByRole('button', { name: 'Mark 6 Month' }));
    fireEvent.change(within(checkpoint).getByRole('textbox', { name: 'Note' }), { target: { value: 'Published early' } });
    fireEvent.click(within(checkpoint).getByRole('button', { name: 'Save' }));
    expect(await within(checkpoint).findByText(/^The checkpoint was not saved\. Someone else changed this/)).toBeInTheDocument();
    expect(service.saveMilestones).toHaveBeenCalledWith(timeliness, [timeliness.milestones[0], { ...timeliness.milestones[1], met: true, metDate: '2023-06-15', metNote: 'Published early' }]);
    expect(onChanged).toHaveBeenCalledWith(current);
  });

  it('shows a reader no way to record or mark', async () => {
    renderDetail(aDataService(), false);
    expect(await screen.findByText('You can read this KPI but not record measurements.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Mark / })).not.toBeInTheDocument();
  });
});
