/**
 * Test helpers for the engine: random models (fast-check), a NAIVE reference implementation of
 * docs/model.md, "Propagation: service flows down the chain"; docs/model.md, "Chain strength and the weakest link" written independently of src/engine (global Jacobi iteration over plain
 * objects), and brute-force link changes.
 */
import fc from 'fast-check';
import { pointValue } from '../../src/model/estimates.js';
import type { Combine, Handoff, Model } from '../../src/model/schema.js';

/** A share drawn with the corners 0, 0.5 and 1 over-represented. */
export const share = (min = 0, max = 1) =>
  fc.oneof(
    fc.constantFrom(min, (min + max) / 2, max),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );

/** Options of the random model generator. */
export interface RandomModelOptions {
  readonly combines?: readonly Combine[];
  readonly minShare?: number;
  readonly maxShare?: number;
  readonly groups?: boolean;
  /** Whether groups may need k > 1 of their hand-offs (a `groups` list); default true. */
  readonly needs?: boolean;
  /** Every group of two or more hand-offs needs at least two (k-of-n everywhere). */
  readonly kOfN?: boolean;
  readonly maxActors?: number;
}

/** Random models: up to 7 actors, 1-3 customers, up to 14 hand-offs, cycles allowed. */
export function randomModel(options: RandomModelOptions = {}): fc.Arbitrary<Model> {
  const combines = options.combines ?? ['mean', 'min', 'product', 'geometric'];
  const lo = options.minShare ?? 0;
  const hi = options.maxShare ?? 1;
  return fc
    .record({
      actors: fc.integer({ min: 1, max: options.maxActors ?? 7 }),
      customers: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ actors, customers }) => {
      const node = fc.integer({ min: 0, max: actors + customers - 1 });
      const actor = fc.record({
        performance: share(lo, hi),
        welfare: fc.oneof(fc.constant(1), share(lo, hi)),
        dependence: share(),
        combine: fc.constantFrom(...combines),
      });
      const handoff = fc.record({
        from: node,
        to: node,
        quality: share(lo, hi),
        weight: fc.double({ min: 0.1, max: 3, noNaN: true }),
        group:
          options.groups === false ? fc.constant(undefined) : fc.option(fc.constantFrom('a', 'b')),
      });
      return fc.record({
        actors: fc.array(actor, { minLength: actors, maxLength: actors }),
        values: fc.array(
          fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true }))),
          {
            minLength: customers,
            maxLength: customers,
          },
        ),
        handoffs: fc.array(handoff, { maxLength: 14 }),
        needs: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      });
    })
    .map(({ actors, values, handoffs, needs }) => {
      const id = (i: number) => (i < actors.length ? `a${i}` : `c${i - actors.length}`);
      const model: Model = {
        version: 1,
        departments: actors.map((fields, i) => ({ id: id(i), ...fields })),
        customers: values.map((value, i) => ({
          id: `c${i}`,
          ...(value === null ? {} : { value }),
        })),
        handoffs: handoffs
          .filter((h) => h.from !== h.to)
          .map((h, i) => {
            const out: Handoff = {
              id: `h${i}`,
              from: id(h.from),
              to: id(h.to),
              quality: h.quality,
              weight: h.weight,
            };
            return h.group === undefined || h.group === null ? out : { ...out, group: h.group };
          }),
      };
      return options.needs === false ? model : withNeeds(model, needs, options.kOfN === true);
    });
}

/**
 * The model with a `groups` list (docs/model.md, "k-of-n alternatives"): the j-th (receiver, group)
 * pair in declaration order needs `picks[j] mod (n + 1)` of its n hand-offs, no entry for 0
 * (with `kOfN`, 2 .. n of a group of n >= 2, and no entry for a single hand-off).
 */
function withNeeds(model: Model, picks: readonly number[], kOfN: boolean): Model {
  const sizes = new Map<string, { to: string; group: string; n: number }>();
  for (const h of model.handoffs ?? []) {
    if (h.group === undefined) continue;
    const key = `${h.to}|${h.group}`;
    const entry = sizes.get(key) ?? { to: h.to, group: h.group, n: 0 };
    entry.n++;
    sizes.set(key, entry);
  }
  const groups = [...sizes.values()]
    .map(({ to, group, n }, j) => {
      const pick = picks[j % picks.length] ?? 0;
      return { to, group, need: kOfN ? (n < 2 ? 0 : 2 + (pick % (n - 1))) : pick % (n + 1) };
    })
    .filter((entry) => entry.need > 0);
  return groups.length === 0 ? model : { ...model, groups };
}

/** How many hand-offs of a receiver's group are needed: the model's `groups` entry, else 1. */
function needOf(model: Model, group: readonly Handoff[]): number {
  const first = group[0]!;
  if (first.group === undefined) return 1;
  return (model.groups ?? []).find((g) => g.to === first.to && g.group === first.group)?.need ?? 1;
}

/**
 * Brute force of docs/model.md, "k-of-n alternatives": the probability that at least k of the
 * inputs are right, summed over all 2^n right/wrong outcomes.
 */
export function bruteAtLeast(r: readonly number[], k: number): number {
  let total = 0;
  for (let mask = 0; mask < 1 << r.length; mask++) {
    let right = 0;
    let p = 1;
    r.forEach((x, i) => {
      const on = (mask >> i) & 1;
      right += on;
      p *= on === 1 ? x : 1 - x;
    });
    if (right >= k) total += p;
  }
  return total;
}

/** The k-th largest of a list (brute force: sort a copy). */
export function bruteKthLargest(values: readonly number[], k: number): number {
  return [...values].sort((a, b) => b - a)[k - 1]!;
}

interface NaiveNode {
  p: number;
  d: number;
  combine: Combine;
  customer: boolean;
  value: number;
}

function naiveNodes(model: Model): Map<string, NaiveNode> {
  const nodes = new Map<string, NaiveNode>();
  for (const a of [...(model.departments ?? []), ...(model.employees ?? [])])
    nodes.set(a.id, {
      p: (pointValue(a.performance) ?? 1) * (pointValue(a.welfare) ?? 1),
      d: a.dependence ?? 1,
      combine: a.combine ?? 'mean',
      customer: false,
      value: 0,
    });
  for (const c of model.customers ?? [])
    nodes.set(c.id, { p: 1, d: 1, combine: 'mean', customer: true, value: c.value ?? 1 });
  return nodes;
}

/** Groups of each receiver: lists of hand-offs (by first-declared), as plain arrays. */
function naiveGroups(model: Model): Map<string, Handoff[][]> {
  const groups = new Map<string, Handoff[][]>();
  const named = new Map<string, Handoff[]>();
  for (const h of model.handoffs ?? []) {
    const list = groups.get(h.to) ?? [];
    groups.set(h.to, list);
    if (h.group === undefined) {
      list.push([h]);
      continue;
    }
    const key = `${h.to}|${h.group}`;
    const existing = named.get(key);
    if (existing) existing.push(h);
    else {
      const fresh = [h];
      named.set(key, fresh);
      list.push(fresh);
    }
  }
  return groups;
}

/** Naive s_v and S: global Jacobi from 1 until nothing moves by more than 1e-15. */
export function naiveService(model: Model, maxRounds = 200_000) {
  const nodes = naiveNodes(model);
  const groups = naiveGroups(model);
  let s = new Map<string, number>([...nodes.keys()].map((id) => [id, 1]));
  for (let round = 0; round < maxRounds; round++) {
    const next = new Map<string, number>();
    let change = 0;
    for (const [id, node] of nodes) {
      const gs = groups.get(id) ?? [];
      let input = 1;
      if (gs.length > 0) {
        // A lone hand-off is its own term: 1 - (1 - x) would cancel a tiny x to 0.
        const received = (h: Handoff) => s.get(h.from)! * (pointValue(h.quality) ?? 1);
        const r = gs.map((g) => {
          const k = needOf(model, g);
          if (k > 1) return bruteAtLeast(g.map(received), k);
          return g.length === 1
            ? received(g[0]!)
            : 1 - g.reduce((m, h) => m * (1 - received(h)), 1);
        });
        const w = gs.map((g) => Math.max(...g.map((h) => h.weight ?? 1)));
        const W = w.reduce((a, b) => a + b, 0);
        if (node.combine === 'mean') input = r.reduce((a, x, i) => a + w[i]! * x, 0) / W;
        else if (node.combine === 'min') input = Math.min(...r);
        else if (node.combine === 'product') input = r.reduce((a, x) => a * x, 1);
        else
          input = r.some((x) => x <= 0)
            ? 0
            : Math.exp(r.reduce((a, x, i) => a + w[i]! * Math.log(x), 0) / W);
      }
      const value = node.p * (1 - node.d * (1 - Math.min(1, input)));
      change = Math.max(change, Math.abs(value - s.get(id)!));
      next.set(id, value);
    }
    s = next;
    if (change <= 1e-15) break;
  }
  const scored = [...nodes].filter(([id, n]) => n.customer && (groups.get(id)?.length ?? 0) > 0);
  let score: number | null = null;
  if (scored.length > 0) {
    const total = scored.reduce((a, [, n]) => a + n.value, 0);
    score =
      total > 0
        ? scored.reduce((a, [id, n]) => a + n.value * s.get(id)!, 0) / total
        : scored.reduce((a, [id]) => a + s.get(id)!, 0) / scored.length;
  }
  return { service: s, score };
}

/** Naive chain strength: global iteration of docs/model.md, "Chain strength and the weakest link" from W = 1 until nothing changes. */
export function naiveStrength(model: Model): Map<string, number> {
  const nodes = naiveNodes(model);
  const groups = naiveGroups(model);
  const W = new Map<string, number>([...nodes.keys()].map((id) => [id, 1]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, node] of nodes) {
      const gs = groups.get(id) ?? [];
      let w = node.p;
      if (node.d > 0)
        for (const g of gs)
          w = Math.min(
            w,
            bruteKthLargest(
              g.map((h) => Math.min(W.get(h.from)!, pointValue(h.quality) ?? 1)),
              needOf(model, g),
            ),
          );
      if (w !== W.get(id)) {
        W.set(id, w);
        changed = true;
      }
    }
  }
  return W;
}

/** The model with one link (actor index in departments+employees, else hand-off) set to x. */
export function withLink(model: Model, actorCount: number, link: number, x: number): Model {
  const copy: Model = structuredClone(model);
  if (link < actorCount) {
    const departments = copy.departments ?? [];
    const actor =
      link < departments.length ? departments[link]! : copy.employees![link - departments.length]!;
    actor.performance = x;
    actor.welfare = 1;
  } else {
    const h = copy.handoffs![link - actorCount]!;
    h.quality = x;
    delete h.ratings;
  }
  return copy;
}

/** Two providers `a` and `b` (performances pa, pb) feed `x`, which combines them and serves customer `c`. */
export function twoInputs(combine: Combine, pa: number, pb: number): Model {
  return {
    version: 1,
    departments: [
      { id: 'a', performance: pa },
      { id: 'b', performance: pb },
      { id: 'x', combine },
    ],
    customers: [{ id: 'c' }],
    handoffs: [
      { from: 'a', to: 'x' },
      { from: 'b', to: 'x' },
      { from: 'x', to: 'c' },
    ],
  };
}
