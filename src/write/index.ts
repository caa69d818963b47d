/**
 * One document model, many renderers: picking a renderer by format or file extension.
 * Each renderer maps the `Document` (write/document.ts) to its syntax; adding a format is
 * one renderer file and one line here.
 */
import { renderCsv } from './csv.js';
import type { Format, Renderer } from './document.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export {
  CSV_DIALECTS,
  FORMATS,
  toDocument,
  type CsvDialect,
  type Document,
  type Format,
  type Output,
  type Renderer,
  type RenderStyle,
} from './document.js';

export const RENDERERS: Record<Format, Renderer> = {
  table: renderTable,
  csv: renderCsv,
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
};

/** The format an output file's extension asks for, or null. */
export function formatForPath(path: string): Format | null {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt') return 'table';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}
