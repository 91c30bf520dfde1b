import { memo, useMemo, useState } from 'react';
import type { OutlineEntry } from '../numbering-plugin';

interface Props {
  outline: OutlineEntry[];
  onJump(index: number): void;
  /** Move block `from` (with its children) to before block `to`. */
  onMove(from: number, to: number): void;
}

/** The tree of 一、/（一）/tasks, with task counts per section; click jumps, drag reorders. */
export const OutlinePanel = memo(function OutlinePanel({ outline, onJump, onMove }: Props) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const counts = useMemo(() => {
    const m = new Map<number, number>();
    outline.forEach((e, i) => {
      if (e.kind !== 'heading') return;
      let n = 0;
      for (let j = i + 1; j < outline.length && outline[j]!.level > e.level; j++) if (outline[j]!.kind === 'task') n++;
      m.set(e.index, n);
    });
    return m;
  }, [outline]);
  const taskCount = outline.filter((e) => e.kind === 'task').length;

  return (
    <nav className="outline-nav" aria-label="提纲">
      <h2>
        提纲 <span className="muted">{taskCount} 项任务</span>
      </h2>
      {outline.length === 0 && <p className="muted">用工具栏或键盘插入标题和任务后，提纲显示在这里。</p>}
      <ol>
        {outline.map((e) => (
          <li
            key={`${e.index}-${e.label}`}
            className={`outline-item ${e.kind} level-${e.level}${over === e.index ? ' drop-target' : ''}`}
            draggable
            onDragStart={(ev) => {
              setDragging(e.index);
              ev.dataTransfer.effectAllowed = 'move';
              ev.dataTransfer.setData('text/plain', String(e.index));
            }}
            onDragOver={(ev) => {
              if (dragging === null) return;
              ev.preventDefault();
              setOver(e.index);
            }}
            onDragLeave={() => setOver((o) => (o === e.index ? null : o))}
            onDrop={(ev) => {
              ev.preventDefault();
              if (dragging !== null && dragging !== e.index) onMove(dragging, e.index);
              setDragging(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
          >
            <button
              type="button"
              className="outline-link"
              onClick={() => onJump(e.index)}
              title={`${e.label}${e.title || '（无标题）'}\n点击跳转，拖动可调整顺序`}
            >
              <span className="label">{e.label}</span>
              <span className="title">{e.title || '（无标题）'}</span>
              {e.kind === 'heading' && <span className="count">{counts.get(e.index) ?? 0}</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
});
