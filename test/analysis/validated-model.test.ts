/**
 * Every entry point computes from the model it validated, never from the caller's object again:
 * a getter that reads differently after validation cannot feed the engine a value validation
 * never saw (docs/model-file.md, "In code").
 */
import { describe, expect, it } from 'vitest';
import {
  analyze,
  backups,
  breakdown,
  businessImpact,
  diffModels,
  dynamics,
  plan,
  ServiceChainError,
  toGraph,
  trend,
  uncertainty,
  whatIf,
} from '../../src/index.js';
import type { Model } from '../../src/model/schema.js';
import { cornerShop } from './corner-shop.js';

/** The corner shop with warehouse->dispatch's quality a getter: 0.8 once, then `later()`. */
function shifty(later: () => number): { model: Model; reads: () => number } {
  const model = structuredClone(cornerShop) as Model;
  let reads = 0;
  Object.defineProperty(model.handoffs![0]!, 'quality', {
    enumerable: true,
    get: () => (reads++ === 0 ? 0.8 : later()),
  });
  return { model, reads: () => reads };
}

const scenario = { changes: [{ actor: 'dispatch', set: { performance: 0.9 } }] };
const planOptions = {
  budget: 1,
  candidates: [
    { id: 'fix', cost: 1, changes: [{ handoff: 'warehouse->dispatch', set: { quality: 0.9 } }] },
  ],
};

/** Every entry point that validates a model, each run on one. */
const entryPoints = {
  analyze: (model: Model) => analyze(model),
  whatIf: (model: Model) => whatIf(model, scenario),
  plan: (model: Model) => plan(model, planOptions),
  businessImpact: (model: Model) => businessImpact(model),
  backups: (model: Model) => backups(model),
  diffModels: (model: Model) => diffModels(cornerShop, model),
  dynamics: (model: Model) => dynamics(model, scenario),
  breakdown: (model: Model) => breakdown(model, { actor: 'warehouse' }, 2),
  trend: (model: Model) => trend([{ label: 'now', model }]),
  uncertainty: (model: Model) => uncertainty(model, { samples: 10 }),
  toGraph: (model: Model) => toGraph(model).export(),
};

const laterValues: Record<string, () => number> = {
  NaN: () => Number.NaN,
  '5': () => 5,
  'a throw': () => {
    throw new Error('connection lost');
  },
};

describe.each(Object.entries(entryPoints))('%s', (_name, run) => {
  it.each(Object.keys(laterValues))(
    'reads the getter once and computes from what it validated (later reads give %s)',
    (later) => {
      const { model, reads } = shifty(laterValues[later]!);
      const result = run(model);
      expect(reads()).toBe(1);
      expect(result).toEqual(run(cornerShop));
    },
  );

  it('turns a getter that throws into the library error, at its path', () => {
    const model = structuredClone(cornerShop) as Model;
    Object.defineProperty(model.handoffs![0]!, 'quality', {
      enumerable: true,
      get: () => {
        throw new RangeError('database closed');
      },
    });
    let error: unknown;
    try {
      run(model);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceChainError);
    expect((error as ServiceChainError).issues).toEqual([
      {
        code: 'invalid_value',
        path: 'handoffs[0].quality',
        message: 'reading this field threw an error: database closed',
      },
    ]);
  });
});

describe('the figures behind the comparison', () => {
  it('are the hand-computed ones: S = 0.9 x 0.8 x 0.95 = 0.684', () => {
    const { model } = shifty(() => Number.NaN);
    expect(analyze(model).score).toBeCloseTo(0.684, 12);
  });
});
