/**
 * A small XML scanner for the parts of a workbook (SpreadsheetML): start tags with their
 * attributes, end tags and text, in document order. Names lose their namespace prefix
 * (`x:c` → `c`, `r:id` → `id`), as writers differ in prefixes (the OpenXML SDK writes
 * `<x:c>`). Comments, processing instructions and the declaration are skipped; CDATA is text.
 * It checks no well-formedness beyond what it needs: a workbook part it cannot read is a
 * WORKBOOK_INVALID error of the caller. It reads the small parts, each whole; a worksheet,
 * fed in pieces, has a dedicated scanner that reads what this one would (sheet.ts).
 */

/** What the scanner reports, in document order. */
export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Text the scanner cannot read (the caller's WORKBOOK_INVALID, naming the part). */
export class XmlError extends Error {}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Text with its entity and character references decoded.
 * @example decodeXml('a &amp; b &#x41;&#66;') // 'a & b AB'
 */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? whole;
  });
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const TOKEN =
  /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Scans `xml`, reporting tags and text to `h`. Throws an XmlError on text it cannot scan. */
export function scanXml(xml: string, h: XmlHandler): void {
  TOKEN.lastIndex = 0;
  let at = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    if (m.index > at) text(h, xml.slice(at, m.index));
    at = TOKEN.lastIndex;
    const [whole, slash, name, attrText, selfClose, cdata] = m;
    if (cdata !== undefined) {
      h.text(cdata);
      continue;
    }
    if (name === undefined) {
      if (whole.startsWith('<!') && !whole.startsWith('<!--') && !/^<!DOCTYPE/i.test(whole)) throw new XmlError(`unexpected ${whole}`);
      continue;
    }
    const local = localName(name);
    if (slash === '/') {
      h.close(local);
      continue;
    }
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    if (attrText) {
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(attrText); a !== null; a = ATTR.exec(attrText)) {
        attrs[localName(a[1] as string)] = decodeXml(a[2] ?? a[3] ?? '');
      }
    }
    h.open(local, attrs, selfClose === '/');
    if (selfClose === '/') h.close(local);
  }
  if (at < xml.length) text(h, xml.slice(at));
}

/** Text between tags; a `<` in it is a tag the scanner could not read. */
function text(h: XmlHandler, raw: string): void {
  if (raw.includes('<')) throw new XmlError(`unreadable tag near ${JSON.stringify(raw.slice(raw.indexOf('<'), raw.indexOf('<') + 40))}`);
  h.text(decodeXml(raw));
}
