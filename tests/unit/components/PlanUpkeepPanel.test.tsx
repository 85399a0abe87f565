/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PlanUpkeepPanel } from '../../../src/components/PlanUpkeepPanel';
import { IAction, IOutcome } from '../../../src/model/plan';
import { RAGC_SCHEME } from '../../../src/model/statusSchemes';
import { ConflictError } from '../../../src/services/errors';
import { IPlanSnapshot } from '../../../src/services/IPlanDataService';
import { DuplicateRefError, IPlanUpkeepService } from '../../../src/services/IPlanUpkeepService';
import { anAction } from '../../support/builders';
import { aPlan, aPriority, aSnapshot } from '../../support/fixtures';

const TODAY = '2024-02-29';
const OUTCOMES: IOutcome[] = [
  { id: 31, planId: 1, priorityId: 3, number: '3.1', title: 'Referrers know how to refer' },
  { id: 32, planId: 1, priorityId: 3, number: '3.2', title: 'Families are supported while they wait' },
  { id: 41, planId: 1, priorityId: 4, number: '4.1', title: 'SLCN pathway agreed' }
];

function theSnapshot(): IPlanSnapshot {
  return aSnapshot({
    plan: aPlan({ localArea: 'Shropshire' }),
    priorities: [aPriority(4, '4', 'SLCN Pathways'), aPriority(3, '3', 'ND Pathways')],
    outcomes: OUTCOMES,
    actions: [
      anAction({ id: 1, priorityId: 3, outcomeId: 31, ref: '3.1.1', text: 'Publish referral guidance', etag: '"3"' }),
      anAction({ id: 2, priorityId: 3, outcomeId: 31, ref: '3.1.2', text: 'Train referrers', etag: '"1"', retired: { date: '2024-01-10', reason: 'Merged into 3.1.1' } }),
      anAction({ id: 3, priorityId: 4, ref: '4.0.1', text: 'Directly under the priority', etag: '"1"' })
    ],
    access: { user: { id: 1, displayName: 'Sam Owner', email: 'sam.owner@send.example' }, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: true }
  });
}

function aService(overrides: Partial<IPlanUpkeepService> = {}): jest.Mocked<IPlanUpkeepService> {
  return {
    createPlan: jest.fn(async () => 9),
    addPriority: jest.fn(async (planId, draft) => ({ ...aPriority(5, draft.number, draft.title), planId })),
    renamePriority: jest.fn(async (priority, draft) => ({ ...priority, ...draft })),
    addOutcome: jest.fn(async (priority, draft) => ({ id: 50, planId: 1, priorityId: priority.id, ...draft })),
    renameOutcome: jest.fn(async (outcome, draft) => ({ ...outcome, ...draft })),
    addAction: jest.fn(async (planId, draft) => anAction({ id: 60, planId, priorityId: draft.priorityId, outcomeId: draft.outcomeId, ref: draft.ref, text: draft.text })),
    retireAction: jest.fn(async (action: IAction, retired) => ({ ...action, retired, etag: '"4"' })),
    moveAction: jest.fn(async (action: IAction, outcome: IOutcome) => ({ ...action, outcomeId: outcome.id, priorityId: outcome.priorityId, etag: '"4"' })),
    ...overrides
  } as jest.Mocked<IPlanUpkeepService>;
}

function renderPanel(service = aService()): { service: typeof service; onChanged: jest.Mock; onPlanCreated: jest.Mock } {
  const onChanged = jest.fn();
  const onPlanCreated = jest.fn();
  render(<PlanUpkeepPanel snapshot={theSnapshot()} upkeepService={service} today={TODAY} onChanged={onChanged} onPlanCreated={onPlanCreated} onDismiss={jest.fn()} />);
  return { service, onChanged, onPlanCreated };
}

function form(name: string): HTMLElement {
  return screen.getByRole('form', { name });
}

describe('PlanUpkeepPanel', () => {
  it('lists priorities in number order, their outcomes and actions, a retired action shown as retired with nothing to do', () => {
    renderPanel();
    const tree = screen.getByRole('list', { name: 'Priorities, outcomes and actions' });
    expect(within(tree).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Priority 3: ND Pathways', 'Priority 4: SLCN Pathways']);
    expect(within(tree).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      '3.1 Referrers know how to refer',
      '3.2 Families are supported while they wait',
      '4.1 SLCN pathway agreed',
      'Not under an outcome'
    ]);
    expect(screen.getByText('Retired on 10 January 2024: Merged into 3.1.1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retire action 3.1.2' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retire action 3.1.1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Move action 4.0.1' })).toBeInTheDocument();
  });

  it('adds an action under an outcome: fields named in each problem, a ref the plan uses refused, then saved, announced and focus back on the button', async () => {
    const { service, onChanged } = renderPanel();
    const opener = screen.getByRole('button', { name: 'Add action to outcome 3.1 of priority 3' });
    opener.focus();
    fireEvent.click(opener);
    const adding = form('Add action to outcome 3.1 of priority 3');
    expect(within(adding).getByRole('textbox', { name: 'Ref' })).toHaveFocus();

    fireEvent.click(within(adding).getByRole('button', { name: 'Save' }));
    expect(await within(adding).findByText('Fill in "Ref".')).toBeInTheDocument();
    expect(await within(adding).findByText('Fill in "Action".')).toBeInTheDocument();

    // A retired action's ref stays taken.
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Ref' }), { target: { value: '3.1.2' } });
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Action' }), { target: { value: 'Audit referrals' } });
    fireEvent.click(within(adding).getByRole('button', { name: 'Save' }));
    expect(await within(adding).findByText('Ref 3.1.2 is already used in this plan (retired actions too).')).toBeInTheDocument();
    expect(service.addAction).not.toHaveBeenCalled();

    fireEvent.change(within(adding).getByRole('textbox', { name: 'Ref' }), { target: { value: '3.1.3' } });
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Due, as written (Sep-24, TBC)' }), { target: { value: 'Sep-24' } });
    fireEvent.click(within(adding).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Done: Add action to outcome 3.1 of priority 3.')).toBeInTheDocument();
    expect(service.addAction).toHaveBeenCalledWith(1, { ref: '3.1.3', text: 'Audit referrals', due: 'Sep-24', priorityId: 3, outcomeId: 31 });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Audit referrals')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add action to outcome 3.1 of priority 3' })).toHaveFocus();
  });

  it('shows a ref someone else took meanwhile on the ref field, what was typed kept', async () => {
    renderPanel(aService({ addAction: jest.fn(async () => Promise.reject(new DuplicateRefError('3.2.9'))) }));
    fireEvent.click(screen.getByRole('button', { name: 'Add action to outcome 3.2 of priority 3' }));
    const adding = form('Add action to outcome 3.2 of priority 3');
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Ref' }), { target: { value: '3.2.9' } });
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Action' }), { target: { value: 'Family support line' } });
    fireEvent.click(within(adding).getByRole('button', { name: 'Save' }));
    expect(await within(adding).findByText('Ref 3.2.9 is already used in this plan (retired actions too).')).toBeInTheDocument();
    expect(within(adding).getByRole('textbox', { name: 'Ref' })).toHaveFocus();
    expect(within(adding).getByRole('textbox', { name: 'Action' })).toHaveValue('Family support line');
  });

  it('retires an action with its reason on the page’s today, then shows it retired and announces it', async () => {
    const { service, onChanged } = renderPanel();
    const opener = screen.getByRole('button', { name: 'Retire action 3.1.1' });
    opener.focus();
    fireEvent.click(opener);
    const retiring = form('Retire action 3.1.1');
    expect(within(retiring).getByText(/stays with its log, shown as retired/)).toBeInTheDocument();
    fireEvent.click(within(retiring).getByRole('button', { name: 'Save' }));
    expect(await within(retiring).findByText('Fill in "Why it is retired".')).toBeInTheDocument();
    fireEvent.change(within(retiring).getByRole('textbox', { name: 'Why it is retired' }), { target: { value: 'Done by the ICB instead' } });
    fireEvent.click(within(retiring).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Retired on 29 February 2024: Done by the ICB instead')).toBeInTheDocument();
    expect(service.retireAction).toHaveBeenCalledWith(expect.objectContaining({ id: 1, etag: '"3"' }), { date: TODAY, reason: 'Done by the ICB instead' });
    expect(onChanged).toHaveBeenCalled();
    // Its Retire button went with the change: focus goes to what was announced.
    expect(screen.getByRole('status')).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Done: Retire action 3.1.1.');
  });

  it('says in words that someone else changed the action first, keeps the form, and reloads the plan', async () => {
    const theirs = anAction({ id: 1, priorityId: 3, outcomeId: 31, ref: '3.1.1', text: 'Publish referral guidance', etag: '"5"' });
    const { onChanged } = renderPanel(aService({ retireAction: jest.fn(async () => Promise.reject(new ConflictError(theirs, '412'))) }));
    fireEvent.click(screen.getByRole('button', { name: 'Retire action 3.1.1' }));
    const retiring = form('Retire action 3.1.1');
    fireEvent.change(within(retiring).getByRole('textbox', { name: 'Why it is retired' }), { target: { value: 'Duplicate' } });
    fireEvent.click(within(retiring).getByRole('button', { name: 'Save' }));

    expect(await within(retiring).findByText('Someone else changed it first, so "Retire action 3.1.1" was not saved. The plan was read again: check and retry.')).toBeInTheDocument();
    expect(within(retiring).getByRole('textbox', { name: 'Why it is retired' })).toHaveValue('Duplicate');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('moves an action to an outcome of another priority, chosen from the outcomes grouped by priority', async () => {
    const { service } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Move action 3.1.1' }));
    const moving = form('Move action 3.1.1');
    fireEvent.click(within(moving).getByRole('combobox', { name: 'Move to outcome' }));
    expect(screen.queryByRole('option', { name: '3.1 Referrers know how to refer' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('option', { name: '4.1 SLCN pathway agreed' }));
    fireEvent.click(within(moving).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Done: Move action 3.1.1.')).toBeInTheDocument();
    expect(service.moveAction).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), OUTCOMES[2]);
  });

  it('renames a priority, refusing a number another priority has', async () => {
    const { service } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Rename priority 3' }));
    const renaming = form('Rename priority 3');
    expect(within(renaming).getByRole('textbox', { name: 'Title' })).toHaveValue('ND Pathways');
    fireEvent.change(within(renaming).getByRole('textbox', { name: 'Number' }), { target: { value: '4' } });
    fireEvent.click(within(renaming).getByRole('button', { name: 'Save' }));
    expect(await within(renaming).findByText('Number 4 is already used here.')).toBeInTheDocument();
    expect(within(renaming).getByRole('textbox', { name: 'Number' })).toHaveFocus();

    fireEvent.change(within(renaming).getByRole('textbox', { name: 'Number' }), { target: { value: '3' } });
    fireEvent.change(within(renaming).getByRole('textbox', { name: 'Title' }), { target: { value: 'Neurodevelopmental pathways' } });
    fireEvent.click(within(renaming).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'Priority 3: Neurodevelopmental pathways' })).toBeInTheDocument();
    expect(service.renamePriority).toHaveBeenCalledWith(expect.objectContaining({ id: 3, title: 'ND Pathways' }), { number: '3', title: 'Neurodevelopmental pathways' });
  });

  it('adds a priority and an outcome, each numbered next', async () => {
    const { service } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Add priority' }));
    const adding = form('Add priority');
    expect(within(adding).getByRole('textbox', { name: 'Number' })).toHaveValue('3');
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Number' }), { target: { value: '5' } });
    fireEvent.change(within(adding).getByRole('textbox', { name: 'Title' }), { target: { value: 'Preparing for adulthood' } });
    fireEvent.click(within(adding).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'Priority 5: Preparing for adulthood' })).toBeInTheDocument();
    expect(service.addPriority).toHaveBeenCalledWith(1, { number: '5', title: 'Preparing for adulthood' });

    fireEvent.click(screen.getByRole('button', { name: 'Add outcome to priority 5' }));
    const outcome = form('Add outcome to priority 5');
    expect(within(outcome).getByRole('textbox', { name: 'Number' })).toHaveValue('5.1');
    fireEvent.change(within(outcome).getByRole('textbox', { name: 'Title' }), { target: { value: 'Transition plans from 14' } });
    fireEvent.click(within(outcome).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: '5.1 Transition plans from 14' })).toBeInTheDocument();
  });

  it('creates a new empty plan with its name and local area, and hands its id to the page', async () => {
    const { service, onPlanCreated } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'New plan' }));
    const creating = form('New plan');
    expect(within(creating).getByRole('textbox', { name: 'Local area' })).toHaveValue('Shropshire');
    fireEvent.click(within(creating).getByRole('button', { name: 'Save' }));
    expect(await within(creating).findByText('Fill in "Plan name".')).toBeInTheDocument();
    fireEvent.change(within(creating).getByRole('textbox', { name: 'Plan name' }), { target: { value: ' Shropshire SEND Strategy 2025 ' } });
    await act(async () => {
      fireEvent.click(within(creating).getByRole('button', { name: 'Save' }));
    });
    await waitFor(() => expect(onPlanCreated).toHaveBeenCalledWith(9));
    expect(service.createPlan).toHaveBeenCalledWith({ name: 'Shropshire SEND Strategy 2025', localArea: 'Shropshire', scheme: RAGC_SCHEME, reportingDates: [] });
    expect(screen.getByRole('status')).toHaveTextContent('Plan Shropshire SEND Strategy 2025 created: the page shows it now.');
  });
});
