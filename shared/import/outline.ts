// The outline: numbered lines 一、 （一） 1. （1） (half- or full-width punctuation) become
// headings and tasks; everything else stays a paragraph. Ordinals are kept as written; the
// numbering settings (restart/continuous per level) come from inferNumbering.
import type { BodyNode, HeadingNode, Level, ParagraphNode, TaskNode } from '../plan/schema';
import { parseChineseNumeral } from '../plan/numbering';
import { indexOfTopLevel } from './brackets';
import { extractUnits, parseUnits, type UnitsRule } from './units';
import { findTargets } from './targets';
import { HAN } from '../text/han';

/** A text that starts like a sentence: a Han character, a quote or an opening bracket. */
const STARTS_TEXT = new RegExp(`^[${HAN}“《（(]`, 'u');

export interface ItemMatch {
  level: Level;
  ordinal: number;
  rest: string;
}

const L1 = /^([一二三四五六七八九十百]{1,4})\s*[、.．]\s*(.*)$/u;
const L2 = /^[（(]\s*([一二三四五六七八九十百]{1,4})\s*[)）]\s*[、.．]?\s*(.*)$/u;
const L3 = new RegExp(String.raw`^(\d{1,3})\s*(?:[.．、](?!\d)|\s+(?=[${HAN}]))\s*(.*)$`, 'u');
const L4 = /^[（(]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*(.*)$/u;

/** Recognises a numbered outline line; null for anything else. */
export function matchItem(line: string): ItemMatch | null {
  let m = L2.exec(line);
  if (m) {
    const n = parseChineseNumeral(m[1]!);
    if (n && m[2]) return { level: 2, ordinal: n, rest: m[2] };
  }
  m = L4.exec(line);
  if (m && m[2] && Number(m[1]) > 0) return { level: 4, ordinal: Number(m[1]), rest: m[2] };
  m = L1.exec(line);
  if (m) {
    const n = parseChineseNumeral(m[1]!);
    if (n && m[2]) return { level: 1, ordinal: n, rest: m[2] };
  }
  m = L3.exec(line);
  if (m && m[2] && Number(m[1]) > 0 && STARTS_TEXT.test(m[2])) return { level: 3, ordinal: Number(m[1]), rest: m[2] };
  return null;
}

/** A line of the body as the outline builder sees it. */
export type BodyLine = { text: string } | { gap: string };

export interface OutlineWarning {
  node: BodyNode | null;
  code: string;
  message: string;
}

export interface OutlineResult {
  body: BodyNode[];
  /** Headings and tasks in document order, for numbering inference. */
  items: Array<HeadingNode | TaskNode>;
  warnings: OutlineWarning[];
  units: string[];
}

interface RawItem extends ItemMatch {
  paras: string[];
  gaps: string[];
}

function stripEnd(s: string): string {
  return s.replace(/[。．.；;：:，,\s]+$/u, '').trim();
}

/**
 * Titles that label a section rather than state work: 指导思想, 总体要求, 工作目标, 现状和形势,
 * 取得成效, 重要性. Items under such a heading are targets or background, so headings too.
 */
const FRAMING =
  /(指导思想|基本原则|工作原则|总体要求|总体思路|总体目标|工作目标|主要目标|奋斗目标|发展目标|目标任务|规划目标|主要指标|面临的形势|形势|现状|状况|基本情况|取得成效|成效|重要意义|重要性)$/u;
/** A target statement: 控制在…以内, …明显下降, 杜绝…发生, …目标. */
const TARGET_STATEMENT = /(目标|指标|以内|以下|下降|减少|杜绝[^，。]{0,24}发生|不发生[^，。]{0,24})$/u;

/** A section label followed directly by its text, with no punctuation between. */
const RUN_IN_LABEL = new RegExp(
  String.raw`^(指导思想|基本原则|工作原则|总体要求|总体思路|工作目标|主要目标|目标任务|主要任务|重点任务|工作任务|重点工作|主要工作|工作措施|保障措施|组织领导|工作要求|工作安排|实施步骤)(?=[${HAN}“])`,
  'u',
);

/** A short title, a space, then a sentence of text. */
const SPACED_TITLE = new RegExp(String.raw`^([^\s。，；：！？]{2,24})\s+(?=[${HAN}“—][^\n]{20,}[。，；：])`, 'u');

function itemRef(node: { ordinal: number }): string {
  return `第${node.ordinal}项`;
}

/** Builds the outline from the body lines (after the title / notice). */
export function buildOutline(lines: readonly BodyLine[]): OutlineResult {
  const warnings: OutlineWarning[] = [];
  const preamble: Array<ParagraphNode | { gap: string }> = [];
  const raw: RawItem[] = [];
  for (const line of lines) {
    if ('gap' in line) {
      if (raw.length) raw[raw.length - 1]!.gaps.push(line.gap);
      else preamble.push(line);
      continue;
    }
    const m = matchItem(line.text);
    const runIn = m ? (RUN_IN_LABEL.exec(m.rest) ?? SPACED_TITLE.exec(m.rest)) : null;
    if (m && runIn) {
      // "一、指导思想以…为指导" / "一、主要目标 ——安全生产方面：…": a section title run into its
      // text with no punctuation, or only a space, between them (flattened pages).
      raw.push({ ...m, rest: runIn[1]!, paras: [m.rest.slice(runIn[0].length).trim()], gaps: [] });
    } else if (m) raw.push({ ...m, paras: [], gaps: [] });
    else if (raw.length) raw[raw.length - 1]!.paras.push(line.text);
    else preamble.push({ type: 'paragraph', text: line.text });
  }

  const body: BodyNode[] = [];
  for (const p of preamble) {
    if ('gap' in p) warnings.push({ node: null, code: 'text-gap', message: `正文开头有内容缺失（页面提示“${p.gap}”），未补全，请对照原文` });
    else body.push(p);
  }

  const items: Array<HeadingNode | TaskNode> = [];
  const stack: Array<HeadingNode | TaskNode> = [];
  let rule: UnitsRule | undefined;
  const units: string[] = [];

  const shape = raw.map((it, i) => {
    const next = raw[i + 1];
    const firstStop = indexOfTopLevel(it.rest, '。');
    return {
      hasDeeper: !!next && next.level > it.level,
      firstStop,
      titleOnly: (firstStop < 0 || firstStop >= it.rest.replace(/\s+$/u, '').length - 1) && !extractUnits(it.rest),
    };
  });
  // Levels where a title-only line heads deeper items: there, a bare title with nothing under
  // it (a section left empty, or cut off) is a heading too, not a task.
  const headingLevels = new Set(raw.filter((_, i) => shape[i]!.hasDeeper && shape[i]!.titleOnly).map((it) => it.level));

  // Section roles. An item is a heading when its own title is a framing label, when a heading
  // above it is one (the items of 工作目标 are targets), or when the text starts mid-plan inside
  // a run of target statements (a page that begins at （三）…目标).
  const titles = raw.map((it, i) => stripEnd(shape[i]!.firstStop >= 0 ? it.rest.slice(0, shape[i]!.firstStop) : it.rest));
  const framed = new Set<number>();
  const chain: number[] = [];
  raw.forEach((it, i) => {
    while (chain.length && raw[chain[chain.length - 1]!]!.level >= it.level) chain.pop();
    if (FRAMING.test(titles[i]!) || chain.some((p) => FRAMING.test(titles[p]!))) framed.add(i);
    chain.push(i);
  });
  const firstL1 = raw.findIndex((it) => it.level === 1);
  if (firstL1 !== 0 && raw.length > 0 && TARGET_STATEMENT.test(titles[0]!)) {
    const lead = raw[0]!.level;
    for (let i = 0; i < (firstL1 < 0 ? raw.length : firstL1) && raw[i]!.level >= lead; i++) framed.add(i);
  }
  // A flat document (only 一、 items, none with items under it): an item whose title ends in 。
  // and runs into a body states work — a task, as in a township's notice.
  const flat = raw.length >= 2 && raw.every((it) => it.level === 1);

  raw.forEach((it, i) => {
    const { hasDeeper, firstStop, titleOnly } = shape[i]!;
    const bare = titleOnly && it.paras.length === 0 && headingLevels.has(it.level);
    const flatTask = flat && firstStop >= 0 && (it.rest.slice(firstStop + 1).trim() !== '' || it.paras.length > 0) && !FRAMING.test(titles[i]!);
    // An item under a framing heading that names its responsible units is work all the same.
    const framedHeading = framed.has(i) && extractUnits([it.rest, ...it.paras].join('\n')) === null;
    const isHeading = (it.level === 1 && !flatTask) || (hasDeeper && titleOnly) || bare || framedHeading;

    let node: HeadingNode | TaskNode;
    if (isHeading) {
      const heading: HeadingNode = {
        type: 'heading',
        level: it.level,
        ordinal: it.ordinal,
        title: stripEnd(firstStop >= 0 ? it.rest.slice(0, firstStop) : it.rest),
        children: it.paras.map((text) => ({ type: 'paragraph', text }) as ParagraphNode),
      };
      const after = firstStop >= 0 ? it.rest.slice(firstStop + 1).trim() : '';
      if (after) heading.text = after;
      const targets = findTargets([after, ...it.paras].join('\n'));
      if (targets.length) heading.targets = targets;
      node = heading;
    } else {
      const full = [it.rest, ...it.paras].join('\n');
      const ex = extractUnits(full);
      const main = ex ? ex.body : full;
      const stop = indexOfTopLevel(main, '。');
      const firstLineEnd = main.indexOf('\n');
      let title: string;
      let text: string;
      if (stop >= 0 && (firstLineEnd < 0 || stop < firstLineEnd)) {
        title = main.slice(0, stop);
        text = main.slice(stop + 1).trim();
      } else if (firstLineEnd >= 0) {
        title = main.slice(0, firstLineEnd);
        text = main.slice(firstLineEnd + 1).trim();
      } else {
        title = main;
        text = '';
      }
      const task: TaskNode = {
        type: 'task',
        level: it.level,
        ordinal: it.ordinal,
        title: stripEnd(title),
        text,
        lead: [],
        support: [],
        targets: findTargets(main),
        children: [],
      };
      if (ex) {
        const u = parseUnits(ex.unitsText, rule);
        if (u.rule) rule = u.rule;
        task.lead = u.lead;
        task.support = u.support;
        task.unitsText = ex.unitsText;
        if (u.note) task.unitsNote = u.note;
        for (const n of [...u.lead, ...u.support]) if (!units.includes(n)) units.push(n);
        if (ex.incomplete) warnings.push({ node: task, code: 'units-paren-unclosed', message: `${itemRef(task)}责任单位括号不完整` });
      }
      if (task.title.length > 40 && (stop < 0 || stop > 40)) {
        warnings.push({
          node: task,
          code: 'title-long',
          message: `${itemRef(task)}标题过长（${task.title.length}字），原文可能缺少句号，请核对标题与正文的分界`,
        });
      }
      node = task;
    }
    for (const g of it.gaps) warnings.push({ node, code: 'text-gap', message: `${itemRef(node)}之后有内容缺失（页面提示“${g}”），未补全，请对照原文` });

    while (stack.length && stack[stack.length - 1]!.level >= node.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else body.push(node);
    stack.push(node);
    items.push(node);
  });

  // Tasks without units when most tasks have them.
  const tasks = items.filter((n): n is TaskNode => n.type === 'task');
  const withUnits = tasks.filter((t) => t.unitsText !== undefined).length;
  if (tasks.length >= 3 && withUnits >= tasks.length / 2) {
    for (const t of tasks) {
      if (t.unitsText === undefined) warnings.push({ node: t, code: 'units-missing', message: `${itemRef(t)}未识别到责任单位` });
    }
  }
  return { body, items, warnings, units };
}
