/**
 * A number in a workbook cell as the person sees it, from the cell's number format:
 * dates in the format's own tokens ("Jul-23" stays "Jul-23"), percentages as "95%",
 * fixed decimals, and General numbers in their shortest form.
 */

/**
 * Excel's built-in formats by id (ECMA-376 18.8.30). 14 is the short date, shown in
 * the reader's locale: read the UK way, dd/mm/yyyy, as the plans are British.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'dd/mm/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'dd/mm/yyyy hh:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@'
};

/** The format code of a built-in id; East Asian date ids (27-36, 50-58) read as the short date. */
export function builtInFormat(id: number): string {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return BUILT_IN_FORMATS[14];
  return BUILT_IN_FORMATS[id] ?? 'General';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A number without float noise (0.1 + 0.2 reads 0.3): at most 15 significant digits, as Excel keeps. */
export function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** The format's sections (positive; negative; zero; text), split at semicolons outside quotes and brackets. */
function sections(code: string): string[] {
  const found: string[] = [];
  let current = '';
  for (let index = 0; index < code.length; index++) {
    const char = code[index];
    if (char === '"') {
      const close = code.indexOf('"', index + 1);
      const stop = close < 0 ? code.length : close + 1;
      current += code.slice(index, stop);
      index = stop - 1;
    } else if (char === '\\' || char === '_' || char === '*') {
      current += code.slice(index, index + 2);
      index++;
    } else if (char === '[') {
      const close = code.indexOf(']', index);
      const stop = close < 0 ? code.length : close + 1;
      current += code.slice(index, stop);
      index = stop - 1;
    } else if (char === ';') {
      found.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  found.push(current);
  return found;
}

/** One piece of a format section: a literal to print, or a token to fill. */
interface IPart {
  literal?: string;
  token?: string;
}

const DATE_TOKEN = /^(yyyy|yyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p)/i;

/** A section as literals and tokens: quoted text, escaped characters and colours handled once here. */
function tokenise(section: string): IPart[] {
  const parts: IPart[] = [];
  for (let index = 0; index < section.length; ) {
    const char = section[index];
    if (char === '"') {
      const close = section.indexOf('"', index + 1);
      const stop = close < 0 ? section.length : close;
      parts.push({ literal: section.slice(index + 1, stop) });
      index = stop + 1;
    } else if (char === '\\') {
      parts.push({ literal: section.slice(index + 1, index + 2) });
      index += 2;
    } else if (char === '_') {
      // Space the width of the next character (aligns with a bracket on the other section).
      parts.push({ literal: ' ' });
      index += 2;
    } else if (char === '*') {
      index += 2;
    } else if (char === '[') {
      const close = section.indexOf(']', index);
      const stop = close < 0 ? section.length : close;
      const inside = section.slice(index + 1, stop);
      // [$£-809] is a currency symbol and locale; [h] [mm] [ss] are elapsed time; colours and conditions print nothing.
      if (inside[0] === '$') parts.push({ literal: inside.slice(1).split('-')[0] });
      else if (/^(h+|m+|s+)$/i.test(inside)) parts.push({ token: `[${inside.toLowerCase()}]` });
      index = stop + 1;
    } else {
      const token = DATE_TOKEN.exec(section.slice(index, index + 5));
      if (token) {
        parts.push({ token: token[0].toLowerCase() === 'am/pm' || token[0].toLowerCase() === 'a/p' ? token[0] : token[0].toLowerCase() });
        index += token[0].length;
      } else {
        parts.push({ literal: char });
        index++;
      }
    }
  }
  return parts;
}

function isDateToken(token: string | undefined): boolean {
  return token !== undefined && (/^[ymdhs]/.test(token) || /^\[/.test(token) || /^a/i.test(token));
}

/** Whether a format shows a date or time. */
export function isDateFormat(code: string): boolean {
  return tokenise(sections(code)[0]).some((part) => isDateToken(part.token));
}

interface IDateParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * A serial day number as a calendar date and time. The 1900 system counts from
 * 31 Dec 1899 and keeps Lotus 1-2-3's 29 Feb 1900 (serial 60); the 1904 system (old
 * Mac workbooks) counts from 1 Jan 1904.
 */
function dateParts(serial: number, date1904: boolean): IDateParts {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds >= 86400) {
    days += 1;
    seconds -= 86400;
  }
  const time = { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60), seconds: seconds % 60 };
  if (!date1904 && days === 60) return { year: 1900, month: 2, day: 29, weekday: 3, ...time };
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), ...time };
}

function pad(value: number, length: number = 2): string {
  return String(value).padStart(length, '0');
}

function formatDate(parts: IPart[], serial: number, date1904: boolean): string {
  const date = dateParts(serial, date1904);
  const twelveHour = parts.some((part) => part.token !== undefined && /^a/i.test(part.token));
  const tokens = parts.map((part) => part.token).filter((token): token is string => token !== undefined);
  let out = '';
  let tokenIndex = -1;
  for (const part of parts) {
    if (part.literal !== undefined) {
      out += part.literal;
      continue;
    }
    const token = part.token as string;
    tokenIndex++;
    if (token === 'm' || token === 'mm') {
      // Minutes after an hour or before seconds; otherwise the month.
      const before = tokens[tokenIndex - 1];
      const after = tokens[tokenIndex + 1];
      const minutes = (before !== undefined && /^(h|\[h)/.test(before)) || (after !== undefined && /^(s|\[s)/.test(after));
      const value = minutes ? date.minutes : date.month;
      out += token === 'mm' ? pad(value) : String(value);
      continue;
    }
    const hours12 = date.hours % 12 === 0 ? 12 : date.hours % 12;
    switch (token) {
      case 'yyyy':
      case 'yyy':
        out += pad(date.year, 4);
        break;
      case 'yy':
      case 'y':
        out += pad(date.year % 100);
        break;
      case 'mmmmm':
        out += MONTHS[date.month - 1][0];
        break;
      case 'mmmm':
        out += MONTHS[date.month - 1];
        break;
      case 'mmm':
        out += MONTHS[date.month - 1].slice(0, 3);
        break;
      case 'dddd':
        out += DAYS[date.weekday];
        break;
      case 'ddd':
        out += DAYS[date.weekday].slice(0, 3);
        break;
      case 'dd':
        out += pad(date.day);
        break;
      case 'd':
        out += String(date.day);
        break;
      case 'hh':
        out += pad(twelveHour ? hours12 : date.hours);
        break;
      case 'h':
        out += String(twelveHour ? hours12 : date.hours);
        break;
      case 'ss':
        out += pad(date.seconds);
        break;
      case 's':
        out += String(date.seconds);
        break;
      case '[h]':
      case '[hh]':
        out += String(Math.floor(serial * 24));
        break;
      case '[m]':
      case '[mm]':
        out += String(Math.floor(serial * 1440));
        break;
      case '[s]':
      case '[ss]':
        out += String(Math.round(serial * 86400));
        break;
      default:
        // AM/PM or A/P, in the case the format wrote it.
        out += /^a\/p$/i.test(token) ? (date.hours < 12 ? token[0] : token[2]) : date.hours < 12 ? 'AM' : 'PM';
    }
  }
  return out;
}

/** Digits with a comma between each group of three. */
function grouped(digits: string): string {
  let out = '';
  for (let index = 0; index < digits.length; index++) {
    if (index > 0 && (digits.length - index) % 3 === 0) out += ',';
    out += digits[index];
  }
  return out;
}

/**
 * A number in a number section: the placeholders (0 # ? , .) between the literals
 * before and after, % multiplying by 100, commas after the digits dividing by 1,000.
 */
function formatNumber(parts: IPart[], value: number): string | undefined {
  const pattern = parts.map((part) => part.literal ?? part.token ?? '').join('');
  if (/[eE][+-]/.test(pattern) || /\?\/|\/\?|#\/|\/#/.test(pattern)) return undefined;
  // The placeholders are the literals between the first and the last digit placeholder.
  const isPlaceholder = (part: IPart): boolean => part.literal !== undefined && /^[0#?]$/.test(part.literal);
  const first = parts.findIndex(isPlaceholder);
  if (first < 0) return parts.map((part) => part.literal ?? '').join('');
  let last = first;
  parts.forEach((part, index) => {
    if (isPlaceholder(part)) last = index;
  });
  let stop = last + 1;
  while (stop < parts.length && parts[stop].literal === ',') stop++;
  const placeholders = parts.slice(first, stop).map((part) => part.literal ?? '').join('');
  const before = parts.slice(0, first).map((part) => part.literal ?? '').join('');
  const after = parts.slice(stop).map((part) => part.literal ?? '').join('');
  const percents = (before + after).split('%').length - 1;
  const point = placeholders.indexOf('.');
  const integerPattern = point < 0 ? placeholders : placeholders.slice(0, point);
  const decimalPattern = point < 0 ? '' : placeholders.slice(point + 1).replace(/,/g, '');
  const scaling = /,+$/.exec(integerPattern)?.[0].length ?? 0;
  const scaled = (value * Math.pow(100, percents)) / Math.pow(1000, scaling);
  const maxDecimals = decimalPattern.replace(/[^0#?]/g, '').length;
  const minDecimals = decimalPattern.replace(/[^0]/g, '').length;
  let [integerDigits, decimals = ''] = Math.abs(Number(scaled.toPrecision(15))).toFixed(maxDecimals).split('.');
  while (decimals.length > minDecimals && decimals[decimals.length - 1] === '0') decimals = decimals.slice(0, -1);
  const minIntegerDigits = integerPattern.replace(/[^0]/g, '').length;
  if (integerDigits === '0' && minIntegerDigits === 0) integerDigits = '';
  integerDigits = integerDigits.padStart(minIntegerDigits, '0');
  if (/[0#?],[0#?]/.test(integerPattern)) integerDigits = grouped(integerDigits);
  return `${before}${integerDigits}${decimals === '' ? '' : `.${decimals}`}${after}`;
}

/**
 * A cell's number as its format shows it. Formats this cannot render (fractions,
 * scientific notation) show the number in its shortest form.
 */
export function formatCellNumber(value: number, formatCode: string, date1904: boolean): string {
  const all = sections(formatCode);
  if (/^general$/i.test(all[0].trim()) || all[0].trim() === '@' || !Number.isFinite(value)) return generalNumber(value);
  // A second section is for negative numbers and carries its own sign (brackets, or "-"); a third is for zero.
  let section = all[0];
  let shown = value;
  if (value < 0 && all.length > 1 && all[1].trim() !== '') {
    section = all[1];
    shown = -value;
  } else if (value === 0 && all.length > 2 && all[2].trim() !== '') {
    section = all[2];
  }
  const parts = tokenise(section);
  if (parts.some((part) => isDateToken(part.token))) {
    return value < 0 ? generalNumber(value) : formatDate(parts, value, date1904);
  }
  const number = formatNumber(parts, shown);
  if (number === undefined) return generalNumber(value);
  // One section for all numbers: a negative one is shown with a minus, unless it rounds to zero.
  return shown < 0 && /[1-9]/.test(number) ? `-${number}` : number;
}
