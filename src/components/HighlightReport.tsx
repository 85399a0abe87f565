import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { planAsAt, previousBoardDate } from '../model/asAt';
import { exceptions } from '../model/exceptions';
import { IsoDate } from '../model/isoDate';
import { DEFAULT_PROTECTIVE_MARKING } from '../model/plan';
import { IPlanDataService, IPlanSnapshot } from '../services/IPlanDataService';
import { Scorecard } from './Scorecard';
import { formatDate, formatString } from './format';
import { ReportDateChoice } from './report/ReportDateChoice';
import { ReportExceptions, ReportRevisions } from './report/ReportExceptions';
import { ReportNarrative } from './report/ReportNarrative';
import { REPORT_CLASS, printCss } from './report/printCss';
import { figuresAt, figuresOver, trendDates } from './report/reportFigures';
import { ChangeSincePrevious, StatusTable, StatusTrendTable } from './report/StatusParts';
import { useLogsAsAt } from './report/useLogsAsAt';

export interface IHighlightReportProps {
  snapshot: IPlanSnapshot;
  /** Reads the progress logs behind the report's notes as they stood at a past date. */
  dataService: IPlanDataService;
  today: IsoDate;
  onClose: () => void;
}

/** On screen only: the report's controls. */
const SCREEN_ONLY = { selectors: { '@media print': { display: 'none !important' } } };

/**
 * The board's highlight report as at any date (a board date, today, or another day):
 * every figure from the plan as it stood then (`planAsAt`), so none can mix dates.
 * The narrative written for the date first (`ReportNarrative`), then whole-plan and
 * per-priority statuses with the change since the previous board in words, the status
 * trend over the board dates, the exceptions with their notes as they stood (read from
 * the progress log when a later note has replaced them), revised due dates, and the
 * KPIs. On paper: A4, headed on every page with the plan, the date and
 * its protective marking, and numbered.
 */
export function HighlightReport({ snapshot, dataService, today, onClose }: IHighlightReportProps): JSX.Element {
  const { plan, priorities, access } = snapshot;
  const scheme = plan.statusScheme;
  const [headingId] = React.useState(() => getId('report'));
  const boardDates = React.useMemo(() => plan.reportingDates.filter((date) => date <= today), [plan.reportingDates, today]);
  const [asAt, setAsAt] = React.useState<IsoDate>(boardDates[boardDates.length - 1] ?? today);
  const previous = previousBoardDate(plan.reportingDates, asAt);
  const marking = plan.protectiveMarking || DEFAULT_PROTECTIVE_MARKING;

  // Exceptions whose note has been replaced since the date need their log to show the note as it stood.
  const laterNoteIds = React.useMemo(() => {
    const latestDates = new Map(snapshot.actions.map((action) => [action.id, action.latestUpdateDate]));
    const unlogged = planAsAt(snapshot, asAt);
    return exceptions(unlogged.actions, scheme, plan.reportingDates, asAt)
      .map((entry) => entry.action.id)
      .filter((id) => (latestDates.get(id) ?? '') > asAt);
  }, [snapshot, scheme, plan.reportingDates, asAt]);
  const { logs, reading, failure } = useLogsAsAt(dataService, laterNoteIds);

  const asAtPlan = React.useMemo(() => planAsAt(snapshot, asAt, logs), [snapshot, asAt, logs]);
  const found = React.useMemo(() => exceptions(asAtPlan.actions, scheme, plan.reportingDates, asAt), [asAtPlan, scheme, plan.reportingDates, asAt]);
  const now = React.useMemo(() => figuresAt(asAtPlan.actions, priorities, scheme, asAt), [asAtPlan, priorities, scheme, asAt]);
  const trend = React.useMemo(() => figuresOver(snapshot, trendDates(plan.reportingDates, asAt)), [snapshot, plan.reportingDates, asAt]);
  const before = trend.find((row) => row.date === previous);
  // A KPI's progress note carries no date, so a report as at a past day leaves it out rather than show a later one.
  const kpiSnapshot = React.useMemo(() => (asAt < today ? { ...asAtPlan, kpis: asAtPlan.kpis.map((kpi) => ({ ...kpi, progressNote: undefined })) } : asAtPlan), [asAtPlan, asAt, today]);
  const unread = React.useMemo(() => new Set(failure === undefined ? [] : laterNoteIds.filter((id) => !logs.has(id))), [failure, laterNoteIds, logs]);

  const asAtText = formatDate(asAt, asAt);
  const css = printCss({ heading: formatString(strings.ReportRunningHeader, plan.title, asAtText), marking, pageNumber: strings.ReportPageNumber });

  return (
    <Stack as="article" aria-labelledby={headingId} className={REPORT_CLASS} tokens={{ childrenGap: 20 }}>
      <style>{css}</style>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="end" styles={{ root: SCREEN_ONLY }}>
        <DefaultButton iconProps={{ iconName: 'Back' }} onClick={onClose}>
          {strings.ReportBack}
        </DefaultButton>
        <ReportDateChoice boardDates={boardDates} today={today} asAt={asAt} onChange={setAsAt} />
        <PrimaryButton iconProps={{ iconName: 'Print' }} onClick={() => window.print()}>
          {strings.ReportPrint}
        </PrimaryButton>
      </Stack>
      <header>
        <Text block variant="small" styles={{ root: { fontWeight: 600, ...SCREEN_ONLY } }}>
          {marking}
        </Text>
        <Text as="h2" id={headingId} variant="xLarge" block>
          {formatString(strings.ReportHeading, plan.title)}
        </Text>
        <Text block>{formatString(strings.ReportSubheading, asAtText, previous ? formatDate(previous, previous) : strings.ReportNoPrevious)}</Text>
        <Text block variant="small">
          {formatString(strings.ReportProducedBy, access.user.displayName, formatDate(today, today))}
        </Text>
      </header>
      {boardDates.length === 0 && <MessageBar messageBarType={MessageBarType.info}>{strings.ReportNoBoardDate}</MessageBar>}
      {reading.length > 0 && <MessageBar messageBarType={MessageBarType.info}>{formatString(strings.ReportNotesReading, asAtText)}</MessageBar>}
      {failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.ReportNotesFailed, asAtText, failure)}</MessageBar>}
      <ReportNarrative dataService={dataService} planId={plan.id} priorities={priorities} boardDate={asAt} canEdit={access.canEditActions} />
      <StatusTable scheme={scheme} priorities={priorities} now={now} before={before} />
      <ChangeSincePrevious scheme={scheme} now={now} before={before} />
      <StatusTrendTable scheme={scheme} trend={trend} asAt={asAt} />
      <ReportExceptions found={found} scheme={scheme} asAt={asAt} reading={new Set(reading)} unread={unread} />
      <ReportRevisions actions={asAtPlan.actions} asAt={asAt} />
      {snapshot.kpis.length > 0 && <Scorecard snapshot={kpiSnapshot} today={asAt} />}
    </Stack>
  );
}
