/**
 * A record of a text file (a CSV record, a Markdown table row) at its line. Its places are made
 * when asked for, so a table of a million rows keeps no place object or function per row.
 */
import type { Place } from '../errors.js';
import type { SourceRecord } from './source.js';

export class LineRecord implements SourceRecord {
  /** Set on the header row of a table a format marks (a Markdown pipe table). */
  table?: { title: string };

  constructor(
    private readonly file: string,
    private readonly line: number,
    readonly cells: string[],
  ) {}

  get place(): Place {
    return { file: this.file, line: this.line };
  }

  at(index: number, column: string | undefined, value: string): Place {
    return { file: this.file, line: this.line, column, field: index + 1, value };
  }
}
