/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FirstPlan } from '../../../src/components/FirstPlan';
import { IPlanUpkeepService } from '../../../src/services/IPlanUpkeepService';
import { IProvisioningService } from '../../../src/services/IProvisioningService';

function services(mayProvision: boolean): { provisioning: IProvisioningService; upkeep: IPlanUpkeepService; calls: string[] } {
  const calls: string[] = [];
  const provisioning = {
    canProvision: jest.fn(async () => mayProvision),
    ensureLists: jest.fn(async () => {
      calls.push('ensureLists');
      return { created: [], added: [], problems: [] } as unknown as Awaited<ReturnType<IProvisioningService['ensureLists']>>;
    })
  };
  const upkeep = {
    createPlan: jest.fn(async () => {
      calls.push('createPlan');
      return 7;
    })
  } as unknown as IPlanUpkeepService;
  return { provisioning, upkeep, calls };
}

describe('FirstPlan', () => {
  it('lets someone who may set up the site create the page\'s plan: the lists first, then the plan, then the page shows it', async () => {
    const { provisioning, upkeep, calls } = services(true);
    const shown = jest.fn();
    render(<FirstPlan provisioning={provisioning} upkeepService={upkeep} onPlanCreated={shown} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a plan' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Plan name/ }), { target: { value: 'Written Statement of Action 2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Local area/ }), { target: { value: 'Shropshire' } });
    fireEvent.click(screen.getByRole('button', { name: /New plan|Save|Add/ }));
    await waitFor(() => expect(shown).toHaveBeenCalledWith(7));
    expect(calls).toEqual(['ensureLists', 'createPlan']);
    expect(upkeep.createPlan).toHaveBeenCalledWith(expect.objectContaining({ name: 'Written Statement of Action 2025', localArea: 'Shropshire', reportingDates: [] }));
  });

  it('offers nothing to someone who may not set up the site', async () => {
    const { provisioning, upkeep } = services(false);
    render(<FirstPlan provisioning={provisioning} upkeepService={upkeep} onPlanCreated={jest.fn()} />);
    await waitFor(() => expect(provisioning.canProvision).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Create a plan' })).toBeNull();
  });
});
