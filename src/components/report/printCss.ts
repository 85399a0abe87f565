/**
 * The printed report's page: A4 with margins, a running header (plan, date, protective
 * marking) and page numbers in the page-margin boxes, and the report alone on paper.
 */

/** The class the report's root carries, which the print rules keep and everything else loses. */
export const REPORT_CLASS = 'send-highlight-report';

/**
 * A CSS string literal holding `text` as written: every character other than letters,
 * digits, spaces and plain punctuation is written as a CSS escape, so no title can end the
 * string, the rule or the style element.
 */
export function cssString(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    // A trailing space ends each escape, so a following hex digit is not read as part of it.
    escaped += /[A-Za-z0-9 .,:;!?()&'-]/.test(char) ? char : `\\${code.toString(16)} `;
  }
  return `"${escaped}"`;
}

/** A localised template with {0} and {1} ("Page {0} of {1}") as CSS content, the placeholders as the page counters. */
export function pageNumberContent(template: string): string {
  return template
    .split(/(\{[01]\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{0}' ? 'counter(page)' : part === '{1}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

export interface IPrintPage {
  /** The running header's left side: the plan and the date. */
  heading: string;
  /** The protective marking, top right and bottom left of every page. */
  marking: string;
  /** "Page {0} of {1}". */
  pageNumber: string;
}

/**
 * The print rules for the report: the page box and its margin boxes, the SharePoint page
 * around the report taken out of the flow (not merely hidden, which would leave blank
 * pages), rows never split, headings kept with what follows, wide tables never clipped.
 */
export function printCss({ heading, marking, pageNumber }: IPrintPage): string {
  const report = `.${REPORT_CLASS}`;
  const margin = 'font-family: "Segoe UI", Arial, sans-serif; font-size: 8pt; color: #000;';
  return `@page {
  size: A4;
  margin: 20mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(heading)}; ${margin} }
  @top-right { content: ${cssString(marking)}; ${margin} font-weight: bold; }
  @bottom-left { content: ${cssString(marking)}; ${margin} font-weight: bold; }
  @bottom-right { content: ${pageNumberContent(pageNumber)}; ${margin} }
}
@media print {
  body *:not(:has(${report})):not(${report}):not(${report} *) { display: none !important; }
  body *:has(${report}) { display: block !important; position: static !important; margin: 0 !important; padding: 0 !important; border: 0 !important; width: auto !important; height: auto !important; min-height: 0 !important; max-width: none !important; overflow: visible !important; box-shadow: none !important; transform: none !important; }
  ${report} { font-size: 9pt; }
  ${report} [role="region"] { overflow: visible !important; }
  ${report} table { width: 100%; table-layout: auto; }
  ${report} th, ${report} td { padding: 3px 4px !important; overflow-wrap: break-word; hyphens: auto; }
  ${report} thead { display: table-header-group; }
  ${report} tr, ${report} li, ${report} caption { break-inside: avoid; page-break-inside: avoid; }
  ${report} h2, ${report} h3, ${report} caption { break-after: avoid; page-break-after: avoid; }
}`;
}
