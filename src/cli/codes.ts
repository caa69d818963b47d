/** `avvikelse codes [PREFIX]` (alias `koder`): list and search the code catalogue. */
import { Command } from 'commander';
import { builtInCatalogue } from '../read/catalogue.js';
import { visible } from '../core/text.js';
import { bilingual, type Lang, type Texts } from '../i18n/index.js';
import type { Io } from './io.js';
import { declare, fromCommander, type Options, type RawOptions } from './options.js';

/** The `codes` command; `run` gets the prefix and the flags that were given, keyed by schema key. */
export function codesCommand(lang: Lang, run: (prefix: string | undefined, flags: RawOptions) => void): Command {
  const d = bilingual(lang);
  const cmd = new Command('codes')
    .alias('koder')
    .description(d('lista verksamhetskoder (SCB/SKR) under ett prefix', 'list activity codes (SCB/SKR) under a prefix'))
    .argument('[prefix]', d('kodprefix, t.ex. 51', 'code prefix, e.g. 51'));
  return declare(cmd, 'codes', lang)
    .addHelpText(
      'after',
      d(
        '\nExempel:\n  avvikelse koder 5\n  avvikelse koder --search omsorg',
        '\nExamples:\n  avvikelse codes 5\n  avvikelse codes --search omsorg --lang en',
      ),
    )
    .action((prefix: string | undefined) => {
      run(prefix, fromCommander(cmd, 'codes'));
    });
}

/** Lists the catalogue's codes under `prefix` (whose names contain `--search`); exit 1 when none match. */
export function runCodesCommand(prefix: string | undefined, options: Pick<Options, 'search'>, io: Io, texts: Texts): number {
  const p = (prefix ?? '').trim();
  const needle = options.search?.toLocaleLowerCase('sv');
  const hits = builtInCatalogue().filter(
    (e) => e.kod.startsWith(p) && (needle === undefined || e.namn.toLocaleLowerCase('sv').includes(needle)),
  );
  if (hits.length === 0) {
    io.stderr(`avvikelse: ${visible(options.search === undefined ? texts.codes.none(p || '*') : texts.codes.noHits(options.search, p))}\n`);
    return 1;
  }
  const width = Math.max(...hits.map((e) => e.kod.length));
  for (const e of hits) io.stdout(`${e.kod.padEnd(width)}  ${e.namn}${e.niva === 'summa' ? ` (${texts.summa.toLowerCase()})` : ''}\n`);
  return 0;
}
