/**
 * Konto categories for the Verksamhetsanalys and the Resultat summary: which accounts are
 * intäkter, personalkostnader, kapitalkostnader, övriga kostnader, and which are left out
 * of verksamhetens netto (balance, investment, tax and financial accounts). The most
 * specific prefix wins.
 *
 * The built-in map follows Kommun-Bas' classes (data/kontoklasser.csv): 3 intäkt, 5
 * personal, 4/6/7 övrig kostnad, 1/2 balance and 40 investment and 8 skatter och finansiella
 * poster excluded. Which accounts hold kapitalkostnader differs between municipalities (the
 * reference does not settle it); the default chooses kontogrupp 78 (avskrivningar) and 79
 * (internränta / kapitaltjänst). `--kategorier FILE` replaces the map.
 */
export type Category = 'intakt' | 'personalkostnad' | 'kapitalkostnad' | 'ovrig_kostnad' | 'exkluderad';

/** Prefix → category. */
export type CategoryMap = ReadonlyMap<string, Category>;

export const DEFAULT_CATEGORIES: CategoryMap = new Map<string, Category>([
  ['1', 'exkluderad'],
  ['2', 'exkluderad'],
  ['3', 'intakt'],
  ['4', 'ovrig_kostnad'],
  ['40', 'exkluderad'],
  ['5', 'personalkostnad'],
  ['6', 'ovrig_kostnad'],
  ['7', 'ovrig_kostnad'],
  ['78', 'kapitalkostnad'],
  ['79', 'kapitalkostnad'],
  ['8', 'exkluderad'],
]);

/**
 * The category of an account, or null when no prefix matches: the most specific prefix wins.
 * @example categoryOf('7810', DEFAULT_CATEGORIES) // 'kapitalkostnad' (78 before 7)
 */
export function categoryOf(konto: string, map: CategoryMap): Category | null {
  for (let n = konto.length; n >= 1; n--) {
    const c = map.get(konto.slice(0, n));
    if (c !== undefined) return c;
  }
  return null;
}

/**
 * Accepted spellings of category names in a categories file.
 * @example parseCategory('Övriga kostnader') // 'ovrig_kostnad'
 */
export function parseCategory(text: string): Category | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o');
  const aliases: Record<string, Category> = {
    intakt: 'intakt',
    intakter: 'intakt',
    personal: 'personalkostnad',
    personalkostnad: 'personalkostnad',
    personalkostnader: 'personalkostnad',
    kapital: 'kapitalkostnad',
    kapitalkostnad: 'kapitalkostnad',
    kapitalkostnader: 'kapitalkostnad',
    ovrig: 'ovrig_kostnad',
    ovrig_kostnad: 'ovrig_kostnad',
    ovriga_kostnader: 'ovrig_kostnad',
    kostnad: 'ovrig_kostnad',
    exkluderad: 'exkluderad',
    exkludera: 'exkluderad',
    ej: 'exkluderad',
  };
  return aliases[t] ?? null;
}
