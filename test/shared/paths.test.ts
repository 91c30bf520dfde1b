import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodyToBlocks } from '../../shared/plan/flat';
import { walkOutline } from '../../shared/plan/numbering';
import { blockIndexOfPath, blockPaths, blockSectionEnd, nodeAtPath } from '../../shared/plan/paths';
import { PlanDocumentSchema } from '../../shared/plan/schema';

const fixture = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'plans', 'nanxun-2021.plan.json');
const doc = PlanDocumentSchema.parse(JSON.parse(readFileSync(fixture, 'utf8')));

describe('outline paths', () => {
  it('finds every outline node by its walkOutline path, and its flat block', () => {
    const blocks = bodyToBlocks(doc.body);
    expect(blockPaths(doc.body)).toHaveLength(blocks.length);
    walkOutline(doc.body, (node, path) => {
      expect(nodeAtPath(doc.body, path)).toBe(node);
      const b = blocks[blockIndexOfPath(doc.body, blocks, path)]!;
      expect(b.type).toBe(node.type);
      expect((b as { title: string }).title).toBe(node.title);
    });
    expect(nodeAtPath(doc.body, 'body/99')).toBeNull();
    expect(blockIndexOfPath(doc.body, blocks, 'body/99')).toBe(-1);
  });

  it('gives the end of a section: its deeper blocks follow it', () => {
    const blocks = bodyToBlocks(doc.body);
    const i = blocks.findIndex((b) => b.type === 'heading' && b.title.startsWith('实施应急责任强化年'));
    const end = blockSectionEnd(blocks, i);
    expect(blocks.slice(i + 1, end).filter((b) => b.type === 'task')).toHaveLength(4);
    expect(blocks[end]!.type).toBe('heading');
  });
});
