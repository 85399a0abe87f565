import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { errorMessage } from '../../../components/format';
import { describeProvisioning, describeProvisioningFailure } from '../../../components/provisioningText';
import { IPriorityArea } from '../../../model/plan';
import { IPlanDataService } from '../../../services/IPlanDataService';
import { IProvisioningService } from '../../../services/IProvisioningService';
import { IPropertyPaneState, PlanChoices, buildPropertyPane } from './buildPropertyPane';

/** What the controller needs of the web part. */
export interface IPropertyPaneHost {
  dataService: Pick<IPlanDataService, 'listPlans' | 'listPriorities'>;
  provisioning: Pick<IProvisioningService, 'ensureLists'>;
  /** The plan chosen in the web part's saved settings, read when needed (SPFx may replace the properties object). */
  chosenPlanId(): number | undefined;
  /** Unpins the page from a priority area, in the saved settings. */
  unpinPriority(): void;
  /** Redraws the open pane. */
  refreshPane(): void;
  /** Redraws the web part: once the lists are set up, it can read them. */
  render(): void;
}

/**
 * The property pane's state and handlers. What the pane shows while open (the site's
 * plans, the chosen plan's priority areas, how list set-up went) is kept here and never
 * in the web part's properties: only the choices SPFx writes from the pane's fields
 * (plan, opening view, pinned priority) are saved with the page.
 */
export class PropertyPaneController {
  private pane: IPropertyPaneState = { plans: { kind: 'loading' }, priorities: [], listSetup: { kind: 'idle' } };

  /**
   * Settles when the reads and set-up started so far are done. Their failures are shown in
   * the pane, so it does not reject for them; the handlers themselves return at once, as
   * SPFx's pane events expect.
   */
  public settled: Promise<void> = Promise.resolve();

  public constructor(private readonly host: IPropertyPaneHost) {}

  /** What the pane shows now. */
  public get state(): IPropertyPaneState {
    return this.pane;
  }

  /** The pane's fields, built from its state. */
  public configuration(): IPropertyPaneConfiguration {
    return buildPropertyPane(this.pane, { onSetUpLists: () => this.setUpLists() });
  }

  /** The pane opened: reads the site's plans and the chosen plan's priority areas. */
  public open(): void {
    this.update({ plans: { kind: 'loading' } });
    this.track(this.readPlans(), this.readPriorities());
  }

  /** A field changed: a different plan unpins the page (its priorities are another plan's) and reads the new plan's. */
  public fieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    if (propertyPath !== 'planId' || oldValue === newValue) return;
    this.host.unpinPriority();
    this.track(this.readPriorities());
  }

  /** Sets up (or brings up to date) the plan lists, then says what was done, or why not. */
  public setUpLists(): void {
    if (this.pane.listSetup.kind === 'running') return;
    this.update({ listSetup: { kind: 'running' } });
    this.track(this.runListSetup());
  }

  private async runListSetup(): Promise<void> {
    let message: string;
    try {
      message = describeProvisioning(await this.host.provisioning.ensureLists());
    } catch (error) {
      message = describeProvisioningFailure(error);
    }
    this.update({ listSetup: { kind: 'finished', message } });
    this.host.render();
  }

  private async readPlans(): Promise<void> {
    let plans: PlanChoices;
    try {
      plans = { kind: 'loaded', plans: await this.host.dataService.listPlans() };
    } catch (error) {
      plans = { kind: 'failed', message: errorMessage(error) };
    }
    this.update({ plans });
  }

  private async readPriorities(): Promise<void> {
    const planId = this.host.chosenPlanId();
    this.update({ priorities: [] });
    if (planId === undefined) return;
    let priorities: IPriorityArea[];
    try {
      priorities = await this.host.dataService.listPriorities(planId);
    } catch {
      // The pin then offers "all priority areas" only; the plan itself still shows its error.
      return;
    }
    // A plan chosen since asked for its own: this late answer is another plan's.
    if (this.host.chosenPlanId() === planId) this.update({ priorities });
  }

  private track(...work: Array<Promise<void>>): void {
    this.settled = Promise.all([this.settled, ...work]).then(() => undefined);
  }

  private update(change: Partial<IPropertyPaneState>): void {
    this.pane = { ...this.pane, ...change };
    this.host.refreshPane();
  }
}
