import type { Editor } from '@tiptap/react';
import { memo, useEffect, useMemo, useState } from 'react';
import { groupChecks, runChecks, type Check, type CheckGroup, type MetaPatch } from '../../../../shared/checks';
import type { FlatBlock } from '../../../../shared/plan/flat';
import type { NumberingSettings, PlanDocument, PlanMeta, RolloverFlag } from '../../../../shared/plan/schema';
import { carryImportWarnings } from '../../../../shared/checks';
import { jumpToBlock } from '../jump';
import { applyBlockPatch, applyBlockPatches } from '../patch';

interface Props {
  editor: Editor;
  blocks: FlatBlock[];
  meta: PlanMeta;
  numbering: NumberingSettings;
  /** The importer's warnings, anchored (usePlanFields), with the body and metadata as opened. */
  importWarnings: Pick<PlanDocument, 'body' | 'meta' | 'warnings'>;
  /** Rollover findings (基于往年要点) still to look at. */
  flags?: RolloverFlag[];
  dismissed: string[];
  onDismiss(id: string): void;
  onMetaPatch(patch: Partial<PlanMeta>): void;
}

const SEVERITY = { error: '错误', warning: '注意', info: '提示' } as const;

/** Groups of up to this many findings (or all, when the whole list is this short) start open. */
const OPEN_UP_TO = 8;

/** 校对: problems in the plan, each with a jump and, where safe, a one-click fix. */
export const ChecksPanel = memo(function ChecksPanel({ editor, blocks, meta, numbering, importWarnings, flags, dismissed, onDismiss, onMetaPatch }: Props) {
  const carried = useMemo(() => carryImportWarnings(importWarnings), [importWarnings]);
  // null until the first run: the panel says 正在校对… rather than 没有发现问题.
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [showInfo, setShowInfo] = useState(true);
  /** Groups the drafter opened or closed; others follow the default (see isOpen). */
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  // Checks take a few tens of ms on a long plan: run them when typing pauses.
  useEffect(() => {
    const t = setTimeout(() => setChecks(runChecks({ meta, blocks, numbering, dismissed, carried, ...(flags ? { flags } : {}) })), 400);
    return () => clearTimeout(t);
  }, [meta, blocks, numbering, dismissed, carried, flags]);
  const shown = useMemo(() => (checks && !showInfo ? checks.filter((c) => c.severity !== 'info') : (checks ?? [])), [checks, showInfo]);
  const groups = useMemo(() => groupChecks(shown), [shown]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const c of checks ?? []) counts[c.severity]++;
  // A short list is shown open; of a long one, only the groups of up to OPEN_UP_TO findings.
  const isOpen = (g: CheckGroup) => toggled[g.kind] ?? (shown.length <= OPEN_UP_TO || g.checks.length <= OPEN_UP_TO);

  const fix = (c: Check) => {
    if (!c.fix) return;
    const patch = c.fix.patch;
    if ('meta' in patch) onMetaPatch((patch as MetaPatch).meta);
    else if (c.fix.blockIndex !== null) applyBlockPatch(editor, c.fix.blockIndex, patch);
  };
  const fixAll = (g: CheckGroup) =>
    applyBlockPatches(
      editor,
      g.blockFixes.map((f) => ({ blockIndex: f.blockIndex!, patch: f.patch as Partial<FlatBlock> })),
    );

  return (
    <section className="side-section" aria-label="校对">
      <div className="checks-summary">
        <span className="sev-error">错误 {counts.error}</span> <span className="sev-warning">注意 {counts.warning}</span>{' '}
        <label>
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> 提示 {counts.info}
        </label>
      </div>
      {checks === null && (
        <p className="muted" role="status">
          正在校对…
        </p>
      )}
      {checks !== null && shown.length === 0 && <p className="muted">没有发现问题。</p>}
      {groups.map((g) => {
        const open = isOpen(g);
        return (
          <section key={g.kind} className={`check-group group-${g.severity}`} aria-label={`${g.label}（${g.checks.length}）`} data-kind={g.kind}>
            <div className="check-group-head">
              <button
                type="button"
                className="check-group-toggle"
                aria-expanded={open}
                onClick={() => setToggled((t) => ({ ...t, [g.kind]: !open }))}
                title={open ? '收起' : '展开'}
              >
                <span className="check-group-arrow" aria-hidden="true">
                  {open ? '▾' : '▸'}
                </span>
                <span className="check-group-label">{g.label}</span>
                <span className="check-group-count">{g.checks.length}</span>
              </button>
              {g.blockFixes.length >= 2 && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => fixAll(g)}
                  title={`${g.blockFixes[0]!.label}：一次修正这一类的 ${g.blockFixes.length} 处，可一步撤销（Ctrl+Z）`}
                >
                  全部修正（{g.blockFixes.length}）
                </button>
              )}
            </div>
            {open && (
              <ul className="check-list">
                {g.checks.map((c) => (
                  <li key={c.id} className={`check sev-${c.severity}`} aria-label={c.message}>
                    <span className="sev">{SEVERITY[c.severity]}</span>
                    <span className="check-message">{c.message}</span>
                    <div className="check-actions">
                      {c.blockIndex !== null && (
                        <button type="button" onClick={() => jumpToBlock(editor, c.blockIndex!)}>
                          定位
                        </button>
                      )}
                      {c.fix && (
                        <button type="button" className="primary" onClick={() => fix(c)}>
                          {c.fix.label}
                        </button>
                      )}
                      <button type="button" className="link-button" onClick={() => onDismiss(c.id)} title="不再提示这一条">
                        忽略
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
});
