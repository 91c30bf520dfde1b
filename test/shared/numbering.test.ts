import { describe, expect, it } from 'vitest';
import { computeOrdinals, formatLabel, inferNumbering, parseChineseNumeral, renumber, toChineseNumeral } from '../../shared/plan/numbering';
import type { BodyNode, Level, NumberingSettings } from '../../shared/plan/schema';

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [24, '二十四'],
    [31, '三十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
  ])('%i → %s and back', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it('round-trips every number up to 999', () => {
    for (let n = 1; n < 1000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('总体')).toBeNull();
    expect(parseChineseNumeral('一二')).toBeNull();
    expect(parseChineseNumeral('零')).toBeNull();
  });
});

describe('labels', () => {
  it('formats the four levels', () => {
    expect(formatLabel(1, 2)).toBe('二、');
    expect(formatLabel(2, 24)).toBe('（二十四）');
    expect(formatLabel(2, 31)).toBe('（三十一）');
    expect(formatLabel(3, 19)).toBe('19.');
    expect(formatLabel(4, 3)).toBe('（3）');
  });
});

const restart: NumberingSettings = { perLevel: ['restart', 'restart', 'restart', 'restart'] };
const tasksContinuous: NumberingSettings = { perLevel: ['restart', 'restart', 'continuous', 'restart'] };

describe('ordinals from numbering settings', () => {
  // 一、 二、 （一） 1 2 （二） 3 4 — the shape of the 滕州 plan
  const levels: Level[] = [1, 1, 2, 3, 3, 2, 3, 3];
  it('restarts level 3 under each （一） (南浔 style)', () => {
    expect(computeOrdinals(levels, restart)).toEqual([1, 2, 1, 1, 2, 2, 1, 2]);
  });
  it('runs level 3 straight through the plan (滕州 style)', () => {
    expect(computeOrdinals(levels, tasksContinuous)).toEqual([1, 2, 1, 1, 2, 2, 3, 4]);
  });
  it('runs level 2 through level-1 sections (潞城 style)', () => {
    const settings: NumberingSettings = { perLevel: ['restart', 'continuous', 'restart', 'restart'] };
    expect(computeOrdinals([1, 2, 2, 1, 2, 2, 2], settings)).toEqual([1, 1, 2, 2, 3, 4, 5]);
  });
  it('handles skipped levels: level 3 directly under level 1', () => {
    expect(computeOrdinals([1, 3, 3, 1, 3], restart)).toEqual([1, 1, 2, 2, 1]);
  });
  it('level 4 restarts under a level-3 task', () => {
    expect(computeOrdinals([3, 4, 4, 3, 4], restart)).toEqual([1, 1, 2, 2, 1]);
  });
});

describe('renumber and inferNumbering', () => {
  const task = (level: Level, ordinal: number, title: string): BodyNode => ({
    type: 'task',
    level,
    ordinal,
    title,
    text: '',
    lead: [],
    support: [],
    targets: [],
    children: [],
  });
  const body: BodyNode[] = [
    { type: 'paragraph', text: '前言' },
    {
      type: 'heading',
      level: 1,
      ordinal: 7,
      title: '重点工作',
      children: [
        { type: 'heading', level: 2, ordinal: 9, title: 'A', children: [task(3, 5, 'a1'), task(3, 5, 'a2')] },
        { type: 'heading', level: 2, ordinal: 9, title: 'B', children: [task(3, 5, 'b1')] },
      ],
    },
  ];
  it('recomputes ordinals without touching the input', () => {
    const out = renumber(body, tasksContinuous);
    const h = out[1] as Extract<BodyNode, { type: 'heading' }>;
    expect(h.ordinal).toBe(1);
    const b = h.children[1] as Extract<BodyNode, { type: 'heading' }>;
    expect(b.ordinal).toBe(2);
    expect((b.children[0] as { ordinal: number }).ordinal).toBe(3);
    expect((body[1] as { ordinal: number }).ordinal).toBe(7);
  });
  it('infers continuous and restart numbering from written ordinals', () => {
    const items = [
      { level: 1, ordinal: 1 },
      { level: 2, ordinal: 1 },
      { level: 3, ordinal: 1 },
      { level: 3, ordinal: 2 },
      { level: 2, ordinal: 2 },
      { level: 3, ordinal: 3 },
    ] as const;
    expect(inferNumbering(items).perLevel).toEqual(['restart', 'restart', 'continuous', 'restart']);
    const restarting = [
      { level: 2, ordinal: 1 },
      { level: 3, ordinal: 1 },
      { level: 3, ordinal: 2 },
      { level: 2, ordinal: 2 },
      { level: 3, ordinal: 1 },
    ] as const;
    expect(inferNumbering(restarting).perLevel).toEqual(['restart', 'restart', 'restart', 'restart']);
  });
});
