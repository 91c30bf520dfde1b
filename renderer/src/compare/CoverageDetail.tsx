// The right side of the coverage view: the selected upper task, what was left out of a partial
// answer, its target findings, and the draft tasks answering it, each with its reason and the
// decisions a person can take (确认 / 否决 / 撤销决定 / 手动关联).
import { useState } from 'react';
import type { UpperResult } from '../../../shared/compare/compare';
import { highlightPhrases, partialParts, splitNote, STATUS_LABEL } from '../../../shared/compare/coverage-table';
import { nodeAtPath } from '../../../shared/plan/paths';
import { taskSentences } from '../../../shared/plan/running-text';
import type { BodyNode, PlanDocument } from '../../../shared/plan/schema';
import { FindingList } from './FindingList';
import { LinkExplanation } from './LinkExplanation';
import { PartialParts } from './PartialParts';
import { SideBySide } from './SideBySide';
import { Highlight, nodeText } from './node-text';

export type DecisionKind = 'confirmed' | 'rejected' | 'added' | null;

interface Props {
  current: UpperResult;
  upperText: { title: string; text: string; units: string };
  draftDoc: PlanDocument | null;
  draftIndex: Map<string, { node: BodyNode }> | null;
  draftOptions: Array<{ key: string; label: string; title: string }>;
  decide(u: UpperResult, draftKey: string, decision: DecisionKind): void;
  insertAsTask(u: UpperResult): void;
}

export function CoverageDetail({ current, upperText: up, draftDoc, draftIndex, draftOptions, decide, insertAsTask }: Props) {
  const [pair, setPair] = useState<string | null>(null);
  const parts = partialParts(current);
  const split = splitNote(current);
  return (
    <section className="coverage-detail" aria-label="落实情况详情">
      <h2>
        {current.label}
        {current.title} <span className={`status status-${current.status}`}>{STATUS_LABEL[current.status]}</span>
        {split && <span className="split-note">{split}</span>}
      </h2>
      <p className="upper-text">
        {up.text}
        {up.units && <span className="muted">（{up.units}）</span>}
      </p>
      {parts && <PartialParts parts={current.parts!} />}
      {current.targetFindings.length > 0 && <FindingList key={current.key} findings={current.targetFindings} />}
      <h3>本计划中的落实任务</h3>
      {current.links.length === 0 && <p className="muted">没有找到落实这项任务的内容。</p>}
      <ul className="link-list">
        {current.links.map((l) => {
          const marks = highlightPhrases(l);
          const dn = draftDoc ? nodeText(draftIndex?.get(l.key)?.node ?? nodeAtPath(draftDoc.body, l.path)) : { title: l.title, text: '', units: '' };
          return (
            <li key={l.key} aria-label={`关联 ${l.label}${l.title}`}>
              <div className="link-head">
                <strong>
                  {l.label}
                  <Highlight text={l.title} phrases={marks} />
                </strong>
                <span className="score" title="相似度">
                  {Math.round(l.score * 100)}%
                </span>
                {l.decision && <span className="badge">{l.decision === 'added' ? '人工添加' : '已确认'}</span>}
              </div>
              <p className="draft-text">
                <Highlight text={dn.text} phrases={marks} />
              </p>
              <LinkExplanation link={l} />
              <div className="link-actions">
                {!l.decision && (
                  <button type="button" onClick={() => decide(current, l.key, 'confirmed')}>
                    确认
                  </button>
                )}
                <button type="button" onClick={() => decide(current, l.key, 'rejected')}>
                  否决
                </button>
                {l.decision && (
                  <button type="button" className="link-button" onClick={() => decide(current, l.key, null)}>
                    撤销决定
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => setPair(pair === l.key ? null : l.key)}>
                  {pair === l.key ? '收起对比' : '逐字对比'}
                </button>
              </div>
              {pair === l.key && <SideBySide upper={taskSentences(up)} draft={taskSentences(dn)} />}
            </li>
          );
        })}
      </ul>
      <div className="add-link">
        <label>
          手动关联：
          <select aria-label="手动关联本计划任务" value="" onChange={(e) => e.target.value && decide(current, e.target.value, 'added')}>
            <option value="">选择本计划的任务…</option>
            {draftOptions.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
                {d.title}
              </option>
            ))}
          </select>
        </label>
        {current.status !== 'covered' && (
          <button type="button" className="primary" onClick={() => insertAsTask(current)}>
            插入为新任务
          </button>
        )}
      </div>
    </section>
  );
}
