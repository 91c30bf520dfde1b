// The analyser never throws and never hangs: random token soup and mutated samples, a few
// thousand runs with a fixed seed (reproducible), each bounded in time, each output valid.
import { describe, expect, it } from 'vitest';
import { analyzePlanHtml, analyzePlanText } from '../../shared/import/analyze';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import { readSample, sampleNames } from './import-samples.helpers';
import { rng } from '../helpers/rng';

const TOKENS = [
  '一、',
  '（一）',
  '(二)',
  '1.',
  '2．',
  '（1）',
  '(',
  ')',
  '（',
  '）',
  '〔',
  '〕',
  '[',
  ']',
  '【',
  '】',
  '“',
  '”',
  '《',
  '》',
  '。',
  '，',
  ',',
  '、',
  '；',
  ':',
  '：',
  '|',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '\u3000',
  '\u200b',
  '\u00a0',
  '牵头',
  '负责落实',
  '配合单位：',
  '牵头单位：',
  '责任单位：',
  '逗号前为牵头单位，下同',
  '以下任务',
  '不再一一列出',
  '等单位分工负责',
  '市应急局',
  '各镇（街道）',
  '和',
  '达到',
  '100%',
  '至少',
  '1次',
  '以上',
  '下降超',
  '20%',
  '控制在',
  '年底前',
  '3月15日前',
  '2021年底',
  '索引号',
  '文号',
  '发文日期',
  '2020年04月10日',
  '202049',
  '〔2020〕',
  '关于印发',
  '的通知',
  '工作要点',
  '登录后查看全文',
  '相关文章',
  '版权所有',
  '——坚持',
  '十',
  '二十四',
  '百',
  '0',
  '999',
  '\ud800',
  '\uffff',
  '<p>',
  '</p>',
  '<ol><li>',
  '&nbsp;',
  '<script>',
];

function soup(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.8) s += TOKENS[Math.floor(r() * TOKENS.length)]!;
    else s += String.fromCharCode(Math.floor(r() * 0xffff));
  }
  return s;
}

function mutate(r: () => number, text: string): string {
  let s = text;
  const ops = 1 + Math.floor(r() * 8);
  for (let i = 0; i < ops; i++) {
    const a = Math.floor(r() * s.length);
    const b = Math.min(s.length, a + Math.floor(r() * 400));
    const op = r();
    if (op < 0.3)
      s = s.slice(0, a) + s.slice(b); // delete
    else if (op < 0.5)
      s = s.slice(0, a) + s.slice(a, b) + s.slice(a, b) + s.slice(b); // duplicate
    else if (op < 0.7)
      s = s.slice(0, a) + TOKENS[Math.floor(r() * TOKENS.length)]! + s.slice(a); // insert token
    else if (op < 0.85)
      s = s.slice(0, a) + s.slice(a, b).split('').reverse().join('') + s.slice(b); // reverse
    else s = s.slice(a) + s.slice(0, a); // rotate
  }
  return s;
}

function check(input: string, html: boolean): void {
  const t0 = performance.now();
  let result;
  try {
    result = html ? analyzePlanHtml(input) : analyzePlanText(input);
  } catch (err) {
    throw new Error(`analyser threw on ${JSON.stringify(input.slice(0, 300))}: ${(err as Error).stack}`);
  }
  const ms = performance.now() - t0;
  if (ms > 1000) throw new Error(`analyser took ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 300))}`);
  const parsed = PlanDocumentSchema.safeParse(result.doc);
  // A document over the size limits of shared/plan/schema.ts (a 40,000-character heading made of
  // "一、一、…") is the analyser's honest reading; saving it is refused with the limit's message.
  const overLimits = !parsed.success && parsed.error.issues.every((i) => /不能超过|过多|过深/.test(i.message));
  if (!parsed.success && !overLimits) throw new Error(`invalid document for ${JSON.stringify(input.slice(0, 300))}: ${parsed.error.message}`);
}

describe('fuzz', () => {
  const samples = sampleNames().map((n) => readSample(n).text);

  it('random token soup (2000 runs)', () => {
    const r = rng(20240601);
    for (let i = 0; i < 2000; i++) check(soup(r, 1 + Math.floor(r() * 300)), r() < 0.2);
  });

  it('mutated samples (1500 runs)', () => {
    const r = rng(42);
    for (let i = 0; i < 1500; i++) check(mutate(r, samples[i % samples.length]!), false);
  });

  it('pathological inputs', () => {
    for (const s of [
      '',
      ' ',
      '\n'.repeat(10000),
      '（'.repeat(50000),
      '）'.repeat(50000),
      '1.'.repeat(20000),
      '一、'.repeat(20000),
      '牵头'.repeat(20000),
      '。'.repeat(50000),
      'a'.repeat(300000),
      '<'.repeat(50000),
      '<ol>'.repeat(5000),
    ]) {
      check(s, false);
      check(s, true);
    }
    // Non-strings from JavaScript callers do not crash either.
    expect(() => analyzePlanText(undefined as unknown as string)).not.toThrow();
  });
});
