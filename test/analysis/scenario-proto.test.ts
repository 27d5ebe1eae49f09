/**
 * `__proto__` in a scenario's `ratings` and `priorities` (issue 18): zod's records drop the key, so
 * it must reach the model's validators as data: an unknown dimension, or applied when declared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseScenario, tryApplyChanges } from '../../src/analysis/scenario.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, validateModel } from '../../src/model/load.js';

const retail = parseModel(
  readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'retail.yaml'), 'utf8'),
).model;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError)
      return error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('__proto__ in a scenario', () => {
  it('is an unknown dimension in set ratings on the retail example; S does not move silently', () => {
    const text =
      'changes:\n  - { handoff: warehouse->dispatch, set: { ratings: { "__proto__": 3 } } }\n';
    const expected = [
      'unknown_dimension changes[0].set.ratings.__proto__: unknown dimension "__proto__"; add it to `dimensions` to use it',
    ];
    expect(issuesOf(() => parseScenario(text, retail))).toEqual(expected);
    const change = JSON.parse(
      '{ "handoff": "warehouse->dispatch", "set": { "ratings": { "__proto__": 3 } } }',
    );
    expect(issuesOf(() => whatIf(retail, { changes: [change] }))).toEqual(expected);
  });

  it('is an unknown dimension in set and added priorities', () => {
    const changes = JSON.parse(`[
      { "actor": "dispatch", "set": { "priorities": { "__proto__": 2 } } },
      { "customer": "shoppers", "set": { "priorities": { "__proto__": 2 } } },
      { "add": { "customer": { "id": "walk-ins", "priorities": { "__proto__": 2 } } } },
      { "add": { "handoff": { "from": "buying", "to": "shoppers", "ratings": { "__proto__": 2 } } } }
    ]`);
    expect(tryApplyChanges(retail, changes).issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'unknown_dimension changes[0].set.priorities.__proto__',
      'unknown_dimension changes[1].set.priorities.__proto__',
      'unknown_dimension changes[2].add.customer.priorities.__proto__',
      'unknown_dimension changes[3].add.handoff.ratings.__proto__',
    ]);
  });

  it('is applied when __proto__ is a declared dimension, and its value is checked', () => {
    const model = validateModel({
      version: 1,
      dimensions: ['__proto__', 'timeliness'],
      departments: [{ id: 'a' }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: 'a', to: 'c', quality: 1 }],
    }).model;
    const rated = JSON.parse('{ "handoff": "a->c", "set": { "ratings": { "__proto__": 3 } } }');
    const applied = tryApplyChanges(model, [rated]);
    expect(applied.issues).toEqual([]);
    expect(Object.keys(applied.model.handoffs![0]!.ratings!)).toEqual(['__proto__']);
    // (3 - 1) / (5 - 1) = 0.5, as if the quality were set to 0.5.
    const half = tryApplyChanges(model, [{ handoff: 'a->c', set: { quality: 0.5 } }]).model;
    expect(analyze(applied.model).score).toBe(analyze(half).score);
    expect(whatIf(model, { changes: [rated] }).score.after).toBe(0.5);
    const bad = JSON.parse('{ "handoff": "a->c", "set": { "ratings": { "__proto__": "high" } } }');
    const issues = tryApplyChanges(model, [bad]).issues;
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_type', 'changes[0].set.ratings.__proto__'],
    ]);
  });
});
