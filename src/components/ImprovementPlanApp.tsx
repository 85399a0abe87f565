import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Pivot, PivotItem, PrimaryButton, Spinner, SpinnerSize, Stack, ThemeProvider, PartialTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { planAsAt, previousBoardDate } from '../model/asAt';
import { packStatuses } from '../model/boardPack';
import { changesBetween } from '../model/rollups';
import { IActionFilter } from '../model/actionFilter';
import { IKpi } from '../model/kpi';
import { IAction, withTexts } from '../model/plan';
import { IBoardPackService } from '../services/IBoardPackService';
import { IPlanDataService, IPlanSnapshot, ISavedUpdate, VIEW_LOAD } from '../services/IPlanDataService';
import { IPlanImportService } from '../services/IPlanImportService';
import { IPlanNavigation, PlanNavigationProvider, PlanViewKey, VIEW_LABELS, actionIdInUrl } from './navigation';
import { PlanHeader } from './PlanHeader';
import { PrioritySummary } from './PrioritySummary';
import { ChangeLead } from './ChangeLead';
import { savingLoadedItems } from './loadedItems';
import { SetUpLists } from './SetUpLists';
import { PlanDataError } from '../services/errors';
import { IProvisioningService } from '../services/IProvisioningService';
import { errorMessage } from './format';
import { planWarningText } from './warningText';
import { useFrozenPack } from './useFrozenPack';
import { IUpdateRequestService } from '../services/IUpdateRequestService';
import { IMailSender } from '../services/IMailSender';
import { IPeopleService } from '../services/IPeopleService';
import { IPlanUpkeepHost, IPlanUpkeepService } from '../services/IPlanUpkeepService';
import { isPlanOfficer } from '../model/permissions';
import { IPlan, IRole } from '../model/plan';
import { signOffQueue } from '../model/signOff';
import { IRoleService } from '../services/IRoleService';
import { IEvidenceService } from '../services/IEvidenceService';
import { formatString } from './format';
import { ICachedPlanLoader } from '../services/ICachedPlanLoader';
import { DataFreshness, Freshness } from './DataFreshness';
import { NarrowProvider, useNarrowElement } from './narrow';
import { useFocusRing } from './themes';

/** The workstreams list (Fluent's grouped, virtualised list) is the heaviest view: fetched when its tab or a figure first opens it. */
/** What the summary shows below the priority table (KPI tiles, exceptions, changes since the board, the trend): fetched while the table is drawn. */
const KpiTiles = React.lazy(() => import(/* webpackChunkName: 'summary-extras' */ './KpiTiles').then((module) => ({ default: module.KpiTiles })));
const Exceptions = React.lazy(() => import(/* webpackChunkName: 'summary-extras' */ './Exceptions').then((module) => ({ default: module.Exceptions })));
const ChangesSinceBoard = React.lazy(() => import(/* webpackChunkName: 'summary-extras' */ './ChangesSinceBoard').then((module) => ({ default: module.ChangesSinceBoard })));
const StatusTrend = React.lazy(() => import(/* webpackChunkName: 'summary-extras' */ './StatusTrend').then((module) => ({ default: module.StatusTrend })));
const WorkstreamsView = React.lazy(() => import(/* webpackChunkName: 'workstreams' */ './WorkstreamsView').then((module) => ({ default: module.WorkstreamsView })));
/** Creating the first plan of a page happens once: fetched only on a page with no plan. */
const FirstPlan = React.lazy(() => import(/* webpackChunkName: 'first-plan' */ './FirstPlan').then((module) => ({ default: module.FirstPlan })));
/** An action's panel (its log, update and edit forms) opens from any list: fetched when first opened. */
const ActionDetail = React.lazy(() => import(/* webpackChunkName: 'action-detail' */ './ActionDetail').then((module) => ({ default: module.ActionDetail })));
/** The scorecard and My actions are tabs of their own: each fetched when its tab first opens. */
const Scorecard = React.lazy(() => import(/* webpackChunkName: 'scorecard' */ './Scorecard').then((module) => ({ default: module.Scorecard })));
const MyActions = React.lazy(() => import(/* webpackChunkName: 'my-actions' */ './MyActions').then((module) => ({ default: module.MyActions })));
/** The board report (with its date picker) is opened before a board: fetched when first opened, not with every page. */
const HighlightReport = React.lazy(() => import(/* webpackChunkName: 'highlight-report' */ './HighlightReport').then((module) => ({ default: module.HighlightReport })));
/** A KPI's panel (its series, checkpoints and recording) opens from a tile or the scorecard: fetched when first opened. */
const KpiDetail = React.lazy(() => import(/* webpackChunkName: 'kpi-detail' */ './KpiDetail').then((module) => ({ default: module.KpiDetail })));
/** The import screen and its engine are for plan officers: fetched when first opened, not with every page. */
const ImportPanel = React.lazy(() => import(/* webpackChunkName: 'import-panel' */ './ImportPanel').then((module) => ({ default: module.ImportPanel })));
/** Plan upkeep and the plan's settings are a plan officer's: each fetched when first opened. */
const PlanUpkeepPanel = React.lazy(() => import(/* webpackChunkName: 'plan-upkeep' */ './PlanUpkeepPanel').then((module) => ({ default: module.PlanUpkeepPanel })));
const PlanSettingsPanel = React.lazy(() => import(/* webpackChunkName: 'plan-settings' */ './PlanSettingsPanel').then((module) => ({ default: module.PlanSettingsPanel })));
/** The roles glossary is kept by plan officers: fetched when first opened. */
const RolesGlossary = React.lazy(() => import(/* webpackChunkName: 'roles-glossary' */ './RolesGlossary').then((module) => ({ default: module.RolesGlossary })));
/** A lead's queue of updates awaiting their sign-off: fetched when first opened. */
const SignOffQueue = React.lazy(() => import(/* webpackChunkName: 'sign-off-queue' */ './SignOffQueue').then((module) => ({ default: module.SignOffQueue })));
/** Requests for updates are for plan officers before a board: fetched when first opened. */
const UpdateRequests = React.lazy(() => import(/* webpackChunkName: 'update-requests' */ './UpdateRequests').then((module) => ({ default: module.UpdateRequests })));

export interface IImprovementPlanAppProps extends IPlanUpkeepHost {
  /** Data access; the same interface in SharePoint, Teams and the local host page. */
  dataService: IPlanDataService;
  /** The plan's frozen board packs. */
  packService: IBoardPackService;
  /** The plan this page shows; undefined until a page author chooses one. */
  planId: number | undefined;
  /** Today's date, from the host, so every view agrees on what is overdue. */
  today: IsoDate;
  /** The section's theme (SharePoint theme variant or Teams theme). */
  theme: PartialTheme;
  /** Days ahead counted as "due soon". */
  dueSoonDays?: number;
  /** Offered to a site owner when the plan lists do not exist yet. */
  provisioning?: IProvisioningService;
  /** The view the page opens on. */
  defaultView?: PlanViewKey;
  /** Shows one priority area only, so each workstream can have its own page. */
  pinnedPriorityId?: number;
  /** Offered to a site owner (who may manage the lists) to import the plan from a spreadsheet. */
  importService?: IPlanImportService;
  /** The record of requests for updates; with `mailSender`, offered to a plan officer. */
  requestService?: IUpdateRequestService;
  /** Sends requests for updates from the signed-in person's mailbox. */
  mailSender?: IMailSender;
  /** Finds people when an editor changes who is responsible for an action. */
  peopleService?: IPeopleService;
  /** The page's address, for links that open an action (`?action=id`); the browser's address when not given. */
  pageUrl?: string;
  /** Keeps the plan's roles glossary; offered to plan officers. */
  roleService?: IRoleService;
  /** Stores files attached to an update; without it an update takes links only. */
  evidenceService?: IEvidenceService;
  /**
   * Shows the plan kept on this device at once, then only what changed since; without it
   * every visit reads the whole plan (`dataService.loadPlan`).
   */
  planLoader?: ICachedPlanLoader;
}

/** What a plan officer needs to ask for updates. */
interface IRequesting {
  requestService: IUpdateRequestService;
  mailSender: IMailSender;
  pageUrl: string;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; snapshot: IPlanSnapshot; freshness?: Freshness }
  | { kind: 'failed'; message: string; notSetUp: boolean };

/** Resolves once the browser has painted what was just rendered (the frame after the next). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The web part's React root: loads the chosen plan and shows its summary. */
export function ImprovementPlanApp({ dataService, packService, planId, today, theme, dueSoonDays = 30, provisioning, defaultView = 'summary', pinnedPriorityId, importService, requestService, mailSender, peopleService, pageUrl, upkeepService, onPlanCreated, roleService, evidenceService, planLoader }: IImprovementPlanAppProps): JSX.Element {
  const [state, setState] = React.useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  // Saves made on screen while a refresh is under way, applied again to what it brings so none is lost from view.
  const savedDuringRefresh = React.useRef<Array<(snapshot: IPlanSnapshot) => IPlanSnapshot>>([]);
  const change = React.useCallback((update: (snapshot: IPlanSnapshot) => IPlanSnapshot): void => {
    savedDuringRefresh.current.push(update);
    setState((current) => (current.kind === 'loaded' ? { ...current, snapshot: update(current.snapshot) } : current));
  }, []);
  // Narrowed once per change, not on every render, so the views' memoised figures hold.
  const visible = React.useMemo(() => (state.kind === 'loaded' ? pinned(state.snapshot, pinnedPriorityId) : undefined), [state, pinnedPriorityId]);

  React.useEffect(() => {
    if (planId === undefined) {
      return undefined;
    }
    let current = true;
    const failed = (error: unknown): void => {
      if (current) setState({ kind: 'failed', message: errorMessage(error), notSetUp: error instanceof PlanDataError && error.kind === 'notSetUp' });
    };
    setState((shown) => (shown.kind === 'loaded' && shown.freshness?.kind === 'failed' ? { ...shown, freshness: { kind: 'checking', savedAt: shown.freshness.savedAt } } : { kind: 'loading' }));
    if (!planLoader) {
      dataService.loadPlan(planId, VIEW_LOAD).then((snapshot) => current && setState({ kind: 'loaded', snapshot }), failed);
    } else {
      // The copy kept on this device first, at once; then what changed since, with the saves made meanwhile applied again.
      planLoader.cached(planId).then((cached) => {
        if (!current) return;
        // Checking again after a failure keeps what is on screen (with its saves); a first look shows the kept copy.
        if (cached) setState((shown) => (shown.kind === 'loaded' ? shown : { kind: 'loaded', snapshot: cached.snapshot, freshness: { kind: 'checking', savedAt: cached.refreshedAt } }));
        savedDuringRefresh.current = [];
        // The kept copy is drawn before SharePoint is asked what changed: the person sees the plan first, the network second.
        (cached ? afterPaint() : Promise.resolve())
          .then(() => planLoader.refresh(planId, cached))
          .then(
          (fresh) => {
            if (!current) return;
            const snapshot = savedDuringRefresh.current.reduce((applied, update) => update(applied), fresh.snapshot);
            savedDuringRefresh.current = [];
            setState({ kind: 'loaded', snapshot, freshness: { kind: 'current', at: fresh.refreshedAt } });
          },
          (error: unknown) => {
            if (!cached) return failed(error);
            if (current) setState((shown) => (shown.kind === 'loaded' ? { ...shown, freshness: { kind: 'failed', savedAt: cached.refreshedAt, message: errorMessage(error) } } : shown));
          }
        );
      }, failed);
    }
    return () => {
      current = false;
    };
  }, [dataService, planLoader, planId, attempt]);

  // After an upkeep change the plan is read again without leaving the view, so the panel stays open.
  const reloadQuietly = React.useCallback((): void => {
    if (planId === undefined) return;
    dataService.loadPlan(planId, VIEW_LOAD).then(
      (snapshot) => setState((current) => ({ kind: 'loaded', snapshot, freshness: current.kind === 'loaded' && current.freshness ? { kind: 'current', at: new Date().toISOString() } : undefined })),
      () => setAttempt((n) => n + 1)
    );
  }, [dataService, planId]);

  return (
    <ThemeProvider theme={theme}>
      <WebPartRoot>
      <Stack as="section" aria-label={strings.AppTitle} tokens={{ childrenGap: 12, padding: 8 }}>
        {planId === undefined ? (
          <>
            <MessageBar messageBarType={MessageBarType.info}>{strings.NoPlanChosen}</MessageBar>
            {provisioning && upkeepService && onPlanCreated && (
              <React.Suspense fallback={null}>
                <FirstPlan provisioning={provisioning} upkeepService={upkeepService} onPlanCreated={onPlanCreated} />
              </React.Suspense>
            )}
          </>
        ) : state.kind === 'loading' ? (
          <Spinner size={SpinnerSize.large} label={strings.Loading} />
        ) : state.kind === 'failed' && state.notSetUp && provisioning ? (
          <SetUpLists provisioning={provisioning} onDone={() => setAttempt((n) => n + 1)} />
        ) : state.kind === 'failed' ? (
          <MessageBar
            messageBarType={MessageBarType.error}
            actions={<PrimaryButton onClick={() => setAttempt((n) => n + 1)}>{strings.TryAgain}</PrimaryButton>}
          >
            {strings.LoadFailed} {state.message}
          </MessageBar>
        ) : (
          <>
          {state.freshness && <DataFreshness freshness={state.freshness} onRetry={() => setAttempt((n) => n + 1)} />}
          <PlanView
            snapshot={visible as IPlanSnapshot}
            today={today}
            dueSoonDays={dueSoonDays}
            dataService={dataService}
            packService={packService}
            peopleService={peopleService}
            defaultView={defaultView}
            onSaved={(saved) => change((snapshot) => withAction(snapshot, saved.action))}
            onEdited={(action) => change((snapshot) => withAction(snapshot, action))}
            importService={state.snapshot.access.canManageLists ? importService : undefined}
            requesting={state.snapshot.access.canManageLists && requestService && mailSender ? { requestService, mailSender, pageUrl: pageUrl ?? window.location.href } : undefined}
            onImported={() => setAttempt((n) => n + 1)}
            onKpiChanged={(kpi) => change((snapshot) => withKpi(snapshot, kpi))}
            upkeep={isPlanOfficer(state.snapshot.access) && upkeepService ? { upkeepService, onChanged: reloadQuietly, onPlanCreated: onPlanCreated ?? (() => undefined) } : undefined}
            onPlanSettingsSaved={(plan) => change((snapshot) => ({ ...snapshot, plan }))}
            roleService={isPlanOfficer(state.snapshot.access) ? roleService : undefined}
            onRolesChanged={(roles) => change((snapshot) => ({ ...snapshot, roles }))}
            evidenceService={evidenceService}
          />
          </>
        )}
      </Stack>
      </WebPartRoot>
    </ThemeProvider>
  );
}

/** The web part's own box: the focus ring, and whether the views lay out narrow, by the box's width (not the screen's). */
function WebPartRoot({ children }: { children: React.ReactNode }): JSX.Element {
  const [narrow, root] = useNarrowElement();
  return (
    <div ref={root} className={useFocusRing()}>
      <NarrowProvider value={narrow}>{children}</NarrowProvider>
    </div>
  );
}

/**
 * Tabbing into the tabs lands on the selected one, not on the one last focused: a figure
 * may have changed the view since. A click is left to choose its own tab.
 */
function useFocusOnSelectedTab(): Pick<React.HTMLAttributes<HTMLElement>, 'onFocus' | 'onMouseDown'> {
  const clicking = React.useRef(false);
  return {
    onMouseDown: () => {
      clicking.current = true;
    },
    onFocus: (event) => {
      const tablist = (event.target as HTMLElement).closest('[role="tablist"]');
      const wasClick = clicking.current;
      clicking.current = false;
      if (!tablist || wasClick || tablist.contains(event.relatedTarget as Node | null)) return;
      const selected = tablist.querySelector<HTMLElement>('[aria-selected="true"]');
      if (selected && selected !== event.target) selected.focus();
    }
  };
}

/** The selected tab takes the tab stop when the tabs first show (the page may open on any view). */
const SELECTED_TAB_FIRST = { defaultTabbableElement: (root: HTMLElement) => root.querySelector<HTMLElement>('[aria-selected="true"]') as HTMLElement };

/** The snapshot with one action replaced by its saved version. */
function withAction(snapshot: IPlanSnapshot, saved: IAction): IPlanSnapshot {
  return { ...snapshot, actions: snapshot.actions.map((action) => (action.id === saved.id ? saved : action)) };
}

/** The snapshot with one KPI replaced by its saved version. */
function withKpi(snapshot: IPlanSnapshot, saved: IKpi): IPlanSnapshot {
  return { ...snapshot, kpis: snapshot.kpis.map((kpi) => (kpi.id === saved.id ? saved : kpi)) };
}

/** The snapshot narrowed to one priority area, when the page is pinned to one that exists. */
function pinned(snapshot: IPlanSnapshot, priorityId: number | undefined): IPlanSnapshot {
  if (priorityId === undefined || !snapshot.priorities.some((priority) => priority.id === priorityId)) return snapshot;
  return {
    ...snapshot,
    priorities: snapshot.priorities.filter((priority) => priority.id === priorityId),
    outcomes: snapshot.outcomes.filter((outcome) => outcome.priorityId === priorityId),
    actions: snapshot.actions.filter((action) => action.priorityId === priorityId),
    kpis: snapshot.kpis.filter((kpi) => kpi.priorityId === priorityId)
  };
}

interface IPlanViewProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
  dueSoonDays: number;
  dataService: IPlanDataService;
  packService: IBoardPackService;
  peopleService?: IPeopleService;
  defaultView: PlanViewKey;
  onSaved: (saved: ISavedUpdate) => void;
  onEdited: (action: IAction) => void;
  onKpiChanged: (kpi: IKpi) => void;
  /** Present for a site owner. */
  importService?: IPlanImportService;
  onImported: () => void;
  /** Present for a plan officer when the host can send mail. */
  requesting?: IRequesting;
  /** Present for a plan officer when the host gives the upkeep service. */
  upkeep?: { upkeepService: IPlanUpkeepService; onChanged: () => void; onPlanCreated: (planId: number) => void };
  onPlanSettingsSaved: (plan: IPlan) => void;
  /** Present for a plan officer. */
  roleService?: IRoleService;
  onRolesChanged: (roles: IRole[]) => void;
  evidenceService?: IEvidenceService;
}

/**
 * The plan's views as tabs; every figure opens the workstreams list filtered to what it counted.
 * Every view shows the plan as at today (one date, so no screen mixes dates) and saves the items as loaded.
 */
function PlanView({ snapshot, today, dueSoonDays, dataService, packService, peopleService, defaultView, onSaved, onEdited, onKpiChanged, importService, onImported, requesting, upkeep, onPlanSettingsSaved, roleService, onRolesChanged, evidenceService }: IPlanViewProps): JSX.Element {
  // The views' plan (`shown`) and data service (`saving`); the report takes the loaded snapshot and chooses its own date.
  const shown = React.useMemo(() => planAsAt(snapshot, today), [snapshot, today]);
  const saving = React.useMemo(() => savingLoadedItems(dataService, snapshot), [dataService, snapshot]);
  const scheme = shown.plan.statusScheme;
  const readTexts = React.useCallback(
    async (actions: IAction[]): Promise<IAction[]> => {
      const texts = await dataService.loadActionTexts(snapshot.plan.id);
      return actions.map((action) => {
        const read = texts.get(action.id);
        // An action gone from the list since the load keeps what the view had.
        return read ? withTexts(action, read) : action;
      });
    },
    [dataService, snapshot.plan.id]
  );
  const board = previousBoardDate(shown.plan.reportingDates, today);
  // Counted from what the board saw when its pack was frozen.
  const boardPack = useFrozenPack(packService, shown.plan, board);
  const sinceBoard = React.useMemo(
    () => (board ? { date: board, changes: changesBetween(shown.actions, scheme, board, today, boardPack && packStatuses(boardPack)), fromPack: boardPack !== undefined } : undefined),
    [shown, scheme, board, today, boardPack]
  );
  const [view, setView] = React.useState<PlanViewKey>(defaultView);
  const [filter, setFilter] = React.useState<IActionFilter>({});
  // A link to an action (`?action=12`, as a request for updates sends) opens its panel on load.
  const [openActionId, setOpenActionId] = React.useState<number | undefined>(() => actionIdInUrl(window.location.search));
  const [openKpiId, setOpenKpiId] = React.useState<number | undefined>(undefined);
  const [reporting, setReporting] = React.useState(false);
  const [importing, setImporting] = React.useState(false);
  const [askingForUpdates, setAskingForUpdates] = React.useState(false);
  const [managing, setManaging] = React.useState(false);
  const [editingSettings, setEditingSettings] = React.useState(false);
  const [keepingRoles, setKeepingRoles] = React.useState(false);
  const [signingOff, setSigningOff] = React.useState(false);
  // What awaits the viewer's sign-off, from the actions already loaded.
  const awaitingMe = React.useMemo(() => signOffQueue(shown.actions, { plan: shown.plan, priorities: shown.priorities, roles: shown.roles, viewer: shown.access }).length, [shown]);
  const navigation = React.useMemo<IPlanNavigation>(
    () => ({
      openList: (next) => {
        setFilter(next);
        setView('workstreams');
      },
      openAction: setOpenActionId,
      openKpi: setOpenKpiId
    }),
    []
  );
  const tabFocus = useFocusOnSelectedTab();
  const openAction = shown.actions.find((action) => action.id === openActionId);
  const openKpi = shown.kpis.find((kpi) => kpi.id === openKpiId);

  if (reporting) {
    return (
      <React.Suspense fallback={<Spinner label={strings.ReportOpening} />}>
        <HighlightReport snapshot={snapshot} today={today} dataService={dataService} packService={packService} onClose={() => setReporting(false)} />
      </React.Suspense>
    );
  }

  return (
    <PlanNavigationProvider value={navigation}>
      <PlanHeader plan={shown.plan} />
      {shown.warnings.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          <strong>{strings.ReadWarningsHeading}</strong>
          <ul>
            {shown.warnings.map(planWarningText).map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {/* Tighter tabs so all four fit a 360 px Teams tab on a phone, wrapping onto a second line at 320 px. */}
      <div {...tabFocus}>
      <Pivot focusZoneProps={SELECTED_TAB_FIRST} selectedKey={view} onLinkClick={(item) => item?.props.itemKey && setView(item.props.itemKey as PlanViewKey)} styles={{ root: { whiteSpace: 'normal' }, link: { marginRight: 0, padding: '0 6px' } }}>
        <PivotItem itemKey="summary" headerText={VIEW_LABELS.summary}>
          <Stack tokens={{ childrenGap: 20, padding: '12px 0' }}>
            {sinceBoard && <ChangeLead board={sinceBoard.date} changes={sinceBoard.changes} scheme={scheme} fromPack={sinceBoard.fromPack} />}
            <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
              <DefaultButton iconProps={{ iconName: 'ReportDocument' }} onClick={() => setReporting(true)}>
                {strings.ReportOpen}
              </DefaultButton>
              {requesting && (
                <DefaultButton iconProps={{ iconName: 'Mail' }} onClick={() => setAskingForUpdates(true)}>
                  {strings.RequestsOpen}
                </DefaultButton>
              )}
              {upkeep && (
                <DefaultButton iconProps={{ iconName: 'Edit' }} onClick={() => setManaging(true)}>
                  {strings.UpkeepOpen}
                </DefaultButton>
              )}
              {isPlanOfficer(snapshot.access) && (
                <DefaultButton iconProps={{ iconName: 'Settings' }} onClick={() => setEditingSettings(true)}>
                  {strings.PlanSettingsOpen}
                </DefaultButton>
              )}
              {roleService && (
                <DefaultButton iconProps={{ iconName: 'People' }} onClick={() => setKeepingRoles(true)}>
                  {strings.RolesOpen}
                </DefaultButton>
              )}
              {awaitingMe > 0 && (
                <DefaultButton iconProps={{ iconName: 'CheckList' }} onClick={() => setSigningOff(true)}>
                  {formatString(strings.SignOffQueueOpen, awaitingMe)}
                </DefaultButton>
              )}
            </Stack>
            {shown.priorities.length === 0 ? (
              <MessageBar messageBarType={MessageBarType.info}>{strings.NoPriorities}</MessageBar>
            ) : (
              <PrioritySummary priorities={shown.priorities} actions={shown.actions} scheme={scheme} today={today} dueSoonDays={dueSoonDays} sinceBoard={sinceBoard} />
            )}
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>
              {shown.kpis.length > 0 && <KpiTiles snapshot={shown} />}
              <Exceptions snapshot={shown} today={today} />
              <ChangesSinceBoard snapshot={shown} today={today} boardPack={boardPack} />
              {shown.plan.reportingDates.some((date) => date < today) && <StatusTrend snapshot={shown} today={today} />}
            </React.Suspense>
          </Stack>
        </PivotItem>
        <PivotItem itemKey="workstreams" headerText={VIEW_LABELS.workstreams}>
          <Stack tokens={{ padding: '12px 0', childrenGap: 8 }}>
            {importService && (
              <Stack.Item>
                <DefaultButton iconProps={{ iconName: 'Upload' }} onClick={() => setImporting(true)}>
                  {strings.ImportOpen}
                </DefaultButton>
              </Stack.Item>
            )}
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>
              <WorkstreamsView
                reportingDates={shown.plan.reportingDates}
                priorities={shown.priorities}
                outcomes={shown.outcomes}
                actions={shown.actions}
                scheme={scheme}
                today={today}
                dueSoonDays={dueSoonDays}
                filter={filter}
                onFilterChange={setFilter}
                roles={shown.roles}
                readTexts={readTexts}
              />
            </React.Suspense>
          </Stack>
        </PivotItem>
        <PivotItem itemKey="kpis" headerText={VIEW_LABELS.kpis}>
          <Stack tokens={{ padding: '12px 0' }}>
            {shown.kpis.length === 0 ? (
              <MessageBar messageBarType={MessageBarType.info}>{strings.NoKpis}</MessageBar>
            ) : (
              <React.Suspense fallback={<Spinner label={strings.Loading} />}>
                <Scorecard snapshot={shown} today={today} />
              </React.Suspense>
            )}
          </Stack>
        </PivotItem>
        <PivotItem itemKey="myActions" headerText={VIEW_LABELS.myActions}>
          <Stack tokens={{ padding: '12px 0' }}>
            <React.Suspense fallback={<Spinner label={strings.Loading} />}>
              <MyActions snapshot={shown} dataService={saving} evidenceService={evidenceService} today={today} dueSoonDays={dueSoonDays} onSaved={onSaved} />
            </React.Suspense>
          </Stack>
        </PivotItem>
      </Pivot>
      </div>
      {openAction && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <ActionDetail
            action={openAction}
            snapshot={shown}
            dataService={saving}
            peopleService={peopleService}
            evidenceService={evidenceService}
            today={today}
            onSaved={onSaved}
            onEdited={onEdited}
            onDismiss={() => setOpenActionId(undefined)}
          />
        </React.Suspense>
      )}
      {importing && importService && (
        <React.Suspense fallback={<Spinner label={strings.ImportOpening} />}>
          <ImportPanel
          snapshot={snapshot}
          dataService={dataService}
          importService={importService}
          today={today}
          onClose={(imported) => {
            setImporting(false);
            if (imported) onImported();
          }}
          />
        </React.Suspense>
      )}
      {askingForUpdates && requesting && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <UpdateRequests snapshot={shown} today={today} dueSoonDays={dueSoonDays} {...requesting} onDismiss={() => setAskingForUpdates(false)} />
        </React.Suspense>
      )}
      {managing && upkeep && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <PlanUpkeepPanel snapshot={snapshot} today={today} {...upkeep} onDismiss={() => setManaging(false)} />
        </React.Suspense>
      )}
      {keepingRoles && roleService && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <RolesGlossary planId={shown.plan.id} roleService={roleService} peopleService={peopleService} viewer={shown.access} today={today} onChanged={onRolesChanged} onDismiss={() => setKeepingRoles(false)} />
        </React.Suspense>
      )}
      {signingOff && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <SignOffQueue snapshot={shown} dataService={saving} onActionChanged={onEdited} onDismiss={() => setSigningOff(false)} />
        </React.Suspense>
      )}
      {editingSettings && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <PlanSettingsPanel plan={snapshot.plan} dataService={dataService} onSaved={onPlanSettingsSaved} onDismiss={() => setEditingSettings(false)} />
        </React.Suspense>
      )}
      {openKpi && (
        <React.Suspense fallback={<Spinner label={strings.KpiOpening} />}>
          <KpiDetail kpi={openKpi} snapshot={shown} dataService={saving} today={today} onChanged={onKpiChanged} onDismiss={() => setOpenKpiId(undefined)} />
        </React.Suspense>
      )}
    </PlanNavigationProvider>
  );
}
