// Review round with Word/WPS: the draft exported for opinion (comments and tracked changes
// included), returned files analysed and brought in as comments and suggestions attributed to
// the sending unit, and the 征求意见汇总表 as DOCX.
import { writeTransaction } from './db/transaction';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ReturnedFileAnalysis, ServiceImpl } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { proposeExportFileName } from '../../shared/export/file-name';
import { flattenOutline } from '../../shared/plan/outline';
import { applyReviewMatches } from '../../shared/review/apply-returned';
import { locateAnnotations, suggestionContent } from '../../shared/review/opinion-rows';
import { matchReviewItems, type ReviewItem } from '../../shared/review';
import { exportedAuthor, proposeSender } from '../../shared/review/sender';
import { unitsChangeTexts, unitsParentheticalChange } from '../../shared/review/units-change';
import { walkBody } from '../../shared/plan/walk';
import type { PlanDocument } from '../../shared/plan/schema';
import { exportReviewDocx } from '../review/export-review-docx';
import { planOpinionsDocx } from '../review/opinions-docx';
import { analyseReturnedFile } from '../review/analyse-returned';
import { readReturnedDocx } from '../review/read-returned-docx';
import type { LibraryServices } from './library';
import { insertThread, planThreads } from './review-threads';

type ReviewOps = 'review.analyse' | 'review.import' | 'export.review' | 'export.opinions';

function taskName(doc: PlanDocument, path: string | undefined): string | null {
  if (!path) return null;
  // The outline item the path is in (a paragraph belongs to the item above it).
  const items = flattenOutline(doc.body);
  let best: (typeof items)[number] | undefined;
  for (const it of items) if (path === it.path || path.startsWith(`${it.path}/`)) best = it;
  return best ? `${best.label}${best.title}` : '全文';
}

function opinionKey(kind: string, author: string, text: string): string {
  return `${kind}\u0000${author.trim()}\u0000${text.replace(/\s+/g, '')}`;
}

/** Our own comments and suggestions as the draft for opinion writes them (author as exported). */
function knownOpinions(doc: PlanDocument, threads: ReturnType<typeof planThreads>): Set<string> {
  const out = new Set<string>();
  // As the draft for opinion writes the author (“王五（县住建局）”), and as it was stored (a file
  // imported before comes back with its own authors).
  const add = (kind: string, who: { author?: string | undefined; unit?: string | undefined }, text: string) => {
    out.add(opinionKey(kind, exportedAuthor(who.author, who.unit), text));
    out.add(opinionKey(kind, who.author ?? '', text));
  };
  for (const t of threads) for (const c of t.comments) add('comment', c, c.body);
  for (const at of locateAnnotations(doc.body).values()) {
    if (at.kind === 'insertion' || at.kind === 'deletion') add(at.kind, at, at.text);
  }
  // A units change is written as deleted and inserted names inside the parenthetical.
  walkBody(doc.body, (n) => {
    if (n.type !== 'task' || n.suggestion?.type !== 'units') return;
    const texts = unitsChangeTexts(n, n.suggestion);
    const who = n.suggestion;
    for (const p of texts ? unitsParentheticalChange(texts.before, texts.after) : []) {
      if (p.kind !== 'same') add(p.kind === 'deleted' ? 'deletion' : 'insertion', who, p.text);
    }
  });
  return out;
}

/**
 * A returned file's opinions split into what is new and how many are ours: the comments and
 * suggestions exported for opinion come back in every returned file and are already here.
 * `known` grows by the new ones, so that two files with the same opinion bring it in once.
 */
function newOpinions(items: readonly ReviewItem[], known: Set<string>): { fresh: ReviewItem[]; ours: number } {
  const fresh: ReviewItem[] = [];
  let ours = 0;
  for (const it of items) {
    const key = opinionKey(it.kind, it.author, it.text);
    if (known.has(key)) ours++;
    else fresh.push(it);
  }
  for (const it of fresh) known.add(opinionKey(it.kind, it.author, it.text));
  return { fresh, ours };
}

export function createReviewServices(db: Database, library: LibraryServices): Pick<ServiceImpl, ReviewOps> {
  const getPlan = async (id: string) => library['plans.get']({ id });
  return {
    'export.review': async ({ planId, lineNumbers }) => {
      const plan = await getPlan(planId);
      const threads = planThreads(db, planId).map((t) => ({
        id: t.id,
        quote: t.quote,
        status: t.status,
        comments: t.comments.map((c) => ({ id: String(c.id), author: c.author, unit: c.unit, body: c.body, time: c.createdAt })),
      }));
      const bytes = await exportReviewDocx(plan.doc, threads, { lineNumbers: !!lineNumbers });
      return { fileName: proposeExportFileName(`${plan.doc.meta.title}（征求意见稿）`), bytes };
    },

    'export.opinions': async ({ planId }) => {
      const plan = await getPlan(planId);
      const rows = await library['review.opinions.list']({ planId });
      const bytes = await planOpinionsDocx(plan.doc, rows);
      return { fileName: proposeExportFileName(`${plan.doc.meta.title}征求意见汇总表`), bytes };
    },

    'review.analyse': async ({ planId, files }) => {
      const plan = await getPlan(planId);
      const known = knownOpinions(plan.doc, planThreads(db, planId));
      const unitNames = (await library['units.list']({ limit: 1000 })).map((u) => u.name);
      const out: ReturnedFileAnalysis[] = [];
      for (const f of files) {
        const { returned: r, samePlan } = await analyseReturnedFile(plan.doc, f.fileName, f.bytes);
        const { fresh, ours } = newOpinions(r.items, known);
        const matches = matchReviewItems(plan.doc, fresh);
        const authors = [...new Set(fresh.map((it) => it.author).filter(Boolean))];
        out.push({
          fileName: f.fileName,
          authors,
          unit: proposeSender(f.fileName, authors, unitNames),
          known: ours,
          samePlan,
          notes: r.notes,
          items: matches.map((m) => ({
            kind: m.item.kind,
            author: m.item.author,
            text: m.item.text,
            task: m.target ? taskName(plan.doc, m.target.path) : null,
            ...(m.item.unplaced ? { unplaced: true } : {}),
          })),
        });
      }
      return out;
    },

    // All files or nothing: the plan and its new threads are written in one transaction.
    'review.import': async ({ planId, baseRevision, files }) => {
      const plan = await getPlan(planId);
      if (plan.revision !== baseRevision) {
        throw new AppError('conflict', '这份计划在别处被修改过。请重新打开后再导入反馈文件。');
      }
      const read = [];
      for (const f of files) read.push({ ...f, returned: await readReturnedDocx(f.fileName, f.bytes) });
      let doc = plan.doc;
      const totals = { comments: 0, insertions: 0, deletions: 0, detached: 0 };
      const now = new Date().toISOString();
      const threads: Array<{ unit: string; t: ReturnType<typeof applyReviewMatches>['threads'][number] }> = [];
      const detached: Array<ReturnType<typeof applyReviewMatches>['detached'][number]> = [];
      // Our own comments and suggestions, exported for opinion, come back in the returned file:
      // they are already here, so only what is new is brought in.
      const known = knownOpinions(doc, planThreads(db, planId));
      for (const f of read) {
        // A format that records no author (.doc/.wps): the file's 提出单位 stands for it.
        const items = f.returned.items.map((it) => (it.author ? it : { ...it, author: f.unit }));
        const { fresh } = newOpinions(items, known);
        const applied = applyReviewMatches(doc, matchReviewItems(doc, fresh), { unit: f.unit, newId: randomUUID, now });
        doc = applied.doc;
        for (const t of applied.threads) threads.push({ unit: f.unit, t });
        detached.push(...applied.detached);
        for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += applied.counts[k];
      }
      // The suggestions brought in belong to the round the plan is in now, like the threads
      // (the date a file records is the reviewer's clock, not the office's round).
      const before = locateAnnotations(plan.doc.body);
      const added = [...locateAnnotations(doc.body)].filter(([id, at]) => at.kind && !before.has(id));
      const revision = writeTransaction(db, () => {
        const keep = db.prepare(
          `INSERT INTO review_opinions (plan_id, source_id, kind, round, unit, task, content, decision, reason, created_at, updated_at, node_id)
           VALUES (?, ?, 'suggestion', ?, ?, ?, ?, NULL, '', ?, ?, ?) ON CONFLICT (plan_id, source_id) DO NOTHING`,
        );
        for (const [id, at] of added) {
          keep.run(planId, id, plan.status, at.unit || at.author || '', at.task, suggestionContent(at.kind!, at.text), now, now, at.nodeId ?? null);
        }
        const saved = library['plans.save']({ id: planId, baseRevision, doc, savePoint: `导入反馈：${files.map((f) => f.unit).join('、')}` }) as {
          revision: number;
        };
        for (const { t } of threads) {
          insertThread(db, {
            id: t.id,
            planId,
            quote: t.quote,
            status: t.resolved ? 'resolved' : 'open',
            round: plan.status,
            source: 'docx',
            createdAt: t.comments[0]?.time ?? now,
            comments: t.comments.map((c) => ({ author: c.author, unit: c.unit, body: c.body, createdAt: c.time ?? now })),
          });
        }
        for (const d of detached) {
          library['review.opinions.set']({
            planId,
            sourceId: d.id,
            decision: null,
            reason: '',
            snapshot: { kind: 'suggestion', unit: d.unit, task: '（原文已改动，未能定位）', content: d.content },
          });
        }
        return saved.revision;
      })();
      return { revision, ...totals };
    },
  };
}
