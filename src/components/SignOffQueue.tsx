import * as React from 'react';
import { Panel, PanelType, Stack, Text, ThemeProvider, mergeStyles, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IPermissionContext } from '../model/permissions';
import { IAction } from '../model/plan';
import { IAwaitingItem, signOffQueue } from '../model/signOff';
import { statusLabel } from './schemeText';
import { IPlanDataService, IPlanSnapshot } from '../services/IPlanDataService';
import { SignOffDecision } from './SignOffDecision';
import { EvidenceLinks } from './EvidenceLinks';
import { StatusPill } from './StatusPill';
import { formatString } from './format';
import { awaitingCountText, awaitingText } from './signOffText';
import { useCulture } from './culture';
import { useFocusRing } from './themes';

export interface ISignOffQueueProps {
  /** The plan as the views show it: the queue is read from its actions, with no request of its own. */
  snapshot: IPlanSnapshot;
  dataService: IPlanDataService;
  /** An action changed: approved or returned here (as saved), or changed by someone else first (as it is now). */
  onActionChanged: (action: IAction) => void;
  onDismiss: () => void;
}

const list = mergeStyles({ margin: 0, padding: 0, listStyle: 'none' });
const item = mergeStyles({ padding: '12px 0', borderTop: '1px solid', borderTopColor: 'inherit' });
const note = mergeStyles({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });
const heading = mergeStyles({ margin: 0, fontSize: 'inherit', fontWeight: 600, overflowWrap: 'anywhere' });
const count = mergeStyles({ margin: 0 });

/** An item's key: its log entry's id. */
function keyOf(entry: IAwaitingItem): number {
  return entry.awaiting.updateId;
}

/**
 * The updates awaiting the signed-in person's sign-off across the plan, oldest first,
 * each with Approve and Return (with a comment). When one leaves the list, focus moves
 * to the next (or the list's heading), and a live region says what was done.
 */
export function SignOffQueue({ snapshot, dataService, onActionChanged, onDismiss }: ISignOffQueueProps): JSX.Element {
  const culture = useCulture();
  const theme = useTheme();
  const focusRing = useFocusRing();
  const context = React.useMemo<IPermissionContext>(() => ({ plan: snapshot.plan, priorities: snapshot.priorities, roles: snapshot.roles, viewer: snapshot.access }), [snapshot]);
  const queue = React.useMemo(() => signOffQueue(snapshot.actions, context), [snapshot.actions, context]);
  const [announcement, setAnnouncement] = React.useState('');
  // The item just decided and where it stood, so focus goes to the item that takes its place.
  const [decided, setDecided] = React.useState<{ key: number; index: number } | undefined>(undefined);
  const headings = React.useRef(new Map<number, HTMLElement>());
  const top = React.useRef<HTMLParagraphElement>(null);

  React.useEffect(() => {
    if (!decided) return;
    // Still listed (someone else changed the action, and it still awaits): focus stays where it is.
    if (!queue.some((entry) => keyOf(entry) === decided.key)) {
      const next = queue[Math.min(decided.index, queue.length - 1)];
      (next ? headings.current.get(keyOf(next)) : top.current)?.focus();
    }
    setDecided(undefined);
  }, [queue, decided]);

  return (
    <Panel isOpen type={PanelType.medium} headerText={strings.SignOffQueueHeading} closeButtonAriaLabel={strings.SignOffQueueClose} onDismiss={onDismiss} isBlocking={false}>
      {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
      <ThemeProvider theme={theme} className={focusRing}>
        <Stack tokens={{ childrenGap: 8 }}>
          <div role="status" aria-live="polite">
            {announcement}
          </div>
          {/* Where focus goes when the last item leaves. */}
          <p tabIndex={-1} ref={top} className={count}>
            {awaitingCountText(queue.length) ?? strings.SignOffQueueEmpty}
          </p>
          <ul className={list}>
            {queue.map((entry, index) => {
              const { action, awaiting } = entry;
              return (
                <li key={keyOf(entry)} className={item}>
                  <Stack tokens={{ childrenGap: 6 }}>
                    <h3 tabIndex={-1} className={heading} ref={(element) => (element ? headings.current.set(keyOf(entry), element) : headings.current.delete(keyOf(entry)))}>
                      {`${action.ref} ${action.text}`}
                    </h3>
                    <Text variant="small">{awaitingText(awaiting, culture)}</Text>
                    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
                      <Text>{strings.SignOffProposed}:</Text>
                      <StatusPill status={statusLabel(snapshot.plan.statusScheme, awaiting.status)} noStatusText={strings.NoStatus} />
                    </Stack>
                    <Text className={note}>{awaiting.note}</Text>
                    {awaiting.evidence && awaiting.evidence.length > 0 && <EvidenceLinks links={awaiting.evidence} />}
                    <SignOffDecision
                      action={action}
                      awaiting={awaiting}
                      dataService={dataService}
                      context={context}
                      onConflict={(current) => {
                        // The parent first, so the list has changed when focus is placed.
                        onActionChanged(current);
                        setAnnouncement(formatString(strings.SignOffConflict, action.ref));
                        setDecided({ key: keyOf(entry), index });
                      }}
                      onDecided={(saved, decision) => {
                        onActionChanged(saved.action);
                        setAnnouncement(formatString(decision === 'approve' ? strings.SignOffApproved : strings.SignOffReturned, action.ref));
                        setDecided({ key: keyOf(entry), index });
                      }}
                    />
                  </Stack>
                </li>
              );
            })}
          </ul>
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
