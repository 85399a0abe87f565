/**
 * The Status columns' list formatting: the class SharePoint gives each label, read by
 * evaluating the formatting's own expression (nested `if(@currentField == '...' || ..., 'class', ...)`).
 */
import { LIST_DEFINITIONS, STATUS_COLUMN_FORMAT, SUPERSEDED_STATUS_FORMATS } from '../../../src/services/listDefinitions';
import { PRESET_SCHEMES } from '../../../src/model/statusSchemes';
import { ACTION_FIELDS, LIST_TITLES, UPDATE_FIELDS } from '../../../src/services/schema';

/** The class the formatting's expression gives `status`. */
function classFor(format: string, status: string): string {
  let expression = (JSON.parse(format) as { attributes: { class: string } }).attributes.class.replace(/^=/, '');
  for (;;) {
    const step = /^if\(((?:@currentField == '[^']*'(?: \|\| )?)+), '([^']*)', (.*)\)$/.exec(expression);
    if (!step) break;
    const labels = Array.from(step[1].matchAll(/'([^']*)'/g), (match) => match[1]);
    if (labels.includes(status)) return step[2];
    expression = step[3];
  }
  const otherwise = /^'([^']*)'$/.exec(expression);
  if (!otherwise) throw new Error(`Not an expression this test reads: ${expression}`);
  return otherwise[1];
}

describe('the Status column formatting', () => {
  it.each([
    ['Red', 'sp-field-severity--blocked'],
    ['Off track', 'sp-field-severity--blocked'],
    ['Amber', 'sp-field-severity--warning'],
    ['At risk', 'sp-field-severity--warning'],
    ['Green', 'sp-field-severity--good'],
    ['On track', 'sp-field-severity--good'],
    ['Complete', 'sp-field-severity--low'],
    ['Completed', 'sp-field-severity--low'],
    ['Blue', 'sp-field-severity--low'],
    ['Not started', ''],
    ['Grey', ''],
    ['Not due yet', ''],
    ['Amber/Green', ''],
    ['', '']
  ])('shows "%s" with the class "%s"', (status, className) => {
    expect(classFor(STATUS_COLUMN_FORMAT, status)).toBe(className);
  });

  it('never shows a label meaning "not started" as blocked, in any preset scheme', () => {
    const notStarted = PRESET_SCHEMES.flatMap((scheme) => scheme.labels.filter((label) => label.meaning === 'notStarted').map((label) => label.label));
    expect(notStarted.length).toBeGreaterThan(0);
    for (const label of [...notStarted, 'Not started']) expect(classFor(STATUS_COLUMN_FORMAT, label)).not.toBe('sp-field-severity--blocked');
  });

  it('replaces the formatting that showed "Not started" as blocked, on both Status columns', () => {
    expect(classFor(SUPERSEDED_STATUS_FORMATS[0], 'Not started')).toBe('sp-field-severity--blocked');
    const statusColumns = [
      LIST_DEFINITIONS.find((list) => list.title === LIST_TITLES.actions)?.columns.find((column) => column.name === ACTION_FIELDS.status),
      LIST_DEFINITIONS.find((list) => list.title === LIST_TITLES.updates)?.columns.find((column) => column.name === UPDATE_FIELDS.status)
    ];
    for (const column of statusColumns) expect(column).toMatchObject({ formatter: STATUS_COLUMN_FORMAT, replacesFormatters: SUPERSEDED_STATUS_FORMATS });
  });
});
