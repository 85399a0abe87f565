/**
 * The property pane's settings controller, with fake services: what the pane shows while it
 * is open, what it writes to the web part's saved settings, and what a page author reads
 * when a read or the list set-up fails.
 */
import { IPriorityArea } from '../../../src/model/plan';
import { IProvisioningReport } from '../../../src/services/IProvisioningService';
import { IPlanSummary } from '../../../src/services/IPlanDataService';
import { IPropertyPaneHost, PropertyPaneController } from '../../../src/webparts/improvementPlan/propertyPane/PropertyPaneController';
import { field } from '../../support/propertyPane';

jest.mock('@microsoft/sp-property-pane', () => jest.requireActual('../../support/propertyPane').recordingPropertyPane);

const PLANS: IPlanSummary[] = [
  { id: 1, title: 'Shropshire APP 2023' },
  { id: 2, title: 'Telford WSoA 2024' }
];

function priority(id: number, planId: number, title: string): IPriorityArea {
  return { id, planId, number: String(id), title, inspectionFinding: '', vision: '', leadRoles: [], membership: [] };
}

const PRIORITIES: Record<number, IPriorityArea[]> = {
  1: [priority(3, 1, 'ND Pathways'), priority(5, 1, 'Quality of EHC plans')],
  2: [priority(7, 2, 'Preparing for adulthood')]
};

const NOTHING_TO_DO: IProvisioningReport = { createdLists: [], addedColumns: [], updatedColumns: [], addedViews: [], problems: [] };

/** The saved settings (as SPFx keeps them) and a host over fake services that answer at once. */
function setUp(saved: { planId?: number; pinnedPriorityId?: number } = { planId: 1, pinnedPriorityId: 3 }): {
  saved: { planId?: number; pinnedPriorityId?: number };
  host: IPropertyPaneHost & { [K in 'refreshPane' | 'render']: jest.Mock };
  listPlans: jest.Mock;
  listPriorities: jest.Mock;
  ensureLists: jest.Mock;
  controller: PropertyPaneController;
} {
  const listPlans = jest.fn(async () => PLANS);
  const listPriorities = jest.fn(async (planId: number) => PRIORITIES[planId] ?? []);
  const ensureLists = jest.fn(async () => NOTHING_TO_DO);
  const host = {
    dataService: { listPlans, listPriorities },
    provisioning: { ensureLists },
    chosenPlanId: () => saved.planId,
    unpinPriority: () => {
      saved.pinnedPriorityId = undefined;
    },
    refreshPane: jest.fn(),
    render: jest.fn()
  };
  return { saved, host, listPlans, listPriorities, ensureLists, controller: new PropertyPaneController(host) };
}

/** The pane as a page author sees it: the plan field's options (or its message), the pins offered, the set-up label. */
function shown(controller: PropertyPaneController): { plan: string[] | string | undefined; pins: string[]; setUp: string | undefined } {
  const pane = controller.configuration();
  const planField = field(pane, 'planId');
  let setUp: string | undefined;
  try {
    setUp = field(pane, 'setUpLists', 'Label').properties.text;
  } catch {
    setUp = undefined;
  }
  return {
    plan: planField.type === 'Dropdown' ? planField.properties.options?.map((option) => option.text) : planField.properties.text,
    pins: (field(pane, 'pinnedPriorityId').properties.options ?? []).map((option) => option.text),
    setUp
  };
}

describe('the property pane controller', () => {
  it('reads the site\'s plans and the chosen plan\'s priorities when the pane opens, redrawing the pane', async () => {
    const { controller, host, listPriorities } = setUp();
    expect(shown(controller).plan).toBe('Loading plans…');

    controller.open();
    await controller.settled;

    expect(shown(controller)).toEqual({ plan: ['Shropshire APP 2023', 'Telford WSoA 2024'], pins: ['All priority areas', '3. ND Pathways', '5. Quality of EHC plans'], setUp: undefined });
    expect(listPriorities).toHaveBeenCalledWith(1);
    expect(host.refreshPane).toHaveBeenCalled();
  });

  it('offers no priority to pin before a plan is chosen, and asks for none', async () => {
    const { controller, listPriorities } = setUp({});
    controller.open();
    await controller.settled;
    expect(shown(controller).pins).toEqual(['All priority areas']);
    expect(listPriorities).not.toHaveBeenCalled();
  });

  it('says why the plans could not be read, in a sentence without a stack trace', async () => {
    const { controller, listPlans } = setUp();
    const failure = new Error('Access denied.');
    failure.stack = 'Error: Access denied.\n    at SharePointPlanDataService.listPlans (SharePointPlanDataService.ts:120:11)';
    listPlans.mockRejectedValueOnce(failure);

    controller.open();
    await controller.settled;

    expect(shown(controller).plan).toBe('The plans could not be loaded: Access denied.');
    expect(JSON.stringify(controller.state)).not.toMatch(/\bat .*\.ts:\d+/);
    // The priorities still come: the page can be pinned while the plan list is unreadable.
    expect(shown(controller).pins).toHaveLength(3);
  });

  it('reads the plans afresh each time the pane opens: a failure does not stick', async () => {
    const { controller, listPlans } = setUp();
    listPlans.mockRejectedValueOnce(new Error('Network error'));
    controller.open();
    await controller.settled;
    controller.open();
    expect(shown(controller).plan).toBe('Loading plans…');
    await controller.settled;
    expect(shown(controller).plan).toEqual(['Shropshire APP 2023', 'Telford WSoA 2024']);
  });

  it('offers "all" only when the chosen plan\'s priorities cannot be read', async () => {
    const { controller, listPriorities } = setUp();
    listPriorities.mockRejectedValueOnce(new Error('Throttled'));
    controller.open();
    await controller.settled;
    expect(shown(controller).pins).toEqual(['All priority areas']);
  });

  it('unpins the page and offers the new plan\'s priorities when another plan is chosen', async () => {
    const { controller, saved } = setUp();
    controller.open();
    await controller.settled;

    saved.planId = 2; // SPFx writes the field's value before telling the web part
    controller.fieldChanged('planId', 1, 2);
    expect(saved.pinnedPriorityId).toBeUndefined();
    expect(shown(controller).pins).toEqual(['All priority areas']);
    await controller.settled;
    expect(shown(controller).pins).toEqual(['All priority areas', '7. Preparing for adulthood']);
  });

  it('keeps the pin when another field changes, or the plan field is set to the same plan', async () => {
    const { controller, saved, listPriorities } = setUp();
    controller.fieldChanged('defaultView', 'summary', 'kpis');
    controller.fieldChanged('planId', 1, 1);
    await controller.settled;
    expect(saved.pinnedPriorityId).toBe(3);
    expect(listPriorities).not.toHaveBeenCalled();
  });

  it('shows the plan chosen last when an earlier choice\'s priorities arrive after it', async () => {
    const { controller, saved, listPriorities } = setUp();
    let answerFirst: (priorities: IPriorityArea[]) => void = () => undefined;
    listPriorities.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    saved.planId = 1;
    controller.fieldChanged('planId', undefined, 1);
    saved.planId = 2;
    controller.fieldChanged('planId', 1, 2);
    answerFirst(PRIORITIES[1]);
    await controller.settled;
    expect(shown(controller).pins).toEqual(['All priority areas', '7. Preparing for adulthood']);
  });

  it('sets up the lists from the pane\'s button, disabling it while it runs, then says what was done and redraws the web part', async () => {
    const { controller, host, ensureLists } = setUp();
    ensureLists.mockResolvedValueOnce({ ...NOTHING_TO_DO, createdLists: ['Priorities', 'Actions'], addedViews: ['Actions: Overdue'] });

    field(controller.configuration(), 'setUpLists', 'Button').properties.onClick?.();
    expect(field(controller.configuration(), 'setUpLists', 'Button').properties.disabled).toBe(true);
    // A second press while it runs starts nothing.
    controller.setUpLists();
    await controller.settled;

    expect(ensureLists).toHaveBeenCalledTimes(1);
    expect(shown(controller).setUp).toBe('The plan lists are ready: 2 lists created, 0 columns added, 0 columns updated, 1 views added.');
    expect(field(controller.configuration(), 'setUpLists', 'Button').properties.disabled).toBe(false);
    expect(host.render).toHaveBeenCalledTimes(1);
  });

  it('says why the lists were not set up, in a sentence without a stack trace, and lets the owner try again', async () => {
    const { controller, ensureLists } = setUp();
    const failure = new Error('You need to be a site owner to create lists.');
    failure.stack = 'Error: You need to be a site owner\n    at SharePointProvisioningService.ensureLists (SharePointProvisioningService.ts:80:13)';
    ensureLists.mockRejectedValueOnce(failure);

    controller.setUpLists();
    await controller.settled;

    expect(shown(controller).setUp).toBe('The lists were not set up. You need to be a site owner to create lists.');
    expect(shown(controller).setUp).not.toMatch(/\bat .*\.ts:\d+/);
    controller.setUpLists();
    await controller.settled;
    expect(shown(controller).setUp).toBe('The plan lists were already set up. Nothing was changed.');
  });

  it('keeps what the pane shows out of the saved settings: only the plan and the pin are written', async () => {
    const { controller, saved, ensureLists } = setUp();
    ensureLists.mockRejectedValueOnce(new Error('Forbidden'));
    controller.open();
    controller.setUpLists();
    controller.fieldChanged('planId', 1, 1);
    await controller.settled;
    expect(saved).toEqual({ planId: 1, pinnedPriorityId: 3 });
  });
});
