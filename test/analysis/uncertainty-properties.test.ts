/**
 * Properties of uncertainty(model) against independent computations: with no spread it is the
 * exact analysis; with spread, sample by sample, it is `analyze` of the model with the drawn
 * values written in; one symmetric estimate in an affine model keeps the exact value inside the
 * 90% interval (S is then affine in it, so its median is the exact S).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { uncertainty } from '../../src/analysis/uncertainty.js';
import { drawSample } from '../../src/engine/monte-carlo.js';
import { FIELD_QUALITY, FIELD_WELFARE, samplePlan } from '../../src/engine/sample-plan.js';
import type { EstimatedShare, Model } from '../../src/model/schema.js';
import { validModel } from '../model/model-arbitrary.js';

type Spread = (x: number, f: number) => EstimatedShare;
const noSpread: Spread[] = [(x) => ({ mean: x, sd: 0 }), (x) => ({ low: x, high: x })];
const spread: Spread[] = [
  (x, f) => ({ mean: x, sd: 0.9 * f * Math.sqrt(x * (1 - x)) }),
  (x, f) => ({ low: x * (1 - f), high: x + (1 - x) * f }),
];

/** The model with each plain quality, performance and welfare turned into an estimate (or kept). */
function withEstimates(model: Model, forms: Spread[], picks: readonly number[], f: number): Model {
  let i = 0;
  const next = () => picks[i++ % picks.length]!;
  const turn = (x: EstimatedShare | undefined) => {
    const pick = next();
    return typeof x !== 'number' || pick >= forms.length ? x : forms[pick]!(x, f);
  };
  const actor = <
    T extends { performance?: EstimatedShare | undefined; welfare?: EstimatedShare | undefined },
  >(
    a: T,
  ) => {
    const out = { ...a };
    if (a.performance !== undefined) out.performance = turn(a.performance)!;
    if (a.welfare !== undefined) out.welfare = turn(a.welfare)!;
    return out;
  };
  return {
    ...model,
    ...(model.departments && { departments: model.departments.map(actor) }),
    ...(model.employees && { employees: model.employees.map(actor) }),
    ...(model.handoffs && {
      handoffs: model.handoffs.map((h) =>
        h.quality === undefined ? h : { ...h, quality: turn(h.quality)! },
      ),
    }),
  };
}

/** The model with sample `sample`'s draws written in as plain numbers. */
function drawnModel(model: Model, sample: number, seed: number): Model {
  const plan = samplePlan(model);
  const actors = [...(model.departments ?? []), ...(model.employees ?? [])];
  const size = actors.length + (model.handoffs?.length ?? 0);
  const arrays = {
    quality: new Float64Array(size),
    performance: new Float64Array(size),
    welfare: new Float64Array(size),
    effectivePerformance: new Float64Array(size),
  };
  drawSample(arrays, plan, seed, sample);
  const copy = structuredClone(model);
  const copyActors = [...(copy.departments ?? []), ...(copy.employees ?? [])];
  for (let i = 0; i < plan.count; i++) {
    const at = plan.index[i]!;
    if (plan.field[i] === FIELD_QUALITY) copy.handoffs![at]!.quality = arrays.quality[at]!;
    else if (plan.field[i] === FIELD_WELFARE) copyActors[at]!.welfare = arrays.welfare[at]!;
    else copyActors[at]!.performance = arrays.performance[at]!;
  }
  return copy;
}

/** The p-quantile by sorting a plain list (type 7: position p (n - 1), linear between). */
function naiveQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length - 1);
  const i = Math.floor(h);
  return sorted[i]! + (h - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? 0) - sorted[i]!);
}

const picks = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 6 });
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

describe('uncertainty: properties', () => {
  it('with no spread equals the exact analysis', () => {
    fc.assert(
      fc.property(validModel, picks, (base, chosen) => {
        const model = withEstimates(base, noSpread, chosen, 0);
        const report = analyze(model, { top: 1 });
        const result = uncertainty(model, { samples: 3 });
        expect(result.estimates).toBe(0);
        if (report.score === null) expect(result.score).toBeNull();
        else
          expect(result.score).toEqual({
            mean: report.score,
            low: report.score,
            high: report.score,
          });
        result.customers.forEach((c, i) => {
          const exact = report.customers[i]!;
          const service = exact.service;
          expect(c.service).toEqual(
            service === null ? null : { mean: service, low: service, high: service },
          );
          expect(c.chainStrength.mean).toBe(exact.chainStrength);
          expect(c.weakestLinks.map((w) => w.link)).toEqual(
            exact.weakestLink === null ? [] : [exact.weakestLink],
          );
        });
        const first = report.rankings.overall.fixGain[0];
        const certain = result.links
          .filter((l) => l.firstFix === 1)
          .map((l) => ({ type: l.link.type, id: l.link.id }));
        expect(certain).toEqual(first === undefined ? [] : [first.link]);
      }),
      { numRuns: 60 },
    );
  });

  it('with spread, is analyze of each sample, summarised', () => {
    fc.assert(
      fc.property(
        validModel,
        picks,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (base, chosen, f) => {
          const model = withEstimates(base, spread, chosen, f);
          const samples = 12;
          const seed = 3;
          const result = uncertainty(model, { samples, seed, links: 100, topRank: 2 });
          const reports = Array.from({ length: samples }, (_, s) =>
            analyze(drawnModel(model, s, seed), { top: 100 }),
          );
          if (reports[0]!.score === null) {
            expect(result.score).toBeNull();
            return;
          }
          const scores = reports.map((r) => r.score!);
          expect(close(result.score!.low, naiveQuantile(scores, 0.05))).toBe(true);
          expect(close(result.score!.high, naiveQuantile(scores, 0.95))).toBe(true);
          expect(close(result.score!.mean, scores.reduce((a, b) => a + b, 0) / samples)).toBe(true);
          result.customers.forEach((c, i) => {
            const strengths = reports.map((r) => r.customers[i]!.chainStrength);
            expect(close(c.chainStrength.low, naiveQuantile(strengths, 0.05))).toBe(true);
            const counts = new Map<string, number>();
            for (const r of reports) {
              const weakest = r.customers[i]!.weakestLink;
              if (weakest !== null) counts.set(weakest.id, (counts.get(weakest.id) ?? 0) + 1);
            }
            expect(
              new Map(c.weakestLinks.map((w) => [w.link.id, w.probability * samples])),
            ).toEqual(counts);
          });
          const firsts = new Map<string, number>();
          for (const r of reports) {
            const first = r.rankings.overall.fixGain[0];
            if (first !== undefined)
              firsts.set(first.link.id, (firsts.get(first.link.id) ?? 0) + 1);
          }
          const listed = new Map(
            result.links
              .filter((l) => l.firstFix > 0)
              .map((l) => [l.link.id, Math.round(l.firstFix * samples)]),
          );
          expect(listed).toEqual(firsts);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the exact S inside the 90% interval of one symmetric estimate in an affine model', () => {
    const chain = fc.record({
      qualities: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 1,
        maxLength: 5,
      }),
      centre: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      half: fc.double({ min: 0, max: 0.1, noNaN: true }),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(chain, ({ qualities, centre, half, at }) => {
        // A line of `mean` actors to one customer: S is affine in every single value.
        const ids = qualities.map((_, i) => `a${i}`);
        const handoffs = qualities.map((q, i) => ({
          from: ids[i]!,
          to: i + 1 < ids.length ? ids[i + 1]! : 'c',
          quality: q as EstimatedShare,
        }));
        handoffs[at % handoffs.length]!.quality = { low: centre - half, high: centre + half };
        const model: Model = {
          version: 1,
          departments: ids.map((id) => ({ id })),
          customers: [{ id: 'c' }],
          handoffs,
        };
        const exact = analyze(model).score!;
        const { score } = uncertainty(model, { samples: 400 });
        expect(score!.low).toBeLessThanOrEqual(exact + 1e-12);
        expect(score!.high).toBeGreaterThanOrEqual(exact - 1e-12);
      }),
      { numRuns: 30 },
    );
  });
});
