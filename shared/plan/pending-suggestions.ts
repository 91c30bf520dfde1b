// A plan as it stands before its pending suggestions (修订): suggested insertions left out,
// suggested deletions kept, suggested new tasks left out, deleted tasks and changed units as
// they were. What an official export prints while suggestions are still undecided.
import type { BodyNode, TextMark } from './schema';

function stripField(text: string, marks: readonly TextMark[] | undefined, field: TextMark['field']): string {
  const ins = (marks ?? []).filter((m) => m.field === field && m.type === 'insertion').sort((a, b) => b.from - a.from);
  let out = text;
  for (const m of ins) out = out.slice(0, m.from) + out.slice(m.to);
  return out;
}

export function countPendingSuggestions(body: readonly BodyNode[]): number {
  const ids = new Set<string>();
  const visit = (nodes: readonly BodyNode[]) => {
    for (const n of nodes) {
      for (const m of n.marks ?? []) if (m.type !== 'comment') ids.add(m.id);
      if (n.type !== 'paragraph') {
        if (n.suggestion) ids.add(n.suggestion.id);
        visit(n.children);
      }
    }
  };
  visit(body);
  return ids.size;
}

export function withoutPendingSuggestions(body: readonly BodyNode[]): BodyNode[] {
  const out: BodyNode[] = [];
  for (const n of body) {
    if (n.type === 'paragraph') {
      const { marks, ...rest } = n;
      out.push({ ...rest, text: stripField(n.text, marks, 'text') });
      continue;
    }
    if (n.suggestion?.type === 'insert') continue;
    const { marks, suggestion, ...rest } = n;
    const children = withoutPendingSuggestions(n.children);
    if (n.type === 'heading') {
      out.push({ ...rest, type: 'heading', title: stripField(n.title, marks, 'title'), children } as BodyNode);
    } else {
      const units =
        suggestion?.type === 'units' && suggestion.old
          ? { lead: suggestion.old.lead, support: suggestion.old.support, ...(suggestion.old.unitsText ? { unitsText: suggestion.old.unitsText } : {}) }
          : {};
      out.push({ ...rest, ...units, title: stripField(n.title, marks, 'title'), text: stripField(n.text, marks, 'text'), children } as BodyNode);
    }
  }
  return out;
}
