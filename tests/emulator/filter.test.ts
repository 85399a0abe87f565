import { FilterError, IFieldValue, ValueKind, filterFields, matches, parseFilter } from '../../emulator/odata/filter';

const KINDS: Record<string, ValueKind> = {
  Title: 'text',
  PlanId: 'number',
  ActionStatus: 'text',
  DueDate: 'datetime',
  Done: 'boolean',
  'ResponsibleOfficer/Id': 'number'
};

function item(values: Record<string, unknown>): (field: string) => IFieldValue {
  return (field) => {
    const kind = KINDS[field];
    if (!kind) throw new Error(`Column '${field}' does not exist.`);
    return { kind, value: values[field] };
  };
}

const action = item({ Title: '3.1.4', PlanId: 5, ActionStatus: 'Amber', DueDate: '2023-04-30T00:00:00Z', Done: false, 'ResponsibleOfficer/Id': 7 });

function test(filter: string): boolean {
  return matches(parseFilter(filter), action);
}

describe('parseFilter: what SharePoint accepts', () => {
  it.each([
    ['PlanId eq 5', true],
    ['PlanId ne 5', false],
    ['PlanId lt 6 and PlanId gt 4', true],
    ['PlanId le 5 and PlanId ge 5', true],
    ["ActionStatus eq 'Red' or ActionStatus eq 'Amber'", true],
    ["not (ActionStatus eq 'Amber')", false],
    ["ActionStatus eq 'amber'", true],
    ["startswith(Title,'3.1')", true],
    ["startswith(Title,'3.2')", false],
    ["substringof('1.4', Title)", true],
    ["DueDate lt datetime'2023-05-01T00:00:00Z'", true],
    ["DueDate ge '2023-05-01T00:00:00Z'", false],
    ['Done eq false', true],
    ['ResponsibleOfficer/Id eq 7', true],
    ["(PlanId eq 5) and (substringof('x', Title) or ActionStatus ne 'Red')", true]
  ])('%s -> %s', (filter, expected) => {
    expect(test(filter)).toBe(expected);
  });

  it('eq null matches a blank value; ordering against blanks never matches', () => {
    const blank = item({ Title: '3.1.5', PlanId: 5, DueDate: null });
    expect(matches(parseFilter('DueDate eq null'), blank)).toBe(true);
    expect(matches(parseFilter("DueDate lt datetime'2030-01-01T00:00:00Z'"), blank)).toBe(false);
  });

  it('reads quotes doubled inside strings', () => {
    expect(parseFilter("Title eq 'Children''s services'")).toEqual({
      kind: 'compare',
      op: 'eq',
      field: 'Title',
      value: "Children's services",
      datetime: false
    });
  });

  it('leaves the word datetime alone inside a string', () => {
    expect(parseFilter("Title eq 'a datetime''s value'")).toMatchObject({ value: "a datetime's value", datetime: false });
    expect(parseFilter("DueDate eq datetime'2023-01-01T00:00:00Z'")).toMatchObject({ value: '2023-01-01T00:00:00Z', datetime: true });
  });

  it('lists the fields read, first filter first', () => {
    expect(filterFields(parseFilter("PlanId eq 5 and (substringof('x', Title) or not (DueDate eq null))"))).toEqual(['PlanId', 'Title', 'DueDate']);
  });
});

describe('parseFilter: what SharePoint refuses', () => {
  it.each([
    ['PlanId eq', 'The expression "PlanId eq" is not valid.'],
    ["Title eq 'unterminated", `The expression "Title eq 'unterminated" is not valid.`],
    ['5 eq PlanId', 'The expression "5 eq PlanId" is not valid.'],
    ['PlanId eq PlanId', 'The expression "PlanId eq PlanId" is not valid.'],
    ["contains(Title,'x')", 'The function "contains" is not supported in a SharePoint query.'],
    ["endswith(Title,'x')", 'The function "endswith" is not supported in a SharePoint query.'],
    ["tolower(Title) eq 'x'", 'The expression "tolower(Title) eq \'x\'" is not valid.']
  ])('%s', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(FilterError);
    expect(() => parseFilter(filter)).toThrow(message);
  });

  it('an unknown column surfaces from the item reader', () => {
    expect(() => test("Nope eq 'x'")).toThrow("Column 'Nope' does not exist.");
  });
});
