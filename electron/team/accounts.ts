// Team accounts and login sessions in the library (migration 006). Passwords are kept as scrypt
// hashes (node:crypto, salt per account); a login gives a random token of which only the SHA-256
// is stored, valid for SESSION_HOURS (or PLANDESK_TEAM_TOKEN_TTL_MS, see sessionTtlMs).
import type { Database } from 'better-sqlite3';
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { isTeamRole, TEAM_MESSAGES, TEAM_ROLES, type TeamRole } from '../../shared/team';
import { writeTransaction } from '../services/db/transaction';

export const SESSION_HOURS = 12;

/**
 * How long a login lasts, in ms: SESSION_HOURS, unless the server process has the environment
 * variable PLANDESK_TEAM_TOKEN_TTL_MS (a whole number of milliseconds, e.g. 20000). It exists for
 * tests of what happens when a session ends (connections closed, the page back at its login)
 * without waiting 12 hours; offices have no reason to set it. Read at every login.
 */
export function sessionTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PLANDESK_TEAM_TOKEN_TTL_MS);
  return Number.isInteger(n) && n > 0 ? n : SESSION_HOURS * 3600_000;
}

export interface TeamAccount {
  id: number;
  name: string;
  unit: string;
  role: TeamRole;
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function verifyPassword(password: string, stored: string): boolean {
  const [tag, n, r, p, salt, key] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(got, expected);
}

/** A password to hand out: 12 characters without look-alikes (0/O, 1/l/I). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export function addAccount(db: Database, input: { name: string; unit: string; role: string; password: string }): TeamAccount {
  const name = input.name.trim();
  const unit = input.unit.trim();
  if (!name) throw new AppError('invalid-args', '请给出用户名。');
  if (!unit) throw new AppError('invalid-args', '请用 --unit 给出用户所在单位。');
  if (!isTeamRole(input.role)) throw new AppError('invalid-args', `角色“${input.role}”不存在，可选：${TEAM_ROLES.join('、')}。`);
  checkPassword(input.password);
  const hash = hashPassword(input.password);
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM team_accounts WHERE name = ?').get(name))
      throw new AppError('invalid-args', `用户“${name}”已存在，请换一个名字（例如加上单位简称）。`);
    const info = db
      .prepare('INSERT INTO team_accounts (name, unit, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, unit, input.role, hash, new Date().toISOString());
    return { id: Number(info.lastInsertRowid), name, unit, role: input.role as TeamRole };
  })();
}

function checkPassword(password: string): void {
  if (password.length < 8) throw new AppError('invalid-args', '密码至少 8 个字符。');
}

export interface TeamAccountListing {
  name: string;
  unit: string;
  role: TeamRole;
  createdAt: string;
}

export function listAccounts(db: Database): TeamAccountListing[] {
  return db.prepare<[], TeamAccountListing>('SELECT name, unit, role, created_at AS createdAt FROM team_accounts ORDER BY id').all();
}

const noAccount = (name: string) => new AppError('not-found', `没有账号“${name}”，可能已被删除。`);

/** A new password for an account; its sessions end (every login with the old password). */
export function setPassword(db: Database, name: string, password: string): void {
  checkPassword(password);
  const hash = hashPassword(password);
  writeTransaction(db, () => {
    const row = db.prepare<[string], { id: number }>('SELECT id FROM team_accounts WHERE name = ?').get(name.trim());
    if (!row) throw noAccount(name);
    db.prepare('UPDATE team_accounts SET password_hash = ? WHERE id = ?').run(hash, row.id);
    db.prepare('DELETE FROM team_sessions WHERE account_id = ?').run(row.id);
  })();
}

/** Deletes an account and its sessions. */
export function removeAccount(db: Database, name: string): void {
  writeTransaction(db, () => {
    const row = db.prepare<[string], { id: number }>('SELECT id FROM team_accounts WHERE name = ?').get(name.trim());
    if (!row) throw noAccount(name);
    db.prepare('DELETE FROM team_sessions WHERE account_id = ?').run(row.id);
    db.prepare('DELETE FROM team_accounts WHERE id = ?').run(row.id);
  })();
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The account for a name and password, or null. Checks a hash even for an unknown name (no timing hint). */
export function checkLogin(db: Database, name: string, password: string): TeamAccount | null {
  const row = db.prepare('SELECT id, name, unit, role, password_hash FROM team_accounts WHERE name = ?').get(name.trim()) as
    (TeamAccount & { password_hash: string }) | undefined;
  const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok) return null;
  return { id: row.id, name: row.name, unit: row.unit, role: row.role };
}

const DUMMY_HASH = hashPassword(randomBytes(9).toString('base64'));

export function createSession(db: Database, account: TeamAccount, now = Date.now()): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now + sessionTtlMs()).toISOString();
  writeTransaction(db, () => {
    db.prepare('DELETE FROM team_sessions WHERE expires_at < ?').run(new Date(now).toISOString());
    db.prepare('INSERT INTO team_sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), account.id, expiresAt);
  })();
  return { token, expiresAt };
}

/** The account a token stands for and when its session ends, while the session lasts. */
export function sessionOf(db: Database, token: string, now = Date.now()): { account: TeamAccount; expiresAt: string } | null {
  if (!token) return null;
  const row = db
    .prepare(
      `SELECT a.id, a.name, a.unit, a.role, s.expires_at AS expiresAt FROM team_sessions s JOIN team_accounts a ON a.id = s.account_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    )
    .get(tokenHash(token), new Date(now).toISOString()) as (TeamAccount & { expiresAt: string }) | undefined;
  if (!row) return null;
  const { expiresAt, ...account } = row;
  return { account, expiresAt };
}

/** The account a token stands for, while the session lasts. */
export function sessionAccount(db: Database, token: string, now = Date.now()): TeamAccount | null {
  return sessionOf(db, token, now)?.account ?? null;
}

/**
 * Why a session that stood (of `accountId`, until `expiresAt`) stands no more, in words for the
 * person: the account deleted, the session's time up, or else its password reset (which ends the
 * account's sessions).
 */
export function endedSessionReason(db: Database, accountId: number, expiresAt: string, now = Date.now()): string {
  if (!db.prepare('SELECT 1 FROM team_accounts WHERE id = ?').get(accountId)) return TEAM_MESSAGES.accountDeleted;
  if (expiresAt <= new Date(now).toISOString()) return TEAM_MESSAGES.sessionExpired;
  return TEAM_MESSAGES.passwordReset;
}
