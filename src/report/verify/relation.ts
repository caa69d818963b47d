/**
 * A declared relation between columns (`--columns 'Netto=Intäkt+Kostnad'`) and its parser,
 * on their own so that the option schema (cli/options.ts) can check a flag's value without
 * loading verify's checks; checks.ts applies them.
 */

export interface Relation {
  text: string;
  target: string;
  terms: { sign: 1n | -1n; column: string }[];
}

/**
 * Reads one column name at `text[i]`: `"…"` or `[…]` (any heading, `-`, `+` and `=`
 * included), else the text up to the next `+`, `-`, `−` or `=`. Returns the name and where it ends.
 */
function columnName(text: string, i: number, stops: RegExp): { name: string; end: number } | null {
  while (text[i] === ' ') i++;
  const open = text[i];
  if (open === '"' || open === '[') {
    const close = text.indexOf(open === '"' ? '"' : ']', i + 1);
    if (close < 0) return null;
    const name = text.slice(i + 1, close).trim();
    let end = close + 1;
    while (text[end] === ' ') end++;
    return name === '' ? null : { name, end };
  }
  let end = i;
  while (end < text.length && !stops.test(text[end] as string)) end++;
  const name = text.slice(i, end).trim();
  return name === '' ? null : { name, end };
}

/**
 * Parses `Netto=Intäkt+Kostnad`, `Avvikelse=Budget-Utfall`, or with headings that hold
 * `-`, `+` or `=` quoted or bracketed: `Avvikelse="Bokslut"-"Delårsrapp jan-aug"`,
 * `[Avvikelse]=[Bokslut]-[Delårsrapp jan-aug]`. Null when it is not a relation.
 */
export function parseRelation(text: string): Relation | null {
  const target = columnName(text, 0, /=/);
  if (!target || text[target.end] !== '=') return null;
  const terms: Relation['terms'] = [];
  let i = target.end + 1;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    let sign: 1n | -1n = 1n;
    if (text[i] === '+' || text[i] === '-' || text[i] === '−') {
      sign = text[i] === '+' ? 1n : -1n;
      i++;
    } else if (terms.length > 0) return null;
    const term = columnName(text, i, /[+\-−=]/);
    if (!term) return null;
    terms.push({ sign, column: term.name });
    i = term.end;
    if (text[i] === '=') return null;
  }
  return terms.length === 0 ? null : { text, target: target.name, terms };
}
