import * as React from 'react';
import { DefaultButton, Stack, Text } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { useCulture } from './culture';
import { dateFormat, formatString } from './format';

/** How fresh the plan on screen is. */
export type Freshness =
  | { kind: 'current'; at: string }
  | { kind: 'checking'; savedAt: string }
  | { kind: 'failed'; savedAt: string; message: string };

/** "10:42" today, "28 Feb, 10:42" on another day (en-GB), in the person's own time zone. */
function when(iso: string, now: Date, culture: string): string {
  const time = new Date(iso);
  const today = time.toDateString() === now.toDateString();
  return dateFormat(culture, today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(time);
}

export interface IDataFreshnessProps {
  freshness: Freshness;
  /** Checks again after a failed refresh. */
  onRetry: () => void;
}

/** One line saying when the plan on screen was last read from SharePoint, announced politely as it changes. */
export function DataFreshness({ freshness, onRetry }: IDataFreshnessProps): JSX.Element {
  const now = new Date();
  const culture = useCulture();
  const text =
    freshness.kind === 'current'
      ? formatString(strings.FreshAsOf, when(freshness.at, now, culture))
      : freshness.kind === 'checking'
        ? formatString(strings.FreshChecking, when(freshness.savedAt, now, culture))
        : formatString(strings.FreshFailed, when(freshness.savedAt, now, culture), freshness.message);
  return (
    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
      <Text variant="small" role="status">
        {text}
      </Text>
      {freshness.kind === 'failed' && <DefaultButton onClick={onRetry}>{strings.TryAgain}</DefaultButton>}
    </Stack>
  );
}
