// Word list numbering: the label Word shows in front of a numbered paragraph, computed from
// word/numbering.xml and word/styles.xml the way ECMA-376 Part 1 §17.9 describes it. No
// maintained JS library does this (mammoth only tells list depth), so it lives here, in one
// place: definitions (abstractNum / num / lvlOverride, numbering styles), the counters, and
// the number formats. Pure: XML text in, labels out.
import { Parser } from 'htmlparser2';
import { toChineseNumeral } from '../../shared/plan/numbering';

/** A parsed XML element; text content is never needed for numbering.xml / styles.xml. */
export interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: XmlEl[];
}

/** Element tree of an XML part (htmlparser2 in XML mode: tolerant, already a dependency). */
export function parseXmlTree(xml: string): XmlEl {
  const root: XmlEl = { name: '#root', attrs: {}, children: [] };
  const stack: XmlEl[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XmlEl = { name, attrs, children: [] };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

function child(el: XmlEl | undefined, name: string): XmlEl | undefined {
  return el?.children.find((c) => c.name === name);
}

/** The first `name` below el, looking through mc:AlternateContent's Fallback (never Choice). */
function childOrFallback(el: XmlEl, name: string): XmlEl | undefined {
  const direct = child(el, name);
  if (direct) return direct;
  for (const ac of el.children) {
    if (ac.name !== 'mc:AlternateContent') continue;
    const found = child(child(ac, 'mc:Fallback'), name);
    if (found) return found;
  }
  return undefined;
}

function val(el: XmlEl | undefined): string | undefined {
  return el?.attrs['w:val'];
}

function intVal(el: XmlEl | undefined): number | undefined {
  const v = val(el);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** On/off property (w:isLgl): present without w:val, or with a true value. */
function onOff(el: XmlEl | undefined): boolean {
  if (!el) return false;
  const v = val(el);
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}

export interface LevelDef {
  /** w:start; the specification's default when absent is 0. */
  start: number;
  /** w:numFmt (ST_NumberFormat), default decimal. */
  numFmt: string;
  /** w:lvlText, e.g. "%1、" "（%2）" "%1.%2". */
  lvlText: string;
  /** w:lvlRestart: restart after an item of this (1-based) level or higher; 0 = never. Absent = after any higher level. */
  lvlRestart?: number;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
  /** w:pStyle: the paragraph style this level belongs to (used when a style gives no ilvl). */
  pStyle?: string;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface NumberingDefs {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumDef>;
  styles: Map<string, StyleDef>;
  defaultParagraphStyle?: string;
}

/**
 * Word 2010's custom number format (w:numFmt w:val="custom" w:format="01, 02, 03, ..." inside
 * mc:Choice, with a plain format in mc:Fallback): kept as "custom:<format>" when it is the
 * zero-padded decimal kind that formatNumber knows, else the Fallback applies.
 */
function customFormat(lvl: XmlEl): string | undefined {
  for (const ac of lvl.children) {
    if (ac.name !== 'mc:AlternateContent') continue;
    for (const choice of ac.children) {
      const f = child(choice, 'w:numFmt');
      if (choice.name === 'mc:Choice' && val(f) === 'custom' && /^0+1,/.test(f?.attrs['w:format'] ?? '')) return `custom:${f!.attrs['w:format']}`;
    }
  }
  return undefined;
}

function readLevel(lvl: XmlEl): LevelDef {
  const suff = val(child(lvl, 'w:suff'));
  return {
    start: intVal(child(lvl, 'w:start')) ?? 0,
    numFmt: customFormat(lvl) ?? val(childOrFallback(lvl, 'w:numFmt')) ?? 'decimal',
    lvlText: val(child(lvl, 'w:lvlText')) ?? '',
    lvlRestart: intVal(child(lvl, 'w:lvlRestart')),
    isLgl: onOff(child(lvl, 'w:isLgl')),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: val(child(lvl, 'w:pStyle')),
  };
}

function readNumPr(pPr: XmlEl | undefined): { numId?: string; ilvl?: number } {
  const numPr = child(pPr, 'w:numPr');
  return { numId: val(child(numPr, 'w:numId')), ilvl: intVal(child(numPr, 'w:ilvl')) };
}

/** Reads numbering.xml and styles.xml (either may be missing: then nothing is numbered). */
export function parseNumberingDefs(numberingXml: string | undefined, stylesXml: string | undefined): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  const numbering = numberingXml ? child(parseXmlTree(numberingXml), 'w:numbering') : undefined;
  for (const el of numbering?.children ?? []) {
    if (el.name === 'w:abstractNum') {
      const id = el.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of el.children) {
        const ilvl = Number.parseInt(lvl.attrs['w:ilvl'] ?? '', 10);
        if (lvl.name === 'w:lvl' && ilvl >= 0 && ilvl <= 8) levels.set(ilvl, readLevel(lvl));
      }
      defs.abstracts.set(id, { levels, numStyleLink: val(child(el, 'w:numStyleLink')) });
    } else if (el.name === 'w:num') {
      const id = el.attrs['w:numId'];
      const abstractId = val(child(el, 'w:abstractNumId'));
      if (id === undefined || abstractId === undefined) continue;
      const overrides: NumDef['overrides'] = new Map();
      for (const o of el.children) {
        const ilvl = Number.parseInt(o.attrs['w:ilvl'] ?? '', 10);
        if (o.name !== 'w:lvlOverride' || !(ilvl >= 0 && ilvl <= 8)) continue;
        const lvl = child(o, 'w:lvl');
        overrides.set(ilvl, { start: intVal(child(o, 'w:startOverride')), level: lvl ? readLevel(lvl) : undefined });
      }
      defs.nums.set(id, { abstractId, overrides });
    }
  }
  const styles = stylesXml ? child(parseXmlTree(stylesXml), 'w:styles') : undefined;
  for (const el of styles?.children ?? []) {
    if (el.name !== 'w:style') continue;
    const id = el.attrs['w:styleId'];
    if (id === undefined) continue;
    const type = el.attrs['w:type'] ?? 'paragraph';
    const isDefault = el.attrs['w:default'] === '1' || el.attrs['w:default'] === 'true';
    if (type === 'paragraph' && isDefault) defs.defaultParagraphStyle = id;
    defs.styles.set(id, { basedOn: val(child(el, 'w:basedOn')), ...readNumPr(child(el, 'w:pPr')) });
  }
  return defs;
}

/** What a paragraph says about numbering: its style and its own w:numPr (each part optional). */
export interface ParagraphNumPr {
  styleId?: string;
  numId?: string;
  ilvl?: number;
}

export interface WordLabel {
  numId: string;
  ilvl: number;
  numFmt: string;
  /** The label as Word shows it, e.g. "一、" "（3）" "2.1". */
  label: string;
  /**
   * The label handed to the outline analyser: the same as `label`, except that a pattern
   * referring to several levels ("%1.%2") is reduced to this level's own number in its own
   * format with the literal text before the first and after the last placeholder ("2.1." →
   * "1.", "（%1.%2）" → "（2）"): the analyser reads an outline level from the shape of one
   * number, and "2.1" would read as no label at all. A space stands for Word's tab/space
   * suffix when the label does not end in punctuation ("第一章" → "第一章 ").
   */
  outlineLabel: string;
}

const ENCLOSED_CIRCLE = 0x2460; // ① … ⑳
const ENCLOSED_PAREN = 0x2474; // ⑴ … ⒇
const ENCLOSED_FULLSTOP = 0x2488; // ⒈ … ⒛
const IDEOGRAPH_ENCLOSED = 0x3220; // ㈠ … ㈩
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

/** Word's letter numbering: A … Z, then AA … ZZ, AAA … (the letter repeated). */
function letter(n: number): string {
  if (n <= 0) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

const LEGAL: Record<string, string> = {
  零: '零',
  一: '壹',
  二: '贰',
  三: '叁',
  四: '肆',
  五: '伍',
  六: '陆',
  七: '柒',
  八: '捌',
  九: '玖',
  十: '拾',
  百: '佰',
  千: '仟',
};

/** Financial capitals: 10 is 壹拾, not 拾 (unlike the counting form 十). */
function legalChinese(n: number): string {
  const plain = toChineseNumeral(n);
  return [...(plain.startsWith('十') ? '一' + plain : plain)].map((c) => LEGAL[c] ?? c).join('');
}

/**
 * One number in one w:numFmt. Formats PlanDesk's users meet are exact; exotic ones fall back
 * to decimal. Where ECMA-376 says nothing about a range, LibreOffice's rendering of the same
 * .docx was the reference (checked with soffice's text export for 9–11, 19–21, 99–111).
 */
export function formatNumber(n: number, numFmt: string): string {
  const inRange = n >= 1 && n <= 9999;
  // Counting formats write 0 (a level with w:start 0) as 〇 and leave out-of-range numbers in digits.
  const counting = (f: (k: number) => string): string => (inRange ? f(n) : n === 0 ? '〇' : String(n));
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return counting(toChineseNumeral);
    case 'japaneseCounting':
      // Japanese counting writes 百 and 千 without a leading 一 and has no 零: 110 → 百十.
      return counting((k) =>
        toChineseNumeral(k)
          .replace(/零/g, '')
          .replace(/^一(?=[百千])/, '')
          .replace(/([百千])一(?=[百十])/g, '$1'),
      );
    case 'chineseLegalSimplified':
      return counting(legalChinese);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return n >= 0 ? [...String(n)].map((d) => IDEOGRAPH_DIGITS[Number(d)]).join('') : String(n);
    // The ten stems and twelve branches only go so far; past them decimal (as LibreOffice
    // renders them: a repeated 甲 would read as a restart).
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? TIANGAN[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? DIZHI[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(ENCLOSED_CIRCLE + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(ENCLOSED_PAREN + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(ENCLOSED_FULLSTOP + n - 1) : `${n}.`;
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(IDEOGRAPH_ENCLOSED + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    case 'numberInDash':
      return `- ${n} -`;
    default: {
      // "custom:001, 002, 003, ...": decimal padded to the width of the first number.
      const pad = /^custom:(0*1),/.exec(numFmt);
      return pad ? String(n).padStart(pad[1]!.length, '0') : String(n);
    }
  }
}

const PLACEHOLDER = /%([1-9])/g;
const ENDS_IN_PUNCTUATION = /[、.．。:：;；,，)）\]】》〉”’\-—\s]$/u;

interface Instance {
  /** One abstractNum's counter per level; undefined = not used since the list (or its parent level) started. */
  counters: Array<number | undefined>;
}

/** The level's own start for a w:num: an override's w:startOverride or w:lvl start, if any. */
function overrideStart(num: NumDef, ilvl: number): number | undefined {
  const o = num.overrides.get(ilvl);
  return o ? (o.start ?? o.level?.start) : undefined;
}

/**
 * Walks a document's paragraphs in order and returns each numbered paragraph's label.
 * Word's rules (ECMA-376 Part 1 §17.9):
 *  - numbering comes from the paragraph's w:numPr, else from its style and the style's
 *    w:basedOn chain (first w:numId / w:ilvl found); w:numId 0 removes numbering;
 *  - without a w:ilvl, the level is the one whose w:pStyle is the paragraph's style, else 0;
 *  - the counters belong to the w:abstractNum: every w:num on it continues one sequence; a
 *    w:num with a w:lvlOverride restarts that level at its w:startOverride (or the start of
 *    the w:lvl given in the override) where its first paragraph of that level appears, and
 *    the sequence goes on from there whichever w:num the next paragraphs use (Word's
 *    "restart numbering" writes exactly this, and LibreOffice writes a continued list as an
 *    overriding w:num for its first item and a plain one for the rest);
 *  - counters go on across any paragraphs in between (body text does not reset a list);
 *  - an item restarts the levels below it, except a level whose w:lvlRestart says to
 *    restart only after a higher level (w:val 1-based), or never (0);
 *  - a level referenced by %n that was never used shows its start value;
 *  - w:isLgl shows every number of the level's text in decimal;
 *  - w:abstractNum/w:numStyleLink takes the levels of the abstractNum behind that numbering style.
 */
export class WordListCounter {
  private readonly instances = new Map<string, Instance>();
  /** "numId/ilvl" pairs already seen: a w:lvlOverride restarts only at its first paragraph. */
  private readonly entered = new Set<string>();

  constructor(private readonly defs: NumberingDefs) {}

  /** The numbering a paragraph resolves to (after style inheritance), or null. */
  resolve(p: ParagraphNumPr): { numId: string; ilvl: number } | null {
    let numId = p.numId;
    let ilvl = p.ilvl;
    const styleId = p.styleId ?? this.defs.defaultParagraphStyle;
    const seen = new Set<string>();
    let styleLevelFrom: string | undefined = styleId;
    for (let s = styleId; s !== undefined && !seen.has(s); s = this.defs.styles.get(s)?.basedOn) {
      seen.add(s);
      const style = this.defs.styles.get(s);
      if (!style) break;
      if (numId === undefined && style.numId !== undefined) {
        numId = style.numId;
        styleLevelFrom = s;
      }
      if (ilvl === undefined && style.ilvl !== undefined) ilvl = style.ilvl;
    }
    if (numId === undefined || numId === '0' || !this.defs.nums.has(numId)) return null;
    if (ilvl === undefined) {
      const abstract = this.abstractOf(numId);
      ilvl = 0;
      for (const [i, l] of abstract?.levels ?? []) {
        if (l.pStyle !== undefined && (l.pStyle === styleId || l.pStyle === styleLevelFrom)) {
          ilvl = i;
          break;
        }
      }
    }
    return { numId, ilvl: Math.min(8, Math.max(0, ilvl)) };
  }

  private abstractIdOf(numId: string): string | undefined {
    let abstractId = this.defs.nums.get(numId)?.abstractId;
    // numStyleLink: the levels live in the abstractNum of the num named by that numbering style.
    for (let hops = 0; abstractId !== undefined && hops < 4; hops++) {
      const link = this.defs.abstracts.get(abstractId)?.numStyleLink;
      if (link === undefined) break;
      const linkedNum = this.defs.styles.get(link)?.numId;
      const next = linkedNum !== undefined ? this.defs.nums.get(linkedNum)?.abstractId : undefined;
      if (next === undefined || next === abstractId) break;
      abstractId = next;
    }
    return abstractId;
  }

  private abstractOf(numId: string): AbstractNum | undefined {
    const id = this.abstractIdOf(numId);
    return id === undefined ? undefined : this.defs.abstracts.get(id);
  }

  /** The level definition in force for numId (a w:lvlOverride's w:lvl replaces the abstract one). */
  level(numId: string, ilvl: number): LevelDef | undefined {
    return this.defs.nums.get(numId)?.overrides.get(ilvl)?.level ?? this.abstractOf(numId)?.levels.get(ilvl);
  }

  /** Counts the paragraph (if numbered) and returns its label; null when it is not numbered. */
  next(p: ParagraphNumPr): WordLabel | null {
    const r = this.resolve(p);
    if (!r) return null;
    const { numId, ilvl } = r;
    const def = this.level(numId, ilvl);
    if (!def) return null;
    const num = this.defs.nums.get(numId)!;
    const key = `abstract:${this.abstractIdOf(numId)}`;
    let inst = this.instances.get(key);
    if (!inst) this.instances.set(key, (inst = { counters: [] }));
    const restartAt = this.entered.has(`${numId}/${ilvl}`) ? undefined : overrideStart(num, ilvl);
    this.entered.add(`${numId}/${ilvl}`);
    const current = inst.counters[ilvl];
    inst.counters[ilvl] = restartAt ?? (current === undefined ? def.start : current + 1);
    for (let d = ilvl + 1; d <= 8; d++) {
      const restart = this.level(numId, d)?.lvlRestart;
      // lvlRestart w:val is 1-based: "restart after level val"; an item at 0-based level ilvl
      // restarts level d when ilvl + 1 <= val. Absent: restart after any higher level.
      if (restart === undefined || (restart > 0 && ilvl + 1 <= restart)) inst.counters[d] = undefined;
    }
    const numberOf = (lvlIndex: number, fmt: string): string => {
      const value = inst!.counters[lvlIndex] ?? this.level(numId, lvlIndex)?.start ?? 0;
      return formatNumber(value, fmt);
    };
    const fmtOf = (lvlIndex: number): string => (def.isLgl ? 'decimal' : (this.level(numId, lvlIndex)?.numFmt ?? 'decimal'));
    const label = def.lvlText.replace(PLACEHOLDER, (_, d: string) => numberOf(Number(d) - 1, fmtOf(Number(d) - 1)));
    const placeholders = [...def.lvlText.matchAll(PLACEHOLDER)];
    let outlineLabel = label;
    if (placeholders.length > 1) {
      const first = placeholders[0]!;
      const last = placeholders[placeholders.length - 1]!;
      const before = def.lvlText.slice(0, first.index);
      const after = def.lvlText.slice(last.index + last[0].length);
      outlineLabel = before + numberOf(ilvl, fmtOf(ilvl)) + after;
    }
    outlineLabel = outlineLabel.replace(PLACEHOLDER, '');
    if (outlineLabel && def.suff !== 'nothing' && !ENDS_IN_PUNCTUATION.test(outlineLabel)) outlineLabel += ' ';
    return { numId, ilvl, numFmt: def.numFmt, label, outlineLabel };
  }
}
