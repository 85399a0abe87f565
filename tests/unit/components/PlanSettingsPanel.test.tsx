/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { PlanSettingsPanel } from '../../../src/components/PlanSettingsPanel';
import { IPlan } from '../../../src/model/plan';
import { BRAGG_SCHEME } from '../../../src/model/statusSchemes';
import { ConflictError, PlanDataError } from '../../../src/services/errors';
import { IPlanSettings } from '../../../src/services/IPlanDataService';
import { aPlan } from '../../support/fixtures';

const PLAN = aPlan({ reportingDates: ['2023-06-30', '2023-09-30'], kpiThresholds: { onTrackTolerance: 0.1 }, protectiveMarking: 'OFFICIAL', etag: '"7"' });

function renderSettings(savePlanSettings: jest.Mock): { onSaved: jest.Mock } {
  const onSaved = jest.fn();
  render(<PlanSettingsPanel plan={PLAN} dataService={{ savePlanSettings }} onSaved={onSaved} onDismiss={jest.fn()} />);
  return { onSaved };
}

const saved = jest.fn(async (plan: IPlan, settings: IPlanSettings) => ({ ...plan, ...settings, etag: '"8"' }));

describe('PlanSettingsPanel', () => {
  beforeEach(() => saved.mockClear());

  it('shows the plan’s settings as they are, each edit policy explained in a line', () => {
    renderSettings(saved);
    expect(screen.getByRole('combobox', { name: /^Status scheme/ })).toHaveTextContent('Red / Amber / Green / Complete');
    expect(screen.getByRole('textbox', { name: /Reporting \(board\) dates/ })).toHaveValue('30 June 2023\n30 September 2023');
    expect(screen.getByRole('textbox', { name: /KPI tolerance/ })).toHaveValue('10');
    expect(screen.getByRole('radio', { name: 'Everyone who may edit the lists edits any action' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^By role: plan officers edit all/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Updates need sign-off/ })).not.toBeChecked();
  });

  it('saves every setting with the plan as loaded (its ETag), and hands the saved plan to the app', async () => {
    const { onSaved } = renderSettings(saved);
    fireEvent.click(screen.getByRole('combobox', { name: /^Status scheme/ }));
    fireEvent.click(screen.getByRole('option', { name: 'Blue / Red / Amber / Green / Grey' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Reporting \(board\) dates/ }), { target: { value: '30/06/2023\n31 Dec 2023' } });
    fireEvent.change(screen.getByRole('textbox', { name: /KPI tolerance/ }), { target: { value: '5%' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Protective marking/ }), { target: { value: 'OFFICIAL-SENSITIVE' } });
    fireEvent.click(screen.getByRole('radio', { name: /^By role/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Updates need sign-off/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save plan settings' }));

    expect(await screen.findByText('Plan settings saved. Every page showing this plan uses them now.')).toBeInTheDocument();
    expect(saved).toHaveBeenCalledWith(PLAN, {
      statusScheme: BRAGG_SCHEME,
      reportingDates: ['2023-06-30', '2023-12-31'],
      kpiThresholds: { onTrackTolerance: 0.05 },
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      editPolicy: 'byRole',
      signOffRequired: true
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ etag: '"8"', editPolicy: 'byRole', signOffRequired: true }));
  });

  it('says what is wrong under each field, line by line, and saves nothing', async () => {
    renderSettings(saved);
    fireEvent.change(screen.getByRole('textbox', { name: /Reporting \(board\) dates/ }), { target: { value: '30/06/2023\nnext board\n?July 2023' } });
    fireEvent.change(screen.getByRole('textbox', { name: /KPI tolerance/ }), { target: { value: '150' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan settings' }));

    expect(await screen.findByText('Line 2: "next board" is not a date. Line 3: "?July 2023" is provisional: write the board\'s date.')).toBeInTheDocument();
    expect(await screen.findByText('"150" is not a percentage from 0 to 100.')).toBeInTheDocument();
    expect(screen.getByText('Plan settings were not saved: correct the fields marked above.')).toBeInTheDocument();
    expect(saved).not.toHaveBeenCalled();
  });

  it('says in words when someone else saved first, keeps what was typed, and saves over theirs when asked again', async () => {
    const theirs = { ...PLAN, protectiveMarking: 'OFFICIAL-SENSITIVE', etag: '"9"' };
    const save = jest.fn().mockRejectedValueOnce(new ConflictError(theirs, '412')).mockImplementation(saved);
    renderSettings(save);
    fireEvent.change(screen.getByRole('textbox', { name: /KPI tolerance/ }), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan settings' }));

    expect(await screen.findByText(/Someone else saved these settings first, so yours were not saved; they are still here/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /KPI tolerance/ })).toHaveValue('15');
    fireEvent.click(screen.getByRole('button', { name: 'Save plan settings' }));
    expect(await screen.findByText('Plan settings saved. Every page showing this plan uses them now.')).toBeInTheDocument();
    expect(save).toHaveBeenLastCalledWith(theirs, expect.objectContaining({ kpiThresholds: { onTrackTolerance: 0.15 } }));
  });

  it('says why a save failed in words, never a stack', async () => {
    renderSettings(jest.fn().mockRejectedValue(new PlanDataError('forbidden', 'Access denied. at Microsoft.SharePoint...', 403)));
    fireEvent.click(screen.getByRole('button', { name: 'Save plan settings' }));
    const message = await screen.findByText(/^Plan settings were not saved\./);
    expect(message.textContent).not.toMatch(/Microsoft\.SharePoint/);
    expect(within(screen.getByRole('dialog')).queryByText(/at Microsoft/)).not.toBeInTheDocument();
  });
});
