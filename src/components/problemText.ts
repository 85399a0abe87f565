/**
 * A problem the import found, in words: its code's loc string with the parameters
 * filled in. Takes the strings as an argument so the command line renders the same
 * words from the same loc file as the web part.
 */
import { IImportProblem } from '../model/import/problems';

/** Fills "{0}", "{1}"... in a localised string. */
export function fillTemplate(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The problem's message. A parameter written "field:<name>" is an import field, shown by
 * its label; a code with no string (a newer model than its loc) shows the code itself.
 */
export function problemText(problem: IImportProblem, strings: Readonly<Record<string, unknown>>, prefix: string = 'ImportProblem_'): string {
  const template = strings[`${prefix}${problem.code}`];
  const params = problem.params.map((param) => {
    if (typeof param === 'string' && param.startsWith('field:')) {
      const label = strings[`ImportField_${param.slice(6)}`];
      return typeof label === 'string' ? label : param.slice(6);
    }
    return param;
  });
  return typeof template === 'string' ? fillTemplate(template, ...params) : `${problem.code} ${params.join(', ')}`;
}
