// A small ordered view over fast-xml-parser's `preserveOrder` output, for the ODF and OFD
// readers: element name (namespace prefix dropped), attributes, children in document order.
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../shared/errors';
import { checkXmlDepth } from './depth-guard';

export interface XmlElement {
  /** Local name, without the namespace prefix (ofd:TextCode → TextCode). */
  name: string;
  /** Qualified name as written (text:p). */
  qname: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of raw) {
    const attrs = (node[':@'] as Record<string, string> | undefined) ?? {};
    for (const key of Object.keys(node)) {
      if (key === ':@') continue;
      const value = node[key];
      if (key === '#text') out.push(String(value));
      else if (key.startsWith('#') || key.startsWith('?') || key.startsWith('!')) continue;
      else {
        const k = key.indexOf(':');
        out.push({ name: k >= 0 ? key.slice(k + 1) : key, qname: key, attrs, children: Array.isArray(value) ? convert(value as Raw[]) : [] });
      }
    }
  }
  return out;
}

/** Parses an XML part; refuses DTD entity declarations (ODF and OFD never use them; they can be bombs). */
export function parseXml(text: string, notValid: string): XmlElement {
  if (/<!ENTITY/i.test(text)) throw new AppError('bad-file', notValid);
  checkXmlDepth(text, /^“([^”]+)”/.exec(notValid)?.[1]);
  let raw: Raw[];
  try {
    raw = parser.parse(text) as Raw[];
  } catch {
    throw new AppError('bad-file', notValid);
  }
  const root = convert(raw).find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new AppError('bad-file', notValid);
  return root;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

/** Every descendant element with this local name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
