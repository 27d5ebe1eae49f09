/** validateScenario / applyScenario / parseScenario: the scenario vocabulary (docs/cookbook.md, "What-if scenarios"). */
import { describe, expect, it } from 'vitest';
import { applyScenario, parseScenario, validateScenario } from '../../src/analysis/scenario.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const model: Model = validateModel({
  version: 1,
  departments: [
    { id: 'warehouse', performance: 0.9 },
    { id: 'dispatch', combine: 'min' },
  ],
  employees: [{ id: 'sam', department: 'dispatch' }],
  customers: [{ id: 'shoppers', value: 10 }],
  handoffs: [
    { from: 'warehouse', to: 'dispatch', quality: 0.75, group: 'stock' },
    { from: 'dispatch', to: 'shoppers', ratings: { timeliness: 3 } },
    { from: 'sam', to: 'shoppers', quality: 0.8 },
  ],
}).model;

/** The issues a bad scenario throws, as `path: message` lines. */
function issuesOf(input: unknown): string[] {
  try {
    validateScenario(input, model);
  } catch (error) {
    if (error instanceof ServiceChainError)
      return error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('validateScenario: bad input first, every issue with its path', () => {
  it('rejects an empty scenario and unknown top-level keys', () => {
    expect(issuesOf(null)).toEqual(['empty_input : the scenario is empty']);
    expect(issuesOf({ changes: [], chnges: 1 })).toEqual([
      'unknown_key chnges: unknown key "chnges" (did you mean "changes"?)',
    ]);
    expect(issuesOf({})).toEqual(['missing_field changes: required']);
  });

  it('reports unknown ids with a suggestion, wrong kinds and bad values, all at once', () => {
    expect(
      issuesOf({
        changes: [
          { handoff: 'warehouse->dispatch', set: { quality: 0.9 } },
          { actor: 'dispatch', set: { welfare: 0.8 } },
          { handoff: 'warehouse->dispatchh', set: { quality: 2 } },
          { actor: 'shoppers', set: { welfare: 1 } },
          { customer: 'shopers', set: { recovery: 0.3 } },
          { actor: 'dispatch', set: { wellfare: 0.5 } },
          { actor: 'dispatch', set: {} },
          { frob: 1 },
          { handoff: 'sam->shoppers', actor: 'sam', set: {} },
        ],
      }),
    ).toEqual([
      'out_of_range changes[2].set.quality: must be at most 1, got 2',
      'unknown_node changes[2].handoff: unknown hand-off "warehouse->dispatchh" (did you mean "warehouse->dispatch"?)',
      'wrong_kind changes[3].actor: "shoppers" is a customer, not an actor',
      'unknown_node changes[4].customer: unknown customer "shopers" (did you mean "shoppers"?)',
      'unknown_key changes[5].set.wellfare: unknown key "wellfare" (did you mean "welfare"?)',
      'missing_field changes[6].set: set names no field',
      'missing_field changes[7]: a change needs one of handoff, actor, customer, add, remove',
      'invalid_value changes[8]: a change names only one of handoff, actor',
    ]);
  });

  it('checks additions and removals against the model as the earlier changes left it', () => {
    expect(
      issuesOf({
        changes: [
          { add: { department: { id: 'returns' } } },
          { add: { handoff: { from: 'returns', to: 'shoppers', quality: 0.5 } } },
          { add: { handoff: { from: 'returns', to: 'shoppers' } } },
          {
            add: {
              handoff: { from: 'ghost', to: 'returns', quality: 0.5, ratings: { timeliness: 2 } },
            },
          },
          { add: { employee: { id: 'sam', manager: 'warehouse' } } },
          { remove: { actor: 'returns' } },
          { remove: { actor: 'returns' } },
          { remove: { handoff: 'returns->shoppers' } },
          { handoff: 'dispatch->shoppers', set: { ratings: { timelines: 9 } } },
          { add: { handoff: { from: 'sam', to: 'sam' } } },
        ],
      }),
    ).toEqual([
      'duplicate_handoff changes[2].add.handoff: duplicate hand-off id "returns->shoppers" (also changes[1].add.handoff); give parallel hand-offs distinct ids',
      'unknown_node changes[3].add.handoff.from: unknown node "ghost"',
      'quality_and_ratings changes[3].add.handoff.ratings: a hand-off takes either quality or ratings, not both',
      'duplicate_id changes[4].add.employee.id: duplicate id "sam": already declared at employees[0] (ids are unique across departments, employees and customers)',
      'wrong_kind changes[4].add.employee.manager: "warehouse" is a department, not an employee',
      'unknown_node changes[6].remove.actor: unknown actor "returns"',
      'unknown_node changes[7].remove.handoff: unknown hand-off "returns->shoppers"',
      'unknown_dimension changes[8].set.ratings.timelines: unknown dimension "timelines" (did you mean "timeliness"?); add it to `dimensions` to use it',
      'rating_out_of_scale changes[8].set.ratings.timelines: rating 9 is outside the scale 1 to 5',
      'self_handoff changes[9].add.handoff.to: a hand-off cannot go from "sam" to itself',
    ]);
  });

  it('judges a change by the model’s own validators, at the change’s path', () => {
    expect(
      issuesOf({
        changes: [
          { actor: 'dispatch', set: { welfare: 0.8 } },
          { add: { department: { id: 'returns' } } },
          { add: { handoff: { from: 'returns', to: 'dispatchh', quality: 0.5 } } },
          // A new department whose id a customer already has: reported at the addition.
          { add: { department: { id: 'shoppers' } } },
          { add: { customer: { id: 'walk-ins', priorities: { curtesy: 2 } } } },
        ],
      }),
    ).toEqual([
      'unknown_node changes[2].add.handoff.to: unknown node "dispatchh" (did you mean "dispatch"?)',
      'duplicate_id changes[3].add.department.id: duplicate id "shoppers": already declared at customers[0] (ids are unique across departments, employees and customers)',
      'unknown_dimension changes[4].add.customer.priorities.curtesy: unknown dimension "curtesy" (did you mean "courtesy"?); add it to `dimensions` to use it',
    ]);
  });

  it('blames the later of two additions that declare one id, whatever their sections', () => {
    expect(
      issuesOf({
        changes: [
          { add: { customer: { id: 'walk-ins' } } },
          { add: { department: { id: 'walk-ins' } } },
        ],
      }),
    ).toEqual([
      'duplicate_id changes[1].add.department.id: duplicate id "walk-ins": already declared at changes[0].add.customer (ids are unique across departments, employees and customers)',
    ]);
  });

  it('reports a bad name and the changes’ own mistakes together', () => {
    expect(issuesOf({ name: 3, changes: [{ actor: 'dispach', set: { welfare: 0.5 } }] })).toEqual([
      // The code and wording are the shared translator’s (src/model/zod-issues.ts).
      expect.stringMatching(/^\w+ name: /),
      'unknown_node changes[0].actor: unknown actor "dispach" (did you mean "dispatch"?)',
    ]);
  });

  it('does not export a change schema that is not the validator', async () => {
    const api = await import('../../src/index.js');
    expect('ChangeSchema' in api).toBe(false);
  });

  it('uses the model’s messages for a set that rates and scores at once', () => {
    expect(
      issuesOf({
        changes: [{ handoff: 'sam->shoppers', set: { quality: 0.5, ratings: { timeliness: 3 } } }],
      }),
    ).toEqual([
      'quality_and_ratings changes[0].set.ratings: a hand-off takes either quality or ratings, not both',
    ]);
  });

  it('reads scenario text with the model’s parser: line and column on a syntax error', () => {
    let message = '';
    try {
      parseScenario('changes:\n  - { handoff: a->b, set: { quality: 0.5 }\n', model);
    } catch (error) {
      message = (error as ServiceChainError).issues[0]!.message;
    }
    expect(message).toMatch(/^YAML syntax error at line \d+, column \d+: /);
    expect(() => parseScenario('{"changes": [}', model)).toThrow(/JSON syntax error at line 1/);
  });

  it('reports a syntax error in scenario text', () => {
    expect(() => parseScenario('changes: [', model)).toThrow(ServiceChainError);
    expect(() => parseScenario('   ', model)).toThrow('the scenario is empty');
  });
});

describe('applyScenario', () => {
  it('sets fields on a copy and leaves the input model untouched', () => {
    const before = JSON.stringify(model);
    const after = applyScenario(model, {
      changes: [
        { handoff: 'warehouse->dispatch', set: { quality: 0.9, weight: 2, group: null } },
        { actor: 'dispatch', set: { welfare: 0.8, combine: 'mean' } },
        { customer: 'shoppers', set: { recovery: 0.3, value: 5 } },
      ],
    });
    expect(JSON.stringify(model)).toBe(before);
    expect(after.handoffs![0]).toEqual({
      from: 'warehouse',
      to: 'dispatch',
      quality: 0.9,
      weight: 2,
    });
    expect(after.departments![1]).toEqual({ id: 'dispatch', combine: 'mean', welfare: 0.8 });
    expect(after.customers![0]).toEqual({ id: 'shoppers', value: 5, recovery: 0.3 });
  });

  it('lets quality and ratings replace each other (docs/model-file.md, "Hand-offs")', () => {
    const rated = applyScenario(model, {
      changes: [
        { handoff: 'dispatch->shoppers', set: { quality: 0.5 } },
        {
          handoff: 'sam->shoppers',
          set: { ratings: { timeliness: { expected: 5, perceived: 3 } } },
        },
      ],
    });
    expect(rated.handoffs![1]).toEqual({ from: 'dispatch', to: 'shoppers', quality: 0.5 });
    expect(rated.handoffs![2]).toEqual({
      from: 'sam',
      to: 'shoppers',
      ratings: { timeliness: { expected: 5, perceived: 3 } },
    });
  });

  it('removes an actor with its hand-offs and the references to it', () => {
    const after = applyScenario(model, { changes: [{ remove: { actor: 'dispatch' } }] });
    expect(after.departments!.map((d) => d.id)).toEqual(['warehouse']);
    expect(after.employees).toEqual([{ id: 'sam' }]);
    expect(after.handoffs!.map((h) => `${h.from}->${h.to}`)).toEqual(['sam->shoppers']);
    expect(() => validateModel(after)).not.toThrow();
  });

  it('adds a node and then a hand-off from it, in order', () => {
    const after = applyScenario(model, {
      changes: [
        { add: { department: { id: 'returns', performance: 0.5 } } },
        { add: { handoff: { id: 'refunds', from: 'returns', to: 'shoppers', quality: 0.6 } } },
      ],
    });
    expect(after.departments!.at(-1)).toEqual({ id: 'returns', performance: 0.5 });
    expect(after.handoffs!.at(-1)).toEqual({
      id: 'refunds',
      from: 'returns',
      to: 'shoppers',
      quality: 0.6,
    });
  });
});
