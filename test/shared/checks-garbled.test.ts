// Issue 18: leftover pinyin and mojibake are 校对 findings; the punctuation fix leaves brackets
// around Latin text it does not understand. False positives are measured on the samples and
// the corpus (zero expected: they are clean text).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan, fullWidthPunctuation, runChecks } from '../../shared/checks/index';
import { analyzePlanText } from '../../shared/import/analyze';
import { fullWidthPunctuation as importPunctuation } from '../../shared/import/punctuation';
import { findMojibake } from '../../shared/text/mojibake';
import { applyFix, plan, task, withCode } from './checks-helpers';
import { SAMPLES_DIR } from './import-samples.helpers';

/** UTF-8 bytes of a text read back as another encoding: how mojibake is made. */
const misread = (s: string, as: string) => new TextDecoder(as).decode(new TextEncoder().encode(s));

describe('leftover pinyin', () => {
  it.each([
    ['安全（ān quán）生产', '（ān quán）'],
    ['依法(jù)实施', '(jù)'],
    ['安ān全quán生产', 'ān'],
  ])('finds it in “%s” and the fix deletes it', (text, shown) => {
    const inp = plan([task('加强安全监管。', text)]);
    const [c, ...more] = withCode(runChecks(inp), 'pinyin-leftover');
    expect(more).toEqual([]);
    expect(c!.message).toContain(`“${shown}”`);
    expect(c!.message).toContain('拼音注音');
    const fixed = applyFix(inp, c!.fix!);
    expect(withCode(runChecks(fixed), 'pinyin-leftover')).toEqual([]);
    expect((fixed.blocks[2] as { text: string }).text).toMatch(/^(安全生产|依法实施)$/);
  });

  it.each(['细颗粒物(PM2.5)浓度下降', '(a)项', '（GDP）增长', '更新app版本', 'café'])('leaves “%s” alone', (text) => {
    expect(withCode(runChecks(plan([task('加强安全监管。', text)])), 'pinyin-leftover')).toEqual([]);
  });
});

describe('mojibake', () => {
  it.each([
    ['UTF-8 read as GBK', `加强${misread('因为重点工作', 'gbk')}落实`],
    ['UTF-8 read as Windows-1252', `加强${misread('安全生产', 'windows-1252')}落实`],
    ['a replacement character', '加强安全�产'],
    ['锟斤拷', '锟斤拷锟斤拷工作'],
    ['a lost byte between Latin and hanzi', '认真?yàn)橹攸c落实'],
  ])('finds %s', (_, text) => {
    const cs = withCode(runChecks(plan([task('加强安全监管。', text)])), 'garbled-text');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.message).toMatch(/疑似乱码“.+”.*请对照原件改正/);
  });

  it('names the words the GBK round trip gives back', () => {
    expect(findMojibake(misread('因为重点工作', 'gbk'))?.recovered).toBe('因为重点工作');
  });

  it.each(['滕州市鲍沟镇、姜屯镇、羊庄镇', '生產安全關於發佈實施', '喆堃珺昇燊', 'https://www.example.gov.cn/a?id=3&b=c'])('leaves “%s” alone', (text) => {
    expect(findMojibake(text)).toBeNull();
  });
});

describe('改为全角标点 and Latin text in brackets', () => {
  it('leaves the brackets of pinyin and lowercase words half-width', () => {
    expect(fullWidthPunctuation('依法(jù)实施').text).toBe('依法(jù)实施');
    expect(fullWidthPunctuation('安全(ān quán)生产,加强').text).toBe('安全(ān quán)生产，加强');
    expect(importPunctuation('依法(jù)实施').text).toBe('依法(jù)实施');
  });

  it('sets an abbreviation’s brackets and Chinese ones full width', () => {
    expect(fullWidthPunctuation('细颗粒物(PM2.5)浓度').text).toBe('细颗粒物（PM2.5）浓度');
    expect(fullWidthPunctuation('各镇(街道)落实').text).toBe('各镇（街道）落实');
  });

  it('a task with “(jù)” gets the pinyin finding, and no punctuation fix that touches it', () => {
    const inp = plan([task('加强安全监管。', '依法(jù)实施')]);
    expect(withCode(runChecks(inp), 'halfwidth-punct')).toEqual([]);
    expect(withCode(runChecks(inp), 'pinyin-leftover')).toHaveLength(1);
  });
});

describe('no false positives on clean plans', () => {
  const corpus = join(SAMPLES_DIR, '../corpus/pages');
  const files = [SAMPLES_DIR, corpus].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(d, f)),
  );
  it('reads the three samples and the 21 corpus pages', () => expect(files).toHaveLength(24));
  it.each(files)('%s', (file) => {
    const { doc } = analyzePlanText(readFileSync(file, 'utf8'), { sourceName: file });
    expect(checkPlan(doc).filter((c) => c.code === 'pinyin-leftover' || c.code === 'garbled-text')).toEqual([]);
  });
});
