/**
 * Monte Carlo throughput (docs/uncertainty.md, "Monte Carlo"): samples per second of
 * `uncertainty(model)` on the generated organisations of bench/generate.ts, every hand-off's
 * quality turned into an estimate `{ mean: q, sd }` (sd 0.05, or less where a Beta needs it).
 *
 *   npx tsx bench/uncertainty.ts --sizes 10000,100000 --samples 20 [--org mixed|mean]
 *
 * Samples/s counts the samples after the first (the set-up is timed apart); CPU time is the
 * process's, a steadier figure than wall time on a shared machine.
 */
import { uncertainty } from '../src/analysis/uncertainty.js';
import { pointValue } from '../src/model/estimates.js';
import type { Model } from '../src/model/schema.js';
import { generateOrganisation } from './generate.js';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1]!;
}

/** The model with every quality an estimate of sd 0.05, kept inside what a Beta allows. */
function withEstimates(model: Model): Model {
  const handoffs = (model.handoffs ?? []).map((h) => {
    const q = pointValue(h.quality) ?? 1;
    const sd = Math.min(0.05, 0.5 * Math.sqrt(q * (1 - q)));
    return { ...h, quality: sd > 0 ? { mean: q, sd } : q };
  });
  return { ...model, handoffs };
}

const sizes = flag('sizes', '10000').split(',').map(Number);
const samples = Number(flag('samples', '20'));
const org = flag('org', 'mixed');
for (const size of sizes) {
  const model = withEstimates(generateOrganisation({ actors: size, allMean: org === 'mean' }));
  const started = performance.now();
  const cpu = process.cpuUsage();
  // The first sample's progress call marks the end of the set-up (validation, compilation, the
  // point fix gains): samples/s below counts the samples after it, the whole call is shown too.
  let first = Number.NaN;
  let firstCpu = cpu;
  const result = uncertainty(model, {
    samples,
    onProgress: (done) => {
      if (done !== 1 || !Number.isNaN(first)) return;
      first = performance.now();
      firstCpu = process.cpuUsage();
    },
  });
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  const seconds = (ended - started) / 1000;
  const cpuSeconds = (used.user + used.system) / 1e6;
  const perSecond = (samples - 1) / ((ended - first) / 1000);
  const after = process.cpuUsage(firstCpu);
  const perCpuSecond = (samples - 1) / ((after.user + after.system) / 1e6);
  console.log(
    `${org} ${size.toLocaleString('en')} actors, ${model.handoffs!.length.toLocaleString('en')} hand-offs, ` +
      `${result.estimates.toLocaleString('en')} estimates: ${samples} samples in ${seconds.toFixed(1)} s wall ` +
      `(${cpuSeconds.toFixed(1)} s CPU, set-up and first sample ${((first - started) / 1000).toFixed(1)} s), ` +
      `${perSecond.toFixed(2)} samples/s after the first (${perCpuSecond.toFixed(2)} per CPU second)`,
  );
}
