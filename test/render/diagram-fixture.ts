/**
 * A tiny hand-computed model and report for the renderer tests. All p = d = 1, `mean`:
 * s_alice = 1, s_bob = 0.6, s_sales = 0.54, s_shop = 0.432 = S (the supplier has value 0).
 * Sensitivities dS/dq: alice->bob 0.9*0.8 = 0.72, bob->sales 0.6*0.8 = 0.48,
 * sales->shop 0.54; fixGain = sensitivity*(1-q), failureLoss = sensitivity*q (all affine).
 * `rename` swaps every id and name for hostile ones, to test escaping.
 */
import type { Report } from '../../src/analysis/report.js';
import type { Model } from '../../src/model/schema.js';

/** Base id -> the id and name used in the fixture. */
export type Naming = Readonly<
  Record<'ops' | 'sales' | 'alice' | 'bob' | 'shop' | 'sup', { id: string; name: string }>
>;

/** Plain, readable ids and names. */
export const PLAIN: Naming = {
  ops: { id: 'ops', name: 'Operations' },
  sales: { id: 'sales', name: 'Sales' },
  alice: { id: 'alice', name: 'Alice' },
  bob: { id: 'bob', name: 'Bob' },
  shop: { id: 'shop', name: 'Shoppers' },
  sup: { id: 'sup', name: 'Supplier Ltd' },
};

/** Ids and names an attacker or an unlucky spreadsheet might produce. */
export const HOSTILE: Naming = {
  ops: { id: 'ops dept "A"', name: '<img src=x onerror=alert(1)>' },
  sales: { id: '__proto__', name: '</script><script>alert(1)</script>' },
  alice: { id: 'constructor', name: 'Ünïcødé 東京 & "quotes" \\N #35; `tick`' },
  bob: { id: "bob's; drop", name: '{{x}} ]] --> [x] |pipe| end' },
  shop: { id: 'shop<1>', name: 'Shop]\n"click" javascript:alert(1)' },
  sup: { id: 'sup&co', name: "Sup' onmouseover='alert(1)" },
};

/** The model and its hand-built report. */
export function tinyFixture(n: Naming = PLAIN): { model: Model; report: Report } {
  const h = (from: keyof Naming, to: keyof Naming) => ({
    id: `${n[from].id}->${n[to].id}`,
    from: n[from].id,
    to: n[to].id,
  });
  const model: Model = {
    version: 1,
    name: 'Tiny & <Co>',
    departments: [
      { id: n.ops.id, name: n.ops.name },
      { id: n.sales.id, name: n.sales.name },
    ],
    employees: [
      { id: n.alice.id, name: n.alice.name, department: n.ops.id },
      { id: n.bob.id, name: n.bob.name, department: n.ops.id },
    ],
    customers: [
      { id: n.shop.id, name: n.shop.name, segment: 'end-user', value: 10 },
      { id: n.sup.id, name: n.sup.name, segment: 'supplier', value: 0 },
    ],
    handoffs: [
      { from: n.alice.id, to: n.bob.id, quality: 0.6 },
      { from: n.bob.id, to: n.sales.id, quality: 0.9 },
      { from: n.sales.id, to: n.shop.id, quality: 0.8 },
      { from: n.alice.id, to: n.sup.id, quality: 1 },
    ],
  };
  const impact = (
    sensitivity: number,
    fixGain: number,
    failureLoss: number,
    weakestFor: string[] = [],
  ) => ({
    sensitivity,
    fixGain,
    failureLoss,
    weakestFor,
  });
  const actor = (
    key: 'ops' | 'sales' | 'alice' | 'bob',
    kind: 'department' | 'employee',
    service: number,
    chainStrength: number,
    sensitivity: number,
    reached: number,
    hops: number | null,
  ) => ({
    id: n[key].id,
    name: n[key].name,
    kind,
    service,
    chainStrength,
    customersReached: reached,
    handoffsToCustomer: hops,
    ...impact(sensitivity, 0, sensitivity),
  });
  const report: Report = {
    model: { name: 'Tiny & <Co>', actors: 4, customers: 2, handoffs: 4 },
    score: 0.432,
    customers: [
      {
        id: n.shop.id,
        name: n.shop.name,
        segment: 'end-user',
        value: 10,
        service: 0.432,
        chainStrength: 0.6,
        weakestLink: { type: 'handoff', ...h('alice', 'bob') },
        chain: [
          h('alice', 'bob').id,
          n.bob.id,
          h('bob', 'sales').id,
          n.sales.id,
          h('sales', 'shop').id,
          n.shop.id,
        ],
      },
      {
        id: n.sup.id,
        name: n.sup.name,
        segment: 'supplier',
        value: 0,
        service: 1,
        chainStrength: 1,
        weakestLink: null,
        chain: [],
      },
    ],
    actors: [
      actor('ops', 'department', 1, 1, 0, 0, null),
      actor('sales', 'department', 0.54, 0.6, 0.432, 1, 1),
      actor('alice', 'employee', 1, 1, 0.432, 2, 1),
      actor('bob', 'employee', 0.6, 0.6, 0.432, 1, 2),
    ],
    handoffs: [
      {
        ...h('alice', 'bob'),
        quality: 0.6,
        received: 0.6,
        ...impact(0.72, 0.288, 0.432, [n.shop.id]),
      },
      { ...h('bob', 'sales'), quality: 0.9, received: 0.54, ...impact(0.48, 0.048, 0.432) },
      { ...h('sales', 'shop'), quality: 0.8, received: 0.432, ...impact(0.54, 0.108, 0.432) },
      { ...h('alice', 'sup'), quality: 1, received: 1, ...impact(0, 0, 0) },
    ],
    cycles: [],
    warnings: [
      { code: 'actor_isolated', path: 'departments[0]', message: `${n.ops.name} has no hand-offs` },
    ],
    rankings: {
      overall: { sensitivity: [], fixGain: [], failureLoss: [] },
      byCustomer: [],
    },
  };
  return { model, report };
}
