// Argument parsing shared by the commands: node:util parseArgs, with Chinese errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new AppError('invalid-args', `参数有误：${(err as Error).message}\n${usage}`);
  }
}
