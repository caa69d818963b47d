/** Text normalisation shared by the readers and verify. */

/** Header as matched: lower case, trimmed, inner spaces, `_` and `-` removed. */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Text from the data made safe to print for a person: every C0 control character (U+0000–
 * U+001F), DEL and every C1 control character (U+0080–U+009F) becomes a visible escape
 * (`\x1b`, `\r`, `\n`, `\t`, `\x9b`), so an input cannot clear the screen, move the cursor,
 * overwrite a line with a bare CR, set a terminal link or write to the clipboard. The one
 * sanitiser for everything avvikelse prints for a person: the terminal table, the Markdown,
 * error messages and their excerpts, warnings, and verify's text and GitHub output. Data
 * formats (CSV, JSON, HTML) keep the characters, each escaped in its own syntax.
 * @example visible('Vård\u001b[2J') // 'Vård\\x1b[2J'
 */
export function visible(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => NAMED_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
