/** rollUp: the department view of a report, on a hand-built model with hand-computed figures. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

// s: ops 1, wh 0.9, disp 0.72, e1 0.5, sales 0.8 x (0.3 + 0.45) / 2 = 0.3,
// cust (2 x 0.648 + 1 x 0.3) / 3 = 0.532 = S.
const model: Model = validateModel({
  version: 1,
  departments: [
    { id: 'ops' },
    { id: 'wh', parent: 'ops', performance: 0.9 },
    { id: 'disp', parent: 'ops' },
    { id: 'sales', performance: 0.8 },
  ],
  employees: [{ id: 'e1', department: 'sales', performance: 0.5 }],
  customers: [{ id: 'cust' }],
  handoffs: [
    { from: 'wh', to: 'disp', quality: 0.8 },
    { from: 'disp', to: 'cust', quality: 0.9, weight: 2 },
    { from: 'sales', to: 'cust', quality: 1 },
    { from: 'e1', to: 'sales', quality: 0.6 },
    { from: 'wh', to: 'sales', quality: 0.5 },
  ],
}).model;
const report = analyze(model);

describe('rollUp: bad input first', () => {
  it('rejects a level below 1 and unknown options', () => {
    expect(() => rollUp(report, model, { level: 0 })).toThrow(ServiceChainError);
    expect(() => rollUp(report, model, { levl: 1 } as never)).toThrow(ServiceChainError);
  });
});

describe('rollUp at level 1 (top-level departments)', () => {
  const view = rollUp(report, model, { level: 1 });

  it('maps departments to their top-level ancestor and employees via their department', () => {
    expect(view.level).toBe(1);
    expect(view.score).toBeCloseTo(0.532, 12);
    expect(view.departments.map((d) => [d.id, d.members])).toEqual([
      ['ops', ['ops', 'wh', 'disp']],
      ['sales', ['sales', 'e1']],
    ]);
  });

  it("weights each department's delivered service by its leaving hand-offs", () => {
    // ops: wh->sales (w 1, s 0.9) and disp->cust (w 2, s 0.72): (0.9 + 1.44) / 3 = 0.78
    expect(view.departments[0]!.service).toBeCloseTo(0.78, 12);
    // sales: sales->cust only (s 0.3)
    expect(view.departments[1]!.service).toBeCloseTo(0.3, 12);
  });

  it('finds the weakest internal link: a member actor or a hand-off between members', () => {
    expect(view.departments[0]!.weakestLink).toEqual({
      type: 'handoff',
      id: 'wh->disp',
      from: 'wh',
      to: 'disp',
      strength: 0.8,
    });
    expect(view.departments[1]!.weakestLink).toEqual({ type: 'actor', id: 'e1', strength: 0.5 });
  });

  it('recomputes a department with all its links fixed, or failed, together: never above S', () => {
    // sales: sales, e1 and e1->sales := 1: s_sales = (1 + 0.45) / 2 = 0.725,
    // S = (1.296 + 0.725) / 3 = 0.67367 (+0.14167, more than e1 0.04 + sales 0.025 apart).
    expect(view.departments[1]!.fixGain).toBeCloseTo(0.425 / 3, 12);
    // ... := 0: s_sales = 0, S = 1.296 / 3 = 0.432 (-0.1).
    expect(view.departments[1]!.failureLoss).toBeCloseTo(0.1, 12);
    // ops: ops, wh, disp and wh->disp := 1: s_disp = 1, s_sales = 0.8 x (0.3 + 0.5) / 2 = 0.32,
    // S = (1.8 + 0.32) / 3 = 0.70667 (+0.17467); := 0: s_sales = 0.12, S = 0.04 (-0.492 < S).
    expect(view.departments[0]!.fixGain).toBeCloseTo(0.524 / 3, 12);
    expect(view.departments[0]!.failureLoss).toBeCloseTo(0.492, 12);
    // The rate S rises at when all its links rise together: members' and wh->disp's.
    const members = report.actors.filter((a) => ['ops', 'wh', 'disp'].includes(a.id));
    const inside = report.handoffs.find((h) => h.id === 'wh->disp')!;
    expect(view.departments[0]!.sensitivity).toBeCloseTo(
      members.reduce((s, a) => s + a.sensitivity!, inside.sensitivity!),
      12,
    );
  });

  it('aggregates hand-offs between departments: weight-weighted quality, summed weight', () => {
    expect(view.handoffs).toEqual([
      { from: 'ops', to: 'cust', quality: 0.9, weight: 2, handoffs: ['disp->cust'] },
      { from: 'sales', to: 'cust', quality: 1, weight: 1, handoffs: ['sales->cust'] },
      { from: 'ops', to: 'sales', quality: 0.5, weight: 1, handoffs: ['wh->sales'] },
    ]);
  });
});

describe('rollUp by default: each actor’s own department', () => {
  const view = rollUp(report, model);

  it('keeps every department, and folds employees into theirs', () => {
    expect(view.level).toBeNull();
    expect(view.departments.map((d) => [d.id, d.members.length])).toEqual([
      ['ops', 1],
      ['wh', 1],
      ['disp', 1],
      ['sales', 2],
    ]);
    // ops has no hand-off: its plain service, and nothing weak inside it.
    expect(view.departments[0]!.service).toBe(1);
    expect(view.departments[0]!.weakestLink).toBeNull();
    // wh: both leaving hand-offs come from wh itself.
    expect(view.departments[1]!.service).toBe(0.9);
  });

  it('aggregates two hand-offs of the same pair of departments into one', () => {
    const merged = validateModel({
      ...model,
      handoffs: [
        ...model.handoffs!,
        { id: 'extra', from: 'wh', to: 'sales', quality: 0.9, weight: 3 },
      ],
    }).model;
    const row = rollUp(analyze(merged), merged, { level: 1 }).handoffs.find(
      (h) => h.to === 'sales',
    )!;
    // (1 x 0.5 + 3 x 0.9) / 4 = 0.8
    expect(row).toEqual({
      from: 'ops',
      to: 'sales',
      quality: expect.closeTo(0.8, 12),
      weight: 4,
      handoffs: ['wh->sales', 'extra'],
    });
  });
});
