/**
 * The traversed lanes of the impact pass run as batch ranges (traversedLanes): any split of the
 * batch ordinals, run range by range in any order, gives the lanes of runAllLanes bit for bit,
 * and forEachLinkCustomerImpact fed with them gives the figures it computes alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { customerAdjoints } from '../../src/engine/adjoint-lanes.js';
import { affineNodes } from '../../src/engine/affine.js';
import { compileModel } from '../../src/engine/compile.js';
import { forEachLinkCustomerImpact, joinLanes, traversedLanes } from '../../src/engine/impact.js';
import {
  createLaneBatch,
  type LaneBatch,
  linksByNode,
  runAllLanes,
} from '../../src/engine/impact-batches.js';
import { columnsOf, createLaneRun } from '../../src/engine/impact-lanes.js';
import { linkNode } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import { scoreSensitivity } from '../../src/engine/sensitivity.js';
import { type CompiledChain, ENGINE_DEFAULTS, type Evaluation } from '../../src/engine/types.js';
import { randomModel } from './fixtures.js';

/** Every lane of runAllLanes in one pass, batch after batch. */
function allLanes(chain: CompiledChain, evaluation: Evaluation): LaneBatch {
  const adjoints = customerAdjoints(chain, evaluation, ENGINE_DEFAULTS);
  const affine = affineNodes(chain);
  const score = scoreSensitivity(chain, evaluation).adjoint;
  const targets = { customers: chain.customerCount, adjoints, score };
  const columns = columnsOf(targets);
  const run = createLaneRun(chain, evaluation, affine, ENGINE_DEFAULTS, targets);
  const grouped = linksByNode(chain, undefined, (l) => affine[linkNode(chain, l)] === 0);
  const batch = createLaneBatch(columns);
  const parts: LaneBatch[] = [];
  runAllLanes(chain, run, grouped, batch, (lanes) =>
    parts.push({
      links: batch.links.slice(0, lanes),
      xs: batch.xs.slice(0, lanes),
      out: batch.out.slice(0, lanes * columns),
    }),
  );
  return joinLanes(parts, columns);
}

/** Cut points of 0 .. batches (sorted, distinct) and an order to run the ranges in. */
const split = (batches: number) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, batches - 1) }), { maxLength: 12 })
    .map((cuts) => [0, ...cuts.filter((c) => c < batches).sort((a, b) => a - b), batches])
    .chain((points) =>
      fc.shuffledSubarray(
        points.slice(1).map((to, i) => [points[i]!, to] as const),
        { minLength: points.length - 1 },
      ),
    );

/** The ranges run one by one (in the order given), put back in ordinal order. */
function splitLanes(
  chain: CompiledChain,
  evaluation: Evaluation,
  ranges: (readonly [number, number])[],
) {
  const lanes = traversedLanes(chain, evaluation, ENGINE_DEFAULTS, {
    score: scoreSensitivity(chain, evaluation),
  });
  const parts = ranges.map(([from, to]) => ({ from, part: lanes.run(from, to) }));
  parts.sort((a, b) => a.from - b.from);
  return joinLanes(
    parts.map((p) => p.part),
    lanes.columns,
  );
}

/** Same lanes: toEqual compares numbers with Object.is (0 and -0 differ, NaN equals NaN). */
function expectSameLanes(a: LaneBatch, b: LaneBatch) {
  expect(a.links).toEqual(b.links);
  expect(a.xs).toEqual(b.xs);
  expect(a.out).toEqual(b.out);
}

/** The lanes cut in two at a lane (with their columns). */
function halves(lanes: LaneBatch, columns: number): LaneBatch[] {
  const at = lanes.links.length >> 1;
  return [
    {
      links: lanes.links.subarray(0, at),
      xs: lanes.xs.subarray(0, at),
      out: lanes.out.subarray(0, at * columns),
    },
    {
      links: lanes.links.subarray(at),
      xs: lanes.xs.subarray(at),
      out: lanes.out.subarray(at * columns),
    },
  ];
}

/** Every figure forEachLinkCustomerImpact gives, alone or fed with `lanes`. */
function impacts(chain: CompiledChain, evaluation: Evaluation, lanes?: LaneBatch) {
  // Fed as two parts, as ranges from workers come (any cut of the lanes will do).
  const seen: number[] = [];
  const result = forEachLinkCustomerImpact(
    chain,
    evaluation,
    ENGINE_DEFAULTS,
    (_link, fix, failure) => seen.push(...fix, ...failure),
    {
      score: scoreSensitivity(chain, evaluation),
      ...(lanes !== undefined && { lanes: halves(lanes, chain.customerCount + 1) }),
    },
  );
  return { seen, fixGain: result!.fixGain, failureLoss: result!.failureLoss };
}

describe('traversedLanes: the impact pass run as batch ranges', () => {
  const mixed = generateOrganisation({ actors: 300, customers: 6, seed: 11 });
  const chain = compileModel(mixed);
  const evaluation = propagate(chain);
  const whole = allLanes(chain, evaluation);
  const { batches } = traversedLanes(chain, evaluation, ENGINE_DEFAULTS, {
    score: scoreSensitivity(chain, evaluation),
  });

  it('has batches to split (a mixed organisation with loops)', () => {
    expect(batches).toBeGreaterThan(5);
    expect(chain.components.cyclic.some((c) => c === 1)).toBe(true);
  });

  it('gives the lanes of runAllLanes bit for bit, whatever the split and its order', () => {
    fc.assert(
      fc.property(split(batches), (ranges) => {
        expectSameLanes(splitLanes(chain, evaluation, [...ranges]), whole);
      }),
      { numRuns: 40 },
    );
  });

  it('feeds forEachLinkCustomerImpact the figures it computes alone', () => {
    const ranges = [
      [3, batches],
      [0, 3],
    ] as const;
    expect(impacts(chain, evaluation, splitLanes(chain, evaluation, [...ranges]))).toEqual(
      impacts(chain, evaluation),
    );
  });

  it('on random small models too (cycles, every combine)', () => {
    fc.assert(
      fc.property(randomModel(), fc.integer({ min: 0, max: 5 }), (model, cut) => {
        const small = compileModel(model);
        const base = propagate(small);
        fc.pre(base.score !== null);
        const lanes = traversedLanes(small, base, ENGINE_DEFAULTS, {
          score: scoreSensitivity(small, base),
        });
        const at = Math.min(cut, lanes.batches);
        const joined = splitLanes(small, base, [
          [at, lanes.batches],
          [0, at],
        ]);
        expectSameLanes(joined, allLanes(small, base));
        expect(impacts(small, base, joined)).toEqual(impacts(small, base));
      }),
      { numRuns: 200 },
    );
  });
});
