// THE target recogniser: measurable phrases in a task (percentages, counts, money, deadlines)
// and "五个下降"-style slogans as text only. The editor reuses findTargets on the text a person
// types. Hand-written: the phrases are Chinese bureaucratic idiom no NLP library models.
import type { Target } from '../plan/schema';
import { parseChineseNumeral } from '../plan/numbering';
import { HAN } from '../text/han';

export const ARABIC = String.raw`\d+(?:\.\d+)?(?:\s*[-~～至到]\s*\d+(?:\.\d+)?)?`;
export const CHINESE = '[一二两三四五六七八九十百千]+';
export const UNIT =
  '(%|个百分点|万元|亿元|千元|元|万人次|人次|万人|万户|万个|万|亿|千|人|项|次|处|个|家|场|起|条|所|座|支|名|批|轮|户|套|台|辆|公里|千米|米|平方米|亩|小时|分钟|天|日|周|期|类|倍|份|部|篇|期)';
export const UNIT_CN = '(个百分点|项|次|处|个|家|场|起|条|所|座|名|批|轮|户|套|倍|万元|亿元|人次|万人次)';

/** 至少召开1次 / 不少于20万元: a comparator, up to 8 characters of verb, a figure. */
const AT_LEAST = new RegExp(`(至少|不少于|不低于|不超过|不高于|力争达到)[${HAN}]{0,8}?(?:${ARABIC}${UNIT}|${CHINESE}${UNIT_CN})`, 'u');
/** 80%以上 / 15万人次以上 / 一项以上 / 1%以内 */
const BOUND = new RegExp(`(?:${ARABIC}${UNIT}|${CHINESE}${UNIT_CN})(以上|以内|以下|及以上|左右)`, 'u');
/** 达到100% / 下降超20% / 控制在1%以内 / 提高到95% */
const CHANGE = new RegExp(
  `(达到|达|超过|下降|降低|减少|压减|提高到|提高至|提高|提升到|提升至|提升|增长|上升|控制在|保持在|稳定在|低于|高于|不超)(?:超|了|到|至|在)?(?:${ARABIC}${UNIT}|${CHINESE}${UNIT_CN})(以上|以内|以下)?`,
  'u',
);
/** 覆盖率100% (a rate given without a verb) */
const RATE = new RegExp(`[${HAN}]{1,3}率(?:为)?${ARABIC}%`, 'u');

export const DEADLINE = /(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月底|[上下]半年|年底|年末|年中|汛期|节前)前|\d{4}年(?:底|末|\d{1,2}月底)/u;
/** “五个下降” “三个零” “两个不发生”: slogans, text only. */
const SLOGAN = /“([一二两三四五六七八九十]个(?:下降|提升|提高|减少|零|不发生|确保|杜绝)[^”]{0,6})”/gu;

const LEAD_IN = /^(确保|实现|力争|争取|努力|全力|推动|推进|要|并|使|将|力求|基本|全面|进一步)+/u;

function firstFigure(s: string): { value?: number; unit?: string } {
  // Arabic figures first; Chinese numerals only with a counting unit (进一步 is no figure).
  const arabic = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:[-~～至到]\\s*\\d+(?:\\.\\d+)?)?\\s*${UNIT}?`, 'u').exec(s);
  if (arabic) {
    const out: { value?: number; unit?: string } = { value: Number(arabic[1]) };
    if (arabic[2]) out.unit = arabic[2];
    return out;
  }
  const cn = new RegExp(`(${CHINESE})${UNIT_CN}`, 'u').exec(s);
  if (cn) {
    const v = parseChineseNumeral(cn[1]!);
    const out: { value?: number; unit?: string } = {};
    if (v !== null) out.value = v;
    out.unit = cn[2]!;
    return out;
  }
  return {};
}

/** The subject kept before a rate comparator: 覆盖率 / 基层执法装备规范配备率; dropped for 同比… */
function rateSubject(prefix: string): string {
  let seg = prefix;
  const cut = Math.max(seg.lastIndexOf('、'), seg.lastIndexOf('：'), seg.lastIndexOf(':'));
  if (cut >= 0) seg = seg.slice(cut + 1);
  seg = seg.replace(/^.*?(两级|三级|四级|各级)/u, '');
  if (/同比|较上年|比上年|比去年|平均/.test(seg)) return '';
  if (!/率$/.test(seg)) return '';
  if (seg.length <= 12) return seg;
  return seg.slice(-3);
}

interface Found {
  index: number;
  kind: 'atLeast' | 'bound' | 'change' | 'rate';
}

function earliest(clause: string): Found | null {
  const cands: Found[] = [];
  const a = AT_LEAST.exec(clause);
  if (a) cands.push({ index: a.index, kind: 'atLeast' });
  const c = CHANGE.exec(clause);
  if (c) cands.push({ index: c.index, kind: 'change' });
  const b = BOUND.exec(clause);
  if (b) cands.push({ index: b.index, kind: 'bound' });
  const r = clause.includes('%') ? RATE.exec(clause) : null;
  if (r) cands.push({ index: r.index, kind: 'rate' });
  if (!cands.length) return null;
  cands.sort((x, y) => x.index - y.index);
  return cands[0]!;
}

/**
 * What every target pattern needs (AT_LEAST, BOUND, CHANGE and RATE a figure, DEADLINE a figure
 * or one of its word forms): a clause without any of these yields no target, and most clauses
 * of a plan have none, so one quick test spares them the five patterns.
 */
const MAY_HAVE_TARGET = /[\d一二两三四五六七八九十百千]|半年|年[底末中]|汛期|节前/u;

/** One clause → at most one target. */
function clauseTarget(raw: string): Target | null {
  let clause = raw.trim();
  if (!clause || !MAY_HAVE_TARGET.test(clause)) return null;
  // Conditions (……发生2起以上较大事故的) are not targets.
  if (/的$/.test(clause)) return null;
  let deadline: string | undefined;
  const d = DEADLINE.exec(clause);
  if (d) deadline = d[0];
  const found = earliest(clause);
  if (!found) {
    if (!deadline) return null;
    // A deadline alone: the clause from the deadline on is the target.
    const text = clause.slice(d!.index).trim();
    if (text.length < deadline.length + 2) return null;
    return { text, deadline };
  }
  let prefix = clause.slice(0, found.index);
  // Drop a deadline and lead-in verbs at the start of the subject.
  if (d && d.index < found.index) prefix = prefix.slice(0, d.index) + prefix.slice(d.index + d[0].length);
  prefix = prefix.replace(/^[\s，,]+/, '');
  const lastDeadlineFree = prefix.replace(LEAD_IN, '');
  let subject = '';
  if (found.kind === 'change' || found.kind === 'rate') {
    subject = found.kind === 'rate' ? '' : rateSubject(lastDeadlineFree);
  } else {
    const every = lastDeadlineFree.replace(/^.*?(?=每)/u, '');
    if (every.startsWith('每')) subject = every;
  }
  clause = clause.slice(found.index);
  const text = (subject + clause).replace(/[，,。；;\s]+$/u, '');
  const t: Target = { text, ...firstFigure(clause) };
  if (deadline) t.deadline = deadline;
  return t;
}

/** Characters one of which every target needs (figures, 年 of 半年/年底…, 汛期, 节前): MAY_HAVE_TARGET's, per code unit. */
const TARGET_HINT = new Uint8Array(65536);
for (const ch of '0123456789一二两三四五六七八九十百千年汛节') TARGET_HINT[ch.charCodeAt(0)] = 1;

/**
 * splitTopLevel(text, '，,。；;！？!?\n') (./brackets.ts) by character codes: the same depth
 * rules (（ ( 〔 [ 【 “ 《 open, their closers close) and the same trimmed pieces — except that
 * pieces without any TARGET_HINT character, which clauseTarget would reject, are left out.
 * findTargets runs on every task of both documents when plans are compared, and the generic
 * splitter's per-character string searches were most of its cost.
 */
function clauses(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let hint = false;
  const piece = (end: number) => {
    if (!hint) return;
    const p = s.slice(start, end).trim();
    if (p) out.push(p);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0xff08: // （
      case 0x28: // (
      case 0x3014: // 〔
      case 0x5b: // [
      case 0x3010: // 【
      case 0x201c: // “
      case 0x300a: // 《
        depth++;
        break;
      case 0xff09: // ）
      case 0x29: // )
      case 0x3015: // 〕
      case 0x5d: // ]
      case 0x3011: // 】
      case 0x201d: // ”
      case 0x300b: // 》
        if (depth > 0) depth--;
        break;
      case 0xff0c: // ，
      case 0x2c: // ,
      case 0x3002: // 。
      case 0xff1b: // ；
      case 0x3b: // ;
      case 0xff01: // ！
      case 0xff1f: // ？
      case 0x21: // !
      case 0x3f: // ?
      case 0x0a: // \n
        if (depth === 0) {
          piece(i);
          start = i + 1;
          hint = false;
        }
        break;
      default:
        if (TARGET_HINT[c]) hint = true;
    }
  }
  piece(s.length);
  return out;
}

/**
 * Measurable targets in a passage, in order. Each clause (between ， 。 ； at bracket depth 0)
 * yields at most one target; slogans in quotes (“五个下降”) are added as text only.
 */
export function findTargets(text: string): Target[] {
  const out: Target[] = [];
  if (!text) return out;
  for (const clause of clauses(text)) {
    if (clause.length > 400) continue;
    const t = clauseTarget(clause);
    if (t && !out.some((o) => o.text === t.text)) out.push(t);
  }
  if (!text.includes('“')) return out;
  for (const m of text.matchAll(SLOGAN)) {
    const slogan = m[1]!;
    if (!out.some((o) => o.text.includes(slogan))) out.push({ text: slogan });
  }
  return out;
}
