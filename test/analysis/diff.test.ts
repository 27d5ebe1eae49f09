/** diffModels (docs/model.md, "Change over time"): what changed, and S's change shared out exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/analysis/diff.js';
import type { AttributionChange } from '../../src/analysis/diff-changes.js';
import { compileModel, propagate } from '../../src/engine/index.js';
import { validateModel } from '../../src/model/load.js';
import type { Combine, Model } from '../../src/model/schema.js';

const model = (input: object): Model => validateModel({ version: 1, ...input }).model;

const key = (change: AttributionChange) =>
  [change.type, change.element, change.id, change.field ?? ''].join(':');

describe('diffModels on hand-built models', () => {
  // s_c = s_a q = p q: before 0.8 x 1 = 0.8, after 0.9 x 0.5 = 0.45.
  const before = model({
    departments: [{ id: 'a', performance: 0.8 }],
    customers: [{ id: 'c' }],
    handoffs: [{ from: 'a', to: 'c', quality: 1 }],
  });
  const after = model({
    departments: [{ id: 'a', name: 'Alpha', performance: 0.9 }],
    customers: [{ id: 'c' }],
    handoffs: [{ from: 'a', to: 'c', quality: 0.5 }],
  });
  const result = diffModels(before, after);

  it('lists the changed fields, names included', () => {
    expect(result.changes.nodes).toEqual([
      {
        kind: 'department',
        id: 'a',
        status: 'changed',
        fields: [
          { field: 'performance', before: 0.8, after: 0.9 },
          { field: 'name', before: null, after: 'Alpha' },
        ],
      },
    ]);
    expect(result.changes.handoffs[0]!.fields).toEqual([
      { field: 'quality', before: 1, after: 0.5 },
    ]);
  });

  it('shares -0.35 as Shapley: p gets (0.1 + 0.05) / 2, q gets (-0.4 - 0.45) / 2', () => {
    // v({}) = 0.8, v({p}) = 0.9, v({q}) = 0.4, v({p, q}) = 0.45.
    expect(result.score.change).toBeCloseTo(-0.35, 12);
    const parts = Object.fromEntries(result.attribution!.map((p) => [p.change.field, p]));
    expect(parts['performance']!.contribution).toBeCloseTo(0.075, 12);
    expect(parts['quality']!.contribution).toBeCloseTo(-0.425, 12);
    expect(result.attribution![0]!.change.field).toBe('quality');
    expect(result.attributionMethod).toEqual({
      method: 'exact',
      changes: 2,
      orderings: null,
      seed: null,
    });
  });

  it('credits a removed alternative input with the whole change: (0.5 + 1) / 2 -> 1', () => {
    const two = model({
      departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
    });
    const one = model({
      departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: 'b', to: 'c' }],
    });
    const diff = diffModels(two, one);
    expect(diff.attribution).toHaveLength(1);
    expect(diff.attribution![0]!.change).toEqual({
      type: 'removed',
      element: 'handoff',
      id: 'a->c',
      from: 'a',
      to: 'c',
    });
    expect(diff.attribution![0]!.contribution).toBeCloseTo(0.25, 12);
  });

  it('an added customer brings its hand-offs: S = (0.5 + 1) / 2 with it', () => {
    const grown = model({
      departments: [{ id: 'a', performance: 0.5 }],
      customers: [{ id: 'c' }, { id: 'new', name: 'New' }],
      handoffs: [
        { from: 'a', to: 'c', quality: 1 },
        { from: 'a', to: 'new', quality: 1 },
      ],
    });
    const base = model({
      departments: [{ id: 'a', performance: 0.5 }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: 'a', to: 'c', quality: 1 }],
    });
    const diff = diffModels(base, grown);
    expect(diff.attribution!.map((p) => p.change)).toEqual([
      { type: 'added', element: 'customer', id: 'new', handoffs: 1 },
    ]);
    expect(diff.attribution![0]!.contribution).toBe(0);
    expect(diff.customers.find((c) => c.id === 'new')!.status).toBe('added');
  });

  it('samples orderings beyond exactLimit, and the parts still add up', () => {
    const sampled = diffModels(before, after, { exactLimit: 0, orderings: 50, seed: 7 });
    expect(sampled.attributionMethod).toEqual({
      method: 'sampled',
      changes: 2,
      orderings: 50,
      seed: 7,
    });
    const sum = sampled.attribution!.reduce((total, p) => total + p.contribution, 0);
    expect(Math.abs(sum - sampled.score.change!)).toBeLessThan(1e-12);
    // Two players: each ordering gives p either 0.1 or 0.05, so the mean lies between.
    const p = sampled.attribution!.find((part) => part.change.field === 'performance')!;
    expect(p.contribution).toBeGreaterThanOrEqual(0.05 - 1e-12);
    expect(p.contribution).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(p.spread).toBeGreaterThan(0);
  });

  it('rejects unknown options', () => {
    expect(() => diffModels(before, after, { seeds: 1 } as never)).toThrow('options');
  });
});

/** A random edit of a model: a raw mutation with the attribution key it should get. */
interface Edit {
  readonly key: string;
  readonly apply: (m: Model) => void;
}

const COMBINES: Combine[] = ['mean', 'min', 'product', 'geometric'];
const share = fc.double({ min: 0, max: 1, noNaN: true });

const scenario = fc
  .record({
    actors: fc.array(fc.record({ p: share, d: share, combine: fc.constantFrom(...COMBINES) }), {
      minLength: 2,
      maxLength: 4,
    }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), share), { minLength: 1, maxLength: 6 }),
    feeds: fc.array(fc.tuple(fc.nat(), share), { minLength: 1, maxLength: 3 }),
    edits: fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 3, 4, 5), fc.nat(), share), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .map(({ actors, links, feeds, edits }) => {
    const n = actors.length;
    const departments = actors.map((a, i) => ({
      id: `a${i}`,
      performance: a.p,
      dependence: a.d,
      combine: a.combine,
    }));
    const pairs = new Map<string, { from: string; to: string; quality: number }>();
    for (const [x, y, q] of links) {
      const from = `a${x % n}`;
      const to = `a${y % n}`;
      if (from !== to) pairs.set(`${from}->${to}`, { from, to, quality: q });
    }
    feeds.forEach(([x, q], c) => {
      pairs.set(`a${x % n}->c${c}`, { from: `a${x % n}`, to: `c${c}`, quality: q });
    });
    const customers = feeds.map((_, c) => ({ id: `c${c}`, value: c + 1 }));
    const before = { version: 1, departments, customers, handoffs: [...pairs.values()] } as Model;
    // Each edit touches a distinct field (later duplicates dropped), so each is one player.
    const chosen = new Map<string, Edit>();
    for (const [kind, at, x] of edits) {
      const handoffs = before.handoffs!;
      const actor = `a${at % n}`;
      const h = handoffs[at % handoffs.length]!;
      const hid = `${h.from}->${h.to}`;
      const edit: Edit | null =
        kind === 0
          ? {
              key: `changed:actor:${actor}:performance`,
              apply: (m) => setActor(m, actor, { performance: x }),
            }
          : kind === 1
            ? {
                key: `changed:actor:${actor}:welfare`,
                apply: (m) => setActor(m, actor, { welfare: x / 2 + 0.5 }),
              }
            : kind === 2
              ? {
                  key: `changed:handoff:${hid}:quality`,
                  apply: (m) => setHandoff(m, hid, { quality: x }),
                }
              : kind === 3
                ? {
                    key: `changed:handoff:${hid}:weight`,
                    apply: (m) => setHandoff(m, hid, { weight: 1 + 3 * x }),
                  }
                : kind === 4 && !hid.includes('->c')
                  ? { key: `removed:handoff:${hid}:`, apply: (m) => removeHandoff(m, hid) }
                  : kind === 5
                    ? {
                        key: 'added:customer:cx:',
                        apply: (m) => {
                          m.customers!.push({ id: 'cx', value: 2 });
                          m.handoffs!.push({ from: actor, to: 'cx', quality: x });
                        },
                      }
                    : null;
      if (
        edit !== null &&
        !chosen.has(edit.key) &&
        !(edit.key.startsWith('removed') && chosen.has(`changed:handoff:${hid}:quality`))
      )
        chosen.set(edit.key, edit);
    }
    return { before, edits: [...chosen.values()].filter(noClash) };
  });

/** A removed hand-off takes no field edits of its own (they would not be changes of `after`). */
function noClash(edit: Edit, _: number, all: Edit[]): boolean {
  if (!edit.key.startsWith('changed:handoff:')) return true;
  const hid = edit.key.split(':')[2];
  return !all.some((other) => other.key === `removed:handoff:${hid}:`);
}

function setActor(m: Model, id: string, set: object) {
  const i = m.departments!.findIndex((d) => d.id === id);
  m.departments![i] = { ...m.departments![i]!, ...set };
}
function setHandoff(m: Model, id: string, set: object) {
  const i = m.handoffs!.findIndex((h) => `${h.from}->${h.to}` === id);
  m.handoffs![i] = { ...m.handoffs![i]!, ...set };
}
function removeHandoff(m: Model, id: string) {
  m.handoffs = m.handoffs!.filter((h) => `${h.from}->${h.to}` !== id);
}

/** S of a model by the engine, 0 when nothing is scored. */
function scoreOf(m: Model): number {
  return propagate(compileModel(m)).score ?? 0;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

/** Brute force: every ordering of the raw edits applied one by one to a copy of the model. */
function bruteShapley(before: Model, edits: readonly Edit[]): Map<string, number> {
  const sums = new Map(edits.map((e) => [e.key, 0]));
  const orders = permutations(edits.length);
  for (const order of orders) {
    const m = structuredClone(before);
    let previous = scoreOf(m);
    for (const i of order) {
      edits[i]!.apply(m);
      const next = scoreOf(m);
      sums.set(edits[i]!.key, sums.get(edits[i]!.key)! + (next - previous));
      previous = next;
    }
  }
  return new Map([...sums].map(([k, v]) => [k, v / orders.length]));
}

describe('diffModels: the exact attribution (property)', () => {
  it('adds up to S(after) - S(before) to 1e-12 and equals the brute-force Shapley value', () => {
    fc.assert(
      fc.property(scenario, ({ before, edits }) => {
        const after = structuredClone(before);
        for (const edit of edits) edit.apply(after);
        const valid = validateModel(before).model;
        const result = diffModels(valid, validateModel(after).model);
        const parts = result.attribution!;
        const sum = parts.reduce((total, p) => total + p.contribution, 0);
        expect(Math.abs(sum - result.score.change!)).toBeLessThan(1e-12);
        const brute = bruteShapley(before, edits);
        // An edit that sets a field to its old value is no change: it gets 0 either way.
        for (const part of parts) {
          expect(brute.has(key(part.change))).toBe(true);
          expect(part.contribution).toBeCloseTo(brute.get(key(part.change))!, 10);
        }
        for (const [k, v] of brute)
          if (!parts.some((p) => key(p.change) === k)) expect(Math.abs(v)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });
});

/** Any valid model over a small pool of ids, so two of them share some nodes and hand-offs. */
const anyModel = fc
  .record({
    nodes: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('n0', 'n1', 'n2', 'n3', 'n4', 'n5'),
        customer: fc.boolean(),
        p: share,
        group: fc.constantFrom(undefined, 'g'),
      }),
      { selector: (n) => n.id, minLength: 2, maxLength: 6 },
    ),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), share, fc.boolean()), { maxLength: 10 }),
  })
  .map(({ nodes, links }) => {
    const handoffs = new Map<string, object>();
    for (const [x, y, q, grouped] of links) {
      const from = nodes[x % nodes.length]!;
      const to = nodes[y % nodes.length]!;
      if (from.id === to.id) continue;
      handoffs.set(`${from.id}->${to.id}`, {
        from: from.id,
        to: to.id,
        quality: q,
        ...(grouped && { group: 'g' }),
      });
    }
    return validateModel({
      version: 1,
      departments: nodes.filter((n) => !n.customer).map((n) => ({ id: n.id, performance: n.p })),
      customers: nodes.filter((n) => n.customer).map((n) => ({ id: n.id, value: n.p })),
      handoffs: [...handoffs.values()],
    }).model;
  });

describe('diffModels on any two models (property)', () => {
  it('never fails, and the shares add up to the change of S whenever both are scored', () => {
    fc.assert(
      fc.property(anyModel, anyModel, (before, after) => {
        const result = diffModels(before, after, { orderings: 20 });
        if (result.score.change === null) {
          expect(result.attribution).toBeNull();
          return;
        }
        const sum = result.attribution!.reduce((total, p) => total + p.contribution, 0);
        expect(Math.abs(sum - result.score.change)).toBeLessThan(1e-12);
        for (const p of result.attribution!) expect(Number.isFinite(p.contribution)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
