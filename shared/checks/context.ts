// Shared helpers for the check modules: labels, ids, task iteration, character classes.
import type { FlatBlock } from '../plan/flat';
import { computeOrdinals, formatLabel } from '../plan/numbering';
import type { Level } from '../plan/schema';
import type { Check, CheckInput, Fix, Severity } from './types';

export type TaskBlock = Extract<FlatBlock, { type: 'task' }>;
export type HeadingBlock = Extract<FlatBlock, { type: 'heading' }>;
export type ParagraphBlock = Extract<FlatBlock, { type: 'paragraph' }>;

/**
 * FNV-1a, 32 bit, base 36. Hand-written: a few lines for a short, stable, non-cryptographic
 * fingerprint; no dependency is worth it and shared/ has no node:crypto.
 */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function checkId(code: string, blockIndex: number | null, offending: string): string {
  return `${code}:${blockIndex ?? 'meta'}:${shortHash(offending)}`;
}

export interface Ctx {
  input: CheckInput;
  blocks: readonly FlatBlock[];
  /** Label per block index (headings and tasks), e.g. "14." "（三）" "二、". */
  labels: Map<number, string>;
  /** Task labels that occur more than once in the plan. */
  repeated: Set<string>;
}

export function makeCtx(input: CheckInput): Ctx {
  const idx: number[] = [];
  const levels: Level[] = [];
  input.blocks.forEach((b, i) => {
    if (b.type !== 'paragraph') {
      idx.push(i);
      levels.push(b.level);
    }
  });
  const ords = computeOrdinals(levels, input.numbering);
  const labels = new Map<number, string>();
  idx.forEach((bi, k) => labels.set(bi, formatLabel(levels[k]!, ords[k]!)));
  const seen = new Set<string>();
  const repeated = new Set<string>();
  input.blocks.forEach((b, i) => {
    if (b.type !== 'task') return;
    const l = labels.get(i)!;
    if (seen.has(l)) repeated.add(l);
    seen.add(l);
  });
  return { input, blocks: input.blocks, labels, repeated };
}

function parentOf(ctx: Ctx, blockIndex: number): string {
  const b = ctx.blocks[blockIndex]!;
  if (b.type === 'paragraph') return '';
  for (let j = blockIndex - 1; j >= 0; j--) {
    const p = ctx.blocks[j]!;
    if (p.type !== 'paragraph' && p.level < b.level) return `${ctx.labels.get(j) ?? ''}${clip(p.title, 8)}`;
  }
  return '';
}

function clip(s: string, n: number): string {
  const t = s.trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/**
 * How a message names a block: "任务 14 " (a trailing space after a digit, so "任务 14 的标题句"
 * reads right), 任务（十一）, 标题“（二）加强监管”, 段落“2020年是……”.
 */
export function nameOf(ctx: Ctx, blockIndex: number): string {
  const b = ctx.blocks[blockIndex]!;
  if (b.type === 'paragraph') return `段落“${clip(b.text, 12)}”`;
  const label = ctx.labels.get(blockIndex) ?? '';
  if (b.type === 'task') {
    const base = /\d[.]?$/.test(label) && !label.startsWith('（') ? `任务 ${label.replace(/[.]$/, '')}` : `任务${label}`;
    // Labels restart per section: say which section when the label alone is ambiguous.
    const where = ctx.repeated.has(label) ? parentOf(ctx, blockIndex) : '';
    return where ? `${base}（${where}下）` : /\d$/.test(base) ? `${base} ` : base;
  }
  return `标题“${label}${clip(b.title, 16)}”`;
}

export function check(
  code: string,
  severity: Severity,
  blockIndex: number | null,
  offending: string,
  message: string,
  extra: { field?: Check['field']; fix?: Fix } = {},
): Check {
  const c: Check = { id: checkId(code, blockIndex, offending), code, severity, message, blockIndex };
  if (extra.field) c.field = extra.field;
  if (extra.fix) c.fix = extra.fix;
  return c;
}

export function tasks(blocks: readonly FlatBlock[]): Array<[TaskBlock, number]> {
  const out: Array<[TaskBlock, number]> = [];
  blocks.forEach((b, i) => {
    if (b.type === 'task') out.push([b, i]);
  });
  return out;
}

export function unitsOf(t: TaskBlock): string[] {
  return [...t.lead, ...t.support].map((u) => u.trim()).filter(Boolean);
}
