import { useEffect, useMemo, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../shared/contract';
import type { ImportResult } from '../../../shared/import/analyze';
import { confirmWarnings } from '../../../shared/checks/carried';
import { splitAddressees } from '../../../shared/import/notice';
import { ORIGIN_LABELS, type FieldOrigin } from '../../../shared/import/origins';
import { flattenOutline } from '../../../shared/plan/outline';
import type { PlanMeta } from '../../../shared/plan/schema';
import { errorMessage, invoke } from '../api/client';
import { Dialog } from '../components/Dialog';

export type ImportSource = { kind: 'file'; file: File } | { kind: 'paste' };

export type IssuerLevel = NonNullable<PlanMeta['issuerLevel']>;

const LEVELS: Array<[IssuerLevel, string]> = [
  ['national', '国家'],
  ['provincial', '省'],
  ['city', '市'],
  ['county', '县（区）'],
  ['township', '乡镇（街道）'],
];

interface Props {
  source: ImportSource;
  /** Imported as a higher-level document (上级文件): also asks for the issuer's level. */
  asUpper?: boolean;
  onCancel(): void;
  /** Stores the plan (the caller creates it) and opens it. */
  onConfirm(result: ImportResult, title: string, year: number, level?: IssuerLevel): Promise<void>;
}

function readFile(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(file);
  });
}

/** "来自：文号中的年份（安委〔2016〕1号）" under a field of the preview. */
function OriginNote({ origin, edited, testId }: { origin: FieldOrigin; edited: boolean; testId: string }) {
  if (edited)
    return (
      <small className="origin edited" data-testid={testId}>
        已手动修改
      </small>
    );
  const excerpt = origin.excerpt && origin.excerpt.length > 40 ? `${origin.excerpt.slice(0, 40)}…` : origin.excerpt;
  return (
    <small className={`origin ${origin.source === 'none' || origin.source === 'file-name' ? 'missing' : ''}`} data-testid={testId} title={origin.excerpt}>
      来自：{ORIGIN_LABELS[origin.source]}
      {excerpt && origin.excerpt !== undefined && <>（{excerpt}）</>}
    </small>
  );
}

type Phase =
  | { step: 'paste' }
  | { step: 'reading'; fraction: number }
  | { step: 'analysing' }
  | { step: 'preview'; result: ImportResult }
  | { step: 'error'; message: string };

/** 导入: read → analyse → preview of what was recognised → 确认导入 (or 取消, leaving nothing behind). */
export function ImportDialog({ source, asUpper, onCancel, onConfirm }: Props) {
  const [level, setLevel] = useState<IssuerLevel>('city');
  const [phase, setPhase] = useState<Phase>(source.kind === 'paste' ? { step: 'paste' } : { step: 'reading', fraction: 0 });
  const [pasted, setPasted] = useState<{ text: string; html: string }>({ text: '', html: '' });
  const [title, setTitle] = useState('');
  const [year, setYear] = useState('');
  const [addressees, setAddressees] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const show = (result: ImportResult) => {
    setTitle(result.origins.title.source === 'none' ? '' : result.doc.meta.title);
    // A year the text does not state is left for the person to give: never today's year silently.
    setYear(result.origins.year.source === 'none' ? '' : String(result.doc.meta.year));
    setAddressees(result.doc.meta.addressees.join('、'));
    setPhase({ step: 'preview', result });
  };

  useEffect(() => {
    if (source.kind !== 'file') return;
    let cancelled = false;
    const { file } = source;
    void (async () => {
      try {
        if (file.size === 0) throw new Error(`文件“${file.name}”是空的。`);
        if (file.size > MAX_IMPORT_BYTES) {
          throw new Error(
            `文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB），最大 ${MAX_IMPORT_BYTES / 1024 / 1024} MB；一份工作要点通常不到 1 MB，请确认选择了正确的文件。`,
          );
        }
        const bytes = await readFile(file, (fraction) => !cancelled && setPhase({ step: 'reading', fraction }));
        if (cancelled) return;
        setPhase({ step: 'analysing' });
        const result = await invoke('import.file', { fileName: file.name, bytes });
        if (!cancelled) show(result);
      } catch (err) {
        if (!cancelled) setPhase({ step: 'error', message: errorMessage(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source]);

  const analysePaste = async () => {
    setPhase({ step: 'analysing' });
    try {
      show(await invoke('import.paste', pasted.html.trim() ? { html: pasted.html } : { text: pasted.text }));
    } catch (err) {
      setPhase({ step: 'error', message: errorMessage(err) });
    }
  };

  const preview = phase.step === 'preview' ? phase.result : null;
  const outline = useMemo(() => (preview ? flattenOutline(preview.doc.body) : []), [preview]);
  const byPath = useMemo(() => new Map(outline.map((o) => [o.path, o])), [outline]);

  const confirm = async () => {
    if (!preview) return;
    const t = title.trim();
    const y = Number(year);
    if (!t) return setSaveError('请填写标题。');
    if (!year.trim()) return setSaveError('未能从原文中识别出年度，请填写年度（四位数字，例如 2026）。');
    if (!/^\d{4}$/.test(year.trim()) || y < 1949 || y > 2100) return setSaveError('年份应为四位数字，例如 2026。');
    const list = splitAddressees(addressees);
    const meta = { ...preview.doc.meta, title: t, year: y, addressees: list };
    // The person gave (or confirmed) the year here: the importer's warning about it is resolved.
    const warnings = confirmWarnings(preview.doc.warnings, ['year']);
    const doc = { ...preview.doc, meta, warnings, ...(preview.doc.notice ? { notice: { ...preview.doc.notice, addressees: list } } : {}) };
    setSaving(true);
    setSaveError(null);
    try {
      await onConfirm({ ...preview, doc }, t, y, asUpper ? level : undefined);
    } catch (err) {
      setSaveError(errorMessage(err));
      setSaving(false);
    }
  };

  const sourceName = source.kind === 'file' ? source.file.name : '粘贴的内容';
  return (
    <Dialog
      title={`${asUpper ? '导入上级文件' : '导入'}：${sourceName}`}
      onClose={onCancel}
      width={820}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          {phase.step === 'paste' && (
            <button type="button" className="primary" disabled={!pasted.text.trim() && !pasted.html.trim()} onClick={() => void analysePaste()}>
              分析
            </button>
          )}
          {preview && (
            <button type="button" className="primary" disabled={saving} onClick={() => void confirm()}>
              {saving ? '正在保存…' : '确认导入'}
            </button>
          )}
        </>
      }
    >
      {phase.step === 'paste' && (
        <div
          className="paste-area"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-label="粘贴内容"
          onPaste={(e) => {
            e.preventDefault();
            const html = e.clipboardData.getData('text/html');
            const text = e.clipboardData.getData('text/plain');
            setPasted({ text, html });
            (e.currentTarget as HTMLElement).textContent = text.slice(0, 5000) + (text.length > 5000 ? '…' : '');
          }}
          onInput={(e) => setPasted({ text: (e.currentTarget as HTMLElement).innerText, html: '' })}
        />
      )}
      {phase.step === 'paste' && <p className="muted">把网页或 Word 中复制的工作要点粘贴到上面的框中，然后点“分析”。</p>}
      {phase.step === 'reading' && (
        <div className="progress-block" role="status">
          正在读取文件…
          <progress aria-label="读取进度" max={1} value={phase.fraction} />
        </div>
      )}
      {phase.step === 'analysing' && (
        <div className="progress-block" role="status">
          正在分析结构…
          <progress aria-label="分析进度" />
        </div>
      )}
      {phase.step === 'error' && (
        <p className="form-error" role="alert">
          {phase.message}
        </p>
      )}
      {preview && (
        <div className="import-preview">
          <section aria-label="基本信息" className="import-meta">
            <label>
              <span>标题</span>
              <input aria-label="标题" value={title} onChange={(e) => setTitle(e.target.value)} />
              <OriginNote
                origin={preview.origins.title}
                edited={title !== (preview.origins.title.source === 'none' ? '' : preview.doc.meta.title)}
                testId="origin-title"
              />
            </label>
            <label>
              <span>年度</span>
              <input
                aria-label="年度"
                value={year}
                onChange={(e) => setYear(e.target.value)}
                maxLength={4}
                placeholder="请填写"
                aria-invalid={!year.trim()}
                className={!year.trim() ? 'needs-input' : undefined}
              />
              <OriginNote
                origin={preview.origins.year}
                edited={year !== (preview.origins.year.source === 'none' ? '' : String(preview.doc.meta.year))}
                testId="origin-year"
              />
            </label>
            <label className="wide">
              <span>主送机关（用“、”分隔）</span>
              <input aria-label="主送机关" value={addressees} onChange={(e) => setAddressees(e.target.value)} placeholder="无主送机关时留空" />
              <OriginNote origin={preview.origins.addressees} edited={addressees !== preview.doc.meta.addressees.join('、')} testId="origin-addressees" />
            </label>
            {asUpper && (
              <label>
                <span>发文层级</span>
                <select aria-label="发文层级" value={level} onChange={(e) => setLevel(e.target.value as IssuerLevel)}>
                  {LEVELS.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <dl className="meta-list">
              {preview.doc.meta.issuer && (
                <>
                  <dt>发文机关</dt>
                  <dd>
                    {preview.doc.meta.issuer}
                    {preview.origins.issuer.source !== 'none' && <small className="origin"> 来自：{ORIGIN_LABELS[preview.origins.issuer.source]}</small>}
                  </dd>
                </>
              )}
              {preview.doc.meta.docNumber && (
                <>
                  <dt>文号</dt>
                  <dd>{preview.doc.meta.docNumber}</dd>
                </>
              )}
              {preview.doc.meta.indexNumber && (
                <>
                  <dt>索引号</dt>
                  <dd>{preview.doc.meta.indexNumber}</dd>
                </>
              )}
              {preview.doc.meta.writtenDate && (
                <>
                  <dt>成文日期</dt>
                  <dd>{preview.doc.meta.writtenDate}</dd>
                </>
              )}
              {preview.doc.meta.publishDate && (
                <>
                  <dt>发布日期</dt>
                  <dd>{preview.doc.meta.publishDate}</dd>
                </>
              )}
              {preview.doc.notice && (
                <>
                  <dt>印发通知</dt>
                  <dd>{preview.doc.notice.title || '（无标题，从主送机关行开始）'}</dd>
                </>
              )}
            </dl>
            <p className="import-counts" aria-label="识别结果">
              识别到 {preview.stats.headings} 个标题、{preview.stats.tasks} 项任务、{preview.stats.paragraphs} 个段落、{preview.stats.units.length} 个责任单位。
            </p>
          </section>
          {preview.doc.warnings.length > 0 && (
            <section aria-label="需要核对" className="import-warnings">
              <h3>需要核对（{preview.doc.warnings.length}）</h3>
              <ul>
                {preview.doc.warnings.map((w, i) => {
                  const at = w.path ? byPath.get(w.path) : undefined;
                  return (
                    <li key={i}>
                      {w.message}
                      {at && (
                        <span className="muted">
                          {' '}
                          — 位置：{at.label}
                          {at.title.slice(0, 24)}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          <section aria-label="提纲预览" className="import-outline">
            <h3>
              提纲<span className="legend">▲ 牵头单位</span>
            </h3>
            <ol>
              {outline.map((o) => (
                <li key={o.path} className={`${o.kind} level-${o.level}`}>
                  <span className="label">{o.label}</span>
                  {o.title}
                  {o.node.type === 'task' && (o.node.lead.length > 0 || o.node.support.length > 0) && (
                    <span className="muted">（{[...o.node.lead.map((u) => `${u}▲`), ...o.node.support].join('、')}）</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
          {preview.stats.units.length > 0 && (
            <section aria-label="责任单位" className="import-units">
              <h3>责任单位</h3>
              <p>{preview.stats.units.join('、')}</p>
            </section>
          )}
        </div>
      )}
      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}
    </Dialog>
  );
}
