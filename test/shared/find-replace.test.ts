import { describe, expect, it } from 'vitest';
import { findAll, replaceAll, replaceOne } from '../../shared/find-replace';
import type { FlatBlock } from '../../shared/plan/flat';
import { loadFixture } from './checks-helpers';

const blocks = (): FlatBlock[] => [
  { type: 'paragraph', text: '县应急局要会同各乡镇做好工作。', under: 0 },
  { type: 'heading', level: 1, title: '重点工作', text: '由县应急局统筹。' },
  {
    type: 'task',
    level: 2,
    title: '加强县应急局能力建设',
    text: '县应急局要配齐PPE和GPS设备。',
    lead: ['县应急局'],
    support: ['县应急局办公室', '各乡镇'],
    unitsText: '县应急局牵头，县应急局办公室、各乡镇负责落实',
    targets: [],
  },
];

describe('findAll', () => {
  it('finds in paragraphs, headings, titles, bodies and unit names, in document order', () => {
    const ms = findAll(blocks(), '县应急局');
    expect(ms.map((m) => [m.blockIndex, m.field, m.unitIndex, m.from, m.to])).toEqual([
      [0, 'paragraph', undefined, 0, 4],
      [1, 'text', undefined, 1, 5],
      [2, 'title', undefined, 2, 6],
      [2, 'text', undefined, 0, 4],
      [2, 'lead', 0, 0, 4],
      [2, 'support', 0, 0, 4],
    ]);
  });

  it('does not report the units text where it only repeats a unit name, but does for other words', () => {
    expect(findAll(blocks(), '负责落实').map((m) => [m.field, m.from])).toEqual([['unitsText', 18]]);
  });

  it('matches whole unit names only when asked', () => {
    const ms = findAll(blocks(), '县应急局', { wholeUnits: true });
    expect(ms.filter((m) => m.field === 'lead' || m.field === 'support').map((m) => [m.field, m.unitIndex])).toEqual([['lead', 0]]);
    expect(findAll(blocks(), '负责落实', { wholeUnits: true })).toEqual([]);
    expect(findAll(blocks(), '应急局', { wholeUnits: true }).some((m) => m.field === 'lead')).toBe(false);
  });

  it('ignores Latin case unless matchCase', () => {
    expect(findAll(blocks(), 'ppe').map((m) => [m.field, m.from, m.to])).toEqual([['text', 7, 10]]);
    expect(findAll(blocks(), 'ppe', { matchCase: true })).toEqual([]);
    expect(findAll(blocks(), 'PPE', { matchCase: true })).toHaveLength(1);
  });

  it('matches full- and half-width forms when widthInsensitive', () => {
    const b: FlatBlock[] = [{ type: 'paragraph', text: '配备ＧＰＳ终端（１台）和GPS(2台)', under: 0 }];
    expect(findAll(b, 'GPS').map((m) => m.from)).toEqual([12]);
    expect(findAll(b, 'GPS', { widthInsensitive: true }).map((m) => [m.from, m.to])).toEqual([
      [2, 5],
      [12, 15],
    ]);
    expect(findAll(b, 'gps', { widthInsensitive: true }).length).toBe(2);
    expect(findAll(b, '(1台)', { widthInsensitive: true }).map((m) => m.from)).toEqual([7]);
    expect(findAll(b, 'gps', { widthInsensitive: true, matchCase: true })).toEqual([]);
  });

  it('finds nothing for an empty query, and non-overlapping repeats', () => {
    expect(findAll(blocks(), '')).toEqual([]);
    expect(findAll([{ type: 'paragraph', text: '啊啊啊', under: 0 }], '啊啊').map((m) => m.from)).toEqual([0]);
  });
});

describe('replaceAll', () => {
  it('renames a unit everywhere, keeping the units text in step with the chips', () => {
    const input = blocks();
    const { blocks: out, count } = replaceAll(input, '县应急局', '县应急管理局', { wholeUnits: true });
    expect(count).toBe(5);
    const t = out[2] as Extract<FlatBlock, { type: 'task' }>;
    expect(t.lead).toEqual(['县应急管理局']);
    expect(t.support).toEqual(['县应急局办公室', '各乡镇']);
    expect(t.unitsText).toBe('县应急管理局牵头，县应急局办公室、各乡镇负责落实');
    expect(t.title).toBe('加强县应急管理局能力建设');
    expect(out[0]).toEqual({ type: 'paragraph', text: '县应急管理局要会同各乡镇做好工作。', under: 0 });
    expect(out[1]).toEqual({ type: 'heading', level: 1, title: '重点工作', text: '由县应急管理局统筹。' });
    expect(input).toEqual(blocks()); // not mutated
  });

  it('replaces inside unit names too when not wholeUnits', () => {
    const { blocks: out, count } = replaceAll(blocks(), '应急局', '应急管理局');
    expect(count).toBe(6);
    const t = out[2] as Extract<FlatBlock, { type: 'task' }>;
    expect(t.support).toEqual(['县应急管理局办公室', '各乡镇']);
    expect(t.unitsText).toBe('县应急管理局牵头，县应急管理局办公室、各乡镇负责落实');
  });

  it('replaces the words of the units text that are no unit name', () => {
    const { blocks: out } = replaceAll(blocks(), '负责落实', '配合');
    expect((out[2] as { unitsText: string }).unitsText).toBe('县应急局牵头，县应急局办公室、各乡镇配合');
  });

  it('keeps untouched blocks identical and returns count 0 for no match', () => {
    const input = blocks();
    const r = replaceAll(input, '不存在的词', 'x');
    expect(r.count).toBe(0);
    r.blocks.forEach((b, i) => expect(b).toBe(input[i]));
    const r2 = replaceAll(input, '统筹', '协调');
    expect(r2.blocks[0]).toBe(input[0]);
    expect(r2.blocks[2]).toBe(input[2]);
  });

  it('afterwards finds the replacement and not the query (case and width folded)', () => {
    const b: FlatBlock[] = [{ type: 'paragraph', text: 'Ppe、ＰＰＥ、ppe', under: 0 }];
    const r = replaceAll(b, 'PPE', '防护用品', { widthInsensitive: true });
    expect(r.count).toBe(3);
    expect((r.blocks[0] as { text: string }).text).toBe('防护用品、防护用品、防护用品');
  });

  it('renames a unit across the 滕州 sample', () => {
    const { input } = loadFixture('tengzhou-2020');
    const before = findAll(input.blocks, '市安委会办公室', { wholeUnits: true }).filter((m) => m.field === 'lead').length;
    expect(before).toBeGreaterThan(10);
    const r = replaceAll(input.blocks, '市安委会办公室', '市安委办', { wholeUnits: true });
    expect(findAll(r.blocks, '市安委会办公室')).toEqual([]);
    const tasks = r.blocks.filter((b): b is Extract<FlatBlock, { type: 'task' }> => b.type === 'task');
    for (const t of tasks) if (t.lead.includes('市安委办')) expect(t.unitsText).toContain('市安委办');
  });
});

describe('replaceOne', () => {
  it('replaces just the given match', () => {
    const input = blocks();
    const ms = findAll(input, '县应急局');
    const out = replaceOne(input, ms[3]!, 'X');
    expect((out[2] as { text: string }).text).toBe('X要配齐PPE和GPS设备。');
    expect((out[2] as { title: string }).title).toBe('加强县应急局能力建设');
    expect(out[0]).toBe(input[0]);
  });

  it('renames one unit chip and its words in the units text', () => {
    const input = blocks();
    const m = findAll(input, '各乡镇').find((x) => x.field === 'support')!;
    const t = replaceOne(input, m, '各镇街')[2] as Extract<FlatBlock, { type: 'task' }>;
    expect(t.support).toEqual(['县应急局办公室', '各镇街']);
    expect(t.unitsText).toBe('县应急局牵头，县应急局办公室、各镇街负责落实');
  });

  it('ignores a stale match', () => {
    const input = blocks();
    expect(replaceOne(input, { blockIndex: 9, field: 'title', from: 0, to: 1 }, 'x')).toBe(input);
    expect(replaceOne(input, { blockIndex: 0, field: 'paragraph', from: 10, to: 99 }, 'x')).toBe(input);
    expect(replaceOne(input, { blockIndex: 2, field: 'lead', unitIndex: 5, from: 0, to: 1 }, 'x')).toBe(input);
    expect(replaceOne(input, { blockIndex: 0, field: 'title', from: 0, to: 1 }, 'x')).toBe(input);
  });
});

describe('find results address blocks by node id (issue 14)', () => {
  it('a stale match does not replace text in the block that moved into its place', () => {
    const find = findAll;
    const replace = replaceOne;
    const blocks = [
      { type: 'paragraph' as const, id: 'paraA00001', text: '市应急局负责。', under: 0 },
      { type: 'paragraph' as const, id: 'paraB00002', text: '市应急局配合。', under: 0 },
    ];
    const [m] = find(blocks, '市应急局');
    expect(m).toMatchObject({ blockIndex: 0, nodeId: 'paraA00001' });
    expect(replace(blocks, m!, '县应急局')[0]).toMatchObject({ text: '县应急局负责。' });
    // Block A deleted: B is now at index 0, the old match must not touch it.
    const after = blocks.slice(1);
    expect(replace(after, m!, '县应急局')).toEqual(after);
  });
});
