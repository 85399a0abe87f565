import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';

/** Data tables in the section's theme: body text and divider colours, tabular numbers. */
export function useTableStyles(): Record<'table' | 'caption' | 'number', string> {
  const theme = useTheme();
  return React.useMemo(
    () =>
      mergeStyleSets({
        table: {
          borderCollapse: 'collapse',
          width: '100%',
          color: theme.semanticColors.bodyText,
          selectors: {
            'th, td': { borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, padding: '6px 8px', textAlign: 'left', verticalAlign: 'top' },
            'tfoot th, tfoot td': { fontWeight: 600 }
          }
        },
        caption: { textAlign: 'left', padding: '4px 0 8px', fontSize: 14 },
        number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }
      }),
    [theme]
  );
}
