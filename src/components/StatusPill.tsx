import * as React from 'react';
import { Icon, mergeStyles } from '@fluentui/react';
import { IStatusLabel, IStatusScheme } from '../model/statusSchemes';

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

/** A table's status columns: one header per label of the scheme, then "no status". */
export function StatusColumnHeaders({ scheme, className, noStatusText }: { scheme: IStatusScheme; className: string; noStatusText: string }): JSX.Element {
  return (
    <>
      {scheme.labels.map((label) => (
        <th key={label.key} scope="col" className={className}>
          <StatusPill status={label} noStatusText={noStatusText} />
        </th>
      ))}
      <th scope="col" className={className}>
        {noStatusText}
      </th>
    </>
  );
}
