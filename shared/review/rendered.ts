// The plan's nodes as the exporter writes them (label + title + text + units), with a map
// from each character of that running text back to the node field it came from. Mirrors
// electron/export/plan-docx.ts renderBody, through shared/plan/running-text.ts.
import { formatLabel, renumber } from '../plan/numbering';
import type { BodyNode, PlanDocument } from '../plan/schema';
import { titleStop, unitsParenthetical } from '../plan/running-text';

export interface Segment {
  /** Offsets in the rendered text. */
  start: number;
  end: number;
  /** The field this run of characters comes from; undefined for label, added 。 and units. */
  field?: 'title' | 'text';
  /** Offset in the raw field string of the segment's first character. */
  fieldStart: number;
}

export interface RenderedNode {
  path: string;
  node: BodyNode;
  label: string;
  text: string;
  segs: Segment[];
}

function builder() {
  let text = '';
  const segs: Segment[] = [];
  return {
    add(s: string, field?: 'title' | 'text', fieldStart = 0) {
      if (!s) return;
      segs.push({ start: text.length, end: text.length + s.length, ...(field ? { field } : {}), fieldStart });
      text += s;
    },
    /** The trimmed field, mapped to its raw offsets. */
    addField(raw: string, field: 'title' | 'text') {
      const lead = raw.length - raw.trimStart().length;
      this.add(raw.trim(), field, lead);
    },
    done: () => ({ text, segs }),
  };
}

export function renderNode(node: BodyNode, path: string): RenderedNode {
  const b = builder();
  let label = '';
  if (node.type === 'paragraph') {
    b.addField(node.text, 'text');
  } else if (node.type === 'heading') {
    label = formatLabel(node.level, node.ordinal);
    b.add(label);
    b.addField(node.title, 'title');
    if (node.text?.trim()) {
      b.add(titleStop(node.title, 'heading'));
      b.addField(node.text, 'text');
    }
  } else {
    label = formatLabel(node.level, node.ordinal);
    b.add(label);
    b.addField(node.title, 'title');
    b.add(titleStop(node.title));
    b.addField(node.text, 'text');
    const units = unitsParenthetical(node);
    if (units) b.add(`（${units}）`);
  }
  return { path, node, label, ...b.done() };
}

/** Every node of the plan (numbered as exported), in document order. */
export function renderPlan(doc: PlanDocument): RenderedNode[] {
  const out: RenderedNode[] = [];
  const visit = (nodes: readonly BodyNode[], base: string) =>
    nodes.forEach((n, i) => {
      const path = `${base}/${i}`;
      out.push(renderNode(n, path));
      if (n.type !== 'paragraph') visit(n.children, `${path}/children`);
    });
  visit(renumber(doc.body, doc.numbering), 'body');
  return out;
}

/** Rendered offset → field offset; null when the character is not from a field. */
export function toField(r: RenderedNode, at: number): { field: 'title' | 'text'; offset: number; seg: Segment } | null {
  for (const s of r.segs) {
    if (s.field && at >= s.start && at < s.end) return { field: s.field, offset: s.fieldStart + (at - s.start), seg: s };
  }
  return null;
}
