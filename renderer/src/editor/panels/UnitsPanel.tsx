import { memo, useMemo, useState } from 'react';
import type { FlatBlock } from '../../../../shared/plan/flat';
import type { OutlineEntry } from '../numbering-plugin';

interface Props {
  blocks: FlatBlock[];
  outline: OutlineEntry[];
  /** By node id (issue 14); the index only for a block without one. */
  onJump(target: { id?: string; index: number }): void;
  onRename(from: string, to: string): void;
}

export interface UnitRow {
  name: string;
  lead: Array<{ id?: string; index: number; label: string; title: string }>;
  support: Array<{ id?: string; index: number; label: string; title: string }>;
}

/**
 * A unit's first tasks shown before 显示全部: in a long plan a unit such as 各乡镇 supports
 * hundreds of tasks, and listing them all for every unit made the panel the largest part of the
 * page (issue 17: thousands of nodes, the renderer's memory).
 */
export const UNIT_TASKS_SHOWN = 8;

/** 分工: for every unit, the tasks it leads and supports; renaming here renames everywhere. */
export const UnitsPanel = memo(function UnitsPanel({ blocks, outline, onJump, onRename }: Props) {
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => {
    const labels = new Map(outline.map((e) => [e.index, e.label]));
    const m = new Map<string, UnitRow>();
    blocks.forEach((b, index) => {
      if (b.type !== 'task') return;
      const ref = { ...(b.id ? { id: b.id } : {}), index, label: labels.get(index) ?? '', title: b.title };
      for (const [list, role] of [
        [b.lead, 'lead'],
        [b.support, 'support'],
      ] as const) {
        for (const name of list) {
          const row = m.get(name) ?? { name, lead: [], support: [] };
          row[role].push(ref);
          m.set(name, row);
        }
      }
    });
    return [...m.values()].sort((a, b) => b.lead.length + b.support.length - (a.lead.length + a.support.length) || a.name.localeCompare(b.name, 'zh'));
  }, [blocks, outline]);
  const shown = rows.filter((r) => !filter.trim() || r.name.includes(filter.trim()));

  return (
    <section className="side-section" aria-label="分工">
      <input type="search" placeholder="筛选单位" aria-label="筛选单位" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {rows.length === 0 && <p className="muted">还没有任务设置责任单位。</p>}
      <ul className="unit-list">
        {shown.map((r) => (
          <li key={r.name} className="unit-row">
            <div className="unit-head">
              {renaming?.from === r.name ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const to = renaming.to.trim();
                    if (to && to !== r.name) onRename(r.name, to);
                    setRenaming(null);
                  }}
                >
                  <input
                    autoFocus
                    aria-label={`${r.name} 的新名称`}
                    value={renaming.to}
                    onChange={(e) => setRenaming({ from: r.name, to: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  />
                  <button type="submit">改名</button>
                </form>
              ) : (
                <>
                  <strong>{r.name}</strong>
                  <span className="muted">
                    牵头 {r.lead.length} · 负责 {r.support.length}
                  </span>
                  <button type="button" className="link-button" aria-label={`重命名 ${r.name}`} onClick={() => setRenaming({ from: r.name, to: r.name })}>
                    改名
                  </button>
                </>
              )}
            </div>
            <ul className="unit-tasks">
              {unitTasks(r, expanded.has(r.name)).map(({ role, t }) => (
                <li key={`${role === 'lead' ? 'l' : 's'}${t.index}`}>
                  <button type="button" className="task-link" onClick={() => onJump(t)}>
                    <span className={role === 'lead' ? 'role lead' : 'role'}>{role === 'lead' ? '牵头' : '负责'}</span> {t.label}
                    {t.title}
                  </button>
                </li>
              ))}
            </ul>
            {r.lead.length + r.support.length > UNIT_TASKS_SHOWN && (
              <button
                type="button"
                className="link-button"
                aria-expanded={expanded.has(r.name)}
                onClick={() =>
                  setExpanded((x) => {
                    const next = new Set(x);
                    if (!next.delete(r.name)) next.add(r.name);
                    return next;
                  })
                }
              >
                {expanded.has(r.name) ? '收起' : `显示全部 ${r.lead.length + r.support.length} 项`}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
});

/** The tasks listed under a unit: those it leads, then those it supports; the first few unless `all`. */
export function unitTasks(r: UnitRow, all: boolean): Array<{ role: 'lead' | 'support'; t: UnitRow['lead'][number] }> {
  const list = [...r.lead.map((t) => ({ role: 'lead' as const, t })), ...r.support.map((t) => ({ role: 'support' as const, t }))];
  return all ? list : list.slice(0, UNIT_TASKS_SHOWN);
}
