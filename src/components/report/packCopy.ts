/**
 * The stored copy of a frozen pack: the report's markup as the board sees it, with the
 * style rules it uses, read from the page so the copy looks as the pack did on screen
 * and prints as it did.
 */

/** Marks what the copy leaves out: the report's controls, which do nothing in a stored file. */
export const PACK_OMIT = 'data-pack-omit';

/** The copy's own page rules: the web part's font, with the page's margins. */
const PAGE_CSS = 'body{margin:24px;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;color:#323130;background:#fff}';

function classesIn(selector: string): string[] {
  const found: string[] = [];
  const pattern = /\.(-?[_a-zA-Z][\w-]*)/g;
  let match = pattern.exec(selector);
  while (match) {
    found.push(match[1]);
    match = pattern.exec(selector);
  }
  return found;
}

/** Whether a style rule (or a grouping rule with one inside) styles one of the classes. */
function styles(rule: CSSRule, classes: ReadonlySet<string>): boolean {
  if ('selectorText' in rule) return classesIn((rule as CSSStyleRule).selectorText).some((name) => classes.has(name));
  if ('cssRules' in rule) return Array.from((rule as CSSGroupingRule).cssRules).some((inner) => styles(inner, classes));
  return false;
}

/** The page's style rules for the classes the markup uses (another origin's sheets cannot be read, and are not ours). */
function rulesFor(doc: Document, classes: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) {
      if (styles(rule, classes)) found.push(rule.cssText);
    }
  }
  return found;
}

/** The report's markup without its controls, and the style rules it needs. */
export function packCopy(report: HTMLElement): { markup: string; css: string } {
  const copy = report.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(`[${PACK_OMIT}]`).forEach((element) => element.remove());
  const classes = new Set<string>();
  [copy, ...Array.from(copy.querySelectorAll('[class]'))].forEach((element) => element.classList.forEach((name) => classes.add(name)));
  return { markup: copy.outerHTML, css: [PAGE_CSS, ...rulesFor(report.ownerDocument, classes)].join('\n') };
}
