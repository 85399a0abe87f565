/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { useWholeSeries } from '../../../src/components/report/useWholeSeries';
import { IKpi } from '../../../src/model/kpi';
import { IPlanDataService, IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { aDataService, aSnapshot } from '../../support/fixtures';

const kpi: IKpi = { id: 5, planId: 1, ref: 'K1', title: 'EHCPs on time', unit: '%', direction: 'higher', milestones: [], measurements: [{ periodEnd: '2024-01-31', value: 60 }, { periodEnd: '2024-02-29', value: 62 }], partialSeries: true };
const whole = [{ periodEnd: '2023-12-31', value: 55, id: 1 }, { periodEnd: '2024-01-31', value: 60, id: 2 }, { periodEnd: '2024-02-29', value: 62, id: 3 }];

function Probe({ dataService, snapshot }: { dataService: IPlanDataService; snapshot: IPlanSnapshot }): JSX.Element {
  const read = useWholeSeries(dataService, snapshot);
  return <p>{read.failure ?? (read.snapshot ? read.snapshot.kpis.map((held) => `${held.ref}:${held.measurements.length}:${String(held.partialSeries)}`).join() : 'reading')}</p>;
}

describe('useWholeSeries', () => {
  it('reads every series once when a KPI holds only its latest two, and gives nothing until then', async () => {
    const dataService = aDataService({ loadPlanMeasurements: jest.fn().mockResolvedValue(new Map([[5, whole]])) });
    render(<Probe dataService={dataService} snapshot={aSnapshot({ kpis: [kpi] })} />);
    expect(screen.getByText('reading')).toBeInTheDocument();
    expect(await screen.findByText('K1:3:undefined')).toBeInTheDocument();
    await waitFor(() => expect(dataService.loadPlanMeasurements).toHaveBeenCalledTimes(1));
  });

  it('reads nothing when every KPI is whole, and says when the read failed', async () => {
    const unused = aDataService();
    const { unmount } = render(<Probe dataService={unused} snapshot={aSnapshot({ kpis: [{ ...kpi, partialSeries: undefined }] })} />);
    expect(screen.getByText('K1:2:undefined')).toBeInTheDocument();
    expect(unused.loadPlanMeasurements).not.toHaveBeenCalled();
    unmount();
    render(<Probe dataService={aDataService({ loadPlanMeasurements: jest.fn().mockRejectedValue(new Error('offline')) })} snapshot={aSnapshot({ kpis: [kpi] })} />);
    expect(await screen.findByText(/offline/)).toBeInTheDocument();
  });
});
