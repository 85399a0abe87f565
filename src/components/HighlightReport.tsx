import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { planAsAt } from '../model/asAt';
import { IBoardPack, IBoardPackEntry, IReportContent, freezePack, packRefusal, reportAsAt } from '../model/boardPack';
import { exceptions } from '../model/exceptions';
import { IsoDate } from '../model/isoDate';
import { DEFAULT_PROTECTIVE_MARKING } from '../model/plan';
import { awaitingSignOff } from '../model/signOff';
import { writeBoardPackFile } from '../formats/boardPackFile';
import { IBoardPackService } from '../services/IBoardPackService';
import { IPlanDataService, IPlanSnapshot } from '../services/IPlanDataService';
import { errorMessage, formatDate, formatString } from './format';
import { useCulture } from './culture';
import { awaitingCountText } from './signOffText';
import { FreezePack } from './report/FreezePack';
import { useWholeSeries } from './report/useWholeSeries';
import { PACK_OMIT, packCopy } from './report/packCopy';
import { FrozenPackNotice, PackList } from './report/PackList';
import { ReportBody } from './report/ReportBody';
import { ReportDateChoice } from './report/ReportDateChoice';
import { NarrativeDrafts, ReportNarrative } from './report/ReportNarrative';
import { REPORT_CLASS, printCss } from './report/printCss';
import { usePacks } from './report/usePacks';
import { useLogsAsAt } from './report/useLogsAsAt';

export interface IHighlightReportProps {
  snapshot: IPlanSnapshot;
  /** Reads the progress logs behind the report's notes as they stood at a past date. */
  dataService: IPlanDataService;
  /** The plan's frozen board packs. */
  packService: IBoardPackService;
  today: IsoDate;
  onClose: () => void;
}

/** On screen only: the report's controls. */
const SCREEN_ONLY = { selectors: { '@media print': { display: 'none !important' } } };

/** The report's content from the plan's lists as at `asAt`, with the notes then read from the logs where needed. */
function useLiveContent(snapshot: IPlanSnapshot, dataService: IPlanDataService, asAt: IsoDate): { content: IReportContent; reading: ReadonlySet<number>; unread: ReadonlySet<number>; failure?: string } {
  const { plan } = snapshot;
  // Exceptions whose note has been replaced since the date need their log to show the note as it stood.
  const laterNoteIds = React.useMemo(() => {
    const latestDates = new Map(snapshot.actions.map((action) => [action.id, action.latestUpdateDate]));
    return exceptions(planAsAt(snapshot, asAt).actions, plan.statusScheme, plan.reportingDates, asAt)
      .map((entry) => entry.action.id)
      .filter((id) => (latestDates.get(id) ?? '') > asAt);
  }, [snapshot, plan, asAt]);
  const { logs, reading, failure } = useLogsAsAt(dataService, laterNoteIds);
  const content = React.useMemo(() => reportAsAt(snapshot, asAt, logs), [snapshot, asAt, logs]);
  const unread = React.useMemo(() => new Set(failure === undefined ? [] : laterNoteIds.filter((id) => !logs.has(id))), [failure, laterNoteIds, logs]);
  return { content, reading: React.useMemo(() => new Set(reading), [reading]), unread, failure };
}

/**
 * The board's highlight report as at any date (a board date, today, or another day):
 * every figure from the plan as it stood then (`reportAsAt`), so none can mix dates;
 * the narrative written for the date first. At a board date with a frozen pack, the
 * report is the pack, as the board saw it. A plan officer freezes the pack for a board
 * date: the pack is shown as it will be stored, then stored as one file (its data and
 * this rendered copy) that nothing in the product writes again. On paper: A4, headed on
 * every page with the plan, the date and its protective marking, and numbered.
 */
export function HighlightReport({ snapshot, dataService, packService, today, onClose }: IHighlightReportProps): JSX.Element {
  const { plan, access } = snapshot;
  const [headingId] = React.useState(() => getId('report'));
  const articleRef = React.useRef<HTMLElement>(null);
  const culture = useCulture();
  const boardDates = React.useMemo(() => plan.reportingDates.filter((date) => date <= today), [plan.reportingDates, today]);
  const [asAt, setAsAt] = React.useState<IsoDate>(boardDates[boardDates.length - 1] ?? today);
  const packs = usePacks(packService, plan.id, asAt);
  // The views' snapshot keeps each KPI's latest two measurements: a report as at an earlier date needs the whole series.
  const whole = useWholeSeries(dataService, snapshot);
  const live = useLiveContent(whole.snapshot ?? snapshot, dataService, asAt);
  const [pending, setPending] = React.useState<IBoardPack>();
  const [freezeFailure, setFreezeFailure] = React.useState<string>();
  const [announcement, setAnnouncement] = React.useState('');
  const [drafts] = React.useState(() => new NarrativeDrafts());

  const frozen = pending ?? (packs.opened?.boardDate === asAt ? packs.opened.pack : undefined);
  const entry = packs.entries?.find((candidate) => candidate.boardDate === asAt);
  const content = frozen ?? live.content;
  const marking = content.plan.protectiveMarking || DEFAULT_PROTECTIVE_MARKING;
  const asAtText = formatDate(asAt, asAt, culture);
  // The report shows approved updates; what was submitted by its date and awaits sign-off is flagged, in the pack too.
  const awaitingCount = awaitingCountText(awaitingSignOff(content.actions).filter(({ awaiting }) => awaiting.date <= content.asAt).length);
  const awaitingNote = awaitingCount && formatString(strings.SignOffReportNote, awaitingCount);
  const css = printCss({ heading: formatString(strings.ReportRunningHeader, content.plan.title, asAtText), marking, pageNumber: strings.ReportPageNumber });

  const freeze = async (): Promise<void> => {
    setFreezeFailure(undefined);
    // The narrative goes in as saved, so every draft typed is saved first.
    if (!(await drafts.settle())) {
      setFreezeFailure(strings.ReportFreezeDraftsUnsaved);
      return;
    }
    try {
      const narratives = await dataService.loadNarratives(plan.id, asAt);
      setPending(freezePack(live.content, narratives, new Date().toISOString(), access.user.displayName));
    } catch (error) {
      setFreezeFailure(errorMessage(error));
    }
  };

  // The pack is stored as shown: once it has rendered as frozen, its markup is the stored copy.
  React.useEffect(() => {
    const report = articleRef.current;
    if (!pending || !report) return;
    const { markup, css: rules } = packCopy(report);
    const file = writeBoardPackFile(pending, formatString(strings.ReportRunningHeader, pending.plan.title, formatDate(pending.asAt, pending.asAt, culture)), markup, rules, culture);
    packService.savePack(pending, file).then(
      (saved: IBoardPackEntry) => {
        packs.stored(saved, pending);
        setPending(undefined);
        setAnnouncement(formatString(strings.ReportFrozenAnnounce, formatDate(saved.boardDate, saved.boardDate, culture)));
      },
      (error: unknown) => {
        setPending(undefined);
        setFreezeFailure(errorMessage(error));
        packs.reload();
      }
    );
    // Runs once per pack being frozen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending]);

  const refusal = packRefusal(plan.reportingDates, asAt, today);
  const canFreeze = access.canManageLists && refusal === undefined && packs.entries !== undefined && !entry && !pending;
  const notesReady = live.reading.size === 0 && live.failure === undefined && whole.snapshot !== undefined;
  const showingPack = entry !== undefined || pending !== undefined;

  return (
    <article aria-labelledby={headingId} className={REPORT_CLASS} ref={articleRef}>
      <style>{css}</style>
      <Stack tokens={{ childrenGap: 20 }}>
        <div {...{ [PACK_OMIT]: '' }}>
          <Stack tokens={{ childrenGap: 12 }} styles={{ root: SCREEN_ONLY }}>
            <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="end">
              <DefaultButton iconProps={{ iconName: 'Back' }} onClick={onClose}>
                {strings.ReportBack}
              </DefaultButton>
              <ReportDateChoice boardDates={boardDates} frozenDates={packs.frozenDates} today={today} asAt={asAt} onChange={setAsAt} />
              <PrimaryButton iconProps={{ iconName: 'Print' }} onClick={() => window.print()}>
                {strings.ReportPrint}
              </PrimaryButton>
            </Stack>
            <PackList entries={packs.entries} failure={packs.listFailure} onOpen={setAsAt} />
            {canFreeze && <FreezePack asAt={asAt} ready={notesReady} onFreeze={() => freeze().catch((error: unknown) => setFreezeFailure(errorMessage(error)))} />}
            {pending && <Spinner label={strings.ReportFreezing} labelPosition="right" />}
            {freezeFailure !== undefined && <MessageBar messageBarType={MessageBarType.error}>{formatString(strings.ReportFreezeFailed, freezeFailure)}</MessageBar>}
            <div role="status" aria-live="polite">
              {announcement}
            </div>
          </Stack>
        </div>
        {entry && <FrozenPackNotice entry={entry} pack={frozen} failure={packs.openFailure} />}
        <header>
          <Text block variant="small" styles={{ root: { fontWeight: 600, ...SCREEN_ONLY } }}>
            {marking}
          </Text>
          <Text as="h2" id={headingId} variant="xLarge" block>
            {formatString(strings.ReportHeading, content.plan.title)}
          </Text>
          <Text block>{formatString(strings.ReportSubheading, asAtText, content.previousBoard ? formatDate(content.previousBoard, content.previousBoard, culture) : strings.ReportNoPrevious)}</Text>
          <Text block variant="small">
            {frozen ? formatString(strings.ReportFrozenBy, frozen.frozenBy, formatDate(frozen.frozenAt.slice(0, 10), frozen.frozenAt, culture)) : formatString(strings.ReportProducedBy, access.user.displayName, formatDate(today, today, culture))}
          </Text>
          {awaitingNote && <Text block variant="small">{awaitingNote}</Text>}
        </header>
        {boardDates.length === 0 && <MessageBar messageBarType={MessageBarType.info}>{strings.ReportNoBoardDate}</MessageBar>}
        {showingPack && !frozen ? (
          packs.openFailure === undefined && <Spinner label={strings.ReportPackOpening} />
        ) : (
          <>
            {!frozen && whole.snapshot === undefined && whole.failure === undefined && <MessageBar messageBarType={MessageBarType.info}>{strings.ReportSeriesReading}</MessageBar>}
            {!frozen && whole.failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.ReportSeriesFailed, whole.failure)}</MessageBar>}
            {!frozen && live.reading.size > 0 && <MessageBar messageBarType={MessageBarType.info}>{formatString(strings.ReportNotesReading, asAtText)}</MessageBar>}
            {!frozen && live.failure !== undefined && <MessageBar messageBarType={MessageBarType.warning}>{formatString(strings.ReportNotesFailed, asAtText, live.failure)}</MessageBar>}
            {frozen ? (
              <ReportNarrative dataService={dataService} planId={plan.id} priorities={content.priorities} boardDate={asAt} canEdit={false} frozen={frozen.narratives} />
            ) : (
              <ReportNarrative dataService={dataService} planId={plan.id} priorities={content.priorities} boardDate={asAt} canEdit={access.canEditActions} drafts={drafts} />
            )}
            <ReportBody content={content} reading={frozen ? undefined : live.reading} unread={frozen ? undefined : live.unread} />
          </>
        )}
      </Stack>
    </article>
  );
}
