/**
 * SharePoint's $filter: parsed with @odata/parser, then narrowed to what SharePoint's
 * REST API accepts (comparisons with the field on the left, and/or/not, startswith,
 * substringof). Anything else is refused as SharePoint refuses it, so the product can
 * never come to rely on a query a tenant would reject.
 */
import { defaultParser } from '@odata/parser';

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Literal = string | number | boolean | null;

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  /** `field op value`; `datetime` when written as datetime'...'. */
  | { kind: 'compare'; op: CompareOp; field: string; value: Literal; datetime: boolean }
  | { kind: 'startswith' | 'substringof'; field: string; value: string };

/** A $filter SharePoint would refuse; the server answers 400 with this message. */
export class FilterError extends Error {}

interface IAstNode {
  type: string;
  raw: string;
  position: number;
  value: unknown;
}

const COMPARISONS: Readonly<Record<string, CompareOp>> = {
  EqualsExpression: 'eq',
  NotEqualsExpression: 'ne',
  LesserThanExpression: 'lt',
  LesserOrEqualsExpression: 'le',
  GreaterThanExpression: 'gt',
  GreaterOrEqualsExpression: 'ge'
};

/** Wrappers that add nothing to the meaning. */
const PASS_THROUGH = new Set(['CommonExpression', 'BoolCommonExpression', 'BoolParenExpression', 'ParenExpression']);
const MEMBER = new Set(['FirstMemberExpression', 'MemberExpression', 'PropertyPathExpression']);

function invalid(text: string): FilterError {
  return new FilterError(`The expression "${text}" is not valid.`);
}

function readField(node: IAstNode, whole: string): string {
  if (!MEMBER.has(node.type)) {
    throw invalid(whole);
  }
  return node.raw.trim();
}

/** What a conversion needs besides the tree: the text, and where datetime literals stood. */
interface IContext {
  whole: string;
  /** Positions (in the text given to the parser) of literals written as datetime'...'. */
  datetimes: ReadonlySet<number>;
}

function readLiteral(node: IAstNode, context: IContext): { value: Literal; datetime: boolean } {
  const whole = context.whole;
  if (node.type !== 'Literal') {
    throw invalid(whole);
  }
  const raw = node.raw.trim();
  if (raw === 'null') return { value: null, datetime: false };
  if (raw === 'true' || raw === 'false') return { value: raw === 'true', datetime: false };
  if (raw.startsWith("'")) {
    return { value: raw.slice(1, -1).replace(/''/g, "'"), datetime: context.datetimes.has(node.position) };
  }
  const number = Number(raw);
  if (Number.isNaN(number)) {
    throw invalid(whole);
  }
  return { value: number, datetime: false };
}

function convert(node: IAstNode, context: IContext): FilterExpr {
  const whole = context.whole;
  if (PASS_THROUGH.has(node.type)) {
    return convert(node.value as IAstNode, context);
  }
  const parts = node.value as { left: IAstNode; right: IAstNode; method: string; parameters: IAstNode[] };
  if (node.type === 'AndExpression' || node.type === 'OrExpression') {
    return {
      kind: node.type === 'AndExpression' ? 'and' : 'or',
      left: convert(parts.left, context),
      right: convert(parts.right, context)
    };
  }
  if (node.type === 'NotExpression') {
    return { kind: 'not', operand: convert(node.value as IAstNode, context) };
  }
  const op = COMPARISONS[node.type];
  if (op) {
    const literal = readLiteral(parts.right, context);
    return { kind: 'compare', op, field: readField(parts.left, whole), ...literal };
  }
  if (node.type === 'MethodCallExpression') {
    const [first, second] = parts.parameters ?? [];
    if (parts.method === 'startswith' && parts.parameters.length === 2) {
      return { kind: 'startswith', field: readField(first, whole), value: String(readLiteral(second, context).value) };
    }
    if (parts.method === 'substringof' && parts.parameters.length === 2) {
      return { kind: 'substringof', field: readField(second, whole), value: String(readLiteral(first, context).value) };
    }
    throw new FilterError(`The function "${parts.method}" is not supported in a SharePoint query.`);
  }
  throw invalid(whole);
}

/**
 * @odata/parser reads OData v4, which has no datetime'...' literal (SharePoint's v3
 * form): drops each such prefix outside string literals and records where the literal
 * now starts.
 */
function stripDatetimePrefixes(text: string): { prepared: string; datetimes: Set<number> } {
  const datetimes = new Set<number>();
  let prepared = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (!inString && text.startsWith("datetime'", index) && !/\w/.test(text[index - 1] ?? '')) {
      datetimes.add(prepared.length);
      index += 'datetime'.length - 1;
      continue;
    }
    if (char === "'") {
      inString = !inString;
    }
    prepared += char;
  }
  return { prepared, datetimes };
}

/**
 * Parses a $filter as SharePoint reads it.
 *
 * @throws FilterError for syntax errors and for anything SharePoint does not support
 */
export function parseFilter(text: string): FilterExpr {
  const { prepared, datetimes } = stripDatetimePrefixes(text);
  let ast: IAstNode;
  try {
    ast = defaultParser.filter(prepared) as unknown as IAstNode;
  } catch {
    throw invalid(text);
  }
  return convert(ast, { whole: text, datetimes });
}

/** The fields a filter reads, in the order written (the first decides index use). */
export function filterFields(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    case 'not':
      return filterFields(expr.operand);
    default:
      return [expr.field];
  }
}

/** How the store compares a field's values. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'datetime';

/** What a field holds on one item, for evaluation. */
export interface IFieldValue {
  kind: ValueKind;
  value: unknown;
}

function comparable(kind: ValueKind, value: unknown): number | string | boolean | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'number':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === 'true';
    case 'datetime': {
      const millis = Date.parse(String(value));
      return Number.isNaN(millis) ? null : millis;
    }
    default:
      // SharePoint compares text without regard to case (CAML Eq, Contains, BeginsWith).
      return String(value).toLowerCase();
  }
}

function compare(op: CompareOp, left: number | string | boolean | null, right: number | string | boolean | null): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (left === null || right === null) return false;
  switch (op) {
    case 'lt':
      return left < right;
    case 'le':
      return left <= right;
    case 'gt':
      return left > right;
    default:
      return left >= right;
  }
}

/**
 * Whether an item matches. `read` gives a field's kind and value on the item, and
 * throws for a field the list does not have.
 */
export function matches(expr: FilterExpr, read: (field: string) => IFieldValue): boolean {
  switch (expr.kind) {
    case 'and':
      return matches(expr.left, read) && matches(expr.right, read);
    case 'or':
      return matches(expr.left, read) || matches(expr.right, read);
    case 'not':
      return !matches(expr.operand, read);
    case 'startswith':
    case 'substringof': {
      const text = String(read(expr.field).value ?? '').toLowerCase();
      const wanted = expr.value.toLowerCase();
      return expr.kind === 'startswith' ? text.startsWith(wanted) : text.includes(wanted);
    }
    default: {
      const field = read(expr.field);
      return compare(expr.op, comparable(field.kind, field.value), comparable(field.kind, expr.value));
    }
  }
}
