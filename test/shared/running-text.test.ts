// The one running text of a task (shared/plan/running-text.ts) and its users agreeing on it.
import { describe, expect, it } from 'vitest';
import { taskRunningText, taskSentences, titleStop } from '../../shared/plan/running-text';
import { renderNode } from '../../shared/review/rendered';
import type { TaskNode } from '../../shared/plan/schema';

const task = (over: Partial<TaskNode> = {}): TaskNode => ({
  type: 'task',
  level: 3,
  ordinal: 2,
  title: '加强考核',
  text: '加大考核比重。',
  lead: ['县应急局'],
  support: ['各乡镇'],
  targets: [],
  children: [],
  ...over,
});

describe('taskRunningText', () => {
  it('one 。 after the title, never after ； 。 ！ ？', () => {
    expect(taskRunningText(task())).toBe('2.加强考核。加大考核比重。（县应急局牵头，各乡镇负责落实）');
    for (const end of ['；', '。', '！', '？']) {
      expect(taskRunningText(task({ title: `加强考核${end}` }))).toBe(`2.加强考核${end}加大考核比重。（县应急局牵头，各乡镇负责落实）`);
    }
  });
  it('label given, left out, units left out', () => {
    expect(taskRunningText(task(), { label: '（二）' })).toMatch(/^（二）加强考核。/);
    expect(taskRunningText(task(), { label: false, units: false })).toBe('加强考核。加大考核比重。');
    expect(taskSentences({ title: '加强考核；', text: '正文' })).toBe('加强考核；正文');
  });
  it('headings also stop at a colon', () => {
    expect(titleStop('总体要求：', 'heading')).toBe('');
    expect(titleStop('总体要求：')).toBe('。');
    expect(titleStop('  ')).toBe('');
  });
  it('the review export renders tasks with the same text', () => {
    for (const title of ['加强考核', '加强考核；', '加强考核。']) {
      const t = task({ title });
      expect(renderNode(t, 'body/0').text).toBe(taskRunningText(t));
    }
  });
});

describe('the opinions table names a units suggestion as the running text writes units', () => {
  it('建议修改责任单位: the new units with the 牵头 wording', async () => {
    const { locateAnnotations } = await import('../../shared/review/opinion-rows');
    const t = task({ suggestion: { id: 's', type: 'units', old: { lead: ['县安委办'], support: [] } } } as Partial<TaskNode>);
    expect(locateAnnotations([t]).get('s')).toMatchObject({ kind: 'units', text: '县应急局牵头，各乡镇负责落实' });
  });
});
