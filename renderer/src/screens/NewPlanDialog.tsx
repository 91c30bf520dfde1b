import { useEffect, useMemo, useState } from 'react';
import type { PlanSummary, TemplateList } from '../../../shared/contract';
import type { RolloverResult } from '../../../shared/rollover';
import { FLAG_KIND_LABELS, FLAG_KINDS } from '../../../shared/rollover';
import { errorMessage, invoke } from '../api/client';
import { Dialog } from '../components/Dialog';

export type NewPlanMode = 'blank' | 'rollover' | 'template';

interface Props {
  initialMode?: NewPlanMode;
  onCancel(): void;
  /** A plan was created: open it (on the checks tab when it carries flags). */
  onCreated(id: string): void;
}

const thisYear = new Date().getFullYear();
const yearOk = (y: string) => /^\d{4}$/.test(y.trim()) && Number(y) >= 1949 && Number(y) <= 2100;

/** 新建: a blank plan, one based on last year's (基于往年要点), or one from a template. */
export function NewPlanDialog({ initialMode = 'blank', onCancel, onCreated }: Props) {
  const [mode, setMode] = useState<NewPlanMode>(initialMode);
  const [year, setYear] = useState(String(thisYear + 1));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // 基于往年要点
  const [sources, setSources] = useState<PlanSummary[]>([]);
  const [sourceId, setSourceId] = useState('');
  const [preview, setPreview] = useState<RolloverResult | null>(null);
  /** The new plan's title, proposed by the rollover (with the new year) and editable. */
  const [newTitle, setNewTitle] = useState('');
  // 从模板
  const [templates, setTemplates] = useState<TemplateList | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [issuer, setIssuer] = useState('');
  const [place, setPlace] = useState('');

  useEffect(() => {
    if (mode === 'rollover' && !sources.length) {
      void Promise.all([invoke('plans.list', {}), invoke('plans.list', { kind: 'upper' })])
        .then(([a, b]) => {
          const list = [...a, ...b];
          setSources(list);
          if (list[0]) {
            setSourceId(list[0].id);
            setYear(String(list[0].year + 1));
          }
        })
        .catch((err: unknown) => setError(errorMessage(err)));
    }
    if (mode === 'template' && !templates) {
      invoke('templates.list', {})
        .then((t) => {
          setTemplates(t);
          if (t.templates[0]) setTemplateId(t.templates[0].id);
        })
        .catch((err: unknown) => setError(errorMessage(err)));
    }
  }, [mode, sources.length, templates]);

  const source = useMemo(() => sources.find((s) => s.id === sourceId), [sources, sourceId]);

  /** Creates the rolled-over draft; `jumpPath` (id:<node id>, or a path) opens it at one flag's place. */
  const createRollover = async (jumpPath?: string) => {
    if (!preview) return;
    const t = newTitle.trim();
    if (!t) return setError('请填写新计划的标题。');
    setBusy(true);
    try {
      const doc = { ...preview.doc, meta: { ...preview.doc.meta, title: t } };
      const rec = await invoke('plans.create', { title: t, year: Number(year), doc });
      if (jumpPath) sessionStorage.setItem(`plandesk.jump.${rec.id}`, jumpPath);
      onCreated(rec.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const submit = async () => {
    setError(null);
    if (!yearOk(year)) return setError('年份应为四位数字，例如 2026。');
    const y = Number(year);
    setBusy(true);
    try {
      if (mode === 'blank') {
        const t = title.trim();
        if (!t) throw new Error('请填写计划标题，例如“2026年全县安全生产工作要点”。');
        onCreated((await invoke('plans.create', { title: t, year: y })).id);
      } else if (mode === 'rollover') {
        if (!sourceId) throw new Error('请选择一份往年的要点。');
        if (!preview) {
          const p = await invoke('rollover.preview', { id: sourceId, year: y });
          setNewTitle(p.doc.meta.title);
          setPreview(p);
        } else {
          await createRollover();
          return;
        }
      } else {
        if (!templateId) throw new Error('请选择一个模板。');
        if (!issuer.trim()) throw new Error('请填写发文机关，例如“某某县安全生产委员会”。');
        const rec = await invoke('plans.fromTemplate', { templateId, year: y, issuer: issuer.trim(), ...(place.trim() ? { place: place.trim() } : {}) });
        onCreated(rec.id);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const primaryLabel = mode === 'rollover' && !preview ? '生成预览' : mode === 'rollover' ? '创建草稿' : '创建';

  return (
    <Dialog
      title="新建计划"
      onClose={onCancel}
      width={mode === 'blank' ? 480 : 720}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          {mode === 'rollover' && preview && (
            <button type="button" onClick={() => setPreview(null)}>
              返回修改
            </button>
          )}
          <button type="submit" form="new-plan-form" className="primary" disabled={busy}>
            {busy ? '请稍候…' : primaryLabel}
          </button>
        </>
      }
    >
      <div className="tabs inline-tabs" role="tablist" aria-label="新建方式">
        {(
          [
            ['blank', '空白计划'],
            ['rollover', '基于往年要点'],
            ['template', '从模板新建'],
          ] as Array<[NewPlanMode, string]>
        ).map(([m, label]) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? 'active' : ''}
            onClick={() => {
              setMode(m);
              setError(null);
              setPreview(null);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <form
        id="new-plan-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode === 'blank' && (
          <label>
            <span>标题</span>
            <input
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={`${year || thisYear}年全县安全生产工作要点`}
              aria-label="标题"
              maxLength={200}
            />
          </label>
        )}
        {mode === 'rollover' && !preview && (
          <label>
            <span>往年的要点（本单位、兄弟单位或上级的均可）</span>
            <select
              aria-label="往年的要点"
              value={sourceId}
              onChange={(e) => {
                setSourceId(e.target.value);
                const s = sources.find((x) => x.id === e.target.value);
                if (s) setYear(String(s.year + 1));
              }}
            >
              {sources.length === 0 && <option value="">资料库中还没有计划，请先导入往年的要点</option>}
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}（{s.year}年{s.kind === 'upper' ? '，上级文件' : ''}）
                </option>
              ))}
            </select>
          </label>
        )}
        {mode === 'template' && templates && (
          <fieldset className="template-list">
            <legend>模板</legend>
            {templates.templates.map((t) => (
              <label key={t.id} className="template-choice">
                <input type="radio" name="template" checked={templateId === t.id} onChange={() => setTemplateId(t.id)} />
                <span>
                  <strong>{t.name}</strong> <span className="muted">{t.source === 'bundled' ? '内置' : '我的模板'}</span>
                  {t.description && <span className="muted template-desc">{t.description}</span>}
                </span>
              </label>
            ))}
            {templates.broken.map((b) => (
              <p key={b.file} className="form-error" role="note">
                模板文件“{b.file}”无法使用：{b.reason}
              </p>
            ))}
          </fieldset>
        )}
        {mode === 'template' && (
          <>
            <label>
              <span>发文机关</span>
              <input aria-label="发文机关" value={issuer} onChange={(e) => setIssuer(e.target.value)} placeholder="如：某某县安全生产委员会" />
            </label>
            <label>
              <span>地区（可不填，由发文机关推出）</span>
              <input aria-label="地区" value={place} onChange={(e) => setPlace(e.target.value)} placeholder="如：某某县" />
            </label>
          </>
        )}
        {!(mode === 'rollover' && preview) && (
          <label>
            <span>年度</span>
            <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" aria-label="年度" maxLength={4} />
          </label>
        )}
        {mode === 'rollover' && preview && source && (
          <section className="rollover-summary" aria-label="新草稿概况">
            <label className="rollover-title">
              <span>新计划标题</span>
              <input aria-label="新计划标题" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} maxLength={200} />
            </label>
            {newTitle.trim() === source.title.trim() && (
              <p className="form-error" role="note">
                新计划标题与原计划相同，资料库中将有两份同名的计划，建议写明新的年度。
              </p>
            )}
            <p>
              由“{source.title}”生成新草稿：沿用 {preview.summary.tasks} 项任务及其责任单位和目标，
              目标全部标为待确认；文号、索引号和成文日期已清空，发文机关和主送机关保留。
            </p>
            {preview.warnings.map((w) => (
              <p key={w} className="form-error" role="note">
                {w}
              </p>
            ))}
            <p>需要核对的地方（创建后列在编辑器的“校对”面板中，可逐条定位或忽略）：</p>
            <ul className="flag-counts" aria-label="需要核对">
              {FLAG_KINDS.map((k) => (
                <li key={k}>
                  {FLAG_KIND_LABELS[k]}：{preview.summary.flagsByKind[k]} 处
                </li>
              ))}
            </ul>
            <ul className="flag-list">
              {preview.flags
                .filter((f) => f.kind !== 'target-unconfirmed')
                .slice(0, 40)
                .map((f, i) => (
                  <li key={i}>
                    <span className="badge">{FLAG_KIND_LABELS[f.kind]}</span>
                    {f.path.startsWith('body') ? (
                      <button
                        type="button"
                        className="link-button flag-link"
                        title="创建草稿并跳到此处"
                        onClick={() => void createRollover(f.nodeId ? `id:${f.nodeId}` : f.path)}
                      >
                        {f.message}
                      </button>
                    ) : (
                      <span>{f.message}</span>
                    )}
                  </li>
                ))}
            </ul>
          </section>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
