/** Automatic plan candidates (plan-candidates.ts): every weak link, an actor's fix split in two. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/analysis/plan.js';
import { automaticCandidates } from '../../src/analysis/plan-candidates.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, validateModel } from '../../src/model/load.js';

describe('automaticCandidates', () => {
  const { model } = validateModel({
    version: 1,
    departments: [
      { id: 'both', name: 'Both', performance: 0.9, welfare: 0.5 },
      { id: 'perf', performance: 0.8 },
      { id: 'fine' },
    ],
    customers: [{ id: 'c', name: 'Callers' }],
    handoffs: [
      { from: 'both', to: 'perf', quality: 0.7 },
      { from: 'perf', to: 'c', ratings: { timeliness: 2 } },
      { from: 'fine', to: 'c' },
    ],
  });

  it('splits an actor with both below 1 into a performance and a welfare fix', () => {
    expect(automaticCandidates(model).map((c) => [c.id, c.label, c.cost, c.changes])).toEqual([
      [
        'both.performance',
        'Both: performance to 1',
        1,
        [{ actor: 'both', set: { performance: 1 } }],
      ],
      ['both.welfare', 'Both: welfare to 1', 1, [{ actor: 'both', set: { welfare: 1 } }]],
      [
        'perf.performance',
        'perf: performance to 1',
        1,
        [{ actor: 'perf', set: { performance: 1 } }],
      ],
      // The rated hand-off and the perfect one are left out.
      [
        'both->perf.quality',
        'Both -> perf: quality to 1',
        1,
        [{ handoff: 'both->perf', set: { quality: 1 } }],
      ],
    ]);
  });

  it('prices every candidate at the cost given; rejects a cost of 0', () => {
    expect(automaticCandidates(model, { cost: 250 }).map((c) => c.cost)).toEqual([
      250, 250, 250, 250,
    ]);
    expect(() => automaticCandidates(model, { cost: 0 })).toThrow(ServiceChainError);
  });
});

describe('the clothing factory planned over automatic candidates', () => {
  const examples = join(import.meta.dirname, '..', '..', 'examples');
  const { model } = parseModel(readFileSync(join(examples, 'factory.yaml'), 'utf8'));

  it('takes the sewing floor’s welfare first: the rest room, not the piecework bonus', () => {
    const result = plan(model, { candidates: automaticCandidates(model), budget: 1 });
    expect(result.steps.map((s) => s.candidate)).toEqual(['sewing.welfare']);
    const bonus = result.notTaken.find((n) => n.candidate === 'sewing.performance')!;
    expect(bonus.gain!).toBeLessThan(result.steps[0]!.gain);
  });
});
