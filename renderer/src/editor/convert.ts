// Plan body ⇄ editor document. The only place that knows both shapes.
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { FlatBlock } from '../../../shared/plan/flat';
import type { Level, Target } from '../../../shared/plan/schema';
import { findTargets } from '../../../shared/import/targets';

function textContent(text: string): JSONContent[] {
  const out: JSONContent[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'hardBreak' });
    if (line) out.push({ type: 'text', text: line });
  });
  return out;
}

/** The text the targets of a task were read from; when it changes, they are read again. */
export function taskTargetsKey(title: string, text: string): string {
  return `${title}。${text}`;
}

export function blocksToEditorJSON(blocks: readonly FlatBlock[]): JSONContent {
  const content: JSONContent[] = blocks.map((b): JSONContent => {
    switch (b.type) {
      case 'paragraph':
        return { type: 'paragraph', attrs: { under: b.under }, content: textContent(b.text) };
      case 'heading':
        return {
          type: 'planHeading',
          attrs: { level: b.level, text: b.text ?? null, targets: b.targets ?? null, targetsFor: b.targets ? headingKeyPlaceholder : null },
          content: textContent(b.title),
        };
      case 'task':
        return {
          type: 'planTask',
          attrs: {
            level: b.level,
            lead: b.lead,
            support: b.support,
            unitsText: b.unitsText ?? null,
            unitsNote: b.unitsNote ?? null,
            targets: b.targets,
            targetsFor: taskTargetsKey(b.title, b.text),
          },
          content: [
            { type: 'taskTitle', content: textContent(b.title) },
            { type: 'taskBody', content: textContent(b.text) },
          ],
        };
    }
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph', attrs: { under: 0 } }] };
}

/** Heading targets are kept as imported until the heading's own lead-in changes. */
const headingKeyPlaceholder = 'imported';

function nodeText(node: PMNode): string {
  let s = '';
  node.forEach((child) => {
    s += child.isText ? child.text : child.type.name === 'hardBreak' ? '\n' : '';
  });
  return s;
}

/** Keeps "unconfirmed" flags of targets whose words are still there. */
function mergeTargets(fresh: Target[], old: readonly Target[]): Target[] {
  return fresh.map((t) => {
    const prev = old.find((o) => o.text === t.text);
    return prev?.unconfirmed ? { ...t, unconfirmed: true } : t;
  });
}

export function editorDocToBlocks(doc: PMNode): FlatBlock[] {
  const blocks: FlatBlock[] = [];
  doc.forEach((node) => {
    const a = node.attrs as Record<string, unknown>;
    if (node.type.name === 'paragraph') {
      const text = nodeText(node);
      // The trailing empty paragraph ProseMirror needs for typing is not content.
      blocks.push({ type: 'paragraph', text, under: Number(a.under) || 0 });
    } else if (node.type.name === 'planHeading') {
      const b: FlatBlock = { type: 'heading', level: a.level as Level, title: nodeText(node) };
      if (typeof a.text === 'string') b.text = a.text;
      if (Array.isArray(a.targets)) b.targets = a.targets as Target[];
      blocks.push(b);
    } else if (node.type.name === 'planTask') {
      const title = nodeText(node.child(0));
      const text = nodeText(node.child(1));
      const key = taskTargetsKey(title, text);
      const old = (a.targets as Target[]) ?? [];
      const targets = a.targetsFor === key ? old : mergeTargets(findTargets(key), old);
      const b: FlatBlock = {
        type: 'task',
        level: a.level as Level,
        title,
        text,
        lead: (a.lead as string[]) ?? [],
        support: (a.support as string[]) ?? [],
        targets,
      };
      if (typeof a.unitsText === 'string') b.unitsText = a.unitsText;
      if (typeof a.unitsNote === 'string') b.unitsNote = a.unitsNote;
      blocks.push(b);
    }
  });
  // Drop empty paragraphs at the very end (the editor keeps one to type into).
  while (blocks.length && blocks[blocks.length - 1]!.type === 'paragraph' && !(blocks[blocks.length - 1] as { text: string }).text) blocks.pop();
  return blocks;
}
