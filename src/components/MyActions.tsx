import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack, Text, getId, mergeStyles } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IOwnedAction, OWNER_GROUPS, OwnerGroup, myActions, rolesHeldBy } from '../model/myActions';
import { IPermissionContext } from '../model/permissions';
import { rightsWithReasons } from '../model/rightsReasons';
import { statusLabel } from './schemeText';
import { IEvidenceService } from '../services/IEvidenceService';
import { IPlanDataService, IPlanSnapshot, ISavedUpdate } from '../services/IPlanDataService';
import { formatDate, formatString, latestUpdateText } from './format';
import { QuickUpdate } from './QuickUpdate';
import { StatusPill } from './StatusPill';
import { ActionLink, FigureLink } from './navigation';
import { awaitingText, rightsReasonText, submittingWhenRequired } from './signOffText';
import { Confirmation } from './formFocus';
import { useCulture } from './culture';

export interface IMyActionsProps {
  snapshot: IPlanSnapshot;
  dataService: IPlanDataService;
  today: IsoDate;
  dueSoonDays: number;
  /** Stores files attached to an update; without it, an update takes links only. */
  evidenceService?: IEvidenceService;
  onSaved: (saved: ISavedUpdate) => void;
}

const card = mergeStyles({ listStyle: 'none', padding: '8px 0', borderTop: '1px solid', borderTopColor: 'inherit' });
const list = mergeStyles({ margin: 0, padding: 0 });

function groupHeading(group: OwnerGroup, dueSoonDays: number): string {
  switch (group) {
    case 'overdue':
      return strings.GroupOverdue;
    case 'dueSoon':
      return formatString(strings.GroupDueSoon, dueSoonDays);
    case 'later':
      return strings.GroupLater;
    default:
      return strings.GroupComplete;
  }
}

function owedIds(groups: Record<OwnerGroup, IOwnedAction[]>): number[] {
  return OWNER_GROUPS.reduce<number[]>((ids, group) => ids.concat(groups[group].filter((owned) => owned.owedThisCycle).map((owned) => owned.action.id)), []);
}

/** The signed-in person's actions, grouped by what needs doing, each with a quick update. */
export function MyActions({ snapshot, dataService, evidenceService, today, dueSoonDays, onSaved }: IMyActionsProps): JSX.Element {
  const culture = useCulture();
  const { plan, access } = snapshot;
  const [open, setOpen] = React.useState<number | undefined>(undefined);
  const [saved, setSaved] = React.useState<string | undefined>(undefined);
  const [headingId] = React.useState(() => getId('my-actions'));
  // A form closed without saving hands focus back to its action's Update button.
  const updateButtons = React.useRef(new Map<number, HTMLElement | null>());
  const [returnFocusTo, setReturnFocusTo] = React.useState<number | undefined>(undefined);
  React.useEffect(() => {
    if (returnFocusTo === undefined) return;
    updateButtons.current.get(returnFocusTo)?.focus();
    setReturnFocusTo(undefined);
  }, [returnFocusTo]);
  const mine = React.useMemo(
    () =>
      access.user.id === undefined
        ? undefined
        : myActions({
            actions: snapshot.actions,
            scheme: plan.statusScheme,
            reportingDates: plan.reportingDates,
            today,
            personId: access.user.id,
            rolesHeld: rolesHeldBy(snapshot.roles, access.user.id),
            dueSoonDays
          }),
    [snapshot, today, dueSoonDays, access.user.id, plan]
  );
  const total = mine ? OWNER_GROUPS.reduce((sum, group) => sum + mine.groups[group].length, 0) : 0;
  const context = React.useMemo<IPermissionContext>(() => ({ plan, priorities: snapshot.priorities, roles: snapshot.roles, viewer: access }), [plan, snapshot.priorities, snapshot.roles, access]);
  const updating = React.useMemo(() => submittingWhenRequired(dataService, plan), [dataService, plan]);
  const readOnly = !(access.canEditActions && access.canAddUpdates);

  const row = (owned: IOwnedAction): JSX.Element => {
    const { action, latest } = owned;
    const due = action.revisedDue ?? action.due;
    const { rights, postUpdate: noUpdate } = rightsWithReasons(action, context);
    return (
      <li key={action.id} className={card}>
        <Stack tokens={{ childrenGap: 4 }}>
          <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
            <Text variant="mediumPlus" as="h4" styles={{ root: { margin: 0 } }}>
              <ActionLink actionId={action.id} refText={action.ref} label={formatString(strings.OpenActionLabel, action.ref)} />
            </Text>
            <StatusPill status={statusLabel(plan.statusScheme, action.status)} noStatusText={strings.NoStatus} />
            {owned.owedThisCycle && <Text styles={{ root: { fontWeight: 600 } }}>{strings.MyActionsOwedBadge}</Text>}
          </Stack>
          <Text>{action.text}</Text>
          <Text variant="small">
            {strings.DueLabel}: {due.text || strings.NotRecorded}
            {due.date && due.text !== formatDate(due.date, '', culture) ? ` (${formatDate(due.date, '', culture)})` : ''}
          </Text>
          <Text variant="small">
            {strings.LatestUpdateLabel}: {latestUpdateText(latest, culture)}
          </Text>
          {(action.awaitingSignOff ?? []).map((awaiting) => (
            <Text key={awaiting.updateId} variant="small" styles={{ root: { fontWeight: 600 } }}>
              {awaitingText(awaiting, culture)}
            </Text>
          ))}
          {rights.postUpdate && open !== action.id && (
            <Stack.Item>
              <DefaultButton elementRef={(element) => updateButtons.current.set(action.id, element)} onClick={() => { setOpen(action.id); setSaved(undefined); }}>{formatString(strings.UpdateButton, action.ref)}</DefaultButton>
            </Stack.Item>
          )}
          {/* Said once above the list when the person may update nothing. */}
          {noUpdate && noUpdate !== 'readOnly' && <Text variant="small">{rightsReasonText(noUpdate)}</Text>}
          {open === action.id && (
            <QuickUpdate
              action={action}
              scheme={plan.statusScheme}
              dataService={updating}
              evidenceService={evidenceService}
              today={today}
              onClose={() => {
                setOpen(undefined);
                setReturnFocusTo(action.id);
              }}
              onSaved={(result) => {
                // Another action's form may be open by the time this save returns: that one stays open.
                setOpen((current) => (current === action.id ? undefined : current));
                setSaved(formatString(result.update.signOff?.state === 'submitted' ? strings.UpdateSubmitted : strings.UpdateSaved, action.ref));
                onSaved(result);
              }}
            />
          )}
        </Stack>
      </li>
    );
  };

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.MyActionsHeading}
      </Text>
      {saved && <Confirmation key={saved} message={saved} />}
      {!mine || total === 0 ? (
        <MessageBar messageBarType={MessageBarType.info}>{strings.MyActionsNone}</MessageBar>
      ) : (
        <>
          {readOnly && <MessageBar messageBarType={MessageBarType.info}>{strings.PlanReadOnly}</MessageBar>}
          <Text>
            {mine.owed > 0 && mine.cycleStart ? (
              <>
                {strings.MyActionsOwedPrefix}{' '}
                <FigureLink
                  count={mine.owed}
                  filter={{ actionIds: owedIds(mine.groups), description: formatString(strings.MyActionsOwed, mine.owed, formatDate(mine.cycleStart, '', culture)) }}
                  label={formatString(strings.MyActionsOwedLabel, mine.owed)}
                />{' '}
                {formatString(strings.MyActionsOwedSuffix, formatDate(mine.cycleStart, '', culture))}
              </>
            ) : (
              strings.MyActionsOwedNone
            )}
          </Text>
          {OWNER_GROUPS.filter((group) => mine.groups[group].length > 0).map((group) => (
            <Stack key={group} tokens={{ childrenGap: 4 }}>
              <Text as="h3" variant="mediumPlus" styles={{ root: { fontWeight: 600 } }}>
                {groupHeading(group, dueSoonDays)} ({mine.groups[group].length})
              </Text>
              <ul className={list}>{mine.groups[group].map(row)}</ul>
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
