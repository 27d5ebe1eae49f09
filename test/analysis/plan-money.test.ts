/** plan with objective `money`: greedy by exact money at risk saved per unit of cost (docs/model.md, "What-if scenarios and plans"; docs/business-impact.md, "The model"). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { type PlanResult, parseCandidates, plan } from '../../src/analysis/plan.js';
import { applyScenario, validateScenario } from '../../src/analysis/scenario.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';
import { renderPlan } from '../../src/render/plan-document.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');

// s_a = 0.5, s_c = 0.5 x 0.8 = 0.4. 100 customers worth 1000 each, churn 0.25 per unit of failure:
// failed = 0.6, lost = 100 x 0.25 x 0.6 = 15, at risk = 15 x 1000 = 15000.
const small: Model = validateModel({
  version: 1,
  departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
  customers: [{ id: 'c', count: 100, value: 100000 }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.8 },
    { from: 'b', to: 'c', quality: 1 },
  ],
}).model;

const candidates = [
  // s = 0.5: at risk 12500, saves 2500 for 10 (250 per unit)
  { id: 'fix-ab', cost: 10, changes: [{ handoff: 'a->b', set: { quality: 1 } }] },
  // s = 0.8: at risk 5000, saves 10000 for 100 (100 per unit)
  { id: 'train-a', cost: 100, changes: [{ actor: 'a', set: { performance: 1 } }] },
  // S unmoved; failed 0.6 x 0.5 = 0.3: at risk 7500, saves 7500 for 5 (1500 per unit): first
  { id: 'recovery', cost: 5, changes: [{ customer: 'c', set: { recovery: 0.5 } }] },
  // the same program again: a tie with `recovery`, declared later
  { id: 'recovery-again', cost: 5, changes: [{ customer: 'c', set: { recovery: 0.5 } }] },
];

/** Total money at risk and S after each pick, by a fresh businessImpact and analyze (brute force). */
function bruteForce(
  model: Model,
  all: readonly { id: string; changes: readonly unknown[] }[],
  result: PlanResult,
) {
  let current = model;
  return result.steps.map((step) => {
    const candidate = all.find((c) => c.id === step.candidate)!;
    current = applyScenario(current, validateScenario({ changes: candidate.changes }, current));
    return {
      atRisk: businessImpact(current, { links: false }).total.atRisk,
      score: analyze(current).score!,
    };
  });
}

describe('plan objective: bad input first', () => {
  it('rejects an unknown objective as an option error', () => {
    let issues: readonly { code: string; path: string }[] = [];
    try {
      plan(small, { candidates, budget: 10, objective: 'profit' as 'money' });
    } catch (error) {
      issues = (error as ServiceChainError).issues;
    }
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid_option', 'options.objective']]);
  });

  it('rejects an unknown objective in a candidates file with its path', () => {
    const text =
      'objective: profit\ncandidates:\n  - { id: x, cost: 1, changes: [{ actor: a, set: { performance: 1 } }] }\n';
    expect(() => parseCandidates(text, small)).toThrow(ServiceChainError);
    try {
      parseCandidates(text, small);
    } catch (error) {
      expect((error as ServiceChainError).issues.map((i) => i.path)).toEqual(['objective']);
    }
  });

  it('reads the objective of a candidates file, null when it gives none', () => {
    const list =
      'candidates:\n  - { id: x, cost: 1, changes: [{ actor: a, set: { performance: 1 } }] }\n';
    expect(parseCandidates(`objective: money\n${list}`, small).objective).toBe('money');
    expect(parseCandidates(list, small).objective).toBeNull();
  });
});

describe('plan by money on a hand-built model, greedy (exactLimit 0)', () => {
  const result = plan(small, { candidates, budget: 115, objective: 'money', exactLimit: 0 });

  it('picks the recovery program first: it saves the most per unit of cost, though S cannot see it', () => {
    expect(result.objective).toBe('money');
    expect(result.steps.map((s) => s.candidate)).toEqual(['recovery', 'fix-ab', 'train-a']);
    expect(result.moneyAtRiskBefore).toBeCloseTo(15000, 9);
    // recovery: 15000 -> 7500; fix-ab then: failed 0.5 x 0.5, at risk 6250; train-a: s = 1, 0.
    expect(result.steps.map((s) => s.moneySaved)).toEqual([
      expect.closeTo(7500, 9),
      expect.closeTo(1250, 9),
      expect.closeTo(6250, 9),
    ]);
    expect(result.steps.map((s) => s.gain)).toEqual(result.steps.map((s) => s.moneySaved));
    expect(result.steps[0]!.gainPerCost).toBeCloseTo(1500, 9);
    expect(result.steps[0]!.score).toBeCloseTo(0.4, 12); // S unmoved by the recovery program
    expect(result.moneyAtRiskAfter).toBeCloseTo(0, 9);
    expect(result.steps.map((s) => s.moneyLeft)).toEqual([110, 100, 0]);
  });

  it('leaves the tie declared later, which then saves nothing', () => {
    expect(result.notTaken).toEqual([
      {
        candidate: 'recovery-again',
        label: 'recovery-again',
        cost: 5,
        reason: 'over_budget',
        gain: 0,
        message: 'costs 5 with 0 left',
      },
    ]);
    const roomy = plan(small, { candidates, budget: 1000, objective: 'money', exactLimit: 0 });
    expect(roomy.notTaken.map((n) => [n.candidate, n.reason, n.message])).toEqual([
      ['recovery-again', 'no_gain', 'does not lower money at risk'],
    ]);
  });

  it('gives each step the money saved and money at risk a fresh businessImpact finds', () => {
    const brute = bruteForce(small, candidates, result);
    const before = [result.moneyAtRiskBefore, ...brute.map((b) => b.atRisk)];
    result.steps.forEach((step, i) => {
      expect(step.moneyAtRisk).toBeCloseTo(brute[i]!.atRisk, 9);
      expect(step.moneySaved).toBeCloseTo(before[i]! - brute[i]!.atRisk, 9);
      expect(step.score).toBeCloseTo(brute[i]!.score, 12);
    });
  });
});

describe('plan by money on a hand-built model, exact', () => {
  it('saves the same 15,000 for 110 instead of 115: the recovery program then saves nothing', () => {
    const exact = plan(small, { candidates, budget: 115, objective: 'money' });
    expect(exact.method.kind).toBe('exact');
    expect(exact.steps.map((s) => s.candidate)).toEqual(['fix-ab', 'train-a']);
    expect(exact.moneyAtRiskBefore - exact.moneyAtRiskAfter).toBeCloseTo(15000, 9);
    expect(exact.spent).toBe(110);
    expect(exact.notTaken.map((n) => [n.candidate, n.reason])).toEqual([
      ['recovery', 'no_gain'],
      ['recovery-again', 'no_gain'],
    ]);
  });
});

describe('plan by score is unchanged by the objective option', () => {
  it('picks the same with objective score as with none; the recovery program gains nothing', () => {
    const byDefault = plan(small, { candidates, budget: 115 });
    const byScore = plan(small, { candidates, budget: 115, objective: 'score' });
    const { model: _a, ...a } = byDefault;
    const { model: _b, ...b } = byScore;
    expect(a).toEqual(b);
    expect(byScore.objective).toBe('score');
    expect(byScore.steps.map((s) => s.candidate)).toEqual(['fix-ab', 'train-a']);
    expect(byScore.steps.map((s) => s.gain)).toEqual([
      expect.closeTo(0.1, 12),
      expect.closeTo(0.5, 12),
    ]);
    expect(byScore.notTaken.map((n) => [n.candidate, n.reason])).toEqual([
      ['recovery', 'no_gain'],
      ['recovery-again', 'no_gain'],
    ]);
    // Money is reported under either objective: fix-ab then train-a bring s to 1, so nothing is at risk.
    expect(byScore.moneyAtRiskAfter).toBeCloseTo(0, 9);
  });
});

describe('plan by money: every step matches a brute-force businessImpact (property)', () => {
  it('holds for random qualities, recoveries and costs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }),
        (quality, recovery, costs) => {
          const random = [
            { id: 'q', cost: costs[0]!, changes: [{ handoff: 'a->b', set: { quality } }] },
            { id: 'r', cost: costs[1]!, changes: [{ customer: 'c', set: { recovery } }] },
            { id: 'p', cost: costs[2]!, changes: [{ actor: 'a', set: { performance: 0.9 } }] },
          ];
          const result = plan(small, { candidates: random, budget: 60, objective: 'money' });
          const brute = bruteForce(small, random, result);
          let before = result.moneyAtRiskBefore;
          result.steps.forEach((step, i) => {
            expect(step.moneySaved).toBeCloseTo(before - brute[i]!.atRisk, 6);
            expect(step.moneySaved).toBeGreaterThan(0);
            before = brute[i]!.atRisk;
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('plan by money: the Contact Centre (examples/call-centre*.yaml)', () => {
  const { model } = parseModel(readFileSync(join(examples, 'call-centre.yaml'), 'utf8'));
  const file = parseCandidates(
    readFileSync(join(examples, 'call-centre-candidates.yaml'), 'utf8'),
    model,
  );
  const byMoney = plan(model, {
    candidates: file.candidates,
    budget: file.budget!,
    objective: file.objective!,
  });

  it('puts the recovery program ahead of the back-office fix; by score it never gets in', () => {
    expect(file.objective).toBe('money');
    expect(byMoney.steps[0]!.candidate).toBe('recovery-program');
    const records = byMoney.notTaken.find((n) => n.candidate === 'clean-records')!;
    expect(records.gain! / records.cost).toBeLessThan(byMoney.steps[0]!.gainPerCost);
    const byScore = plan(model, { candidates: file.candidates, budget: file.budget! });
    expect(byScore.steps.map((s) => s.candidate)).not.toContain('recovery-program');
  });

  it('gives each step the money a fresh businessImpact finds', () => {
    const brute = bruteForce(model, file.candidates, byMoney);
    byMoney.steps.forEach((step, i) => {
      expect(step.moneyAtRisk).toBeCloseTo(brute[i]!.atRisk, 6);
    });
  });
});

describe('the plan outputs quoted in the docs are real', () => {
  const { model } = parseModel(readFileSync(join(examples, 'call-centre.yaml'), 'utf8'));
  const file = parseCandidates(
    readFileSync(join(examples, 'call-centre-candidates.yaml'), 'utf8'),
    model,
  );
  const text = renderPlan(
    plan(model, { candidates: file.candidates, budget: file.budget!, objective: file.objective! }),
  );
  const docs = join(import.meta.dirname, '..', '..', 'docs');

  it('docs/cli.md shows the whole call-centre plan by money', () => {
    expect(readFileSync(join(docs, 'cli.md'), 'utf8')).toContain(text);
  });

  it('docs/business-impact.md shows its summary and picks', () => {
    const picks = text.slice(0, text.indexOf('\nNot taken\n'));
    expect(readFileSync(join(docs, 'business-impact.md'), 'utf8')).toContain(picks);
  });
});
