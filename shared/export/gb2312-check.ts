// Before export: characters a GB2312-only font (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体) cannot
// show — rare characters in place and person names — named with where they are, for the
// export dialog and `plandesk export`. Only text printed in such a font counts, in the fonts of
// the export (the 通用 scheme's fonts cover GBK, so it warns of nothing).
import { formatLabel } from '../plan/numbering';
import { withoutPendingSuggestions } from '../plan/pending-suggestions';
import { unitsParenthetical } from '../plan/running-text';
import type { BodyNode, PlanDocument } from '../plan/schema';
import { GB2312_ONLY_FONTS, type FontSettings } from '../layout/gbt9704';
import { outsideGb2312 } from '../text/gb2312';
import type { ExportOptions } from './options';
import type { ResolvedExport } from './resolve';

/** A space between a figure or Latin letter and the Chinese that follows (任务 12 中的, 仿宋_GB2312 无法显示). */
const spaced = (s: string) => (/[0-9A-Za-z_]$/.test(s) ? `${s} ` : s);

/** At most this many places are named; the rest are counted. */
const MAX_PLACES = 10;

interface Place {
  where: string;
  font: string;
  text: string;
}

export function gb2312Warnings(doc: PlanDocument, r: ResolvedExport, options: ExportOptions): string[] {
  const fonts: FontSettings = options.fonts;
  const places: Place[] = [];
  const add = (where: string, font: string, ...texts: Array<string | undefined>) => {
    if (GB2312_ONLY_FONTS.has(font)) places.push({ where, font, text: texts.filter(Boolean).join('\n') });
  };
  add('标题', fonts.title, r.title);
  if (options.form === 'notice') {
    add('发文机关标志', fonts.title, r.letterhead);
    add('通知标题', fonts.title, r.noticeTitle);
    add('通知正文', fonts.body, r.docNumber, r.addressees.join('，'), ...r.noticeParagraphs, r.signer, r.note);
    add('版记', fonts.body, r.cc.join('，'), r.printer);
  } else {
    if (options.planAddressees) add('主送机关', fonts.body, r.addressees.join('，'));
    if (options.planSignature) add('署名', fonts.body, r.signer);
  }
  let taskNo = 0;
  let paraNo = 0;
  const visit = (nodes: readonly BodyNode[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        paraNo++;
        add(`正文第 ${paraNo} 段`, fonts.body, n.text);
        continue;
      }
      if (n.type === 'heading') {
        const name = `${n.level === 1 ? '一级' : n.level === 2 ? '二级' : '三级'}标题“${formatLabel(n.level, n.ordinal)}${n.title.trim()}”`;
        add(name, n.level === 1 ? fonts.heading1 : n.level === 2 ? fonts.heading2 : fonts.body, n.title);
        add(name, fonts.body, n.text);
      } else {
        taskNo++;
        add(`任务 ${taskNo}`, fonts.body, n.title, n.text, unitsParenthetical(n));
      }
      visit(n.children);
    }
  };
  // What is printed: the text before pending suggestions.
  visit(withoutPendingSuggestions(doc.body));
  // One line per place and font, the characters in order.
  const byPlace = new Map<string, { place: Place; chars: Set<string> }>();
  for (const p of places) {
    const chars = outsideGb2312(p.text);
    if (!chars.length) continue;
    const key = `${p.where}\u0000${p.font}`;
    const entry = byPlace.get(key) ?? { place: p, chars: new Set<string>() };
    chars.forEach((c) => entry.chars.add(c));
    byPlace.set(key, entry);
  }
  const lines = [...byPlace.values()].map(
    ({ place, chars }) =>
      `${spaced(place.where)}中的${[...chars].map((c) => `“${c}”`).join('')}不在 GB2312 字符集中，${spaced(place.font)}无法显示，建议使用通用字体方案或核对用字`,
  );
  if (lines.length <= MAX_PLACES) return lines;
  return [...lines.slice(0, MAX_PLACES), `另有 ${lines.length - MAX_PLACES} 处文字含 GB2312 字符集以外的字，建议使用通用字体方案或核对用字`];
}
