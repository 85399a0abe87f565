import * as React from 'react';
import { DefaultButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { formatString } from './format';

/** Rows a summary table shows before "Show all": enough for a board, quick to open at any plan size. */
export const ROW_LIMIT = 50;

/**
 * The first `limit` rows of a long table and, under it, how many are shown with a
 * button to show them all. A summary of a 10,000-action plan then opens as fast as
 * one of 200; the worst rows come first, and every row is one press away.
 */
export function useRowLimit<Row>(rows: readonly Row[], limit: number = ROW_LIMIT): { visible: readonly Row[]; more: JSX.Element | undefined } {
  const [showAll, setShowAll] = React.useState(false);
  if (showAll || rows.length <= limit) return { visible: rows, more: undefined };
  return {
    visible: rows.slice(0, limit),
    more: (
      <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 12 }}>
        <Text>{formatString(strings.RowsShown, limit, rows.length)}</Text>
        <DefaultButton onClick={() => setShowAll(true)}>{formatString(strings.ShowAllRows, rows.length)}</DefaultButton>
      </Stack>
    )
  };
}
