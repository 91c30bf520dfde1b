// OpenDocument text (.odt, written by LibreOffice, WPS and Yongzhong Office) → paragraphs:
// content.xml read through the zip guard; text:h and text:p in document order, lists flattened
// with their numbers where the list style gives a simple numbering (1. / 一、 / （1）…).
import { AppError } from '../../shared/errors';
import { childElements, descendants, parseXml, type XmlElement } from './xml-tree';
import type { PagedText } from './read-pdf';
import { openGuardedZip } from './zip-entries';
import { invalidUtf8Warning } from './zip-guard';

export const ODT_MIME = 'application/vnd.oasis.opendocument.text';

interface LevelStyle {
  format: string;
  prefix: string;
  suffix: string;
  start: number;
}

const CN = '〇一二三四五六七八九';
function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN[tens] : ''}十${n % 10 ? CN[n % 10] : ''}`;
}
function roman(n: number): string {
  const t: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of t) while (n >= v) ((out += s), (n -= v));
  return out;
}
function formatNumber(n: number, format: string): string {
  if (format === '1') return String(n);
  if (format.startsWith('一')) return chinese(n);
  if (format === 'a' || format === 'A') {
    const s = String.fromCharCode(97 + ((n - 1) % 26));
    return format === 'A' ? s.toUpperCase() : s;
  }
  if (format === 'i') return roman(n);
  if (format === 'I') return roman(n).toUpperCase();
  if (format.startsWith('①')) return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
  return String(n);
}

/** List styles by name: for each level, a number style or null (bullets, images). */
function listStyles(roots: XmlElement[]): Map<string, Array<LevelStyle | null>> {
  const map = new Map<string, Array<LevelStyle | null>>();
  for (const root of roots) {
    for (const ls of descendants(root, 'list-style')) {
      const name = ls.attrs['style:name'];
      if (!name) continue;
      const levels: Array<LevelStyle | null> = [];
      for (const lv of childElements(ls)) {
        const level = Number(lv.attrs['text:level']) || levels.length + 1;
        levels[level - 1] =
          lv.name === 'list-level-style-number' && lv.attrs['style:num-format']
            ? {
                format: lv.attrs['style:num-format'],
                prefix: lv.attrs['style:num-prefix'] ?? '',
                suffix: lv.attrs['style:num-suffix'] ?? '',
                start: Number(lv.attrs['text:start-value']) || 1,
              }
            : null;
      }
      map.set(name, levels);
    }
  }
  return map;
}

/** The visible text of a paragraph: spans, spaces (text:s c=n), tabs, line breaks; notes and frames left out. */
function inlineText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c.replace(/[\r\n]+/g, '');
    else if (c.name === 's') out += ' '.repeat(Math.min(Number(c.attrs['text:c']) || 1, 100));
    else if (c.name === 'tab') out += '\t';
    else if (c.name === 'line-break') out += '\n';
    else if (c.name === 'note' || c.name === 'annotation' || c.name === 'frame' || c.name === 'tracked-changes' || c.name === 'bookmark-start') continue;
    else out += inlineText(c);
  }
  return out;
}

export function readOdtParagraphs(fileName: string, bytes: Uint8Array): PagedText {
  const notValid = `“${fileName}”不是有效的 OpenDocument 文本文件（.odt），可能已损坏或只是改了扩展名`;
  const zip = openGuardedZip(bytes, notValid);
  const xml = zip.text('content.xml');
  if (xml === undefined) throw new AppError('bad-file', `“${fileName}”不完整：缺少 content.xml，无法读取`);
  const content = parseXml(xml, notValid);
  const stylesXml = zip.text('styles.xml');
  const styles = listStyles([content, ...(stylesXml ? [parseXml(stylesXml, notValid)] : [])]);
  const body = descendants(content, 'text')[0];
  if (!body) throw new AppError('bad-file', `${notValid}（没有正文）`);
  const paragraphs: string[] = [];
  const warnings: PagedText['warnings'] = [];
  // Counters per list style and level, so a list that continues numbering goes on counting.
  const counters = new Map<string, number[]>();
  let numbered = 0;

  const walk = (el: XmlElement, out: string[], list?: { style: string; depth: number }, item?: { pending: boolean }) => {
    for (const c of childElements(el)) {
      if (c.name === 'h' || c.name === 'p') {
        let text = inlineText(c).replace(/\s+$/u, '');
        // Only the first paragraph of a list item carries the item's number; a paragraph that
        // holds its number as saved (text:number, written for headings) keeps that one.
        const saved = childElements(c, 'number').length > 0;
        if (list && item?.pending && saved) item.pending = false;
        if (list && item?.pending && !saved) {
          item.pending = false;
          const level = styles.get(list.style)?.[list.depth - 1];
          if (level) {
            const counts = counters.get(list.style) ?? [];
            counts[list.depth - 1] = (counts[list.depth - 1] ?? level.start - 1) + 1;
            counts.length = list.depth; // deeper levels restart
            counters.set(list.style, counts);
            text = `${level.prefix}${formatNumber(counts[list.depth - 1]!, level.format)}${level.suffix}${text.trimStart()}`;
            numbered++;
          }
        }
        for (const line of text.split('\n')) out.push(line);
      } else if (c.name === 'list') {
        const style = c.attrs['text:style-name'] ?? list?.style ?? '';
        if (!list && c.attrs['text:continue-numbering'] !== 'true' && !c.attrs['text:continue-list']) counters.delete(style);
        walk(c, out, { style, depth: (list?.depth ?? 0) + 1 });
      } else if (c.name === 'list-item') {
        walk(c, out, list, { pending: true });
      } else if (c.name === 'list-header') {
        walk(c, out, list);
      } else if (c.name === 'table-row') {
        // A table row becomes one line, cells separated by tabs (as the .doc reader gives them).
        const cells = childElements(c, 'table-cell').map((cell) => {
          const inner: string[] = [];
          walk(cell, inner, list);
          return inner.join('');
        });
        if (cells.some((t) => t.trim())) out.push(cells.join('\t'));
      } else if (c.name === 'table' || c.name === 'section' || c.name === 'table-rows' || c.name === 'table-header-rows' || c.name === 'soft-page-break') {
        walk(c, out, list, item);
      }
    }
  };
  walk(body, paragraphs);
  for (const bad of zip.invalidText) warnings.push(invalidUtf8Warning(bad.name, bad.paragraph));
  if (numbered) warnings.push({ code: 'odt-list-numbered', message: `文档中 ${numbered} 段使用了自动编号，编号已按列表样式写出，请核对`, path: 'body' });
  return { paragraphs, warnings };
}
