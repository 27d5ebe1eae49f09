/**
 * Progress of long impact passes on stderr (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"'s exact fixGain / failureLoss can
 * take minutes on large models). Shown ONLY when stderr is a terminal and the work has run for
 * more than a second, as one line rewritten with `\r` and cleared at the end: piped or redirected
 * output, and every test, stay byte-identical.
 */

/** What `createImpactProgress` writes to: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** The callback to hand to analyze / whatIf, and `done()` to clear the line once they return. */
export interface ImpactProgressLine {
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  done(): void;
}

/** Milliseconds of work before the line appears: short runs never show it. */
export const PROGRESS_DELAY_MS = 1000;

/**
 * A progress line for `analysing impact: 12,345 / 50,504 links`; `onProgress` is undefined
 * (nothing is even timed) when the stream is not a terminal.
 */
export function createImpactProgress(
  stream: ProgressStream = process.stderr,
  now: () => number = () => performance.now(),
  /** What is being done and what is counted: the Monte Carlo says `sampling` and `samples`. */
  what: { readonly doing: string; readonly unit: string } = {
    doing: 'analysing impact',
    unit: 'links',
  },
): ImpactProgressLine {
  if (stream.isTTY !== true) return { onProgress: undefined, done: () => {} };
  const started = now();
  let width = 0;
  return {
    onProgress: (done, total) => {
      if (now() - started < PROGRESS_DELAY_MS) return;
      const text = `${what.doing}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} ${what.unit}`;
      stream.write(`\r${text.padEnd(width)}`);
      width = Math.max(width, text.length);
    },
    done: () => {
      if (width > 0) stream.write(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}
