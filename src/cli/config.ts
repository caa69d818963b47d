/**
 * The configuration file (`avvikelse.config.json` in the working directory, or
 * `--config FILE`): the options of a monthly run, so that the run is one short command.
 * Keys are the long option names in camelCase; file paths in it are relative to the
 * file. Flags on the command line win over the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AvvikelseError } from '../errors.js';

export const CONFIG_FILE = 'avvikelse.config.json';

/** Keys and the type of their values. */
const SCHEMA = {
  utfall: 'paths',
  budget: 'paths',
  names: 'path',
  col: 'record',
  inputSign: 'string',
  inputUnit: 'string',
  perspective: 'string',
  rounding: 'string',
  unit: 'string',
  decimals: 'number',
  level: 'number',
  subLevel: 'number',
  sub: 'strings',
  by: 'string',
  where: 'strings',
  encoding: 'string',
  delimiter: 'string',
  decimal: 'string',
  csvDialect: 'string',
  format: 'string',
  lang: 'string',
  period: 'string',
  columns: 'string',
  periodisering: 'string',
  prognosMetod: 'string',
  prognos: 'path',
  fgAr: 'paths',
  analys: 'boolean',
  resultat: 'boolean',
  kategorier: 'path',
  fgPrognos: 'path',
  kommentarer: 'path',
  failOn: 'strings',
} as const;

export type Config = {
  utfall?: string[];
  budget?: string[];
  names?: string;
  col?: Record<string, string>;
  sub?: string[];
  failOn?: string[];
  prognos?: string;
  fgAr?: string[];
  analys?: boolean;
  resultat?: boolean;
  kategorier?: string;
  fgPrognos?: string;
  kommentarer?: string;
  where?: string[];
  decimals?: number;
  level?: number;
  subLevel?: number;
} & { [K in 'inputSign' | 'inputUnit' | 'perspective' | 'rounding' | 'unit' | 'by' | 'encoding' | 'delimiter' | 'decimal' | 'csvDialect' | 'format' | 'lang' | 'period' | 'columns' | 'periodisering' | 'prognosMetod']?: string };

function invalid(file: string, reason: 'json' | 'object' | 'unknownKey' | 'type', params: Record<string, string> = {}): never {
  throw new AvvikelseError('CONFIG_INVALID', { reason, ...params }, { file });
}

/** Loads `explicitPath`, or `avvikelse.config.json` in `cwd` if there is one, else {}. */
export function loadConfig(explicitPath: string | undefined, cwd: string): Config {
  const path = explicitPath ?? join(cwd, CONFIG_FILE);
  if (!explicitPath && !existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new AvvikelseError('FILE_NOT_FOUND', {}, { file: path });
    invalid(path, 'json', { detail: err.message });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) invalid(path, 'object');
  const base = dirname(resolve(path));
  const rel = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const type = (SCHEMA as Record<string, string>)[key];
    if (type === undefined) invalid(path, 'unknownKey', { key, known: Object.keys(SCHEMA).join(', ') });
    const bad = () => invalid(path, 'type', { key, type });
    switch (type) {
      case 'paths':
      case 'strings':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) bad();
        out[key] = type === 'paths' ? (value as string[]).map(rel) : value;
        break;
      case 'path':
        if (typeof value !== 'string') bad();
        out[key] = rel(value as string);
        break;
      case 'record':
        if (value === null || typeof value !== 'object' || !Object.values(value).every((v) => typeof v === 'string')) bad();
        out[key] = value;
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isInteger(value)) bad();
        out[key] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') bad();
        out[key] = value;
        break;
      default:
        if (typeof value !== 'string') bad();
        out[key] = value;
    }
  }
  return out as Config;
}
