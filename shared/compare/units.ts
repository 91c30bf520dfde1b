// The comparable units of a plan: its tasks (or, on request, its paragraphs as pseudo-tasks),
// each with a label from the one numbering engine, its top-level section, and stable keys.
import { findTargets } from '../import/targets';
import { formatLabel, walkOutline } from '../plan/numbering';
import type { BodyNode, PlanDocument, Target } from '../plan/schema';
import { bare, hash, normalizeLevels, placeNames } from './text';
import { taskSentences } from '../plan/running-text';

export interface CompareUnit {
  /**
   * What decisions and links point at: the node's id (shared/plan/ids.ts) — stable through
   * edits and moves, gone with the task. Only a unit without a node id (a notice paragraph
   * compared as a pseudo-task) falls back to its textKey.
   */
  key: string;
  /** The node's id, when it has one. */
  nodeId?: string;
  /** The level-normalised title (with #2, #3… for repeated titles): pairs tasks of two plans by text. */
  textKey: string;
  /** Position-bound id: path + title hash (changes when the task moves). */
  id: string;
  path: string;
  label: string;
  title: string;
  text: string;
  lead: string[];
  support: string[];
  targets: Target[];
  /** Title of the top-level heading the task is under ('' when none). */
  section: string;
  /** Index in document order. */
  order: number;
  /** True for a paragraph treated as a task. */
  pseudo: boolean;
}

export type UnitMode = 'tasks' | 'paragraphs';

/** The key of a title: level-neutral, only Han/Latin/digits. */
export function titleKey(title: string, places: readonly string[] = []): string {
  return bare(normalizeLevels(title, places));
}

type Bare = Omit<CompareUnit, 'key' | 'id' | 'textKey'>;

function withKeys(units: Bare[], places: readonly string[]): CompareUnit[] {
  const seen = new Map<string, number>();
  return units.map((u) => {
    const base = titleKey(u.title, places) || titleKey(u.text.slice(0, 40), places) || `empty`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const textKey = n === 1 ? base : `${base}#${n}`;
    // The keys are added to the unit made just above (same properties in the same order as
    // { ...u, key, textKey, id }) instead of copying its fourteen fields into a new object.
    const k = u as CompareUnit;
    k.key = u.nodeId ?? textKey;
    k.textKey = textKey;
    k.id = `${u.path}#${hash(u.title + '\u0000' + u.text)}`;
    return k;
  });
}

export function docPlaces(doc: PlanDocument): string[] {
  return placeNames(doc.meta.issuer, doc.meta.title);
}

/** The tasks of a plan in document order. */
export function taskUnits(doc: PlanDocument): CompareUnit[] {
  const out: Bare[] = [];
  const sections = new Map<string, string>();
  walkOutline(doc.body, (node, path) => {
    // path.split('/').slice(0, 2).join('/'): up to the second slash.
    const second = path.indexOf('/', path.indexOf('/') + 1);
    const top = path.indexOf('/') < 0 || second < 0 ? path : path.slice(0, second);
    if (node.type === 'heading' && path === top) sections.set(top, node.title);
    if (node.type !== 'task') return;
    // Targets recognised in the text only when asked for (diff reads them, compare does not).
    let found: Target[] | undefined;
    out.push({
      path,
      ...(node.id ? { nodeId: node.id } : {}),
      label: formatLabel(node.level, node.ordinal),
      title: node.title,
      text: node.text ?? '',
      lead: node.lead ?? [],
      support: node.support ?? [],
      get targets(): Target[] {
        return node.targets?.length ? node.targets : (found ??= findTargets(taskSentences(node)));
      },
      section: sections.get(top) ?? '',
      order: out.length,
      pseudo: false,
    });
  });
  return withKeys(out, docPlaces(doc));
}

/** Every paragraph (and heading lead-in text) of at least 12 characters as a pseudo-task. */
export function paragraphUnits(doc: PlanDocument): CompareUnit[] {
  const out: Bare[] = [];
  let section = '';
  const visit = (nodes: readonly BodyNode[], base: string, depth: number) => {
    nodes.forEach((n, i) => {
      const path = `${base}/${i}`;
      if (n.type === 'paragraph') {
        const text = n.text.trim();
        if (bare(text).length < 12) return;
        const cut = text.search(/[。；！？]/u);
        const title = cut > 0 && cut < 60 ? text.slice(0, cut) : text.slice(0, 30);
        out.push({
          path,
          ...(n.id ? { nodeId: n.id } : {}),
          label: `第${out.length + 1}段`,
          title,
          text: cut > 0 && cut < 60 ? text.slice(cut + 1) : text,
          lead: [],
          support: [],
          targets: findTargets(text),
          section,
          order: out.length,
          pseudo: true,
        });
        return;
      }
      if (depth === 0 && n.type === 'heading') section = n.title;
      visit(n.children, `${path}/children`, depth + 1);
    });
  };
  visit(doc.body, 'body', 0);
  for (const [i, p] of (doc.notice?.paragraphs ?? []).entries()) {
    if (bare(p).length < 12 || doc.body.length) continue;
    out.push({
      path: `notice/paragraphs/${i}`,
      label: `第${out.length + 1}段`,
      title: p.slice(0, 30),
      text: p,
      lead: [],
      support: [],
      targets: findTargets(p),
      section: '',
      order: out.length,
      pseudo: true,
    });
  }
  return withKeys(out, docPlaces(doc));
}

export function unitsOf(doc: PlanDocument, mode: UnitMode): CompareUnit[] {
  return mode === 'paragraphs' ? paragraphUnits(doc) : taskUnits(doc);
}
