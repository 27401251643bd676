/**
 * Find phone and ID numbers in text in the spellings people really type: separators (139-0418-1234,
 * 139 0418 1234), +86, full-width digits, Chinese numerals (一三九…, 幺), ID numbers in groups.
 * Masked forms (139****1234) are not numbers and are not found.
 */
import { maskIdNumber, maskPhone } from './mask';

const FULL_WIDTH = /[\uFF10-\uFF19\uFF38\uFF58]/g;
const NUMERALS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const NUMERAL_RUN = /[零〇一幺二两三四五六七八九]{6,}/g;

/** Digits as ASCII: full-width digits and runs of six or more Chinese numerals are rewritten. */
export function asciiDigits(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(NUMERAL_RUN, (run) => [...run].map((c) => NUMERALS[c]).join(''));
}

const SEP = '[\\s\\-－—.·]?';
const EDGE_BEFORE = '(?<![0-9A-Za-z])';
const EDGE_AFTER = '(?![0-9A-Za-z])';
const PHONE = new RegExp(`${EDGE_BEFORE}(?:\\+?86${SEP})?(1[3-9]\\d(?:${SEP}\\d){8})${EDGE_AFTER}`, 'g');
const ID_NUMBER = new RegExp(`${EDGE_BEFORE}(\\d(?:${SEP}\\d){16}${SEP}[\\dXx])${EDGE_AFTER}`, 'g');

export interface Found {
  kind: 'phone' | 'idNumber';
  /** digits only (an ID number's final X upper-case): the same number however it was spelled */
  value: string;
}

const canon = (s: string) => s.replace(/[^\dXx]/g, '').toUpperCase();

interface Span extends Found {
  start: number;
  end: number;
}

/** Where the numbers are (indices into `text`: rewriting digits keeps every index). */
function spans(text: string): Span[] {
  const t = asciiDigits(text);
  const out: Span[] = [];
  for (const m of t.matchAll(ID_NUMBER))
    out.push({ kind: 'idNumber', value: canon(m[1]), start: m.index, end: m.index + m[0].length });
  for (const m of t.matchAll(PHONE)) {
    const start = m.index;
    if (!out.some((s) => start < s.end && s.start < start + m[0].length))
      out.push({ kind: 'phone', value: canon(m[1]), start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findNumbers(text: string): Found[] {
  return spans(text).map(({ kind, value }) => ({ kind, value }));
}

/** The text with every phone and ID number masked (139****1234, 2109**********2020). */
export function maskNumbers(text: string): string {
  let out = '';
  let at = 0;
  for (const s of spans(text)) {
    out += text.slice(at, s.start) + (s.kind === 'phone' ? maskPhone(s.value) : maskIdNumber(s.value));
    at = s.end;
  }
  return out + text.slice(at);
}

/** `139****1234`-style display of a found number, for reports that must not repeat it. */
export const hideNumber = (v: string) => `${v.slice(0, 3)}****${v.slice(-4)}`;
