// `plandesk templates` and `plandesk new --template`, in-process against a temp library.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, useCliHome } from '../helpers/cli';

const getHome = useCliHome(['PLANDESK_TEMPLATES']);

describe('plandesk templates / new', () => {
  it('lists the bundled templates (text and --json)', async () => {
    const text = await cli('templates');
    expect(text.code).toBe(0);
    expect(text.out).toContain('内置模板：');
    expect(text.out).toContain('bundled:county-yaodian.plan.json  县（区）年度安全生产工作要点');
    const json = JSON.parse((await cli('templates', '--json')).out);
    expect(json.templates).toHaveLength(4);
    expect(json.broken).toEqual([]);
  });

  it('prints a filled-in plan without --save, stores it with --save', async () => {
    const printed = await cli('new', '--template', 'county-yaodian', '--year', '2027', '--issuer', '滕州市安全生产委员会');
    expect(printed.code).toBe(0);
    const doc = JSON.parse(printed.out);
    expect(doc.meta).toMatchObject({ title: '2027年全市安全生产工作要点', year: 2027, issuer: '滕州市安全生产委员会' });
    expect(printed.out).not.toContain('【');
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);

    const stored = await cli('new', '--template', '乡镇（街道）年度安全生产工作要点', '--year', '2026', '--issuer', '某某镇人民政府', '--save');
    expect(stored.code).toBe(0);
    const id = stored.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = JSON.parse((await cli('show', id, '--json')).out);
    expect(shown.meta.title).toBe('某某镇2026年安全生产工作要点');
  });

  it('says what is wrong: unknown or ambiguous template, bad year, no place', async () => {
    expect(await cli('new', '--template', 'nope', '--year', '2026', '--issuer', '某某县安委会')).toMatchObject({
      code: 2,
      err: expect.stringContaining('找不到模板'),
    });
    expect(await cli('new', '--template', '工作要点', '--year', '2026', '--issuer', '某某县安委会')).toMatchObject({
      code: 2,
      err: expect.stringContaining('对应多个模板'),
    });
    expect(await cli('new', '--template', 'county-yaodian', '--year', '26', '--issuer', '某某县安委会')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--year'),
    });
    expect(await cli('new', '--template', 'county-yaodian', '--year', '2026')).toMatchObject({ code: 2, err: expect.stringContaining('--issuer') });
    expect(await cli('new', '--template', 'county-yaodian', '--year', '2026', '--issuer', '安委会')).toMatchObject({
      code: 2,
      err: expect.stringContaining('推断地区'),
    });
    expect((await cli('new', '--template', 'county-yaodian', '--year', '2026', '--issuer', '安委会', '--place', '某某区')).out).toContain('区应急管理局');
  });

  it('lists a broken template file with its reason (PLANDESK_TEMPLATES)', async () => {
    const dir = join(getHome(), 'tpl');
    mkdirSync(dir);
    copyFileSync(join(__dirname, '..', '..', 'templates', 'township-yaodian.plan.json'), join(dir, 'township-yaodian.plan.json'));
    writeFileSync(join(dir, 'broken.plan.json'), JSON.stringify({ format: 'plandesk/plan', version: 3, meta: { title: 'x', year: 2026 } }));
    process.env.PLANDESK_TEMPLATES = dir;
    const r = await cli('templates');
    expect(r.code).toBe(0);
    expect(r.out).toContain('bundled:township-yaodian.plan.json');
    expect(r.out).toMatch(/broken\.plan\.json：模板内容不正确：version：不支持的计划文件版本/);
  });
});
