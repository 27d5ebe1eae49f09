/**
 * Writes text that comes in chunks (a streamed JSON report) to a file or stdout, waiting for the
 * stream to drain whenever it asks (backpressure), so that memory holds about one chunk however
 * large the output. Failures read as writeOutput's: `cannot write "FILE" (CODE)`, exit 2.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { UsageError } from './io.js';

/** Bytes a file stream buffers before it asks the writer to wait (fs's default is 16 KiB). */
const WRITE_BUFFER = 1 << 20;

/** Writes every chunk in order, waiting for `drain` when the stream's buffer is full. */
export async function writeChunks(chunks: Iterable<string>, stream: Writable): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

/** Writes the chunks to `outFile`, or to stdout when no file is given. */
export async function writeChunkedOutput(
  chunks: Iterable<string>,
  outFile?: string,
): Promise<void> {
  if (outFile === undefined) {
    await writeChunks(chunks, process.stdout);
    return;
  }
  // A buffer of a few chunks: the writer does not wait for every single chunk to reach the disk.
  const file = createWriteStream(outFile, { encoding: 'utf8', highWaterMark: WRITE_BUFFER });
  // An open error (a missing directory) arrives as an event: race it against the writes.
  const failed = once(file, 'error').then(([error]) => {
    throw error;
  });
  // Handled here too: an error after the race has settled must not be an unhandled rejection.
  failed.catch(() => {});
  try {
    await Promise.race([
      (async () => {
        await once(file, 'open');
        await writeChunks(chunks, file);
        file.end();
        await once(file, 'finish');
      })(),
      failed,
    ]);
  } catch (error) {
    file.destroy();
    const reason = (error as NodeJS.ErrnoException).code ?? 'failed';
    throw new UsageError(`cannot write ${JSON.stringify(outFile)} (${reason})`);
  }
}
