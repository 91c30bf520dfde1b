import { docNumberExample } from '../../../../shared/export/doc-number-example';
import type { PlanMeta } from '../../../../shared/plan/schema';

interface Props {
  meta: PlanMeta;
  onChange(meta: PlanMeta): void;
}

const TEXT_FIELDS: Array<[keyof PlanMeta, string, string?]> = [
  ['title', '标题'],
  ['issuer', '发文机关'],
  ['docNumber', '文号'],
  ['indexNumber', '索引号'],
  ['category', '主题分类'],
  ['validity', '效力状态'],
  ['disclosure', '公开方式', '主动公开 / 依申请公开'],
];

/** 文档信息: the cover metadata export uses. */
export function InfoPanel({ meta, onChange }: Props) {
  const set = (patch: Partial<PlanMeta>) => onChange({ ...meta, ...patch });
  const list = (v: string) =>
    v
      .split(/[、，,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return (
    <section className="side-section info-form" aria-label="文档信息">
      {TEXT_FIELDS.map(([key, label, placeholder]) => (
        <label key={key}>
          <span>{label}</span>
          <input
            aria-label={label}
            placeholder={key === 'docNumber' ? `如 ${docNumberExample(meta.issuer, meta.year)}` : placeholder}
            value={(meta[key] as string | undefined) ?? ''}
            onChange={(e) => set({ [key]: e.target.value || (key === 'title' ? '' : undefined) } as Partial<PlanMeta>)}
          />
        </label>
      ))}
      <label>
        <span>年度</span>
        <input
          aria-label="年度"
          inputMode="numeric"
          value={String(meta.year)}
          onChange={(e) => {
            const y = Number(e.target.value);
            if (/^\d{4}$/.test(e.target.value) && y >= 1949 && y <= 2100) set({ year: y });
          }}
        />
      </label>
      <label>
        <span>成文日期</span>
        <input type="date" aria-label="成文日期" value={meta.writtenDate ?? ''} onChange={(e) => set({ writtenDate: e.target.value || undefined })} />
      </label>
      <label>
        <span>发文日期</span>
        <input type="date" aria-label="发文日期" value={meta.publishDate ?? ''} onChange={(e) => set({ publishDate: e.target.value || undefined })} />
      </label>
      <label>
        <span>主送机关（用顿号分隔）</span>
        <textarea aria-label="主送机关" rows={2} defaultValue={meta.addressees.join('、')} onBlur={(e) => set({ addressees: list(e.target.value) })} />
      </label>
      <label>
        <span>抄送机关（用顿号分隔）</span>
        <textarea aria-label="抄送机关" rows={2} defaultValue={meta.cc.join('、')} onBlur={(e) => set({ cc: list(e.target.value) })} />
      </label>
    </section>
  );
}
