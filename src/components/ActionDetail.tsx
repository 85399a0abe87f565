import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, Spinner, SpinnerSize, Stack, Text, ThemeProvider, hiddenContentStyle, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IPermissionContext } from '../model/permissions';
import { IAction, IProgressUpdate, assigneeName, withTexts } from '../model/plan';
import { rightsWithReasons } from '../model/rightsReasons';
import { signOffProblem } from '../model/signOff';
import { compareUpdates, statusByPeriod } from '../model/rollups';
import { IRevision, RevisedField, compareRevisions } from '../model/revisions';
import { statusLabel } from './schemeText';
import { IEvidenceService } from '../services/IEvidenceService';
import { IOpenedAction, IPlanDataService, IPlanSnapshot, ISavedUpdate } from '../services/IPlanDataService';
import { IPeopleService } from '../services/IPeopleService';
import { EvidenceLinks } from './EvidenceLinks';
import { QuickUpdate } from './QuickUpdate';
import { StatusPill } from './StatusPill';
import { dueText, errorMessage, formatDate, formatString } from './format';
import { useTableStyles } from './tableStyles';
import { awaitingText, decisionText, rightsReasonText, signOffProblemText, submittingWhenRequired } from './signOffText';
import { Confirmation } from './formFocus';
import { NarrowProvider, useNarrowElement } from './narrow';
import { ScrollRegion } from './ScrollRegion';
import { useFocusRing } from './themes';
import { useCulture } from './culture';

/** The edit form (with its people search) is opened by editors only: fetched when first opened, not with every page. */
const ActionEditForm = React.lazy(() => import(/* webpackChunkName: 'action-edit' */ './ActionEditForm').then((module) => ({ default: module.ActionEditForm })));
/** Approve and return are offered to leads and plan officers only: fetched when an update awaits them. */
const SignOffDecision = React.lazy(() => import(/* webpackChunkName: 'sign-off' */ './SignOffDecision').then((module) => ({ default: module.SignOffDecision })));

export interface IActionDetailProps {
  action: IAction;
  snapshot: IPlanSnapshot;
  dataService: IPlanDataService;
  /** Finds people when an editor changes who is responsible. */
  peopleService?: IPeopleService;
  /** Stores files attached to an update; without it, an update takes links only. */
  evidenceService?: IEvidenceService;
  today: IsoDate;
  onSaved: (saved: ISavedUpdate) => void;
  onEdited: (action: IAction) => void;
  onDismiss: () => void;
}

type Mode = 'read' | 'update' | 'edit';

type LogState = { kind: 'loading' } | ({ kind: 'loaded' } & IOpenedAction) | { kind: 'failed'; message: string };

const styles = mergeStyleSets({
  fields: { display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) 1fr', gap: '4px 12px', margin: 0, selectors: { dt: { fontWeight: 600 }, dd: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } } },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  hidden: hiddenContentStyle
});

/** A row of the log: a progress update (with the status it moved from) or a revision of a key field. */
type LogRow = { kind: 'update'; update: IProgressUpdate; before?: string } | { kind: 'revision'; revision: IRevision; index: number };

/**
 * The log and the revisions among its entries by date, newest first, each update with the status it moved from.
 * An update awaiting sign-off is shown from the action's list instead; a returned one moved no status.
 */
function logWithRevisions(log: IProgressUpdate[], revisions: readonly IRevision[]): LogRow[] {
  let status: string | undefined;
  const updates: LogRow[] = [...log]
    .sort(compareUpdates)
    .filter((update) => update.signOff?.state !== 'submitted')
    .map((update) => {
      const before = status;
      if (update.status !== undefined && update.signOff?.state !== 'returned') status = update.status;
      return { kind: 'update', update, before };
    });
  const revised: LogRow[] = [...revisions].sort(compareRevisions).map((revision, index) => ({ kind: 'revision', revision, index }));
  const dateOf = (row: LogRow): string => (row.kind === 'update' ? row.update.date : row.revision.date);
  // Oldest first (a stable sort keeps each kind's own order within a day), then turned round.
  return updates.concat(revised).sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0)).reverse();
}

const REVISION_TEXT: Readonly<Record<RevisedField, string>> = {
  text: strings.RevisionText,
  revisedDue: strings.RevisionRevisedDue,
  strategicLead: strings.RevisionStrategicLead,
  responsibleOfficer: strings.RevisionResponsibleOfficer
};

/** "Due date revised from Sep-23 to Jun-24 by Kathryn Morgan: Provider withdrew". */
function revisionText(revision: IRevision, action: IAction): string {
  // Before its first revision the action was due when the plan first said.
  const old = revision.old || (revision.field === 'revisedDue' ? action.due.text : '') || strings.NotRecorded;
  const sentence = formatString(REVISION_TEXT[revision.field], old, revision.new || strings.NotRecorded, revision.by || strings.NotRecorded);
  return revision.reason ? formatString(strings.RevisionWithReason, sentence, revision.reason) : sentence;
}

/** A table that fits the panel as it is, laid out as stacked rows when the panel is narrow. */
function StackedWhenNarrow({ narrow, label, children }: { narrow: boolean; label: string; children: JSX.Element }): JSX.Element {
  return narrow ? <ScrollRegion label={label}>{children}</ScrollRegion> : children;
}

/**
 * Everything about one action in a side panel: its fields, status at each board
 * date (from its history), and the whole log, read when the panel opens and again
 * after each save. Each person is offered what the plan's edit policy lets them do
 * (post an update, edit), with a line saying why where something is not offered; an
 * update awaiting sign-off shows who submitted it, with Approve and Return for those
 * who may sign it off.
 */
export function ActionDetail({ action, snapshot, dataService, peopleService, evidenceService, today, onSaved, onEdited, onDismiss }: IActionDetailProps): JSX.Element {
  const culture = useCulture();
  const { plan, access } = snapshot;
  const theme = useTheme();
  const table = useTableStyles();
  const [mode, setMode] = React.useState<Mode>('read');
  // A form closed without saving hands focus back to the button that opened it.
  const openers = React.useRef<Partial<Record<Mode, HTMLElement | null>>>({});
  const [returnFocusTo, setReturnFocusTo] = React.useState<Mode | undefined>(undefined);
  React.useEffect(() => {
    if (mode !== 'read' || !returnFocusTo) return;
    openers.current[returnFocusTo]?.focus();
    setReturnFocusTo(undefined);
  }, [mode, returnFocusTo]);
  const closeForm = (): void => {
    setReturnFocusTo(mode);
    setMode('read');
  };
  const focusRing = useFocusRing();
  // The panel's own width: a phone's, or a wide panel beside a narrow web part.
  const [narrow, content] = useNarrowElement();
  const [message, setMessage] = React.useState<string | undefined>(undefined);
  const [logState, setLogState] = React.useState<LogState>({ kind: 'loading' });
  React.useEffect(() => {
    let current = true;
    setLogState({ kind: 'loading' });
    dataService.openAction(action, access.canAddUpdates).then(
      (opened) => current && setLogState({ kind: 'loaded', ...opened }),
      (error: unknown) => current && setLogState({ kind: 'failed', message: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [dataService, action, access.canAddUpdates]);
  const priority = snapshot.priorities.find((p) => p.id === action.priorityId);
  const outcome = snapshot.outcomes.find((o) => o.id === action.outcomeId);
  const scheme = plan.statusScheme;
  const pill = (key: string | undefined): JSX.Element => <StatusPill status={statusLabel(scheme, key)} noStatusText={strings.NoStatus} />;
  const periods = statusByPeriod(action.history, plan.reportingDates.filter((date) => date <= today));
  const context = React.useMemo<IPermissionContext>(() => ({ plan, priorities: snapshot.priorities, roles: snapshot.roles, viewer: access }), [plan, snapshot.priorities, snapshot.roles, access]);
  const { rights, edit: noEdit, postUpdate: noUpdate } = rightsWithReasons(action, context);
  // One line each for what is not offered, once when both have the same reason.
  const reasons = Array.from(new Set([noUpdate, noEdit].filter((reason): reason is NonNullable<typeof reason> => reason !== undefined)));
  const updating = React.useMemo(() => submittingWhenRequired(dataService, plan), [dataService, plan]);
  const rows = logState.kind === 'loaded' ? logWithRevisions(logState.log, action.revisions) : [];
  // The views load actions without their long texts: shown, and editable, once read with the log.
  const whole = logState.kind === 'loaded' ? withTexts(action, logState.texts) : action;

  const field = (label: string, value: React.ReactNode): JSX.Element | null =>
    value === undefined || value === '' || (Array.isArray(value) && value.length === 0) ? null : (
      <React.Fragment key={label}>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </React.Fragment>
    );

  return (
    <Panel
      isOpen
      type={PanelType.medium}
      headerText={formatString(strings.ActionDetailHeading, action.ref)}
      closeButtonAriaLabel={strings.Close}
      onDismiss={onDismiss}
      isFooterAtBottom={false}
      isBlocking={false}
    >
      {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
      <ThemeProvider theme={theme} className={focusRing}>
        <NarrowProvider value={narrow}>
          <div ref={content}>
            <Stack tokens={{ childrenGap: 16 }}>
              <Stack tokens={{ childrenGap: 8 }}>
                <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                  {pill(action.status)}
                </Stack>
                {reasons.map((reason) => (
                  <Text key={reason} variant="small">
                    {rightsReasonText(reason)}
                  </Text>
                ))}
                <Text className={styles.note}>{action.text}</Text>
              </Stack>
              {message && <Confirmation key={message} message={message} />}
              {(action.awaitingSignOff ?? []).map((awaiting) => {
                const problem = signOffProblem(action, awaiting, context);
                return (
                  <Stack key={awaiting.updateId} tokens={{ childrenGap: 6 }}>
                    <Text styles={{ root: { fontWeight: 600 } }}>{awaitingText(awaiting, culture)}</Text>
                    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                      <Text>{strings.SignOffProposed}:</Text>
                      {pill(awaiting.status)}
                    </Stack>
                    <Text className={styles.note}>{awaiting.note}</Text>
                    {awaiting.evidence && awaiting.evidence.length > 0 && <EvidenceLinks links={awaiting.evidence} />}
                    {problem === undefined ? (
                      <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
                        <SignOffDecision
                          action={action}
                          awaiting={awaiting}
                          dataService={dataService}
                          context={context}
                          onConflict={onEdited}
                          onDecided={(saved, decision) => {
                            setMessage(formatString(decision === 'approve' ? strings.SignOffApproved : strings.SignOffReturned, action.ref));
                            onSaved(saved);
                          }}
                        />
                      </React.Suspense>
                    ) : (
                      plan.signOffRequired && <Text variant="small">{signOffProblemText(problem)}</Text>
                    )}
                  </Stack>
                );
              })}
              {(rights.postUpdate || rights.edit) && mode === 'read' && (
                <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                  {rights.postUpdate && (
                    <DefaultButton elementRef={(element) => (openers.current.update = element)} iconProps={{ iconName: 'Add' }} onClick={() => { setMode('update'); setMessage(undefined); }}>
                      {formatString(strings.UpdateButton, action.ref)}
                    </DefaultButton>
                  )}
                  {rights.edit && (
                    <DefaultButton elementRef={(element) => (openers.current.edit = element)} iconProps={{ iconName: 'Edit' }} disabled={whole.textsOmitted} onClick={() => { setMode('edit'); setMessage(undefined); }}>
                      {formatString(strings.EditButton, action.ref)}
                    </DefaultButton>
                  )}
                </Stack>
              )}
              {mode === 'update' && (
                <QuickUpdate
                  action={action}
                  scheme={scheme}
                  dataService={updating}
                  evidenceService={evidenceService}
                  today={today}
                  onClose={closeForm}
                  onSaved={(saved) => {
                    // The form may have been closed (and another opened) while the save was under way.
                    setMode((current) => (current === 'update' ? 'read' : current));
                    setMessage(formatString(saved.update.signOff?.state === 'submitted' ? strings.UpdateSubmitted : strings.UpdateSaved, action.ref));
                    onSaved(saved);
                  }}
                />
              )}
              {mode === 'edit' && (
                <React.Suspense fallback={<Spinner label={strings.EditOpening} />}>
                  <ActionEditForm
                    action={whole}
                    dataService={dataService}
                    roles={snapshot.roles}
                    peopleService={peopleService}
                    editor={snapshot.access.user.displayName}
                    today={today}
                    onClose={closeForm}
                    onDone={(edited, outcome) => {
                      setMode((current) => (current === 'edit' ? 'read' : current));
                      setMessage(formatString(outcome === 'saved' ? strings.EditSaved : strings.EditTookTheirs, action.ref));
                      onEdited(edited);
                    }}
                  />
                </React.Suspense>
              )}
              <dl className={styles.fields}>
                {field(strings.PriorityColumn, priority ? `${priority.number}. ${priority.title}` : undefined)}
                {field(strings.OutcomeLabel, outcome ? `${outcome.number} ${outcome.title}` : undefined)}
                {field(strings.ThemeLabel, action.theme)}
                {field(strings.StrategicLeadLabel, assigneeName(action.strategicLead))}
                {field(strings.OfficerColumn, assigneeName(action.responsibleOfficer) || strings.NotRecorded)}
                {field(strings.DeliveryPartnersLabel, whole.deliveryPartners.join(', '))}
                {field(strings.StartLabel, action.start.kind === 'none' ? undefined : dueText(action.start, culture))}
                {field(action.revisedDue ? strings.OriginalDueLabel : strings.DueLabel, dueText(action.due, culture))}
                {action.revisedDue && field(strings.RevisedDueLabel, formatString(strings.RevisedDueWithReason, dueText(action.revisedDue, culture), action.revisedDueReason ?? strings.NotRecorded))}
                {field(strings.ResourcesLabel, whole.resources)}
                {field(strings.DesiredImpactLabel, whole.desiredImpact)}
                {field(strings.HowWeWillKnowLabel, whole.howWeWillKnow)}
                {field(strings.TagsLabel, action.tags.join(', '))}
                {field(
                  strings.EvidenceLabel,
                  action.evidence.length === 0 ? undefined : <EvidenceLinks links={action.evidence} />
                )}
              </dl>
              {periods.length > 0 && (
                <StackedWhenNarrow narrow={narrow} label={strings.StatusByPeriodCaption}>
                  <table className={table.table}>
                    <caption className={table.caption}>
                      {strings.StatusByPeriodCaption}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{strings.ReportingDate}</th>
                        <th scope="col">{strings.StatusColumn}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {periods.map((period) => (
                        <tr key={period.date}>
                          <th scope="row">{formatDate(period.date, period.date, culture)}</th>
                          <td>{pill(period.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </StackedWhenNarrow>
              )}
              {logState.kind === 'loading' ? (
                <Spinner size={SpinnerSize.small} label={strings.LogLoading} />
              ) : logState.kind === 'failed' ? (
                <MessageBar messageBarType={MessageBarType.error}>{`${strings.LogLoadFailed} ${logState.message}`}</MessageBar>
              ) : rows.length === 0 ? (
                <Text>{strings.NoUpdateYet}</Text>
              ) : (
                <StackedWhenNarrow narrow={narrow} label={formatString(strings.UpdateLogCaption, rows.length)}>
                  <table className={table.table}>
                    <caption className={table.caption}>
                      {formatString(strings.UpdateLogCaption, rows.length)}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{strings.DateColumn}</th>
                        <th scope="col">{strings.LogWhoColumn}</th>
                        <th scope="col">{strings.StatusColumn}</th>
                        <th scope="col">{strings.UpdateNoteLabel}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => {
                        if (row.kind === 'revision') {
                          const { revision } = row;
                          return (
                            <tr key={`revision-${row.index}`}>
                              <th scope="row">{formatDate(revision.date, revision.date, culture)}</th>
                              <td>{revision.by || strings.NotRecorded}</td>
                              <td>{strings.StatusUnchanged}</td>
                              <td className={styles.note}>{revisionText(revision, action)}</td>
                            </tr>
                          );
                        }
                        const { update, before } = row;
                        const decision = decisionText(update.signOff);
                        return (
                          <tr key={update.id}>
                            <th scope="row">{formatDate(update.date, update.date, culture)}</th>
                            <td>{update.author || strings.NotRecorded}</td>
                            <td>
                              {update.status === undefined || update.signOff?.state === 'returned' ? (
                                strings.StatusUnchanged
                              ) : update.status === before ? (
                                pill(update.status)
                              ) : (
                                <span>
                                  {pill(before)} <span aria-hidden="true">→</span>
                                  <span className={styles.hidden}>{` ${strings.StatusChangedTo}`}</span> {pill(update.status)}
                                </span>
                              )}
                            </td>
                            <td className={styles.note}>
                              {update.note}
                              {update.evidence.length > 0 && <EvidenceLinks links={update.evidence} />}
                              {decision && <Text block variant="small">{decision}</Text>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </StackedWhenNarrow>
              )}
            </Stack>
          </div>
        </NarrowProvider>
      </ThemeProvider>
    </Panel>
  );
}
