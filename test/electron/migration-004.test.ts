// Migration 004 (node ids) on a library written by the release before it (b16908d; see
// test/fixtures/library-release/make-fixture.ts for how the file was made).
import { copyFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../electron/services/open-library';
import { LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations';
import { runChecks } from '../../shared/checks';
import { applyDecisions, compareUpperDraft } from '../../shared/compare';
import { bodyToBlocks } from '../../shared/plan/flat';
import { hasValidIds } from '../../shared/plan/ids';
import { walkOutline } from '../../shared/plan/numbering';
import type { BodyNode, PlanDocument } from '../../shared/plan/schema';
import { tempDir } from '../helpers/temp-library';

const FIXTURE = resolve(__dirname, '../fixtures/library-release/plandesk-b16908d.sqlite');

let lib: Library | null = null;
afterEach(() => lib?.close());

function openFixture(): { lib: Library; dir: string } {
  const dir = tempDir();
  copyFileSync(FIXTURE, join(dir, 'plandesk.db'));
  lib = openLibrary(dir, 'cli');
  return { lib, dir };
}

function idOf(doc: PlanDocument, title: string): string {
  let id: string | undefined;
  walkOutline(doc.body, (n) => {
    if (n.title === title) id = n.id;
  });
  if (!id) throw new Error(`no node ${title}`);
  return id;
}

describe('migration 004 on a library of release b16908d', () => {
  it('the fixture is what that release wrote: schema 3, documents without ids, decisions keyed by titles', () => {
    const raw = new Database(FIXTURE, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    const docs = raw.prepare('SELECT doc FROM plans').all() as Array<{ doc: string }>;
    for (const d of docs) {
      const doc = JSON.parse(d.doc) as PlanDocument;
      expect(doc.version).toBe(1);
      walkOutline(doc.body, (n) => expect(n.id).toBeUndefined());
    }
    const keys = raw.prepare('SELECT upper_key, draft_key, decision FROM link_decisions ORDER BY decision').all();
    expect(keys).toEqual([
      { upper_key: '加强道路交通安全整治', draft_key: '开展农村自建房安全排查', decision: 'added' },
      { upper_key: '加强危险化学品安全监管', draft_key: '加强危险化学品安全监管', decision: 'confirmed' },
      { upper_key: '加强危险化学品安全监管', draft_key: '加强危险化学品安全执法', decision: 'rejected' },
    ]);
    raw.close();
  });

  it('gives every stored plan and version ids, after a backup, in one step', async () => {
    const { lib, dir } = openFixture();
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(readdirSync(dir).some((f) => /\.v3-.*\.bak$/.test(f))).toBe(true);
    const rows = lib.db.prepare('SELECT id, doc FROM plans').all() as Array<{ id: string; doc: string }>;
    for (const r of rows) {
      const doc = JSON.parse(r.doc) as PlanDocument;
      expect(doc.version).toBe(2);
      expect(hasValidIds(doc.body)).toBe(true);
    }
    // Versions: unchanged nodes carry the ids of the plan's current nodes.
    const draftRow = rows.find((r) => (JSON.parse(r.doc) as PlanDocument).meta.title.includes('全县'))!;
    const current = JSON.parse(draftRow.doc) as PlanDocument;
    const versions = lib.db.prepare('SELECT doc FROM versions WHERE plan_id = ?').all(draftRow.id) as Array<{ doc: string }>;
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      const doc = JSON.parse(v.doc) as PlanDocument;
      expect(hasValidIds(doc.body)).toBe(true);
      expect(idOf(doc, '加强危险化学品安全监管')).toBe(idOf(current, '加强危险化学品安全监管'));
    }
    // Reading the plan twice gives the same ids (they are stored, not made up on read).
    const a = await lib.services['plans.get']({ id: draftRow.id });
    const b = await lib.services['plans.get']({ id: draftRow.id });
    expect(idOf(a.doc, '开展农村自建房安全排查')).toBe(idOf(b.doc, '开展农村自建房安全排查'));
  });

  it('re-keys compare decisions to node ids; they stay with their tasks, also after a task is deleted', async () => {
    const { lib } = openFixture();
    const s = lib.services;
    const [draftSummary] = await s['plans.list']({});
    const [upperSummary] = await s['plans.list']({ kind: 'upper' });
    const draft = await s['plans.get']({ id: draftSummary!.id });
    const upper = await s['plans.get']({ id: upperSummary!.id });
    expect(await s['compare.uppers.get']({ draftId: draft.id })).toEqual({ upperIds: [upper.id] });
    const decisions = await s['compare.decisions.list']({ draftId: draft.id, upperId: upper.id });
    const A = idOf(draft.doc, '加强危险化学品安全监管');
    const B = idOf(draft.doc, '加强危险化学品安全执法');
    const house = idOf(draft.doc, '开展农村自建房安全排查');
    const U1 = idOf(upper.doc, '加强危险化学品安全监管');
    const U3 = idOf(upper.doc, '加强道路交通安全整治');
    expect(decisions.map((d) => [d.upperKey, d.draftKey, d.decision]).sort()).toEqual(
      [
        [U1, A, 'confirmed'],
        [U1, B, 'rejected'],
        [U3, house, 'added'],
      ].sort(),
    );
    expect(decisions.every((d) => d.author === '张三')).toBe(true);

    const applied = applyDecisions(compareUpperDraft(upper.doc, draft.doc), decisions, draft.doc);
    const u1 = applied.upper.find((u) => u.key === U1)!;
    expect(u1.links.map((l) => [l.key, l.decision ?? null])).toEqual([[A, 'confirmed']]);
    expect(applied.upper.find((u) => u.key === U3)!.links.map((l) => [l.key, l.decision])).toEqual([[house, 'added']]);

    // Delete task A in the migrated plan: its confirmation goes with it; B's rejection stays.
    const without = structuredClone(draft.doc);
    const drop = (nodes: BodyNode[]): BodyNode[] =>
      nodes.filter((n) => n.id !== A).map((n) => (n.type === 'paragraph' ? n : { ...n, children: drop(n.children) }));
    without.body = drop(without.body);
    await s['plans.save']({ id: draft.id, baseRevision: draft.revision, doc: without });
    const after = applyDecisions(compareUpperDraft(upper.doc, without), decisions, without);
    expect(after.upper.find((u) => u.key === U1)!.links.filter((l) => l.decision)).toEqual([]);
    expect(after.upper.find((u) => u.key === U1)!.links.map((l) => l.key)).not.toContain(B);
  });

  it('gives review opinions their node and re-keys the dismissed check', async () => {
    const { lib } = openFixture();
    const s = lib.services;
    const [draftSummary] = await s['plans.list']({});
    const draft = await s['plans.get']({ id: draftSummary!.id });
    const A = idOf(draft.doc, '加强危险化学品安全监管');
    const B = idOf(draft.doc, '加强危险化学品安全执法');
    const house = idOf(draft.doc, '开展农村自建房安全排查');
    const stored = lib.db.prepare('SELECT source_id, node_id FROM review_opinions ORDER BY source_id').all();
    expect(stored).toEqual([
      { source_id: 'sugg-0001', node_id: house },
      { source_id: 'sugg-gone1', node_id: B },
      { source_id: 'thread-0001', node_id: A },
    ]);
    const rows = await s['review.opinions.list']({ planId: draft.id });
    expect(rows.find((r) => r.sourceId === 'thread-0001')).toMatchObject({ nodeId: A, task: '1.加强危险化学品安全监管', decision: '采纳', live: true });
    expect(rows.find((r) => r.sourceId === 'sugg-gone1')).toMatchObject({ nodeId: B, task: '2.加强危险化学品安全执法', live: false });

    // The dismissed finding (task B without a lead unit) was code:4:hash, now code:<B>:hash.
    expect(draft.doc.dismissedChecks).toHaveLength(1);
    expect(draft.doc.dismissedChecks![0]!.split(':')[1]).toBe(B);
    const blocks = bodyToBlocks(draft.doc.body);
    const undismissed = runChecks({ meta: draft.doc.meta, blocks, numbering: draft.doc.numbering });
    const kept = runChecks({ meta: draft.doc.meta, blocks, numbering: draft.doc.numbering, dismissed: draft.doc.dismissedChecks! });
    const missingOf = (cs: typeof kept) => cs.filter((c) => c.code === 'units-missing').map((c) => blocks[c.blockIndex!]!.id);
    expect(missingOf(undismissed)).toContain(B);
    expect(missingOf(kept)).not.toContain(B);
  });
});
