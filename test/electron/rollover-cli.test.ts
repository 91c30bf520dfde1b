// `plandesk rollover`, run in-process against a real library in a temp folder.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { cli, useCliHome } from '../helpers/cli';
import { PlanDocumentSchema } from '../../shared/plan/schema';

const TENGZHOU = join(import.meta.dirname, '..', 'fixtures', 'plans', 'tengzhou-2020.plan.json');

const getHome = useCliHome();

describe('plandesk rollover', () => {
  it('is listed in the help', async () => {
    expect((await cli('--help')).out).toMatch(/rollover\s+以往年要点为基础生成新年度草稿/);
  });

  it('prints a Chinese summary by default', async () => {
    const r = await cli('rollover', TENGZHOU, '--year', '2021');
    expect(r.code).toBe(0);
    expect(r.out).toContain('新草稿：2021年全市安全生产工作要点（2021年）');
    expect(r.out).toContain('沿用 19 项任务');
    expect(r.out).toMatch(/一次性活动 3/);
    expect(r.out).toContain('5月份全国防汛抗旱演练');
    expect(r.out).toContain('（位置：body/2/children/3/children/1）');
  });

  it('--json prints the exchange format with flags and basedOn', async () => {
    const r = await cli('rollover', TENGZHOU, '--year', '2021', '--json');
    expect(r.code).toBe(0);
    const doc = PlanDocumentSchema.parse(JSON.parse(r.out));
    expect(doc.meta.title).toBe('2021年全市安全生产工作要点');
    expect(doc.basedOn).toEqual({ title: '2020年全市安全生产工作要点', year: 2020 });
    expect(doc.flags!.some((f) => f.kind === 'historical-year' && f.text.startsWith('2019年'))).toBe(true);
    expect(doc.meta.docNumber).toBeUndefined();
  });

  it('--save stores the draft; rolling a library id records it in basedOn', async () => {
    const first = await cli('rollover', TENGZHOU, '--year', '2021', '--save');
    expect(first.code).toBe(0);
    const id = first.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = JSON.parse((await cli('show', id, '--json')).out);
    expect(shown.meta.year).toBe(2021);
    expect(shown.flags.length).toBeGreaterThan(0);
    const second = await cli('rollover', id, '--year', '2022', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).basedOn).toEqual({ id, title: '2021年全市安全生产工作要点', year: 2021 });
    const list = JSON.parse((await cli('list', '--json')).out);
    expect(list).toEqual([expect.objectContaining({ id, title: '2021年全市安全生产工作要点', year: 2021 })]);
  });

  it('warns on stderr for a far-ahead year and still rolls', async () => {
    const r = await cli('rollover', TENGZHOU, '--year', '2030', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain('晚 10 年');
    expect(JSON.parse(r.out).meta.year).toBe(2030);
  });

  it('bad input: exit 2 with one Chinese line', async () => {
    const bad = join(getHome(), 'bad.plan.json');
    writeFileSync(bad, '{oops');
    const cases: string[][] = [
      ['rollover', TENGZHOU],
      ['rollover', TENGZHOU, '--year', '明年'],
      ['rollover', TENGZHOU, '--year', '1800'],
      ['rollover', '--year', '2021'],
      ['rollover', TENGZHOU, '--year', '2021', '--json', '--save'],
      ['rollover', TENGZHOU, '--year', '2021', '--frob'],
      ['rollover', join(getHome(), 'missing.plan.json'), '--year', '2021'],
      ['rollover', bad, '--year', '2021'],
      ['rollover', 'no-such-id', '--year', '2021'],
    ];
    for (const argv of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/\p{Script=Han}/u);
    }
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);
  });
});
