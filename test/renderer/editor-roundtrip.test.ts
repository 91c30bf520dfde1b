// Opening an imported plan in the editor and saving it changes nothing: exchange format →
// flat blocks → editor document (the real TipTap schema) → blocks → exchange format.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { planSchemaExtensions } from '../../renderer/src/editor/schema';
import { blocksToEditorJSON, editorDocToBlocks } from '../../renderer/src/editor/convert';
import { blocksToNumberedBody, bodyToBlocks } from '../../shared/plan/flat';
import { PlanDocumentSchema } from '../../shared/plan/schema';

const schema = getSchema(planSchemaExtensions);
const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'plans');

describe('editor round trip', () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.plan.json'));
  it('has the three imported samples', () => expect(files.length).toBe(3));

  it.each(files)('%s opens and saves unchanged', (file) => {
    const doc = PlanDocumentSchema.parse(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
    const pm = schema.nodeFromJSON(blocksToEditorJSON(bodyToBlocks(doc.body)));
    pm.check();
    const body = blocksToNumberedBody(editorDocToBlocks(pm), doc.numbering);
    expect(body).toEqual(doc.body);
  });

  it('re-reads targets when a task text changes, keeping 待确认 flags of targets still there', () => {
    const json = blocksToEditorJSON([
      {
        type: 'task',
        level: 3,
        title: '加强考核',
        text: '覆盖率达到100%。',
        lead: ['县应急局'],
        support: [],
        targets: [{ text: '覆盖率达到100%', value: 100, unit: '%', unconfirmed: true }],
      },
    ]);
    const pm = schema.nodeFromJSON(json);
    const unchanged = editorDocToBlocks(pm)[0] as { targets: unknown[] };
    expect(unchanged.targets).toEqual([{ text: '覆盖率达到100%', value: 100, unit: '%', unconfirmed: true }]);
    // Edit the body: add a second target.
    const task = pm.child(0);
    const body = schema.nodes.taskBody!.create(null, schema.text('覆盖率达到100%，年底前至少开展1次演练。'));
    const edited = pm.copy(pm.content.replaceChild(0, task.copy(task.content.replaceChild(1, body))));
    const t = editorDocToBlocks(edited)[0] as { targets: Array<{ text: string; unconfirmed?: boolean }> };
    expect(t.targets.map((x) => x.text)).toContain('覆盖率达到100%');
    expect(t.targets.find((x) => x.text === '覆盖率达到100%')?.unconfirmed).toBe(true);
    expect(t.targets.length).toBeGreaterThan(1);
  });

  it('keeps multi-line task bodies as hard breaks', () => {
    const blocks = [{ type: 'task' as const, level: 3 as const, title: 't', text: '第一段\n第二段', lead: [], support: [], targets: [] }];
    const pm = schema.nodeFromJSON(blocksToEditorJSON(blocks));
    expect(pm.child(0).child(1).childCount).toBe(3);
    expect(editorDocToBlocks(pm)).toEqual(blocks);
  });
});

describe('review marks in the editor', () => {
  it('round-trips overlapping comments, suggested insertions and deletions, and node suggestions', () => {
    const blocks = [
      {
        type: 'paragraph' as const,
        text: '前言第一句。前言第二句。',
        under: 0,
        marks: [
          { field: 'text' as const, from: 0, to: 6, type: 'comment' as const, id: 't1' },
          { field: 'text' as const, from: 3, to: 9, type: 'comment' as const, id: 't2' },
        ],
      },
      {
        type: 'task' as const,
        level: 3 as const,
        title: '加强安全生产考核',
        text: '第一段新增内容\n第二段删去内容',
        lead: ['县应急局'],
        support: [],
        targets: [],
        marks: [
          { field: 'title' as const, from: 2, to: 6, type: 'comment' as const, id: 't3' },
          { field: 'text' as const, from: 3, to: 7, type: 'insertion' as const, id: 's1', author: '张三', unit: '县教育局', time: '2026-11-22T08:00:00.000Z' },
          { field: 'text' as const, from: 11, to: 13, type: 'deletion' as const, id: 's2', author: '李四', time: '2026-11-22T09:00:00.000Z' },
        ],
        suggestion: { type: 'units' as const, id: 's3', author: '李四', old: { lead: ['县安委办'], support: [] } },
      },
    ];
    const pm = schema.nodeFromJSON(blocksToEditorJSON(blocks));
    pm.check();
    expect(editorDocToBlocks(pm)).toEqual(blocks);
  });
});
