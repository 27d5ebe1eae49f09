/** toGraph: nodes, defaults and edges of the hand-off graph. */
import { describe, expect, it } from 'vitest';
import { toGraph } from '../../src/model/graph.js';
import { validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';

const { model } = validateModel({
  version: 1,
  defaults: { value: 7 },
  departments: [
    { id: 'ops' },
    { id: 'shop', name: 'Shop', parent: 'ops', performance: 0.8, welfare: 0.5, combine: 'min' },
  ],
  employees: [
    { id: 'boss', department: 'shop' },
    { id: 'ann', department: 'shop', manager: 'boss', dependence: 0.25 },
  ],
  customers: [
    {
      id: 'c',
      segment: 'end-user',
      relationship: 'long-term',
      value: 3,
      priorities: { courtesy: 3, accuracy: 1 },
    },
    { id: 'd' },
  ],
  handoffs: [
    { from: 'shop', to: 'c', quality: 0.9, weight: 2, carries: 'goods', group: 'g' },
    { id: 'second', from: 'shop', to: 'c', group: 'g' },
    { from: 'ann', to: 'c', ratings: { courtesy: 5, accuracy: 1 } },
    { from: 'ann', to: 'boss' },
    { from: 'boss', to: 'd' },
  ],
});

describe('toGraph', () => {
  const graph = toGraph(model);
  /** The generated key of the node with a model id. */
  const key = (id: string) => graph.findNode((_key, node) => node.id === id)!;

  it('has the nodes in declaration order, keyed n0, n1, ... with the model id as `id`', () => {
    expect(graph.nodes()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    expect(graph.mapNodes((_key, node) => node.id)).toEqual([
      'ops',
      'shop',
      'boss',
      'ann',
      'c',
      'd',
    ]);
  });

  it('connects hand-offs between the generated keys', () => {
    expect(graph.source('ann->boss')).toBe(key('ann'));
    expect(graph.target('ann->boss')).toBe(key('boss'));
  });

  it('applies actor defaults and keeps structure fields', () => {
    expect(graph.getNodeAttributes(key('ops'))).toEqual({
      id: 'ops',
      kind: 'department',
      name: 'ops',
      performance: 1,
      welfare: 1,
      dependence: 1,
      combine: 'mean',
    });
    expect(graph.getNodeAttributes(key('shop'))).toEqual({
      id: 'shop',
      kind: 'department',
      name: 'Shop',
      performance: 0.8,
      welfare: 0.5,
      dependence: 1,
      combine: 'min',
      parent: 'ops',
    });
    expect(graph.getNodeAttributes(key('ann'))).toMatchObject({
      kind: 'employee',
      dependence: 0.25,
      department: 'shop',
      manager: 'boss',
    });
  });

  it('gives customers p = 1, d = 1, mean and their value after defaults', () => {
    expect(graph.getNodeAttributes(key('c'))).toEqual({
      id: 'c',
      kind: 'customer',
      name: 'c',
      performance: 1,
      welfare: 1,
      dependence: 1,
      combine: 'mean',
      value: 3,
      segment: 'end-user',
      relationship: 'long-term',
    });
    expect(graph.getNodeAttribute(key('d'), 'value')).toBe(7);
  });

  it('keys edges by hand-off id, allows parallel hand-offs, derives quality from ratings', () => {
    expect(graph.edges()).toEqual(['shop->c', 'second', 'ann->c', 'ann->boss', 'boss->d']);
    expect(graph.getEdgeAttributes('shop->c')).toEqual({
      quality: 0.9,
      weight: 2,
      group: 'g',
      carries: 'goods',
    });
    expect(graph.getEdgeAttributes('second')).toEqual({ quality: 1, weight: 1, group: 'g' });
    // courtesy 5 -> 1 with priority 3, accuracy 1 -> 0 with priority 1: 3/4
    expect(graph.getEdgeAttribute('ann->c', 'quality')).toBe(0.75);
  });

  it('adds no edge for manager or parent', () => {
    expect(graph.size).toBe(5);
    expect(graph.hasEdge(key('ann'), key('boss'))).toBe(true);
    expect(graph.hasEdge(key('shop'), key('ops'))).toBe(false);
  });

  it('refuses an invalid model', () => {
    expect(() => toGraph({ version: 1, handoffs: [{ from: 'x', to: 'y' }] })).toThrowError(
      /unknown node "x"/,
    );
  });

  it('builds the retail example', async () => {
    const retail = toGraph((await loadModelFile('examples/retail.yaml')).model);
    expect(retail.order).toBe(17);
    expect(retail.size).toBe(20);
    expect(retail.getEdgeAttribute('dispatch->online-shoppers', 'quality')).toBeCloseTo(
      (3 * 0.5 + 2 * 0.75 + 1 * 0.25) / 6,
      12,
    );
  });
});
