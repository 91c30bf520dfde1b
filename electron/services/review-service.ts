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
import { matchReviewItems, type ReviewItem, type ReviewReply } from '../../shared/review';
import { exportedAuthor, importedPerson, proposeSender, splitAuthor } from '../../shared/review/sender';
import { unitsChangeTexts, unitsParentheticalChange } from '../../shared/review/units-change';
import { walkBody } from '../../shared/plan/walk';
import type { PlanDocument } from '../../shared/plan/schema';
import { exportReviewDocx } from '../review/export-review-docx';
import { opinionFilterSuffix, planOpinionsDocx } from '../review/opinions-docx';
import { analyseReturnedFile } from '../review/analyse-returned';
import { readReturnedDocx } from '../review/read-returned-docx';
import type { LibraryServices } from './library';
import { addComment, insertThread, planThreads } from './review-threads';

type ReviewOps = 'review.analyse' | 'review.import' | 'export.review' | 'export.opinions';

function taskName(doc: PlanDocument, path: string | undefined): string | null {
  if (!path) return null;
  // The outline item the path is in (a paragraph belongs to the item above it).
  const items = flattenOutline(doc.body);
  let best: (typeof items)[number] | undefined;
  for (const it of items) if (path === it.path || path.startsWith(`${it.path}/`)) best = it;
  return best ? `${best.label}${best.title}` : '全文';
}

/** An author as compared across files: the person of “王五（县住建局）”, else the unit, else as written. */
function authorKey(author: string): string {
  const { name, unit } = splitAuthor(author);
  return name || unit || author.trim();
}

function opinionKey(kind: string, author: string, text: string): string {
  return `${kind}\u0000${authorKey(author)}\u0000${text.replace(/\s+/g, '')}`;
}

function replyKey(threadKey: string, key: string): string {
  return `${threadKey}\u0001${key}`;
}

/** Suggestions already decided (gone from the plan, kept in the 汇总表) by their content. */
function decidedKey(content: string): string {
  return `decided\u0000${content.replace(/\s+/g, '')}`;
}

/**
 * The opinions the library already has, as a returned file writes them: our comments and
 * replies (author as exported), pending suggestions, and decided suggestions by content.
 * `threads` finds the thread a known comment opens or answers in, for new replies to join it.
 */
interface Known {
  keys: Set<string>;
  threads: Map<string, string>;
}

function knownOpinions(db: Database, planId: string, doc: PlanDocument, threads: ReturnType<typeof planThreads>): Known {
  const keys = new Set<string>();
  const byKey = new Map<string, string>();
  for (const t of threads) {
    const first = t.comments[0];
    const threadKey = first ? opinionKey('comment', exportedAuthor(first.author, first.unit), first.body) : '';
    for (const c of t.comments) {
      const key = opinionKey('comment', exportedAuthor(c.author, c.unit), c.body);
      keys.add(key);
      // A reply is known within its thread (“同意” in one thread is new in another).
      keys.add(replyKey(threadKey, key));
      if (!byKey.has(key)) byKey.set(key, t.id);
    }
  }
  for (const at of locateAnnotations(doc.body).values()) {
    if (at.kind === 'insertion' || at.kind === 'deletion') keys.add(opinionKey(at.kind, exportedAuthor(at.author, at.unit), at.text));
  }
  // A units change is written as deleted and inserted names inside the parenthetical.
  walkBody(doc.body, (n) => {
    if (n.type !== 'task' || n.suggestion?.type !== 'units') return;
    const texts = unitsChangeTexts(n, n.suggestion);
    const who = n.suggestion;
    for (const p of texts ? unitsParentheticalChange(texts.before, texts.after) : []) {
      if (p.kind !== 'same') keys.add(opinionKey(p.kind === 'deleted' ? 'deletion' : 'insertion', exportedAuthor(who.author, who.unit), p.text));
    }
  });
  const decided = db.prepare<[string], { content: string }>("SELECT content FROM review_opinions WHERE plan_id = ? AND kind = 'suggestion'").all(planId);
  for (const d of decided) keys.add(decidedKey(d.content));
  return { keys, threads: byKey };
}

/** New replies a returned file adds to a thread the library has (by its first comment's key). */
interface NewReplies {
  threadKey: string;
  threadId?: string;
  replies: ReviewReply[];
}

/**
 * A returned file's opinions split into what is new and how many are ours: the comments and
 * suggestions exported for opinion come back in every returned file and are already here.
 * A known comment's new replies (written in Word under one of our threads) join that thread.
 * `known` grows by the new ones, so that two files with the same opinion bring it in once.
 */
function newOpinions(items: readonly ReviewItem[], known: Known): { fresh: ReviewItem[]; replies: NewReplies[]; ours: number } {
  const fresh: ReviewItem[] = [];
  const replies: NewReplies[] = [];
  let ours = 0;
  const isKnown = (it: Pick<ReviewItem, 'kind' | 'author' | 'text'>) =>
    known.keys.has(opinionKey(it.kind, it.author, it.text)) || (it.kind !== 'comment' && known.keys.has(decidedKey(suggestionContent(it.kind, it.text))));
  for (const it of items) {
    if (!isKnown(it)) {
      fresh.push(it);
      continue;
    }
    ours++;
    if (it.kind !== 'comment') continue;
    const threadKey = opinionKey('comment', it.author, it.text);
    const added: ReviewReply[] = [];
    for (const r of it.replies ?? []) {
      if (known.keys.has(replyKey(threadKey, opinionKey('comment', r.author, r.text)))) ours++;
      else added.push(r);
    }
    if (added.length) replies.push({ threadKey, ...(known.threads.has(threadKey) ? { threadId: known.threads.get(threadKey)! } : {}), replies: added });
  }
  for (const it of fresh) known.keys.add(opinionKey(it.kind, it.author, it.text));
  for (const it of fresh)
    if (it.kind === 'comment') {
      const threadKey = opinionKey('comment', it.author, it.text);
      for (const r of it.replies ?? []) known.keys.add(replyKey(threadKey, opinionKey('comment', r.author, r.text)));
    }
  for (const n of replies) for (const r of n.replies) known.keys.add(replyKey(n.threadKey, opinionKey('comment', r.author, r.text)));
  return { fresh, replies, ours };
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

    'export.opinions': async ({ planId, unit, round }) => {
      const plan = await getPlan(planId);
      const rows = await library['review.opinions.list']({ planId });
      const filter = { ...(unit ? { unit } : {}), ...(round ? { round } : {}) };
      const bytes = await planOpinionsDocx(plan.doc, rows, filter);
      return { fileName: proposeExportFileName(`${plan.doc.meta.title}征求意见汇总表${opinionFilterSuffix(filter)}`), bytes };
    },

    'review.analyse': async ({ planId, files }) => {
      const plan = await getPlan(planId);
      const known = knownOpinions(db, planId, plan.doc, planThreads(db, planId));
      const where = locateAnnotations(plan.doc.body);
      const unitNames = (await library['units.list']({ limit: 1000 })).map((u) => u.name);
      const out: ReturnedFileAnalysis[] = [];
      for (const f of files) {
        const { returned: r, samePlan } = await analyseReturnedFile(plan.doc, f.fileName, f.bytes);
        const { fresh, replies, ours } = newOpinions(r.items, known);
        const matches = matchReviewItems(plan.doc, fresh);
        const authors = [...new Set([...fresh.map((it) => it.author), ...replies.flatMap((n) => n.replies.map((x) => x.author))].filter(Boolean))];
        out.push({
          fileName: f.fileName,
          authors,
          unit: proposeSender(f.fileName, authors, unitNames),
          known: ours,
          samePlan,
          notes: r.notes,
          items: [
            ...matches.map((m) => ({
              kind: m.item.kind,
              author: m.item.author,
              text: m.item.text,
              task: m.target ? taskName(plan.doc, m.target.path) : null,
              ...(m.item.unplaced ? { unplaced: true } : {}),
            })),
            // Replies to a thread of ours: where that thread is (a reply to a thread new in an
            // earlier file of the same batch: the task is that thread's, not known yet).
            ...replies.flatMap((n) =>
              n.replies.map((x) => ({
                kind: 'reply' as const,
                author: x.author,
                text: x.text,
                task: (n.threadId ? where.get(n.threadId)?.task : undefined) ?? null,
              })),
            ),
          ],
        });
      }
      return out;
    },

    // All files or nothing: the plan and its new threads are written in one transaction; a batch
    // with nothing new stores nothing (no save point, no revision).
    'review.import': async ({ planId, baseRevision, files }) => {
      const plan = await getPlan(planId);
      if (plan.revision !== baseRevision) {
        throw new AppError('conflict', '这份计划在别处被修改过。请重新打开后再导入反馈文件。');
      }
      const read = [];
      for (const f of files) read.push({ ...f, returned: await readReturnedDocx(f.fileName, f.bytes) });
      let doc = plan.doc;
      const totals = { comments: 0, replies: 0, insertions: 0, deletions: 0, detached: 0 };
      const now = new Date().toISOString();
      // One file, one round: everything brought in belongs to the round the plan is in now —
      // threads, suggestions placed or not (the date a file records is the reviewer's clock).
      const round = plan.status;
      const threads: Array<ReturnType<typeof applyReviewMatches>['threads'][number]> = [];
      const detached: Array<ReturnType<typeof applyReviewMatches>['detached'][number]> = [];
      const replies: Array<{ threadId: string; unit: string; reply: ReviewReply }> = [];
      // Our own comments and suggestions, exported for opinion, come back in the returned file:
      // they are already here, so only what is new is brought in.
      const known = knownOpinions(db, planId, doc, planThreads(db, planId));
      let freshCount = 0;
      for (const f of read) {
        // A format that records no author (.doc/.wps): the file's 提出单位 stands for it.
        const items = f.returned.items.map((it) => (it.author ? it : { ...it, author: f.unit }));
        const fresh = newOpinions(items, known);
        freshCount += fresh.fresh.length;
        const applied = applyReviewMatches(doc, matchReviewItems(doc, fresh.fresh), { unit: f.unit, newId: randomUUID, now });
        doc = applied.doc;
        threads.push(...applied.threads);
        // A later file's replies may answer a thread this batch brings in.
        for (const t of applied.threads) {
          const first = t.comments[0];
          if (first) known.threads.set(opinionKey('comment', first.author, first.body), t.id);
        }
        for (const n of fresh.replies) {
          const threadId = n.threadId ?? known.threads.get(n.threadKey);
          if (threadId) for (const reply of n.replies) replies.push({ threadId, unit: f.unit, reply });
        }
        detached.push(...applied.detached);
        for (const k of Object.keys(applied.counts) as Array<keyof typeof applied.counts>) totals[k] += applied.counts[k];
      }
      totals.replies = replies.length;
      if (!freshCount && !replies.length) {
        return { revision: plan.revision, ...totals, nothingNew: true };
      }
      const before = locateAnnotations(plan.doc.body);
      const added = [...locateAnnotations(doc.body)].filter(([id, at]) => at.kind && !before.has(id));
      const revision = writeTransaction(db, () => {
        const keep = db.prepare(
          `INSERT INTO review_opinions (plan_id, source_id, kind, round, unit, task, content, decision, reason, created_at, updated_at, node_id)
           VALUES (?, ?, 'suggestion', ?, ?, ?, ?, NULL, '', ?, ?, ?) ON CONFLICT (plan_id, source_id) DO NOTHING`,
        );
        for (const [id, at] of added) {
          keep.run(planId, id, round, at.unit || at.author || '', at.task, suggestionContent(at.kind!, at.text), now, now, at.nodeId ?? null);
        }
        // Suggestions whose words are no longer in the plan: kept for the 汇总表, same round.
        for (const d of detached) keep.run(planId, d.id, round, d.unit, '（原文已改动，未能定位）', d.content, now, now, null);
        const units = [...new Set(files.map((f) => f.unit))];
        const saved = library['plans.save']({ id: planId, baseRevision, doc, savePoint: `导入反馈：${units.join('、')}` }) as {
          revision: number;
        };
        for (const t of threads) {
          insertThread(db, {
            id: t.id,
            planId,
            quote: t.quote,
            status: t.resolved ? 'resolved' : 'open',
            round,
            source: 'docx',
            createdAt: t.comments[0]?.time ?? now,
            comments: t.comments.map((c) => ({ author: c.author, unit: c.unit, body: c.body, createdAt: c.time ?? now })),
          });
        }
        for (const { threadId, unit, reply } of replies)
          addComment(db, threadId, { ...importedPerson(reply.author, unit), body: reply.text, createdAt: reply.date ?? now });
        return saved.revision;
      })();
      return { revision, ...totals };
    },
  };
}
