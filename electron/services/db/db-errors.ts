// What went wrong with the library file, said so that a person can act on it. A healthy
// database on a read-only disk, without write permission, on a full disk or held by another
// program is never called damaged, and nobody is told to move it away.
//
// SQLite's codes are not enough on their own (SQLITE_CANTOPEN, SQLITE_READONLY and SQLITE_IOERR
// are said for several causes), so the place is looked at too: whether the folder and the files
// can be written (access(2) answers EROFS on a read-only filesystem, EACCES without permission)
// and how much room the disk has left.
import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { BUSY_TIMEOUT_MS } from './transaction';

export type DbProblem = 'readonly' | 'denied' | 'full' | 'busy' | 'corrupt';

/** Below this much free space a failed write is put down to a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : '';
}

/** What the error itself says, when that is unambiguous. */
function fromCode(code: string): DbProblem | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'EROFS') return 'readonly';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'denied';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
}

function accessProblem(path: string, mode: number): DbProblem | null {
  try {
    accessSync(path, mode);
    return null;
  } catch (err) {
    const code = codeOf(err);
    if (code === 'EROFS') return 'readonly';
    if (code === 'EACCES' || code === 'EPERM') return 'denied';
    return null;
  }
}

/** Looks at the place of the database: read-only, no permission, or a full disk. Changes nothing. */
export function probeLocation(dbPath: string): DbProblem | null {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return null;
  for (const p of [dir, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    if (p !== dir && !existsSync(p)) continue;
    const problem = accessProblem(p, p === dir ? constants.W_OK | constants.X_OK : constants.R_OK | constants.W_OK);
    // On Windows a file's 只读 attribute is what access() reports as EPERM (untested here: Linux only).
    if (problem === 'denied' && p !== dir && process.platform === 'win32') return 'readonly';
    if (problem) return problem;
  }
  try {
    const fs = statfsSync(dir);
    if (fs.bavail * fs.bsize < NEARLY_FULL_BYTES) return 'full';
  } catch {
    // statfs is not available everywhere; the codes still tell most cases
  }
  return null;
}

/** The problem behind a SQLite or file-system error on the library, or null when it is none of ours. */
export function classifyDbError(err: unknown, dbPath: string): DbProblem | null {
  const code = codeOf(err);
  const direct = fromCode(code);
  if (direct === 'corrupt' || direct === 'busy' || direct === 'full') return direct;
  // A permission error may really be a read-only disk (and SQLITE_READONLY / CANTOPEN / IOERR
  // may be any of them): the place says which.
  const place =
    direct || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') ? probeLocation(dbPath) : null;
  if (place) return place;
  if (direct) return direct;
  if (code.startsWith('SQLITE_READONLY')) return 'readonly';
  return null;
}

const UNTOUCHED = '资料库本身完好，PlanDesk 没有修改它，请不要移动或删除它';

/** The Chinese message for a problem (never for 'corrupt', which open-db words with its reason). */
export function problemError(problem: Exclude<DbProblem, 'corrupt'>, dbPath: string, opening: boolean, busyTimeoutMs = BUSY_TIMEOUT_MS): AppError {
  const notDone = opening ? '无法打开资料库' : '本次操作没有执行（此前保存的内容不受影响）';
  switch (problem) {
    case 'readonly':
      return new AppError(
        'db-readonly',
        `资料库所在的磁盘或文件是只读的，${notDone}。${UNTOUCHED}。请解除写保护（如 U 盘的写保护开关、只读挂载的磁盘或网络盘、文件属性中的“只读”）后再试；如只想在别的文件夹另建资料库，可设置环境变量 PLANDESK_HOME。文件位置：${dbPath}。`,
      );
    case 'denied':
      return new AppError(
        'db-denied',
        `没有权限写入资料库：当前用户不能修改资料库文件或它所在的文件夹，${notDone}。${UNTOUCHED}。请让管理员给当前用户加上该文件夹及其中 plandesk.db（以及 plandesk.db-wal、plandesk.db-shm）的读写权限，或以有权限的用户运行 PlanDesk。文件位置：${dbPath}。`,
      );
    case 'full':
      return new AppError(
        'db-full',
        `磁盘已满：资料库所在的磁盘没有剩余空间，${notDone}。${UNTOUCHED}。请清理该磁盘（删除不需要的文件、清空回收站）后再试。文件位置：${dbPath}。`,
      );
    case 'busy':
      return new AppError(
        'db-busy',
        `资料库被另一程序占用：另一个 PlanDesk（桌面版、命令行或浏览器模式）或其他程序（如备份、同步软件）正在写入资料库，等待 ${busyTimeoutMs / 1000} 秒后仍未结束，${notDone}。请稍后再试；若一直如此，请关闭其他 PlanDesk 窗口和命令行，或暂停锁住该文件的程序。文件位置：${dbPath}。`,
      );
  }
}

/**
 * The AppError for an error met while using (opening: true, while opening) the library, or null
 * when it is not a problem of the place (and not damage): the caller words it then.
 */
export function describeDbError(err: unknown, dbPath: string, opening = false, busyTimeoutMs = BUSY_TIMEOUT_MS): AppError | null {
  if (err instanceof AppError) return err;
  const problem = classifyDbError(err, dbPath);
  if (!problem || problem === 'corrupt') return null;
  return problemError(problem, dbPath, opening, busyTimeoutMs);
}
