import * as React from 'react';
import {
  ChoiceGroup,
  DefaultButton,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  PrimaryButton,
  Spinner,
  Stack,
  Text,
  TextField,
  ThemeProvider,
  getId,
  useTheme
} from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IKpi } from '../model/kpi';
import { ICheckpoint, IMeasurementInput, MeasurementProblem, checkMeasurement, checkpoints, kpiSeries, markCheckpoint } from '../model/scorecard';
import { ConflictError } from '../services/errors';
import { IPlanDataService, IPlanSnapshot } from '../services/IPlanDataService';
import { ScrollRegion } from './ScrollRegion';
import { StatusPill } from './StatusPill';
import { errorMessage, formatDate, formatString, planDateReasonText } from './format';
import { TRAVEL_TEXT, formatValue, kpiPill, kpiSummary, progressNoteDateText } from './kpiText';
import { useTableStyles } from './tableStyles';
import { useFormFocus } from './formFocus';
import { NarrowProvider, useNarrowElement } from './narrow';
import { useFocusRing } from './themes';
import { useCulture } from './culture';

/** The chart is fetched only when a KPI is opened, so the web part's first render stays light. */
const KpiChart = React.lazy(() => import(/* webpackChunkName: 'kpi-chart' */ './KpiChart'));

export interface IKpiDetailProps {
  kpi: IKpi;
  snapshot: IPlanSnapshot;
  dataService: IPlanDataService;
  today: IsoDate;
  onChanged: (kpi: IKpi) => void;
  onDismiss: () => void;
}

function problemText(problem: MeasurementProblem, unit: string, culture: string): string {
  switch (problem.problem) {
    case 'required':
      return problem.field === 'value' ? strings.MeasureValueRequired : strings.MeasurePeriodRequired;
    case 'notANumber':
      return strings.MeasureNotANumber;
    case 'outOfRange':
      return formatString(strings.MeasureOutOfRange, problem.min, problem.max);
    case 'inFuture':
      return strings.MeasurePeriodInFuture;
    case 'notADate':
      return formatString(strings.MeasurePeriodNotADate, planDateReasonText(problem.reason, culture));
    case 'taken':
      return formatString(strings.MeasurePeriodTaken, formatValue(problem.existing.value, unit, culture), formatDate(problem.existing.periodEnd, problem.existing.periodEnd, culture));
  }
}

/** Records an actual. A period that already has one is offered as a correction, never overwritten silently. */
function RecordMeasurement({ kpi, dataService, today, onChanged }: Pick<IKpiDetailProps, 'kpi' | 'dataService' | 'today' | 'onChanged'>): JSX.Element {
  const culture = useCulture();
  const [input, setInput] = React.useState<IMeasurementInput>({ value: '', periodEnd: '', note: '' });
  const [problems, setProblems] = React.useState<MeasurementProblem[]>([]);
  const [outcome, setOutcome] = React.useState<{ kind: 'saved' | 'failed'; message: string } | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const [headingId] = React.useState(() => getId('record'));
  const taken = problems.find((problem) => problem.problem === 'taken');
  const { box, showProblems } = useFormFocus(false);

  const save = async (correcting: boolean): Promise<void> => {
    const checked = checkMeasurement(kpi, { ...input, correcting }, today);
    setOutcome(undefined);
    if (!checked.ok) {
      setProblems(checked.problems);
      showProblems();
      return;
    }
    setProblems([]);
    setSaving(true);
    const { measurement, replaces } = checked;
    const note = replaces ? [formatString(strings.MeasureCorrectionNote, formatValue(replaces.value, kpi.unit, culture)), measurement.note].filter(Boolean).join(' ') : measurement.note;
    try {
      const { measurement: saved, kpi: recorded } = await dataService.recordMeasurement(kpi, { ...measurement, note });
      onChanged(recorded);
      setInput({ value: '', periodEnd: '', note: '' });
      setOutcome({ kind: 'saved', message: formatString(strings.MeasureSaved, formatValue(saved.value, kpi.unit, culture), formatDate(saved.periodEnd, saved.periodEnd, culture)) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: `${strings.MeasureFailed} ${errorMessage(error)}` });
    }
    setSaving(false);
  };
  const errorFor = (field: 'value' | 'periodEnd'): string | undefined => {
    const found = problems.find((problem) => problem.field === field);
    return found ? problemText(found, kpi.unit, culture) : undefined;
  };

  return (
    <div ref={box}>
      <Stack as="form" aria-labelledby={headingId} tokens={{ childrenGap: 8 }} onSubmit={(event) => event.preventDefault()}>
        <Text as="h3" id={headingId} variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
          {strings.MeasureHeading}
        </Text>
        <TextField label={formatString(strings.MeasureValueLabel, kpi.unit || '-')} value={input.value} required errorMessage={errorFor('value')} onChange={(_, value) => setInput((current) => ({ ...current, value: value ?? '' }))} />
        <TextField label={strings.MeasurePeriodLabel} description={strings.MeasurePeriodHint} value={input.periodEnd} required errorMessage={errorFor('periodEnd')} onChange={(_, value) => setInput((current) => ({ ...current, periodEnd: value ?? '' }))} />
        <TextField label={strings.MeasureNoteLabel} multiline autoAdjustHeight value={input.note} onChange={(_, value) => setInput((current) => ({ ...current, note: value ?? '' }))} />
        {outcome && (
          <MessageBar messageBarType={outcome.kind === 'saved' ? MessageBarType.success : MessageBarType.error} isMultiline>
            {outcome.message}
          </MessageBar>
        )}
        <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={() => save(false)} disabled={saving}>
            {saving ? strings.Saving : strings.MeasureSave}
          </PrimaryButton>
          {taken && (
            <DefaultButton onClick={() => save(true)} disabled={saving}>
              {strings.MeasureCorrect}
            </DefaultButton>
          )}
        </Stack>
      </Stack>
    </div>
  );
}

const CHECKPOINT_STATE_TEXT: Readonly<Record<ICheckpoint['state'], string>> = {
  met: strings.CheckpointMet,
  notMet: strings.CheckpointNotMet,
  awaiting: strings.CheckpointAwaiting,
  upcoming: strings.CheckpointUpcoming
};

/** A checkpoint, and for a lead the form to mark it met or not met with a date and note. */
function Checkpoint({ checkpoint, kpi, dataService, today, canMark, onChanged }: { checkpoint: ICheckpoint; canMark: boolean } & Pick<IKpiDetailProps, 'kpi' | 'dataService' | 'today' | 'onChanged'>): JSX.Element {
  const culture = useCulture();
  const { milestone } = checkpoint;
  const [open, setOpen] = React.useState(false);
  const [met, setMet] = React.useState<boolean>(milestone.met ?? true);
  const [note, setNote] = React.useState(milestone.metNote ?? '');
  const [failure, setFailure] = React.useState<string | undefined>(undefined);
  // One save at a time: a second press while the first is under way would only be refused as a conflict.
  const [saving, setSaving] = React.useState(false);
  const save = async (): Promise<void> => {
    if (saving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      onChanged(await dataService.saveMilestones(kpi, markCheckpoint(kpi, checkpoint.index, { met, date: today, note })));
      setOpen(false);
    } catch (error) {
      if (error instanceof ConflictError) onChanged(error.current as IKpi);
      setFailure(`${strings.CheckpointFailed} ${errorMessage(error)}`);
    }
    setSaving(false);
  };
  return (
    <li>
      <Stack tokens={{ childrenGap: 4 }}>
        <Text>
          <strong>{milestone.label}</strong> ({formatDate(checkpoint.due, strings.NotRecorded, culture)}): {milestone.text}
        </Text>
        <Text>
          {CHECKPOINT_STATE_TEXT[checkpoint.state]}
          {milestone.metDate ? ` ${formatString(strings.CheckpointMarkedOn, formatDate(milestone.metDate, milestone.metDate, culture))}` : ''}
          {milestone.metNote ? `: ${milestone.metNote}` : ''}
        </Text>
        {canMark && !open && (
          <Stack.Item>
            <DefaultButton onClick={() => setOpen(true)}>{formatString(strings.CheckpointMark, milestone.label)}</DefaultButton>
          </Stack.Item>
        )}
        {open && (
          <Stack tokens={{ childrenGap: 8 }}>
            <ChoiceGroup
              label={formatString(strings.CheckpointMark, milestone.label)}
              selectedKey={met ? 'met' : 'notMet'}
              options={[
                { key: 'met', text: strings.CheckpointMet },
                { key: 'notMet', text: strings.CheckpointNotMet }
              ]}
              onChange={(_, option) => setMet(option?.key === 'met')}
            />
            <TextField label={strings.CheckpointNoteLabel} multiline autoAdjustHeight value={note} onChange={(_, value) => setNote(value ?? '')} />
            {failure && <MessageBar messageBarType={MessageBarType.error}>{failure}</MessageBar>}
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <PrimaryButton onClick={save} disabled={saving}>
                {saving ? strings.Saving : strings.Save}
              </PrimaryButton>
              <DefaultButton onClick={() => setOpen(false)}>{strings.Close}</DefaultButton>
            </Stack>
          </Stack>
        )}
      </Stack>
    </li>
  );
}

/**
 * Reads the KPI's whole series when it holds only its latest measurements (as a plan's
 * first load reads it), handing the KPI with its series to `onChanged`. Returns the
 * failure, if the read failed.
 */
function useWholeSeries({ kpi, dataService, onChanged }: Pick<IKpiDetailProps, 'kpi' | 'dataService' | 'onChanged'>): string | undefined {
  const [failure, setFailure] = React.useState<string>();
  const partial = kpi.partialSeries === true;
  React.useEffect(() => {
    if (!partial) return undefined;
    let current = true;
    setFailure(undefined);
    dataService.loadMeasurements(kpi).then(
      (measurements) => current && onChanged({ ...kpi, measurements, partialSeries: undefined }),
      (error: unknown) => current && setFailure(`${strings.KpiSeriesFailed} ${errorMessage(error)}`)
    );
    return () => {
      current = false;
    };
    // Read once per KPI opened with a partial series.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kpi.id, partial]);
  return failure;
}

/**
 * One KPI: a text summary, its chart (loaded on demand) with the same figures as a
 * table, its checkpoints, and for people who may, recording an actual and marking a
 * checkpoint. Its whole series is read as it opens: until then the chart, table and
 * recording wait, since a period recorded earlier may be taken.
 */
export function KpiDetail({ kpi, snapshot, dataService, today, onChanged, onDismiss }: IKpiDetailProps): JSX.Element {
  const culture = useCulture();
  const { plan, access } = snapshot;
  const seriesFailure = useWholeSeries({ kpi, dataService, onChanged });
  const whole = kpi.partialSeries !== true;
  const theme = useTheme();
  const table = useTableStyles();
  const focusRing = useFocusRing();
  const [narrow, content] = useNarrowElement();
  const series = kpiSeries(kpi, plan.startDate, plan.kpiThresholds);
  const summary = kpiSummary(kpi, series.assessment, culture);
  const points = checkpoints(kpi, plan.startDate, today);

  return (
    <Panel isOpen isBlocking={false} type={PanelType.medium} headerText={kpi.ref ? `${kpi.ref} ${kpi.title}` : kpi.title} closeButtonAriaLabel={strings.Close} onDismiss={onDismiss}>
      {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
      <ThemeProvider theme={theme} className={focusRing}>
        <NarrowProvider value={narrow}>
          <div ref={content}>
            <Stack tokens={{ childrenGap: 16 }}>
              <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                <StatusPill status={series.assessment.status ? kpiPill(series.assessment.status, series.assessment.reason) : undefined} noStatusText={strings.NoStatus} />
                <Text>{TRAVEL_TEXT[series.assessment.travel]}</Text>
              </Stack>
              <Text>{summary}</Text>
              {kpi.progressNote && (
                <Stack tokens={{ childrenGap: 4 }}>
                  <Text as="h3" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
                    {strings.ScorecardNoteColumn}
                  </Text>
                  <Text styles={{ root: { whiteSpace: 'pre-wrap' } }}>{kpi.progressNote}</Text>
                  <Text variant="small">{progressNoteDateText(kpi, culture)}</Text>
                </Stack>
              )}
              {seriesFailure ? (
                <MessageBar messageBarType={MessageBarType.error} isMultiline>
                  {seriesFailure}
                </MessageBar>
              ) : (
                !whole && <Spinner label={strings.KpiSeriesLoading} />
              )}
              {whole && (
                <>
                  <React.Suspense fallback={<Spinner label={strings.KpiChartLoading} />}>
                    <KpiChart series={series} unit={kpi.unit} summary={summary} />
                  </React.Suspense>
                  <Text variant="small">{strings.KpiChartKey}</Text>
                  <ScrollRegion label={strings.KpiTableCaption}>
                    <table className={table.table}>
                      <caption className={table.caption}>{strings.KpiTableCaption}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{strings.DateColumn}</th>
                          <th scope="col" className={table.number}>{strings.KpiActualColumn}</th>
                          <th scope="col" className={table.number}>{strings.KpiTargetColumn}</th>
                          <th scope="col">{strings.KpiMilestoneColumn}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {series.periods.map((period) => (
                          <tr key={period.date}>
                            <th scope="row">{formatDate(period.date, period.date, culture)}</th>
                            <td className={table.number}>{period.actual === undefined ? '' : formatValue(period.actual, kpi.unit, culture)}</td>
                            <td className={table.number}>{period.target === undefined ? '' : formatValue(period.target, kpi.unit, culture)}</td>
                            <td>{period.milestone ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollRegion>
                </>
              )}
              {points.length > 0 && (
                <Stack tokens={{ childrenGap: 8 }}>
                  <Text as="h3" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
                    {strings.CheckpointsHeading}
                  </Text>
                  <ul style={{ margin: 0, paddingLeft: 16 }}>
                    {points.map((checkpoint) => (
                      <Checkpoint key={checkpoint.index} checkpoint={checkpoint} kpi={kpi} dataService={dataService} today={today} canMark={access.canUpdateKpis} onChanged={onChanged} />
                    ))}
                  </ul>
                </Stack>
              )}
              {!access.canUpdateKpis ? <Text variant="small">{strings.KpiReadOnly}</Text> : whole && <RecordMeasurement kpi={kpi} dataService={dataService} today={today} onChanged={onChanged} />}
            </Stack>
          </div>
        </NarrowProvider>
      </ThemeProvider>
    </Panel>
  );
}
