// Errors that cross the UI/back-end boundary: a stable code for programs, a Chinese message
// for people, optional details (e.g. the field paths of a validation failure).

export type AppErrorCode =
  | 'invalid-args'
  | 'invalid-plan'
  | 'not-found'
  | 'conflict'
  | 'db-corrupt'
  | 'db-too-new'
  // A healthy library in a place PlanDesk cannot use (electron/services/db/db-errors.ts).
  | 'db-readonly'
  | 'db-denied'
  | 'db-full'
  | 'db-busy'
  | 'io'
  | 'unsupported-file'
  | 'bad-file'
  | 'forbidden'
  | 'internal';

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  details?: string[];
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: string[];
  constructor(code: AppErrorCode, message: string, details?: string[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isAppErrorShape(x: unknown): x is AppErrorShape {
  return !!x && typeof x === 'object' && typeof (x as AppErrorShape).code === 'string' && typeof (x as AppErrorShape).message === 'string';
}

/** Turns anything thrown into the shape sent over a transport, never leaking stack traces. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toJSON();
  return { code: 'internal', message: '内部错误：' + (err instanceof Error ? err.message : String(err)) };
}
