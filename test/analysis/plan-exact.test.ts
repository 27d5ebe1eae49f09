/** plan: the exact best set within the budget, the greedy plan and its fill step (issue 13, item 8). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseCandidates, plan } from '../../src/analysis/plan.js';
import { applyScenario } from '../../src/analysis/scenario.js';
import type { Candidate } from '../../src/analysis/scenario-schema.js';
import type { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const { model: kitchens } = parseModel(readFileSync(join(examples, 'kitchens.yaml'), 'utf8'));
const file = parseCandidates(
  readFileSync(join(examples, 'kitchens-candidates.yaml'), 'utf8'),
  kitchens,
);
const ids = (result: { steps: readonly { candidate: string }[] }) =>
  result.steps.map((s) => s.candidate).sort();

// S = (s_buyers + s_homeowners) / 2 = (0.792 + min(0.764, 0.764, 0.764)) / 2 = 0.778.
describe('the kitchen fitter (examples/kitchens*.yaml)', () => {
  const exact = plan(kitchens, { candidates: file.candidates, budget: file.budget! });

  it('finds the 15,600 / +0.118 mix of the three supplier fixes', () => {
    expect(exact.method).toEqual({
      kind: 'exact',
      candidates: 4,
      combinations: 16,
      evaluations: 14,
    });
    expect(ids(exact)).toEqual(['appliance-booking', 'cabinet-scheduling', 'worktop-scheduling']);
    expect(exact.spent).toBe(15_600);
    expect(exact.scoreBefore).toBeCloseTo(0.778, 12);
    // s_homeowners 0.764 -> 1: S gains (1 - 0.764) / 2.
    expect(exact.scoreAfter - exact.scoreBefore).toBeCloseTo(0.118, 12);
  });

  it('says what greedy picking alone would buy: 8,600 for +0.104, 11,400 unspent', () => {
    // The sales training: s_buyers 0.792 -> 1, S gains 0.208 / 2.
    expect(exact.greedy).toEqual({
      spent: 8600,
      gain: expect.closeTo(0.104, 12),
      moneyLeft: 11_400,
    });
  });

  it('leaves the sales training out: it no longer fits', () => {
    expect(exact.notTaken.map((n) => [n.candidate, n.reason])).toEqual([
      ['sales-training', 'over_budget'],
    ]);
  });

  it('greedy (exactLimit 0) stops after the training; no set of what still fits gains', () => {
    const greedy = plan(kitchens, { candidates: file.candidates, budget: 20_000, exactLimit: 0 });
    expect(greedy.method).toEqual({ kind: 'greedy', candidates: 4, limit: 0 });
    expect(greedy.steps.map((s) => s.candidate)).toEqual(['sales-training']);
    expect(greedy.moneyLeft).toBe(11_400);
    // Three still fit, more than the limit of 0: not searched.
    expect(greedy.fill).toEqual({ candidates: 3, searched: false, gain: 0 });
    const limited = plan(kitchens, { candidates: file.candidates, budget: 20_000, exactLimit: 3 });
    // Two of the three fit 11,400, and two fixes under `min` still gain nothing.
    expect(limited.fill).toEqual({ candidates: 3, searched: true, gain: 0 });
    expect(limited.steps).toHaveLength(1);
  });

  it('fills budget greedy leaves with the best set of what still fits', () => {
    const greedy = plan(kitchens, { candidates: file.candidates, budget: 25_000, exactLimit: 3 });
    expect(greedy.method.kind).toBe('greedy');
    expect(greedy.steps.map((s) => [s.candidate, s.fill])).toEqual([
      ['sales-training', false],
      ['worktop-scheduling', true],
      ['cabinet-scheduling', true],
      ['appliance-booking', true],
    ]);
    expect(greedy.fill!.gain).toBeCloseTo(0.118, 12);
    expect(greedy.scoreAfter).toBeCloseTo(1, 12);
    expect(greedy.moneyLeft).toBe(25_000 - 8_600 - 15_600);
  });

  it('rejects an exactLimit above 24 or below 0 as an option error', () => {
    for (const exactLimit of [25, -1, 1.5]) {
      let codes: string[] = [];
      try {
        plan(kitchens, { candidates: file.candidates, budget: 1, exactLimit });
      } catch (error) {
        codes = (error as ServiceChainError).issues.map((i) => `${i.code} ${i.path}`);
      }
      expect(codes).toEqual(['invalid_option options.exactLimit']);
    }
  });
});

/** The best S over every subset within the budget, each applied in declaration order afresh. */
function bruteForceBest(model: Model, candidates: readonly Candidate[], budget: number): number {
  let best = analyze(model).score!;
  for (let mask = 1; mask < 2 ** candidates.length; mask++) {
    const set = candidates.filter((_, i) => (mask >> i) & 1);
    if (set.reduce((sum, c) => sum + c.cost, 0) > budget) continue;
    let current = model;
    for (const candidate of set) current = applyScenario(current, candidate);
    best = Math.max(best, analyze(current).score!);
  }
  return best;
}

const share = fc.double({ min: 0, max: 1, noNaN: true });
const combine = fc.constantFrom('mean', 'min', 'product', 'geometric');

/** A small model: a feeds b and c, both feed d (and c feeds b); b and d serve customers. */
const smallModel = fc
  .record({
    p: fc.array(share, { minLength: 4, maxLength: 4 }),
    q: fc.array(share, { minLength: 5, maxLength: 5 }),
    cb: combine,
    cd: combine,
  })
  .map(
    ({ p, q, cb, cd }) =>
      validateModel({
        version: 1,
        departments: [
          { id: 'a', performance: p[0] },
          { id: 'b', performance: p[1], combine: cb },
          { id: 'c', welfare: p[2] },
          { id: 'd', performance: p[3], combine: cd },
        ],
        customers: [{ id: 'x' }, { id: 'y', value: 2 }],
        handoffs: [
          { from: 'a', to: 'b', quality: q[0] },
          { from: 'a', to: 'c', quality: q[1] },
          { from: 'c', to: 'b', quality: q[2] },
          { from: 'b', to: 'd', quality: q[3] },
          { from: 'c', to: 'd', quality: q[4] },
          { from: 'b', to: 'x' },
          { from: 'd', to: 'y' },
        ],
      }).model,
  );

const change = fc.oneof(
  fc.record({ actor: fc.constantFrom('a', 'b', 'c', 'd'), set: fc.record({ performance: share }) }),
  fc.record({ actor: fc.constantFrom('a', 'c'), set: fc.record({ welfare: share }) }),
  fc.record({
    handoff: fc.constantFrom('a->b', 'a->c', 'c->b', 'b->d', 'c->d'),
    set: fc.record({ quality: share }),
  }),
);

const candidateList = fc
  .array(
    fc.record({
      cost: fc.integer({ min: 1, max: 10 }),
      changes: fc.array(change, { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((list) => list.map((c, i) => ({ id: `k${i}`, ...c })));

describe('the exact plan equals brute-force enumeration (property)', () => {
  it('reaches the best S of every subset within the budget, spending no more than it', () => {
    fc.assert(
      fc.property(
        smallModel,
        candidateList,
        fc.integer({ min: 0, max: 30 }),
        (model, raw, budget) => {
          const result = plan(model, { candidates: raw, budget });
          const candidates = parseCandidates(JSON.stringify({ candidates: raw }), model).candidates;
          expect(result.method.kind).toBe('exact');
          expect(result.spent).toBeLessThanOrEqual(budget);
          expect(result.scoreAfter).toBeCloseTo(bruteForceBest(model, candidates, budget), 9);
          // The plan's own model is where its steps say it ends.
          expect(analyze(result.model).score!).toBeCloseTo(result.scoreAfter, 9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the kitchen plan quoted in docs/cli.md is real', () => {
  it('shows the summary and picks', async () => {
    const { renderPlan } = await import('../../src/render/plan-document.js');
    const text = renderPlan(plan(kitchens, { candidates: file.candidates, budget: file.budget! }));
    const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    expect(docs).toContain(text.slice(0, text.indexOf('\nNot taken\n')));
  });
});
