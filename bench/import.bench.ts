// Import speed: a ~25,000-character saved page (text and HTML) through the analyser, and a
// ~30-page .docx through readImportFile (zip checks + mammoth + analysis). Goals from issue 3.
// The same 30 pages numbered by Word lists (issue 13) add the numbering pass and a re-zip.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { analyzePlanHtml, analyzePlanText } from '../shared/import/analyze';
import { readImportFile } from '../electron/import/read-file';
import { median, timeRuns } from './util';
import { continuousLevels, numberedLines, wordListDocx } from '../test/helpers/word-list-docx';

const here = dirname(fileURLToPath(import.meta.url));
const SAMPLES = join(here, '../../shared/samples');

/** A realistic page: the 滕州 sample (metadata, notice, site junk) with its tasks repeated. */
function bigPage(targetChars: number): string {
  const base = readFileSync(join(SAMPLES, 'tengzhou-2020-yaodian.txt'), 'utf8');
  const footerAt = base.indexOf('相关文章');
  const head = base.slice(0, footerAt);
  const footer = base.slice(footerAt);
  const tasks = head.split('\n').filter((l) => /^\d+\./.test(l)).map((l) => l.replace(/^\d+\./, ''));
  const sections: string[] = [];
  let n = 19;
  let size = head.length + footer.length;
  let s = 5;
  while (size < targetChars) {
    const lines = [`(${['五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'][s - 5] ?? '十五'})加强第${s}方面工作`];
    for (const t of tasks.slice(0, 6)) lines.push(`${++n}.${t}`);
    const block = lines.join('\n\n') + '\n\n';
    sections.push(block);
    size += block.length;
    s++;
  }
  return head + sections.join('') + footer;
}

function asHtml(text: string): string {
  const body = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p style="text-indent:2em">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>x</title><script>var a=1;</script></head><body><div class="nav"><a>首页</a> | <a>政务公开</a></div><div id="zoom">${body}</div><div class="footer">版权所有</div></body></html>`;
}

/** ~30 pages of GB/T 9704 text (22 lines × 28 characters ≈ 600 characters a page). */
async function bigDocx(pages: number): Promise<Uint8Array> {
  const text = bigPage(pages * 600);
  const paragraphs = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => new Paragraph(l));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

/** The same ~30 pages with the outline numbered by a Word multilevel list instead of typed labels. */
async function bigWordNumberedDocx(pages: number): Promise<Uint8Array> {
  const lines = bigPage(pages * 600).split('\n');
  return wordListDocx(lines, { mode: 'list', continuous: continuousLevels(numberedLines(lines)) });
}

export default async function run(): Promise<Record<string, unknown>> {
  const page = bigPage(25_000);
  const html = asHtml(page);
  const textTimes = await timeRuns(() => analyzePlanText(page), 30, 5);
  const htmlTimes = await timeRuns(() => analyzePlanHtml(html), 30, 5);
  const docx = await bigDocx(30);
  const docxTimes = await timeRuns(() => readImportFile('bench.docx', docx), 15, 3);
  const check = analyzePlanText(page);
  const docxCheck = await readImportFile('bench.docx', docx);
  const listDocx = await bigWordNumberedDocx(30);
  const listTimes = await timeRuns(() => readImportFile('bench-list.docx', listDocx), 15, 3);
  const listCheck = await readImportFile('bench-list.docx', listDocx);
  return {
    page: {
      chars: page.length,
      tasks: check.stats.tasks,
      warnings: check.doc.warnings.length,
      textMedianMs: +median(textTimes).toFixed(2),
      textSpreadMs: [+Math.min(...textTimes).toFixed(2), +Math.max(...textTimes).toFixed(2)],
      htmlChars: html.length,
      htmlMedianMs: +median(htmlTimes).toFixed(2),
      htmlSpreadMs: [+Math.min(...htmlTimes).toFixed(2), +Math.max(...htmlTimes).toFixed(2)],
      goalMs: 50,
      meetsGoal: median(textTimes) < 50 && median(htmlTimes) < 50,
    },
    docx: {
      bytes: docx.length,
      chars: docxCheck.stats.chars,
      approxPages: Math.round(docxCheck.stats.chars / 600),
      tasks: docxCheck.stats.tasks,
      medianMs: +median(docxTimes).toFixed(2),
      minMs: +Math.min(...docxTimes).toFixed(2),
      maxMs: +Math.max(...docxTimes).toFixed(2),
      goalMs: 300,
      meetsGoal: median(docxTimes) < 300,
    },
    docxWordNumbered: {
      bytes: listDocx.length,
      chars: listCheck.stats.chars,
      tasks: listCheck.stats.tasks,
      sameTasksAsTyped: listCheck.stats.tasks === docxCheck.stats.tasks,
      medianMs: +median(listTimes).toFixed(2),
      minMs: +Math.min(...listTimes).toFixed(2),
      maxMs: +Math.max(...listTimes).toFixed(2),
      goalMs: 300,
      meetsGoal: median(listTimes) < 300,
    },
  };
}
