/** trend (docs/model.md, "Change over time"): S, customers and the weakest link per wave. */
import { describe, expect, it } from 'vitest';
import { trend } from '../../src/analysis/trend.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const model = (input: object): Model => validateModel({ version: 1, ...input }).model;

// Wave 1: s_c = 0.5 (a's performance); wave 2: a at 0.8 and a new customer d behind b.
const first = model({
  departments: [{ id: 'a', performance: 0.5 }],
  customers: [{ id: 'c', name: 'Cee' }],
  handoffs: [{ from: 'a', to: 'c' }],
});
const second = model({
  departments: [{ id: 'a', performance: 0.8 }, { id: 'b' }],
  customers: [{ id: 'c', name: 'Cee' }, { id: 'd' }],
  handoffs: [
    { from: 'a', to: 'c' },
    { from: 'b', to: 'd', quality: 0.6 },
  ],
});
const result = trend([
  { label: 'one', model: first },
  { label: 'two', model: second },
]);

describe('trend on two hand-built waves', () => {
  it('S per wave: 0.5, then (0.8 + 0.6) / 2', () => {
    expect(result.waves.map((w) => w.label)).toEqual(['one', 'two']);
    expect(result.waves[0]!.score).toBe(0.5);
    expect(result.waves[1]!.score).toBeCloseTo(0.7, 12);
  });

  it('the weakest link behind the most customers, first declared on a tie', () => {
    expect(result.waves[0]!.weakestLink).toEqual({ type: 'actor', id: 'a' });
    expect(result.waves[1]!.weakestLink).toEqual({ type: 'actor', id: 'a' });
    expect(result.waves[1]!.weakestFor).toBe(1);
  });

  it('compares customers on what every wave shares', () => {
    const [c, d] = result.customers;
    expect(c!.inEveryWave).toBe(true);
    expect(c!.waves.map((p) => p?.service)).toEqual([0.5, 0.8]);
    expect(d!.inEveryWave).toBe(false);
    expect(d!.waves[0]).toBeNull();
    expect(result.notComparable).toEqual({ customers: ['d'], actors: ['b'], handoffs: ['b->d'] });
  });

  it('rejects an invalid wave and unknown options', () => {
    expect(() => trend([{ label: 'x', model: { version: 2 } as never }])).toThrow('version');
    expect(() => trend([], { days: 3 } as never)).toThrow('options');
  });
});
