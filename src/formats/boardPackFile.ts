/**
 * A frozen board pack as one HTML file: the report as the board saw it, readable in any
 * browser without the web part, with the pack's data inside it so the web part can
 * show the pack again and compare with it. One file is written in one request, so a
 * pack is either stored whole or not at all.
 */
import { BOARD_PACK_FORMAT, IBoardPack } from '../model/boardPack';

const DATA_ELEMENT_ID = 'send-board-pack';
/** The data element as `writeBoardPackFile` writes it (DATA_ELEMENT_ID). */
const DATA_PATTERN = /<script type="application\/json" id="send-board-pack">([\s\S]*?)<\/script>/;

/** Why a stored file is not a pack this product can show. */
export class BoardPackFileError extends Error {
  public constructor(public readonly reason: 'noData' | 'notJson' | 'unknownFormat' | 'incomplete') {
    super(`not a board pack: ${reason}`);
    this.name = 'BoardPackFileError';
  }
}

/** The pack's data as a script element's text: `<` escaped so no value can end the element. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The pack's file: a complete HTML page with the rendered report, its styles and the data.
 *
 * @param renderedBody - the report's markup as the board sees it
 * @param css - every style rule the markup needs, print rules included
 * @param language - the page's culture ("en-GB"), which the words and dates are written in
 */
export function writeBoardPackFile(pack: IBoardPack, title: string, renderedBody: string, css: string, language: string = 'en-GB'): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeText(language).replace(/"/g, '&quot;')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${embedJson(pack)}</script>`,
    '</head>',
    `<body>${renderedBody}</body>`,
    '</html>',
    ''
  ].join('\n');
}

/**
 * The pack inside a stored file.
 *
 * @throws BoardPackFileError when the file holds no pack, or one of a shape this product does not know
 */
export function readBoardPackFile(text: string): IBoardPack {
  const found = DATA_PATTERN.exec(text);
  if (!found) throw new BoardPackFileError('noData');
  let data: unknown;
  try {
    data = JSON.parse(found[1]);
  } catch {
    throw new BoardPackFileError('notJson');
  }
  const pack = data as Partial<IBoardPack> | null;
  if (typeof pack !== 'object' || pack === null || pack.format !== BOARD_PACK_FORMAT) throw new BoardPackFileError('unknownFormat');
  const complete =
    typeof pack.asAt === 'string' && typeof pack.frozenAt === 'string' && typeof pack.plan === 'object' && pack.plan !== null && [pack.priorities, pack.actions, pack.kpis, pack.trend, pack.exceptions, pack.narratives].every(Array.isArray) && (pack.trend as unknown[]).length > 0;
  if (!complete) throw new BoardPackFileError('incomplete');
  return pack as IBoardPack;
}
