/** One options vocabulary: `tolerance` and `top` follow one rule in every public function. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { plan } from '../../src/analysis/plan.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { moneyText } from '../../src/render/money-document.js';
import { toText } from '../../src/render/text.js';

/** A two-actor loop, so the tolerance is actually used. */
const model = validateModel({
  version: 1,
  departments: [{ id: 'a', performance: 0.9 }, { id: 'b' }],
  customers: [{ id: 'c', value: 1 }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.9 },
    { from: 'b', to: 'a', quality: 0.8 },
    { from: 'b', to: 'c', quality: 0.95 },
  ],
}).model;
const scenario = { changes: [{ actor: 'a', set: { welfare: 0.5 } }] };
const candidates = [{ id: 'x', cost: 1, changes: [{ actor: 'a', set: { welfare: 1 } }] }];

const engineUsers: Record<string, (options: object) => unknown> = {
  analyze: (options) => analyze(model, options),
  businessImpact: (options) => businessImpact(model, options),
  whatIf: (options) => whatIf(model, scenario, options),
  plan: (options) => plan(model, { candidates, budget: 1, ...options }),
};

function optionIssue(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues[0];
    throw error;
  }
  return undefined;
}

describe('tolerance: any finite number >= 0, everywhere', () => {
  it.each(Object.keys(engineUsers))('%s accepts 0 and rejects -1', (name) => {
    const run = engineUsers[name]!;
    expect(() => run({ tolerance: 0, maxIterations: 50 })).not.toThrow();
    expect(optionIssue(() => run({ tolerance: -1 }))).toEqual({
      code: 'invalid_option',
      path: 'options.tolerance',
      message: 'must be at least 0, got -1',
    });
  });
});

describe('top: a whole number >= 1, everywhere', () => {
  const report = analyze(model);
  const money = businessImpact(model);
  const topUsers: Record<string, (options: object) => unknown> = {
    analyze: (options) => analyze(model, options),
    businessImpact: (options) => businessImpact(model, options),
    toText: (options) => toText(report, options),
    toMarkdown: (options) => toMarkdown(report, options),
    moneyText: (options) => moneyText(money, options),
  };
  it.each(Object.keys(topUsers))('%s accepts 1 and rejects 0 and 1.5', (name) => {
    const run = topUsers[name]!;
    expect(() => run({ top: 1 })).not.toThrow();
    expect(optionIssue(() => run({ top: 0 }))).toEqual({
      code: 'invalid_option',
      path: 'options.top',
      message: 'must be at least 1, got 0',
    });
    expect(optionIssue(() => run({ top: 1.5 }))?.message).toBe('must be a whole number, got 1.5');
  });
});
