// Bringing a returned Word/WPS file into the plan: each matched comment becomes a thread with
// a comment mark over its words, each tracked insertion / deletion a suggestion (insertion
// text put in place, deletion marked), attributed to the sending unit. What could not be
// placed is kept: comments as detached threads, suggestions as opinions for the 汇总表.
import type { BodyNode, PlanDocument, TextMark } from '../plan/schema';
import { nodeAtPath } from '../plan/paths';
import { indexById } from '../plan/ids';
import { suggestionContent } from './opinion-rows';
import { importedPerson } from './sender';
import type { ReviewMatch } from './types';

export interface ImportedThread {
  id: string;
  quote: string;
  comments: Array<{ author: string; unit: string; body: string; time?: string }>;
  resolved: boolean;
}

export interface DetachedSuggestion {
  id: string;
  unit: string;
  content: string;
}

export interface ApplyResult {
  doc: PlanDocument;
  threads: ImportedThread[];
  detached: DetachedSuggestion[];
  counts: { comments: number; insertions: number; deletions: number; detached: number };
}

type Field = 'title' | 'text';

function fieldOf(node: BodyNode, field: Field): string {
  if (node.type === 'paragraph') return node.text;
  return field === 'title' ? node.title : (node.text ?? '');
}

function setField(node: BodyNode, field: Field, value: string): void {
  if (node.type === 'paragraph') node.text = value;
  else if (field === 'title') node.title = value;
  else node.text = value;
}

export function applyReviewMatches(
  docIn: PlanDocument,
  matches: readonly ReviewMatch[],
  opts: { unit: string; newId: () => string; now: string },
): ApplyResult {
  const doc = structuredClone(docIn);
  const threads: ImportedThread[] = [];
  const detached: DetachedSuggestion[] = [];
  const counts = { comments: 0, insertions: 0, deletions: 0, detached: 0 };
  // Insertions change the text, so they are applied last and from the end of each field; marks
  // already placed after an insertion point move with the text.
  const byId = indexById(doc.body);
  const insertions: Array<{ node: BodyNode; field: Field; at: number; text: string; mark: TextMark }> = [];
  for (const m of matches) {
    const it = m.item;
    // By the node's id; the path only for a node without one.
    const node = m.target ? ((m.target.nodeId ? byId.get(m.target.nodeId)?.node : undefined) ?? nodeAtPath(doc.body, m.target.path)) : null;
    const time = it.date ?? opts.now;
    if (it.kind === 'comment') {
      const id = opts.newId();
      threads.push({
        id,
        quote: it.anchorText,
        comments: [
          { ...importedPerson(it.author, opts.unit), body: it.text, time },
          ...(it.replies ?? []).map((r) => ({ ...importedPerson(r.author, opts.unit), body: r.text, ...(r.date ? { time: r.date } : {}) })),
        ],
        resolved: !!it.resolved,
      });
      counts.comments++;
      if (!node || !m.target) {
        counts.detached++;
        continue;
      }
      let { from, to } = m.target;
      if (from === to) ((from = 0), (to = fieldOf(node, m.target.field).length));
      node.marks = [...(node.marks ?? []), { field: m.target.field, from, to, type: 'comment', id }];
      continue;
    }
    const id = opts.newId();
    const base = { id, ...importedPerson(it.author, opts.unit), time };
    if (!node || !m.target) {
      detached.push({ id, unit: base.unit, content: suggestionContent(it.kind, it.text) });
      counts.detached++;
      continue;
    }
    if (it.kind === 'deletion') {
      const { from, to } = m.target;
      if (from === to) {
        detached.push({ id, unit: base.unit, content: suggestionContent('deletion', it.text) });
        counts.detached++;
        continue;
      }
      node.marks = [...(node.marks ?? []), { field: m.target.field, from, to, type: 'deletion', ...base }];
      counts.deletions++;
    } else {
      insertions.push({
        node,
        field: m.target.field,
        at: m.target.from,
        text: it.text,
        mark: { field: m.target.field, from: m.target.from, to: m.target.from + it.text.length, type: 'insertion', ...base },
      });
      counts.insertions++;
    }
  }
  insertions.sort((a, b) => b.at - a.at);
  for (const ins of insertions) {
    const text = fieldOf(ins.node, ins.field);
    const at = Math.max(0, Math.min(ins.at, text.length));
    setField(ins.node, ins.field, text.slice(0, at) + ins.text + text.slice(at));
    const len = ins.text.length;
    ins.node.marks = (ins.node.marks ?? []).map((mk) =>
      mk.field !== ins.field
        ? mk
        : {
            ...mk,
            from: mk.from >= at ? mk.from + len : mk.from,
            to: mk.to > at || (mk.to === at && mk.from < at && mk.type === 'comment') ? mk.to + len : mk.to,
          },
    );
    ins.node.marks.push({ ...ins.mark, from: at, to: at + len });
  }
  return { doc, threads, detached, counts };
}
