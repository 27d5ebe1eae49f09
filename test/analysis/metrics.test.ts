/** structuralMetrics: degrees and betweenness of the hand-off graph, with its size limit. */
import { describe, expect, it } from 'vitest';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';

// A path a -> b -> c -> cust: b and c lie on the shortest paths between others.
const model = validateModel({
  version: 1,
  departments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  customers: [{ id: 'cust' }],
  handoffs: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'cust' },
    { id: 'second', from: 'c', to: 'cust' },
  ],
}).model;

describe('structuralMetrics', () => {
  it('an empty model has no nodes and no error (not a fixed-stack capacity failure)', () => {
    const { model } = validateModel({ version: 1 });
    const metrics = structuralMetrics(model, { metrics: true });
    expect(metrics.nodes).toEqual([]);
    expect(metrics.betweenness).toMatchObject({ computed: true, nodes: 0, handoffs: 0 });
  });

  it('rejects unknown options', () => {
    expect(() => structuralMetrics(model, { betweenness: true } as never)).toThrow(
      ServiceChainError,
    );
  });

  it('counts hand-offs in and out, parallel ones each', () => {
    const { nodes } = structuralMetrics(model);
    expect(nodes.map((n) => [n.id, n.inDegree, n.outDegree])).toEqual([
      ['a', 0, 1],
      ['b', 1, 1],
      ['c', 1, 2],
      ['cust', 2, 0],
    ]);
  });

  it('computes normalised betweenness: b lies on a->c and a->cust, c on a->cust and b->cust', () => {
    const { nodes, betweenness } = structuralMetrics(model);
    // 2 pairs each, divided by (n - 1)(n - 2) = 6
    expect(nodes.map((n) => n.betweenness)).toEqual([0, 2 / 6, 2 / 6, 0]);
    expect(betweenness).toMatchObject({ computed: true, nodes: 4, handoffs: 4, operations: 16 });
  });

  it('gives ids such as __proto__ and constructor their own betweenness', () => {
    const hostile = validateModel({
      version: 1,
      departments: [{ id: 'constructor' }, { id: '__proto__' }, { id: 'toString' }],
      customers: [{ id: 'hasOwnProperty' }],
      handoffs: [
        { from: 'constructor', to: '__proto__' },
        { from: '__proto__', to: 'toString' },
        { from: 'toString', to: 'hasOwnProperty' },
        { id: 'second', from: 'toString', to: 'hasOwnProperty' },
      ],
    }).model;
    expect(structuralMetrics(hostile).nodes.map((n) => n.betweenness)).toEqual([
      0,
      2 / 6,
      2 / 6,
      0,
    ]);
  });

  it('skips betweenness above the size limit unless asked, and says what it costs', () => {
    const skipped = structuralMetrics(model, { sizeLimit: 3 });
    expect(skipped.betweenness.computed).toBe(false);
    expect(skipped.nodes.every((n) => n.betweenness === null)).toBe(true);
    expect(skipped.warnings).toEqual([
      {
        code: 'betweenness_skipped',
        path: '',
        message:
          'betweenness skipped: 4 hand-offs exceed the limit of 3; it costs about 4 x 4 = 16 steps (ask with --metrics)',
      },
    ]);
    expect(structuralMetrics(model, { sizeLimit: 3, metrics: true }).betweenness.computed).toBe(
      true,
    );
  });
});
