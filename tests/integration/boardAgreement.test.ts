/**
 * The "done when", checked on the sample plan as the product reads it from the
 * emulator: at every board date, the report, the summary's figures and the frozen pack
 * agree with each other and with the progress log as it stood at that date.
 */
import { SITE_OWNER } from '../../emulator/sample/users';
import { planAsAt } from '../../src/model/asAt';
import { IReportContent, figuresOfReport, freezePack, reportAsAt } from '../../src/model/boardPack';
import { IProgressUpdate } from '../../src/model/plan';
import { compareUpdates, rollUpByPriority, statusAsAtInOrder } from '../../src/model/rollups';
import { IPlanSnapshot } from '../../src/services/IPlanDataService';
import { SharePointBoardPackService } from '../../src/services/SharePointBoardPackService';
import { SharePointPlanDataService } from '../../src/services/SharePointPlanDataService';
import { writeBoardPackFile } from '../../src/formats/boardPackFile';
import { SAMPLE_PLAN } from '../../emulator/sample/samplePlan';
import { ITestSite, startTestSite } from '../support/emulator';

describe('the sample plan at every board date', () => {
  let site: ITestSite;
  let snapshot: IPlanSnapshot;
  let logs: Map<number, IProgressUpdate[]>;
  beforeAll(async () => {
    site = await startTestSite({ seed: true });
    const service = new SharePointPlanDataService(site.as(SITE_OWNER.email));
    snapshot = await service.loadPlan(site.planId);
    logs = await service.readActionLogs(snapshot.actions.map((action) => action.id));
  });
  afterAll(() => site.stop());

  const boards = (): string[] => snapshot.plan.reportingDates.filter((date) => date <= SAMPLE_PLAN.asAt);

  it('has past boards to check, and a log that changed across them', () => {
    expect(boards().length).toBeGreaterThanOrEqual(3);
    const statusesAt = (date: string): string[] => snapshot.actions.map((action) => String(statusAsAtInOrder(logs.get(action.id) ?? [], date)));
    expect(statusesAt(boards()[0])).not.toEqual(statusesAt(boards()[boards().length - 1]));
  });

  it('reports each action with the status and note the log gave it then, and nothing dated later', () => {
    let checked = 0;
    for (const board of boards()) {
      const content = reportAsAt(snapshot, board, logs);
      for (const action of content.actions) {
        const log = [...(logs.get(action.id) ?? [])].sort(compareUpdates).filter((entry) => entry.date <= board);
        const rated = log.filter((entry) => entry.status !== undefined);
        const noted = log.filter((entry) => entry.note.trim() !== '');
        const where = `${action.ref} at ${board}`;
        if (rated.length > 0) expect([where, action.status]).toEqual([where, rated[rated.length - 1].status]);
        if (noted.length > 0) expect([where, action.latestNote]).toEqual([where, noted[noted.length - 1].note]);
        checked += rated.length > 0 && noted.length > 0 ? 1 : 0;
        expect([where, (action.latestUpdateDate ?? '') <= board]).toEqual([where, true]);
        expect([where, action.history.every((mark) => mark.date <= board)]).toEqual([where, true]);
        expect([where, action.revisions.every((revision) => revision.date <= board)]).toEqual([where, true]);
      }
      for (const kpi of content.kpis) {
        expect([kpi.ref, board, kpi.measurements.every((measurement) => measurement.periodEnd <= board)]).toEqual([kpi.ref, board, true]);
        expect([kpi.ref, board, (kpi.progressNoteDate ?? '') <= board]).toEqual([kpi.ref, board, true]);
      }
    }
    // Most actions had a rated, noted entry by the boards checked.
    expect(checked).toBeGreaterThan(50);
  });

  it('gives the summary the same figures as the report, and the trend the same row as each board’s own report', () => {
    const reports = new Map<string, IReportContent>(boards().map((board) => [board, reportAsAt(snapshot, board, logs)]));
    for (const [board, content] of reports) {
      const { now, before } = figuresOfReport(content);
      const summary = rollUpByPriority(snapshot.priorities.map((priority) => priority.id), planAsAt(snapshot, board).actions, snapshot.plan.statusScheme, board);
      expect([board, now.byPriority]).toEqual([board, summary]);
      if (before) expect([board, before]).toEqual([board, figuresOfReport(reports.get(before.date) as IReportContent).now]);
    }
  });

  it('freezes a pack at each board that reads back with every figure the report showed', async () => {
    const packs = new SharePointBoardPackService(site.as(SITE_OWNER.email));
    for (const board of boards()) {
      const content = reportAsAt(snapshot, board, logs);
      const pack = freezePack(content, [], `${SAMPLE_PLAN.asAt}T09:00:00.000Z`, 'Sam Owner');
      await packs.savePack(pack, writeBoardPackFile(pack, board, '<article></article>', ''));
      const stored = await packs.readPack(site.planId, board);
      expect([board, stored?.trend, stored?.exceptions, stored?.actions, stored?.kpis]).toEqual([board, content.trend, content.exceptions, content.actions, content.kpis]);
    }
    expect((await packs.listPacks(site.planId)).map((entry) => entry.boardDate)).toEqual(boards());
  });
});
