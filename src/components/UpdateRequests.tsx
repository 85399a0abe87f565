import * as React from 'react';
import { Checkbox, Link, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, SpinnerSize, Stack, Text, ThemeProvider, getId, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate, todayIso } from '../model/isoDate';
import { IRecipient, IUpdateRequest, answerRate, requestsForBoard, whoOwes } from '../model/updateRequests';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { IMailMessage, IMailSender, MailNotPermittedError, MailSendError, mailLink } from '../services/IMailSender';
import { IUpdateRequestService } from '../services/IUpdateRequestService';
import { useCulture } from './culture';
import { errorMessage, formatDate, formatString } from './format';
import { ActionLink } from './navigation';
import { andMoreText, noOneToAskText, reasonsText, requestMessage } from './requestMessage';
import { useFocusRing } from './themes';

export interface IUpdateRequestsProps {
  /** The plan as at today. */
  snapshot: IPlanSnapshot;
  today: IsoDate;
  dueSoonDays: number;
  requestService: IUpdateRequestService;
  mailSender: IMailSender;
  /** The page the web part is on: each request's links open the action there. */
  pageUrl: string;
  onDismiss: () => void;
  /** The clock, for when a request is sent. */
  now?: () => Date;
}

/** What happened to one person's request. */
type Outcome =
  | { kind: 'sent' }
  | { kind: 'link'; href: string; opened: boolean }
  | { kind: 'failed'; message: string };

type Loaded = { kind: 'loading' } | { kind: 'loaded'; requests: IUpdateRequest[] } | { kind: 'failed'; message: string };

const list = mergeStyles({ margin: '4px 0 0', paddingLeft: 20 });
const person = mergeStyles({ padding: '8px 0', borderTop: '1px solid', borderTopColor: 'inherit' });

/**
 * When a request is sent. A host that shows the plan as at another day than the clock's
 * (the local preview) gets that day at noon, so the answer rate counts from it.
 */
function sentAtFor(today: IsoDate, now: Date): string {
  return todayIso(now) === today ? now.toISOString() : `${today}T12:00:00.000Z`;
}

/** Why a message was not sent, in words: throttled, refused with what the mail service said, or another failure. */
function sendFailureText(error: unknown): string {
  if (error instanceof MailSendError) return error.status === 429 || error.status === 503 ? strings.ErrorThrottled : formatString(strings.RequestsMailRefused, error.detail);
  return errorMessage(error);
}

function askedWhen(daysAgo: number): string {
  if (daysAgo === 0) return strings.RequestsAskedToday;
  if (daysAgo === 1) return strings.RequestsAskedYesterday;
  return formatString(strings.RequestsAskedDaysAgo, daysAgo);
}

/**
 * Requests for updates before the next board, for a plan officer: who owes what (per
 * person, roles resolved, each action with why), choosing whom to ask, one message each
 * through the mail sender (or, where sending mail is not approved, a prepared mail link),
 * every request recorded, and the requests already sent with how far each is answered.
 */
export function UpdateRequests({ snapshot, today, dueSoonDays, requestService, mailSender, pageUrl, onDismiss, now = () => new Date() }: IUpdateRequestsProps): JSX.Element {
  const { plan } = snapshot;
  const culture = useCulture();
  const theme = useTheme();
  const focusRing = useFocusRing();
  const owes = React.useMemo(
    () => whoOwes({ actions: snapshot.actions, roles: snapshot.roles, scheme: plan.statusScheme, reportingDates: plan.reportingDates, today, dueSoonDays, culture }),
    [snapshot, plan, today, dueSoonDays, culture]
  );
  const boardDate = owes.boardDate;
  const [loaded, setLoaded] = React.useState<Loaded>({ kind: 'loading' });
  const [chosen, setChosen] = React.useState<ReadonlySet<string>>(() => new Set(owes.recipients.map((recipient) => recipient.person.email)));
  const [outcomes, setOutcomes] = React.useState<ReadonlyMap<string, Outcome>>(new Map());
  const [progress, setProgress] = React.useState<{ done: number; of: number } | undefined>(undefined);
  const [notPermitted, setNotPermitted] = React.useState(false);
  /** Requests sent whose record is not saved yet, kept to save again. */
  const [unrecorded, setUnrecorded] = React.useState<{ requests: Array<Omit<IUpdateRequest, 'id'>>; message: string } | undefined>(undefined);
  const [ids] = React.useState(() => ({ people: getId('requests-people'), noOne: getId('requests-no-one'), sent: getId('requests-sent') }));

  React.useEffect(() => {
    let current = true;
    requestService.loadRequests(plan.id).then(
      (requests) => current && setLoaded({ kind: 'loaded', requests }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [requestService, plan.id]);

  const messageFor = (recipient: IRecipient): IMailMessage =>
    requestMessage(recipient, { planTitle: plan.title, boardDate: boardDate as IsoDate, cycleStart: owes.cycleStart, pageUrl }, culture);

  const requestFor = (recipient: IRecipient, channel: IUpdateRequest['channel']): Omit<IUpdateRequest, 'id'> => ({
    planId: plan.id,
    boardDate: boardDate as IsoDate,
    recipient: { ...(recipient.person.id !== undefined ? { id: recipient.person.id } : {}), email: recipient.person.email, name: recipient.person.displayName },
    actionIds: recipient.owed.map((owed) => owed.action.id),
    sentAt: sentAtFor(today, now()),
    sentBy: snapshot.access.user.displayName,
    channel
  });

  const record = async (requests: Array<Omit<IUpdateRequest, 'id'>>): Promise<boolean> => {
    if (requests.length === 0) return true;
    try {
      const recorded = await requestService.recordRequests(requests);
      setUnrecorded(undefined);
      setLoaded((state) => (state.kind === 'loaded' ? { kind: 'loaded', requests: state.requests.concat(recorded) } : state));
      return true;
    } catch (error) {
      setUnrecorded({ requests, message: errorMessage(error) });
      return false;
    }
  };

  const send = async (): Promise<void> => {
    const recipients = owes.recipients.filter((recipient) => chosen.has(recipient.person.email));
    const results = new Map<string, Outcome>();
    const sent: Array<Omit<IUpdateRequest, 'id'>> = [];
    let permitted = !notPermitted;
    for (const [index, recipient] of recipients.entries()) {
      setProgress({ done: index + 1, of: recipients.length });
      const message = messageFor(recipient);
      if (permitted) {
        try {
          await mailSender.send(message);
          results.set(recipient.person.email, { kind: 'sent' });
          sent.push(requestFor(recipient, 'graph'));
          continue;
        } catch (error) {
          if (!(error instanceof MailNotPermittedError)) {
            results.set(recipient.person.email, { kind: 'failed', message: sendFailureText(error) });
            continue;
          }
          // Not approved for anyone: every message from here on is prepared as a link instead.
          permitted = false;
          setNotPermitted(true);
        }
      }
      results.set(recipient.person.email, { kind: 'link', href: mailLink(message, andMoreText), opened: false });
    }
    setOutcomes(results);
    setProgress(undefined);
    await record(sent);
  };

  /** A mail link's request is recorded when the officer opens it; once, however often it is opened. */
  const opened = async (recipient: IRecipient): Promise<void> => {
    const outcome = outcomes.get(recipient.person.email);
    if (outcome?.kind !== 'link' || outcome.opened) return;
    setOutcomes((current) => new Map(current).set(recipient.person.email, { ...outcome, opened: true }));
    await record([requestFor(recipient, 'mailLink')]);
  };

  const toggle = (email: string, checked: boolean): void =>
    setChosen((current) => {
      const next = new Set(current);
      if (checked) next.add(email);
      else next.delete(email);
      return next;
    });

  const sentForBoard = loaded.kind === 'loaded' ? requestsForBoard(loaded.requests, boardDate) : [];

  return (
    <Panel isOpen isBlocking={false} type={PanelType.large} headerText={strings.RequestsOpen} closeButtonAriaLabel={strings.RequestsClose} onDismiss={onDismiss}>
      {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
      <ThemeProvider theme={theme} className={focusRing}>
        <Stack tokens={{ childrenGap: 16 }}>
          {boardDate === undefined ? (
            <MessageBar messageBarType={MessageBarType.info}>{strings.RequestsNoBoardAhead}</MessageBar>
          ) : (
            <>
              <Text>
                {owes.cycleStart
                  ? formatString(strings.RequestsIntro, formatDate(boardDate, boardDate, culture), formatDate(owes.cycleStart, owes.cycleStart, culture), dueSoonDays)
                  : formatString(strings.RequestsIntroFirstBoard, formatDate(boardDate, boardDate, culture), dueSoonDays)}
              </Text>
              <section aria-labelledby={ids.people}>
                <Text as="h3" variant="large" id={ids.people}>
                  {strings.RequestsPeopleHeading}
                </Text>
                {owes.recipients.length === 0 && <Text as="p">{strings.RequestsNobodyOwes}</Text>}
                {notPermitted && <MessageBar messageBarType={MessageBarType.warning} isMultiline>{strings.RequestsNotPermitted}</MessageBar>}
                <ul className={mergeStyles({ margin: 0, padding: 0, listStyle: 'none' })}>
                  {owes.recipients.map((recipient) => {
                    const outcome = outcomes.get(recipient.person.email);
                    const name = recipient.person.displayName;
                    return (
                      <li key={recipient.person.email} className={person}>
                        <Checkbox
                          label={formatString(recipient.owed.length === 1 ? strings.RequestsPersonOne : strings.RequestsPersonMany, name, recipient.person.email, recipient.owed.length)}
                          checked={chosen.has(recipient.person.email)}
                          disabled={progress !== undefined}
                          onChange={(_, checked) => toggle(recipient.person.email, !!checked)}
                        />
                        <ul className={list}>
                          {recipient.owed.map((owed) => (
                            <li key={owed.action.id}>
                              <ActionLink actionId={owed.action.id} refText={owed.action.ref} label={formatString(strings.OpenActionLabel, owed.action.ref)} /> {owed.action.text} ({reasonsText(owed, owes.cycleStart, culture)})
                            </li>
                          ))}
                        </ul>
                        {outcome?.kind === 'sent' && <Text as="p">{formatString(strings.RequestsSentTo, name)}</Text>}
                        {outcome?.kind === 'failed' && (
                          <MessageBar messageBarType={MessageBarType.error}>{formatString(strings.RequestsSendFailed, name, outcome.message)}</MessageBar>
                        )}
                        {outcome?.kind === 'link' && (
                          <Text as="p">
                            <Link href={outcome.href} target="_blank" rel="noopener noreferrer" aria-label={formatString(strings.RequestsOpenInMailLabel, name)} onClick={() => opened(recipient)}>
                              {strings.RequestsOpenInMail}
                            </Link>
                            {outcome.opened && <> {formatString(strings.RequestsOpened, name)}</>}
                          </Text>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {owes.recipients.length > 0 && (
                  <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }} styles={{ root: { paddingTop: 8 } }}>
                    <PrimaryButton disabled={chosen.size === 0 || progress !== undefined} onClick={send}>
                      {formatString(strings.RequestsSend, chosen.size)}
                    </PrimaryButton>
                    <div role="status" aria-live="polite">
                      {progress && <Spinner size={SpinnerSize.small} label={formatString(strings.RequestsSending, progress.done, progress.of)} labelPosition="right" />}
                    </div>
                  </Stack>
                )}
                {unrecorded && (
                  <MessageBar
                    messageBarType={MessageBarType.error}
                    actions={<PrimaryButton onClick={() => record(unrecorded.requests)}>{strings.RequestsRecordRetry}</PrimaryButton>}
                  >
                    {formatString(strings.RequestsRecordFailed, unrecorded.message)}
                  </MessageBar>
                )}
              </section>
              {owes.noOneToAsk.length > 0 && (
                <section aria-labelledby={ids.noOne}>
                  <Text as="h3" variant="large" id={ids.noOne}>
                    {strings.RequestsNoOneHeading}
                  </Text>
                  <Text as="p">{strings.RequestsNoOneIntro}</Text>
                  <ul className={list}>
                    {owes.noOneToAsk.map((entry) => (
                      <li key={entry.action.id}>
                        <ActionLink actionId={entry.action.id} refText={entry.action.ref} label={formatString(strings.OpenActionLabel, entry.action.ref)} />{' '}
                        {formatString(strings.RequestsNoOneItem, entry.action.text, noOneToAskText(entry))} ({reasonsText(entry, owes.cycleStart, culture)})
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <section aria-labelledby={ids.sent}>
                <Text as="h3" variant="large" id={ids.sent}>
                  {strings.RequestsSentHeading}
                </Text>
                {loaded.kind === 'loading' && <Spinner label={strings.RequestsReading} />}
                {loaded.kind === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{formatString(strings.RequestsReadFailed, loaded.message)}</MessageBar>}
                {loaded.kind === 'loaded' && sentForBoard.length === 0 && <Text as="p">{strings.RequestsNoneSent}</Text>}
                {sentForBoard.length > 0 && (
                  <ul className={list}>
                    {sentForBoard.map((request) => {
                      const rate = answerRate(request, snapshot.actions, today);
                      const channel = request.channel === 'graph' ? strings.RequestsChannelGraph : strings.RequestsChannelMailLink;
                      return <li key={request.id}>{formatString(strings.RequestsAnswerRate, request.recipient.name, askedWhen(rate.daysAgo), request.sentBy, channel, rate.updated, rate.asked)}</li>;
                    })}
                  </ul>
                )}
              </section>
            </>
          )}
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
