import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, replaceOne, type Match } from '../../../shared/find-replace';
import { editorDocToBlocks } from './convert';
import { jumpToBlock } from './jump';
import { fieldPos, type TextField } from './positions';
import { activeSuggester } from '../review/suggest-mode';
import { patchBlock } from './patch';
import { searchKey, type SearchRanges } from './search-plugin';

interface Props {
  editor: Editor;
  replace: boolean;
  onClose(): void;
}

function toRange(editor: Editor, m: Match): { from: number; to: number } | null {
  const kind = editor.state.doc.maybeChild(m.blockIndex)?.type.name;
  const inContent = m.field === 'paragraph' || m.field === 'heading' || (kind === 'planTask' && (m.field === 'title' || m.field === 'text'));
  if (!inContent) return null; // unit names and a heading's lead-in are attributes
  const from = fieldPos(editor.state.doc, m.blockIndex, m.field as TextField, m.from);
  return from === null ? null : { from, to: from + (m.to - m.from) };
}

/** Ctrl+F / Ctrl+H: find (and replace) across the plan, unit names included. */
export function FindBar({ editor, replace: replaceOpen, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [showReplace, setShowReplace] = useState(replaceOpen);
  const [current, setCurrent] = useState(0);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => setShowReplace((s) => s || replaceOpen), [replaceOpen]);
  useEffect(() => input.current?.focus(), [replaceOpen]);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    editor.on('update', bump);
    return () => {
      editor.off('update', bump);
    };
  }, [editor]);

  const matches = useMemo(() => (query ? findAll(editorDocToBlocks(editor.state.doc), query, { widthInsensitive: true }) : []), [editor, query, version]);

  useEffect(() => {
    const ranges = matches.map((m) => toRange(editor, m)).filter((r): r is { from: number; to: number } => !!r);
    const meta: SearchRanges = { ranges, current: Math.min(current, ranges.length - 1) };
    editor.view.dispatch(editor.state.tr.setMeta(searchKey, meta).setMeta('addToHistory', false));
  }, [matches, current, editor]);

  useEffect(
    () => () => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(searchKey, { ranges: [], current: 0 }).setMeta('addToHistory', false));
    },
    [editor],
  );

  const go = (i: number) => {
    if (!matches.length) return;
    const k = ((i % matches.length) + matches.length) % matches.length;
    setCurrent(k);
    const m = matches[k]!;
    const r = toRange(editor, m);
    if (r) {
      editor.commands.setTextSelection(r);
      editor.commands.scrollIntoView();
    } else jumpToBlock(editor, m.blockIndex);
  };

  /**
   * Replaces the given matches in one transaction (one undo step). In 修订 mode the replacements
   * are suggestions, made in the text only: text already suggested for deletion is left alone,
   * and unit names (task attributes) are changed through the units dialog, which suggests them.
   */
  const replaceMatches = (all: Match[]) => {
    const who = activeSuggester(editor.state);
    const deletion = editor.state.schema.marks.deletion!;
    const list = who
      ? all.filter((m) => {
          const r = toRange(editor, m);
          return r !== null && !editor.state.doc.rangeHasMark(r.from, r.to, deletion);
        })
      : all;
    setNote(who && list.length < all.length ? `修订模式下只替换正文中的 ${list.length} 处；单位名称请在任务的责任单位中修改，已删除的文字不替换。` : '');
    if (!list.length) return;
    const before = editorDocToBlocks(editor.state.doc);
    // Last match first, so the offsets of the earlier ones stay valid.
    const ordered = [...list].sort((a, b) => b.blockIndex - a.blockIndex || b.from - a.from);
    const after = ordered.reduce((blocks, m) => replaceOne(blocks, m, replacement), before);
    const tr = editor.state.tr;
    after.forEach((b, i) => {
      const old = before[i]!;
      if (b === old) return;
      const patch: Record<string, unknown> = {};
      for (const key of ['title', 'text', 'lead', 'support', 'unitsText'] as const) {
        const x = (b as Record<string, unknown>)[key];
        if (JSON.stringify(x) !== JSON.stringify((old as Record<string, unknown>)[key])) patch[key] = x;
      }
      patchBlock(tr, i, patch, who);
    });
    if (tr.docChanged) editor.view.dispatch(tr);
  };

  return (
    <div className="find-bar" role="search" aria-label="查找和替换">
      <input
        ref={input}
        aria-label="查找内容"
        placeholder="查找（含单位名称）"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter') go(e.shiftKey ? current - 1 : current + 1);
          if (e.key === 'Escape') onClose();
        }}
      />
      <span className="muted" aria-live="polite">
        {query ? (matches.length ? `${Math.min(current + 1, matches.length)} / ${matches.length}` : '无结果') : ''}
      </span>
      <button type="button" aria-label="上一个" onClick={() => go(current - 1)}>
        ↑
      </button>
      <button type="button" aria-label="下一个" onClick={() => go(current + 1)}>
        ↓
      </button>
      <button type="button" className="link-button" onClick={() => setShowReplace((s) => !s)}>
        {showReplace ? '隐藏替换' : '替换…'}
      </button>
      {showReplace && (
        <>
          <input
            aria-label="替换为"
            placeholder="替换为"
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && onClose()}
          />
          <button type="button" disabled={!matches.length} onClick={() => replaceMatches([matches[Math.min(current, matches.length - 1)]!])}>
            替换
          </button>
          <button type="button" disabled={!matches.length} onClick={() => replaceMatches(matches)}>
            全部替换
          </button>
        </>
      )}
      {note && (
        <span className="muted" role="status">
          {note}
        </span>
      )}
      <button type="button" className="icon-button" aria-label="关闭查找" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
