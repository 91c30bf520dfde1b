import { useEffect, useMemo, useState } from 'react';
import type { PlanRecord, PlanSummary, VersionSummary } from '../../../shared/contract';
import { diffPlans } from '../../../shared/compare/diff';
import type { PlanDocument } from '../../../shared/plan/schema';
import { errorMessage, invoke } from '../api/client';
import { formatDateTime } from '../components/format';
import { Redline } from './Redline';

/** 与往年对比: tasks added, removed, changed and moved against another plan or a save point. */
export function DiffView({ draft }: { draft: PlanRecord }) {
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [source, setSource] = useState<string>(draft.doc.basedOn?.id ? `plan:${draft.doc.basedOn.id}` : '');
  const [old, setOld] = useState<PlanDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([invoke('plans.list', {}), invoke('versions.list', { planId: draft.id })])
      .then(([p, v]) => {
        setPlans(p.filter((x) => x.id !== draft.id));
        setVersions(v);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [draft.id]);

  useEffect(() => {
    if (!source) return setOld(null);
    const [kind, id] = source.split(':') as ['plan' | 'version', string];
    void (kind === 'plan' ? invoke('plans.get', { id }).then((r) => r.doc) : invoke('versions.get', { versionId: Number(id) }).then((r) => r.doc))
      .then(setOld)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [source]);

  const diff = useMemo(() => (old ? diffPlans(old, draft.doc) : null), [old, draft.doc]);

  return (
    <section className="diff-view" aria-label="与往年对比">
      <label className="inline-field">
        对比对象：
        <select aria-label="对比对象" value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">请选择…</option>
          <optgroup label="资料库中的计划">
            {plans.map((p) => (
              <option key={p.id} value={`plan:${p.id}`}>
                {p.title}
                {draft.doc.basedOn?.id === p.id ? '（本计划的来源）' : ''}
              </option>
            ))}
          </optgroup>
          <optgroup label="本计划的保存点">
            {versions.map((v) => (
              <option key={v.id} value={`version:${v.id}`}>
                {formatDateTime(v.createdAt)} {v.message}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {error && <p className="form-error">{error}</p>}
      {diff && (
        <>
          <p className="diff-summary" aria-label="变化概况">
            新增 {diff.added.length} 项，删去 {diff.removed.length} 项，修改 {diff.changed.filter((c) => !c.moved || c.title || c.text).length} 项，移动{' '}
            {diff.moved.length} 项，未变 {diff.unchanged} 项。
          </p>
          {diff.added.length > 0 && (
            <>
              <h3>新增的任务</h3>
              <ul className="diff-list">
                {diff.added.map((t) => (
                  <li key={t.key} className="diff-added">
                    {t.label}
                    {t.title}
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.removed.length > 0 && (
            <>
              <h3>删去的任务</h3>
              <ul className="diff-list">
                {diff.removed.map((t) => (
                  <li key={t.key} className="diff-removed">
                    {t.label}
                    {t.title}
                  </li>
                ))}
              </ul>
            </>
          )}
          {diff.changed.length > 0 && (
            <>
              <h3>修改的任务</h3>
              <ul className="diff-list">
                {diff.changed.map((c) => (
                  <li key={c.new.key}>
                    <div>
                      <strong>
                        {c.new.label}
                        {c.title ? <Redline parts={c.title} /> : c.new.title}
                      </strong>
                      {c.moved && (
                        <span className="badge">
                          移动：{c.old.section || '（未分节）'} → {c.new.section || '（未分节）'}
                        </span>
                      )}
                    </div>
                    {c.text && (
                      <p className="redline">
                        <Redline parts={c.text} />
                      </p>
                    )}
                    {[...c.unitChanges, ...c.targetChanges].map((m) => (
                      <p key={m} className="change-note">
                        {m}
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
