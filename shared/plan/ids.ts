// Node identity (issue 14). Every heading, task and paragraph carries a short random id from
// the moment it exists: given at creation and import, kept through edits, moves, undo/redo,
// rollover and saving; a pasted copy gets new ones. Everything that points at a node — a
// comment's thread, a compare decision, an upper link, a review opinion, a diff pairing, a
// dismissed check — points by id, never by position or by text.
//
// Ids are unique within one document only (two plans may share ids: a rolled-over draft keeps
// the ids of the plan it came from, which is how 与往年对比 pairs tasks).
import type { BodyNode, PlanDocument } from './schema';
import { walkBody } from './walk';

/** The shape of an id: 10 characters of [0-9A-Za-z]; ids read from files may be 4–40 of [0-9A-Za-z_-]. */
export const NODE_ID_LENGTH = 10;
export const NODE_ID_PATTERN = /^[0-9A-Za-z_-]{4,40}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random source: Web Crypto where present (everywhere we run), Math.random otherwise. */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') return crypto.getRandomValues(out);
  for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256);
  return out;
}

/** A fresh id not in `taken` (collision-checked; 62^10 makes a retry a curiosity). */
export function newNodeId(taken?: { has(id: string): boolean }): string {
  for (;;) {
    // 248 = 4 × 62: rejection sampling keeps every character equally likely.
    let id = '';
    while (id.length < NODE_ID_LENGTH) {
      for (const b of randomBytes(NODE_ID_LENGTH * 2)) {
        if (b < 248 && id.length < NODE_ID_LENGTH) id += ALPHABET[b % 62];
      }
    }
    if (!taken?.has(id)) return id;
  }
}

/** True when `id` is a usable node id. */
export function isNodeId(id: unknown): id is string {
  return typeof id === 'string' && NODE_ID_PATTERN.test(id);
}

/** Every node in document order with its path (iterative: see walk.ts). */
function walk(nodes: readonly BodyNode[], visit: (n: BodyNode, path: string) => void): void {
  walkBody(nodes, (n, { path }) => visit(n, path));
}

/**
 * Gives every node without a usable id a new one, and a new one to every node whose id an
 * earlier node (document order) already has — the first keeps it. Mutates `body`; returns
 * the number of ids given.
 */
export function assignBodyIds(body: BodyNode[], taken: Set<string> = new Set()): number {
  let given = 0;
  walk(body, (n) => {
    if (isNodeId(n.id) && !taken.has(n.id)) {
      taken.add(n.id);
      return;
    }
    n.id = newNodeId(taken);
    taken.add(n.id);
    given++;
  });
  return given;
}

/**
 * The document with every node id'd (see assignBodyIds) and `version: 2`. Used where plans
 * are read (files, the library, templates) and at the end of import. Returns a new document;
 * the argument is not changed.
 */
export function assignIds<T extends PlanDocument>(doc: T): T {
  const out = structuredClone(doc);
  assignBodyIds(out.body);
  out.version = 2;
  return out;
}

/** True when every node has a usable id and no two share one. */
export function hasValidIds(body: readonly BodyNode[]): boolean {
  const seen = new Set<string>();
  let ok = true;
  walk(body, (n) => {
    if (!isNodeId(n.id) || seen.has(n.id)) ok = false;
    else seen.add(n.id);
  });
  return ok;
}

/** id → node and its path (paths as walkOutline / warnings write them). */
export function indexById(body: readonly BodyNode[]): Map<string, { node: BodyNode; path: string }> {
  const out = new Map<string, { node: BodyNode; path: string }>();
  walk(body, (node, path) => {
    if (node.id && !out.has(node.id)) out.set(node.id, { node, path });
  });
  return out;
}

/** The id of the node at `path`, or null. */
export function idAtPath(body: readonly BodyNode[], path: string): string | null {
  let hit: string | null = null;
  walk(body, (n, p) => {
    if (p === path) hit = n.id ?? null;
  });
  return hit;
}

/** New ids for every node of a copied subtree (paste, duplicate), none of them in `taken`. */
export function reassignIds(nodes: BodyNode[], taken: Set<string>): void {
  walk(nodes, (n) => {
    n.id = newNodeId(taken);
    taken.add(n.id);
  });
}

/**
 * Importer warnings addressed by path get the id of the node at that path (call right after
 * ids are assigned, while the paths still describe the document): the checks panel then
 * follows the node, not whatever later sits at the path. Mutates and returns `doc`.
 */
export function attachWarningNodes<T extends PlanDocument>(doc: T): T {
  const byPath = new Map<string, string>();
  walk(doc.body, (n, path) => {
    if (n.id) byPath.set(path, n.id);
  });
  doc.warnings = doc.warnings.map((w) => {
    const id = w.path && !w.nodeId ? byPath.get(w.path) : undefined;
    return id ? { ...w, nodeId: id } : w;
  });
  return doc;
}
