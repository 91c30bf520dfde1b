import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blocksToBody, blocksToNumberedBody, bodyToBlocks, type FlatBlock } from '../../shared/plan/flat';
import { PlanDocumentSchema, emptyPlan, type BodyNode } from '../../shared/plan/schema';

const task = (level: 2 | 3 | 4, title: string, children: BodyNode[] = []): BodyNode => ({
  type: 'task',
  level,
  ordinal: 0,
  title,
  text: '正文',
  lead: ['县应急局'],
  support: [],
  targets: [],
  children,
});

describe('flat blocks ↔ body tree', () => {
  it('round-trips a tree with paragraphs at every depth and skipped levels', () => {
    const body: BodyNode[] = [
      { type: 'paragraph', text: '前言' },
      { type: 'heading', level: 1, ordinal: 0, title: '总体要求', children: [{ type: 'paragraph', text: '以……为指导' }] },
      {
        type: 'heading',
        level: 1,
        ordinal: 0,
        title: '重点工作',
        children: [
          { type: 'paragraph', text: '导语' },
          task(3, '直接在一级标题下的任务', [{ type: 'paragraph', text: '任务的补充段落' }, task(4, '子任务')]),
          { type: 'heading', level: 2, ordinal: 0, title: '压实责任', children: [task(3, 'a'), task(3, 'b')] },
          { type: 'paragraph', text: '属于一级标题、位于二级标题之后的段落' },
        ],
      },
      { type: 'paragraph', text: '结尾' },
    ];
    const blocks = bodyToBlocks(body);
    expect(blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'task',
      'paragraph',
      'task',
      'heading',
      'task',
      'task',
      'paragraph',
      'paragraph',
    ]);
    expect(blocksToBody(blocks)).toEqual(body);
    expect(bodyToBlocks(blocksToBody(blocks))).toEqual(blocks);
  });

  it('implies the tree from levels when blocks are re-levelled or moved', () => {
    const blocks: FlatBlock[] = [
      { type: 'heading', level: 1, title: 'A' },
      { type: 'task', level: 3, title: 't1', text: '', lead: [], support: [], targets: [] },
      { type: 'heading', level: 2, title: 'B' },
      { type: 'task', level: 3, title: 't2', text: '', lead: [], support: [], targets: [] },
    ];
    const body = blocksToNumberedBody(blocks, { perLevel: ['restart', 'restart', 'continuous', 'restart'] });
    const a = body[0] as Extract<BodyNode, { type: 'heading' }>;
    expect(a.children.map((c) => (c as { title: string }).title)).toEqual(['t1', 'B']);
    const b = a.children[1] as Extract<BodyNode, { type: 'heading' }>;
    expect((b.children[0] as { ordinal: number }).ordinal).toBe(2);
    expect(PlanDocumentSchema.safeParse({ ...emptyPlan('A', 2026), body }).success).toBe(true);
  });

  const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'plans');
  const files = existsSync(fixtures) ? readdirSync(fixtures).filter((f) => f.endsWith('.plan.json')) : [];
  it.each(files)('is lossless on the imported sample %s', (file) => {
    const doc = PlanDocumentSchema.parse(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
    expect(blocksToNumberedBody(bodyToBlocks(doc.body), doc.numbering)).toEqual(doc.body);
  });
});
