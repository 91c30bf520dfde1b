import { useEffect, useState } from 'react';
import type { PlanRecord, ReturnedFileAnalysis } from '../../../shared/contract';
import { suggestionText } from '../../../shared/review/opinion-rows';
import { errorMessage, invoke } from '../api/client';
import { Dialog } from '../components/Dialog';

interface Props {
  plan: PlanRecord;
  files: File[];
  onClose(changed: boolean): void;
}

const NOTHING_NEW = '没有新的意见：这些文件中的批注和修订都已在资料库中，未作任何改动。';
const KIND_LABEL = { comment: '批注', reply: '回复', insertion: '增加', deletion: '删除' } as const;

const clip = (s: string) => (s.length > 50 ? `${s.slice(0, 50)}…` : s);

async function bytesOf(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/** 导入反馈文件: several returned Word/WPS files at once, one unit each, previewed first. */
export function ReturnedFilesDialog({ plan, files, onClose }: Props) {
  const [analysis, setAnalysis] = useState<ReturnedFileAnalysis[] | null>(null);
  const [units, setUnits] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: await bytesOf(f) })));
        const a = await invoke('review.analyse', { planId: plan.id, files: payload });
        setAnalysis(a);
        // 提出单位 as the service proposes it (the authors' unit, or the file name's).
        setUnits(a.map((f) => f.unit));
      } catch (err) {
        setError(errorMessage(err));
      }
    })();
  }, [files, plan.id]);

  // Every file read and none holds anything new (e.g. a file imported before): nothing to import.
  const nothingNew = !!analysis && analysis.every((f) => f.items.length === 0);

  const run = async () => {
    if (!analysis) return;
    if (units.some((u) => !u.trim())) return setError('请为每个文件填写提出单位。');
    setBusy(true);
    setError(null);
    try {
      const payload = await Promise.all(files.map(async (f, i) => ({ fileName: f.name, bytes: await bytesOf(f), unit: units[i]!.trim() })));
      const r = await invoke('review.import', { planId: plan.id, baseRevision: plan.revision, files: payload });
      setDone(
        r.nothingNew
          ? NOTHING_NEW
          : `已导入 ${r.comments} 条批注、${r.replies ? `${r.replies} 条回复、` : ''}${r.insertions} 处增加、${r.deletions} 处删除${r.detached ? `；${r.detached} 条意见所指的原文已改动，已保留在汇总表中` : ''}。`,
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="导入反馈文件"
      width={760}
      onClose={() => onClose(!!done)}
      footer={
        done ? (
          <button type="button" className="primary" onClick={() => onClose(true)}>
            完成
          </button>
        ) : (
          <>
            <button type="button" onClick={() => onClose(false)}>
              取消
            </button>
            <button type="button" className="primary" disabled={!analysis || busy || nothingNew} onClick={() => void run()}>
              {busy ? '正在导入…' : '导入'}
            </button>
          </>
        )
      }
    >
      {!analysis && !error && (
        <div className="progress-block" role="status">
          正在读取反馈文件…
          <progress aria-label="读取进度" />
        </div>
      )}
      {done && <p role="status">{done}</p>}
      {nothingNew && !done && (
        <p role="status" className="muted">
          {NOTHING_NEW}
        </p>
      )}
      {analysis && !done && (
        <ul className="returned-files">
          {analysis.map((f, i) => (
            <li key={f.fileName} aria-label={`反馈文件 ${f.fileName}`}>
              <div className="returned-head">
                <strong>{f.fileName}</strong>
                <span className="muted">
                  {f.items.length ? `新意见 ${f.items.length} 条` : '没有新意见'}
                  {f.authors.length ? `，作者：${f.authors.join('、')}` : ''}
                </span>
              </div>
              {f.known > 0 && (
                <p className="muted" role="note">
                  另有 {f.known} 条为本办已导出的意见，已略过。
                </p>
              )}
              {!f.samePlan.same && (
                <p className="form-error" role="alert">
                  {f.samePlan.message ?? '这个文件看起来不是这份计划。'}
                </p>
              )}
              {f.notes.map((n, k) => (
                <p key={k} className="muted" role="note">
                  {n}
                </p>
              ))}
              <label className="inline-field">
                提出单位
                <input
                  aria-label={`${f.fileName} 的提出单位`}
                  value={units[i] ?? ''}
                  onChange={(e) => setUnits((u) => u.map((x, k) => (k === i ? e.target.value : x)))}
                  placeholder="如：县教育局"
                />
              </label>
              <ul className="returned-items">
                {f.items.map((it, k) => (
                  <li key={k}>
                    <span className={`suggestion-kind k-${it.kind}`}>{KIND_LABEL[it.kind]}</span>
                    {clip(it.kind === 'comment' || it.kind === 'reply' ? it.text : suggestionText(it.text))}
                    <span className="muted">
                      {' '}
                      —{' '}
                      {it.kind === 'reply'
                        ? `回复已有批注${it.task ? `（${it.task}）` : ''}`
                        : (it.task ?? (it.unplaced ? '未对应任务（保留为意见）' : '原文已改动（保留为意见）'))}
                    </span>
                  </li>
                ))}
                {f.items.length === 0 && <li className="muted">{f.known ? '文件中没有本办导出之外的批注或修订。' : '文件中没有批注或修订。'}</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
