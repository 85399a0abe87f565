/**
 * Cell text as plans hold it: exported from Word or a web page, so sometimes with HTML
 * tags (<b>, <ul><li>) and entities (&amp;). Made plain text without ever interpreting
 * it as markup: real tags are dropped, list items become lines, entities are decoded.
 * Everything else keeps every character: "<18 weeks" and "the >12 month backlog" are
 * text, not tags. One pass over the text, so a huge cell costs linear time.
 */

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', pound: '£', hellip: '…' };

/** Elements that plans exported from Word, Outlook or a web page carry; any other "<word" is text. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas caption center cite code col colgroup dd del details dfn dialog div dl dt em embed ' +
    'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark marquee math ' +
    'menu meta mglyph mtext nav noscript object ol optgroup option p param picture pre q s samp script section select small source span strike strong style sub summary sup svg ' +
    'table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xml'
  ).split(' ')
);
/** Elements whose content is code, never text. */
const CODE_ELEMENTS = new Set(['script', 'style']);
/** Elements that end a line of text. */
const LINE_BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table']);
/** No real tag is longer: a "<" further than this from its ">" is text. */
const LONGEST_TAG = 2000;
const TAG_NAME = /^<(\/?)([a-z][a-z0-9]*(?::[a-z0-9]+)?)/i;
// Attributes as HTML writes them: name, name=value, name="value", name='value'.
const TAG_REST = /^(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>$/;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The end (exclusive) of a real tag starting at `start`, with its name; undefined when the "<" is text. */
function tagAt(text: string, start: number): { end: number; name: string; closing: boolean } | undefined {
  const head = TAG_NAME.exec(text.slice(start, start + 64));
  if (!head) return undefined;
  const name = head[2].toLowerCase();
  if (!HTML_ELEMENTS.has(name) && name.indexOf(':') < 0) return undefined;
  let quote = '';
  const limit = Math.min(text.length, start + LONGEST_TAG);
  for (let index = start + head[0].length; index < limit; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '<') {
      return undefined;
    } else if (char === '>') {
      return TAG_REST.test(text.slice(start + head[0].length, index + 1)) ? { end: index + 1, name, closing: head[1] === '/' } : undefined;
    }
  }
  return undefined;
}

/** The text with real tags and comments dropped (code elements with their content), list items as "- " lines. */
function withoutMarkup(text: string): string {
  if (text.indexOf('<') < 0) return text;
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', from)) {
    if (text.startsWith('<!--', at)) {
      const close = text.indexOf('-->', at + 4);
      out += text.slice(from, at);
      from = close < 0 ? text.length : close + 3;
      continue;
    }
    const tag = tagAt(text, at);
    if (!tag) {
      out += text.slice(from, at + 1);
      from = at + 1;
      continue;
    }
    out += text.slice(from, at);
    from = tag.end;
    if (!tag.closing && CODE_ELEMENTS.has(tag.name)) {
      const close = lower.indexOf(`</${tag.name}`, tag.end);
      if (close >= 0) {
        const closeTag = tagAt(text, close);
        from = closeTag ? closeTag.end : close;
      }
    } else if (tag.name === 'li' && !tag.closing) {
      out += '\n- ';
    } else if (LINE_BREAKS.has(tag.name) && (tag.closing || tag.name === 'br')) {
      out += '\n';
    }
  }
  return out + text.slice(from);
}

/** Plain text from a cell that may hold HTML; text without tags only has its spacing tidied. */
export function plainText(cell: string): string {
  return decodeEntities(withoutMarkup(cell))
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
