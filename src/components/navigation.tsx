import * as React from 'react';
import { Link } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IActionFilter } from '../model/actionFilter';

/** The plan's views, as tabs. */
export type PlanViewKey = 'summary' | 'workstreams' | 'kpis' | 'myActions';
export const PLAN_VIEWS: readonly PlanViewKey[] = ['summary', 'workstreams', 'kpis', 'myActions'];
export const VIEW_LABELS: Readonly<Record<PlanViewKey, string>> = { summary: strings.ViewSummary, workstreams: strings.ViewWorkstreams, kpis: strings.ViewKpis, myActions: strings.ViewMyActions };

/** Moving between views: every figure opens the list behind it, every ref its action. */
export interface IPlanNavigation {
  openList: (filter: IActionFilter) => void;
  openAction: (actionId: number) => void;
  openKpi: (kpiId: number) => void;
}

const NavigationContext = React.createContext<IPlanNavigation | undefined>(undefined);

export const PlanNavigationProvider = NavigationContext.Provider;

/** The navigation of the surrounding plan view; undefined where a view is shown alone. */
export function usePlanNavigation(): IPlanNavigation | undefined {
  return React.useContext(NavigationContext);
}

export interface IFigureLinkProps {
  count: number;
  /** The actions the figure counted. */
  filter: IActionFilter;
  /** What the link opens, read by screen readers ("3 Green actions in priority 3"). */
  label: string;
}

/** A count that opens the list of what it counted; a zero has nothing to open and stays text. */
export function FigureLink({ count, filter, label }: IFigureLinkProps): JSX.Element {
  const navigation = usePlanNavigation();
  if (!navigation || count === 0) return <>{count}</>;
  return (
    <Link onClick={() => navigation.openList(filter)} aria-label={label} title={label}>
      {count}
    </Link>
  );
}

/** An action's ref that opens its detail. */
export function ActionLink({ actionId, refText, label }: { actionId: number; refText: string; label: string }): JSX.Element {
  const navigation = usePlanNavigation();
  if (!navigation) return <>{refText}</>;
  return (
    <Link onClick={() => navigation.openAction(actionId)} aria-label={label}>
      {refText}
    </Link>
  );
}

/** The page address's parameter that opens an action's panel when the page loads (`?action=12`). */
export const ACTION_PARAMETER = 'action';

/** The page's address that opens the action's panel: a request's link, working in a Teams tab too (the tab's own parameters are kept). */
export function actionPageLink(pageUrl: string, actionId: number): string {
  const url = new URL(pageUrl);
  url.searchParams.set(ACTION_PARAMETER, String(actionId));
  url.hash = '';
  return url.toString();
}

/** The page's address without an action to open: where "open the plan" goes. */
export function planPageLink(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete(ACTION_PARAMETER);
  url.hash = '';
  return url.toString();
}

/** The action a page address asks to open, if it names one by a whole number. */
export function actionIdInUrl(search: string): number | undefined {
  const value = new URLSearchParams(search).get(ACTION_PARAMETER);
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
