/**
 * One line of a SIE file as fields (SIE filformat utgåva 4B, "Allmänt om SIE-filens
 * uppbyggnad"): a label (`#TRANS`), then fields separated by one or more spaces or TABs; a
 * field with spaces is quoted (`"Löner månadsavlönade"`, a quote inside written `\"`); an
 * object list is braced, its dimension numbers and object codes quoted or not
 * (`{1 "4110" 20 "5101"}`, `{"1" "Nord"}`, `{1         AO}`, `{}`). Unknown labels and extra
 * trailing fields are the caller's to ignore, as the standard asks of readers.
 */

/** An object list: (dimension number, object code) pairs, in file order. */
export interface SieObjects {
  pairs: [string, string][];
}

export type SieField = string | SieObjects;

/** A line's label (upper case, with its `#`; `{` and `}` for a verification's braces) and fields, with where each field starts. */
export interface SieLine {
  label: string;
  fields: SieField[];
  /** 0-based character offset of each field in the line (for the caret under an error). */
  starts: number[];
}

/** What is wrong with a line's syntax: the reader places it at `file:line`. */
export class SieSyntaxProblem extends Error {
  constructor(
    readonly problem: 'quote' | 'objects',
    /** The 1-based field number (after the label). */
    readonly field: number,
    readonly value: string,
  ) {
    super(problem);
  }
}

/** The bytes (and UTF-16 code units) a SIE line is split on; scanner.ts splits on the same. */
export const SPACE = 0x20;
export const TAB = 0x09;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN = 0x7b;
export const CLOSE = 0x7d;

const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/** A quoted field starting at `i` (the quote): its text and the index after the closing quote, or -1 when it is not closed. */
function quoted(line: string, i: number): [string, number] {
  let out = '';
  let from = i + 1;
  for (let j = i + 1; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === BACKSLASH && line.charCodeAt(j + 1) === QUOTE) {
      out += `${line.slice(from, j)}"`;
      j++;
      from = j + 1;
    } else if (c === QUOTE) {
      return [out + line.slice(from, j), j + 1];
    }
  }
  return [out, -1];
}

/** An unquoted field starting at `i`: it ends at a blank or a brace. */
function bare(line: string, i: number): [string, number] {
  let j = i;
  while (j < line.length) {
    const c = line.charCodeAt(j);
    if (isBlank(c) || c === OPEN || c === CLOSE) break;
    j++;
  }
  return [line.slice(i, j), j];
}

/**
 * The label and fields of a line, or null for a line without a label (blank, or text that
 * is no record). Throws SieSyntaxProblem for a quote or a brace that is not closed, and for an
 * object list with an odd number of items.
 * @example tokenize('#TRANS 5011 {1 "4110"} 1234.50').fields // ['5011', { pairs: [['1', '4110']] }, '1234.50']
 */
export function tokenize(line: string): SieLine | null {
  let i = 0;
  const n = line.length;
  while (i < n && isBlank(line.charCodeAt(i))) i++;
  if (i === n) return null;
  const first = line.charCodeAt(i);
  if (first === OPEN || first === CLOSE) return { label: first === OPEN ? '{' : '}', fields: [], starts: [] };
  if (first !== 0x23) return null; // '#'
  const [label, afterLabel] = bare(line, i);
  i = afterLabel;
  const fields: SieField[] = [];
  const starts: number[] = [];
  for (;;) {
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const c = line.charCodeAt(i);
    starts.push(i);
    if (c === QUOTE) {
      const [text, next] = quoted(line, i);
      if (next < 0) throw new SieSyntaxProblem('quote', fields.length + 1, line.slice(i));
      fields.push(text);
      i = next;
    } else if (c === OPEN) {
      const start = i;
      const items: string[] = [];
      i++;
      for (;;) {
        while (i < n && isBlank(line.charCodeAt(i))) i++;
        if (i >= n) throw new SieSyntaxProblem('objects', fields.length + 1, line.slice(start));
        const d = line.charCodeAt(i);
        if (d === CLOSE) {
          i++;
          break;
        }
        if (d === QUOTE) {
          const [text, next] = quoted(line, i);
          if (next < 0) throw new SieSyntaxProblem('objects', fields.length + 1, line.slice(start));
          items.push(text);
          i = next;
        } else if (d === OPEN) {
          throw new SieSyntaxProblem('objects', fields.length + 1, line.slice(start, i + 1));
        } else {
          const [text, next] = bare(line, i);
          items.push(text);
          i = next;
        }
      }
      if (items.length % 2 !== 0) throw new SieSyntaxProblem('objects', fields.length + 1, line.slice(start, i));
      const pairs: [string, string][] = [];
      for (let k = 0; k < items.length; k += 2) pairs.push([(items[k] as string).trim(), (items[k + 1] as string).trim()]);
      fields.push({ pairs });
    } else if (c === CLOSE) {
      // A stray closing brace: a field of its own, which no record expects.
      fields.push('}');
      i++;
    } else {
      const [text, next] = bare(line, i);
      fields.push(text);
      i = next;
    }
  }
  return { label: label.toUpperCase(), fields, starts };
}

/** The text of a field (an object list as it would be written), for messages. */
export function fieldText(f: SieField | undefined): string {
  if (f === undefined) return '';
  if (typeof f === 'string') return f;
  return `{${f.pairs.map(([d, o]) => `${d} "${o}"`).join(' ')}}`;
}
