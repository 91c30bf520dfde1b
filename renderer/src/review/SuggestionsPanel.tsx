import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { memo, useMemo, useState } from 'react';
import { formatDateTime } from '../components/format';
import { decideSuggestions, listSuggestions, type SuggestionEntry } from './suggest-mode';

const KIND = { insertion: '增加', deletion: '删除', insert: '新增任务', delete: '删除任务', units: '修改单位' } as const;

/** 修订: every pending suggestion with its author; accept or reject one, or all of one reviewer's. */
interface Props {
  editor: Editor;
  docVersion: number;
  /** Called before a decision is applied, so the opinions table can keep what was decided. */
  onDecide?(ids: string[], accept: boolean): void;
}

export const SuggestionsPanel = memo(function SuggestionsPanel({ editor, docVersion, onDecide }: Props) {
  const list = useMemo(() => listSuggestions(editor.state.doc), [editor, docVersion]);
  const authors = useMemo(() => [...new Set(list.map((s) => s.author))], [list]);
  const [who, setWho] = useState('');
  const decide = (items: SuggestionEntry[], accept: boolean) => {
    if (!items.length) return;
    onDecide?.(
      items.map((i) => i.id),
      accept,
    );
    editor.view.dispatch(decideSuggestions(editor.state, new Set(items.map((i) => i.id)), accept));
  };
  const jump = (s: SuggestionEntry) => {
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(Math.min(s.pos + 1, editor.state.doc.content.size)))).scrollIntoView(),
    );
    editor.view.focus();
  };
  const ofWho = list.filter((s) => !who || s.author === who);
  return (
    <section className="side-section" aria-label="修订">
      {list.length === 0 && <p className="muted">没有待处理的修订。打开工具栏的“修订”后，输入和删除都会记为修订建议。</p>}
      {list.length > 0 && (
        <div className="filter-row">
          <select aria-label="修订人" value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">所有人（{list.length}）</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {a}（{list.filter((s) => s.author === a).length}）
              </option>
            ))}
          </select>
          <button type="button" onClick={() => decide(ofWho, true)}>
            全部接受
          </button>
          <button type="button" onClick={() => decide(ofWho, false)}>
            全部拒绝
          </button>
        </div>
      )}
      <ul className="suggestion-list">
        {ofWho.map((s) => (
          <li key={s.id} aria-label={`修订 ${KIND[s.kind]} ${s.text}`}>
            <div>
              <span className={`suggestion-kind k-${s.kind}`}>{KIND[s.kind]}</span>
              <button type="button" className="link-button" onClick={() => jump(s)}>
                {s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text || '（空）'}
              </button>
            </div>
            <div className="muted">
              {s.author}
              {s.unit ? `（${s.unit}）` : ''} {s.time ? formatDateTime(s.time) : ''}
            </div>
            <div className="check-actions">
              <button type="button" onClick={() => decide([s], true)}>
                接受
              </button>
              <button type="button" onClick={() => decide([s], false)}>
                拒绝
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
});
