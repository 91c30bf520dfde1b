// Highlights find results; the find/replace bar sets the ranges (document positions).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface SearchRanges {
  ranges: Array<{ from: number; to: number }>;
  current: number;
}

export const searchKey = new PluginKey<DecorationSet>('plandesk-search');

export function setSearchMeta(ranges: SearchRanges) {
  return { key: searchKey, value: ranges };
}

export function searchDecorations(state: EditorState, r: SearchRanges): DecorationSet {
  return DecorationSet.create(
    state.doc,
    r.ranges
      .filter((x) => x.from < x.to && x.to <= state.doc.content.size)
      .map((x, i) => Decoration.inline(x.from, x.to, { class: i === r.current ? 'search-hit current' : 'search-hit' })),
  );
}

export const SearchHighlight = Extension.create({
  name: 'searchHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: searchKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old, _o, state) {
            const next = tr.getMeta(searchKey) as SearchRanges | undefined;
            if (next) return searchDecorations(state, next);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: { decorations: (state) => searchKey.getState(state) },
      }),
    ];
  },
});
