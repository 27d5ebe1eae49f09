/**
 * The Monte Carlo split into ranges (task-runner.ts, as worker threads run it) gives the same
 * result as one run in process, to the bit, for any split; and on a generated organisation with
 * loops and min / product / geometric actors, where most fix gains are skipped, its listed links
 * and their intervals equal those computed from every link's exact fix gain in every sample.
 */
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { topLinks } from '../../src/analysis/rankings.js';
import { inProcessRunner, type TaskRunner } from '../../src/analysis/task-runner.js';
import { uncertainty, uncertaintyOn } from '../../src/analysis/uncertainty.js';
import { summarise } from '../../src/analysis/uncertainty-stats.js';
import { compileModel } from '../../src/engine/compile.js';
import { runSamples } from '../../src/engine/monte-carlo.js';
import { samplePlan } from '../../src/engine/sample-plan.js';
import { pointValue } from '../../src/model/estimates.js';
import type { Model } from '../../src/model/schema.js';

/** A runner that claims `parallel` at once (so the samples are split) but runs here. */
function splitRunner(parallel: number): TaskRunner {
  const inner = inProcessRunner();
  return { parallel, run: inner.run };
}

/** Every quality an estimate of sd 0.05 (or less, where a Beta needs it). */
function withEstimates(model: Model): Model {
  const handoffs = (model.handoffs ?? []).map((h) => {
    const q = pointValue(h.quality) ?? 1;
    const sd = Math.min(0.05, 0.5 * Math.sqrt(q * (1 - q)));
    return { ...h, quality: sd > 0 ? { mean: q, sd } : q };
  });
  return { ...model, handoffs };
}

const model = withEstimates(generateOrganisation({ actors: 240, customers: 6, seed: 9 }));

describe('uncertainty on a task runner', () => {
  it.each([1, 2, 3, 7])('gives the same result split for %s at once', async (parallel) => {
    const options = { samples: 23, seed: 4 };
    const spread = await uncertaintyOn(model, splitRunner(parallel), options);
    expect(JSON.stringify(spread)).toBe(JSON.stringify(uncertainty(model, options)));
  });

  it('tells progress sample by sample, up to the sample count, in process and split', async () => {
    const calls: number[][] = [];
    const onProgress = (done: number, total: number) => calls.push([done, total]);
    uncertainty(model, { samples: 7, onProgress });
    expect(calls.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7].map((done) => [done, 7]));
    calls.length = 0;
    await uncertaintyOn(model, splitRunner(2), { samples: 7, onProgress });
    expect(calls.slice(0, 7).map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls.every(([done, total]) => total === 7 && done! <= 7)).toBe(true);
  });

  it('lists the links, and their fix gains, that every exact fix gain in every sample gives', () => {
    const samples = 15;
    const seed = 2;
    const result = uncertainty(model, { samples, seed, links: 4, topRank: 3 });
    const chain = compileModel(model);
    const perSample: Float64Array[] = [];
    const run = {
      seed,
      from: 0,
      to: samples,
      options: { tolerance: 1e-12, maxIterations: 10_000 },
    };
    runSamples(chain, samplePlan(model), run, (view) => {
      perSample.push(view.fixGain.slice());
    });
    const mean = new Float64Array(chain.linkCount);
    for (const gains of perSample) for (let l = 0; l < gains.length; l++) mean[l]! += gains[l]!;
    for (let l = 0; l < mean.length; l++) mean[l] = mean[l]! / samples;
    const inTop = new Set(perSample.flatMap((gains) => topLinks(gains, 3)));
    const listed = new Set([...topLinks(mean, 4), ...inTop]);
    const index = (link: { type: string; id: string }) =>
      link.type === 'handoff'
        ? chain.actorCount + chain.handoffIndex.get(link.id)!
        : chain.nodeIndex.get(link.id)!;
    expect(new Set(result.links.map((entry) => index(entry.link)))).toEqual(listed);
    expect(listed.size).toBeGreaterThanOrEqual(4);
    for (const entry of result.links) {
      const l = index(entry.link);
      expect(entry.fixGain).toEqual(summarise(perSample.map((gains) => gains[l]!)));
    }
  });
});
