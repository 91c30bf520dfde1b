// 对照上级文件: for every task of a higher-level document, the draft tasks that answer it, with
// status, scores and reasons, what a partial answer left out, target findings; decisions stored
// (applied at once, saved in the background); uncovered tasks can be inserted into the draft.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LinkDecision, PlanRecord, PlanSummary } from '../../../shared/contract';
import type { UpperResult } from '../../../shared/compare/compare';
import { insertUpperTask } from '../../../shared/compare/insert-upper-task';
import { indexById } from '../../../shared/plan/ids';
import { nodeAtPath } from '../../../shared/plan/paths';
import type { PlanDocument } from '../../../shared/plan/schema';
import { errorMessage, invoke } from '../api/client';
import { useToast } from '../components/Toasts';
import { downloadBytes } from '../api/download';
import { ImportDialog, type ImportSource } from '../screens/ImportDialog';
import { useComparison } from './useComparison';
import { DiffView } from './DiffView';
import { nodeText } from './node-text';
import { IMPORT_ACCEPT } from '../../../shared/import-formats';
import { coverageTableRows, STATUS_LABEL } from '../../../shared/compare/coverage-table';
import { CoverageDetail, type DecisionKind } from './CoverageDetail';
import { findingSeverity } from '../../../shared/compare/targets';
type Filter = 'all' | 'missing' | 'partial' | 'covered';

interface Props {
  draftId: string;
  onBack(): void;
}

export function CoverageScreen({ draftId, onBack }: Props) {
  const toast = useToast();
  const [tab, setTab] = useState<'upper' | 'diff'>('upper');
  const [draft, setDraft] = useState<PlanRecord | null>(null);
  const [uppers, setUppers] = useState<PlanSummary[]>([]);
  const [selectedUppers, setSelectedUppers] = useState<string[]>([]);
  const [upperId, setUpperId] = useState<string | null>(null);
  const [upper, setUpper] = useState<PlanRecord | null>(null);
  const [decisions, setDecisions] = useState<LinkDecision[] | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadDraft = useCallback(async () => setDraft(await invoke('plans.get', { id: draftId })), [draftId]);

  useEffect(() => {
    void (async () => {
      try {
        const [d, list, chosen] = await Promise.all([
          invoke('plans.get', { id: draftId }),
          invoke('plans.list', { kind: 'upper' }),
          invoke('compare.uppers.get', { draftId }),
        ]);
        setDraft(d);
        setUppers(list);
        setSelectedUppers(chosen.upperIds);
        setUpperId(chosen.upperIds[0] ?? null);
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }, [draftId]);

  useEffect(() => {
    if (!upperId) {
      setUpper(null);
      setDecisions(null);
      return;
    }
    void (async () => {
      try {
        const [u, d] = await Promise.all([invoke('plans.get', { id: upperId }), invoke('compare.decisions.list', { draftId, upperId })]);
        setUpper(u);
        setDecisions(d);
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }, [draftId, upperId]);

  const chooseUppers = async (ids: string[]) => {
    try {
      const r = await invoke('compare.uppers.set', { draftId, upperIds: ids });
      setSelectedUppers(r.upperIds);
      if (!upperId || !r.upperIds.includes(upperId)) setUpperId(r.upperIds[0] ?? null);
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  const upperDoc = upper?.doc ?? null;
  const draftDoc = draft?.doc ?? null;
  const decisionList = useMemo(() => decisions?.map((d) => ({ upperKey: d.upperKey, draftKey: d.draftKey, decision: d.decision })) ?? null, [decisions]);
  const result = useComparison(upperDoc, draftDoc, decisionList);
  const comparison = result.state === 'done' ? result.comparison : null;

  const rows = useMemo(() => {
    if (!comparison) return [];
    const order = { missing: 0, partial: 1, covered: 2 } as const;
    const list = comparison.upper.filter((u) => filter === 'all' || u.status === filter);
    return filter === 'all' ? [...list].sort((a, b) => order[a.status] - order[b.status]) : list;
  }, [comparison, filter]);
  const current: UpperResult | null = comparison?.upper.find((u) => u.key === selected) ?? rows[0] ?? null;

  // A decision shows at once (applied on this thread, useComparison) and is saved in the
  // background; when saving fails, the decisions before it come back with the error.
  const decideSeq = useRef(0);
  const decide = async (u: UpperResult, draftKey: string, decision: DecisionKind) => {
    if (!upperId || !decisions) return;
    const before = decisions;
    const author = localStorage.getItem('plandesk.author') ?? '';
    const others = before.filter((d) => !(d.upperKey === u.key && d.draftKey === draftKey));
    setDecisions(decision ? [...others, { upperKey: u.key, draftKey, decision, author, decidedAt: new Date().toISOString() }] : others);
    const seq = ++decideSeq.current;
    try {
      await invoke('compare.decisions.set', { draftId, upperId, upperKey: u.key, draftKey, decision, author });
      const stored = await invoke('compare.decisions.list', { draftId, upperId });
      if (seq === decideSeq.current) setDecisions(stored);
    } catch (err) {
      if (seq === decideSeq.current) setDecisions(before);
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  const insertAsTask = async (u: UpperResult) => {
    if (!draft || !upper || !comparison) return;
    const r = insertUpperTask(draft.doc, upper.doc, comparison, u.key);
    if (!r) return;
    try {
      await invoke('plans.save', { id: draft.id, baseRevision: draft.revision, doc: r.doc, savePoint: `插入上级任务：${u.title.slice(0, 30)}` });
      await loadDraft();
      toast({ kind: 'info', message: `已把“${u.title}”插入草稿，请在编辑器中修改并填写责任单位。` });
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  const exportTable = async () => {
    if (!comparison || !upper || !draft) return;
    try {
      const r = await invoke('export.coverageTable', {
        title: `${draft.title}对照${upper.title}落实情况表`,
        rows: coverageTableRows(comparison),
      });
      downloadBytes(r.bytes, r.fileName);
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  // Nodes by id (issue 14): the comparison's keys are node ids; a path only when a unit has none.
  const upperIndex = useMemo(() => (upperDoc ? indexById(upperDoc.body) : null), [upperDoc]);
  const draftIndex = useMemo(() => (draftDoc ? indexById(draftDoc.body) : null), [draftDoc]);
  const upperNode = current && upperDoc ? (upperIndex?.get(current.key)?.node ?? nodeAtPath(upperDoc.body, current.path)) : null;
  const up = nodeText(upperNode);
  const draftOptions = useMemo(() => comparison?.draftOnly ?? [], [comparison]);

  return (
    <div className="coverage-screen">
      <header className="editor-header">
        <button type="button" onClick={onBack}>
          ← 返回编辑
        </button>
        <h1>{draft?.title ?? '…'}</h1>
        <div className="tabs inline-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'upper'} className={tab === 'upper' ? 'active' : ''} onClick={() => setTab('upper')}>
            对照上级文件
          </button>
          <button type="button" role="tab" aria-selected={tab === 'diff'} className={tab === 'diff' ? 'active' : ''} onClick={() => setTab('diff')}>
            与往年对比
          </button>
        </div>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'diff' && draft && <DiffView draft={draft} />}
      {tab === 'upper' && (
        <>
          <div className="toolbar" aria-label="上级文件">
            <span>上级文件：</span>
            {uppers.length === 0 && <span className="muted">资料库中还没有上级文件。</span>}
            {uppers.map((u) => (
              <label key={u.id} className="upper-choice">
                <input
                  type="checkbox"
                  checked={selectedUppers.includes(u.id)}
                  onChange={(e) => void chooseUppers(e.target.checked ? [...selectedUppers, u.id] : selectedUppers.filter((x) => x !== u.id))}
                />
                {u.title}
              </label>
            ))}
            <label className="file-button">
              导入上级文件…
              <input
                type="file"
                accept={IMPORT_ACCEPT}
                aria-label="导入上级文件"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) setImporting({ kind: 'file', file });
                }}
              />
            </label>
            <span className="spacer" />
            {comparison && (
              <button type="button" onClick={() => void exportTable()}>
                导出对照表
              </button>
            )}
          </div>
          {selectedUppers.length > 1 && (
            <div className="tabs upper-tabs" role="tablist" aria-label="选择上级文件">
              {selectedUppers.map((id) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  aria-selected={id === upperId}
                  className={id === upperId ? 'active' : ''}
                  onClick={() => setUpperId(id)}
                >
                  {uppers.find((u) => u.id === id)?.title ?? id}
                </button>
              ))}
            </div>
          )}
          {!upperId && (
            <p className="muted coverage-empty">
              勾选或导入一份上级文件（如省、市的安全生产工作要点），PlanDesk 会为上级文件的每项任务找出本计划中落实它的任务。
            </p>
          )}
          {upperId && result.state === 'running' && (
            <div className="progress-block" role="status">
              正在对照…
              <progress aria-label="对照进度" />
            </div>
          )}
          {result.state === 'error' && (
            <p className="form-error" role="alert">
              {result.message}
            </p>
          )}
          {comparison && (
            <div className="coverage-body">
              <section className="coverage-list" aria-label="上级任务">
                <div className="coverage-summary" aria-label="落实情况">
                  <strong>总体落实率 {Math.round(comparison.coverage * 100)}%</strong>
                  {!comparison.upperHasTasks && <p className="muted">上级文件中没有识别出任务，已按段落对照。</p>}
                  <ul>
                    {comparison.sections.map((s) => (
                      <li key={s.section}>
                        <span className="section-name">{s.section || '（未分节）'}</span>
                        <span className="bar">
                          <span style={{ width: `${Math.round(s.coverage * 100)}%` }} />
                        </span>
                        <span>{Math.round(s.coverage * 100)}%</span>
                      </li>
                    ))}
                  </ul>
                </div>
                <div className="filter-row" role="group" aria-label="筛选">
                  {(['all', 'missing', 'partial', 'covered'] as const).map((f) => (
                    <button key={f} type="button" aria-pressed={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
                      {f === 'all' ? '全部（未落实在前）' : STATUS_LABEL[f]}（
                      {f === 'all' ? comparison.upper.length : comparison.upper.filter((u) => u.status === f).length}）
                    </button>
                  ))}
                </div>
                <ol>
                  {rows.map((u) => (
                    <li key={u.key}>
                      <button type="button" className={`upper-row${current?.key === u.key ? ' active' : ''}`} onClick={() => setSelected(u.key)}>
                        <span className={`status status-${u.status}`}>{STATUS_LABEL[u.status]}</span>
                        <span className="label">{u.label}</span>
                        <span className="title">{u.title}</span>
                        {u.targetFindings.some((f) => findingSeverity(f.kind) === 'concern') && (
                          <span className="finding-count" title="需关注的目标差异">
                            ！{u.targetFindings.filter((f) => findingSeverity(f.kind) === 'concern').length}
                          </span>
                        )}
                      </button>
                    </li>
                  ))}
                </ol>
              </section>
              {current && (
                <CoverageDetail
                  current={current}
                  upperText={up}
                  draftDoc={draftDoc}
                  draftIndex={draftIndex}
                  draftOptions={draftOptions}
                  decide={(u, key, d) => void decide(u, key, d)}
                  insertAsTask={(u) => void insertAsTask(u)}
                />
              )}
            </div>
          )}
        </>
      )}
      {importing && (
        <ImportDialog
          source={importing}
          asUpper
          onCancel={() => setImporting(null)}
          onConfirm={async (r, title, year, level) => {
            const doc: PlanDocument = { ...r.doc, meta: { ...r.doc.meta, ...(level ? { issuerLevel: level } : {}) } };
            const rec = await invoke('plans.create', { title, year, doc, kind: 'upper' });
            setImporting(null);
            setUppers(await invoke('plans.list', { kind: 'upper' }));
            await chooseUppers([...selectedUppers, rec.id]);
            setUpperId(rec.id);
          }}
        />
      )}
    </div>
  );
}
