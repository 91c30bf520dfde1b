// THE responsible-units parser: finds the units parenthetical at the end of a task and splits
// it into lead (牵头) and support (配合 / 负责落实) lists. Hand-written: no library knows the
// forms Chinese work plans use, and they are listed one by one in the tests.
import { isCloser, isOpener, matchingOpener, splitTopLevel } from './brackets';

/** A rule a parenthetical states for itself and later tasks. */
export type UnitsRule = 'comma-lead' | 'first-lead';

export interface UnitsParse {
  lead: string[];
  support: string[];
  /** A default stated for later tasks (以下任务……不再一一列出), or the rule text (逗号前为牵头单位，下同). */
  note?: string;
  /** A splitting rule stated here that holds for later tasks (下同). */
  rule?: UnitsRule;
}

export interface UnitsExtraction {
  /** The task text without the parenthetical. */
  body: string;
  /** The parenthetical's inner text, as written. */
  unitsText: string;
  /** The page lost the opening or closing bracket. */
  incomplete: boolean;
}

/** A line that is only a units statement, starting with its label. */
const UNITS_LINE = /^(?:牵头(?:责任)?(?:单位|部门)|责任(?:单位|部门)|主责单位|协同(?:配合)?(?:责任)?(?:单位|部门)|配合(?:责任)?(?:单位|部门))\s*[:：]/u;

const UNIT_WORDS = /牵头|负责|落实|配合|责任单位|责任部门|分工|参与|协同|协助|督促|会同|主办|承办/;

/** True when a bracketed phrase reads like a list of responsible units, not an aside. */
export function looksLikeUnits(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 600) return false;
  if (!UNIT_WORDS.test(t)) return false;
  // An aside that merely mentions 负责 in running prose has sentence punctuation early on
  // and no unit names; require a unit-ish word somewhere.
  return /办|局|委|会|府|处|队|站|所|院|部|厅|室|中心|单位|部门|镇|乡|街|区|县|市|省|公司|企业|机构/.test(t);
}

/**
 * Finds the units parenthetical at the end of a task's text. Handles nesting (各镇（街道）),
 * any bracket kind, a final 。 after the bracket, a lost opening bracket (units after the last
 * 。 ending in a closer) and a lost closing bracket (an opener after the last 。 never closed).
 */
export function extractUnits(text: string): UnitsExtraction | null {
  // A units line of its own after the task: "牵头单位：县应急管理局；配合单位：…".
  const lastBreak = text.trimEnd().lastIndexOf('\n');
  const lastLine = text
    .trimEnd()
    .slice(lastBreak + 1)
    .trim();
  if (lastBreak >= 0 && UNITS_LINE.test(lastLine) && looksLikeUnits(lastLine)) {
    return { body: text.slice(0, lastBreak).trimEnd(), unitsText: lastLine.replace(/[。；;，,\s]+$/u, ''), incomplete: false };
  }
  let t = text.trimEnd();
  t = t.replace(/[。．.；;，,\s]+$/, '');
  if (!t) return null;
  const last = t[t.length - 1]!;
  if (isCloser(last)) {
    const open = matchingOpener(t, t.length - 1);
    if (open >= 0) {
      const inner = t.slice(open + 1, t.length - 1).trim();
      if (!looksLikeUnits(inner)) return null;
      return { body: t.slice(0, open).trimEnd(), unitsText: inner, incomplete: false };
    }
    // Opening bracket lost: the units are what follows the last sentence end.
    const stop = Math.max(t.lastIndexOf('。', t.length - 2), t.lastIndexOf('；', t.length - 2));
    const inner = t.slice(stop + 1, t.length - 1).trim();
    if (!looksLikeUnits(inner) || inner.length > 400) return null;
    return { body: t.slice(0, stop + 1).trimEnd(), unitsText: inner, incomplete: true };
  }
  // Closing bracket lost: an opener after the last sentence end that is never closed.
  const stop = Math.max(t.lastIndexOf('。'), t.lastIndexOf('；'));
  let depth = 0;
  for (let i = t.length - 1; i > stop; i--) {
    const ch = t[i]!;
    if (isCloser(ch)) depth++;
    else if (isOpener(ch)) {
      if (depth === 0) {
        const inner = t.slice(i + 1).trim();
        if (looksLikeUnits(inner) && /(牵头|负责|落实|配合|参与|实施)$/.test(inner)) {
          return { body: t.slice(0, i).trimEnd(), unitsText: inner, incomplete: true };
        }
        return null;
      }
      depth--;
    }
  }
  return null;
}

/** Ends of unit names: a 和 between two of these separates two units (住房和城乡建设局 stays whole). */
const UNIT_END =
  /(办|局|委|会|府|处|队|站|所|院|部|厅|署|室|中心|公司|集团|街道|镇|乡|村|社区|区|县|市|单位|部门|组|团|支局|分局|大队|支队|管委会|企业|机构|政府)$/;

/**
 * True when a short name reads as a unit (县住建局, 市应急管理局, 某某街道), not a person (张三)
 * or a phrase: Han characters only, 3–30 of them, ending as unit names end.
 */
export function looksLikeUnitName(name: string): boolean {
  const t = name.trim();
  return t.length >= 3 && t.length <= 30 && /^[\p{Script=Han}（）()]+$/u.test(t) && UNIT_END.test(t);
}

function splitOnConjunctions(name: string): string[] {
  const parts: string[] = [];
  let rest = name;
  for (;;) {
    let cut = -1;
    const re = /[和及与]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(rest))) {
      const left = rest.slice(0, m.index);
      const right = rest.slice(m.index + 1);
      if (left.length >= 2 && right.length >= 2 && UNIT_END.test(left)) {
        cut = m.index;
        break;
      }
    }
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  parts.push(rest);
  return parts;
}

function cleanName(s: string): string {
  return s
    .trim()
    .replace(/^(由|和|及|与|以及|并|其中)/, '')
    .replace(/(等(有关|相关)?(单位|部门)?)$/, '')
    .replace(/^[:：、，,\s]+|[:：、，,。；;\s]+$/g, '')
    .trim();
}

/** Splits a list of unit names on 、 ， , ； and on 和/及 between two complete names. */
export function splitUnitNames(s: string): string[] {
  const out: string[] = [];
  for (const piece of splitTopLevel(s, '、，,；;/')) {
    for (const part of splitOnConjunctions(piece)) {
      const name = cleanName(part);
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

const TRAILING_VERB =
  /(?:等(?:有关|相关)?(?:单位|部门)?)?(?:按职责|根据职责|按照职责|依职责|根据职能|按职能)?(?:分工)?(?:共同)?(?:负责落实|负责实施|负责|配合落实|配合|参与|落实|指导督促(?:企业)?落实|督促(?:企业)?落实|指导落实|组织实施|组织落实|实施|推进)$/;

function stripVerb(s: string): string {
  let t = s.trim().replace(/[。；;，,]+$/, '');
  for (let i = 0; i < 2; i++) t = t.replace(TRAILING_VERB, '').trim();
  return t;
}

const LABEL =
  /(牵头(?:责任)?单位|牵头部门|主责单位|主要责任单位|协同(?:配合)?(?:责任)?(?:单位|部门)|配合(?:责任)?单位|配合部门|协办单位|参与单位|协助单位|责任单位|责任部门|实施单位)\s*[:：]/g;

function labelKind(label: string): 'lead' | 'support' | 'either' {
  if (/牵头|主责|主要责任/.test(label)) return 'lead';
  if (/配合|协办|参与|协助|协同/.test(label)) return 'support';
  return 'either';
}

function splitByRule(list: string, rule: UnitsRule | undefined): { lead: string[]; support: string[] } {
  if (rule === 'comma-lead') {
    const parts = splitTopLevel(list, '，,');
    if (parts.length > 1) {
      return { lead: splitUnitNames(parts[0]!), support: splitUnitNames(parts.slice(1).join('、')) };
    }
    return { lead: splitUnitNames(list), support: [] };
  }
  if (rule === 'first-lead') {
    const names = splitUnitNames(list);
    return { lead: names.slice(0, 1), support: names.slice(1) };
  }
  return { lead: [], support: splitUnitNames(list) };
}

function push(into: string[], names: string[]): void {
  for (const n of names) if (!into.includes(n)) into.push(n);
}

/**
 * Parses the inner text of a units parenthetical. `rule` is a splitting rule stated by an
 * earlier task (下同); a rule stated here is returned in the result.
 */
export function parseUnits(unitsText: string, rule?: UnitsRule): UnitsParse {
  const lead: string[] = [];
  const support: string[] = [];
  const notes: string[] = [];
  let text = unitsText.trim();
  let newRule: UnitsRule | undefined;

  // A rule in a nested bracket: （逗号前为牵头单位，下同） / （排名第一的为牵头单位）
  text = text.replace(/[（(]([^（）()]*牵头单位[^（）()]*)[）)]/g, (_m, inner: string) => {
    if (/逗号前|分号前/.test(inner)) newRule = 'comma-lead';
    else if (/第一|首位|首个|排名第一|排在第一|列第一/.test(inner)) newRule = 'first-lead';
    notes.push(inner.trim());
    return '';
  });
  const active = newRule ?? rule;

  // Sentences that set a default for later tasks are notes, not units.
  const sentences: string[] = [];
  for (const s of splitTopLevel(text, '。；;')) {
    if (/以下|下同|不再一一列出|不再列出|其余任务|均由/.test(s) && !/^(牵头|配合|责任)/.test(s)) notes.push(s);
    else sentences.push(s);
  }
  const main = sentences.join('。');

  const labels = [...main.matchAll(LABEL)];
  if (labels.length > 0) {
    labels.forEach((m, i) => {
      const start = m.index! + m[0].length;
      const end = i + 1 < labels.length ? labels[i + 1]!.index! : main.length;
      const segment = stripVerb(
        main
          .slice(start, end)
          .replace(/^[\s:：]+/, '')
          .replace(/[。；;，,\s]+$/, ''),
      );
      const kind = labelKind(m[1]!);
      if (kind === 'lead') push(lead, splitUnitNames(segment));
      else if (kind === 'support') push(support, splitUnitNames(segment));
      else {
        const r = splitByRule(segment, active);
        push(lead, r.lead);
        push(support, r.support);
      }
    });
  } else {
    for (const sentence of sentences) {
      const s = sentence.replace(/^由/, '');
      const m = /牵头|会同/.exec(s);
      if (m) {
        const leadPart = s.slice(0, m.index);
        let rest = s.slice(m.index + m[0].length);
        if (m[0] === '牵头') rest = rest.replace(/^(负责|抓总)?/, '');
        rest = rest.replace(/^[，,、；;\s]+/, '');
        push(lead, splitUnitNames(leadPart));
        if (rest) push(support, splitUnitNames(stripVerb(rest)));
      } else {
        const r = splitByRule(stripVerb(s), active);
        push(lead, r.lead);
        push(support, r.support);
      }
    }
  }
  const result: UnitsParse = { lead, support };
  if (notes.length) result.note = notes.join('；');
  if (newRule) result.rule = newRule;
  return result;
}
