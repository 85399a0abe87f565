import * as React from 'react';
import { Icon, mergeStyles } from '@fluentui/react';
import { IStatusLabel } from '../model/statusSchemes';

export interface IStatusPillProps {
  status: IStatusLabel | undefined;
  /** Shown when there is no status. */
  noStatusText: string;
}

const pill = mergeStyles({
  display: 'inline-flex',
  alignItems: 'center',
  gap: 4,
  padding: '2px 8px',
  borderRadius: 12,
  fontSize: 12,
  fontWeight: 600,
  lineHeight: '18px',
  whiteSpace: 'nowrap',
  // In Windows high contrast the colours are replaced; the border and label remain.
  border: '1px solid transparent',
  selectors: { '@media (forced-colors: active)': { borderColor: 'CanvasText' } }
});

/** A status as its label, icon and colour together: colour is never the only carrier. */
export function StatusPill({ status, noStatusText }: IStatusPillProps): JSX.Element {
  if (!status) {
    return (
      <span className={pill} style={{ borderColor: 'currentColor' }}>
        {noStatusText}
      </span>
    );
  }
  return (
    <span className={pill} style={{ backgroundColor: status.colour, color: status.textColour }} title={status.description}>
      <Icon iconName={status.icon} aria-hidden={true} />
      {status.label}
    </span>
  );
}
