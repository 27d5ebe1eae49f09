/**
 * The department view: a report rolled up along the department tree (docs/model.md, "Notation",
 * `department`/`parent`). Actors map to a department; hand-offs between departments aggregate.
 */
import { z } from 'zod';
import { ACTOR_DEFAULTS, HANDOFF_DEFAULTS, handoffId } from '../model/defaults.js';
import { pointValue } from '../model/estimates.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import type { Department, Model } from '../model/schema.js';
import type { Report } from './report.js';
import { departmentImpacts } from './roll-up-impact.js';

/**
 * Where actors are rolled up, the one meaning of `--level` in every command: `department` = each
 * actor's own department, N = the department at depth N of the tree (1 = top level).
 */
export type RollUpLevel = 'department' | number;

/** A RollUpLevel, validated: `department` or a positive integer. */
export const RollUpLevelSchema = z.union([z.literal('department'), z.number().int().min(1)]);

/** Options of rollUp. */
export const RollUpOptionsSchema = z.strictObject({
  /** `department` (as absent): each actor's own department; N: depth N (1 = top-level departments). */
  level: RollUpLevelSchema.optional(),
});

/** Options of rollUp. @useDeclaredType */
export type RollUpOptions = z.input<typeof RollUpOptionsSchema>;

/** Defaults of RollUpOptions: none, since no `level` means each actor's own department. */
export const ROLL_UP_DEFAULTS: DefaultsOf<Omit<RollUpOptions, 'level'>> = {};

/** The weakest link inside a department: one of its actors or a hand-off between two of them. */
export type InternalLink =
  | { readonly type: 'actor'; readonly id: string; readonly strength: number }
  | {
      readonly type: 'handoff';
      readonly id: string;
      readonly from: string;
      readonly to: string;
      readonly strength: number;
    };

/** One unit of the department view. */
export interface DepartmentView {
  readonly id: string;
  readonly name: string;
  /** `employee` for an employee with no department: it stands for itself. */
  readonly kind: 'department' | 'employee';
  /** Actor ids mapped to this unit, in declaration order. */
  readonly members: readonly string[];
  /**
   * Service delivered: members' s weighted by the weights of their hand-offs that leave the unit;
   * the plain mean of the members' s when no hand-off leaves it.
   */
  readonly service: number;
  /** Lowest-strength member actor or internal hand-off; null when nothing is below 1. */
  readonly weakestLink: InternalLink | null;
  /**
   * The unit's links together: its member actors and the hand-offs between two members. The
   * sensitivity is the rate S rises when all of them rise together (the sum of their own; null
   * where S is null or any of theirs is); fixGain and failureLoss are exact recomputations with
   * all of them set to 1, or to 0, at once (roll-up-impact.ts): never above S.
   */
  readonly sensitivity: number | null;
  readonly fixGain: number | null;
  readonly failureLoss: number | null;
}

/** Hand-offs between two units (or a unit and a customer), aggregated. */
export interface DepartmentHandoff {
  readonly from: string;
  readonly to: string;
  /** Weight-weighted mean quality. */
  readonly quality: number;
  /** Summed weight. */
  readonly weight: number;
  /** Ids of the hand-offs aggregated, in declaration order. */
  readonly handoffs: readonly string[];
}

/** The whole department view. */
export interface RollUp {
  /** The depth used; null for each actor's own department. */
  readonly level: number | null;
  readonly score: number | null;
  readonly departments: readonly DepartmentView[];
  /** In order of their first hand-off's declaration. */
  readonly handoffs: readonly DepartmentHandoff[];
}

/** The unit each department stands in at `level` (itself when shallower or when no level). */
function departmentUnits(
  departments: readonly Department[],
  level: number | undefined,
): Map<string, string> {
  const parent = new Map(departments.map((d) => [d.id, d.parent]));
  const units = new Map<string, string>();
  for (const department of departments) {
    const chain: string[] = [];
    for (let id: string | undefined = department.id; id !== undefined; id = parent.get(id))
      chain.unshift(id);
    units.set(
      department.id,
      level === undefined ? department.id : chain[Math.min(level, chain.length) - 1]!,
    );
  }
  return units;
}

/** Unit of every actor: departments by the tree, employees via their department or as themselves. */
function actorUnits(model: Model, level: number | undefined): Map<string, string> {
  const departments = departmentUnits(model.departments ?? [], level);
  const units = new Map(departments);
  for (const employee of model.employees ?? [])
    units.set(
      employee.id,
      employee.department === undefined ? employee.id : departments.get(employee.department)!,
    );
  return units;
}

/** Sum of a figure over members; null if any is null. */
function sumOf(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** Rolls a report up to departments at `level` (1 = top-level; absent: each actor's own department). */
export function rollUp(report: Report, model: Model, options: RollUpOptions = {}): RollUp {
  const resolved = resolveOptions(RollUpOptionsSchema, ROLL_UP_DEFAULTS, options).level;
  const level = resolved === 'department' ? undefined : resolved;
  const units = actorUnits(model, level);
  const unitOf = (id: string) => units.get(id) ?? id;
  const actors = new Map(report.actors.map((actor) => [actor.id, actor]));
  const nodes = [...(model.departments ?? []), ...(model.employees ?? [])];
  const strength = new Map(
    nodes.map((node) => [
      node.id,
      (pointValue(node.performance) ?? ACTOR_DEFAULTS.performance) *
        (pointValue(node.welfare) ?? ACTOR_DEFAULTS.welfare),
    ]),
  );
  const weights = new Map(
    (model.handoffs ?? []).map((h) => [handoffId(h), h.weight ?? HANDOFF_DEFAULTS.weight]),
  );
  const weightOf = (id: string) => weights.get(id) ?? HANDOFF_DEFAULTS.weight;
  const departmentIds = new Set((model.departments ?? []).map((d) => d.id));
  const impacts = departmentImpacts(model, unitOf);
  const members = new Map<string, string[]>();
  for (const node of nodes) {
    const unit = unitOf(node.id);
    members.set(unit, [...(members.get(unit) ?? []), node.id]);
  }
  const views: DepartmentView[] = [];
  for (const node of nodes) {
    const list = members.get(node.id);
    if (list === undefined) continue;
    const kind = departmentIds.has(node.id) ? 'department' : 'employee';
    const inUnit = new Set(list);
    const leaving = report.handoffs.filter((h) => inUnit.has(h.from) && !inUnit.has(h.to));
    const service = deliveredService(list, leaving, actors, weightOf);
    const internal = report.handoffs.filter((h) => inUnit.has(h.from) && inUnit.has(h.to));
    const candidates: InternalLink[] = [
      ...list.map((id) => ({ type: 'actor' as const, id, strength: strength.get(id)! })),
      ...internal.map((h) => ({
        type: 'handoff' as const,
        id: h.id,
        from: h.from,
        to: h.to,
        strength: h.quality,
      })),
    ];
    const weakest = candidates.reduce<InternalLink | null>(
      (best, link) => (link.strength < (best?.strength ?? 1) ? link : best),
      null,
    );
    const sensitivity =
      report.score === null
        ? null
        : sumOf([
            ...list.map((id) => actors.get(id)?.sensitivity ?? null),
            ...internal.map((h) => h.sensitivity),
          ]);
    const impact = impacts.get(node.id);
    views.push({
      id: node.id,
      name: node.name ?? node.id,
      kind,
      members: list,
      service,
      weakestLink: weakest,
      sensitivity,
      fixGain: report.score === null ? null : (impact?.fixGain ?? null),
      failureLoss: report.score === null ? null : (impact?.failureLoss ?? null),
    });
  }
  return {
    level: level ?? null,
    score: report.score,
    departments: views,
    handoffs: aggregateHandoffs(report, unitOf, weightOf),
  };
}

/** Members' service weighted by their leaving hand-offs' weights (plain mean when none leaves). */
function deliveredService(
  members: readonly string[],
  leaving: readonly { from: string; id: string }[],
  actors: ReadonlyMap<string, { service: number }>,
  weightOf: (id: string) => number,
): number {
  const service = (id: string) => actors.get(id)?.service ?? 1;
  if (leaving.length === 0)
    return members.reduce((sum, id) => sum + service(id), 0) / members.length;
  let weighted = 0;
  let total = 0;
  for (const handoff of leaving) {
    const weight = weightOf(handoff.id);
    weighted += weight * service(handoff.from);
    total += weight;
  }
  return weighted / total;
}

/** Hand-offs between different units, grouped by (unit from, unit to). */
function aggregateHandoffs(
  report: Report,
  unitOf: (id: string) => string,
  weightOf: (id: string) => number,
): DepartmentHandoff[] {
  const groups = new Map<
    string,
    { from: string; to: string; sum: number; weight: number; ids: string[] }
  >();
  for (const handoff of report.handoffs) {
    const from = unitOf(handoff.from);
    const to = unitOf(handoff.to);
    if (from === to) continue;
    const key = JSON.stringify([from, to]);
    const weight = weightOf(handoff.id);
    const group = groups.get(key) ?? { from, to, sum: 0, weight: 0, ids: [] };
    group.sum += weight * handoff.quality;
    group.weight += weight;
    group.ids.push(handoff.id);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    from: g.from,
    to: g.to,
    quality: g.sum / g.weight,
    weight: g.weight,
    handoffs: g.ids,
  }));
}
