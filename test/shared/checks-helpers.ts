// Builders and the apply-a-fix helper shared by the checks tests.
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks, type Check, type CheckInput, type Fix } from '../../shared/checks/index';
import { bodyToBlocks, type FlatBlock } from '../../shared/plan/flat';
import type { Level, NumberingSettings, PlanDocument } from '../../shared/plan/schema';
import { parsePlanDocument } from '../../shared/validation';

export type Task = Extract<FlatBlock, { type: 'task' }>;

export const NUMBERING: NumberingSettings = { perLevel: ['restart', 'restart', 'continuous', 'restart'] };

export function meta(extra: Partial<PlanDocument['meta']> = {}): PlanDocument['meta'] {
  return { title: '2021年全县安全生产工作要点', year: 2021, addressees: [], cc: [], ...extra };
}

export function task(title: string, text = '正文内容。', extra: Partial<Task> = {}): Task {
  return { type: 'task', level: 3, title, text, lead: ['县应急局'], support: ['各乡镇'], unitsText: '县应急局牵头，各乡镇负责落实', targets: [], ...extra };
}

export function heading(level: Level, title: string, extra: Partial<Extract<FlatBlock, { type: 'heading' }>> = {}): FlatBlock {
  return { type: 'heading', level, title, ...extra };
}

export function para(text: string, under = 0): FlatBlock {
  return { type: 'paragraph', text, under };
}

export function input(blocks: FlatBlock[], extra: Partial<CheckInput> = {}): CheckInput {
  return { meta: meta(), blocks, numbering: NUMBERING, ...extra };
}

/** A plan skeleton: 一、 heading, （一） heading, then the given blocks. */
export function plan(blocks: FlatBlock[], extra: Partial<CheckInput> = {}): CheckInput {
  return input([heading(1, '重点工作'), heading(2, '压实责任'), ...blocks], extra);
}

export function withCode(checks: Check[], code: string): Check[] {
  return checks.filter((c) => c.code === code);
}

export function applyFix(inp: CheckInput, fix: Fix): CheckInput {
  if ('meta' in fix.patch) return { ...inp, meta: { ...inp.meta, ...(fix.patch as { meta: Partial<PlanDocument['meta']> }).meta } };
  const blocks = inp.blocks.slice();
  blocks[fix.blockIndex!] = { ...blocks[fix.blockIndex!]!, ...fix.patch } as FlatBlock;
  return { ...inp, blocks };
}

const key = (c: Check) => `${c.code}@${c.blockIndex}`;

/**
 * Applies the check's fix, re-runs the checks and asserts: the check is gone, no other block
 * and no other metadata field changed, only the patched fields of the target changed, and the
 * other findings are the same as before (by code and block). Returns the fixed input.
 */
export function applyAndRecheck(inp: CheckInput, c: Check): { fixed: CheckInput; after: Check[] } {
  expect(c.fix, `${c.code} should offer a fix`).toBeDefined();
  const before = runChecks(inp);
  const fixed = applyFix(inp, c.fix!);
  const after = runChecks(fixed);
  expect(after.filter((x) => x.code === c.code && x.blockIndex === c.blockIndex)).toEqual([]);
  expect(after.map(key).sort()).toEqual(
    before
      .filter((x) => x.id !== c.id)
      .map(key)
      .sort(),
  );
  if (c.fix!.blockIndex === null) {
    expect(fixed.blocks).toEqual(inp.blocks);
  } else {
    fixed.blocks.forEach((b, i) => {
      if (i !== c.fix!.blockIndex) expect(b).toBe(inp.blocks[i]);
    });
    const old = inp.blocks[c.fix!.blockIndex]! as Record<string, unknown>;
    const now = fixed.blocks[c.fix!.blockIndex]! as Record<string, unknown>;
    for (const k of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (!(k in c.fix!.patch)) expect(now[k]).toEqual(old[k]);
    }
    expect(fixed.meta).toBe(inp.meta);
  }
  return { fixed, after };
}

export function loadFixture(name: 'tengzhou-2020' | 'lucheng-2025' | 'nanxun-2021'): { doc: PlanDocument; input: CheckInput } {
  const file = join(import.meta.dirname, '..', 'fixtures', 'plans', `${name}.plan.json`);
  const doc = parsePlanDocument(JSON.parse(readFileSync(file, 'utf8')));
  return { doc, input: { meta: doc.meta, blocks: bodyToBlocks(doc.body), numbering: doc.numbering } };
}
