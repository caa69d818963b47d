/**
 * The configuration file (`avvikelse.config.json` in the working directory, or
 * `--config FILE`): the options of a recurring run, so that the run is one short command.
 * Keys are the schema's keys (the long option names in camelCase; cli/options.ts checks
 * them); file paths in it are relative to the file. Flags on the command line win.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AvvikelseError } from '../errors.js';
import { fileError } from '../read/files.js';
import { fromConfig, type RawOptions } from './options.js';

export const CONFIG_FILE = 'avvikelse.config.json';

/**
 * Loads `explicitPath`, or `avvikelse.config.json` in `cwd` if there is one, else {}. The
 * file that was loaded is returned as `config`, so that `--out` can never overwrite it.
 */
export function loadConfig(explicitPath: string | undefined, cwd: string): RawOptions {
  const path = explicitPath ?? join(cwd, CONFIG_FILE);
  if (!explicitPath && !existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    // A folder, a file without permission, a link loop: the system's reason, never "invalid JSON".
    throw fileError(e, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new AvvikelseError('CONFIG_INVALID', { reason: 'json', detail: (e as Error).message }, { file: path });
  }
  return { ...fromConfig(json, path), config: path };
}
