import * as React from 'react';
import { Dropdown, MessageBar, MessageBarType, Stack, Text, getId, mergeStyles } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { useRowLimit } from './RowLimit';
import { ScrollRegion } from './ScrollRegion';
import { IsoDate } from '../model/isoDate';
import { previousBoardDate } from '../model/asAt';
import { IBoardPack, packStatuses } from '../model/boardPack';
import { IActionChange, StatusMovement, changesBetween } from '../model/rollups';
import { statusLabel } from './schemeText';
import { IPlanSnapshot } from '../services/IPlanDataService';
import { formatDate, formatString } from './format';
import { StatusPill } from './StatusPill';
import { ActionLink, FigureLink } from './navigation';
import { useTableStyles } from './tableStyles';
import { useCulture } from './culture';

export interface IChangesSinceBoardProps {
  snapshot: IPlanSnapshot;
  today: IsoDate;
  /** The pack frozen for the last board, when there is one: changes since that board are counted from what it showed. */
  boardPack?: IBoardPack;
}

const MOVEMENT_TEXT: Readonly<Record<StatusMovement, string>> = {
  improved: strings.MovementImproved,
  deteriorated: strings.MovementDeteriorated,
  changed: strings.MovementChanged,
  unchanged: strings.MovementUnchanged,
  firstRated: strings.MovementFirstRated
};

/**
 * The figures above the table, each opening the actions it counts. What got worse and
 * what improved since the last board leads the summary (ChangeLead); the table's Change
 * column says it for any board chosen here.
 */
const FIGURES: ReadonlyArray<{ key: string; text: string; test: (change: IActionChange) => boolean }> = [
  { key: 'first', text: strings.ChangesFirstRated, test: (change) => change.movement === 'firstRated' },
  { key: 'updated', text: strings.ChangesUpdated, test: (change) => change.newUpdates.length > 0 },
  { key: 'overdue', text: strings.ChangesNewlyOverdue, test: (change) => change.newlyOverdue }
];

const figures = mergeStyles({ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', listStyle: 'none', margin: 0, padding: 0 });

/** What changed since a board date (the last before today by default, as the summary's lead): status moves, new updates, newly overdue. */
export function ChangesSinceBoard({ snapshot, today, boardPack }: IChangesSinceBoardProps): JSX.Element {
  const culture = useCulture();
  const { plan, actions } = snapshot;
  const boardDates = plan.reportingDates.filter((date) => date <= today);
  const [from, setFrom] = React.useState<IsoDate | undefined>(() => previousBoardDate(plan.reportingDates, today) ?? boardDates[boardDates.length - 1]);
  const [headingId] = React.useState(() => getId('changes'));
  const styles = useTableStyles();
  const changes = React.useMemo(
    () => (from ? changesBetween(actions, plan.statusScheme, from, today, boardPack?.asAt === from ? packStatuses(boardPack) : undefined) : []),
    [actions, plan.statusScheme, from, today, boardPack]
  );
  const texts = new Map(actions.map((action) => [action.id, action.text]));
  const { visible, more } = useRowLimit(changes);
  const pill = (key: string | undefined): JSX.Element => <StatusPill status={statusLabel(plan.statusScheme, key)} noStatusText={strings.NoStatus} />;

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 8 }}>
      <Text as="h2" id={headingId} variant="large">
        {strings.ChangesHeading}
      </Text>
      {!from ? (
        <MessageBar messageBarType={MessageBarType.info}>{strings.ChangesNoBoardDate}</MessageBar>
      ) : (
        <>
          <Dropdown
            label={strings.ChangesBoardDateLabel}
            options={boardDates.map((date) => ({ key: date, text: formatDate(date, date, culture) }))}
            selectedKey={from}
            onChange={(_, option) => option && setFrom(String(option.key))}
            styles={{ root: { maxWidth: 280 } }}
          />
          {changes.length === 0 ? (
            <Text>{formatString(strings.ChangesNone, formatDate(from, from, culture))}</Text>
          ) : (
            <ul className={figures} aria-label={formatString(strings.ChangesFiguresLabel, formatDate(from, from, culture))}>
              {FIGURES.map(({ key, text, test }) => {
                const ids = changes.filter(test).map((change) => change.actionId);
                const description = formatString(text, formatDate(from, from, culture));
                return (
                  <li key={key}>
                    {description}: <FigureLink count={ids.length} filter={{ actionIds: ids, description }} label={formatString(strings.ChangesFigureLabel, ids.length, description)} />
                  </li>
                );
              })}
            </ul>
          )}
          {changes.length > 0 && (
            <ScrollRegion label={strings.ChangesHeading}>
              <table className={styles.table}>
                <caption className={styles.caption}>{formatString(strings.ChangesCaption, formatDate(from, from, culture), formatDate(today, today, culture))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{strings.RefColumn}</th>
                    <th scope="col">{strings.ActionColumn}</th>
                    <th scope="col">{strings.ChangesWasColumn}</th>
                    <th scope="col">{strings.ChangesNowColumn}</th>
                    <th scope="col">{strings.ChangesMovementColumn}</th>
                    <th scope="col" className={styles.number}>{strings.ChangesUpdatesColumn}</th>
                    <th scope="col">{strings.ChangesOverdueColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {visible.map((change) => (
                    <tr key={change.actionId}>
                      <th scope="row">
                        <ActionLink actionId={change.actionId} refText={change.ref} label={formatString(strings.OpenActionLabel, change.ref)} />
                      </th>
                      <td>{texts.get(change.actionId)}</td>
                      <td>{pill(change.statusBefore)}</td>
                      <td>{pill(change.statusAfter)}</td>
                      <td>{MOVEMENT_TEXT[change.movement]}</td>
                      <td className={styles.number}>{change.newUpdates.length}</td>
                      <td>{change.newlyOverdue ? strings.Yes : strings.No}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {more}
        </>
      )}
    </Stack>
  );
}
