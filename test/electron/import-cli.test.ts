// `plandesk import`: JSON and summary output, --save through the services interface, bad
// input → exit code 2 with one Chinese line and nothing stored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { importCommand } from '../../electron/cli/commands/import';
import { loadCommand } from '../../electron/cli/commands';
import type { CliContext } from '../../electron/cli/types';
import { AppError } from '../../shared/errors';
import { PlanDocumentSchema } from '../../shared/plan/schema';
import type { Services } from '../../shared/contract';

const SAMPLE = resolve(__dirname, '../../../shared/samples/tengzhou-2020-yaodian.txt');

function ctx() {
  const out: string[] = [];
  const err: string[] = [];
  const created: unknown[] = [];
  const services = {
    'plans.create': async (args: unknown) => {
      created.push(args);
      return { id: 'plan-123' };
    },
  } as unknown as Services;
  const c: CliContext = {
    services: async () => services,
    database: async () => assert.fail('not a databaseOnly command'),
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    cwd: '/',
  };
  return { c, out, err, created };
}

/** Runs like electron/cli/main.ts does: AppError of a bad-input kind → exit 2, one line on stderr. */
async function run(args: string[]) {
  const t = ctx();
  let code: number;
  try {
    code = await importCommand.run(args, t.c);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    t.err.push((e as AppError).message);
    code = ['invalid-args', 'bad-file', 'unsupported-file', 'invalid-plan'].includes((e as AppError).code) ? 2 : 1;
  }
  return { ...t, code };
}

describe('plandesk import', () => {
  it('is registered', async () => {
    expect(await loadCommand('import')).toBe(importCommand);
  });
  it('--json prints the exchange format with warnings', async () => {
    const r = await run([SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const doc = PlanDocumentSchema.parse(JSON.parse(r.out.join('\n')));
    expect(doc.meta.title).toBe('2020年全市安全生产工作要点');
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(r.created).toEqual([]);
  });
  it('--summary prints a short Chinese summary', async () => {
    const r = await run([SAMPLE, '--summary']);
    const text = r.out.join('\n');
    expect(text).toContain('识别结果：6 个标题，19 项任务');
    expect(text).toContain('第13项责任单位括号不完整');
  });
  it('--save stores through plans.create and prints the id', async () => {
    const r = await run([SAMPLE, '--save']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['plan-123']);
    expect(r.created).toHaveLength(1);
    expect(r.created[0]).toMatchObject({ title: '2020年全市安全生产工作要点', year: 2020, doc: { format: 'plandesk/plan' } });
  });
  it.each([[['missing-file.txt', '--save']], [['--save']]])('bad input %j → exit 2, one line, nothing stored', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).not.toContain('\n');
    expect(r.created).toEqual([]);
  });
  it('an unreadable file → exit 2, nothing stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-import-'));
    const file = join(dir, 'old.doc');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
    const r = await run([file, '--save']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain('不是 Word/WPS 文字文档');
    expect(r.created).toEqual([]);
  });
  it('--summary says where the title, year and 主送 came from', async () => {
    const text = (await run([SAMPLE, '--summary'])).out.join('\n');
    expect(text).toMatch(/年度：2020（来自/);
    expect(text).toContain('主送机关：');
  });
  it('a file with no year anywhere is not saved without --year; with it, it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-import-'));
    const file = join(dir, '要点.txt');
    writeFileSync(file, '某乡安全生产工作要点\n一、重点工作\n（一）压实责任。各单位落实主体责任。\n');
    const refused = await run([file, '--save']);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toContain('--year');
    expect(refused.created).toEqual([]);
    expect((await run([file, '--summary'])).out.join('\n')).toContain('年度：未识别');
    const bad = await run([file, '--save', '--year', '26']);
    expect(bad.code).toBe(2);
    expect(bad.created).toEqual([]);
    const ok = await run([file, '--save', '--year', '2025']);
    expect(ok.code).toBe(0);
    expect(ok.created[0]).toMatchObject({ title: '某乡安全生产工作要点', year: 2025, doc: { meta: { year: 2025 } } });
  });
});
