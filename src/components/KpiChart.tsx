import * as React from 'react';
import { useTheme } from '@fluentui/react';
import { IsoDate } from '../model/isoDate';
import { IKpiSeries } from '../model/scorecard';
import { useCulture } from './culture';
import { dateFormat } from './format';

export interface IKpiChartProps {
  series: IKpiSeries;
  unit: string;
  /** The chart's text summary, read by screen readers instead of the drawing. */
  summary: string;
}

const WIDTH = 560;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 36 };

const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / 86400000;

/**
 * Actuals against the trajectory, with milestones marked: drawn in SVG with the
 * theme's colours, the trajectory dashed so the two lines differ by more than colour.
 * Loaded on demand (React.lazy) so the first render of the web part stays light; the
 * table beside it carries the same figures for anyone who cannot see the drawing.
 */
export default function KpiChart({ series, unit, summary }: IKpiChartProps): JSX.Element {
  const theme = useTheme();
  const shortDate = dateFormat(useCulture(), { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const dates = series.periods.map((period) => period.date).concat(series.trajectory.map((point) => point.date));
  const values = series.periods.flatMap((period) => [period.actual, period.target]).filter((value): value is number => value !== undefined);
  if (dates.length === 0 || values.length === 0) return <svg role="img" aria-label={summary} width={0} height={0} />;
  const first = Math.min(...dates.map(dayNumber));
  const last = Math.max(...dates.map(dayNumber));
  const low = Math.min(0, ...values);
  const high = unit.trim() === '%' ? Math.max(100, ...values) : Math.max(...values) * 1.1 || 1;
  const x = (date: IsoDate): number => PAD.left + ((dayNumber(date) - first) / Math.max(1, last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number): number => HEIGHT - PAD.bottom - ((value - low) / (high - low || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (points: Array<{ date: IsoDate; value: number }>): string => points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.date).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  const actuals = series.periods.filter((period) => period.actual !== undefined).map((period) => ({ date: period.date, value: period.actual as number }));
  const ticks = [low, (low + high) / 2, high];
  const colours = { text: theme.semanticColors.bodyText, grid: theme.semanticColors.bodyDivider, actual: theme.palette.themePrimary, target: theme.semanticColors.bodySubtext };

  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ width: '100%', maxWidth: WIDTH, height: 'auto' }}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke={colours.grid} />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill={colours.text}>
            {Math.round(tick)}
          </text>
        </g>
      ))}
      {[series.periods[0], series.periods[series.periods.length - 1]].map((period, index) => (
        <text key={index} x={x(period.date)} y={HEIGHT - 12} textAnchor={index === 0 ? 'start' : 'end'} fontSize={11} fill={colours.text}>
          {shortDate.format(new Date(`${period.date}T00:00:00Z`))}
        </text>
      ))}
      {series.trajectory.length > 1 && <path d={line(series.trajectory)} fill="none" stroke={colours.target} strokeWidth={2} strokeDasharray="6 4" />}
      {series.periods
        .filter((period) => period.milestone !== undefined)
        .map((period) => (
          <line key={period.date} x1={x(period.date)} x2={x(period.date)} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke={colours.grid} strokeDasharray="2 3" />
        ))}
      {actuals.length > 0 && <path d={line(actuals)} fill="none" stroke={colours.actual} strokeWidth={2.5} />}
      {actuals.map((point) => (
        <circle key={point.date} cx={x(point.date)} cy={y(point.value)} r={3.5} fill={colours.actual} />
      ))}
    </svg>
  );
}
