import type { Editor } from '@tiptap/react';
import { memo, useEffect, useMemo, useState } from 'react';
import { runChecks, type Check, type MetaPatch } from '../../../../shared/checks';
import type { FlatBlock } from '../../../../shared/plan/flat';
import type { NumberingSettings, PlanDocument, PlanMeta, RolloverFlag } from '../../../../shared/plan/schema';
import { carryImportWarnings } from '../../../../shared/checks';
import { jumpToBlock } from '../jump';
import { applyBlockPatch } from '../patch';

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

/** 校对: problems in the plan, each with a jump and, where safe, a one-click fix. */
export const ChecksPanel = memo(function ChecksPanel({ editor, blocks, meta, numbering, importWarnings, flags, dismissed, onDismiss, onMetaPatch }: Props) {
  const carried = useMemo(() => carryImportWarnings(importWarnings), [importWarnings]);
  const [checks, setChecks] = useState<Check[]>([]);
  const [showInfo, setShowInfo] = useState(true);
  // Checks take a few tens of ms on a long plan: run them when typing pauses.
  useEffect(() => {
    const t = setTimeout(() => setChecks(runChecks({ meta, blocks, numbering, dismissed, carried, ...(flags ? { flags } : {}) })), 400);
    return () => clearTimeout(t);
  }, [meta, blocks, numbering, dismissed, carried, flags]);
  const shown = showInfo ? checks : checks.filter((c) => c.severity !== 'info');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const c of checks) counts[c.severity]++;

  const fix = (c: Check) => {
    if (!c.fix) return;
    const patch = c.fix.patch;
    if ('meta' in patch) onMetaPatch((patch as MetaPatch).meta);
    else if (c.fix.blockIndex !== null) applyBlockPatch(editor, c.fix.blockIndex, patch);
  };

  return (
    <section className="side-section" aria-label="校对">
      <div className="checks-summary">
        <span className="sev-error">错误 {counts.error}</span> <span className="sev-warning">注意 {counts.warning}</span>{' '}
        <label>
          <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo(e.target.checked)} /> 提示 {counts.info}
        </label>
      </div>
      {shown.length === 0 && <p className="muted">没有发现问题。</p>}
      <ul className="check-list">
        {shown.map((c) => (
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
    </section>
  );
});
