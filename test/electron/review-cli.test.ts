// `plandesk review-import` and `plandesk opinions`, in-process with a fake context.
import { assert, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { reviewImportCommand } from '../../electron/cli/commands/review-import';
import { opinionsCommand } from '../../electron/cli/commands/opinions';
import { commands } from '../../electron/cli/commands/index';
import type { CliContext } from '../../electron/cli/types';
import { exportReviewDocx } from '../../electron/review/export-review-docx';
import { tempLibrary } from '../helpers/temp-library';
import { aroundPhrase, cEnd, cStart, comment, editExported, loadPlan, p, r, reviewedPlan, wordComment, wordFile } from './review-helpers';

function ctx(cwd: string, services: Record<string, unknown> = {}) {
  const io = { out: '', err: '' };
  const c: CliContext = {
    cwd,
    services: async () => services as never,
    database: async () => assert.fail('not a databaseOnly command'),
    out: (s) => (io.out += s + '\n'),
    err: (s) => (io.err += s + '\n'),
  };
  return { c, io };
}

describe('review CLI', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-review-cli-'));
  const { doc, threads } = reviewedPlan();
  writeFileSync(join(dir, 'plan.plan.json'), JSON.stringify(doc));
  writeFileSync(join(dir, '应急局.docx'), await exportReviewDocx(doc, threads));
  const other = loadPlan('nanxun-2021');
  writeFileSync(
    join(dir, 'other.docx'),
    await wordFile({
      body: p(r(other.meta.title)) + p(cStart(1), r('完全不同的一段文字，与本计划无关。'), cEnd(1)),
      comments: comment(1, '某人', '无关意见', '1B000001'),
    }),
  );

  it('is registered', () => {
    expect(commands.map((x) => x.name)).toEqual(expect.arrayContaining(['review-import', 'opinions']));
  });

  it('lists the opinions of each file matched to tasks, as JSON, with units per file', async () => {
    const { c, io } = ctx(dir);
    const code = await reviewImportCommand.run(['plan.plan.json', '应急局.docx', 'other.docx', '--json', '--unit', '应急局.docx=市应急局'], c);
    const out = JSON.parse(io.out) as { files: Array<{ file: string; authors: string[]; samePlan: { same: boolean }; items: Array<Record<string, unknown>> }> };
    expect(code).toBe(2);
    expect(out.files).toHaveLength(2);
    const [a, b] = out.files;
    expect(a!.samePlan.same).toBe(true);
    // 4 threads (th-1 with 2 replies, listed after it with their parent's id) and 3 suggestions.
    expect(a!.items).toHaveLength(9);
    // An author that is a unit (安委办) is its own 提出单位, so is the unit of an author written
    // “张三（市住建局）” (as our own export writes a person with a unit); the others take --unit.
    const unitOf = (author: string) => (author === '安委办' ? '安委办' : (/（(.+)）$/.exec(author)?.[1] ?? '市应急局'));
    expect(a!.items.every((i) => i.unit === unitOf(String(i.author)) && i.task)).toBe(true);
    expect(a!.items.map((i) => i.unit)).toContain('市住建局');
    const opener = a!.items.find((i) => i.text === '建议改为“学习宣传贯彻”。')!;
    const replies = a!.items.filter((i) => i.kind === 'reply');
    expect(replies.map((i) => [i.author, i.text, i.parentId, i.threadId])).toEqual([
      ['安委办', '已采纳。', opener.id, opener.id],
      ['张三', '好的。\n第二段', opener.id, opener.id],
    ]);
    expect(replies[0]!.task).toEqual(opener.task);
    expect(a!.items).toContainEqual(
      expect.objectContaining({
        kind: 'comment',
        author: '王五',
        text: '考核办法<附件>另行制定 & 印发',
        task: { label: '4.', title: '加强安全生产考核' },
        field: 'title',
        from: 0,
        to: 8,
      }),
    );
    expect(b!.samePlan.same).toBe(false);
    expect(b!.items).toEqual([expect.objectContaining({ author: '某人', unit: '某人', task: null, field: null, from: null, to: null })]);
  });

  it('prints a Chinese listing and warns about another plan', async () => {
    const { c, io } = ctx(dir);
    await reviewImportCommand.run(['plan.plan.json', 'other.docx', '--unit', '县交通局'], c);
    expect(io.out).toContain('未定位（原文已不存在）');
    expect(io.out).toContain('县交通局（某人）');
    expect(io.err).toContain('警告：other.docx：该文件似乎不是');
  });

  it('opinions: says so when the library cannot list opinions yet', async () => {
    const { c, io } = ctx(dir, {});
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'o.docx'], c)).toBe(1);
    expect(io.err).toContain('暂时无法导出征求意见汇总表');
    expect(existsSync(join(dir, 'o.docx'))).toBe(false);
  });

  it('opinions: writes the table from review.opinions.list', async () => {
    const rows = [
      { unit: '市应急局', task: '4.加强安全生产考核', content: '考核方式请具体化', decision: '采纳', reason: '' },
      { unit: '市财政局', task: '', content: '经费另行安排', decision: '不采纳', reason: '不属于本要点内容' },
    ];
    let asked: unknown;
    const { c } = ctx(dir, { 'review.opinions.list': async (req: unknown) => ((asked = req), rows) });
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'opinions.docx'], c)).toBe(0);
    expect(asked).toEqual({ planId: 'plan.plan.json' });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'opinions.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const s of [
      '征求意见汇总表',
      '序号',
      '提出单位',
      '涉及任务',
      '意见内容',
      '处理情况',
      '理由',
      '考核方式请具体化',
      '不属于本要点内容',
      'w:orient="landscape"',
    ])
      expect(xml).toContain(s);
  });

  it('opinions: every row with its round; --round and --unit print only those rows, numbered from 1, and say so in the title', async () => {
    const rows = [
      { round: 'draft', unit: '市安委办', task: '1.完善责任制', content: '本办：表述再斟酌', decision: null, reason: '' },
      { round: 'consultation', unit: '县住建局', task: '2.开展检查', content: '建议增加：每季度一次', decision: '采纳', reason: '' },
      { round: 'consultation', unit: '县教育局', task: '', content: '把学校纳入', decision: null, reason: '' },
    ];
    const { c } = ctx(dir, { 'review.opinions.list': async () => rows });
    const cells = async (file: string) => {
      const xml = await (await JSZip.loadAsync(readFileSync(join(dir, file)))).file('word/document.xml')!.async('string');
      const at = xml.search(/<w:tbl[ >]/);
      const rowsXml = xml.slice(at).split('</w:tr>').slice(0, -1);
      const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      return { title: text(xml.slice(0, at)), rows: rowsXml.map((r) => r.split('</w:tc>').slice(0, -1).map(text)) };
    };
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'all.docx'], c)).toBe(0);
    const all = await cells('all.docx');
    expect(all.rows[0]!.slice(0, 3)).toEqual(['序号', '轮次', '提出单位']);
    expect(all.rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['1', '草稿', '市安委办'],
      ['2', '征求意见稿', '县住建局'],
      ['3', '征求意见稿', '县教育局'],
    ]);
    expect(await opinionsCommand.run(['plan.plan.json', '--out', 'one.docx', '--round', '征求意见稿', '--unit', '县教育局'], c)).toBe(0);
    const one = await cells('one.docx');
    expect(one.rows.slice(1).map((r) => r.slice(0, 5))).toEqual([['1', '征求意见稿', '县教育局', '', '把学校纳入']]);
    expect(one.title).toContain('征求意见汇总表（征求意见稿，县教育局）');
    await expect(opinionsCommand.run(['plan.plan.json', '--out', 'x.docx', '--round', '第三轮'], c)).rejects.toThrow('没有“第三轮”这一轮次');
  });

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});

describe('review-import into the library', () => {
  it('a file imported twice: the second time says 没有新的意见 and stores nothing', async () => {
    const lib = tempLibrary();
    const dir = mkdtempSync(join(tmpdir(), 'plandesk-review-cli-'));
    try {
      const s = lib.services;
      const { doc, threads } = reviewedPlan();
      const plan = await s['plans.create']({ title: doc.meta.title, year: doc.meta.year, doc });
      for (const t of threads) {
        const [first] = t.comments;
        await s['review.threads.create']({ planId: plan.id, threadId: t.id, quote: '', body: first!.body, author: first!.author, unit: first!.unit ?? '' });
      }
      const exported = new Uint8Array((await s['export.review']({ planId: plan.id })).bytes);
      const bytes = await editExported(exported, {
        document: (xml) =>
          aroundPhrase(
            xml,
            '推进小微企业',
            (run, ph) => `<w:commentRangeStart w:id="90"/>${run(ph)}<w:commentRangeEnd w:id="90"/><w:r><w:commentReference w:id="90"/></w:r>`,
          ),
        comments: wordComment(90, '王五（县住建局）', '建议明确检查频次', '5A000090'),
      });
      writeFileSync(join(dir, '县住建局反馈.docx'), bytes);
      const first = ctx(dir, s);
      expect(await reviewImportCommand.run([plan.id, '县住建局反馈.docx'], first.c)).toBe(0);
      expect(first.io.out).toContain('已存入资料库：1 条批注');
      const revision = (await s['plans.get']({ id: plan.id })).revision;
      const again = ctx(dir, s);
      expect(await reviewImportCommand.run([plan.id, '县住建局反馈.docx', '--json'], again.c)).toBe(0);
      expect(JSON.parse(again.io.out).stored).toMatchObject({ comments: 0, nothingNew: true });
      const text = ctx(dir, s);
      await reviewImportCommand.run([plan.id, '县住建局反馈.docx'], text.c);
      expect(text.io.out).toContain('没有新的意见');
      expect((await s['plans.get']({ id: plan.id })).revision).toBe(revision);
    } finally {
      lib.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
