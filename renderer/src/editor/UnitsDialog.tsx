import { useEffect, useId, useMemo, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { invoke } from '../api/client';
import { unitsParenthetical } from '../../../shared/plan/running-text';

interface Props {
  taskLabel: string;
  lead: string[];
  support: string[];
  /** Units of the plan being edited, offered before the library's. */
  planUnits: string[];
  onCancel(): void;
  onSave(lead: string[], support: string[]): void;
}

function ChipInput({ label, values, onChange, suggestions }: { label: string; values: string[]; onChange(v: string[]): void; suggestions: string[] }) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const names = raw
      .split(/[、，,；;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const next = [...values];
    for (const n of names) if (!next.includes(n)) next.push(n);
    onChange(next);
    setText('');
  };
  const matches = useMemo(() => {
    const q = text.trim();
    return suggestions.filter((s) => !values.includes(s) && (!q || s.includes(q))).slice(0, 8);
  }, [suggestions, text, values]);
  return (
    <div className="chip-field">
      <span className="chip-label">{label}</span>
      <div className="chips" role="list" aria-label={label}>
        {values.map((v) => (
          <span key={v} className="chip" role="listitem">
            {v}
            <button type="button" aria-label={`移除 ${v}`} onClick={() => onChange(values.filter((x) => x !== v))}>
              ×
            </button>
          </span>
        ))}
        <input
          aria-label={`添加${label}`}
          value={text}
          list={listId}
          placeholder="输入单位名称，回车添加"
          onChange={(e) => {
            const v = e.target.value;
            // A separator typed (not while composing) completes a chip.
            if (/[、，,；;]$/.test(v) && !(e.nativeEvent as InputEvent).isComposing) add(v);
            else setText(v);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.keyCode === 229) return;
            if (e.key === 'Enter') {
              e.preventDefault();
              if (text.trim()) add(text);
            } else if (e.key === 'Backspace' && !text && values.length) {
              onChange(values.slice(0, -1));
            }
          }}
          onBlur={() => text.trim() && add(text)}
        />
        <datalist id={listId}>
          {matches.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </div>
    </div>
  );
}

/** Edits a task's lead and supporting units as chips, with the official parenthetical previewed. */
export function UnitsDialog({ taskLabel, lead: lead0, support: support0, planUnits, onCancel, onSave }: Props) {
  const [lead, setLead] = useState(lead0);
  const [support, setSupport] = useState(support0);
  const [library, setLibrary] = useState<string[]>([]);
  useEffect(() => {
    invoke('units.list', { limit: 500 })
      .then((u) => setLibrary(u.map((x) => x.name)))
      .catch(() => setLibrary([]));
  }, []);
  const suggestions = useMemo(() => [...new Set([...planUnits, ...library])], [planUnits, library]);
  const preview = unitsParenthetical({ lead, support });
  return (
    <Dialog
      title={`责任单位 — 任务 ${taskLabel}`}
      onClose={onCancel}
      width={560}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="primary" onClick={() => onSave(lead, support)}>
            确定
          </button>
        </>
      }
    >
      <ChipInput label="牵头单位" values={lead} onChange={setLead} suggestions={suggestions} />
      <ChipInput label="责任单位（负责落实、配合）" values={support} onChange={setSupport} suggestions={suggestions} />
      <p className="units-preview" aria-label="正文中显示为">
        正文中显示为：{preview ? `（${preview}）` : '（未设置）'}
      </p>
    </Dialog>
  );
}
