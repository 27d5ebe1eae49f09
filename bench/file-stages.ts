/**
 * The stages of the bench's end-to-end run (bench/end-to-end.ts), each a child process of its own,
 * cold like the CLI (no warm-up), printing its figures as JSON on stdout:
 *
 *   node --import tsx bench/file-stages.ts library <model.json> <report.json>
 *   node --import tsx bench/file-stages.ts graphology <model.json>
 *
 * `library`: the CLI's path from file to written report (src/cli/commands/analyze.ts, runAnalyze
 * with `--format json --out`), stage by stage with the CLI's own functions: read + decode,
 * parse + validation (parseModel), compile + analysis (analyzeForCommand), JSON text + write
 * (analysisChunks, writeChunkedOutput). Before parseModel, the JSON.parse + key scan it starts
 * with (parseSource) is timed alone, an extra step outside the CLI's path: what parsing is of
 * parse + validation (a difference of the two would be two timings' noise, negative at times).
 *
 * `graphology`: the same file loaded into graphology and propagated (bench/graphology-baseline.ts):
 * read + JSON.parse, build the graph, propagate. The component order it propagates in is the
 * engine's, computed outside the timings (it would cost graphology a Tarjan pass of its own).
 */
import { readFile } from 'node:fs/promises';
import { analysisChunks, analysisViews, analyzeForCommand } from '../src/cli/commands/analyze.js';
import { writeChunkedOutput } from '../src/cli/write-stream.js';
import { compileModel } from '../src/engine/index.js';
import { decodeText } from '../src/model/decode-text.js';
import { parseModel } from '../src/model/load.js';
import { parseSource } from '../src/model/parse-text.js';
import type { Model } from '../src/model/schema.js';
import { baselineGraph, baselinePropagate, engineOrder } from './graphology-baseline.js';

/** One stage's wall-clock and CPU time (user + system), in seconds. */
export interface Stage {
  readonly wall: number;
  readonly cpu: number;
}

/** What `library` prints: the CLI's stages, S, and this process's peak RSS (bytes). */
export interface LibraryStages {
  readonly read: Stage;
  /** parseSource alone, outside the CLI's path (see the file comment). */
  readonly parse: Stage;
  /** parseModel: the parse again, then validation. */
  readonly parseAndValidate: Stage;
  readonly analysis: Stage;
  readonly write: Stage;
  readonly score: number | null;
  readonly peakRss: number;
}

/**
 * What `graphology` prints: its stages, its S, and this process's peak RSS (bytes) once the graph
 * is built (before the engine's order is compiled, which is not graphology's memory).
 */
export interface GraphologyStages {
  readonly load: Stage;
  readonly build: Stage;
  readonly propagate: Stage;
  readonly score: number | null;
  readonly peakRss: number;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

const peakRss = () => process.resourceUsage().maxRSS * 1024;

/**
 * Runs one stage, awaited, and times it. No collection is forced between stages: each pays for
 * the collections that fall in it, as the same step does in the CLI.
 */
async function stage<T>(run: () => T | Promise<T>): Promise<[T, Stage]> {
  const wall = performance.now();
  const cpu = cpuSeconds();
  const value = await run();
  return [value, { wall: (performance.now() - wall) / 1000, cpu: cpuSeconds() - cpu }];
}

async function library(file: string, out: string): Promise<LibraryStages> {
  const [text, read] = await stage(async () => decodeText(await readFile(file)));
  const [, parse] = await stage(() => parseSource(text, 'json'));
  const [{ model }, parseAndValidate] = await stage(() => parseModel(text, { format: 'json' }));
  const options = { format: 'json', out } as const;
  const [{ report, money }, analysis] = await stage(() => analyzeForCommand(model, options));
  const views = analysisViews(report, model, options, money);
  const [, write] = await stage(() =>
    writeChunkedOutput(analysisChunks(report, model, options, views), out),
  );
  const score = report.score;
  return { read, parse, parseAndValidate, analysis, write, score, peakRss: peakRss() };
}

async function graphology(file: string): Promise<GraphologyStages> {
  const [model, load] = await stage(
    async () => JSON.parse(decodeText(await readFile(file))) as Model,
  );
  const [graph, build] = await stage(() => baselineGraph(model));
  const built = peakRss();
  const order = engineOrder(compileModel(model));
  const [score, propagate] = await stage(() => baselinePropagate(graph, order));
  return { load, build, propagate, score, peakRss: built };
}

async function main(): Promise<void> {
  const [mode, file, out] = process.argv.slice(2);
  let figures: LibraryStages | GraphologyStages;
  if (mode === 'library' && file !== undefined && out !== undefined)
    figures = await library(file, out);
  else if (mode === 'graphology' && file !== undefined) figures = await graphology(file);
  else {
    process.stderr.write(
      'usage: file-stages.ts library <model.json> <report.json> | graphology <model.json>\n',
    );
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(figures));
}

await main();
