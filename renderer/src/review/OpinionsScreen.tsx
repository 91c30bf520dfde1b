// 征求意见汇总表: every opinion from every round — 序号, 提出单位, 涉及任务, 意见内容, 处理情况,
// 理由 — filled from comments and suggestions and their outcome, editable, exported as DOCX.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanRecord } from '../../../shared/contract';
import { filterOpinions, UNSIGNED_UNIT, type OpinionDecision, type OpinionRow } from '../../../shared/review/opinion-rows';
import { PLAN_STATUSES, STATUS_LABELS, type PlanStatus } from '../../../shared/plan/status';
import { errorMessage, invoke } from '../api/client';
import { useToast } from '../components/Toasts';
import { downloadBytes } from '../api/download';
import { ReturnedFilesDialog } from './ReturnedFilesDialog';
import { REVIEW_ACCEPT } from '../../../shared/import-formats';

export function OpinionsScreen({ planId, onBack }: { planId: string; onBack(): void }) {
  const toast = useToast();
  const [plan, setPlan] = useState<PlanRecord | null>(null);
  const [rows, setRows] = useState<OpinionRow[] | null>(null);
  const [importing, setImporting] = useState<File[] | null>(null);
  const load = useCallback(async () => {
    try {
      const [p, r] = await Promise.all([invoke('plans.get', { id: planId }), invoke('review.opinions.list', { planId })]);
      setPlan(p);
      setRows(r);
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  }, [planId, toast]);
  useEffect(() => {
    void load();
  }, [load]);

  // The latest decision and reason of each row as the user set them, and each row's saves in
  // order: choosing 部分采纳 and then typing a reason must never save the reason with the
  // decision the row had before the first save came back.
  const latest = useRef(new Map<string, { decision: OpinionDecision | null; reason: string }>());
  const queue = useRef(new Map<string, Promise<void>>());
  const set = (row: OpinionRow, patch: { decision?: OpinionDecision | null; reason?: string }) => {
    const prev = latest.current.get(row.sourceId) ?? { decision: row.decision ?? null, reason: row.reason };
    const next = { ...prev, ...patch };
    latest.current.set(row.sourceId, next);
    setRows((rs) => rs?.map((r) => (r.sourceId === row.sourceId ? { ...r, ...next } : r)) ?? rs);
    const save = async () => {
      try {
        await invoke('review.opinions.set', {
          planId,
          sourceId: row.sourceId,
          decision: next.decision,
          reason: next.reason,
          snapshot: { kind: row.kind, unit: row.unit, task: row.task, content: row.content, nodeId: row.nodeId ?? null },
        });
      } catch (err) {
        toast({ kind: 'error', message: errorMessage(err) });
      }
    };
    const chained = (queue.current.get(row.sourceId) ?? Promise.resolve()).then(save);
    queue.current.set(row.sourceId, chained);
    return chained;
  };

  const [lineNumbers, setLineNumbers] = useState(false);
  const exportDraft = async () => {
    try {
      const r = await invoke('export.review', { planId, lineNumbers });
      downloadBytes(r.bytes, r.fileName);
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };
  const exportTable = async () => {
    try {
      // The table as shown: with the screen's filters.
      const r = await invoke('export.opinions', {
        planId,
        ...(unitFilter ? { unit: unitFilter } : {}),
        ...(roundFilter ? { round: roundFilter as PlanStatus } : {}),
      });
      downloadBytes(r.bytes, r.fileName);
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  };

  // Filters: by 提出单位 and by round ('' = all). 序号 stays the row's number in the whole table.
  const [unitFilter, setUnitFilter] = useState('');
  const [roundFilter, setRoundFilter] = useState('');
  const units = useMemo(() => [...new Set((rows ?? []).map((r) => r.unit || UNSIGNED_UNIT))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [rows]);
  const rounds = useMemo(() => PLAN_STATUSES.filter((st) => rows?.some((r) => r.round === st)), [rows]);
  const shown = filterOpinions(rows ?? [], { unit: unitFilter, round: roundFilter }).map(({ row, n }) => ({ r: row, n }));
  const filtered = !!unitFilter || !!roundFilter;

  const open = rows?.filter((r) => !r.decision).length ?? 0;
  return (
    <div className="coverage-screen">
      <header className="editor-header">
        <button type="button" onClick={onBack}>
          ← 返回编辑
        </button>
        <h1>征求意见汇总表{plan ? `：${plan.title}` : ''}</h1>
        <label className="inline-field small">
          <input type="checkbox" checked={lineNumbers} onChange={(e) => setLineNumbers(e.target.checked)} /> 加行号
        </label>
        <button type="button" onClick={() => void exportDraft()} title="导出征求意见稿 DOCX：含批注（Word 批注）和修订（Word 修订）">
          导出征求意见稿
        </button>
        <label className="file-button">
          导入反馈文件…
          <input
            type="file"
            multiple
            accept={REVIEW_ACCEPT}
            hidden
            aria-label="导入反馈文件"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (files.length) setImporting(files);
            }}
          />
        </label>
        <button type="button" className="primary" onClick={() => void exportTable()} disabled={!rows?.length}>
          导出汇总表
        </button>
      </header>
      <main className="opinions-body">
        {rows && rows.length === 0 && <p className="muted">还没有意见。在编辑器中添加批注或修订，或导入成员单位用 Word/WPS 返回的文件。</p>}
        {rows && rows.length > 0 && (
          <>
            <div className="opinions-toolbar">
              <p className="muted" aria-label="处理进度">
                共 {rows.length} 条意见，{open ? `${open} 条尚未填写处理情况` : '均已填写处理情况'}
                {filtered ? `；当前显示 ${shown.length} 条` : ''}。
              </p>
              <label className="inline-field small">
                提出单位
                <select aria-label="按提出单位筛选" value={unitFilter} onChange={(e) => setUnitFilter(e.target.value)}>
                  <option value="">全部单位</option>
                  {units.map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </select>
              </label>
              <label className="inline-field small">
                轮次
                <select aria-label="按轮次筛选" value={roundFilter} onChange={(e) => setRoundFilter(e.target.value)}>
                  <option value="">全部轮次</option>
                  {rounds.map((st) => (
                    <option key={st} value={st}>
                      {STATUS_LABELS[st]}
                    </option>
                  ))}
                </select>
              </label>
              {filtered && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setUnitFilter('');
                    setRoundFilter('');
                  }}
                >
                  显示全部
                </button>
              )}
            </div>
            <table className="plan-table opinions-table" aria-label="意见列表">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">轮次</th>
                  <th scope="col">提出单位</th>
                  <th scope="col">涉及任务</th>
                  <th scope="col">意见内容</th>
                  <th scope="col">处理情况</th>
                  <th scope="col">理由</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ r, n }) => (
                  <tr key={r.sourceId} aria-label={`意见 ${n}`}>
                    <td>{n}</td>
                    <td className="nowrap">{STATUS_LABELS[r.round as PlanStatus] ?? r.round}</td>
                    <td>{r.unit}</td>
                    <td>{r.task}</td>
                    <td>{r.content}</td>
                    <td>
                      <select
                        aria-label={`意见 ${n} 处理情况`}
                        value={r.decision ?? ''}
                        onChange={(e) => void set(r, { decision: (e.target.value || null) as OpinionDecision | null })}
                      >
                        <option value="">未处理</option>
                        <option value="采纳">采纳</option>
                        <option value="部分采纳">部分采纳</option>
                        <option value="不采纳">不采纳</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`意见 ${n} 理由`}
                        defaultValue={r.reason}
                        onBlur={(e) => e.target.value !== r.reason && void set(r, { reason: e.target.value })}
                      />
                    </td>
                  </tr>
                ))}
                {shown.length === 0 && (
                  <tr>
                    <td colSpan={7} className="muted">
                      没有符合筛选条件的意见。
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </>
        )}
      </main>
      {importing && plan && (
        <ReturnedFilesDialog
          plan={plan}
          files={importing}
          onClose={(changed) => {
            setImporting(null);
            if (changed) void load();
          }}
        />
      )}
    </div>
  );
}
