// Small helpers for the review DOCX parts: namespaces, escaping, dates, package edits.
import type JSZip from 'jszip';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
} as const;

export const REL = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  commentsExtended: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
} as const;

export const CONTENT_TYPE = {
  comments: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
  commentsExtended: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
} as const;

export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An xsd:dateTime Word accepts (no milliseconds), or undefined when `iso` is not a time. */
export function wordDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Adds an Override to [Content_Types].xml unless the part has one. */
export async function addContentType(zip: JSZip, partName: string, type: string): Promise<void> {
  const f = zip.file('[Content_Types].xml');
  if (!f) throw new Error('[Content_Types].xml missing');
  let s = await f.async('string');
  if (s.includes(`PartName="${partName}"`)) return;
  s = s.replace('</Types>', `<Override ContentType="${type}" PartName="${partName}"/></Types>`);
  zip.file('[Content_Types].xml', s);
}

/** Adds a relationship of word/document.xml with the next free rId; returns the id. */
export async function addDocumentRel(zip: JSZip, type: string, target: string): Promise<string> {
  const path = 'word/_rels/document.xml.rels';
  const f = zip.file(path);
  if (!f) throw new Error(`${path} missing`);
  let s = await f.async('string');
  const ids = [...s.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  s = s.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  zip.file(path, s);
  return id;
}
