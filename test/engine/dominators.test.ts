import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { noWayAround } from '../../src/engine/dominators.js';
import { customerServiceAfter } from '../../src/engine/impact.js';
import { linkName } from '../../src/engine/links.js';
import { propagate } from '../../src/engine/propagate.js';
import type { CompiledChain } from '../../src/engine/types.js';
import type { Combine, Handoff, Model } from '../../src/model/schema.js';
import { randomModel } from './fixtures.js';

/** The single points of failure of each customer, as link names. */
function names(chain: CompiledChain): Record<string, string[]> {
  const all = noWayAround(chain);
  const out: Record<string, string[]> = {};
  for (let c = 0; c < chain.customerCount; c++) {
    out[chain.ids[chain.actorCount + c]!] = [...all[c]!].map((l) => linkName(chain, l));
  }
  return out;
}

function supplied(warehouse: Combine, group?: string): Model {
  const tag = group === undefined ? {} : { group };
  return {
    version: 1,
    departments: [
      { id: 'supA' },
      { id: 'supB' },
      { id: 'warehouse', combine: warehouse },
      { id: 'dispatch' },
    ],
    customers: [{ id: 'shoppers' }],
    handoffs: [
      { from: 'supA', to: 'warehouse', ...tag },
      { from: 'supB', to: 'warehouse', ...tag },
      { from: 'warehouse', to: 'dispatch' },
      { from: 'dispatch', to: 'shoppers' },
    ],
  };
}

describe('noWayAround', () => {
  it('lists the single warehouse and its hand-offs, in chain order, not the two suppliers', () => {
    expect(names(compileModel(supplied('mean')))).toEqual({
      shoppers: ['warehouse', 'warehouse->dispatch', 'dispatch', 'dispatch->shoppers'],
    });
  });
  it('makes every input of a min actor a single point of failure', () => {
    expect(names(compileModel(supplied('min'))).shoppers).toEqual([
      'supA',
      'supB',
      'supA->warehouse',
      'supB->warehouse',
      'warehouse',
      'warehouse->dispatch',
      'dispatch',
      'dispatch->shoppers',
    ]);
  });
  it('takes an alternatives group as a way around, even into a min actor', () => {
    expect(names(compileModel(supplied('min', 'suppliers'))).shoppers).toEqual([
      'warehouse',
      'warehouse->dispatch',
      'dispatch',
      'dispatch->shoppers',
    ]);
  });
  it('reads a group that needs both of its hand-offs as no way around', () => {
    const chain = compileModel(supplied('mean', 'suppliers'));
    const needBoth = { ...chain, groupNeed: Int32Array.from([2, 1, 1]) };
    // Groups: warehouse's suppliers (need 2), dispatch's, shoppers'.
    expect(chain.groupStart[2]!).toBe(0);
    expect(names(needBoth).shoppers!.slice(0, 4)).toEqual([
      'supA',
      'supB',
      'supA->warehouse',
      'supB->warehouse',
    ]);
  });
  it('follows a loop fed from outside back to its source', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 's' }, { id: 'a' }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 's', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
      ],
    };
    expect(names(compileModel(model)).c).toEqual(['s', 's->a', 'a', 'a->b', 'b', 'b->c']);
  });
  it('joins a loop with no input from outside to the source', () => {
    const model: Model = {
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      customers: [{ id: 'c' }, { id: 'nobody' }],
      handoffs: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
      ],
    };
    expect(names(compileModel(model))).toEqual({ c: ['b', 'b->c'], nobody: [] });
  });

  it('equals the brute force: fail each link alone, is the customer cut off?', () => {
    fc.assert(
      fc.property(randomModel(), fc.array(fc.integer({ min: 1, max: 4 })), (model, needs) => {
        expectBruteForce(model, needs);
      }),
    );
  });

  it('equals the brute force on larger layered models heavy in min / product actors', () => {
    // Unions at actors that need every input and long intersection walks below them, loops
    // through hand-offs back, customers that hand work on, k-of-n groups.
    fc.assert(
      fc.property(layeredModel(), fc.array(fc.integer({ min: 1, max: 4 })), (model, needs) => {
        expectBruteForce(model, needs);
      }),
    );
  });

  it('intersects more inputs than one walk takes (a customer fed by 40 actors)', () => {
    const feeders = Array.from({ length: 40 }, (_, i) => ({
      id: `f${i}`,
      combine: 'min' as const,
    }));
    const model: Model = {
      version: 1,
      departments: [{ id: 's' }, { id: 't' }, ...feeders],
      customers: [{ id: 'c' }],
      handoffs: [
        ...feeders.flatMap((f) => [
          { id: `s-${f.id}`, from: 's', to: f.id },
          { id: `t-${f.id}`, from: 't', to: f.id },
          { id: `${f.id}-c`, from: f.id, to: 'c' },
        ]),
      ],
    };
    // Every feeder needs both s and t: both are single points of failure, nothing else is.
    expect(names(compileModel(model)).c).toEqual(['s', 't']);
    expectBruteForce(model, []);
  });

  it('takes an acyclic customer to 0 exactly when d = 1 and a "no way around" link fails', () => {
    const model = randomModel({ minShare: 0.5 }).map((m) => ({
      ...m,
      departments: m.departments!.map((d) => ({ ...d, dependence: 1 })),
    }));
    fc.assert(
      fc.property(model, (m) => {
        const chain = compileModel(m);
        fc.pre(chain.components.cyclic.every((c) => c === 0));
        const evaluation = propagate(chain);
        const spof = noWayAround(chain).map((links) => new Set(links));
        for (let l = 0; l < chain.linkCount; l++) {
          const after = customerServiceAfter(chain, evaluation, l, 0);
          for (let c = 0; c < chain.customerCount; c++) {
            expect(after[c] === 0).toBe(spof[c]!.has(l));
          }
        }
      }),
    );
  });
});

/** noWayAround of the model (its groups needing `needs[g]` each, clamped) against bruteForce. */
function expectBruteForce(model: Model, needs: readonly number[]): void {
  const plain = compileModel(model);
  const groupCount = plain.groupEdgeStart.length - 1;
  const groupNeed = Int32Array.from({ length: groupCount }, (_, g) => {
    const n = plain.groupEdgeStart[g + 1]! - plain.groupEdgeStart[g]!;
    return Math.min(needs[g] ?? 1, n);
  });
  const chain = { ...plain, groupNeed };
  const need = new Map<string, number>();
  for (let g = 0; g < groupCount; g++) {
    const h = model.handoffs![chain.groupEdges[chain.groupEdgeStart[g]!]!]!;
    need.set(groupKey(h), groupNeed[g]!);
  }
  const expected = bruteForce(model, need);
  const sorted = (sets: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(sets).map(([c, links]) => [c, [...links].sort()]));
  expect(sorted(names(chain))).toEqual(sorted(expected));
}

/**
 * Layered models of up to 16 actors: each actor takes 1-4 hand-offs from earlier ones (sometimes
 * grouped), mostly `min` / `product`, a few hand-offs back (loops); customers take several.
 */
function layeredModel(): fc.Arbitrary<Model> {
  const combine = fc.constantFrom<Combine>('min', 'min', 'product', 'mean', 'geometric');
  return fc
    .record({
      actors: fc.array(combine, { minLength: 2, maxLength: 16 }),
      customers: fc.integer({ min: 1, max: 3 }),
      picks: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    })
    .map(({ actors, customers, picks }) => {
      let p = 0;
      const pick = (n: number) => picks[p++ % picks.length]! % n;
      const handoffs: Handoff[] = [];
      const add = (from: string, to: string) => {
        const group = pick(5) === 0 ? { group: 'g' } : {};
        handoffs.push({ id: `h${handoffs.length}`, from, to, ...group });
      };
      for (let i = 1; i < actors.length; i++) {
        const inputs = 1 + pick(4);
        for (let j = 0; j < inputs; j++) add(`a${pick(i)}`, `a${i}`);
        if (pick(8) === 0) add(`a${i}`, `a${pick(i)}`);
      }
      for (let c = 0; c < customers; c++) {
        const inputs = 1 + pick(4);
        for (let j = 0; j < inputs; j++) add(`a${pick(actors.length)}`, `c${c}`);
        if (pick(6) === 0) add(`c${c}`, `a${pick(actors.length)}`);
      }
      const seen = new Set<string>();
      return {
        version: 1 as const,
        departments: actors.map((combine, i) => ({ id: `a${i}`, combine })),
        customers: Array.from({ length: customers }, (_, c) => ({ id: `c${c}` })),
        // One hand-off per (from, to): a repeated pair is a different model, not a new case.
        handoffs: handoffs.filter((h) => {
          const key = `${h.from}>${h.to}`;
          if (h.from === h.to || seen.has(key)) return false;
          seen.add(key);
          return true;
        }),
      };
    });
}

function groupKey(h: Handoff): string {
  return `${h.to}/${h.group === undefined ? `#${h.id}` : h.group}`;
}

/** Independent reading: least fixed point of reachability with one link failed, by plain iteration. */
function bruteForce(model: Model, need: Map<string, number>): Record<string, string[]> {
  const actors = model.departments ?? [];
  const customers = model.customers ?? [];
  const handoffs = model.handoffs ?? [];
  const ids = [...actors.map((a) => a.id), ...customers.map((c) => c.id)];
  const path = new Map(ids.map((u) => [u, new Set<string>()]));
  for (const h of handoffs) path.get(h.from)!.add(h.to);
  for (const k of ids)
    for (const u of ids) if (path.get(u)!.has(k)) for (const w of path.get(k)!) path.get(u)!.add(w);
  const sameCycle = (u: string, v: string) =>
    u === v ? path.get(u)!.has(u) : path.get(u)!.has(v) && path.get(v)!.has(u);
  const joined = (v: string) => {
    const inputs = handoffs.filter((h) => h.to === v);
    if (inputs.length === 0) return true;
    if (!path.get(v)!.has(v)) return false;
    return handoffs.every((h) => !sameCycle(h.to, v) || sameCycle(h.from, v));
  };
  const combine = new Map(actors.map((a) => [a.id, a.combine ?? 'mean']));
  const reach = (failed: string | null): Set<string> => {
    const reached = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const v of ids) {
        if (reached.has(v) || v === failed) continue;
        const groups = new Map<string, number>();
        for (const h of handoffs.filter((e) => e.to === v)) {
          const live = h.id !== failed && reached.has(h.from) ? 1 : 0;
          groups.set(groupKey(h), (groups.get(groupKey(h)) ?? 0) + live);
        }
        const ok = [...groups].map(([key, live]) => live >= need.get(key)!);
        const all = (combine.get(v) ?? 'mean') !== 'mean';
        if (joined(v) || (all ? ok.every(Boolean) : ok.some(Boolean))) {
          reached.add(v);
          changed = true;
        }
      }
    }
    return reached;
  };
  const before = reach(null);
  const links = [...actors.map((a) => a.id), ...handoffs.map((h) => h.id!)];
  const cut = links.map((x) => reach(x));
  const out: Record<string, string[]> = {};
  for (const c of customers) {
    out[c.id] = links.filter((_, i) => before.has(c.id) && !cut[i]!.has(c.id));
  }
  return out;
}
