/**
 * Periods. A period is a calendar month written `YYYY-MM`; ledger exports write it as
 * `2024-08`, `202408`, `2024-08-31` (a date means its month, with or without a time),
 * `2024M08` or `2024-8`.
 */

const FORMS: readonly RegExp[] = [
  /^(\d{4})-?(\d{2})$/, // 2024-08, 202408
  /^(\d{4})[-/.](\d)$/, // 2024-8
  /^(\d{4})[mM](\d{2})$/, // 2024M08 (SCB, SIE)
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T][\d:.]+)?$/, // 2024-08-31, 20240831, with a time
  /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/, // 2024/8/31
];

/**
 * The month `YYYY-MM` of a period text, or null when it is not a period. Its byte-level twin
 * for the commonest forms is `periodIndex` in read/csv/fast/bytes.ts.
 */
export function parsePeriod(text: string): string | null {
  const t = text.trim();
  for (const form of FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > 31) return null;
    }
    return `${m[1]}-${String(month).padStart(2, '0')}`;
  }
  return null;
}
