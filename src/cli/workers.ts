/**
 * A pool of worker threads that runs the tasks of src/analysis/task-runner.ts (docs/uncertainty.md,
 * "Monte Carlo"): the engine and the analysis stay free of Node built-ins, and this TaskRunner is
 * injected where work can be spread. Each worker prepares the kind's context once per run (the
 * shared data is cloned to it), then takes the next task as soon as it is free; results are put
 * back in task order, so the figures are the same whatever the number of workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TaskKindName, TaskRunner } from '../analysis/task-runner.js';

/** A TaskRunner on `size` worker threads; `close()` ends them. */
export interface WorkerPool extends TaskRunner {
  close(): Promise<void>;
}

/** What a worker posts back (worker-entry.ts). */
export type WorkerReply =
  | { readonly type: 'tick' }
  | { readonly type: 'done'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The built worker entry, next to the CLI bundle (tsup.config.ts: `cli-worker`). */
export const WORKER_ENTRY = new URL('./cli-worker.js', import.meta.url);

/**
 * The default number of workers: one per core but the one this process runs on, or one per core
 * when this process only `waits` for them (the impact pass: nothing else to do meanwhile).
 */
export function defaultWorkerCount(waits = false): number {
  return Math.max(0, availableParallelism() - (waits ? 0 : 1));
}

/** Starts `size` (>= 1) workers on `entry`. */
export function createWorkerPool(size: number, entry: URL = WORKER_ENTRY): WorkerPool {
  const workers = Array.from({ length: size }, () => new Worker(entry));
  return {
    parallel: size,
    run: (kind, shared, payloads, tick) => runOnWorkers(workers, kind, shared, payloads, tick),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Sends `shared` to every worker, then hands out the tasks one at a time to whichever is free. */
function runOnWorkers(
  workers: readonly Worker[],
  kind: TaskKindName,
  shared: unknown,
  payloads: readonly unknown[],
  tick: (() => void) | undefined,
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const results: unknown[] = new Array(payloads.length);
    let next = 0;
    let finished = 0;
    let failed = false;
    const cleanups: (() => void)[] = [];
    const end = (error?: Error) => {
      for (const cleanup of cleanups) cleanup();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const give = (worker: Worker) => {
      if (next < payloads.length) {
        worker.postMessage({ type: 'task', id: next, payload: payloads[next] });
        next++;
      }
    };
    if (payloads.length === 0) return end();
    for (const worker of workers) {
      const onMessage = (reply: WorkerReply) => {
        if (failed) return;
        if (reply.type === 'tick') return tick?.();
        if (reply.type === 'error') {
          failed = true;
          return end(new Error(`a worker thread failed: ${reply.message}`));
        }
        results[reply.id] = reply.result;
        finished++;
        if (finished === payloads.length) return end();
        give(worker);
      };
      const onError = (error: Error) => {
        if (failed) return;
        failed = true;
        end(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      cleanups.push(() => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      });
      worker.postMessage({ type: 'prepare', kind, shared });
      give(worker);
    }
  });
}
