/**
 * A load's warnings become sentences from the web part's strings: the services give a
 * code with the item and its parameters.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { planWarningText } from '../../../src/components/warningText';
import { PlanWarning } from '../../../src/services/IPlanDataService';
import { Warnings, mapKpi, mapNarrative } from '../../../src/services/mappers';

describe('planWarningText', () => {
  it('names the item by its kind and fills in the code’s parameters', () => {
    expect(planWarningText({ code: 'historyLine', item: { kind: 'action', name: '3.1.1' }, line: 4, text: 'last week' })).toBe(
      'Action 3.1.1: line 4 of the status history could not be read ("last week").'
    );
    expect(planWarningText({ code: 'milestonesUndated', item: { kind: 'kpi', name: '5.1.5' }, count: 2 })).toBe('KPI 5.1.5: 2 milestone(s) have no readable date and are left out.');
    expect(planWarningText({ code: 'scheme', item: { kind: 'plan', name: 'WSoA' } })).toBe(
      'Plan "WSoA": the status scheme could not be read, so the Red / Amber / Green / Complete scheme is shown.'
    );
    expect(planWarningText({ code: 'noPeriodEnd', item: { kind: 'measurement', name: '10' } })).toBe('KPI measurement 10: it has no period end, so it is left out.');
  });

  it('words what the mappers report through the loc strings', () => {
    const warnings: Warnings = [];
    mapKpi({ Id: 7, KpiRef: '', Direction: 'up' }, [], warnings);
    mapNarrative({ Id: 12 }, warnings);
    expect(warnings.map(planWarningText)).toEqual([
      strings.Warning_direction.replace('{0}', 'KPI 7'),
      strings.Warning_noBoardDate.replace('{0}', strings.WarningItem_narrative.replace('{0}', '12'))
    ]);
  });

  it('has words for every code and kind', () => {
    const codes: Array<PlanWarning['code']> = ['evidence', 'signOffs', 'milestones', 'latestMeasurements', 'direction', 'noValue', 'noBoardDate'];
    for (const code of codes) {
      const text = planWarningText({ code, item: { kind: 'update', name: '9' } } as PlanWarning);
      expect(text).toMatch(/^Update 9: \S.*\.$/);
      expect(text).not.toMatch(/\{\d\}|undefined/);
    }
  });
});
