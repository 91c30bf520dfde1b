// Never a half-written file: write to a temp file beside the target, flush, then rename over it.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors';

export function describeFsError(err: unknown, target: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入 ${target}。请换一个文件夹，或检查文件是否为只读。`;
    case 'EBUSY':
      return `文件 ${target} 正被其他程序（如 Word、WPS）打开，无法覆盖。请先关闭该文件再试。`;
    case 'ENOENT':
      return `找不到文件夹 ${dirname(target)}。`;
    case 'ENOSPC':
      return '磁盘空间不足，文件未写入。';
    case 'EISDIR':
      return `${target} 是一个文件夹，不能作为输出文件。`;
    case 'EROFS':
      return `${target} 所在位置是只读的。`;
    default:
      return `无法写入 ${target}：${(err as Error)?.message ?? String(err)}`;
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new AppError('io', describeFsError(err, target));
  }
}
