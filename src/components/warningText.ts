import * as strings from 'ImprovementPlanWebPartStrings';
import { IWarningItem, PlanWarning } from '../services/IPlanDataService';
import { formatString } from './format';

/** How each kind of item is named in a warning ("Action {0}"). */
const ITEM_TEXT: Readonly<Record<IWarningItem['kind'], string>> = {
  plan: strings.WarningItem_plan,
  action: strings.WarningItem_action,
  update: strings.WarningItem_update,
  kpi: strings.WarningItem_kpi,
  measurement: strings.WarningItem_measurement,
  narrative: strings.WarningItem_narrative
};

/** Each warning's words; {0} is the item, then the code's own parameters. */
const WARNING_TEXT: Readonly<Record<PlanWarning['code'], string>> = {
  historyLine: strings.Warning_historyLine,
  revisionLine: strings.Warning_revisionLine,
  evidence: strings.Warning_evidence,
  signOffs: strings.Warning_signOffs,
  milestones: strings.Warning_milestones,
  milestonesUndated: strings.Warning_milestonesUndated,
  latestMeasurements: strings.Warning_latestMeasurements,
  scheme: strings.Warning_scheme,
  direction: strings.Warning_direction,
  noPeriodEnd: strings.Warning_noPeriodEnd,
  noValue: strings.Warning_noValue,
  noBoardDate: strings.Warning_noBoardDate
};

/** What a load could not read, in a sentence for the plan officer: "Action 3.1.1: the evidence column could not be read." */
export function planWarningText(warning: PlanWarning): string {
  const item = formatString(ITEM_TEXT[warning.item.kind], warning.item.name);
  switch (warning.code) {
    case 'historyLine':
    case 'revisionLine':
      return formatString(WARNING_TEXT[warning.code], item, warning.line, warning.text);
    case 'milestonesUndated':
      return formatString(WARNING_TEXT[warning.code], item, warning.count);
    default:
      return formatString(WARNING_TEXT[warning.code], item);
  }
}
