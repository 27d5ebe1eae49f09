/**
 * The worker thread of src/cli/workers.ts (built as dist/cli-worker.js): prepares a task kind's
 * context from the shared data, then runs each task it is given and posts the result back, with a
 * tick per unit done (a Monte Carlo sample). Typed arrays in a result are transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { TASK_KINDS, type TaskKind, type TaskKindName } from '../analysis/task-runner.js';
import type { WorkerReply } from './workers.js';

type Message =
  | { readonly type: 'prepare'; readonly kind: TaskKindName; readonly shared: unknown }
  | { readonly type: 'task'; readonly id: number; readonly payload: unknown };

let task: TaskKind<unknown, unknown, unknown, unknown> | undefined;
let context: unknown;

/** The buffers of the typed arrays in `result` (itself one, or a plain object of them). */
function transferables(result: unknown): ArrayBuffer[] {
  const values = ArrayBuffer.isView(result)
    ? [result]
    : typeof result === 'object' && result !== null
      ? Object.values(result).flatMap((v) => (Array.isArray(v) ? v : [v]))
      : [];
  const buffers = new Set<ArrayBuffer>();
  for (const v of values)
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
  return [...buffers];
}

const port = parentPort!;
const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(reply, transfer);

port.on('message', (message: Message) => {
  if (message.type === 'prepare') {
    task = TASK_KINDS[message.kind] as TaskKind<unknown, unknown, unknown, unknown>;
    context = task.prepare(message.shared);
    return;
  }
  try {
    const result = task!.run(context, message.payload, () => post({ type: 'tick' }));
    post({ type: 'done', id: message.id, result }, transferables(result));
  } catch (error) {
    post({ type: 'error', id: message.id, message: String((error as Error)?.message ?? error) });
  }
});
