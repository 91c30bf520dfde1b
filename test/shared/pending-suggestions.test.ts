import { describe, expect, it } from 'vitest';
import { countPendingSuggestions, withoutPendingSuggestions } from '../../shared/plan/pending-suggestions';
import type { BodyNode } from '../../shared/plan/schema';

describe('a plan before its pending suggestions', () => {
  const body: BodyNode[] = [
    {
      type: 'paragraph',
      text: '前言新增句。',
      marks: [
        { field: 'text', from: 2, to: 5, type: 'insertion', id: 's1' },
        { field: 'text', from: 0, to: 2, type: 'comment', id: 'c1' },
      ],
    },
    {
      type: 'heading',
      level: 1,
      ordinal: 1,
      title: '重点工作',
      children: [
        {
          type: 'task',
          level: 3,
          ordinal: 1,
          title: '加强考核',
          text: '原有删去内容',
          lead: ['县安委办'],
          support: [],
          targets: [],
          children: [],
          marks: [{ field: 'text', from: 2, to: 4, type: 'deletion', id: 's2' }],
          suggestion: { type: 'units', id: 's3', old: { lead: ['县应急局'], support: ['各乡镇'] } },
        },
        {
          type: 'task',
          level: 3,
          ordinal: 2,
          title: '建议新增的任务',
          text: '',
          lead: [],
          support: [],
          targets: [],
          children: [],
          suggestion: { type: 'insert', id: 's4' },
        },
        {
          type: 'task',
          level: 3,
          ordinal: 3,
          title: '建议删除的任务',
          text: '正文',
          lead: [],
          support: [],
          targets: [],
          children: [],
          suggestion: { type: 'delete', id: 's5' },
        },
      ],
    },
  ];
  it('counts the pending suggestions, not the comments', () => {
    expect(countPendingSuggestions(body)).toBe(5);
  });
  it('leaves insertions out, keeps deletions, restores units and deleted tasks, drops new tasks', () => {
    const out = withoutPendingSuggestions(body);
    expect(out[0]).toEqual({ type: 'paragraph', text: '前言。' });
    const h = out[1] as Extract<BodyNode, { type: 'heading' }>;
    expect(h.children.map((c) => (c as { title: string }).title)).toEqual(['加强考核', '建议删除的任务']);
    expect(h.children[0]).toMatchObject({ text: '原有删去内容', lead: ['县应急局'], support: ['各乡镇'] });
    expect(JSON.stringify(out)).not.toContain('"marks"');
    expect(countPendingSuggestions(out)).toBe(0);
  });
});

describe('export with pending suggestions', () => {
  it('warns and prints the text as before the suggestions', async () => {
    const { exportWarnings } = await import('../../shared/export/resolve');
    const { emptyPlan } = await import('../../shared/plan/schema');
    const doc = emptyPlan('2026年全县安全生产工作要点', 2026);
    doc.body.push({
      type: 'task',
      level: 3,
      ordinal: 1,
      title: '加强考核',
      text: '新增句。',
      lead: [],
      support: [],
      targets: [],
      children: [],
      marks: [{ field: 'text', from: 0, to: 2, type: 'insertion', id: 's1' }],
    });
    expect(exportWarnings(doc).join()).toContain('1 处修订尚未接受或拒绝');
  });
});
