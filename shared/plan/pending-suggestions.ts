// A plan as it stands before its pending suggestions (修订): suggested insertions left out,
// suggested deletions kept, suggested new tasks left out, deleted tasks and changed units as
// they were. What an official export prints while suggestions are still undecided.
import type { BodyNode, TextMark } from './schema';
import { walkBody } from './walk';

function stripField(text: string, marks: readonly TextMark[] | undefined, field: TextMark['field']): string {
  const ins = (marks ?? []).filter((m) => m.field === field && m.type === 'insertion').sort((a, b) => b.from - a.from);
  let out = text;
  for (const m of ins) out = out.slice(0, m.from) + out.slice(m.to);
  return out;
}

export function countPendingSuggestions(body: readonly BodyNode[]): number {
  const ids = new Set<string>();
  walkBody(body, (n) => {
    for (const m of n.marks ?? []) if (m.type !== 'comment') ids.add(m.id);
    if (n.type !== 'paragraph' && n.suggestion) ids.add(n.suggestion.id);
  });
  return ids.size;
}

export function withoutPendingSuggestions(body: readonly BodyNode[]): BodyNode[] {
  const root: BodyNode[] = [];
  // Iterative (see walk.ts): each frame copies one list of nodes into `out`.
  const stack: Array<{ list: readonly BodyNode[]; out: BodyNode[] }> = [{ list: body, out: root }];
  while (stack.length) {
    const { list, out } = stack.pop()!;
    for (const n of list) {
      if (n.type === 'paragraph') {
        const { marks, ...rest } = n;
        out.push({ ...rest, text: stripField(n.text, marks, 'text') });
        continue;
      }
      if (n.suggestion?.type === 'insert') continue;
      const { marks, suggestion, ...rest } = n;
      const children: BodyNode[] = [];
      if (n.children.length) stack.push({ list: n.children, out: children });
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
  }
  return root;
}
