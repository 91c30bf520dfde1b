// Half-width punctuation in Chinese text: , ; : ( ) ? ! next to Chinese characters become
// ，；：（）？！, as a 校对 finding with its fix. The table, the Chinese class and the neighbour
// rules are shared/text's, shared with the importer's pass (shared/import/punctuation.ts); this
// check is the wider one (a person sees each fix): URLs and e-mail addresses are protected
// whole, a ? or ! with Chinese on either side counts, unpaired brackets go by their neighbours,
// and tabs / no-break spaces count as spaces.
import type { FlatBlock } from '../plan/flat';
import type { PlanDocument } from '../plan/schema';
import { HAN, hasHan, isCjk } from '../text/han';
import { ANY_SPACE, HALF_TO_FULL, isNumberSeparator, keepsHalfWidthBrackets, nearestNonSpace, pairParens } from '../text/punctuation';
import { check, nameOf, type Ctx } from './context';
import type { Check, Fix } from './types';

const PROTECTED = new RegExp(`(?:https?|ftp|file):\\/\\/[^\\s${HAN}，。；、“”（）]+|www\\.[^\\s${HAN}，。；、“”（）]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+`, 'giu');
const SPACE = /[ \t\u00a0]/;

export interface PunctuationResult {
  /** The text with the half-width marks replaced (and spaces hugging them dropped). */
  text: string;
  /** Each replaced mark with a little context, in order. */
  spots: Array<{ index: number; mark: string; context: string }>;
}

function protectedMask(s: string): boolean[] {
  const mask = new Array<boolean>(s.length).fill(false);
  for (const m of s.matchAll(PROTECTED)) for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
  return mask;
}

const neighbour = (s: string, i: number, step: 1 | -1) => nearestNonSpace(s, i, step, ANY_SPACE);

/** Replaces half-width , ; : ( ) ? ! that stand in Chinese text by their full-width forms. */
export function fullWidthPunctuation(s: string): PunctuationResult {
  const mask = protectedMask(s);
  const convert = new Set<number>();

  // Parentheses as pairs, so （1) never happens; an unpaired one goes by its neighbours.
  const { pairs, lone } = pairParens(s, (i) => mask[i]!);
  for (const [o, c] of pairs) {
    const inner = s.slice(o + 1, c);
    const hanInside = hasHan(inner);
    if (!hanInside && /[A-Za-z0-9]/.test(s[o - 1] ?? '')) continue; // f(x), CO(2): Latin notation
    if (keepsHalfWidthBrackets(inner)) continue; // (jù) (app): not ours to change, see the rule
    if (hanInside || isCjk(neighbour(s, o, -1)) || isCjk(neighbour(s, c, 1))) {
      convert.add(o);
      convert.add(c);
    }
  }
  for (const i of lone) if (isCjk(neighbour(s, i, -1)) || isCjk(neighbour(s, i, 1))) convert.add(i);

  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (mask[i] || !',;:?!'.includes(ch)) continue;
    if (isNumberSeparator(s, i, ANY_SPACE)) continue; // 1,000 3:00
    if (isCjk(neighbour(s, i, -1)) || isCjk(neighbour(s, i, 1))) convert.add(i);
  }
  if (convert.size === 0) return { text: s, spots: [] };

  let out = '';
  const spots: PunctuationResult['spots'] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (convert.has(i)) {
      // A full-width mark carries its own spacing: drop spaces typed around the half-width one.
      out = out.replace(/[ \t\u00a0]+$/, '');
      out += HALF_TO_FULL[ch]!;
      spots.push({ index: i, mark: ch, context: s.slice(Math.max(0, i - 2), i + 3) });
      while (i + 1 < s.length && SPACE.test(s[i + 1]!) && !mask[i + 1]) i++;
    } else {
      out += ch;
    }
  }
  return { text: out, spots };
}

type Fields = Record<string, string | string[] | undefined>;

/** Runs fullWidthPunctuation over some string / string-list fields; the changed ones only. */
function fixFields(fields: Fields): { patch: Fields; spots: PunctuationResult['spots']; first: string | null } {
  const patch: Fields = {};
  const spots: PunctuationResult['spots'] = [];
  let first: string | null = null;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') {
      const r = fullWidthPunctuation(value);
      if (r.spots.length) {
        patch[key] = r.text;
        spots.push(...r.spots);
        first ??= key;
      }
    } else {
      const rs = value.map(fullWidthPunctuation);
      if (rs.some((r) => r.spots.length)) {
        patch[key] = rs.map((r) => r.text);
        for (const r of rs) spots.push(...r.spots);
        first ??= key;
      }
    }
  }
  return { patch, spots, first };
}

function describe(spots: PunctuationResult['spots']): string {
  const marks = [...new Set(spots.map((s) => s.mark))].join(' ');
  return ` ${spots.length} 处半角标点（${marks}）`;
}

const FIELD_OF: Record<string, Check['field']> = {
  title: 'title',
  text: 'text',
  unitsText: 'units',
  unitsNote: 'units',
  lead: 'units',
  support: 'units',
};

function blockFields(b: FlatBlock): Fields {
  if (b.type === 'paragraph') return { text: b.text };
  if (b.type === 'heading') return { title: b.title, text: b.text };
  return { title: b.title, text: b.text, unitsText: b.unitsText, unitsNote: b.unitsNote, lead: b.lead, support: b.support };
}

export function punctuationChecks(ctx: Ctx): Check[] {
  const out: Check[] = [];
  ctx.blocks.forEach((b, i) => {
    const { patch, spots, first } = fixFields(blockFields(b));
    if (!spots.length) return;
    const fix: Fix = { label: '改为全角标点', blockIndex: i, patch: patch as Partial<FlatBlock> };
    out.push(
      check('halfwidth-punct', 'warning', i, spots.map((s) => s.context).join('|'), `${nameOf(ctx, i)}中有${describe(spots)}，中文文本应使用全角标点`, {
        field: FIELD_OF[first!] ?? 'text',
        fix,
      }),
    );
  });

  const m = ctx.input.meta;
  const metaFields: Fields = { title: m.title, noticeTitle: m.noticeTitle, issuer: m.issuer, addressees: m.addressees, cc: m.cc };
  const r = fixFields(metaFields);
  if (r.spots.length) {
    out.push(
      check(
        'halfwidth-punct',
        'warning',
        null,
        r.spots.map((s) => s.context).join('|'),
        `文件信息（标题、发文机关、主送、抄送）中有${describe(r.spots)}，应使用全角标点`,
        {
          field: 'meta',
          fix: { label: '改为全角标点', blockIndex: null, patch: { meta: r.patch as Partial<PlanDocument['meta']> } },
        },
      ),
    );
  }
  return out;
}
