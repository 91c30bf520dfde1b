// Copy includes the labels (一、（一）1.) that the document itself does not hold; paste from
// Word/WPS or a web page goes through the importer's analyser, so outline, tasks and units
// are recognised and nothing but text survives (no styles, scripts or event attributes).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { analyzePlanHtml, analyzePlanText } from '../../../shared/import/analyze';
import { bodyToBlocks, type FlatBlock } from '../../../shared/plan/flat';
import { taskTextParts } from '../../../shared/plan/running-text';
import { outlineEntries } from './numbering-plugin';
import { blocksToEditorJSON } from './convert';
import { blockAt } from './structure';
import { looksTraditional } from '../../../shared/import/traditional';
import { loadOpenCC, openCCLoaded } from '../opencc-lazy';

/** Plain text of the selection with labels, one block per line. */
export function selectionTextWithLabels(view: Pick<EditorView, 'state'>): string {
  const { state } = view;
  const { from, to } = state.selection;
  const labels = new Map(outlineEntries(state).map((e) => [e.pos, e.label]));
  const lines: string[] = [];
  state.doc.forEach((block, pos) => {
    const end = pos + block.nodeSize;
    if (end <= from || pos >= to) return;
    const whole = from <= pos + 1 && to >= end - 1;
    const part = (n: PMNode, start: number) => {
      const a = Math.max(0, from - start);
      const b = Math.min(n.content.size, to - start);
      return a < b ? n.textBetween(a, b, '\n', '\n') : '';
    };
    if (block.type.name === 'planTask') {
      const title = block.child(0);
      const body = block.child(1);
      const titleStart = pos + 2;
      const bodyStart = pos + 1 + title.nodeSize + 1;
      const t = part(title, titleStart);
      const x = part(body, bodyStart);
      const titleWhole = from <= titleStart && to >= titleStart + title.content.size;
      // A whole task reads as in output (shared/plan/running-text); a partial one is the selected
      // words, with the label and 。 only when its whole title is selected.
      const p = taskTextParts(
        { title: t, text: x, lead: block.attrs.lead as string[], support: block.attrs.support as string[], unitsText: block.attrs.unitsText as string | null },
        { label: titleWhole ? (labels.get(pos) ?? '') : '', units: whole },
      );
      lines.push(p.label + (titleWhole ? p.title : t) + x + p.units);
    } else {
      const t = part(block, pos + 1);
      const label = from <= pos + 1 ? (labels.get(pos) ?? '') : '';
      lines.push(label + t);
    }
  });
  return lines.join('\n');
}

/** Text or HTML that carries more than one line of content is analysed as plan structure. */
export function pastedBlocks(html: string | null, text: string | null): FlatBlock[] | null {
  const isInternal = !!html && /data-plan-(task|heading)/.test(html);
  if (isInternal) return null; // ProseMirror's own paste keeps our blocks exactly
  const plain = text ?? '';
  const multiLine = /\n\s*\S/.test(plain.trim()) || (!!html && /<(p|div|li|h[1-6]|tr|br)\b/i.test(html) && /\n\s*\S/.test((text ?? '').trim()));
  if (!multiLine) return null;
  try {
    const result = html ? analyzePlanHtml(html) : analyzePlanText(plain);
    const blocks = bodyToBlocks(result.doc.body);
    return blocks.length ? blocks : null;
  } catch {
    return null;
  }
}

function insertBlocks(view: EditorView, blocks: FlatBlock[]): void {
  const { state } = view;
  const json = blocksToEditorJSON(blocks);
  const nodes = (json.content ?? []).map((c) => state.schema.nodeFromJSON(c));
  const at = blockAt(state);
  const tr = state.tr;
  if (!at) tr.insert(state.doc.content.size, Fragment.from(nodes));
  else if (at.node.type.name === 'paragraph' && at.node.content.size === 0) tr.replaceWith(at.pos, at.pos + at.node.nodeSize, Fragment.from(nodes));
  else tr.insert(at.pos + at.node.nodeSize, Fragment.from(nodes));
  view.dispatch(tr.scrollIntoView());
}

/**
 * Pastes clipboard text as plan structure; false leaves the paste to ProseMirror. `deferred`:
 * called after the paste event (the converter had to load), when only this function can insert.
 */
function pasteText(view: EditorView, html: string | null, text: string | null, deferred = false): boolean {
  const blocks = pastedBlocks(html, text);
  if (!blocks) {
    if (html && !/data-plan-(task|heading)/.test(html) && text) {
      // Styled single-line text: take the words only.
      view.dispatch(view.state.tr.insertText(text.replace(/\s*\n\s*/g, '')).scrollIntoView());
      return true;
    }
    if (deferred && text) {
      view.dispatch(view.state.tr.insertText(text).scrollIntoView());
      return true;
    }
    return false;
  }
  insertBlocks(view, blocks);
  return true;
}

export const PlanClipboard = Extension.create({
  name: 'planClipboard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('plandesk-clipboard'),
        props: {
          clipboardTextSerializer: (_slice, view) => selectionTextWithLabels(view),
          handlePaste: (view, event) => {
            if (view.composing) return false;
            const html = event.clipboardData?.getData('text/html') || null;
            const text = event.clipboardData?.getData('text/plain') || null;
            if (!openCCLoaded() && looksTraditional(text ?? html ?? '')) {
              // Traditional text: the converter's chunk first, then the same paste.
              void loadOpenCC().then(
                () => view.isDestroyed || pasteText(view, html, text, true),
                () => view.isDestroyed || pasteText(view, null, text, true),
              );
              return true;
            }
            return pasteText(view, html, text);
          },
          transformPastedHTML: (html) => html.replace(/<(script|style|iframe|object)[\s\S]*?<\/\1>/gi, '').replace(/\son\w+="[^"]*"/gi, ''),
        },
      }),
    ];
  },
});
