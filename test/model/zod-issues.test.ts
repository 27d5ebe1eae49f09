/**
 * One issue translator for every schema: a wrong type, a wrong range, an unknown key and a missing
 * key read the same for a model, a scenario, a plan candidate and an options object.
 */
import { describe, expect, it } from 'vitest';
import { plan, validateCandidates } from '../../src/analysis/plan.js';
import { validateScenario } from '../../src/analysis/scenario.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { safeValidateModel, validateModel } from '../../src/model/load.js';

const model = validateModel({
  version: 1,
  departments: [{ id: 'warehouse' }, { id: 'dispatch' }],
  customers: [{ id: 'shoppers', value: 10 }],
  handoffs: [
    { from: 'warehouse', to: 'dispatch', quality: 0.75 },
    { from: 'dispatch', to: 'shoppers', quality: 0.9 },
  ],
}).model;

const base = { version: 1, departments: [{ id: 'a' }] };
const change = { actor: 'dispatch', set: { welfare: 0.5 } };

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues;
    throw error;
  }
  throw new Error('expected a ServiceChainError');
}

const validators = {
  model: (input: unknown) => {
    const result = safeValidateModel(input);
    if (!result.success) throw new ServiceChainError(result.issues);
  },
  scenario: (input: unknown) => validateScenario(input, model),
  candidate: (input: unknown) => validateCandidates([input], model),
  options: (input: unknown) => plan(model, input as never),
};

type Row = [
  keyof typeof validators,
  string,
  unknown,
  { code: string; path: string; message: string },
];

const table: Row[] = [
  [
    'model',
    'wrong type',
    { ...base, departments: [{ id: 'a', performance: 'high' }] },
    {
      code: 'invalid_type',
      path: 'departments[0].performance',
      message: 'must be a number or { mean, sd } or { low, high }, got "high"',
    },
  ],
  [
    'model',
    'wrong range',
    { ...base, departments: [{ id: 'a', performance: 2 }] },
    {
      code: 'out_of_range',
      path: 'departments[0].performance',
      message: 'must be at most 1, got 2',
    },
  ],
  [
    'model',
    'unknown key',
    { ...base, departments: [{ id: 'a', performence: 1 }] },
    {
      code: 'unknown_key',
      path: 'departments[0].performence',
      message: 'unknown key "performence" (did you mean "performance"?)',
    },
  ],
  [
    'model',
    'missing key',
    { version: 1, departments: [{ name: 'A' }] },
    { code: 'missing_field', path: 'departments[0].id', message: 'required' },
  ],
  [
    'scenario',
    'wrong type',
    { changes: [{ handoff: 'warehouse->dispatch', set: { quality: 'high' } }] },
    {
      code: 'invalid_type',
      path: 'changes[0].set.quality',
      message: 'must be a number or { mean, sd } or { low, high }, got "high"',
    },
  ],
  [
    'scenario',
    'wrong range',
    { changes: [{ handoff: 'warehouse->dispatch', set: { quality: 2 } }] },
    { code: 'out_of_range', path: 'changes[0].set.quality', message: 'must be at most 1, got 2' },
  ],
  [
    'scenario',
    'unknown key',
    { changes: [], chnges: [] },
    {
      code: 'unknown_key',
      path: 'chnges',
      message: 'unknown key "chnges" (did you mean "changes"?)',
    },
  ],
  ['scenario', 'missing key', {}, { code: 'missing_field', path: 'changes', message: 'required' }],
  [
    'candidate',
    'wrong type',
    { id: 'x', cost: '£400', changes: [change] },
    {
      code: 'invalid_type',
      path: 'candidates[0].cost',
      message: 'must be a number, got "£400" (write the amount without the currency sign: 400)',
    },
  ],
  [
    'candidate',
    'wrong range',
    { id: 'x', cost: -1, changes: [change] },
    { code: 'out_of_range', path: 'candidates[0].cost', message: 'must be at least 1e-6, got -1' },
  ],
  [
    'candidate',
    'unknown key',
    { id: 'x', cost: 1, changes: [change], labl: 'X' },
    {
      code: 'unknown_key',
      path: 'candidates[0].labl',
      message: 'unknown key "labl" (did you mean "label"?)',
    },
  ],
  [
    'candidate',
    'missing key',
    { id: 'x', changes: [change] },
    { code: 'missing_field', path: 'candidates[0].cost', message: 'required' },
  ],
  [
    'options',
    'wrong type',
    { candidates: [], budget: 'high' },
    { code: 'invalid_option', path: 'options.budget', message: 'must be a number, got "high"' },
  ],
  [
    'options',
    'wrong range',
    { candidates: [], budget: -2 },
    { code: 'invalid_option', path: 'options.budget', message: 'must be at least 0, got -2' },
  ],
  [
    'options',
    'unknown key',
    { candidates: [], budget: 1, budgt: 1 },
    {
      code: 'invalid_option',
      path: 'options.budgt',
      message: 'unknown option "budgt" (did you mean "budget"?)',
    },
  ],
  [
    'options',
    'missing key',
    { candidates: [] },
    { code: 'invalid_option', path: 'options.budget', message: 'required' },
  ],
];

describe('one issue translator: four schemas times four mistakes', () => {
  it.each(table)('%s, %s', (schema, _case, input, expected) => {
    expect(issuesOf(() => validators[schema](input))).toEqual([expected]);
  });
});

describe('hints where the mistake is common', () => {
  const messageOf = (input: unknown) => issuesOf(() => validators.model(input))[0];

  it('reads a share written as a percentage', () => {
    expect(messageOf({ ...base, departments: [{ id: 'a', welfare: 90 }] })?.message).toBe(
      'must be at most 1, got 90 (did you mean 0.9?)',
    );
  });

  it('asks for a quoted version or number without quotes', () => {
    expect(messageOf({ version: '1' })).toEqual({
      code: 'unsupported_version',
      path: 'version',
      message: 'unsupported version "1": write it without quotes',
    });
    expect(messageOf({ version: 2 })?.message).toBe(
      'unsupported version 2: this tool reads version 1',
    );
  });

  it('says a decimal comma split a value', () => {
    const handoff = { from: 'a', to: 'a2', quality: 0, '9': null };
    const input = { ...base, departments: [{ id: 'a' }, { id: 'a2' }], handoffs: [handoff] };
    expect(messageOf(input)).toEqual({
      code: 'unknown_key',
      path: 'handoffs[0].9',
      message:
        'unknown key "9": a decimal comma split the value of "quality"; write 0.9 with a point',
    });
  });

  it('names the type a union accepts', () => {
    const handoff = { from: 'a', to: 'a2', ratings: { speed: 'five' } };
    const input = { ...base, departments: [{ id: 'a' }, { id: 'a2' }], handoffs: [handoff] };
    expect(messageOf(input)?.message).toBe(
      'must be a number or { expected, perceived }, got "five"',
    );
  });
});
