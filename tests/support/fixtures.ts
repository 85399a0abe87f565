import { IBoardPack, IBoardPackEntry } from '../../src/model/boardPack';
import { DEFAULT_KPI_THRESHOLDS } from '../../src/model/kpi';
import { IAction, IPlan, IPriorityArea, IStatusMark } from '../../src/model/plan';
import { compareUpdates } from '../../src/model/rollups';
import { RAGC_SCHEME } from '../../src/model/statusSchemes';
import { PlanDataError } from '../../src/services/errors';
import { IBoardPackService } from '../../src/services/IBoardPackService';
import { IPlanDataService, IPlanSnapshot } from '../../src/services/IPlanDataService';
import { anAction } from './builders';

export function aPlan(overrides: Partial<IPlan> = {}): IPlan {
  return {
    id: 1,
    title: 'Shropshire Accelerated Progress Plan',
    localArea: 'Shropshire',
    planType: 'APP',
    partners: ['Shropshire Council', 'NHS Shropshire, Telford and Wrekin'],
    inspectionDate: '2022-11-23',
    publicationDate: '2023-02-06',
    startDate: '2023-02-06',
    accountableOfficers: [],
    statusScheme: RAGC_SCHEME,
    reportingDates: [],
    kpiThresholds: DEFAULT_KPI_THRESHOLDS,
    ...overrides
  };
}

export function aPriority(id: number, number: string, title: string): IPriorityArea {
  return { id, planId: 1, number, title, inspectionFinding: '', vision: '', leadRoles: [], membership: [] };
}

/** The actions with each log entry's line in its action's status history, in log order (as saves write them). */
export function withHistory(actions: readonly IAction[], log: readonly IStatusMark[]): IAction[] {
  return actions.map((action) => ({
    ...action,
    history: action.history.concat(
      log
        .filter((entry) => entry.actionId === action.id)
        .sort(compareUpdates)
        .map(({ id, actionId, date, status }) => ({ id, actionId, date, status }))
    )
  }));
}

/** Two priorities: ND pathways with three actions, SLCN with one; `log` becomes the actions' status history. */
export function aSnapshot({ log = [], ...overrides }: Partial<IPlanSnapshot> & { log?: readonly IStatusMark[] } = {}): IPlanSnapshot {
  const snapshot: IPlanSnapshot = {
    plan: aPlan(),
    priorities: [aPriority(3, '3', 'ND Pathways and Waiting Times'), aPriority(4, '4', 'SLCN Pathways and Waiting Times')],
    outcomes: [],
    actions: [
      anAction({ id: 1, priorityId: 3, ref: '3.1.1', status: 'Red', dueText: 'Apr-23' }),
      anAction({ id: 2, priorityId: 3, ref: '3.1.2', status: 'Green', dueText: 'Jul-23' }),
      anAction({ id: 3, priorityId: 3, ref: '3.1.3', status: 'Green', dueText: 'Sep-23' }),
      anAction({ id: 4, priorityId: 4, ref: '4.11.1', dueText: 'TBC' })
    ],
    kpis: [],
    roles: [],
    access: { user: { id: 7, displayName: 'Kathryn Morgan', email: 'kathryn.morgan@send.example' }, canEditActions: true, canAddUpdates: true, canUpdateKpis: true, canManageLists: false },
    warnings: [],
    ...overrides
  };
  return { ...snapshot, actions: withHistory(snapshot.actions, log) };
}

/** A data service of jest mocks; a test gives the behaviour it exercises. */
export function aDataService(overrides: Partial<IPlanDataService> = {}): IPlanDataService {
  return {
    listPlans: jest.fn(),
    readPlan: jest.fn(),
    listPriorities: jest.fn(),
    savePlanSettings: jest.fn(),
    currentUser: jest.fn(),
    loadPlan: jest.fn(),
    openAction: jest.fn().mockResolvedValue({ log: [], texts: { deliveryPartners: [] } }),
    loadActionTexts: jest.fn().mockResolvedValue(new Map()),
    readActionLogs: jest.fn().mockResolvedValue(new Map()),
    saveUpdate: jest.fn(),
    approveUpdate: jest.fn(),
    returnUpdate: jest.fn(),
    saveActionEdit: jest.fn(),
    recordMeasurement: jest.fn(),
    loadMeasurements: jest.fn().mockResolvedValue([]),
    loadPlanMeasurements: jest.fn().mockResolvedValue(new Map()),
    saveMilestones: jest.fn(),
    loadNarratives: jest.fn().mockResolvedValue([]),
    saveNarrative: jest.fn(),
    ...overrides
  };
}

/**
 * A board pack service holding packs in memory, as the library does: a pack is stored
 * once per plan and board, and a second save of the same board is refused.
 */
export function aPackService(stored: IBoardPack[] = []): IBoardPackService & { files: Map<string, string> } {
  const packs = new Map(stored.map((pack) => [`${pack.plan.id}|${pack.asAt}`, pack]));
  const files = new Map<string, string>();
  const entry = (pack: IBoardPack): IBoardPackEntry => ({ boardDate: pack.asAt, frozenAt: pack.frozenAt, url: `/sites/send/SEND Board Packs/plan-${pack.plan.id}-board-${pack.asAt}.html`, changedAfterFreezing: false });
  return {
    files,
    listPacks: jest.fn(async (planId: number) => [...packs.values()].filter((pack) => pack.plan.id === planId).map(entry).sort((a, b) => a.boardDate.localeCompare(b.boardDate))),
    readPack: jest.fn(async (planId: number, boardDate: string) => packs.get(`${planId}|${boardDate}`)),
    savePack: jest.fn(async (pack: IBoardPack, file: string) => {
      const key = `${pack.plan.id}|${pack.asAt}`;
      if (packs.has(key)) throw new PlanDataError('alreadyExists', `-2130575257, Microsoft.SharePoint.SPException: ${key}`, 400);
      packs.set(key, pack);
      files.set(key, file);
      return entry(pack);
    })
  };
}
