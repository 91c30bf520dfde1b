// Every import is read in a worker thread with a time limit and a heap limit: a reader stuck in
// synchronous work (a parser on a pathological file) cannot be interrupted by a timer in its
// own thread, so the worker is terminated at the limit and the user told why. Size, depth and
// zip caps in the readers refuse the known cases at once; this is the bound on everything else.
//
// One warm worker is kept between files (./worker-pool.ts). Where no worker can be started (no built worker file, or a
// worker that fails to load), the file is read in-process, bounded by the readers' caps only.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../../shared/errors';
import type { ImportResult } from '../../shared/import/analyze';
import { WorkerFailed, WorkerTimeLimit, WorkerUnavailable, workerPool } from './worker-pool';

/** Longer than the PDF reader's own limit (20 s), so its clearer message comes first. */
export const IMPORT_TIME_LIMIT_MS = 30_000;
/** Heap of the import worker (the readers stay well under ~300 MB for any accepted input). */
export const IMPORT_WORKER_HEAP_MB = 512;

/** What the worker answers (import-worker.ts). */
export type WorkerReply = { ok: true; result: ImportResult } | { ok: false; app: boolean; code?: string; message: string; details?: string[] };

/** How to start the worker here: the bundled file beside main.cjs, or the TS source through tsx. */
function workerSpec(): { file: string; eval?: string } | undefined {
  // Absolute only: inside an eval'd worker __filename is "[worker eval]".
  const here = typeof __filename === 'string' && isAbsolute(__filename) ? __filename : undefined;
  if (!here) return undefined;
  if (here.endsWith('.cjs')) {
    let file = join(dirname(here), 'import-worker.cjs');
    const unpacked = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    if (unpacked !== file && existsSync(unpacked)) file = unpacked;
    return existsSync(file) ? { file } : undefined;
  }
  const source = join(dirname(here), 'import-worker.ts');
  if (!existsSync(source)) return undefined;
  const url = pathToFileURL(source).href;
  return { file: source, eval: `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))` };
}

let unavailable = false;

const importWorkers = workerPool(() => {
  const spec = workerSpec();
  if (!spec) throw new WorkerUnavailable('no worker');
  return new Worker(spec.eval ?? spec.file, {
    ...(spec.eval ? { eval: true } : {}),
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
});

async function inWorker(fileName: string, bytes: Uint8Array, ms: number): Promise<ImportResult> {
  // A copy: the caller keeps its bytes.
  const copy = new Uint8Array(bytes);
  let m: WorkerReply;
  try {
    m = (await importWorkers.run({ fileName, bytes: copy }, [copy.buffer as ArrayBuffer], ms)) as WorkerReply;
  } catch (err) {
    if (err instanceof WorkerTimeLimit)
      throw new AppError(
        'bad-file',
        `读取“${fileName}”超时（超过 ${Math.round(ms / 1000)} 秒）：文件结构过深或过于复杂，无法在限定时间内读取，为安全起见已停止；请在 Word 或 WPS 中打开后另存一份再导入`,
      );
    if (err instanceof WorkerFailed && err.error.code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new AppError('bad-file', `“${fileName}”过于复杂，读取它需要的内存超过上限（${IMPORT_WORKER_HEAP_MB} MB），为安全起见已停止读取`);
    throw err instanceof WorkerFailed ? new WorkerUnavailable(String(err.error)) : err;
  }
  if (m.ok) return m.result;
  if (m.app) throw new AppError(m.code as AppErrorCode, m.message, m.details);
  throw new Error(m.message);
}

export interface BoundedOptions {
  timeLimitMs?: number;
}

/** Runs `inProcess` in the import worker with the limits; in-process when no worker can run. */
export async function readBounded(
  fileName: string,
  bytes: Uint8Array,
  inProcess: (fileName: string, bytes: Uint8Array) => Promise<ImportResult>,
  o: BoundedOptions = {},
): Promise<ImportResult> {
  if (!unavailable) {
    try {
      return await inWorker(fileName, bytes, o.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) throw err;
      unavailable = true;
    }
  }
  return inProcess(fileName, bytes);
}
