/**
 * The built-in SCB/SKR verksamhetsindelning (data/verksamhetsindelning.csv, shipped with the
 * package): the lowest layer of names (core/names.ts) and the list `avvikelse codes` shows.
 */
import { readFileSync } from 'node:fs';

export interface CatalogueEntry {
  kod: string;
  namn: string;
  /** '1', '2', '3' for SCB's levels, 'summa' for its total rows. */
  niva: string;
}

let builtIn: CatalogueEntry[] | null = null;

/** The built-in SCB/SKR verksamhetsindelning, in file order. */
export function builtInCatalogue(): CatalogueEntry[] {
  if (builtIn === null) {
    const text = readFileSync(new URL('../../data/verksamhetsindelning.csv', import.meta.url), 'utf8');
    builtIn = text
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [kod = '', namn = '', niva = ''] = l.split(';');
        return { kod, namn, niva };
      });
  }
  return builtIn;
}

/** The built-in catalogue's names, excluding SCB's summary rows (190, 290, …). */
export function builtInNames(): Map<string, string> {
  return new Map(
    builtInCatalogue()
      .filter((e) => e.niva !== 'summa')
      .map((e) => [e.kod, e.namn]),
  );
}

/**
 * One line of a small semicolon file with quoted fields (`"a; b"`, `""` a quote).
 * @example fields('3;intäkt;"Intäkter; alla";x') // ['3', 'intäkt', 'Intäkter; alla', 'x']
 */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

let kontoGroups: Map<string, string> | null = null;

/**
 * The names of Kommun-Bas' kontoklasser and kontogrupper (data/kontoklasser.csv, shipped with
 * the package): `3` Intäkter, `30` Försäljningsintäkter, `50` Löner arbetad tid …, for
 * `--by konto`. Only the prefixes the file names (no `?` rows); the file's remarks in
 * parentheses are left out of the name.
 */
export function kontoGroupNames(): Map<string, string> {
  if (kontoGroups === null) {
    const text = readFileSync(new URL('../../data/kontoklasser.csv', import.meta.url), 'utf8');
    kontoGroups = new Map();
    for (const line of text.split(/\r?\n/).slice(1)) {
      const [prefix = '', , namn = ''] = fields(line);
      if (!/^\d+$/.test(prefix)) continue;
      // Remarks in parentheses, nested ones too: `Bidrag (bl.a. … (investeringar))` → `Bidrag`.
      let clean = namn;
      for (let prev = ''; prev !== clean;) {
        prev = clean;
        clean = clean.replace(/\s*\([^()]*\)/g, '');
      }
      clean = clean.trim();
      if (clean !== '') kontoGroups.set(prefix, clean);
    }
  }
  return kontoGroups;
}
