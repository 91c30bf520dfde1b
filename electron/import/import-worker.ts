// The import worker's entry: reads one file at a time with the in-process reader and answers
// with the result or the AppError's shape. Built into dist/electron/import-worker.cjs with its
// libraries bundled in (a worker thread cannot read Electron's asar archive; the file is
// unpacked beside it). In development and tests it is loaded through tsx (see run-bounded.ts).
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { readImportFileInProcess } from './read-file';
import type { WorkerReply } from './run-bounded';

parentPort?.on('message', (m: { fileName: string; bytes: Uint8Array }) => {
  readImportFileInProcess(m.fileName, m.bytes).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies WorkerReply),
    (err: unknown) =>
      parentPort!.postMessage(
        (err instanceof AppError
          ? { ok: false, app: true, code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) }
          : { ok: false, app: false, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }) satisfies WorkerReply,
      ),
  );
});
