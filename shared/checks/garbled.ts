// Text copied from the web or read with the wrong encoding (issue 18): pinyin left by pages
// with ruby ("安全（ān quán）", "(jù)", "安ān全quán") and mojibake ("鍥犱负閲嶇偣", "å®‰å…¨",
// "?yàn)橹攸c", U+FFFD). The patterns are shared/text's (pinyin.ts, mojibake.ts); pinyin has a
// fix (delete it), mojibake has none — only the original can say what the words were.
import type { FlatBlock } from '../plan/flat';
import { HAN } from '../text/han';
import { findMojibake } from '../text/mojibake';
import { BRACKETED_PINYIN, TONED_WORD } from '../text/pinyin';
import { check, nameOf, type Ctx } from './context';
import type { Check } from './types';

/** Bracketed pinyin anywhere, or toned words right next to a hanzi ("安ān全quán"). */
const PINYIN = new RegExp(`${BRACKETED_PINYIN}|(?<=[${HAN}])[ \\u00a0]?${TONED_WORD}(?:[ \\u00a0]${TONED_WORD})*|${TONED_WORD}(?=[${HAN}])`, 'gu');

/** The pinyin in a text, and the text without it. */
export function findPinyin(s: string): { found: string[]; text: string } {
  const found: string[] = [];
  const text = s.replace(PINYIN, (m) => {
    found.push(m.trim());
    return '';
  });
  return { found, text };
}

function blockTexts(b: FlatBlock): Array<['title' | 'text', string]> {
  if (b.type === 'paragraph') return [['text', b.text]];
  return [
    ['title', b.title],
    ['text', b.text ?? ''],
  ];
}

function quote(list: string[]): string {
  const shown = list.slice(0, 3).map((p) => `“${p}”`);
  return list.length > 3 ? `${shown.join('')}等 ${list.length} 处` : shown.join('');
}

export function pinyinChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  ctx.blocks.forEach((b, i) => {
    const found: string[] = [];
    const patch: Partial<Record<'title' | 'text', string>> = {};
    let field: Check['field'];
    for (const [key, value] of blockTexts(b)) {
      const r = findPinyin(value);
      if (!r.found.length) continue;
      found.push(...r.found);
      patch[key] = r.text;
      field ??= key;
    }
    if (!found.length) return;
    out.push(
      check('pinyin-leftover', 'warning', i, found.join('|'), `${nameOf(ctx, i)}中有拼音注音${quote(found)}，多为从网页复制时带入，应删除`, {
        field: field!,
        fix: { label: '删除拼音', blockIndex: i, patch: patch as Partial<FlatBlock> },
      }),
    );
  });
  const m = ctx.input.meta;
  const metaFound = [m.title, m.noticeTitle ?? '', m.issuer ?? ''].flatMap((t) => findPinyin(t).found);
  if (metaFound.length) {
    out.push(
      check('pinyin-leftover', 'warning', null, metaFound.join('|'), `文件信息（标题、发文机关）中有拼音注音${quote(metaFound)}，应删除`, { field: 'meta' }),
    );
  }
  return out;
}

function garbledMessage(where: string, g: NonNullable<ReturnType<typeof findMojibake>>): string {
  const was = g.recovered ? `，原文可能是“${g.recovered}”` : '';
  return `${where}中有疑似乱码“${g.text}”（文字编码读错或字符丢失${was}），请对照原件改正`;
}

export function garbledChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  ctx.blocks.forEach((b, i) => {
    const fields: Array<[Check['field'], string]> = blockTexts(b);
    if (b.type === 'task') fields.push(['units', [b.unitsText ?? '', ...b.lead, ...b.support].join('、')]);
    for (const [field, value] of fields) {
      const g = findMojibake(value);
      if (!g) continue;
      out.push(check('garbled-text', 'warning', i, g.text, garbledMessage(nameOf(ctx, i), g), { field: field! }));
      return; // one finding per block: the rest of it is likely garbled the same way
    }
  });
  const m = ctx.input.meta;
  for (const value of [m.title, m.noticeTitle ?? '', m.issuer ?? '', ...m.addressees]) {
    const g = findMojibake(value);
    if (!g) continue;
    out.push(check('garbled-text', 'warning', null, g.text, garbledMessage('文件信息', g), { field: 'meta' }));
    break;
  }
  return out;
}
