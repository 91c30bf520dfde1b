// Find and replace across the plan's flat blocks (Ctrl+F / Ctrl+H), unit names included.
// Hand-written: matching must work on the block model (titles, bodies, unit chips, the units
// text that has to stay in step with the chips), not on a DOM or a single string, and fold
// Latin case and full-/half-width forms without moving offsets.
import type { FlatBlock } from './plan/flat';
import { halfWidthChar } from './text/punctuation';

/**
 * Where a match is: task 'title' / 'text'; heading title = 'heading', heading lead-in text =
 * 'text'; paragraph = 'paragraph'; a unit name = 'lead' / 'support' with unitIndex; and
 * 'unitsText' for words of a task's written units parenthetical that are not a unit name
 * (e.g. 负责落实, 以下任务……不再一一列出).
 */
export type MatchField = 'title' | 'text' | 'paragraph' | 'heading' | 'lead' | 'support' | 'unitsText';

export interface Match {
  blockIndex: number;
  /** The block's node id (issue 14): a replace applies only to that block, never to whatever now sits at blockIndex. */
  nodeId?: string;
  field: MatchField;
  unitIndex?: number;
  /** UTF-16 offsets into the field's string (the unit name for lead/support). */
  from: number;
  to: number;
}

export interface FindOptions {
  /** Latin letters match only in the same case (Chinese has none). Default false. */
  matchCase?: boolean;
  /**
   * Unit names match only as a whole (searching 安委会 does not hit 市安委会办公室), and the
   * words of the units text that are no unit name are not searched. Body text is unaffected.
   */
  wholeUnits?: boolean;
  /** Full-width letters, digits and ASCII punctuation match their half-width forms. */
  widthInsensitive?: boolean;
}

type Task = Extract<FlatBlock, { type: 'task' }>;

/** Folds one UTF-16 unit to one UTF-16 unit, so offsets in the folded string are the original's. */
function folder(opts: FindOptions): (s: string) => string {
  return (s) => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      let ch = s[i]!;
      if (opts.widthInsensitive) ch = ch === '\u3000' ? ' ' : halfWidthChar(ch);
      if (!opts.matchCase) {
        const lower = ch.toLowerCase();
        if (lower.length === 1) ch = lower;
      }
      out += ch;
    }
    return out;
  };
}

function ranges(hay: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  return out;
}

/** Spans of the task's unit names inside its units text (longest names first, no overlap). */
function nameSpans(t: Task): Array<{ from: number; to: number; name: string }> {
  const text = t.unitsText ?? '';
  const names = [...new Set([...t.lead, ...t.support].filter((n) => n.trim()))].sort((a, b) => b.length - a.length);
  const spans: Array<{ from: number; to: number; name: string }> = [];
  for (const name of names) {
    for (const [from, to] of ranges(text, name)) {
      if (!spans.some((s) => from < s.to && s.from < to)) spans.push({ from, to, name });
    }
  }
  return spans.sort((a, b) => a.from - b.from);
}

function blockMatches(b: FlatBlock, blockIndex: number, q: string, fold: (s: string) => string, opts: FindOptions): Match[] {
  const out: Match[] = [];
  const scan = (s: string | undefined, field: MatchField, unitIndex?: number) => {
    if (!s) return;
    for (const [from, to] of ranges(fold(s), q))
      out.push(unitIndex === undefined ? { blockIndex, field, from, to } : { blockIndex, field, unitIndex, from, to });
  };
  if (b.type === 'paragraph') scan(b.text, 'paragraph');
  else if (b.type === 'heading') {
    scan(b.title, 'heading');
    scan(b.text, 'text');
  } else {
    scan(b.title, 'title');
    scan(b.text, 'text');
    for (const field of ['lead', 'support'] as const) {
      b[field].forEach((name, k) => {
        if (opts.wholeUnits) {
          if (fold(name) === q) out.push({ blockIndex, field, unitIndex: k, from: 0, to: name.length });
        } else scan(name, field, k);
      });
    }
    if (b.unitsText && !opts.wholeUnits) {
      const spans = nameSpans(b);
      for (const [from, to] of ranges(fold(b.unitsText), q)) {
        if (!spans.some((s) => from < s.to && s.from < to)) out.push({ blockIndex, field: 'unitsText', from, to });
      }
    }
  }
  return out;
}

/** Every match of `query` in the plan, in document order (within a block: title, text, units). */
export function findAll(blocks: readonly FlatBlock[], query: string, opts: FindOptions = {}): Match[] {
  if (!query) return [];
  const fold = folder(opts);
  const q = fold(query);
  return blocks.flatMap((b, i) => blockMatches(b, i, q, fold, opts).map((m) => (b.id ? { ...m, nodeId: b.id } : m)));
}

function splice(s: string, edits: ReadonlyArray<{ from: number; to: number; text: string }>): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** Applies the matches of one block; unit renames are carried into the units text. */
function applyToBlock(b: FlatBlock, ms: readonly Match[], replacement: string): FlatBlock {
  const edits = (field: MatchField, unitIndex?: number) =>
    ms.filter((m) => m.field === field && m.unitIndex === unitIndex).map((m) => ({ from: m.from, to: m.to, text: replacement }));
  if (b.type === 'paragraph') return { ...b, text: splice(b.text, edits('paragraph')) };
  if (b.type === 'heading') {
    const out = { ...b, title: splice(b.title, edits('heading')) };
    if (b.text !== undefined) out.text = splice(b.text, edits('text'));
    return out;
  }
  const out: Task = { ...b, title: splice(b.title, edits('title')), text: splice(b.text, edits('text')) };
  const renamed = new Map<string, string>();
  for (const field of ['lead', 'support'] as const) {
    out[field] = b[field].map((name, k) => {
      const e = edits(field, k);
      if (!e.length) return name;
      const next = splice(name, e);
      renamed.set(name, next);
      return next;
    });
  }
  if (b.unitsText !== undefined) {
    const own = edits('unitsText');
    const sync = nameSpans(b)
      .filter((s) => renamed.has(s.name))
      .map((s) => ({ from: s.from, to: s.to, text: renamed.get(s.name)! }));
    if (own.length || sync.length) out.unitsText = splice(b.unitsText, [...own, ...sync]);
  }
  return out;
}

/** Replaces every match; blocks without a match keep their identity. */
export function replaceAll(blocks: readonly FlatBlock[], query: string, replacement: string, opts: FindOptions = {}): { blocks: FlatBlock[]; count: number } {
  const matches = findAll(blocks, query, opts);
  const byBlock = new Map<number, Match[]>();
  for (const m of matches) byBlock.set(m.blockIndex, [...(byBlock.get(m.blockIndex) ?? []), m]);
  const out = blocks.map((b, i) => {
    const ms = byBlock.get(i);
    return ms ? applyToBlock(b, ms, replacement) : b;
  });
  return { blocks: out, count: matches.length };
}

function fieldText(b: FlatBlock, m: Match): string | undefined {
  if (b.type === 'paragraph') return m.field === 'paragraph' ? b.text : undefined;
  if (b.type === 'heading') return m.field === 'heading' ? b.title : m.field === 'text' ? b.text : undefined;
  if (m.field === 'lead' || m.field === 'support') return m.unitIndex === undefined ? undefined : b[m.field][m.unitIndex];
  if (m.field === 'title' || m.field === 'text' || m.field === 'unitsText') return b[m.field];
  return undefined;
}

/**
 * Replaces one match (as found by findAll on these blocks). A stale match — its field gone or
 * too short — changes nothing and returns the same array.
 */
export function replaceOne(blocks: readonly FlatBlock[], match: Match, replacement: string): FlatBlock[] {
  const b = blocks[match.blockIndex];
  if (b && match.nodeId && b.id !== match.nodeId) return blocks as FlatBlock[];
  const s = b && fieldText(b, match);
  if (!b || s === undefined || match.from < 0 || match.to > s.length || match.from > match.to) return blocks as FlatBlock[];
  const out = blocks.slice();
  out[match.blockIndex] = applyToBlock(b, [match], replacement);
  return out;
}
