// The one place where a request from any transport becomes a service call: the operation
// name is checked against the contract and the arguments parsed with its zod schema.
import { isOperationName, operations, type Services } from '../../shared/contract';
import { AppError, toErrorShape, type AppErrorShape } from '../../shared/errors';
import { describeZodError } from '../../shared/validation';

export type DispatchResult = { ok: true; result: unknown } | { ok: false; error: AppErrorShape };

export type Dispatch = (name: unknown, args: unknown) => Promise<DispatchResult>;

export function createDispatcher(services: Services, log: (msg: string) => void = () => undefined): Dispatch {
  return async (name, args) => {
    try {
      // The name is not echoed: it came from the request and may be anything.
      if (!isOperationName(name)) throw new AppError('invalid-args', '未知操作');
      const parsed = operations[name].safeParse(args ?? {});
      if (!parsed.success) {
        const details = describeZodError(parsed.error);
        throw new AppError('invalid-args', `参数不正确：${details[0] ?? ''}`, details);
      }
      const fn = services[name] as (a: unknown) => unknown;
      return { ok: true, result: await fn(parsed.data) };
    } catch (err) {
      // Input nested past the stack (any transport): the request's fault, said in Chinese.
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        return { ok: false, error: { code: 'invalid-args', message: '内容嵌套层数过多，无法处理' } };
      }
      const shape = toErrorShape(err);
      if (shape.code === 'internal') log(`internal error in ${String(name)}: ${(err as Error)?.stack ?? String(err)}`);
      return { ok: false, error: shape };
    }
  };
}
