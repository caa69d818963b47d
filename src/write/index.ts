/**
 * One document model, many renderers: picking a renderer by format or file extension.
 * Each renderer maps the `Document` (write/document.ts) to its syntax; adding a format is
 * one renderer file and one line here. A renderer is loaded when its format is asked for,
 * so a run loads only its own (the terminal table's chalk and cli-table3 take about 40 ms).
 */
import type { Format, Renderer } from './document.js';

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

const RENDERERS: Record<Format, () => Promise<Renderer>> = {
  table: async () => (await import('./table.js')).renderTable,
  csv: async () => (await import('./csv.js')).renderCsv,
  json: async () => (await import('./json.js')).renderJson,
  md: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
  xlsx: async () => (await import('./xlsx.js')).renderXlsx,
};

/** The renderer of a format. */
export function renderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}

/** The format an output file's extension asks for, or null. */
export function formatForPath(path: string): Format | null {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt') return 'table';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}
