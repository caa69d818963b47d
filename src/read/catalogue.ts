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
