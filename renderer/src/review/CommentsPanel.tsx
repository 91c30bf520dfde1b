import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { memo, useMemo, useState } from 'react';
import type { ReviewThreadRecord } from '../../../shared/contract';
import { formatDateTime } from '../components/format';
import { commentPositions } from './comment-anchors';

interface Props {
  editor: Editor;
  threads: ReviewThreadRecord[];
  /** Bumps when the document changes, so anchors are found again. */
  docVersion: number;
  onReply(threadId: string, body: string): Promise<void>;
  onStatus(threadId: string, status: 'open' | 'resolved'): Promise<void>;
}

type Filter = 'open' | 'resolved' | 'all';

/** 批注: the threads in document order; those whose text is gone are kept, shown as detached. */
export const CommentsPanel = memo(function CommentsPanel({ editor, threads, docVersion, onReply, onStatus }: Props) {
  const [filter, setFilter] = useState<Filter>('open');
  const [who, setWho] = useState('');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const positions = useMemo(() => commentPositions(editor.state.doc), [editor, docVersion]);
  const reviewers = useMemo(() => [...new Set(threads.flatMap((t) => t.comments.map((c) => c.author)))], [threads]);
  const shown = useMemo(
    () =>
      threads
        .filter((t) => filter === 'all' || t.status === filter)
        .filter((t) => !who || t.comments.some((c) => c.author === who))
        .sort((a, b) => (positions.get(a.id) ?? Infinity) - (positions.get(b.id) ?? Infinity)),
    [threads, filter, who, positions],
  );
  const jump = (id: string) => {
    const pos = positions.get(id);
    if (pos === undefined) return;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(pos + 1))).scrollIntoView());
    editor.view.focus();
  };
  return (
    <section className="side-section" aria-label="批注">
      <div className="filter-row" role="group" aria-label="批注筛选">
        {(
          [
            ['open', '未解决'],
            ['resolved', '已解决'],
            ['all', '全部'],
          ] as Array<[Filter, string]>
        ).map(([f, label]) => (
          <button key={f} type="button" aria-pressed={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
            {label}
          </button>
        ))}
        <select aria-label="按提出人筛选" value={who} onChange={(e) => setWho(e.target.value)}>
          <option value="">所有人</option>
          {reviewers.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 && <p className="muted">没有{filter === 'open' ? '未解决的' : ''}批注。选中文字后点工具栏的“批注”（Ctrl+Alt+M）添加。</p>}
      <ul className="thread-list">
        {shown.map((t) => {
          const detached = !positions.has(t.id);
          return (
            <li key={t.id} className={`thread${t.status === 'resolved' ? ' resolved' : ''}`} aria-label={`批注 ${t.comments[0]?.body ?? ''}`}>
              <button type="button" className="thread-quote" onClick={() => jump(t.id)} disabled={detached} title={detached ? '' : '定位到原文'}>
                {detached ? <span className="detached">原文已删除</span> : null}「{t.quote.length > 60 ? `${t.quote.slice(0, 60)}…` : t.quote}」
              </button>
              {t.comments.map((c) => (
                <div key={c.id} className="comment">
                  <div className="comment-meta">
                    <strong>{c.author}</strong>
                    {c.unit && <span>（{c.unit}）</span>} <span className="muted">{formatDateTime(c.createdAt)}</span>
                  </div>
                  <p>{c.body}</p>
                </div>
              ))}
              <form
                className="reply"
                onSubmit={(e) => {
                  e.preventDefault();
                  const body = (drafts[t.id] ?? '').trim();
                  if (!body) return;
                  void onReply(t.id, body).then(() => setDrafts((d) => ({ ...d, [t.id]: '' })));
                }}
              >
                <input
                  aria-label="回复"
                  placeholder="回复…"
                  value={drafts[t.id] ?? ''}
                  onChange={(e) => setDrafts((d) => ({ ...d, [t.id]: e.target.value }))}
                />
                <button type="submit">回复</button>
                <button type="button" onClick={() => void onStatus(t.id, t.status === 'open' ? 'resolved' : 'open')}>
                  {t.status === 'open' ? '解决' : '重新打开'}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
