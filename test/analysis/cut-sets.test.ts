/** Order-2 cut sets (src/analysis/cut-sets.ts): hand-computed cases and a brute force. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { cutSetsOfTwo, topCustomersByValue } from '../../src/analysis/cut-sets.js';
import { compileModel } from '../../src/engine/compile.js';
import { noWayAround } from '../../src/engine/dominators.js';
import type { Combine, Handoff, Model } from '../../src/model/schema.js';
import { randomModel } from '../engine/fixtures.js';

/** Two suppliers into one warehouse, then dispatch, then the shoppers. */
function supplied(warehouse: Combine = 'mean'): Model {
  return {
    version: 1,
    departments: [
      { id: 'supA' },
      { id: 'supB' },
      { id: 'warehouse', combine: warehouse },
      { id: 'dispatch' },
    ],
    customers: [{ id: 'shoppers', value: 3 }, { id: 'walk-ins', value: 1 }, { id: 'idle' }],
    handoffs: [
      { from: 'supA', to: 'warehouse' },
      { from: 'supB', to: 'warehouse' },
      { from: 'warehouse', to: 'dispatch' },
      { from: 'dispatch', to: 'shoppers' },
      { from: 'supA', to: 'walk-ins' },
    ],
  };
}

/** A pair of link refs as `x + y` by id. */
const ids = (pairs: readonly (readonly [{ id: string }, { id: string }])[]) =>
  pairs.map(([x, y]) => `${x.id} + ${y.id}`);

describe('cutSetsOfTwo, by hand', () => {
  it('pairs the two suppliers and their hand-offs, in chain order; none is a single point', () => {
    const customer = analyze(supplied(), { cutSets: 2 }).customers[0]!;
    expect(customer.singlePointsOfFailure!.map((l) => l.id)).toEqual([
      'warehouse',
      'warehouse->dispatch',
      'dispatch',
      'dispatch->shoppers',
    ]);
    // Chain order: supA, supB, supA->warehouse, supB->warehouse, warehouse, ...
    expect(ids(customer.cutSetsOfTwo!.pairs)).toEqual([
      'supA + supB',
      'supA + supB->warehouse',
      'supB + supA->warehouse',
      'supA->warehouse + supB->warehouse',
    ]);
    expect(customer.cutSetsOfTwo!.complete).toBe(true);
  });

  it('has no pairs where every input is already a single point (a min warehouse)', () => {
    const customer = analyze(supplied('min'), { cutSets: 2 }).customers[0]!;
    expect(customer.singlePointsOfFailure).toHaveLength(8);
    expect(customer.cutSetsOfTwo!.pairs).toEqual([]);
  });

  it('searches only the top customers by value, and only when asked', () => {
    const model = supplied();
    const one = analyze(model, { cutSets: 2, cutSetCustomers: 1 }).customers;
    expect(one.map((c) => c.cutSetsOfTwo !== undefined)).toEqual([true, false, false]);
    // walk-ins: one supplier, one hand-off, both single points; idle is not scored.
    const all = analyze(model, { cutSets: 2, cutSetCustomers: 5 }).customers;
    expect(all.map((c) => c.cutSetsOfTwo?.pairs.length)).toEqual([4, 0, undefined]);
    expect(analyze(model).customers.some((c) => 'cutSetsOfTwo' in c)).toBe(false);
    const chain = compileModel(model);
    expect(topCustomersByValue(chain, 5).map((c) => chain.ids[c])).toEqual([
      'shoppers',
      'walk-ins',
    ]);
  });

  it('stops at the pair limit and says so', () => {
    const limited = analyze(supplied(), { cutSets: 2, cutSetPairLimit: 2 }).customers[0]!;
    expect(limited.cutSetsOfTwo!.pairsExamined).toBe(2);
    expect(limited.cutSetsOfTwo!.complete).toBe(false);
    expect(ids(limited.cutSetsOfTwo!.pairs)).toEqual(['supA + supB', 'supA + supB->warehouse']);
  });

  it('rejects a cut-set order other than 1 or 2, and a limit below 1', () => {
    expect(() => analyze(supplied(), { cutSets: 3 as 2 })).toThrow(/cutSets/);
    expect(() => analyze(supplied(), { cutSetPairLimit: 0 })).toThrow(/cutSetPairLimit/);
  });
});

describe('cutSetsOfTwo against a brute force', () => {
  // Any combine (AND nodes make pairs rare), and `mean` only (OR nodes, where pairs abound).
  it.each([
    ['every combine', randomModel()],
    ['mean actors', randomModel({ combines: ['mean'] })],
  ])('lists exactly the pairs that cut a customer off, neither alone (%s)', (_, models) => {
    fc.assert(
      fc.property(models, (model) => {
        const chain = compileModel(model);
        const customers = topCustomersByValue(chain, 10);
        const found = cutSetsOfTwo(chain, noWayAround(chain), {
          customers,
          pairLimit: 1_000_000,
        });
        const expected = bruteForcePairs(model);
        for (const c of customers) {
          const result = found.get(c)!;
          expect(result.complete).toBe(true);
          const pairs = result.pairs.map(([x, y]) => [x.id, y.id].sort().join(' + ')).sort();
          expect(pairs).toEqual(expected.get(chain.ids[c]!));
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The group a hand-off belongs to: its named group at its receiver, or itself. */
function groupKey(h: Handoff): string {
  return `${h.to}/${h.group === undefined ? `#${h.id}` : h.group}`;
}

/**
 * Independent reading on the model: reachability by plain iteration with some links failed
 * (a node is joined to the source when it has no input, or sits on a cycle nothing enters), and
 * every pair of links tried. Per customer: the pairs, sorted, as `x + y` with x < y.
 */
function bruteForcePairs(model: Model): Map<string, string[]> {
  const actors = model.departments ?? [];
  const customers = model.customers ?? [];
  const handoffs = model.handoffs ?? [];
  const nodes = [...actors.map((a) => a.id), ...customers.map((c) => c.id)];
  const need = new Map(
    (model.groups ?? []).map((g) => [`${g.to}/${g.group}`, g.need] as [string, number]),
  );
  const path = new Map(nodes.map((u) => [u, new Set<string>()]));
  for (const h of handoffs) path.get(h.from)!.add(h.to);
  for (const k of nodes)
    for (const u of nodes)
      if (path.get(u)!.has(k)) for (const w of path.get(k)!) path.get(u)!.add(w);
  const sameCycle = (u: string, v: string) =>
    u === v ? path.get(u)!.has(u) : path.get(u)!.has(v) && path.get(v)!.has(u);
  const joined = (v: string) => {
    if (!handoffs.some((h) => h.to === v)) return true;
    if (!path.get(v)!.has(v)) return false;
    return handoffs.every((h) => !sameCycle(h.to, v) || sameCycle(h.from, v));
  };
  const every = new Map(actors.map((a) => [a.id, (a.combine ?? 'mean') !== 'mean']));
  const reach = (failed: ReadonlySet<string>): Set<string> => {
    const reached = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const v of nodes) {
        if (reached.has(v) || failed.has(v)) continue;
        const groups = new Map<string, number>();
        for (const h of handoffs.filter((e) => e.to === v)) {
          const live = !failed.has(h.id!) && reached.has(h.from) ? 1 : 0;
          groups.set(groupKey(h), (groups.get(groupKey(h)) ?? 0) + live);
        }
        const ok = [...groups].map(([key, live]) => live >= (need.get(key) ?? 1));
        if (joined(v) || (every.get(v) === true ? ok.every(Boolean) : ok.some(Boolean))) {
          reached.add(v);
          changed = true;
        }
      }
    }
    return reached;
  };
  const links = [...actors.map((a) => a.id), ...handoffs.map((h) => h.id!)];
  const before = reach(new Set());
  const alone = links.map((x) => reach(new Set([x])));
  const out = new Map<string, string[]>();
  for (const c of customers) {
    const pairs: string[] = [];
    if (before.has(c.id)) {
      for (let i = 0; i < links.length; i++) {
        if (!alone[i]!.has(c.id)) continue;
        for (let j = i + 1; j < links.length; j++) {
          if (!alone[j]!.has(c.id)) continue;
          if (!reach(new Set([links[i]!, links[j]!])).has(c.id))
            pairs.push([links[i]!, links[j]!].sort().join(' + '));
        }
      }
    }
    out.set(c.id, pairs.sort());
  }
  return out;
}
