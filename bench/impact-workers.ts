/**
 * The impact pass alone (docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"),
 * in process or with its traversals on worker threads (src/analysis/impact-tasks.ts), on a model
 * file written by bench/write-model.ts:
 *
 *   npx tsup && node --import tsx bench/impact-workers.ts <model.json> <workers>
 *
 * Wall and CPU time (the process's: every thread) of forEachLinkCustomerImpact, and with workers
 * of its parts: starting the pool, the lanes on the workers, the in-order loop here. The workers
 * run dist/cli-worker.js (built by tsup). The last line sums S's fix gains and failure losses,
 * which must not depend on the number of workers.
 */
import { readFileSync } from 'node:fs';
import { impactLanesOn } from '../src/analysis/impact-tasks.js';
import { createWorkerPool } from '../src/cli/workers.js';
import {
  compileModel,
  customerAdjoints,
  ENGINE_DEFAULTS,
  forEachLinkCustomerImpact,
  type LaneBatch,
  type LinkImpacts,
  propagate,
  scoreSensitivity,
} from '../src/engine/index.js';

async function measure<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / 1000;
  const seconds = (used.user + used.system) / 1e6;
  console.log(`${name}: wall ${wall.toFixed(2)} s, CPU ${seconds.toFixed(2)} s`);
  return result;
}

async function main() {
  const [file, count] = process.argv.slice(2);
  const model = JSON.parse(readFileSync(file!, 'utf8'));
  const workers = Number(count ?? 0);
  const options = ENGINE_DEFAULTS;
  const chain = compileModel(model);
  const evaluation = propagate(chain, options);
  const score = scoreSensitivity(chain, evaluation, options);
  const adjoints = customerAdjoints(chain, evaluation, options);
  const pass = (lanes?: readonly LaneBatch[]) =>
    forEachLinkCustomerImpact(chain, evaluation, options, () => {}, {
      score,
      adjoints,
      ...(lanes !== undefined && { lanes }),
    })!;
  let impacts: LinkImpacts;
  if (workers === 0) impacts = await measure('impact pass in process', () => pass());
  else {
    const entry = new URL('../dist/cli-worker.js', import.meta.url);
    impacts = await measure(`impact pass on ${workers} workers`, async () => {
      const pool = createWorkerPool(workers, entry);
      try {
        const shared = { model, options, score: true };
        const lanes = await measure('  lanes', () => impactLanesOn(chain, shared, pool));
        return await measure('  in-order loop', () => pass(lanes));
      } finally {
        await pool.close();
      }
    });
  }
  let sum = 0;
  for (let l = 0; l < chain.linkCount; l++) sum += impacts.fixGain[l]! + impacts.failureLoss[l]!;
  console.log(`sum of fix gains and failure losses: ${sum}`);
}

await main();
