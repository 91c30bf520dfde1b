import { memo, useMemo } from 'react';
import type { FlatBlock } from '../../../../shared/plan/flat';
import type { OutlineEntry } from '../numbering-plugin';

interface Props {
  blocks: FlatBlock[];
  outline: OutlineEntry[];
  /** By node id (issue 14); the index only for a block without one. */
  onJump(target: { id?: string; index: number }): void;
}

/** Every measurable target with its task and units; those without a deadline or unit flagged. */
export const TargetsPanel = memo(function TargetsPanel({ blocks, outline, onJump }: Props) {
  const rows = useMemo(() => {
    const labels = new Map(outline.map((e) => [e.index, e.label]));
    return blocks.flatMap((b, index) => {
      if (b.type === 'paragraph' || !b.targets?.length) return [];
      const units = b.type === 'task' ? [...b.lead, ...b.support] : [];
      return b.targets.map((t, k) => ({
        key: `${index}-${k}`,
        index,
        ...(b.id ? { id: b.id } : {}),
        label: labels.get(index) ?? '',
        title: b.title,
        target: t,
        units,
        isTask: b.type === 'task',
      }));
    });
  }, [blocks, outline]);
  return (
    <section className="side-section" aria-label="目标">
      {rows.length === 0 && <p className="muted">正文中还没有可量化的目标（如“覆盖率达到100%”“至少开展1次”“年底前”）。</p>}
      <ul className="target-list">
        {rows.map((r) => (
          <li key={r.key}>
            <button type="button" className="task-link" onClick={() => onJump(r)}>
              <span className="target-text">{r.target.text}</span>
              <span className="muted">
                {r.label}
                {r.title}
              </span>
            </button>
            <div className="target-flags">
              {r.target.unconfirmed && <span className="flag">待确认</span>}
              {!r.target.deadline && <span className="flag soft">无完成时限</span>}
              {r.isTask && r.units.length === 0 && <span className="flag">无责任单位</span>}
              {r.units.length > 0 && <span className="muted">{r.units.join('、')}</span>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
});
