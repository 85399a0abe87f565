import * as React from 'react';
import { Stack, Text, getId } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IActionChange } from '../model/rollups';
import { IStatusScheme } from '../model/statusSchemes';
import { FigureLink } from './navigation';
import { formatDate, formatString } from './format';
import { useCulture } from './culture';

export interface IChangeLeadProps {
  /** The board compared with: the last one before today. */
  board: IsoDate;
  /** What changed since then (from `changesBetween`). */
  changes: readonly IActionChange[];
  scheme: IStatusScheme;
  /** The changes are counted from the statuses the board's frozen pack showed. */
  fromPack?: boolean;
}

/** The words of one line: a count of one, of many, or none. */
interface ILineText {
  one: string;
  many: string;
  none: string;
  /** What the opened list is ("Worse since 31 December 2023"). */
  description: string;
}

const WORSE: ILineText = { one: strings.ChangeLeadWorseOne, many: strings.ChangeLeadWorseMany, none: strings.ChangeLeadWorseNone, description: strings.ChangesWorse };
const IMPROVED: ILineText = { one: strings.ChangeLeadImprovedOne, many: strings.ChangeLeadImprovedMany, none: strings.ChangeLeadImprovedNone, description: strings.ChangesImproved };

/**
 * What the summary says first: how many actions got worse and how many improved since
 * the last board, in words and numbers and by the status each moved to ("3 actions got
 * worse since 31 December 2023: 2 to Red, 1 to Amber"); every count opens its actions.
 */
export function ChangeLead({ board, changes, scheme, fromPack = false }: IChangeLeadProps): JSX.Element {
  const culture = useCulture();
  const [headingId] = React.useState(() => getId('change-lead'));
  const when = formatDate(board, board, culture);

  const line = (moved: readonly IActionChange[], text: ILineText): JSX.Element => {
    if (moved.length === 0) return <li>{formatString(text.none, when)}</li>;
    const description = formatString(text.description, when);
    const byStatus = scheme.labels
      .map((label) => ({ label, ids: moved.filter((change) => change.statusAfter === label.key).map((change) => change.actionId) }))
      .filter(({ ids }) => ids.length > 0);
    return (
      <li>
        <FigureLink count={moved.length} filter={{ actionIds: moved.map((change) => change.actionId), description }} label={formatString(strings.ChangesFigureLabel, moved.length, description)} />{' '}
        {formatString(moved.length === 1 ? text.one : text.many, when)}:{' '}
        {byStatus.map(({ label, ids }, index) => {
          const now = formatString(strings.ChangeLeadNowStatus, description, label.label);
          return (
            <React.Fragment key={label.key}>
              {index > 0 && ', '}
              <FigureLink count={ids.length} filter={{ actionIds: ids, description: now }} label={formatString(strings.ChangesFigureLabel, ids.length, now)} /> {formatString(strings.ChangeLeadToStatus, label.label)}
            </React.Fragment>
          );
        })}
      </li>
    );
  };

  return (
    <Stack as="section" aria-labelledby={headingId} tokens={{ childrenGap: 4 }}>
      <Text as="h2" id={headingId} variant="large">
        {formatString(strings.ChangeLeadHeading, when)}
      </Text>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {line(changes.filter((change) => change.movement === 'deteriorated'), WORSE)}
        {line(changes.filter((change) => change.movement === 'improved'), IMPROVED)}
      </ul>
      {fromPack && <Text variant="small">{formatString(strings.ChangeLeadFromPack, when)}</Text>}
    </Stack>
  );
}
