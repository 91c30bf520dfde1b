import { taskUnits, paragraphUnits } from '../../../../shared/compare/units';
import { bodyToBlocks } from '../../../../shared/plan/flat';
import { assignBodyIds, isNodeId } from '../../../../shared/plan/ids';
import { formatLabel, walkOutline } from '../../../../shared/plan/numbering';
import type { BodyNode, PlanDocument } from '../../../../shared/plan/schema';
import type { Migration } from './types';

/**
 * Node ids (issue 14). Every stored plan and version gets ids on its headings, tasks and
 * paragraphs, and whatever pointed at a node by its text or position is re-keyed to the id:
 * - link_decisions: upper_key / draft_key were title keys (shared/compare CompareUnit.textKey);
 *   each is resolved in its document the way the release resolved it when it showed the
 *   decision (the same key, else the most similar one, Dice ≥ 0.6) and becomes that node's id.
 *   A key that names no task is left as it was: it matches no id, so the decision is ignored.
 * - review_opinions: a new node_id column — the node whose text carries the thread's or
 *   suggestion's mark, else (a decided suggestion) the node its 涉及任务 snapshot names
 *   (label + title as the release wrote it), else NULL.
 * - dismissedChecks (code:blockIndex:hash) → code:nodeId:hash; rollover flags and importer
 *   warnings get the nodeId of the node at their path.
 * - versions: a node whose type and text equal a node of the plan's current document gets that
 *   node's id, so a version compared with (or restored over) the plan pairs by id.
 * Runs in one transaction (the runner's); documents are edited as JSON (no schema defaults
 * filled in), only ids, version 2 and the re-keyed references change.
 */
export const migration004: Migration = {
  version: 4,
  name: 'node ids',
  up(db) {
    db.exec('ALTER TABLE review_opinions ADD COLUMN node_id TEXT');
    const plans = db.prepare<[], { id: string; doc: string }>('SELECT id, doc FROM plans').all();
    const docs = new Map<string, PlanDocument>();
    const updatePlan = db.prepare('UPDATE plans SET doc = ? WHERE id = ?');
    for (const p of plans) {
      const doc = migrateDoc(JSON.parse(p.doc) as PlanDocument);
      docs.set(p.id, doc);
      updatePlan.run(JSON.stringify(doc), p.id);
    }

    const versions = db.prepare<[], { id: number; plan_id: string; doc: string }>('SELECT id, plan_id, doc FROM versions').all();
    const updateVersion = db.prepare('UPDATE versions SET doc = ? WHERE id = ?');
    for (const v of versions) {
      const doc = JSON.parse(v.doc) as PlanDocument;
      const current = docs.get(v.plan_id);
      if (current) reuseIds(doc.body ?? [], current.body);
      updateVersion.run(JSON.stringify(migrateDoc(doc)), v.id);
    }

    const decisions = db
      .prepare<[], { draft_id: string; upper_id: string; upper_key: string; draft_key: string; decision: string; author: string; decided_at: string }>(
        'SELECT * FROM link_decisions ORDER BY decided_at',
      )
      .all();
    db.prepare('DELETE FROM link_decisions').run();
    const insertDecision = db.prepare(
      `INSERT INTO link_decisions (draft_id, upper_id, upper_key, draft_key, decision, author, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (draft_id, upper_id, upper_key, draft_key) DO UPDATE SET decision = excluded.decision, author = excluded.author, decided_at = excluded.decided_at`,
    );
    for (const d of decisions) {
      const upper = docs.get(d.upper_id);
      const draft = docs.get(d.draft_id);
      const uk = upper ? keyToId(upper, d.upper_key) : null;
      const dk = draft ? keyToId(draft, d.draft_key) : null;
      insertDecision.run(d.draft_id, d.upper_id, uk ?? d.upper_key, dk ?? d.draft_key, d.decision, d.author, d.decided_at);
    }

    const opinions = db.prepare<[], { plan_id: string; source_id: string; task: string }>('SELECT plan_id, source_id, task FROM review_opinions').all();
    const setOpinionNode = db.prepare('UPDATE review_opinions SET node_id = ? WHERE plan_id = ? AND source_id = ?');
    for (const o of opinions) {
      const doc = docs.get(o.plan_id);
      if (!doc) continue;
      const id = nodeWithMark(doc.body, o.source_id) ?? nodeNamed(doc.body, o.task);
      if (id) setOpinionNode.run(id, o.plan_id, o.source_id);
    }
  },
};

function migrateDoc(doc: PlanDocument): PlanDocument {
  const body = (doc.body ?? []) as BodyNode[];
  assignBodyIds(body);
  doc.body = body;
  doc.version = 2;
  const blocks = bodyToBlocks(body);
  if (Array.isArray(doc.dismissedChecks)) {
    doc.dismissedChecks = doc.dismissedChecks.map((id) => {
      const m = /^([^:]+):(\d+):([^:]*)$/.exec(id);
      const nodeId = m ? blocks[Number(m[2])]?.id : undefined;
      return m && nodeId ? `${m[1]}:${nodeId}:${m[3]}` : id;
    });
  }
  const byPath = new Map<string, string>();
  const visit = (nodes: readonly BodyNode[], base: string) =>
    nodes.forEach((n, i) => {
      if (n.id) byPath.set(`${base}/${i}`, n.id);
      if (n.type !== 'paragraph') visit(n.children, `${base}/${i}/children`);
    });
  visit(body, 'body');
  if (Array.isArray(doc.flags)) {
    doc.flags = doc.flags.map((f) => (byPath.has(f.path) && !f.nodeId ? { ...f, nodeId: byPath.get(f.path)! } : f));
  }
  // Importer warnings: the node now at their path, as the release showed them.
  if (Array.isArray(doc.warnings)) {
    doc.warnings = doc.warnings.map((w) => (w.path && byPath.has(w.path) && !w.nodeId ? { ...w, nodeId: byPath.get(w.path)! } : w));
  }
  return doc;
}

function contentKey(n: BodyNode): string {
  return n.type === 'paragraph' ? `p\u0000${n.text}` : `${n.type}\u0000${n.title}\u0000${n.text ?? ''}`;
}

/** Gives the nodes of an old version the ids of equal nodes of the current document. */
function reuseIds(body: BodyNode[], current: readonly BodyNode[]): void {
  const pool = new Map<string, string[]>();
  const collect = (nodes: readonly BodyNode[]) =>
    nodes.forEach((n) => {
      if (n.id) pool.set(contentKey(n), [...(pool.get(contentKey(n)) ?? []), n.id]);
      if (n.type !== 'paragraph') collect(n.children);
    });
  collect(current);
  const give = (nodes: BodyNode[]) =>
    nodes.forEach((n) => {
      if (!isNodeId(n.id)) {
        const ids = pool.get(contentKey(n));
        if (ids?.length) n.id = ids.shift()!;
      }
      if (n.type !== 'paragraph') give(n.children);
    });
  give(body);
}

/** Dice coefficient of character bigrams (as the release's resolveKey used). */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const x = grams(a);
  const y = grams(b);
  let both = 0;
  let nx = 0;
  let ny = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  for (const [g, v] of x) both += Math.min(v, y.get(g) ?? 0);
  return nx + ny ? (2 * both) / (nx + ny) : 0;
}

/** The node id an old title key (CompareUnit.textKey) meant in `doc`, or null. */
function keyToId(doc: PlanDocument, key: string): string | null {
  if (isNodeId(key) && !/[^\x00-\x7f]/.test(key) && indexHas(doc.body, key)) return key;
  for (const units of [taskUnits(doc), paragraphUnits(doc)]) {
    const exact = units.find((u) => u.textKey === key);
    if (exact?.nodeId) return exact.nodeId;
  }
  const base = key.replace(/#\d+$/, '');
  let best: string | null = null;
  let bestScore = 0;
  for (const units of [taskUnits(doc), paragraphUnits(doc)]) {
    for (const u of units) {
      const s = dice(base, u.textKey.replace(/#\d+$/, ''));
      if (s > bestScore && u.nodeId) ((bestScore = s), (best = u.nodeId));
    }
    if (best && bestScore >= 0.6) return best;
  }
  return null;
}

function indexHas(body: readonly BodyNode[], id: string): boolean {
  let hit = false;
  const visit = (nodes: readonly BodyNode[]) =>
    nodes.forEach((n) => {
      if (n.id === id) hit = true;
      if (n.type !== 'paragraph') visit(n.children);
    });
  visit(body);
  return hit;
}

/** The node whose text carries a mark (comment thread or suggestion) or node suggestion with this id. */
function nodeWithMark(body: readonly BodyNode[], markId: string): string | null {
  let hit: string | null = null;
  const visit = (nodes: readonly BodyNode[]) =>
    nodes.forEach((n) => {
      if (!hit && ((n.marks ?? []).some((m) => m.id === markId) || (n.type !== 'paragraph' && n.suggestion?.id === markId))) hit = n.id ?? null;
      if (n.type !== 'paragraph') visit(n.children);
    });
  visit(body);
  return hit;
}

/** The task or heading a 涉及任务 snapshot names (label + title, as the release wrote it). */
function nodeNamed(body: readonly BodyNode[], task: string): string | null {
  if (!task) return null;
  let hit: string | null = null;
  walkOutline(body, (n) => {
    if (!hit && `${formatLabel(n.level, n.ordinal)}${n.title}` === task) hit = n.id ?? null;
  });
  return hit;
}
