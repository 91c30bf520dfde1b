// 目标差异: one card per finding — a badge (需关注 / 提示), the title and one-line reason, and the
// upper and draft clauses side by side (上级 | 本级). Filter by severity.
import { useState } from 'react';
import { draftSideName, findingBadge, findingReason, findingTitle } from '../../../shared/compare/coverage-table';
import type { TargetFinding } from '../../../shared/compare/targets';
import { Highlight } from './node-text';

type Only = 'all' | 'concern' | 'note';
const ONLY_LABEL: Record<Only, string> = { all: '全部', concern: '需关注', note: '提示' };

/** The measures the message quotes (上级“30人”，本级“10人”), marked in whichever clause holds them. */
function quoted(f: TargetFinding): { upper: string[]; draft: string[] } {
  const q = [...f.message.matchAll(/“([^”]+)”/gu)].map((m) => m[1]!);
  return { upper: q.filter((x) => f.upper.includes(x)), draft: q.filter((x) => f.draft.includes(x)) };
}

export function FindingList({ findings }: { findings: TargetFinding[] }) {
  const [only, setOnly] = useState<Only>('all');
  const count = (o: Only) => (o === 'all' ? findings.length : findings.filter((f) => findingBadge(f).severity === o).length);
  const shown = only === 'all' ? findings : findings.filter((f) => findingBadge(f).severity === only);
  return (
    <section className="findings" aria-label="目标差异">
      <div className="findings-head">
        <h3>目标差异</h3>
        {count('concern') > 0 && count('note') > 0 && (
          <div className="filter-row" role="group" aria-label="筛选目标差异">
            {(['all', 'concern', 'note'] as const).map((o) => (
              <button key={o} type="button" aria-pressed={only === o} className={only === o ? 'active' : ''} onClick={() => setOnly(o)}>
                {ONLY_LABEL[o]}（{count(o)}）
              </button>
            ))}
          </div>
        )}
      </div>
      <ul className="finding-cards">
        {shown.map((f, i) => {
          const badge = findingBadge(f);
          const title = findingTitle(f);
          const marks = quoted(f);
          return (
            <li key={i} className={`finding-card finding-${badge.severity} finding-${f.kind}`} aria-label={`${badge.label}：${title}`}>
              <div className="finding-head">
                <span className={`finding-badge badge-${badge.severity}`}>{badge.label}</span>
                <strong className="finding-title">{title}</strong>
                <span className="finding-reason">{findingReason(f)}</span>
              </div>
              <div className="finding-quotes">
                <div>
                  <h4>上级</h4>
                  <p>{f.upper ? <Highlight text={f.upper} phrases={marks.upper} /> : <span className="muted">（上级未提）</span>}</p>
                </div>
                <div>
                  <h4>{draftSideName(f)}</h4>
                  <p>{f.draft ? <Highlight text={f.draft} phrases={marks.draft} /> : <span className="muted">（本级未写明）</span>}</p>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
