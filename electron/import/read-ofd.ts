// OFD (GB/T 33190-2016, the Chinese fixed-layout format) → paragraphs. No maintained JS
// library reads OFD text (ofd.js and its forks render pages to canvas), so this is a small
// reader over the zip guard and fast-xml-parser: OFD.xml → DocBody/DocRoot → Document.xml →
// Pages/Page@BaseLoc → Content.xml, whose TextObject (Boundary="x y w h", Size) holds
// TextCode runs (X, Y relative to the boundary, DeltaX advances with "g n d" repeats).
// Positions go to the same layout rules as PDF (layout-paragraphs.ts).
import { AppError } from '../../shared/errors';
import { layoutParagraphs, type LayoutPage, type TextRun } from './layout-paragraphs';
import type { PagedText } from './read-pdf';
import { childElements, descendants, firstChild, parseXml, textOf, type XmlElement } from './xml-tree';
import { openGuardedZip } from './zip-entries';
import { invalidUtf8Warning } from './zip-guard';

export const MAX_OFD_PAGES = 300;

/**
 * "g 3 4.2 1.5" → [4.2, 4.2, 4.2, 1.5] (GB/T 33190 §11.3, the DeltaX/DeltaY shorthand), at
 * most `limit` values (a run needs one fewer than its characters; repeats in a damaged file
 * once made an array of 169 million numbers and killed the process).
 */
export function expandDeltas(s: string | undefined, limit = 100_000): number[] {
  if (!s) return [];
  const tokens = s.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]), limit - out.length);
      const d = Number(tokens[i + 2]);
      for (let k = 0; k < n && Number.isFinite(d); k++) out.push(d);
      i += 2;
    } else {
      const d = Number(tokens[i]);
      if (Number.isFinite(d)) out.push(d);
    }
  }
  return out;
}

function box(s: string | undefined): [number, number, number, number] | undefined {
  const n = (s ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  return n.length >= 4 && n.every(Number.isFinite) ? [n[0]!, n[1]!, n[2]!, n[3]!] : undefined;
}

/** Resolves a location inside the package: absolute ("/Doc_0/...") or relative to `base` (a folder). */
function resolveLoc(base: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${base}/${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function dirOf(path: string): string {
  const k = path.lastIndexOf('/');
  return k < 0 ? '' : path.slice(0, k);
}

function pageRuns(content: XmlElement): TextRun[] {
  const runs: TextRun[] = [];
  for (const obj of descendants(content, 'TextObject')) {
    const b = box(obj.attrs.Boundary);
    if (!b) continue;
    const size = Number(obj.attrs.Size) || b[3] || 1;
    let lastX = 0;
    let lastY = 0;
    for (const code of childElements(obj, 'TextCode')) {
      const text = textOf(code);
      if (!text) continue;
      // A TextCode without X/Y continues where the previous one ended (§11.3).
      const x = code.attrs.X !== undefined ? Number(code.attrs.X) : lastX;
      const y = code.attrs.Y !== undefined ? Number(code.attrs.Y) : lastY;
      const chars = [...text];
      const deltas = expandDeltas(code.attrs.DeltaX, chars.length);
      const advance = deltas.slice(0, chars.length - 1).reduce((a, d) => a + d, 0);
      // The last glyph's advance is not given: a CJK glyph is one em, a Latin one about half.
      const lastChar = chars.at(-1) ?? '';
      const width = advance + (/[\u0000-\u00ff]/.test(lastChar) ? size / 2 : size);
      runs.push({ x: b[0] + x, y: b[1] + y, width, size, text });
      lastX = x + advance + (deltas[chars.length - 1] ?? width - advance);
      lastY = y;
    }
  }
  return runs;
}

/** All XML parts of an OFD together (at most MAX_XML_PART_BYTES each). */
const MAX_OFD_XML_TOTAL = 64 * 1024 * 1024;

export function readOfdParagraphs(fileName: string, bytes: Uint8Array): PagedText {
  const notValid = `“${fileName}”不是有效的 OFD 文件，可能已损坏或只是改了扩展名`;
  // Pages are parsed one at a time and only their runs kept: more XML in all than a .docx.
  const zip = openGuardedZip(bytes, notValid, MAX_OFD_XML_TOTAL);
  const part = (path: string, what: string): XmlElement => {
    const text = zip.text(path);
    if (text === undefined) throw new AppError('bad-file', `“${fileName}”不完整：缺少${what}（${path}），无法读取`);
    return parseXml(text, notValid);
  };
  const ofd = part('OFD.xml', '入口文件');
  const docRoot = descendants(ofd, 'DocRoot')[0];
  if (!docRoot) throw new AppError('bad-file', `${notValid}（OFD.xml 中没有 DocRoot）`);
  const docPath = resolveLoc('', textOf(docRoot).trim());
  const document = part(docPath, '文档描述文件');
  const docDir = dirOf(docPath);
  const defaultArea = box(textOf(descendants(document, 'PhysicalBox')[0] ?? { name: '', qname: '', attrs: {}, children: [] })) ?? [0, 0, 210, 297];
  const pagesEl = firstChild(document, 'Pages');
  const pageEls = pagesEl ? childElements(pagesEl, 'Page') : [];
  if (!pageEls.length) throw new AppError('bad-file', `“${fileName}”中没有页面，无法读取`);
  const warnings: PagedText['warnings'] = [];
  if (pageEls.length > MAX_OFD_PAGES)
    warnings.push({ code: 'ofd-pages-cut', message: `OFD 共 ${pageEls.length} 页，只读取了前 ${MAX_OFD_PAGES} 页`, path: 'body' });
  const pages: LayoutPage[] = [];
  pageEls.slice(0, MAX_OFD_PAGES).forEach((pageEl, i) => {
    const loc = pageEl.attrs.BaseLoc;
    if (!loc) throw new AppError('bad-file', `“${fileName}”第${i + 1}页没有指明页面文件，无法读取`);
    const path = resolveLoc(docDir, loc);
    if (!zip.has(path)) throw new AppError('bad-file', `“${fileName}”不完整：第${i + 1}页的页面文件（${path}）缺失，无法读取`);
    const page = part(path, `第${i + 1}页的页面文件`);
    const area = box(textOf(descendants(page, 'PhysicalBox')[0] ?? { name: '', qname: '', attrs: {}, children: [] })) ?? defaultArea;
    const content = firstChild(page, 'Content');
    pages.push({ width: area[2], height: area[3], runs: content ? pageRuns(content) : [] });
  });
  const layout = layoutParagraphs(pages, 'OFD', 'ofd');
  if (layout.lineCount === 0) {
    throw new AppError('bad-file', `“${fileName}”中没有文字（可能是扫描件或图片生成的 OFD），软件无法识别图片中的文字。请找到原始 Word 文档后再导入`);
  }
  for (const bad of zip.invalidText) warnings.push(invalidUtf8Warning(bad.name, bad.paragraph));
  return { paragraphs: layout.paragraphs, warnings: [...warnings, ...layout.warnings] };
}
