import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS, type PlanRecord, type VersionSummary } from '../../../shared/contract';
import { flattenOutline } from '../../../shared/plan/outline';
import { errorMessage, invoke } from '../api/client';
import { formatDateTime } from '../components/format';

interface Props {
  id: string;
  onBack(): void;
}

/** A plan opened from the library: its document info, outline and save points. */
export function PlanScreen({ id, onBack }: Props) {
  const [record, setRecord] = useState<PlanRecord | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [r, v] = await Promise.all([invoke('plans.get', { id }), invoke('versions.list', { planId: id })]);
      setRecord(r);
      setVersions(v);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const outline = record ? flattenOutline(record.doc.body) : [];
  return (
    <main className="plan-screen" aria-labelledby="plan-title">
      <header className="plan-header">
        <button type="button" onClick={onBack} title="返回资料库（Ctrl+L）">
          ← 资料库
        </button>
        <h1 id="plan-title">{record?.title ?? '正在打开…'}</h1>
        {record && (
          <span className="badge" aria-label="状态">
            {STATUS_LABELS[record.status]}
          </span>
        )}
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {record && (
        <div className="plan-layout">
          <section className="panel" aria-label="文档信息">
            <h2>文档信息</h2>
            <dl className="meta-list">
              <dt>年度</dt>
              <dd>{record.year}</dd>
              <dt>发文机关</dt>
              <dd>{record.doc.meta.issuer ?? '（未填写）'}</dd>
              <dt>文号</dt>
              <dd>{record.doc.meta.docNumber ?? '（未填写）'}</dd>
              <dt>任务数</dt>
              <dd>{record.taskCount}</dd>
            </dl>
          </section>
          <section className="panel outline-panel" aria-label="提纲">
            <h2>提纲</h2>
            {outline.length === 0 ? (
              <p className="muted">这份计划还没有内容。</p>
            ) : (
              <ol className="outline-list">
                {outline.map((item) => (
                  <li key={item.path} style={{ paddingLeft: `${(item.level - 1) * 1.5}em` }} className={item.kind}>
                    <span className="label">{item.label}</span>
                    {item.title}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="panel" aria-label="保存点">
            <h2>保存点</h2>
            <ul className="version-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <span>{formatDateTime(v.createdAt)}</span> <span>{v.message}</span> {v.author && <span className="muted">{v.author}</span>}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}
