/**
 * Department figures are exact recomputations (property test on random models): a department's
 * fixGain / failureLoss equal S of the model rewritten with all its actors and internal hand-offs
 * set to 1 (or 0) together, minus S (or S minus it), and never exceed 1 - S or S.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { safeValidateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { validModel } from '../model/model-arbitrary.js';

/** The model with every listed actor's strength and every hand-off between two of them set to x. */
function withAll(model: Model, members: ReadonlySet<string>, x: number): Model {
  const actor = <T extends { id: string }>(a: T): T =>
    members.has(a.id) ? { ...a, performance: x, welfare: 1 } : a;
  return {
    ...model,
    departments: model.departments?.map(actor),
    employees: model.employees?.map(actor),
    handoffs: model.handoffs?.map((h) => {
      if (!members.has(h.from) || !members.has(h.to)) return h;
      const { ratings: _ratings, ...rest } = h;
      return { ...rest, quality: x };
    }),
  } as Model;
}

const valid = validModel.filter((m) => safeValidateModel(m).success);

describe('rollUp: a department is recomputed with all its links together', () => {
  it('equals a brute-force recompute of the changed model, and never exceeds S', () => {
    let scored = 0;
    fc.assert(
      fc.property(valid, fc.constantFrom(undefined, 1, 2), (model, level) => {
        const report = analyze(model);
        const view = rollUp(report, model, level === undefined ? {} : { level });
        for (const unit of view.departments) {
          if (report.score === null) {
            expect(unit.fixGain).toBeNull();
            expect(unit.failureLoss).toBeNull();
            continue;
          }
          scored++;
          const S = report.score;
          const members = new Set(unit.members);
          const fixed = analyze(withAll(model, members, 1)).score!;
          const failed = analyze(withAll(model, members, 0)).score!;
          expect(unit.fixGain).toBe(Math.max(0, fixed - S));
          expect(unit.failureLoss).toBe(Math.max(0, S - failed));
          expect(unit.failureLoss!).toBeLessThanOrEqual(S);
          expect(unit.fixGain!).toBeLessThanOrEqual(1 - S + 1e-15);
        }
      }),
      { numRuns: 150 },
    );
    // The arbitrary gives scored models often enough for the property to say something.
    expect(scored).toBeGreaterThan(50);
  });
});
