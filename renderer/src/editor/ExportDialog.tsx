import { useEffect, useState } from 'react';
import type { ExportOptionsInput } from '../../../shared/export/options';
import { DEFAULT_FONTS, FONT_SCHEMES, FONT_SCHEME_LABELS, FONT_SCHEME_NAMES, fontSchemeOf, type FontSettings } from '../../../shared/layout/gbt9704';
import { FONT_SCHEME_SETTINGS_KEY, rememberFontScheme, rememberedFontScheme } from '../../../shared/export/font-scheme-memory';
import { errorMessage, invoke, transport } from '../api/client';
import { Dialog } from '../components/Dialog';
import { downloadBytes } from '../api/download';

interface Props {
  planId: string;
  /** Saves pending edits before the export reads the plan. */
  flush(): Promise<boolean>;
  onClose(): void;
  onOpenInfo(): void;
}

const SETTINGS_KEY = 'export.defaults';

interface Saved {
  fonts: FontSettings;
  linePitchTwips: 579 | 560;
}

type Phase = { step: 'form' } | { step: 'working'; what: string } | { step: 'done'; message: string; path: string | null } | { step: 'error'; message: string };

/** 导出: the form, the metadata check, the file name; then the DOCX. */
export function ExportDialog({ planId, flush, onClose, onOpenInfo }: Props) {
  const [form, setForm] = useState<'plan' | 'notice'>('notice');
  const [attachment, setAttachment] = useState(false);
  const [sealed, setSealed] = useState(false);
  const [disclosure, setDisclosure] = useState(false);
  const [planSignature, setPlanSignature] = useState(false);
  const [planAddressees, setPlanAddressees] = useState(false);
  const [fonts, setFonts] = useState<FontSettings>(DEFAULT_FONTS);
  const [linePitch, setLinePitch] = useState<579 | 560>(579);
  const [note, setNote] = useState('此件公开发布');
  const [fileName, setFileName] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  /** The export's 发文机关: the 字体方案 is remembered per office. */
  const [office, setOffice] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'form' });

  const options = (): ExportOptionsInput => ({
    form,
    attachment,
    sealed,
    includeDisclosureTable: disclosure,
    planSignature,
    planAddressees,
    fonts,
    linePitchTwips: linePitch,
    overrides: form === 'notice' && note.trim() ? { note: note.trim() } : {},
  });

  // Line pitch and fonts as last exported; the fonts of the office's 字体方案 when it has one
  // (known once the check has said which office this is).
  useEffect(() => {
    if (office === null) return;
    void (async () => {
      const [defaults, schemes] = await Promise.all([
        invoke('settings.get', { key: SETTINGS_KEY }).catch(() => ({ value: null })),
        invoke('settings.get', { key: FONT_SCHEME_SETTINGS_KEY }).catch(() => ({ value: null })),
      ]);
      const v = defaults.value as Partial<Saved> | null;
      if (v?.linePitchTwips === 560 || v?.linePitchTwips === 579) setLinePitch(v.linePitchTwips);
      const scheme = rememberedFontScheme(schemes.value, office);
      if (scheme) setFonts(FONT_SCHEMES[scheme]);
      else if (v?.fonts) setFonts({ ...DEFAULT_FONTS, ...v.fonts });
    })();
  }, [office]);

  // The metadata check follows the chosen form.
  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(() => {
      void (async () => {
        await flush();
        try {
          const r = await invoke('export.check', { planId, options: options() });
          if (cancelled) return;
          setMissing(r.missing);
          setWarnings(r.warnings);
          setOffice((o) => o ?? r.office);
          setFileName((f) => f || r.fileName);
        } catch (err) {
          if (!cancelled) setPhase({ step: 'error', message: errorMessage(err) });
        }
      })();
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId, form, attachment, sealed, disclosure, planSignature, planAddressees, fonts]);

  const run = async (kind: 'plan' | 'table') => {
    setPhase({ step: 'working', what: kind === 'table' ? '正在生成任务分工表…' : '正在生成 DOCX…' });
    try {
      const base = fileName.trim() || (await invoke('export.check', { planId })).fileName;
      const name = kind === 'table' ? base.replace(/(\.docx)?$/i, '任务分工表.docx') : base.replace(/(\.docx)?$/i, '.docx');
      await flush();
      await invoke('settings.set', { key: SETTINGS_KEY, value: { fonts, linePitchTwips: linePitch } });
      const scheme = fontSchemeOf(fonts);
      if (scheme !== 'custom' && office !== null) {
        const { value } = await invoke('settings.get', { key: FONT_SCHEME_SETTINGS_KEY });
        await invoke('settings.set', { key: FONT_SCHEME_SETTINGS_KEY, value: rememberFontScheme(value, office, scheme) });
      }
      if (transport.kind === 'ipc') {
        const chosen = await invoke('app.saveDialog', { defaultName: name });
        if (chosen.supported) {
          if (!chosen.path) return setPhase({ step: 'form' });
          const r = await invoke('export.toFile', { planId, options: options(), kind, path: chosen.path });
          return setPhase({ step: 'done', message: `已导出到 ${r.path}`, path: r.path });
        }
      }
      const r = await invoke('export.render', { planId, options: options(), kind });
      downloadBytes(r.bytes, name);
      setPhase({ step: 'done', message: `已生成“${name}”，请在浏览器的下载列表中查看。`, path: null });
    } catch (err) {
      setPhase({ step: 'error', message: errorMessage(err) });
    }
  };

  const setFont = (key: 'title' | 'body' | 'heading1' | 'heading2', value: string) => setFonts((f) => ({ ...f, [key]: value }));
  const scheme = fontSchemeOf(fonts);

  return (
    <Dialog
      title="导出 DOCX"
      onClose={onClose}
      width={680}
      footer={
        phase.step === 'done' ? (
          <>
            {phase.path && (
              <button type="button" onClick={() => void invoke('app.showInFolder', { path: phase.path! })}>
                打开所在文件夹
              </button>
            )}
            <button type="button" className="primary" onClick={onClose}>
              完成
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onClose}>
              取消
            </button>
            <button
              type="button"
              disabled={phase.step === 'working'}
              onClick={() => void run('table')}
              title="横向表格：序号、任务、牵头单位、责任单位、目标、完成时限"
            >
              导出任务分工表
            </button>
            <button type="button" className="primary" disabled={phase.step === 'working' || missing.length > 0} onClick={() => void run('plan')}>
              导出
            </button>
          </>
        )
      }
    >
      {phase.step === 'done' ? (
        <p role="status">{phase.message}</p>
      ) : (
        <div className="export-form">
          <fieldset>
            <legend>形式</legend>
            <label>
              <input type="radio" name="form" checked={form === 'notice'} onChange={() => setForm('notice')} /> 以印发通知印发（版头、通知、版记）
            </label>
            <label>
              <input type="radio" name="form" checked={form === 'plan'} onChange={() => setForm('plan')} /> 要点单独成文
            </label>
          </fieldset>
          {form === 'notice' ? (
            <fieldset>
              <legend>通知</legend>
              <label>
                <input type="checkbox" checked={attachment} onChange={(e) => setAttachment(e.target.checked)} /> 要点作为附件（附件说明 +
                “附件”页），否则接排在通知之后
              </label>
              <label>
                <input type="checkbox" checked={sealed} onChange={(e) => setSealed(e.target.checked)} /> 加盖印章的署名版式
              </label>
              <label className="inline-field">
                附注 <input aria-label="附注" value={note} onChange={(e) => setNote(e.target.value)} placeholder="此件公开发布" />
              </label>
            </fieldset>
          ) : (
            <fieldset>
              <legend>要点</legend>
              <label>
                <input type="checkbox" checked={planAddressees} onChange={(e) => setPlanAddressees(e.target.checked)} /> 标题下加主送机关
              </label>
              <label>
                <input type="checkbox" checked={planSignature} onChange={(e) => setPlanSignature(e.target.checked)} /> 文末加署名和日期
              </label>
            </fieldset>
          )}
          <label>
            <input type="checkbox" checked={disclosure} onChange={(e) => setDisclosure(e.target.checked)} />{' '}
            首页加政府信息公开属性表（索引号、主题分类、发布机构……）
          </label>
          <fieldset className="font-scheme">
            <legend>字体方案</legend>
            {FONT_SCHEME_NAMES.map((k) => (
              <label
                key={k}
                title={k === 'standard' ? '方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312' : '宋体加粗、仿宋、黑体、楷体：适用于没有 GB2312 字体的电脑'}
              >
                <input type="radio" name="font-scheme" checked={scheme === k} onChange={() => setFonts(FONT_SCHEMES[k])} /> {FONT_SCHEME_LABELS[k]}
                {k === 'standard' ? '（方正小标宋简体 / 仿宋_GB2312 / 黑体 / 楷体_GB2312）' : '（宋体加粗 / 仿宋 / 黑体 / 楷体）'}
              </label>
            ))}
            {scheme === 'custom' && <span className="hint">当前为自定义字体（见“字体与行距”）</span>}
          </fieldset>
          <details>
            <summary>字体与行距</summary>
            <div className="font-grid">
              {(
                [
                  ['title', '标题'],
                  ['body', '正文'],
                  ['heading1', '一级标题'],
                  ['heading2', '二级标题'],
                ] as Array<['title' | 'body' | 'heading1' | 'heading2', string]>
              ).map(([key, label]) => (
                <label key={key}>
                  <span>{label}字体</span>
                  <input aria-label={`${label}字体`} value={fonts[key]} onChange={(e) => setFont(key, e.target.value)} />
                </label>
              ))}
              <label>
                <span>行距</span>
                <select aria-label="行距" value={linePitch} onChange={(e) => setLinePitch(Number(e.target.value) as 579 | 560)}>
                  <option value={579}>28.95 磅（每页 22 行撑满版心）</option>
                  <option value={560}>28 磅</option>
                </select>
              </label>
            </div>
          </details>
          <label className="inline-field">
            文件名 <input aria-label="文件名" value={fileName} onChange={(e) => setFileName(e.target.value)} />
          </label>
          {missing.length > 0 && (
            <div className="export-missing" role="alert" aria-label="缺少的信息">
              <strong>导出前请补充：</strong>
              <ul>
                {missing.map((m) => (
                  // The field paths in parentheses are for the command line, not for people.
                  <li key={m}>{m.replace(/（[^）]*[a-z][^）]*）/g, '')}</li>
                ))}
              </ul>
              <button type="button" className="link-button" onClick={onOpenInfo}>
                到“文档信息”中填写
              </button>
            </div>
          )}
          {warnings.length > 0 && (
            <ul className="export-warnings" aria-label="提示">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {phase.step === 'working' && (
            <div className="progress-block" role="status">
              {phase.what}
              <progress aria-label="导出进度" />
            </div>
          )}
          {phase.step === 'error' && (
            <p className="form-error" role="alert">
              {phase.message}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
