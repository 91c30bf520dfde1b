// Issue 16, the readers: zip bombs (a wrapped entry count, parts that inflate past the caps,
// ZIP64 records), nesting that hangs or overflows a parser, memory for large documents, and
// text that was refused or junk that was accepted. Each generated input here was read wrongly
// before the hardening (see the issue for the figures).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/import/read-file';
import { decodeText } from '../../electron/import/encoding';
import { readReturnedDocx } from '../../electron/review/read-returned-docx';
import { AppError } from '../../shared/errors';
import { analyzePlanHtml, HTML_TOO_DEEP } from '../../shared/import/analyze';
import { outline, rejects } from '../helpers/import-outcome';
import { deepDocx, deflated, docxParts, PLAN_PARAGRAPHS, spacesBomb, stored, wrappedCountBomb, writeZip } from '../helpers/zip-bombs';
import { RSS_CASES } from '../helpers/import-rss';

const ROOT = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'plandesk-hardening-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Reads a generated case in a child process: time, peak memory growth, refusal message. */
function inChild(name: string): { ms: number; growthMB: number; refused: string | null } {
  const file = join(tmp, name.includes('.') ? name : `${name}.docx`);
  writeFileSync(file, RSS_CASES[name]!());
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'test/helpers/import-rss.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function timed<T>(f: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const t = Date.now();
  try {
    return { value: await f(), ms: Date.now() - t };
  } catch (error) {
    return { error, ms: Date.now() - t };
  }
}

describe('zip bombs (defect 1)', () => {
  it('65,539 entries (the end record says 3) with a styles.xml of 520 MB: refused at once, memory bounded', () => {
    // Before: the guard read 3 entries, mammoth inflated styles.xml — 13 s and 1.25 GB, then "已损坏".
    const r = inChild('wrap');
    expect(r.refused).toMatch(/部件数量异常.*压缩炸弹/);
    expect(r.growthMB).toBeLessThan(150);
  });

  it('the returned review reader walks the central directory too', async () => {
    const e = await readReturnedDocx('意见.docx', wrappedCountBomb(2)).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/部件数量异常/);
  });

  it('.odt and .ofd go through the same walk', async () => {
    for (const name of ['bomb.odt', 'bomb.ofd']) expect((await rejects(name, wrappedCountBomb(2))).message).toMatch(/部件数量异常/);
  });

  it('a styles.xml that declares 1,000 bytes and inflates to 400 MB is stopped while inflating', async () => {
    const bytes = writeZip([...docxParts(PLAN_PARAGRAPHS), spacesBomb('word/styles.xml', 400, 1000)]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const r = await timed(() => readImportFile('bomb.docx', bytes));
    expect((r.error as AppError).message).toContain('压缩炸弹');
    expect(r.ms).toBeLessThan(5000);
  });

  it('an honest part over the cap is refused before inflating', async () => {
    // Hex digits compress about 2:1, well within the ratio check.
    let x = 1;
    const hex = Array.from({ length: 6 * 1024 * 1024 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 28).toString(16)).join('');
    const bytes = writeZip([...docxParts(PLAN_PARAGRAPHS), deflated('word/styles.xml', `<w:styles>${hex}</w:styles>`)]);
    const e = await rejects('big-styles.docx', bytes);
    expect(e.message).toMatch(/word\/styles\.xml.*超过 4 MB/);
  });

  it('ZIP64 end records (locator + record) and ZIP64 sizes are read: a valid document imports', async () => {
    // Before: any ZIP64 record was refused as a bomb.
    const bytes = writeZip(docxParts(PLAN_PARAGRAPHS), { zip64: true, zip64Sizes: new Set(['word/document.xml']) });
    const { doc } = await readImportFile('zip64.docx', bytes);
    expect(outline(doc.body)).toEqual(['heading1.1 重点工作', 'task3.1 落实安全生产责任制', 'task3.2 开展隐患排查治理']);
  });

  it('a ZIP64 size of 8 GB in the extra field is refused', async () => {
    const entries = docxParts(PLAN_PARAGRAPHS);
    entries[2] = { ...entries[2]!, size: 8 * 1024 ** 3 };
    const e = await rejects('zip64-bomb.docx', writeZip(entries, { zip64: true, zip64Sizes: new Set(['word/document.xml']) }));
    expect(e.message).toContain('压缩炸弹');
  });

  it('two parts of one name are refused (readers would disagree on which one counts)', async () => {
    const entries = docxParts(PLAN_PARAGRAPHS);
    const e = await rejects('dup.docx', writeZip([...entries, deflated('word/document.xml', '<w:document/>')]));
    expect(e.code).toBe('bad-file');
  });
});

describe('depth and time (defect 2)', () => {
  it('an HTML file of 1,000,000 unclosed <b> (3 MB) is refused within seconds', { timeout: 20_000 }, async () => {
    // Before: never finished (htmlparser2's work grows with the square of the depth).
    const bytes = new TextEncoder().encode('<html><body>' + '<b>'.repeat(1_000_000) + '一、重点工作</body></html>');
    const r = await timed(() => readImportFile('deep.html', bytes));
    expect((r.error as AppError).message).toMatch(/文件结构过深或过于复杂/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('pasted HTML that deep is read up to the depth cap, with a warning (the editor paste never throws)', () => {
    const t = Date.now();
    const r = analyzePlanHtml('<p>一、重点工作</p>' + '<b>'.repeat(1_000_000) + '1.任务。');
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.doc.warnings.map((w) => w.code)).toContain(HTML_TOO_DEEP);
  });

  it('a .docx nesting 80,000 content controls is refused with the reason, not "damaged"', async () => {
    // Before: mammoth overflowed its stack after 2 s and 340 MB, reported as "已损坏".
    const r = await timed(() => readImportFile('deep.docx', writeZip(deepDocx(80_000))));
    expect((r.error as AppError).message).toMatch(/文件结构过深或过于复杂（元素嵌套超过 256 层）/);
    expect(r.ms).toBeLessThan(5000);
  });

  it('RTF: a negative \\bin no longer sends the reader back forever; 20 million "{" are refused at once', async () => {
    // Before: the first never ended (3.2 GB after 20 s), the second took 1.7 GB.
    const bin = await timed(() =>
      readImportFile('bin.rtf', new TextEncoder().encode('{\\rtf1\\ansi 一、重点工作\\par 1.落实责任。\\par ' + 'x'.repeat(100) + '\\bin-100 abc}')),
    );
    expect(bin.ms).toBeLessThan(5000);
    const deep = await timed(() => readImportFile('deep.rtf', new TextEncoder().encode('{\\rtf1 ' + '{'.repeat(20_000_000) + '}')));
    expect((deep.error as AppError).message).toMatch(/文件结构过深或过于复杂（元素嵌套超过 1000 层）/);
    expect(deep.ms).toBeLessThan(5000);
  });

  it('every reader runs in a worker with a time limit: past it the worker is stopped and the user told; the next import works', async () => {
    const bytes = writeZip(docxParts(PLAN_PARAGRAPHS));
    const e = await readImportFile('slow.docx', bytes, { timeLimitMs: 1 }).then(
      () => null,
      (err: unknown) => err,
    );
    expect((e as AppError).message).toMatch(/读取“slow.docx”超时.*文件结构过深或过于复杂/);
    const { doc } = await readImportFile('next.docx', bytes);
    expect(outline(doc.body)).toHaveLength(3);
  });

  it('ordinary nesting (50 content controls) still imports', async () => {
    const { doc } = await readImportFile('nested.docx', writeZip(deepDocx(50)));
    expect(outline(doc.body)).toEqual(['heading1.1 重点工作', 'task3.1 落实责任']);
  });
});

describe('memory (defect 7)', () => {
  it('a .docx whose document.xml is 10 MB is refused before mammoth builds anything', () => {
    // Before: accepted, with about 400 MB more memory and 5 s (10 MB of XML).
    const r = inChild('large-refused');
    expect(r.refused).toMatch(/document\.xml.*超过 4 MB/);
    expect(r.growthMB).toBeLessThan(100);
  });
  it('a .docx of 12,000 paragraphs (3 MB of XML) is read within the memory bound', () => {
    const r = inChild('large-accepted');
    expect(r.refused).toBeNull();
    expect(r.growthMB).toBeLessThan(300);
  });
  it('a plan file whose body is a million nulls is refused before the schema sees it', () => {
    // Before: 1.2 GB and 2.2 s, then a message about the 20 first of a million problems.
    const r = inChild('nulls.plan.json');
    expect(r.refused).toMatch(/内容数量异常/);
    expect(r.growthMB).toBeLessThan(150);
  });
  it('a plan file nested 1,000 deep is refused with the reason (no stack overflow)', async () => {
    let node: Record<string, unknown> = { type: 'heading', level: 1, title: '末级', children: [] };
    for (let i = 0; i < 1000; i++) node = { type: 'heading', level: 1, title: `第${i}层`, children: [node] };
    const json = JSON.stringify({ format: 'plandesk/plan', version: 2, meta: { title: '2024年工作要点' }, body: [node] });
    const e = await rejects('deep.plan.json', new TextEncoder().encode(json));
    expect(e.message).toMatch(/结构嵌套过深/);
  });
  it('a 45 MB .docx that is mostly pictures is read without inflating them', () => {
    const r = inChild('media');
    expect(r.refused).toBeNull();
    expect(r.growthMB).toBeLessThan(150);
  });
});

describe('valid input refused, junk accepted (defect 9)', () => {
  const TEXT = '2020年全市安全生产工作要点\n一、重点工作\n（一）完善落实安全生产责任制。严格考核。\n（二）加强安全生产考核。\n';
  it('UTF-16 LE and BE without a BOM, mostly Chinese', async () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array(le)).encoding).toBe('utf-16le');
    expect(decodeText(new Uint8Array(be)).encoding).toBe('utf-16be');
    for (const bytes of [le, be]) {
      const { doc } = await readImportFile('u16.txt', new Uint8Array(bytes));
      expect(doc.meta.title).toBe('2020年全市安全生产工作要点');
    }
    // No zero byte at all (no line break, no digit): the byte order that reads as Chinese wins.
    const noZero = Buffer.from('全市安全生产工作要点，重点工作：完善落实安全生产责任制。', 'utf16le');
    expect(noZero.includes(0)).toBe(false);
    expect(decodeText(new Uint8Array(noZero))).toEqual({ text: '全市安全生产工作要点，重点工作：完善落实安全生产责任制。', encoding: 'utf-16le' });
  });
  it('binary data with zero bytes is still refused', async () => {
    const junk = new Uint8Array(4096);
    let x = 3;
    for (let i = 0; i < junk.length; i++) junk[i] = i % 3 ? 0 : (x = (x * 1103515245 + 12345) & 0xff);
    const e = await rejects('junk.txt', junk);
    expect(e.message).toMatch(/不是文本文件|无法识别/);
  });
  it.each([
    ['a.txt', 'a'],
    ['a.txt', '。'],
    ['a.txt', '，。！？……——'],
    ['a.txt', '---\n***\n...'],
    ['a.html', '<p>。</p><p>、</p>'],
  ])('%s of %j is refused: 没有可识别的内容', async (name, text) => {
    const e = await rejects(name, new TextEncoder().encode(text));
    expect(e.message).toContain('没有可识别的内容');
  });
  it('invalid UTF-8 inside document.xml is warned about with the part and paragraph', async () => {
    const entries = docxParts(PLAN_PARAGRAPHS);
    const xml = new TextDecoder().decode(
      new Uint8Array(
        execFileSync(process.execPath, [
          '-e',
          'process.stdout.write(require("zlib").inflateRawSync(Buffer.from(process.argv[1], "base64")))',
          Buffer.from(entries[2]!.data).toString('base64'),
        ]),
      ),
    );
    const at = xml.indexOf('开展');
    const bytes = new TextEncoder().encode(xml);
    const cut = new TextEncoder().encode(xml.slice(0, at)).length;
    const broken = new Uint8Array([...bytes.subarray(0, cut), 0xff, 0xfe, ...bytes.subarray(cut)]);
    entries[2] = stored('word/document.xml', broken);
    const { doc } = await readImportFile('bad-utf8.docx', writeZip(entries));
    const w = doc.warnings.find((x) => x.code === 'invalid-utf8');
    expect(w?.message).toMatch(/word\/document\.xml.*第4段/);
  });
});
