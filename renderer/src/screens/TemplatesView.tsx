import { useCallback, useEffect, useState } from 'react';
import type { TemplateList, TemplateSummary } from '../../../shared/contract';
import { errorMessage, invoke } from '../api/client';
import { TableHead } from '../components/TableHead';
import { useToast } from '../components/Toasts';

/** 模板: the bundled templates (read-only) and the office's own, which can be renamed or deleted. */
export function TemplatesView({ onUse }: { onUse(): void }) {
  const toast = useToast();
  const [list, setList] = useState<TemplateList | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await invoke('templates.list', {}));
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
  }, [toast]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (what: () => Promise<unknown>, ok: string) => {
    try {
      await what();
      toast({ kind: 'info', message: ok });
    } catch (err) {
      toast({ kind: 'error', message: errorMessage(err) });
    }
    await load();
  };

  const row = (t: TemplateSummary) => (
    <tr key={t.id} aria-label={t.name}>
      <td className="plan-title">
        {renaming?.id === t.id ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const name = renaming.name.trim();
              setRenaming(null);
              if (name && name !== t.name) void act(() => invoke('templates.rename', { id: t.id, name }), `已改名为“${name}”`);
            }}
          >
            <input autoFocus aria-label="模板新名称" value={renaming.name} onChange={(e) => setRenaming({ id: t.id, name: e.target.value })} />
            <button type="submit">确定</button>
          </form>
        ) : (
          t.name
        )}
      </td>
      <td>{t.source === 'bundled' ? '内置' : '我的模板'}</td>
      <td className="muted">{t.description ?? ''}</td>
      <td className="row-actions">
        <button type="button" onClick={onUse}>
          用此模板新建
        </button>
        {t.source === 'user' && (
          <>
            <button type="button" aria-label={`改名 ${t.name}`} onClick={() => setRenaming({ id: t.id, name: t.name })}>
              改名
            </button>
            <button
              type="button"
              className="danger-text"
              aria-label={`删除 ${t.name}`}
              onClick={() => void act(() => invoke('templates.delete', { id: t.id }), `已删除模板“${t.name}”，可在回收站恢复`)}
            >
              删除
            </button>
          </>
        )}
      </td>
    </tr>
  );

  if (!list) return <p className="muted">正在读取模板…</p>;
  return (
    <section aria-label="模板列表">
      <table className="plan-table">
        <TableHead columns={['名称', '来源', '说明']} />
        <tbody>{list.templates.map(row)}</tbody>
      </table>
      {list.templates.every((t) => t.source === 'bundled') && <p className="muted">打开任意一份计划，点“另存为模板”，即可把它保存为本单位的模板。</p>}
      {list.broken.map((b) => (
        <p key={b.file} className="form-error" role="note">
          模板文件“{b.file}”无法使用：{b.reason}
        </p>
      ))}
    </section>
  );
}
