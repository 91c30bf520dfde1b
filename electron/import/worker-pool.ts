// One warm worker thread, reused between files, with a time limit per job: the PDF reader and
// the bounded import (run-bounded.ts) both need it. A job that overruns its limit cannot be
// interrupted inside its own thread, so its worker is terminated; a worker that answered is
// kept warm for a minute (starting one costs ~0.4 s), a second job while it is busy gets its own.
import { Worker } from 'node:worker_threads';

/** No worker could be started, or it stopped without answering: the caller may read in-process. */
export class WorkerUnavailable extends Error {}
/** The job ran past its time limit; its worker was terminated. */
export class WorkerTimeLimit extends Error {}
/** The worker reported an error (out of heap, an uncaught exception); its worker was terminated. */
export class WorkerFailed extends Error {
  constructor(readonly error: NodeJS.ErrnoException) {
    super(String(error));
  }
}

const IDLE_MS = 60_000;

export interface WorkerPool {
  /**
   * Posts `message` (transferring `transfer`) and resolves with the worker's answer. `keep`
   * says whether the worker is fit to be reused after that answer (default: yes).
   */
  run(message: unknown, transfer: ArrayBuffer[], ms: number, keep?: (reply: unknown) => boolean): Promise<unknown>;
}

export function workerPool(start: () => Worker): WorkerPool {
  let idle: { worker: Worker; timer: NodeJS.Timeout } | undefined;

  const take = (): Worker => {
    if (idle) {
      const { worker, timer } = idle;
      idle = undefined;
      clearTimeout(timer);
      worker.ref();
      return worker;
    }
    return start();
  };

  const giveBack = (worker: Worker): void => {
    if (idle) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => {
      if (idle?.worker === worker) idle = undefined;
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    idle = { worker, timer };
    // A worker that ends while idle is not handed out again.
    worker.once('exit', () => {
      if (idle?.worker === worker) {
        clearTimeout(idle.timer);
        idle = undefined;
      }
    });
  };

  return {
    run: (message, transfer, ms, keep = () => true) =>
      new Promise((resolve, reject) => {
        let worker: Worker;
        try {
          worker = take();
        } catch (err) {
          reject(err instanceof WorkerUnavailable ? err : new WorkerUnavailable(String(err)));
          return;
        }
        let settled = false;
        const finish = (reuse: boolean, f: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          if (reuse) giveBack(worker);
          else void worker.terminate();
          f();
        };
        const timer = setTimeout(() => finish(false, () => reject(new WorkerTimeLimit())), ms);
        const onMessage = (m: unknown) => finish(keep(m), () => resolve(m));
        const onError = (err: NodeJS.ErrnoException) => finish(false, () => reject(new WorkerFailed(err)));
        const onExit = (code: number) => finish(false, () => reject(new WorkerUnavailable(`worker exited with ${code}`)));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        worker.postMessage(message, transfer);
      }),
  };
}
