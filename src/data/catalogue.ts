/**
 * Names of codes. In increasing priority: the built-in SCB/SKR verksamhetsindelning
 * (data/verksamhetsindelning.csv, shipped with the package), a names file (`kod;namn`),
 * and name columns in the ledger data. A code with no name is shown by its code alone,
 * and the report warns about it; it is never dropped.
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

/** Looks names up through layers, the last layer given winning. */
export class NameBook {
  private readonly layers: ReadonlyMap<string, string>[] = [];

  /** Adds a layer that takes priority over those added before. */
  add(names: ReadonlyMap<string, string>): this {
    this.layers.push(names);
    return this;
  }

  name(code: string): string | null {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const n = (this.layers[i] as ReadonlyMap<string, string>).get(code);
      if (n !== undefined) return n;
    }
    return null;
  }
}

/** The built-in catalogue's names, excluding SCB's summary rows (190, 290, …). */
export function builtInNames(): Map<string, string> {
  return new Map(builtInCatalogue().filter((e) => e.niva !== 'summa').map((e) => [e.kod, e.namn]));
}
