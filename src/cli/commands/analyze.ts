/**
 * `service-chain analyze <file>`: the whole analysis of a model file as text, Markdown, JSON or
 * HTML, with the money (`--money`), department (`--level`) and structural (`--metrics`) views
 * appended when asked.
 */
import { type Command, Option } from 'commander';
import { analyzeOn } from '../../analysis/analyze.js';
import type { BusinessImpact } from '../../analysis/business-impact.js';
import { type StructuralMetrics, structuralMetrics } from '../../analysis/metrics.js';
import type { Report } from '../../analysis/report.js';
import { type RollUp, type RollUpLevel, rollUp } from '../../analysis/roll-up.js';
import { uncertainty } from '../../analysis/uncertainty.js';
import type { UncertaintyReport } from '../../analysis/uncertainty-report.js';
import type { Model } from '../../model/schema.js';
import { documentCsv } from '../../render/csv.js';
import { resolveDocumentOptions } from '../../render/document.js';
import { toHtml } from '../../render/html.js';
import { jsonChunks } from '../../render/json-stream.js';
import { toMarkdown } from '../../render/markdown.js';
import { metricsDocument, renderMetrics } from '../../render/metrics-document.js';
import {
  moneyDocument,
  moneyMarkdown,
  moneyNames,
  moneyText,
} from '../../render/money-document.js';
import { reportDocument } from '../../render/report-document.js';
import { renderRollUp, rollUpDocument } from '../../render/roll-up-document.js';
import { toText } from '../../render/text.js';
import { renderUncertainty } from '../../render/uncertainty-document.js';
import { readModelFile, runCommand, writeOutput } from '../io.js';
import { LEVEL_CHOICES, parseLevel } from '../level.js';
import { createImpactProgress } from '../progress.js';
import { parseShare, usageError } from '../scenario-io.js';
import { parseWorkers, uncertaintyForCommand } from '../uncertainty-run.js';
import { createWorkerPool, defaultWorkerCount, type WorkerPool } from '../workers.js';
import { writeChunkedOutput } from '../write-stream.js';

/** The output formats of `analyze`. */
export const ANALYZE_FORMATS = ['text', 'markdown', 'json', 'html', 'csv'] as const;

/** One output format of `analyze`. */
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/**
 * The options of `analyze` once parsed. Flat on purpose: each view (`--money`, `--level`,
 * `--metrics`) is a field here, a line in `registerAnalyze` and a line in `analysisViews`.
 */
export interface AnalyzeCommandOptions {
  readonly format: AnalyzeFormat;
  /** How many links the rankings, "links to fix" and the money view keep; library default if absent. */
  readonly top?: number;
  /** Write here instead of to stdout. */
  readonly out?: string;
  /** Append the money view (docs/business-impact.md, "The model"): money at risk, what each link's fix saves. */
  readonly money?: boolean;
  /** Append the department view: `department` = each actor's own, N = depth (1 = top level). */
  readonly level?: AnalyzeLevel;
  /** Append structural metrics: in/out-degree and betweenness of every node. */
  readonly metrics?: boolean;
  /** Append the Monte Carlo over the model's estimates (docs/uncertainty.md, "Monte Carlo"). */
  readonly uncertainty?: boolean;
  /** Its number of samples and seed; the library defaults if absent. */
  readonly samples?: number;
  readonly seed?: number;
  /**
   * `--workers`: worker threads for the impact pass and the Monte Carlo (0 = in this process);
   * absent: each by its own size.
   */
  readonly workers?: number;
  /**
   * JSON layout: true indented, false compact; absent: indented unless the model is big
   * (more than PRETTY_JSON_LINKS links) and the output is a file or pipe (see jsonIndent).
   */
  readonly pretty?: boolean;
  /** A scenario file: follow it day by day instead (delegates to the `dynamics` command). */
  readonly dynamics?: string;
  /** `--spof-threshold`: the share of a customer's service whose loss lists a failure (analyze's default if absent). */
  readonly spofThreshold?: number;
  /** `--cut-sets 2`: also the pairs of links that fail the top customers together (docs/model.md, "Single points of failure"). */
  readonly cutSets?: 1 | 2;
}

/**
 * Up to this many links (actors + hand-offs) `--format json` is indented whatever the output, as
 * it always was. Beyond it, written to a file or pipe, it is compact: indentation is about a third of
 * a big report's bytes (a million actors: about 1.8 GB indented), and a program reads it anyway.
 */
export const PRETTY_JSON_LINKS = 10_000;

/** Spaces of JSON indentation for this report and output: 2, or 0 for compact. */
export function jsonIndent(
  report: Report,
  options: Pick<AnalyzeCommandOptions, 'pretty' | 'out'>,
  terminal: boolean = process.stdout.isTTY === true,
): number {
  if (options.pretty !== undefined) return options.pretty ? 2 : 0;
  const links = report.model.actors + report.model.handoffs;
  const toTerminal = options.out === undefined && terminal;
  return links <= PRETTY_JSON_LINKS || toTerminal ? 2 : 0;
}

/** The value of `--level` (src/cli/level.ts): each actor's own department, or a depth in the tree. */
export type AnalyzeLevel = RollUpLevel;

/** Defaults of `analyze`: a text report on stdout. */
export const ANALYZE_COMMAND_DEFAULTS: AnalyzeCommandOptions = { format: 'text' };

/** Parses `--top`: a positive integer written as digits, nothing else (`3.5`, `0`, `1e3` fail). */
export function parseTop(value: string): number {
  const top = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(top) || top < 1) throw usageError('It must be a positive integer.');
  return top;
}

/** `--top` as renderer options: `{ top }` when given, `{}` for the renderers' own default. */
export function topOf(options: { readonly top?: number }): { top?: number } {
  return options.top === undefined ? {} : { top: options.top };
}

/** Parses `--seed`: a whole number from 0 to 4,294,967,295, written as digits. */
export function parseSeed(value: string): number {
  const seed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed > 4_294_967_295)
    throw usageError('It must be a whole number from 0 to 4294967295.');
  return seed;
}

/** Parses `--cut-sets`: the largest cut sets listed, 1 (single points) or 2 (pairs too). */
export function parseCutSets(value: string): 1 | 2 {
  if (value === '1' || value === '2') return value === '1' ? 1 : 2;
  throw usageError('It must be 1 (single points only) or 2 (pairs of links too).');
}

/** Parses `--format`: one of ANALYZE_FORMATS. */
export function parseFormat(value: string): AnalyzeFormat {
  const format = ANALYZE_FORMATS.find((name) => name === value);
  if (format === undefined) throw usageError(`It must be one of ${ANALYZE_FORMATS.join(', ')}.`);
  return format;
}

/** The extra views asked for on the command line; each is absent unless asked. */
export interface AnalyzeViews {
  /** `--money`: businessImpact(model). */
  readonly money?: BusinessImpact;
  /** `--level`: rollUp(report, model, { level }). */
  readonly rollUp?: RollUp;
  /** `--metrics`: structuralMetrics(model), betweenness whatever the size. */
  readonly metrics?: StructuralMetrics;
  /** `--uncertainty`: uncertainty(model, { samples, seed }). */
  readonly uncertainty?: UncertaintyReport;
}

/** Structural metrics without their wall time, so the JSON output stays byte-for-byte the same. */
export type MetricsOutput = Omit<StructuralMetrics, 'betweenness'> & {
  readonly betweenness: Omit<StructuralMetrics['betweenness'], 'milliseconds'>;
};

/**
 * What `analyze --format json` prints: the report object (docs/model.md, "What each report field means to a consultant") with, after its
 * own keys, one key per view asked for. Without any view it is the report object exactly.
 */
export type AnalyzeOutput = Report & {
  readonly money?: BusinessImpact;
  readonly rollUp?: RollUp;
  readonly metrics?: MetricsOutput;
  readonly uncertainty?: UncertaintyReport;
};

/**
 * Computes the views the options ask for, with the same `--top` as the report. The money view
 * comes from the analysis' own impact pass (analyzeWithMoney), handed in as `money`.
 */
export function analysisViews(
  report: Report,
  model: Model,
  options: AnalyzeCommandOptions,
  money?: BusinessImpact,
  /** The Monte Carlo, when the caller ran it already (runAnalyze: on worker threads). */
  monteCarlo?: UncertaintyReport,
): AnalyzeViews {
  const { level } = options;
  return {
    ...(options.money === true && money !== undefined ? { money } : {}),
    ...(level === undefined ? {} : { rollUp: rollUp(report, model, { level }) }),
    ...(options.metrics === true ? { metrics: structuralMetrics(model, { metrics: true }) } : {}),
    ...(options.uncertainty === true
      ? { uncertainty: monteCarlo ?? uncertaintyView(model, options) }
      : {}),
  };
}

/** The Monte Carlo of `--uncertainty`, with a progress line on a terminal (progress.ts). */
function uncertaintyView(model: Model, options: AnalyzeCommandOptions): UncertaintyReport {
  const progress = createImpactProgress(process.stderr, undefined, {
    doing: 'sampling',
    unit: 'samples',
  });
  try {
    return uncertainty(model, {
      ...(options.samples !== undefined && { samples: options.samples }),
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(progress.onProgress !== undefined && { onProgress: progress.onProgress }),
    });
  } finally {
    progress.done();
  }
}

/** Wall time differs from run to run; the JSON leaves it out (renderMetrics does too). */
function withoutWallTime(metrics: StructuralMetrics): MetricsOutput {
  const { milliseconds: _wallTime, ...betweenness } = metrics.betweenness;
  return { ...metrics, betweenness };
}

/** The JSON object: the report, then `money`, `rollUp` and `metrics` where asked. */
export function analysisOutput(report: Report, views: AnalyzeViews): AnalyzeOutput {
  return {
    ...report,
    ...(views.money === undefined ? {} : { money: views.money }),
    ...(views.rollUp === undefined ? {} : { rollUp: views.rollUp }),
    ...(views.metrics === undefined ? {} : { metrics: withoutWallTime(views.metrics) }),
    ...(views.uncertainty === undefined ? {} : { uncertainty: views.uncertainty }),
  };
}

/** Text or Markdown: the report, then each view asked for, a blank line between them. */
function appendViews(
  report: Report,
  rendered: string,
  views: AnalyzeViews,
  format: 'text' | 'markdown',
  top: { top?: number },
  model?: Model,
): string {
  const parts = [rendered];
  if (views.money !== undefined)
    parts.push(
      format === 'text'
        ? moneyText(views.money, top, moneyNames(report))
        : moneyMarkdown(views.money, top, moneyNames(report)),
    );
  if (views.rollUp !== undefined) parts.push(renderRollUp(views.rollUp, format, top));
  if (views.metrics !== undefined) parts.push(renderMetrics(views.metrics, format, top));
  if (views.uncertainty !== undefined && model !== undefined)
    parts.push(renderUncertainty(views.uncertainty, model, format, top));
  return parts.join('\n');
}

/** Every table of the report and of each view asked for, as one CSV stream (csv.ts). */
function analysisCsv(report: Report, views: AnalyzeViews, top: { top?: number }): string {
  const documents = [
    reportDocument(report, resolveDocumentOptions(top)),
    views.money === undefined ? [] : moneyDocument(views.money, top),
    views.rollUp === undefined ? [] : rollUpDocument(views.rollUp, top),
    views.metrics === undefined ? [] : metricsDocument(views.metrics, top),
  ];
  return documentCsv(documents.flat());
}

/**
 * The report in the chosen format, with the views appended, as one string: for text, Markdown and
 * HTML (JSON as `analysisChunks` streams it, joined: use that for big models).
 */
export function renderAnalysis(
  report: Report,
  model: Model,
  options: AnalyzeCommandOptions,
  views: AnalyzeViews = {},
): string {
  const top = options.top === undefined ? {} : { top: options.top };
  switch (options.format) {
    case 'text':
      return appendViews(report, toText(report, top), views, 'text', top, model);
    case 'markdown':
      return appendViews(report, toMarkdown(report, top), views, 'markdown', top, model);
    case 'json':
      return [...analysisChunks(report, model, options, views)].join('');
    case 'html':
      return toHtml(report, model, { ...views, ...top });
    case 'csv':
      return analysisCsv(report, views, top);
  }
}

/**
 * The report in the chosen format as chunks of text. JSON is the report object itself plus one
 * key per view, streamed (jsonChunks): the same bytes as JSON.stringify with the same indentation,
 * never one giant string.
 */
export function* analysisChunks(
  report: Report,
  model: Model,
  options: AnalyzeCommandOptions,
  views: AnalyzeViews = {},
): Generator<string> {
  if (options.format !== 'json') {
    yield renderAnalysis(report, model, options, views);
    return;
  }
  yield* jsonChunks(analysisOutput(report, views), { indent: jsonIndent(report, options) });
  yield '\n';
}

/**
 * From this many traversed lanes (impact-tasks.ts) the impact pass runs on worker threads unless
 * `--workers` says otherwise: near a second of lane work in process (the bench's mixed 2,000
 * actors: 19,780 lanes, 0.8 s CPU), well above the 50-150 ms that starting workers, sending them
 * the model and compiling it there cost (docs/performance.md, "Fourth session: the impact pass on
 * worker threads").
 */
export const WORKER_TRAVERSED_LANES = 20_000;

/** How many workers the impact pass uses: as asked, else one per core for a large pass, else none. */
export function impactWorkersFor(traversedLanes: number, workers: number | undefined): number {
  if (workers !== undefined) return workers;
  return traversedLanes >= WORKER_TRAVERSED_LANES ? defaultWorkerCount(true) : 0;
}

/**
 * Analyses the model: the report, and the money view from the same impact pass when asked; the
 * pass's traversals on worker threads when it is large or `--workers` asks (the same bytes).
 */
export async function analyzeForCommand(
  model: Model,
  options: AnalyzeCommandOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ report: Report; money?: BusinessImpact }> {
  const settings = {
    ...(options.top !== undefined && { top: options.top }),
    ...(onProgress !== undefined && { onProgress }),
    ...(options.spofThreshold !== undefined && { spofThreshold: options.spofThreshold }),
    ...(options.cutSets !== undefined && { cutSets: options.cutSets }),
  };
  let pool: WorkerPool | undefined;
  const runnerFor = (lanes: number) => {
    const workers = impactWorkersFor(lanes, options.workers);
    if (workers > 0) pool = createWorkerPool(workers);
    return pool;
  };
  try {
    const { report, money } = await analyzeOn(model, runnerFor, settings, options.money === true);
    return money === null ? { report } : { report, money };
  } finally {
    await pool?.close();
  }
}

/** Loads the file, analyses it, computes the views asked for and writes it all where asked. */
export async function runAnalyze(file: string, options: AnalyzeCommandOptions): Promise<void> {
  if (options.dynamics !== undefined) {
    // Loaded on use: dynamics.ts imports this module's parsers.
    const { runDynamics } = await import('./dynamics.js');
    const { format } = options;
    if (format === 'csv')
      throw usageError(
        '--dynamics writes text, markdown, json or html; a day-by-day table has no csv yet.',
      );
    return runDynamics(file, { ...options, format, scenario: options.dynamics });
  }
  const { model } = await readModelFile(file);
  // Progress of the impact pass on stderr, only on a terminal and after a second (progress.ts).
  const progress = createImpactProgress();
  let analysed: { report: Report; money?: BusinessImpact };
  try {
    analysed = await analyzeForCommand(model, options, progress.onProgress);
  } finally {
    progress.done();
  }
  const { report, money } = analysed;
  const monteCarlo =
    options.uncertainty === true ? await uncertaintyForCommand(model, options) : undefined;
  const views = analysisViews(report, model, options, money, monteCarlo);
  if (options.format === 'json')
    await writeChunkedOutput(analysisChunks(report, model, options, views), options.out);
  else await writeOutput(renderAnalysis(report, model, options, views), options.out);
}

/**
 * Registers `analyze <file> [--format text|markdown|json|html] [--top N] [--money]
 * [--level department|N] [--metrics] [--out FILE]`.
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'analyse a model file: organisation score, every customer with its weakest link and chain, ' +
        'the links worth fixing, cycles and warnings',
    )
    .argument('<file>', 'model file (.yaml, .yml or .json)')
    .addOption(
      new Option('-f, --format <format>', `output format: ${ANALYZE_FORMATS.join(', ')}`)
        .argParser(parseFormat)
        .default(ANALYZE_COMMAND_DEFAULTS.format),
    )
    .addOption(
      new Option('-t, --top <n>', 'how many links to rank (positive integer)').argParser(parseTop),
    )
    .option('--money', 'add the money view: money at risk and what fixing each link saves')
    .addOption(
      new Option('-l, --level <level>', `add the department view: ${LEVEL_CHOICES}`).argParser(
        parseLevel,
      ),
    )
    .addOption(
      new Option(
        '--spof-threshold <share>',
        "list a link's failure when it loses more than this share of a customer's service (default 0.5)",
      ).argParser(parseShare),
    )
    .addOption(
      new Option(
        '--cut-sets <order>',
        '2: also list, for the 3 customers of largest value, the pairs of links that cut them off together',
      ).argParser(parseCutSets),
    )
    .option('--metrics', 'add structural metrics: in/out-degree and betweenness of every node')
    .option(
      '--uncertainty',
      'add the Monte Carlo over the estimates: 90% intervals and first-fix probabilities',
    )
    .addOption(
      new Option('--samples <n>', 'Monte Carlo samples (default 2,000)').argParser(parseTop),
    )
    .addOption(new Option('--seed <n>', 'Monte Carlo seed (default 1)').argParser(parseSeed))
    .addOption(
      new Option(
        '--workers <n>',
        'worker threads for the impact pass and the Monte Carlo, 0 = none (default: by the model size)',
      ).argParser(parseWorkers),
    )
    .option(
      '--pretty',
      `indent the JSON (the default up to ${PRETTY_JSON_LINKS.toLocaleString('en')} links, or on a terminal)`,
    )
    .option('--no-pretty', 'compact JSON, whatever the size of the model')
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .option(
      '--dynamics <scenario>',
      'follow a scenario day by day instead (as `dynamics --scenario`)',
    )
    .action(
      runCommand((file: string, options: AnalyzeCommandOptions) => runAnalyze(file, options)),
    );
}
