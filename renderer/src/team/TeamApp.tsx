// Team mode in the browser (issue 20): log in to the team server, pick a plan, edit it with the
// others. Rendered instead of the single-user App when the team server served the page.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { loadSession, onTeamError, saveSession, teamLogin, teamPlans, type OnLoggedOut, type TeamPlanItem, type TeamSession } from './api';
import { TeamEditor } from './TeamEditor';

function planFromHash(): string | null {
  return /^#\/plan\/([\w-]+)$/.exec(location.hash)?.[1] ?? null;
}

export function TeamApp() {
  const [session, setSession] = useState<TeamSession | null>(loadSession);
  const [planId, setPlanId] = useState<string | null>(planFromHash);
  /** Why the page is back at the login (the session ended); the plan stays in the address, to reopen. */
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const onHash = () => setPlanId(planFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const logout: OnLoggedOut = useCallback((message?: string) => {
    saveSession(null);
    setSession(null);
    setNotice(message ?? '');
  }, []);

  if (!session)
    return (
      <LoginScreen
        notice={notice}
        onLogin={(s) => {
          saveSession(s);
          setSession(s);
          setNotice('');
        }}
      />
    );
  if (planId) return <TeamEditor key={planId} session={session} planId={planId} onBack={() => (location.hash = '')} onLoggedOut={logout} />;
  return <PlanList session={session} onOpen={(id) => (location.hash = `#/plan/${id}`)} onLoggedOut={logout} />;
}

function LoginScreen({ notice, onLogin }: { notice: string; onLogin(s: TeamSession): void }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    teamLogin(name.trim(), password)
      .then(onLogin)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };
  return (
    <main className="library team-login">
      <h1>PlanDesk 团队编辑</h1>
      {notice && (
        <p className="team-notice" role="status" data-testid="team-login-notice">
          {notice}
        </p>
      )}
      <form onSubmit={submit} aria-label="登录">
        <label>
          姓名/账号
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoFocus required />
        </label>
        <label>
          密码
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    </main>
  );
}

function PlanList({ session, onOpen, onLoggedOut }: { session: TeamSession; onOpen(id: string): void; onLoggedOut: OnLoggedOut }) {
  const [plans, setPlans] = useState<TeamPlanItem[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    const failed = onTeamError(onLoggedOut, setError);
    teamPlans(session)
      .then((p) => live && setPlans(p))
      .catch((err: unknown) => live && failed(err));
    return () => {
      live = false;
    };
  }, [session, onLoggedOut]);
  const { account } = session;
  return (
    <main className="library">
      <header className="library-header">
        <h1>团队计划</h1>
        <p className="muted">
          {account.name}（{account.unit}，{account.role}）
          <button type="button" onClick={() => onLoggedOut()}>
            退出登录
          </button>
        </p>
      </header>
      {error && <p role="alert">{error}</p>}
      {plans === null && !error && <p className="muted">正在读取计划…</p>}
      {plans?.length === 0 && <p className="muted">资料库中还没有计划。</p>}
      {plans && plans.length > 0 && (
        <ul className="team-plans" aria-label="计划列表">
          {plans.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => onOpen(p.id)}>
                {p.title}
              </button>
              <span className="muted">{p.year}年</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
