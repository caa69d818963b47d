/**
 * Names of codes, looked up through layers: in increasing priority the built-in SCB/SKR
 * verksamhetsindelning, a names file (`kod;namn`), and name columns in the ledger data.
 */

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
