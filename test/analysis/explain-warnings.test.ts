/** Warnings that explain the model: closed_loop, weakest_link_damped, removal_raises_score. */
import { describe, expect, it } from 'vitest';
import { analyze, whatIf } from '../../src/index.js';
import type { Model } from '../../src/model/schema.js';

/** A manager and an employee who serve each other (0.9, 0.95); the employee serves the callers. */
function loop(extra: Partial<Model> = {}): Model {
  return {
    version: 1,
    employees: [
      { id: 'manager', name: 'Mo' },
      { id: 'agent', name: 'Ann', manager: 'manager' },
    ],
    customers: [{ id: 'callers', name: 'Callers' }],
    handoffs: [
      { from: 'manager', to: 'agent', quality: 0.9 },
      { from: 'agent', to: 'manager', quality: 0.95 },
      { from: 'agent', to: 'callers' },
    ],
    ...extra,
  };
}

const codes = (model: Model) => analyze(model).warnings.map((w) => w.code);

describe('closed_loop', () => {
  it('a loop with no outside input goes to 0, and the warning names its members', () => {
    const report = analyze(loop());
    // s_agent = 0.9 s_manager, s_manager = 0.95 s_agent: the greatest fixed point is 0.
    expect(report.score).toBeLessThan(1e-9);
    const warning = report.warnings.find((w) => w.code === 'closed_loop');
    expect(warning?.path).toBe('employees[0]');
    expect(warning?.message).toMatch(/^Mo and Ann only serve each other: no hand-off comes into/);
  });

  it('links that cannot move S are not ranked: the residues of the loop are not top links', () => {
    const report = analyze(loop());
    expect(report.rankings.overall.fixGain).toEqual([]);
    expect(report.headline?.fixFirst).toBeNull();
  });

  it('does not warn when something comes into the loop from outside', () => {
    const fed = loop({
      departments: [{ id: 'planning' }],
      handoffs: [...loop().handoffs!, { from: 'planning', to: 'manager', quality: 0.8 }],
    });
    expect(codes(fed)).not.toContain('closed_loop');
  });

  it('does not warn when a member catches poor input: the loop then settles above 0', () => {
    const employees = [
      { id: 'manager', name: 'Mo', dependence: 0.5 },
      { id: 'agent', name: 'Ann', manager: 'manager' },
    ];
    const report = analyze(loop({ employees }));
    // s_m = 1 - 0.5 (1 - 0.95 s_a), s_a = 0.9 s_m: s_m = 0.5 / (1 - 0.4275) = 0.8734.
    expect(report.score).toBeCloseTo(0.9 * (0.5 / (1 - 0.5 * 0.95 * 0.9)), 9);
    expect(codes(loop({ employees }))).not.toContain('closed_loop');
  });
});

describe('weakest_link_damped', () => {
  /** a -> b (0.5) into b (performance 0.7, dependence 0.1), b -> customers. */
  const damped: Model = {
    version: 1,
    departments: [
      { id: 'a', name: 'Lab' },
      { id: 'b', name: 'Ward', performance: 0.7, dependence: 0.1 },
    ],
    customers: [{ id: 'c', name: 'Patients' }],
    handoffs: [
      { from: 'a', to: 'b', quality: 0.5 },
      { from: 'b', to: 'c' },
    ],
  };

  it('the weakest link caps at 0.5 but gains 0.035; the ward gains 0.285: warned, with the reason', () => {
    const report = analyze(damped);
    // s_b = 0.7 (1 - 0.1 x 0.5) = 0.665; a->b fixed: 0.7; b fixed: 0.95.
    expect(report.score).toBeCloseTo(0.665, 12);
    expect(report.headline?.fixFirst).toMatchObject({ link: { type: 'actor', id: 'b' } });
    expect(report.headline?.fixFirst?.gain).toBeCloseTo(0.285, 12);
    const cap = report.headline?.caps[0];
    expect(cap).toMatchObject({ strength: 0.5, customers: ['c'], rank: 2 });
    expect(cap?.gain).toBeCloseTo(0.035, 12);
    expect(cap?.damping).toEqual([{ kind: 'dependence', actor: 'b', dependence: 0.1 }]);
    const warning = report.warnings.find((w) => w.code === 'weakest_link_damped');
    expect(warning?.path).toBe('handoffs[0]');
    expect(warning?.message).toBe(
      'Lab -> Ward is the weakest link behind Patients (it cannot receive more than 0.500 through it), yet fixing it raises S by only 0.035 against 0.285 for the best fix: Ward catches part of a poor input (dependence 0.1: only that share of a shortfall shows in its work)',
    );
  });

  it('is not given when the weakest link is also the best fix', () => {
    const full = { ...damped, departments: [{ id: 'a' }, { id: 'b', performance: 0.7 }] };
    // s_b = 0.7 x 0.5 = 0.35: a->b fixed gains 0.35, b fixed gains 0.15.
    expect(analyze(full).headline?.caps[0]?.rank).toBe(1);
    expect(codes(full)).not.toContain('weakest_link_damped');
  });
});

describe('removal_raises_score', () => {
  const rota: Model = {
    version: 1,
    departments: [
      { id: 'planning', name: 'Planning' },
      { id: 'ward', name: 'Ward' },
    ],
    customers: [{ id: 'patients', name: 'Patients' }],
    handoffs: [
      { id: 'rota', from: 'planning', to: 'ward', quality: 0.5 },
      { from: 'ward', to: 'patients', quality: 0.9 },
      { from: 'planning', to: 'patients', quality: 0.9 },
    ],
  };

  it('removing a poor rota lifts S from 0.675 to 0.9, and says why', () => {
    const result = whatIf(rota, { changes: [{ remove: { handoff: 'rota' } }] });
    // Before: ward 0.5, patients (0.45 + 0.9) / 2 = 0.675. After: ward has no input, 1: 0.9.
    expect(result.score.before).toBeCloseTo(0.675, 12);
    expect(result.score.after).toBeCloseTo(0.9, 12);
    const warning = result.warnings.find((w) => w.code === 'removal_raises_score');
    expect(warning?.message).toMatch(
      /^removing the hand-off Planning -> Ward raises S from 0.675 to 0.900/,
    );
  });

  it('says nothing when a removal lowers S', () => {
    const result = whatIf(rota, { changes: [{ remove: { handoff: 'planning->patients' } }] });
    expect(result.warnings.map((w) => w.code)).not.toContain('removal_raises_score');
  });
});
