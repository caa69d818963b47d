/**
 * The layout model's options for a report run (cli/report.ts, and each part of a split in
 * cli/split.ts): one place that turns the options into what `toDocument` needs besides tables.
 */
import type { Display } from '../report/model.js';
import type { Perspective } from '../rules/sign.js';
import type { DocumentMeta } from '../write/document.js';
import type { Options } from './options.js';

/** What the layout model needs of a run besides its tables: display, perspective, notes, layout, titles and the command line. */
export function documentOptions(
  options: Options,
  display: Display,
  perspective: Perspective,
  invocation: string,
  rubrik: string | undefined = options.rubrik,
): DocumentMeta {
  return {
    unit: display.unit,
    perspective,
    rounding: display.rounding,
    exact: display.exact,
    roundingNotes: options.avrundningsnoter,
    layout: options.layout,
    rubrik,
    organisation: options.organisation,
    invocation,
  };
}
