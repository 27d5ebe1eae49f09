/**
 * `analyze --uncertainty` at the Node edge (docs/uncertainty.md, "Monte Carlo"): the samples on
 * worker threads when the run is large or `--workers` asks for them, in this process otherwise,
 * with a progress line on a terminal (progress.ts). The figures are the same bytes either way.
 */
import { uncertainty, uncertaintyOn } from '../analysis/uncertainty.js';
import { UNCERTAINTY_DEFAULTS } from '../analysis/uncertainty-options.js';
import type { UncertaintyReport } from '../analysis/uncertainty-report.js';
import type { Model } from '../model/schema.js';
import { createImpactProgress } from './progress.js';
import { usageError } from './scenario-io.js';
import { createWorkerPool, defaultWorkerCount } from './workers.js';

/**
 * Below this many link-samples ((actors + hand-offs) x samples) the default is to stay in
 * process: starting workers and cloning the model to them would cost more than they save.
 */
export const WORKER_LINK_SAMPLES = 20_000_000;

/** What `--uncertainty` reads of the command's options. */
export interface UncertaintyCommandOptions {
  readonly samples?: number;
  readonly seed?: number;
  /** `--workers`: how many worker threads (0 = in this process); absent: by size. */
  readonly workers?: number;
}

/** Parses `--workers`: a whole number from 0 to 256. */
export function parseWorkers(value: string): number {
  const workers = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(workers) || workers > 256)
    throw usageError('It must be a whole number from 0 to 256.');
  return workers;
}

/** How many workers a run uses: as asked, else cores - 1 for a large run, else none. */
export function workersFor(model: Model, options: UncertaintyCommandOptions): number {
  if (options.workers !== undefined) return options.workers;
  const links =
    (model.departments?.length ?? 0) +
    (model.employees?.length ?? 0) +
    (model.handoffs?.length ?? 0);
  const samples = options.samples ?? UNCERTAINTY_DEFAULTS.samples;
  return links * samples >= WORKER_LINK_SAMPLES ? defaultWorkerCount() : 0;
}

/** The Monte Carlo of the command, on workers or in process (see the file comment). */
export async function uncertaintyForCommand(
  model: Model,
  options: UncertaintyCommandOptions,
): Promise<UncertaintyReport> {
  const progress = createImpactProgress(process.stderr, undefined, {
    doing: 'sampling',
    unit: 'samples',
  });
  const settings = {
    ...(options.samples !== undefined && { samples: options.samples }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(progress.onProgress !== undefined && { onProgress: progress.onProgress }),
  };
  const workers = workersFor(model, options);
  try {
    if (workers === 0) return uncertainty(model, settings);
    const pool = createWorkerPool(workers);
    try {
      return await uncertaintyOn(model, pool, settings);
    } finally {
      await pool.close();
    }
  } finally {
    progress.done();
  }
}
