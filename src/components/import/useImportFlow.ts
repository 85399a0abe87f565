/**
 * The import screen's state and its steps: read the file, choose the sheet and the
 * plan it goes into, check the mapping and the status key, run the dry run in slices,
 * then create the plan (for a new one) and write. Nothing is written before the last
 * step; an import that stops keeps its dry run (and the plan it created) to run again.
 */
import * as React from 'react';
import * as strings from 'ImprovementPlanWebPartStrings';
import type { IFileRead } from '../../formats/readSpreadsheet';
import { IKpiSheetPlan, chooseSheet as defaultSheet, kpiSheets, planKpiSheets } from '../../model/import/chooseSheet';
import { IImportContext, IImportPlan, emptyImportPlan, planImportInSlices } from '../../model/import/dryRun';
import { IImportedKpi, analyseKpiSheet } from '../../model/import/kpiSheet';
import { ColumnTarget, IColumnGuess, IColumnMapping, ISheetAnalysis, analyseSheet } from '../../model/import/mapping';
import { ISheet } from '../../model/import/sheet';
import { INewPlanProposal, proposePlan } from '../../model/import/newPlan';
import { inferScheme } from '../../model/import/schemeInference';
import { IKpi } from '../../model/kpi';
import { IsoDate } from '../../model/isoDate';
import { CanonicalStatus } from '../../model/statusSchemes';
import { IPlanDataService, IPlanSnapshot, IPlanSummary } from '../../services/IPlanDataService';
import { IImportResult, INewPlan, IPlanImportService } from '../../services/IPlanImportService';
import { IKpiImportResult } from '../../services/IKpiImportService';
import { errorMessage, formatString } from '../format';
import { confirmedScheme, fileErrorText, readSavedMapping, saveMapping } from './importChoices';

/** The plan the rows go into: a new one, or one on the site by id. */
export type TargetChoice = 'new' | number;

/** The file as read, the sheet chosen, where it goes and how its columns are read. */
export interface IImportSetup {
  fileName: string;
  workbook: IFileRead;
  sheetIndex: number;
  /** Undefined when the sheet has no actions header (none at all, or it is a KPI scorecard). */
  analysis?: ISheetAnalysis;
  /** The workbook's KPI scorecards, imported beside the actions. */
  kpiSheetNames: string[];
  /** Each column as now read, with the suggestion's samples and confidence. */
  columns: IColumnGuess[];
  /** What the analysis suggested for each column, so the officer can return to it. */
  suggested: ColumnTarget[];
  /** Columns the officer changed. */
  chosen: number[];
  target: TargetChoice;
  name: string;
  localArea: string;
  /** Meanings the officer gave the proposed labels, by label key. */
  meanings: Record<string, CanonicalStatus>;
}

/** A dry run ready to write, with where it writes. */
export interface IDryRun {
  plan: IImportPlan;
  /** Each KPI scorecard's dry run. */
  kpis: IKpiSheetPlan[];
  mapping: IColumnMapping[];
  /** For a new plan: the plan to create. */
  newPlan?: INewPlan;
  /** The sheet the actions were read from (a Word document's tables stitched into one), to name each row where it was written. */
  sheet?: ISheet;
}

export type ImportPhase =
  | { kind: 'choose'; message?: string }
  | { kind: 'reading' }
  | { kind: 'setup'; message?: string }
  | { kind: 'checking'; readingPlan: boolean; checked: number; total: number }
  | { kind: 'checked'; run: IDryRun; message?: string }
  | { kind: 'importing'; run: IDryRun; creating: boolean; written: number; total: number }
  | { kind: 'done'; run: IDryRun; result: IImportResult; kpiResult?: IKpiImportResult; planId: number };

/** The plans offered as a target: this page's plan first. */
export interface IPlanChoices {
  plans: IPlanSummary[];
  /** Why the site's other plans could not be listed. */
  message?: string;
}

export interface IImportFlow {
  phase: ImportPhase;
  setup?: IImportSetup;
  planChoices: IPlanChoices;
  /** For a new plan: its name, area, status key and board dates as the file proposes them. */
  proposal?: INewPlanProposal;
  /** True once anything may have been written, so closing reloads the plan. */
  wroteAny: () => boolean;
  /** The import being written, settled when it ends (however it ends); undefined when none is running. */
  writing: () => Promise<void> | undefined;
  chooseFile: (file: File | undefined) => Promise<void>;
  chooseSheet: (index: number) => void;
  chooseTarget: (target: TargetChoice) => void;
  setName: (name: string) => void;
  setLocalArea: (localArea: string) => void;
  setMeaning: (labelKey: string, meaning: CanonicalStatus) => void;
  setColumnTarget: (column: number, target: ColumnTarget) => void;
  check: () => Promise<void>;
  runImport: () => Promise<void>;
  backToSetup: () => void;
  chooseAnotherFile: () => void;
}

export interface IImportFlowOptions {
  snapshot: IPlanSnapshot;
  dataService: Pick<IPlanDataService, 'listPlans' | 'loadPlan'>;
  importService: IPlanImportService;
  today: IsoDate;
}

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The sheet analysed for a target: the mapping saved for that plan wins for the headers it
 * knows. A KPI scorecard is not read as actions: it is imported with the other scorecards.
 */
function analysed(setup: Omit<IImportSetup, 'analysis' | 'columns' | 'suggested' | 'chosen' | 'kpiSheetNames'>): IImportSetup {
  const sheet = setup.workbook.sheets[setup.sheetIndex];
  const analysis = analyseKpiSheet(sheet.rows) ? undefined : analyseSheet(sheet.rows, readSavedMapping(setup.target === 'new' ? undefined : setup.target));
  const columns = analysis ? analysis.columns.map((column) => ({ ...column })) : [];
  const kpiSheetNames = kpiSheets(setup.workbook.sheets, analysis ? sheet : undefined).map((each) => each.name);
  return { ...setup, analysis, kpiSheetNames, columns, suggested: columns.map((column) => column.target), chosen: [] };
}

function mappingOf(columns: readonly IColumnGuess[]): IColumnMapping[] {
  return columns.map(({ column, header, target }) => ({ column, header, target }));
}

/** The plans on the site with this page's plan first (and there even when the list cannot be read). */
function pagePlanFirst(plans: readonly IPlanSummary[], snapshot: IPlanSnapshot): IPlanSummary[] {
  return [{ id: snapshot.plan.id, title: snapshot.plan.title }, ...plans.filter((plan) => plan.id !== snapshot.plan.id)];
}

/** The import screen's state machine. */
export function useImportFlow({ snapshot, dataService, importService, today }: IImportFlowOptions): IImportFlow {
  const [phase, setPhaseNow] = React.useState<ImportPhase>({ kind: 'choose' });
  const [setup, setSetup] = React.useState<IImportSetup | undefined>(undefined);
  const [planChoices, setPlanChoices] = React.useState<IPlanChoices>({ plans: pagePlanFirst([], snapshot) });
  const mounted = React.useRef(true);
  const busy = React.useRef(false);
  const wrote = React.useRef(false);
  const inFlight = React.useRef<Promise<void> | undefined>(undefined);
  // The plan an import of this file created: a re-run, even after a new dry run, writes into it rather than making another.
  const createdPlanId = React.useRef<number | undefined>(undefined);

  // Work that ends after the panel closed changes nothing on screen.
  const setPhase = React.useCallback((next: ImportPhase): void => {
    if (mounted.current) setPhaseNow(next);
  }, []);

  React.useEffect(() => {
    mounted.current = true;
    dataService.listPlans().then(
      (plans) => mounted.current && setPlanChoices({ plans: pagePlanFirst(plans, snapshot) }),
      (error: unknown) => mounted.current && setPlanChoices({ plans: pagePlanFirst([], snapshot), message: formatString(strings.ImportPlansUnavailable, errorMessage(error)) })
    );
    return () => {
      mounted.current = false;
    };
  }, [dataService, snapshot]);

  const proposal = React.useMemo(
    () => (setup && setup.analysis && setup.target === 'new' ? proposePlan(setup.fileName, setup.workbook.sheets[setup.sheetIndex].rows, setup.analysis, mappingOf(setup.columns)) : undefined),
    [setup]
  );

  const chooseFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    createdPlanId.current = undefined;
    setPhase({ kind: 'reading' });
    try {
      const bytes = await readBytes(file);
      // The reader (and its .xlsx libraries) is fetched only when a file is chosen, keeping it out of the page's first download.
      const { readSpreadsheet } = await import(/* webpackChunkName: 'spreadsheet-reader' */ '../../formats/readSpreadsheet');
      const workbook = await readSpreadsheet(file.name, bytes);
      const chosen = defaultSheet(workbook.sheets);
      const sheetIndex = chosen ? workbook.sheets.findIndex((sheet) => sheet === chosen.sheet) : 0;
      const next = analysed({ fileName: file.name, workbook, sheetIndex, target: snapshot.plan.id, name: '', localArea: '', meanings: {} });
      if (!next.analysis && next.kpiSheetNames.length === 0 && workbook.sheets.length === 1) {
        setPhase({ kind: 'choose', message: formatString(strings.ImportNoHeader, file.name) });
        return;
      }
      const proposed = next.analysis ? proposePlan(file.name, workbook.sheets[sheetIndex].rows, next.analysis) : undefined;
      if (!mounted.current) return;
      setSetup({ ...next, name: proposed?.name ?? file.name.replace(/\.[a-z0-9]+$/i, ''), localArea: proposed?.localArea ?? '' });
      setPhase({ kind: 'setup' });
    } catch (error) {
      setPhase({ kind: 'choose', message: fileErrorText(error) });
    }
  };

  const update = (change: (current: IImportSetup) => IImportSetup): void => setSetup((current) => (current ? change(current) : current));

  const chooseSheet = (index: number): void =>
    update((current) => {
      const next = analysed({ ...current, sheetIndex: index, meanings: {} });
      const proposed = next.analysis ? proposePlan(current.fileName, current.workbook.sheets[index].rows, next.analysis) : undefined;
      return { ...next, name: proposed?.name ?? current.name, localArea: proposed?.localArea ?? current.localArea };
    });

  const chooseTarget = (target: TargetChoice): void => update((current) => (current.target === target ? current : analysed({ ...current, target })));

  const setColumnTarget = (column: number, target: ColumnTarget): void =>
    update((current) => ({
      ...current,
      columns: current.columns.map((entry) => (entry.column === column ? { ...entry, target } : entry)),
      chosen: current.chosen.indexOf(column) >= 0 ? current.chosen : current.chosen.concat(column)
    }));

  /** The dry run, in slices so a sheet of tens of thousands of rows does not freeze the page; the KPI scorecards beside it. */
  const check = async (): Promise<void> => {
    if (!setup || (!setup.analysis && setup.kpiSheetNames.length === 0)) return;
    const { analysis, target } = setup;
    const sheet = setup.workbook.sheets[setup.sheetIndex];
    const mapping = mappingOf(setup.columns);
    let context: IImportContext;
    let newPlan: INewPlan | undefined;
    let existingKpis: readonly IKpi[] = [];
    let planStart: IsoDate | undefined;
    if (target === 'new') {
      const name = setup.name.trim();
      const localArea = setup.localArea.trim();
      // A workbook of scorecards alone proposes no status key: the commonest one, changed later in the plan's settings.
      const scheme = proposal ? confirmedScheme(proposal.scheme, setup.meanings) : inferScheme([]).scheme;
      newPlan = { name, localArea, scheme, reportingDates: proposal?.reportingDates ?? [] };
      context = { target: { kind: 'new', name, localArea }, scheme, priorities: [], outcomes: [], actions: [] };
    } else {
      // The plan read afresh: the page may show only one priority, and others may have changed it since.
      setPhase({ kind: 'checking', readingPlan: true, checked: 0, total: 0 });
      let plan: IPlanSnapshot;
      try {
        plan = await dataService.loadPlan(target);
      } catch (error) {
        setPhase({ kind: 'setup', message: formatString(strings.ImportPlanReadFailed, errorMessage(error)) });
        return;
      }
      if (analysis) saveMapping(target, mapping);
      context = { target: { kind: 'existing', planId: target, name: plan.plan.title }, scheme: plan.plan.statusScheme, priorities: plan.priorities, outcomes: plan.outcomes, actions: plan.actions };
      existingKpis = plan.kpis;
      planStart = plan.plan.startDate;
    }
    const kpis = planKpiSheets(setup.workbook.sheets, analysis ? sheet : undefined, existingKpis, planStart);
    if (!analysis) {
      setPhase({ kind: 'checked', run: { plan: emptyImportPlan(context.target), kpis, mapping, newPlan } });
      return;
    }
    setPhase({ kind: 'checking', readingPlan: false, checked: 0, total: sheet.rows.length - analysis.headerRow - 1 });
    const plan = await planImportInSlices(sheet.rows, mapping, analysis.headerRow, context, (checked, total) => setPhase({ kind: 'checking', readingPlan: false, checked, total }));
    setPhase({ kind: 'checked', run: { plan, kpis, mapping, newPlan, sheet } });
  };

  /** Creates the plan (once, kept for a re-run) for a new one, then writes. */
  const write = async (run: IDryRun): Promise<void> => {
    let planId = run.plan.target.kind === 'existing' ? run.plan.target.planId : createdPlanId.current;
    if (planId === undefined && run.newPlan) {
      setPhase({ kind: 'importing', run, creating: true, written: 0, total: 1 });
      planId = await importService.createPlan(run.newPlan).then((created) => {
        createdPlanId.current = created;
        saveMapping(created, run.mapping);
        return created;
      });
    }
    if (planId === undefined) return;
    const into = planId;
    setPhase({ kind: 'importing', run, creating: false, written: 0, total: 1 });
    const result = await importService.importPlan(into, run.plan, { date: today, by: snapshot.access.user.displayName }, (written, total) => setPhase({ kind: 'importing', run, creating: false, written, total }));
    const kpis = run.kpis.reduce<IImportedKpi[]>((all, sheet) => all.concat(sheet.kpis), []);
    const kpiResult = kpis.length > 0 ? await importService.importKpis(into, kpis, (written, total) => setPhase({ kind: 'importing', run, creating: false, written, total }), today) : undefined;
    setPhase({ kind: 'done', run, result, kpiResult, planId: into });
  };

  /** One import at a time: a second click while one runs does nothing. */
  const runImport = (): Promise<void> => {
    if (phase.kind !== 'checked' || busy.current) return Promise.resolve();
    const { run } = phase;
    busy.current = true;
    wrote.current = true;
    const running = write(run)
      .catch((error: unknown) => setPhase({ kind: 'checked', run, message: `${strings.ImportStopped} ${errorMessage(error)}` }))
      .finally(() => {
        busy.current = false;
        inFlight.current = undefined;
      });
    inFlight.current = running;
    return running;
  };

  return {
    phase,
    setup,
    planChoices,
    proposal,
    wroteAny: () => wrote.current,
    writing: () => inFlight.current,
    chooseFile,
    chooseSheet,
    chooseTarget,
    setName: (name) => update((current) => ({ ...current, name })),
    setLocalArea: (localArea) => update((current) => ({ ...current, localArea })),
    setMeaning: (labelKey, meaning) => update((current) => ({ ...current, meanings: { ...current.meanings, [labelKey]: meaning } })),
    setColumnTarget,
    check,
    runImport,
    backToSetup: () => setPhase({ kind: 'setup' }),
    chooseAnotherFile: () => {
      createdPlanId.current = undefined;
      setSetup(undefined);
      setPhase({ kind: 'choose' });
    }
  };
}
