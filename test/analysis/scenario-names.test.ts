/** How a scenario names hand-offs: by id, or by `from->to` when that is unambiguous (docs/cookbook.md, "What-if scenarios"). */
import { describe, expect, it } from 'vitest';
import { assignmentChanges } from '../../src/analysis/assignment.js';
import { applyScenario, tryApplyChanges, validateScenario } from '../../src/analysis/scenario.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const model: Model = validateModel({
  version: 1,
  departments: [{ id: 'warehouse' }, { id: 'dispatch' }],
  customers: [{ id: 'shoppers' }],
  handoffs: [
    { id: 'picking', from: 'warehouse', to: 'dispatch', quality: 0.75 },
    { id: 'van', from: 'dispatch', to: 'shoppers', quality: 0.8 },
    { id: 'courier', from: 'dispatch', to: 'shoppers', quality: 0.6 },
  ],
}).model;

function issuesOf(changes: unknown[]): string[] {
  return tryApplyChanges(model, changes).issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
}

describe('naming a hand-off that has an id of its own', () => {
  it('takes from->to for set and remove, and gives back the id', () => {
    const result = tryApplyChanges(model, [
      { handoff: 'warehouse->dispatch', set: { quality: 0.9 } },
      { remove: { handoff: 'warehouse->dispatch' } },
    ]);
    expect(result.issues).toEqual([]);
    expect(result.changes).toEqual([
      { handoff: 'picking', set: { quality: 0.9 } },
      { remove: { handoff: 'picking' } },
    ]);
    expect(result.model.handoffs!.map((h) => h.id)).toEqual(['van', 'courier']);
    const set = applyScenario(model, {
      changes: [{ handoff: 'warehouse->dispatch', set: { quality: 0.9 } }],
    });
    expect(set.handoffs![0]).toEqual({
      id: 'picking',
      from: 'warehouse',
      to: 'dispatch',
      quality: 0.9,
    });
  });

  it('says when two hand-offs share the pair, with their ids', () => {
    expect(
      issuesOf([
        { handoff: 'dispatch->shoppers', set: { quality: 0.9 } },
        { remove: { handoff: 'dispatch->shoppers' } },
      ]),
    ).toEqual([
      'invalid_value changes[0].handoff: "dispatch->shoppers" names 2 hand-offs (ids "van", "courier"): name one by its id',
      'invalid_value changes[1].remove.handoff: "dispatch->shoppers" names 2 hand-offs (ids "van", "courier"): name one by its id',
    ]);
  });

  it('suggests ids and from->to names for an unknown name', () => {
    expect(
      issuesOf([
        { handoff: 'warehouse->dispatchh', set: { quality: 0.9 } },
        { handoff: 'pickng', set: { quality: 0.9 } },
        { remove: { handoff: 'vann' } },
      ]),
    ).toEqual([
      'unknown_node changes[0].handoff: unknown hand-off "warehouse->dispatchh" (did you mean "warehouse->dispatch", the hand-off with id "picking"?)',
      'unknown_node changes[1].handoff: unknown hand-off "pickng" (did you mean "picking"?)',
      'unknown_node changes[2].remove.handoff: unknown hand-off "vann" (did you mean "van"?)',
    ]);
  });

  it('takes from->to in --set assignments, and names the ids when the pair is shared', () => {
    expect(assignmentChanges(['warehouse->dispatch.quality=0.9'], model)).toEqual([
      { handoff: 'warehouse->dispatch', set: { quality: 0.9 } },
    ]);
    expect(() => assignmentChanges(['dispatch->shoppers.quality=0.9'], model)).toThrow(
      '--set[0]: "dispatch->shoppers" names 2 hand-offs (ids "van", "courier"): name one by its id',
    );
  });

  it('still reports a malformed set whose name is wrong, in one pass', () => {
    expect(() =>
      validateScenario({ changes: [{ handoff: 'pickingg', set: { quality: 'high' } }] }, model),
    ).toThrow(ServiceChainError);
    const issues = issuesOf([{ handoff: 'pickingg', set: { quality: 'high' } }]);
    expect(issues.map((i) => i.split(':')[0])).toEqual([
      expect.stringMatching(/ changes\[0\]\.set\.quality$/),
      'unknown_node changes[0].handoff',
    ]);
  });
});
