// `plandesk review-import <plan id | plan.json> <returned.docx>... [--json] [--unit …]`: reads
// the Word / WPS files reviewers sent back, lists their comments and tracked changes matched
// to the plan's tasks (or detached), and warns about files that are not this plan.
// The reading and matching is the review.analyse operation's (review/analyse-returned.ts);
// a plan in the library gets them stored through review.import.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { formatLabel, renumber } from '../../../shared/plan/numbering';
import { nodeAtPath } from '../../../shared/plan/paths';
import { importedPerson, proposeSender } from '../../../shared/review/sender';
import type { SamePlanResult } from '../../../shared/review/types';
import { analyseReturnedFile } from '../../review/analyse-returned';
import { parseCommandArgs } from '../args';
import { isPlanFile, loadPlan } from '../plan-source';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../types';

const usage = `用法：plandesk review-import <编号 | 文件.plan.json> <反馈文件.docx|.odt|.doc|.wps>... [--unit <单位>] [--json]
读取成员单位返回的 Word/WPS 文件或 OpenDocument 文本（.odt）中的批注和修订，逐条对应到计划的任务（找不到原文的列为“未定位”）。
  --unit <单位>          所有文件的提出单位（默认取批注或修订的作者）
  --unit <文件>=<单位>   指定某个文件的提出单位，可多次使用
  --json                 以 JSON 输出
  --dry-run              只列出，不存入资料库（计划在资料库中时，默认存入）
文件与计划不是同一份（标题不同、正文大多对不上）时给出警告，退出码为 2。`;

const KIND = { comment: '批注', reply: '回复', insertion: '插入', deletion: '删除' } as const;
const FIELD = { title: '标题', text: '正文' } as const;

export interface ReviewImportItem {
  kind: 'comment' | 'reply' | 'insertion' | 'deletion';
  /** A comment's or reply's id in the file (Word w:id, .odt annotation name). */
  id?: string;
  /** A reply: the id of the comment it answers, and of the comment that opens its thread. */
  parentId?: string;
  threadId?: string;
  author: string;
  unit: string;
  text: string;
  task: { label: string; title: string } | null;
  field: 'title' | 'text' | null;
  from: number | null;
  to: number | null;
}

export interface ReviewImportFile {
  file: string;
  authors: string[];
  samePlan: SamePlanResult;
  /** What the format could not give (a .doc/.wps: no comment places, authors or revisions). */
  notes: string[];
  items: ReviewImportItem[];
}

/** --unit values: one for all files, or file=unit for one file (by path or base name). */
function unitFor(file: string, units: readonly string[]): string | undefined {
  let all: string | undefined;
  for (const u of units) {
    const k = u.lastIndexOf('=');
    if (k < 0) all = u.trim();
    else {
      const f = u.slice(0, k).trim();
      if (f === file || basename(f) === basename(file)) return u.slice(k + 1).trim();
    }
  }
  return all;
}

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export const reviewImportCommand: CliCommand = {
  name: 'review-import',
  usage,
  async run(args, ctx) {
    const { positionals, values } = parseCommandArgs(
      args,
      { json: { type: 'boolean' }, unit: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
      usage,
    );
    const [source, ...files] = positionals;
    if (!source) throw new AppError('invalid-args', `缺少计划编号或计划文件。\n${usage}`);
    if (!files.length) throw new AppError('invalid-args', `缺少反馈文件（.docx 或 .odt）。\n${usage}`);
    const doc = await loadPlan(source, ctx);
    const numbered = renumber(doc.body, doc.numbering);
    const results: ReviewImportFile[] = [];
    const toStore: Array<{ fileName: string; bytes: Uint8Array<ArrayBuffer>; unit: string }> = [];
    for (const file of files) {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await readFile(resolve(ctx.cwd, file)));
      } catch {
        throw new AppError('bad-file', `无法读取文件 ${file}。`);
      }
      const { returned, samePlan, matches } = await analyseReturnedFile(doc, file, bytes);
      const unit = unitFor(file, values.unit ?? []);
      // The unit of an author “王五（县住建局）” is its own; else --unit; else the author.
      const unitOf = (author: string) => importedPerson(author, unit ?? '').unit || author || '未署名';
      const items = matches.flatMap(({ item, target }): ReviewImportItem[] => {
        const n = target ? nodeAtPath(numbered, target.path) : null;
        const task = n ? (n.type === 'paragraph' ? { label: '', title: clip(n.text, 20) } : { label: formatLabel(n.level, n.ordinal), title: n.title }) : null;
        const where = { task, field: target?.field ?? null, from: target?.from ?? null, to: target?.to ?? null };
        // Replies follow the comment that opens their thread, on the same words.
        const replies = (item.replies ?? []).map((r): ReviewImportItem => ({
          kind: 'reply',
          ...(r.sourceId ? { id: r.sourceId } : {}),
          ...(r.parentId ? { parentId: r.parentId } : {}),
          ...(item.sourceId ? { threadId: item.sourceId } : {}),
          author: r.author,
          unit: unitOf(r.author),
          text: r.text,
          ...where,
        }));
        return [
          { kind: item.kind, ...(item.sourceId ? { id: item.sourceId } : {}), author: item.author, unit: unitOf(item.author), text: item.text, ...where },
          ...replies,
        ];
      });
      results.push({ file, authors: returned.authors, samePlan, notes: returned.notes, items });
      toStore.push({ fileName: basename(file), bytes, unit: unit || proposeSender(basename(file), returned.authors) || returned.authors[0] || '未署名' });
    }
    // Exit 2 when a file does not look like this plan (a script should not store it blindly).
    const exit = results.some((r) => !r.samePlan.same) ? EXIT_BAD_INPUT : EXIT_OK;
    // A plan in the library gets the opinions stored (comments and suggestions, attributed to
    // the units), unless --dry-run or a file is not this plan.
    const inLibrary = !isPlanFile(source, ctx.cwd);
    let stored: { comments: number; replies: number; insertions: number; deletions: number; detached: number; nothingNew?: true } | null = null;
    if (inLibrary && exit === EXIT_OK && !values['dry-run']) {
      const plan = await (await ctx.services())['plans.get']({ id: source });
      stored = await (await ctx.services())['review.import']({ planId: source, baseRevision: plan.revision, files: toStore });
    }
    if (values.json) {
      ctx.out(JSON.stringify({ files: results, ...(stored ? { stored } : {}) }, null, 2));
      return exit;
    }
    for (const r of results) {
      ctx.out(`${r.file}：${r.items.length} 条意见${r.authors.length ? `（${r.authors.join('、')}）` : ''}`);
      if (!r.samePlan.same) ctx.err(`警告：${r.file}：${r.samePlan.message}`);
      for (const n of r.notes) ctx.err(`提示：${n}`);
      r.items.forEach((it, i) => {
        const where =
          it.kind === 'reply'
            ? `回复批注 ${it.parentId ?? ''}`.trim()
            : it.task
              ? `${it.task.label}${clip(it.task.title, 24)}（${FIELD[it.field!]} ${it.from}–${it.to}）`
              : r.notes.length
                ? '未对应任务（文件格式中没有位置）'
                : '未定位（原文已不存在）';
        ctx.out(
          `  ${i + 1}. [${KIND[it.kind]}] ${it.unit}${it.author && it.unit !== it.author ? `（${it.author}）` : ''} → ${where}：${clip(it.text.replace(/\s+/g, ' '), 60)}`,
        );
      });
    }
    if (stored?.nothingNew) ctx.out('没有新的意见：文件中的批注和修订都已在资料库中，资料库未改动。');
    else if (stored)
      ctx.out(
        `已存入资料库：${stored.comments} 条批注、${stored.replies ? `${stored.replies} 条回复、` : ''}${stored.insertions} 处增加、${stored.deletions} 处删除${stored.detached ? `（${stored.detached} 条未能定位，保留在意见汇总表中）` : ''}。`,
      );
    return exit;
  },
};
