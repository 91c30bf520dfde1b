// Argument parsing shared by the commands: node:util parseArgs, with Chinese errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';

/**
 * Bad arguments give one line on stderr (which argument was wrong, and where the usage is),
 * as every bad input of the command line does.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const command = /plandesk \S+/.exec(usage)?.[0] ?? 'plandesk';
    throw new AppError('invalid-args', `参数有误：${(err as Error).message.split('\n')[0]}（${command} --help 查看用法）`);
  }
}
