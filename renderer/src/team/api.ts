// Team mode in the page (issue 20): the team server's small HTTP API (login, plans) and the
// session kept for this tab. The page is in team mode when the team server marked index.html.
import type { NumberingSettings } from '../../../shared/plan/schema';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { SESSION_END_REASONS, TEAM_MESSAGES, TEAM_PROTOCOL, type TeamRole } from '../../../shared/team';

export interface TeamAccountInfo {
  name: string;
  unit: string;
  role: TeamRole;
}

export interface TeamSession {
  token: string;
  account: TeamAccountInfo;
}

export interface TeamPlanItem {
  id: string;
  title: string;
  year: number;
}

export interface TeamPlanInfo extends TeamPlanItem {
  numbering: NumberingSettings;
}

const SESSION_KEY = 'plandesk.team.session';

/** True when the page was served by `plandesk serve --team` (a marker in index.html). */
export function isTeamPage(): boolean {
  return !!document.querySelector('meta[name="plandesk-team"]');
}

export function loadSession(): TeamSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as TeamSession | null;
    return s && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(s: TeamSession | null): void {
  if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** An answer of the team server that is not a success, with its message for the user. */
export class TeamHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const FALLBACK: Record<number, string> = {
  401: TEAM_MESSAGES.badLogin,
  429: TEAM_MESSAGES.tooManyFailures,
  426: TEAM_MESSAGES.oldClient(TEAM_PROTOCOL),
};

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new TeamHttpError(0, '无法连接团队服务器，请检查网络或确认服务器仍在运行。');
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // Not JSON: the message below says what happened.
  }
  if (!res.ok) {
    const message = typeof body.error === 'string' ? body.error : (FALLBACK[res.status] ?? `团队服务器返回了错误（HTTP ${res.status}）。`);
    throw new TeamHttpError(res.status, message);
  }
  return body as T;
}

/** What the page does when its session has ended: back to the login form, with this message. */
export type OnLoggedOut = (message?: string) => void;

/**
 * What a screen does with a failed team request: an expired or unknown session goes back to the
 * login (with the server's message), anything else is shown as its message.
 */
export function onTeamError(onLoggedOut: OnLoggedOut, show: (message: string) => void): (err: unknown) => void {
  return (err) => {
    if (err instanceof TeamHttpError && err.status === 401) onLoggedOut(err.message);
    else show(err instanceof Error ? err.message : String(err));
  };
}

/** True for a reason the server gives when it ends or refuses a session (shared/team.ts). */
export function isSessionEnd(reason: string): boolean {
  return SESSION_END_REASONS.includes(reason);
}

/**
 * Watches an open plan's connection for the end of the session (expired, account deleted,
 * password reset: the server closes the connection with the reason) and goes back to the login.
 * Every edit the server acknowledged is in the library; the message says whether any edit had not
 * reached the server when the connection was closed (those could not be taken any more).
 */
export function watchSessionEnd(provider: HocuspocusProvider, onLoggedOut: OnLoggedOut): void {
  provider.on('close', ({ event }: { event: { reason: string } }) => {
    if (!isSessionEnd(event.reason)) return;
    const unsent = provider.unsyncedChanges;
    // No reconnection with the ended session: the socket's own close event, coming next, would
    // otherwise schedule one before the editor is gone.
    provider.configuration.websocketProvider.disconnect();
    onLoggedOut(
      `${event.reason}${unsent > 0 ? `最后 ${unsent} 处修改未能送达服务器，重新登录后请核对。` : '您的修改在此之前都已送达服务器并保存，没有丢失。'}`,
    );
  });
}

export async function teamLogin(name: string, password: string): Promise<TeamSession> {
  const body = await call<{ token: string; account: TeamAccountInfo }>('api/team/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password, protocol: TEAM_PROTOCOL }),
  });
  return { token: body.token, account: body.account };
}

const auth = (s: TeamSession) => ({ headers: { Authorization: `Bearer ${s.token}` } });

export async function teamPlans(s: TeamSession): Promise<TeamPlanItem[]> {
  return (await call<{ plans: TeamPlanItem[] }>('api/team/plans', auth(s))).plans;
}

export function teamPlan(s: TeamSession, id: string): Promise<TeamPlanInfo> {
  return call<TeamPlanInfo>(`api/team/plans/${encodeURIComponent(id)}`, auth(s));
}

/** The WebSocket address of the team server the page came from. */
export function teamSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}
