import { useState } from 'react';
import { Dialog } from '../components/Dialog';

interface Props {
  onCancel(): void;
  onCreate(title: string, year: number): Promise<void>;
}

const thisYear = new Date().getFullYear();

/** 新建: a title and a year, validated before anything is sent. */
export function NewPlanDialog({ onCancel, onCreate }: Props) {
  const [year, setYear] = useState(String(thisYear + 1));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const t = title.trim();
    const y = Number(year);
    if (!t) return setError('请填写计划标题，例如“2026年全县安全生产工作要点”。');
    if (t.length > 200) return setError('标题不能超过 200 个字。');
    if (!/^\d{4}$/.test(year.trim()) || y < 1949 || y > 2100) return setError('年份应为四位数字，例如 2026。');
    setBusy(true);
    setError(null);
    try {
      await onCreate(t, y);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="新建计划"
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel}>取消</button>
          <button type="submit" form="new-plan-form" className="primary" disabled={busy}>
            {busy ? '正在创建…' : '创建'}
          </button>
        </>
      }
    >
      <form
        id="new-plan-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
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
        <label>
          <span>年度</span>
          <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" aria-label="年度" maxLength={4} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
