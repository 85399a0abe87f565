import { applyListDelta, applyPlanDelta, IPlanContent } from '../../../src/model/planDelta';
import { IPriorityArea } from '../../../src/model/plan';

const priority = (id: number, title: string): IPriorityArea => ({ id, title } as IPriorityArea);

describe('applyListDelta', () => {
  it('replaces changed items by id, adds new ones, drops removed ids, in id order', () => {
    const items = [priority(1, 'one'), priority(3, 'three'), priority(5, 'five')];
    const result = applyListDelta(items, { changed: [priority(3, 'three, changed'), priority(4, 'four')], removed: [1] });
    expect(result).toEqual([priority(3, 'three, changed'), priority(4, 'four'), priority(5, 'five')]);
    // The items given are left as they were.
    expect(items.map((item) => item.title)).toEqual(['one', 'three', 'five']);
  });

  it('ignores a removed id it does not hold (added and deleted since), and an item both removed and changed stays as changed', () => {
    expect(applyListDelta([priority(1, 'one')], { changed: [], removed: [9] })).toEqual([priority(1, 'one')]);
    expect(applyListDelta([priority(1, 'one')], { changed: [priority(1, 'back')], removed: [1] })).toEqual([priority(1, 'back')]);
  });
});

describe('applyPlanDelta', () => {
  it('applies each named list and keeps the rest (and everything else) as it was', () => {
    const content = { priorities: [priority(1, 'one')], outcomes: [], actions: [], kpis: [], warnings: ['kept'] } as IPlanContent & { warnings: string[] };
    const result = applyPlanDelta(content, { priorities: { changed: [priority(2, 'two')], removed: [1] } });
    expect(result.priorities).toEqual([priority(2, 'two')]);
    expect(result.actions).toBe(content.actions);
    expect(result.warnings).toBe(content.warnings);
  });
});
