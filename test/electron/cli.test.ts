// The `plandesk` command, run in-process against a real library in a temp folder.
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cli, useCliHome } from '../helpers/cli';
import { emptyPlan } from '../../shared/plan/schema';
import { withoutIds } from '../helpers/ids';

const getHome = useCliHome();

describe('plandesk CLI', () => {
  it('prints help in Chinese', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：plandesk <命令>');
    expect(r.out).toMatch(/list\s+列出资料库中的计划/);
  });

  it('saves a valid plan.json, lists it and shows it as the exchange format', async () => {
    // A version-1 file (no node ids): it still opens, and is stored as version 2.
    const doc = { ...emptyPlan('2026年全县安全生产工作要点', 2026), version: 1 as const };
    doc.body.push({ type: 'heading', level: 1, ordinal: 1, title: '总体要求', children: [] });
    const file = join(getHome(), 'a.plan.json');
    writeFileSync(file, JSON.stringify(doc));
    const saved = await cli('save', file);
    expect(saved.code).toBe(0);
    const id = saved.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const list = await cli('list', '--json');
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ id, title: '2026年全县安全生产工作要点', year: 2026 })]);
    const shown = await cli('show', id, '--json');
    // Shown as saved, in format version 2: every node got an id.
    const shownDoc = JSON.parse(shown.out);
    expect(shownDoc.version).toBe(2);
    expect(shownDoc.body[0].id).toMatch(/^[0-9A-Za-z]{10}$/);
    expect(withoutIds(shownDoc, 1)).toEqual(doc);
    expect((await cli('show', id)).out).toContain('一、总体要求');
  });

  it('rejects an invalid plan with the field path, storing nothing', async () => {
    const doc = emptyPlan('x', 2026) as unknown as { meta: { year: unknown }; body: unknown[] };
    doc.meta.year = '二〇二六';
    doc.body.push({ type: 'task', level: 1, ordinal: 1, title: 't' });
    const file = join(getHome(), 'bad.plan.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli('save', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('meta.year');
    expect(r.err).toContain('应为数字');
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);
  });

  it('says clearly when the file is not JSON or missing, or the command is unknown', async () => {
    const file = join(getHome(), 'x.plan.json');
    writeFileSync(file, '{oops');
    expect(await cli('save', file)).toMatchObject({ code: 2, err: expect.stringContaining('不是有效的 JSON') });
    expect(await cli('save', join(getHome(), 'missing.json'))).toMatchObject({ code: 2, err: expect.stringContaining('无法读取文件') });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('未知命令') });
    expect(await cli('show', 'no-such-id')).toMatchObject({ code: 2, err: expect.stringContaining('找不到') });
  });
});

describe('plandesk import / export against the real library', () => {
  const samples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'samples');

  it('imports a sample with --save, then exports it by id', async () => {
    const saved = await cli('import', join(samples, 'tengzhou-2020-yaodian.txt'), '--save');
    expect(saved.code).toBe(0);
    const id = saved.out.trim().split('\n').pop()!.trim();
    const list = JSON.parse((await cli('list', '--json')).out) as Array<{ id: string; title: string; taskCount: number }>;
    expect(list).toEqual([expect.objectContaining({ id, title: '2020年全市安全生产工作要点', taskCount: 19 })]);
    const out = join(getHome(), '要点.docx');
    const exported = await cli('export', id, '--out', out, '--form', 'notice');
    expect(exported.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const missing = await cli('export', id, '--out', join(getHome(), 'x.docx'), '--form', 'notice', '--attachment');
    expect(missing.code).toBe(0);
  });

  it('refuses a .doc with exit code 2 and stores nothing', async () => {
    const file = join(getHome(), 'old.doc');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const r = await cli('import', file, '--save');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('.docx');
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual([]);
  });
});

describe('plandesk review-import / opinions against the real library', () => {
  const samples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'shared', 'samples');
  it('stores the opinions of a returned file and writes the opinions table', async () => {
    const { wordFile, p, r, cStart, cEnd, comment, loadPlan } = await import('./review-helpers');
    const { flattenOutline } = await import('../../shared/plan/outline');
    const { taskRunningText } = await import('../../shared/plan/running-text');
    const saved = await cli('import', join(samples, 'tengzhou-2020-yaodian.txt'), '--save');
    const id = saved.out.trim().split('\n').pop()!.trim();
    const plan = loadPlan('tengzhou-2020');
    const lines = [plan.meta.title, ...flattenOutline(plan.body).map((i) => (i.node.type === 'task' ? taskRunningText(i.node) : `${i.label}${i.title}`))];
    const k = lines.findIndex((l) => l.startsWith('4.加强安全生产考核'));
    const body = lines
      .map((l, i) => (i === k ? p(r('4.'), cStart(0), r('加强安全生产考核'), cEnd(0), r(l.slice('4.加强安全生产考核'.length))) : p(r(l))))
      .join('');
    const file = join(getHome(), '组织部意见.docx');
    writeFileSync(file, await wordFile({ body, comments: comment(0, '王五', '建议明确考核比重', '0A0B0C0D') }));
    const res = await cli('review-import', id, file, '--unit', '市委组织部');
    expect(res.code).toBe(0);
    expect(res.out).toContain('已存入资料库：1 条批注');
    const out = join(getHome(), '汇总表.docx');
    const table = await cli('opinions', id, '--out', out);
    expect(table.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    // Importing the same file again brings nothing new.
    const again = await cli('review-import', id, file, '--unit', '市委组织部');
    expect(again.out).toContain('没有新的意见');
  });
});
