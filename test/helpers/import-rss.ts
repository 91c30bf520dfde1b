// Run by the hardening tests in a child process: builds one generated input, reads it with
// readImportFile and prints {ms, growthMB, refused} as JSON. growthMB is the peak resident
// memory of the whole process (getrusage maxRSS) minus the resident memory just before the
// read, so the libraries loaded at start-up do not count.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readImportFile } from '../../electron/import/read-file';
import { docxParts, stored, wrappedCountBomb, writeZip } from './zip-bombs';

/** A .docx whose document.xml has `n` task paragraphs (about 260 bytes each), deflated. */
function largeDocx(n: number): Uint8Array {
  const para = (t: string) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋"/></w:rPr><w:t>${t}</w:t></w:r></w:p>`;
  const body = [para('2024年全市安全生产工作要点'), para('一、重点工作')];
  for (let i = 1; i <= n; i++)
    body.push(para(`${(i % 99) + 1}.加强安全生产第${i}项工作。落实企业主体责任，开展隐患排查治理，确保覆盖率达到100%。（市应急局牵头）`));
  return writeZip(docxParts([], body.join('')));
}

/** A .docx of 45 MB: a short plan and 45 MB of pictures (stored, never inflated by the reader). */
function mediaHeavyDocx(): Uint8Array {
  const media = new Uint8Array(45 * 1024 * 1024);
  let x = 1;
  for (let i = 0; i < media.length; i += 4) media[i] = x = (x * 1103515245 + 12345) & 0xff;
  return writeZip([...docxParts(['2024年工作要点', '一、重点工作', '1.落实责任。严格考核。']), stored('word/media/image1.png', media)]);
}

export const RSS_CASES: Record<string, () => Uint8Array> = {
  wrap: () => wrappedCountBomb(520),
  'large-accepted': () => largeDocx(12_000),
  'large-refused': () => largeDocx(40_000),
  media: mediaHeavyDocx,
  /** A plan file whose body is a million nulls (5 MB). */
  'nulls.plan.json': () =>
    new TextEncoder().encode(JSON.stringify({ format: 'plandesk/plan', version: 2, meta: { title: '2024年工作要点' }, body: new Array(1_000_000).fill(null) })),
};

/** In the child: `node --import tsx import-rss.ts <file>` reads the file and reports. */
async function main(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t = Date.now();
  let refused: string | null = null;
  try {
    await readImportFile(basename(file), bytes);
  } catch (err) {
    refused = `${(err as Error).name}: ${(err as Error).message}`;
  }
  const ms = Date.now() - t;
  const growthMB = Math.round((process.resourceUsage().maxRSS * 1024 - before) / 1024 / 1024);
  process.stdout.write(JSON.stringify({ ms, growthMB, refused, fileMB: +(bytes.length / 1024 / 1024).toFixed(1) }) + '\n');
}

if (process.argv[1]?.endsWith('import-rss.ts') && process.argv[2]) await main(process.argv[2]);
