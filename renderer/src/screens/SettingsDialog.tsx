// 设置 (issue 20): 团队模式 — the team server on this PC (在本机开启, address, port, the address to
// share, who is connected) and the team's accounts. Everything goes through the team.* services;
// the server runs in the process that holds the library and stops when PlanDesk quits.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TeamAccountEntry, TeamStatus } from '../../../shared/contract';
import { TEAM_DEFAULT_PORT, TEAM_ROLES, type TeamRole } from '../../../shared/team';
import { errorMessage, invoke } from '../api/client';
import { Dialog } from '../components/Dialog';
import { TableHead } from '../components/TableHead';
import { useToast } from '../components/Toasts';

const LOCAL_ONLY = '127.0.0.1';
/** How often the number of connected people is asked for while the dialog is open. */
const STATUS_EVERY_MS = 3000;

const ROLE_HINTS: Record<TeamRole, string> = { 起草: '可直接编辑', 审阅: '修改成为修订建议', 只读: '只能查看' };

export function SettingsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="设置" onClose={onClose} width={760} footer={<button onClick={onClose}>关闭</button>}>
      <TeamServerSection />
      <TeamAccountsSection />
    </Dialog>
  );
}

function addressLabel(a: string): string {
  return a === LOCAL_ONLY ? `仅本机（${LOCAL_ONLY}）` : `${a}（局域网）`;
}

function useCopy(): (text: string, what: string) => void {
  const toast = useToast();
  return (text, what) => {
    navigator.clipboard.writeText(text).then(
      () => toast({ kind: 'info', message: `已复制${what}` }),
      () => toast({ kind: 'error', message: `无法复制，请选中${what}后按 Ctrl+C 复制` }),
    );
  };
}

function TeamServerSection() {
  const copy = useCopy();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState(String(TEAM_DEFAULT_PORT));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const refresh = useCallback(async (first = false) => {
    try {
      const s = await invoke('team.status', {});
      setStatus(s);
      if (first) {
        setHost(s.host && s.addresses.includes(s.host) ? s.host : (s.addresses[0] ?? LOCAL_ONLY));
        setPort(String(s.port));
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void refresh(true);
    const timer = setInterval(() => void refresh(), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const toggle = async (on: boolean) => {
    setError('');
    const n = Number(port.trim());
    if (on && (!/^\d+$/.test(port.trim()) || n < 1 || n > 65535)) {
      setError('端口应为 1–65535 的整数。');
      return;
    }
    setBusy(true);
    try {
      setStatus(on ? await invoke('team.start', { host, port: n }) : await invoke('team.stop', {}));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const running = !!status?.running;
  return (
    <section className="settings-section" aria-labelledby="settings-team-title">
      <h3 id="settings-team-title">团队模式</h3>
      <p className="muted">开启后，同一局域网内的同事在浏览器中打开下面的地址，用您为他们添加的账号登录，即可与您一起编辑本机资料库中的计划。</p>
      <div className="team-server-row">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={running}
            checked={running}
            disabled={busy || !status}
            onChange={(e) => void toggle(e.target.checked)}
          />
          <span>{busy ? (running ? '正在关闭…' : '正在开启…') : '在本机开启'}</span>
        </label>
        <label>
          <span>监听地址</span>
          <select aria-label="监听地址" value={host} disabled={running || busy} onChange={(e) => setHost(e.target.value)}>
            {(status?.addresses ?? [LOCAL_ONLY]).map((a) => (
              <option key={a} value={a}>
                {addressLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>端口</span>
          <input
            aria-label="端口"
            className="port-input"
            inputMode="numeric"
            value={port}
            disabled={running || busy}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status?.restoreError && !running && (
        <p className="form-error" role="alert">
          {status.restoreError}
        </p>
      )}
      {running && status.url && (
        <div className="team-address" aria-label="团队地址">
          <span>请同事在浏览器中打开：</span>
          <code data-testid="team-url">{status.url}</code>
          <button type="button" onClick={() => copy(status.url!, '地址')}>
            复制
          </button>
          <span className="muted" role="status" data-testid="team-people">
            当前在线 {status.people} 人
          </span>
          {status.host === LOCAL_ONLY && <p className="muted">这个地址只有本机能打开；要让同事连接，请关闭后选择局域网地址再开启。</p>}
        </div>
      )}
      <p className="muted">开启后，退出 PlanDesk 时团队服务器随之停止，同事已送达的修改都已保存；下次启动 PlanDesk 时会自动重新开启（关掉开关则不再开启）。</p>
    </section>
  );
}

function TeamAccountsSection() {
  const copy = useCopy();
  const [accounts, setAccounts] = useState<TeamAccountEntry[] | null>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<TeamRole>('起草');
  const [password, setPassword] = useState('');
  const [units, setUnits] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAccounts(await invoke('team.users.list', {}));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
    invoke('units.list', { limit: 100 }).then(
      (list) => setUnits(list.map((u) => u.name)),
      () => undefined, // suggestions only
    );
  }, [load]);

  const act = async (what: () => Promise<void>) => {
    setError('');
    setShown(null);
    try {
      await what();
    } catch (err) {
      setError(errorMessage(err));
    }
    await load();
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const given = password;
      const r = await invoke('team.users.add', { name, unit, role, ...(given ? { password: given } : {}) });
      setShown({ name: r.account.name, password: r.generatedPassword ?? given });
      setName('');
      setPassword('');
    });
  };

  return (
    <section className="settings-section" aria-labelledby="settings-accounts-title">
      <h3 id="settings-accounts-title">团队账号</h3>
      {accounts && accounts.length === 0 && <p className="muted">还没有账号。请为每位同事添加一个账号，把密码转告本人。</p>}
      {accounts && accounts.length > 0 && (
        <table className="plan-table team-accounts" aria-label="团队账号">
          <TableHead columns={['姓名', '单位', '角色']} />
          <tbody>
            {accounts.map((a) => (
              <tr key={a.name} aria-label={a.name}>
                <td>{a.name}</td>
                <td>{a.unit}</td>
                <td>
                  {a.role}
                  <span className="muted">（{ROLE_HINTS[a.role]}）</span>
                </td>
                <td className="row-actions">
                  {confirming === a.name ? (
                    <>
                      <span>删除后此人立即退出登录。</span>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          void act(async () => void (await invoke('team.users.remove', { name: a.name })));
                        }}
                      >
                        确定删除
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        取消
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        aria-label={`重置 ${a.name} 的密码`}
                        onClick={() =>
                          void act(async () => {
                            const r = await invoke('team.users.resetPassword', { name: a.name });
                            setShown({ name: a.name, password: r.generatedPassword ?? '' });
                          })
                        }
                      >
                        重置密码
                      </button>
                      <button type="button" className="danger-text" aria-label={`删除 ${a.name}`} onClick={() => setConfirming(a.name)}>
                        删除
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && (
        <p className="team-password" role="status">
          账号“{shown.name}”的密码：<code data-testid="team-password">{shown.password}</code>
          <button type="button" onClick={() => copy(shown.password, '密码')}>
            复制
          </button>
          <span className="muted">只显示这一次，请转告本人。</span>
        </p>
      )}
      <form className="team-add" aria-label="添加账号" onSubmit={add}>
        <label>
          <span>姓名</span>
          <input aria-label="姓名" value={name} maxLength={50} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>单位</span>
          <input aria-label="单位" value={unit} maxLength={100} list="settings-units" onChange={(e) => setUnit(e.target.value)} />
          <datalist id="settings-units">
            {units.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
        </label>
        <label>
          <span>角色</span>
          <select aria-label="角色" value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}（{ROLE_HINTS[r]}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>密码（留空则自动生成）</span>
          <input aria-label="密码" type="text" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="至少 8 个字符" />
        </label>
        <button type="submit" className="primary">
          添加
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
