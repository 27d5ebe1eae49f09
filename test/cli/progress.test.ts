/** The impact progress line: only on a terminal, only after a second, cleared at the end. */
import { describe, expect, it } from 'vitest';
import { createImpactProgress, PROGRESS_DELAY_MS } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('createImpactProgress', () => {
  it('does nothing (not even a callback) when the stream is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const progress = createImpactProgress(stream);
    expect(progress.onProgress).toBeUndefined();
    progress.done();
    expect(written).toEqual([]);
  });

  it('stays silent for the first second, then rewrites one line and clears it', () => {
    const { stream, written } = fakeStream(true);
    let time = 0;
    const progress = createImpactProgress(stream, () => time);
    progress.onProgress!(100, 50_504);
    expect(written).toEqual([]);
    time = PROGRESS_DELAY_MS + 1;
    progress.onProgress!(12_345, 50_504);
    progress.onProgress!(50_504, 50_504);
    progress.done();
    const line = 'analysing impact: 12,345 / 50,504 links';
    expect(written).toEqual([
      `\r${line}`,
      `\ranalysing impact: 50,504 / 50,504 links`,
      `\r${' '.repeat(line.length)}\r`,
    ]);
  });

  it('writes nothing at the end of a short run', () => {
    const { stream, written } = fakeStream(true);
    const progress = createImpactProgress(stream, () => 0);
    progress.onProgress!(5, 5);
    progress.done();
    expect(written).toEqual([]);
  });
});
