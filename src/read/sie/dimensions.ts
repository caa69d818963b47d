/**
 * Which SIE dimension holds which role (ansvar, verksamhet, projekt …). A SIE file numbers its
 * dimensions (`#DIM 1 "Kostnadsställe"`, `#DIM 20 "Verksamhet"`); the standard reserves 1
 * (kostnadsställe / resultatenhet), 2 (kostnadsbärare), 6 (projekt), 7 (anställd), 8 (kund),
 * 9 (leverantör) and 10 (faktura), and leaves 20 and up free, which is where municipal ledgers
 * put verksamhet, aktivitet and the like. A dimension's role comes from its name, as a CSV
 * column's does from its heading (`canonicalDimension`: `Ansvar`, `Vht`, `Projekt` …), with the
 * names SIE files use for ansvar (`Kostnadsställe`, `Resultatenhet`); `--sie-dim
 * verksamhet=20` (or `inputs.utfall.sieDim`) says it outright, by number or by name.
 */
import { AvvikelseError, type Place } from '../../errors.js';
import { normaliseHeader } from '../../core/text.js';
import { canonicalDimension } from '../columns.js';

/** The names of the standard's reserved dimensions, for a dimension a file uses without declaring it. */
const RESERVED: Readonly<Record<string, string>> = {
  '1': 'Kostnadsställe',
  '2': 'Kostnadsbärare',
  '6': 'Projekt',
  '7': 'Anställd',
  '8': 'Kund',
  '9': 'Leverantör',
  '10': 'Faktura',
};

/** Dimension names that SIE files give the ansvar role (normalised). */
const ANSVAR_NAMES = [
  'kostnadsställe',
  'kostnadsstalle',
  'kst',
  'resultatenhet',
  'ansvarsenhet',
  'ansvarsställe',
  'ansvarsomrade',
  'ansvarsområde',
];

/**
 * The role a dimension's name gives it.
 * @example dimensionRole('Kostnadsställe') // 'ansvar'
 * @example dimensionRole('Vht') // 'verksamhet'
 */
export function dimensionRole(name: string): string {
  const n = normaliseHeader(name);
  if (ANSVAR_NAMES.includes(n)) return 'ansvar';
  return canonicalDimension(name);
}

/** The dimensions of one file: number → name (declared, or the reserved name of one it uses). */
export class SieDimensions {
  private readonly declared = new Map<string, string>();
  private readonly used = new Set<string>();

  declare(dim: string, name: string): void {
    this.declared.set(dim, name);
  }

  use(dim: string): void {
    this.used.add(dim);
  }

  /** Every dimension, declared or used, with its name. */
  all(): [string, string][] {
    const out = new Map(this.declared);
    for (const d of this.used) if (!out.has(d)) out.set(d, RESERVED[d] ?? `dim ${d}`);
    return [...out].sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A dimension's name for messages: `20 Verksamhet`. */
  label(dim: string): string {
    return `${dim} ${this.declared.get(dim) ?? RESERVED[dim] ?? ''}`.trim();
  }

  /**
   * The dimension number that holds `role`: the one `--sie-dim` names (by number or name),
   * else the one whose name gives that role. Throws SIE_DIMENSION when the named dimension is
   * not in the file, when no dimension's name gives the role, or when several do.
   */
  resolve(role: string, explicit: Readonly<Record<string, string>>, at: Place): string {
    const all = this.all();
    const list = all.map(([d, n]) => `${d} "${n}" (${dimensionRole(n)})`).join(', ') || '–';
    const given = Object.entries(explicit).find(([r]) => canonicalDimension(r) === role)?.[1];
    if (given !== undefined) {
      const g = given.trim();
      const hit = all.find(([d, n]) => d === g || normaliseHeader(n) === normaliseHeader(g));
      if (hit === undefined) throw new AvvikelseError('SIE_DIMENSION', { reason: 'unknown', role, dim: g, dims: list }, at);
      return hit[0];
    }
    const taken = new Set(Object.values(explicit).map((v) => v.trim()));
    const matches = all.filter(([d, n]) => dimensionRole(n) === role && !taken.has(d));
    if (matches.length === 1) return (matches[0] as [string, string])[0];
    const reason = matches.length === 0 ? 'missing' : 'ambiguous';
    throw new AvvikelseError('SIE_DIMENSION', { reason, role, dim: matches.map(([d]) => d).join(', '), dims: list }, at);
  }
}
