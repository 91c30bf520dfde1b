// Team mode (issue 20): what the team server and its clients agree on. Pure: the page, the
// server and the tests read the same values.

/** The team protocol spoken over the WebSocket; a client with another number is refused. */
export const TEAM_PROTOCOL = 1;

export const TEAM_ROLES = ['起草', '审阅', '只读'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(s: unknown): s is TeamRole {
  return typeof s === 'string' && (TEAM_ROLES as readonly string[]).includes(s);
}

/** What a client sends as the Hocuspocus token: its session token and the protocol it speaks. */
export interface TeamAuthPayload {
  token: string;
  protocol: number;
  /** The client's PlanDesk version, for the server's log and messages. */
  app?: string;
}

export function encodeTeamAuth(p: TeamAuthPayload): string {
  return JSON.stringify(p);
}

/** The Y.Doc shape: the plan body as y-prosemirror's fragment of the editor document. */
export const TEAM_BODY_FRAGMENT = 'body';

export const TEAM_MESSAGES = {
  badLogin: '用户名或密码不正确。',
  tooManyFailures: '登录失败次数过多，请一分钟后再试。',
  notLoggedIn: '未登录或登录已过期，请重新登录。',
  oldClient: (client: number | undefined) =>
    `您的 PlanDesk 版本过旧（团队协议 ${client ?? '未知'}，服务器需要 ${TEAM_PROTOCOL}），无法加入团队编辑。请升级 PlanDesk 后再连接。`,
  noPlan: '资料库中没有这份计划。',
  // Why the server ended an open session (it closes the person's connections with one of these).
  sessionExpired: '登录已过期，请重新登录。',
  accountDeleted: '账号已被删除，无法继续编辑；如有疑问请与开启团队模式的同事联系。',
  passwordReset: '密码已被重置，请用新密码重新登录。',
} as const;

/** The reasons for which the server closes a person's connections: the page goes back to the login. */
export const SESSION_END_REASONS: readonly string[] = [
  TEAM_MESSAGES.sessionExpired,
  TEAM_MESSAGES.accountDeleted,
  TEAM_MESSAGES.passwordReset,
  TEAM_MESSAGES.notLoggedIn,
];

/** The team server's port when none is chosen (`plandesk serve --team`, the app's 设置). */
export const TEAM_DEFAULT_PORT = 7370;
