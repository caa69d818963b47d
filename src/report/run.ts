/**
 * A whole report run without a process: read every utfall and budget file, sum them
 * exactly, look names up, and build the tables. The CLI turns flags into a
 * `ReportRequest`; tests call `runReport` directly.
 */
import { builtInNames, NameBook } from '../data/catalogue.js';
import type { RoundingMode, Unit } from '../data/money.js';
import { addInto, latestYear, totalPerCode, type PeriodTotals } from '../data/totals.js';
import type { Texts } from '../i18n/messages.js';
import { readLedger, type Dialect, type Filter, type InputSign, type LedgerTotals } from '../read/ledger.js';
import { readNamesFile } from '../read/names.js';
import { buildDrift } from './drift.js';
import type { Perspective, Report } from './model.js';

export interface ReportRequest {
  utfall: string[];
  budget: string[];
  dialect: Dialect;
  columns: Record<string, string>;
  inputUnit: Unit;
  inputSign: InputSign;
  by: string;
  where: Filter[];
  level: number | null;
  sub: string[];
  subLevel: number | null;
  names: string | null;
  perspective: Perspective;
  unit: Unit;
  rounding: RoundingMode;
}

/** Minimum number of konto-classified amounts before a reversed-sign warning is given. */
const SIGN_EVIDENCE_MIN = 10;

function signWarning(ledger: LedgerTotals, texts: Texts): string | null {
  const s = ledger.signs;
  if (s === null) return null;
  const reversed = s.revenuePositive + s.costNegative;
  const normal = s.revenueNegative + s.costPositive;
  if (reversed + normal < SIGN_EVIDENCE_MIN || reversed <= normal) return null;
  return texts.warn.signsLookReversed(ledger.file, s.revenuePositive, s.revenuePositive + s.revenueNegative);
}

async function readAll(files: string[], kind: string, req: ReportRequest, warnings: string[], texts: Texts) {
  const totals: PeriodTotals = new Map();
  const names = new Map<string, string>();
  for (const file of files) {
    const ledger = await readLedger({
      file,
      kind,
      dialect: req.dialect,
      columns: req.columns,
      inputUnit: req.inputUnit,
      inputSign: req.inputSign,
      groupBy: req.by,
      where: req.where,
    });
    if (ledger.encodingFallback) warnings.push(texts.warn.encodingFallback(file));
    const w = signWarning(ledger, texts);
    if (w) warnings.push(w);
    addInto(totals, ledger.totals);
    for (const [k, v] of ledger.names) names.set(k, v);
  }
  return { totals, names };
}

export async function runReport(req: ReportRequest, texts: Texts): Promise<Report> {
  const warnings: string[] = [];
  const utfall = await readAll(req.utfall, 'utfall', req, warnings, texts);
  const budget = await readAll(req.budget, 'budget', req, warnings, texts);
  const names = new NameBook();
  if (req.by === 'verksamhet') names.add(builtInNames());
  if (req.names) names.add(await readNamesFile(req.names));
  names.add(budget.names).add(utfall.names);
  const report = buildDrift({
    utfall: totalPerCode(utfall.totals),
    budget: totalPerCode(budget.totals),
    names,
    dimension: req.by,
    level: req.level,
    subs: req.sub,
    subLevel: req.subLevel,
    perspective: req.perspective,
    year: latestYear(utfall.totals),
    unitLabel: req.unit,
    texts,
  });
  return { ...report, warnings: [...warnings, ...report.warnings] };
}
