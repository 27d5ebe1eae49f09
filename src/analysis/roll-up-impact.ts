/**
 * Exact fix gain and failure loss of a department (docs/model.md, "Impact of one link"): S with ALL
 * of the department's links — its member actors and the hand-offs between two of them — set to 1
 * together, or to 0 together, recomputed downstream of them (the engine's applyChanges and
 * reevaluate, equal bit for bit to a full propagation of the changed model). Gains of single links
 * do not add: two weak links in series gain more together than apart, and a loss is capped by S,
 * so a department's loss never exceeds S however many members it has.
 */
import {
  applyChanges,
  type ChainChange,
  type CompiledChain,
  compileModel,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
  propagate,
  reevaluate,
} from '../engine/index.js';
import type { Model } from '../model/schema.js';

/** A department's exact figures; null when S is null. */
export interface DepartmentImpact {
  readonly fixGain: number | null;
  readonly failureLoss: number | null;
}

/** Links of one unit: member actors (node indices) and internal hand-offs (hand-off indices). */
interface UnitLinks {
  readonly actors: number[];
  readonly handoffs: number[];
}

/** Every unit's member actors and internal hand-offs, from each actor's unit. */
function unitLinks(chain: CompiledChain, unitOf: (id: string) => string): Map<string, UnitLinks> {
  const units = new Map<string, UnitLinks>();
  const of = (unit: string) => {
    const known = units.get(unit);
    if (known !== undefined) return known;
    const links: UnitLinks = { actors: [], handoffs: [] };
    units.set(unit, links);
    return links;
  };
  for (let v = 0; v < chain.actorCount; v++) of(unitOf(chain.ids[v]!)).actors.push(v);
  for (let h = 0; h < chain.handoffCount; h++) {
    const from = chain.from[h]!;
    const to = chain.to[h]!;
    if (to >= chain.actorCount) continue;
    const unit = unitOf(chain.ids[from]!);
    if (unit === unitOf(chain.ids[to]!)) of(unit).handoffs.push(h);
  }
  return units;
}

/** S with every link of the unit set to x (an actor's strength is performance x welfare: x x 1). */
function scoreWithAll(
  chain: CompiledChain,
  evaluation: Evaluation,
  links: UnitLinks,
  x: number,
  options: EngineOptions,
): number | null {
  const changes: ChainChange[] = [];
  for (const v of links.actors) {
    changes.push({ node: v, field: 'performance', value: x });
    changes.push({ node: v, field: 'welfare', value: 1 });
  }
  for (const h of links.handoffs) changes.push({ handoff: h, field: 'quality', value: x });
  const next = applyChanges(chain, changes);
  return reevaluate(next.chain, evaluation, next.changedNodes, options).score;
}

/** A figure as reported: never below 0 (a rounding residue of an unchanged S is 0). */
function nonNegative(x: number): number {
  return Math.max(x, 0);
}

/**
 * The exact fix gain and failure loss of every unit (keyed by unit id), for the units of the
 * actors of `model` as `unitOf` maps them. Two downstream recomputes per unit.
 */
export function departmentImpacts(
  model: Model,
  unitOf: (id: string) => string,
  options: EngineOptions = ENGINE_DEFAULTS,
): Map<string, DepartmentImpact> {
  const chain = compileModel(model);
  const evaluation = propagate(chain, options);
  const impacts = new Map<string, DepartmentImpact>();
  const score = evaluation.score;
  for (const [unit, links] of unitLinks(chain, unitOf)) {
    if (score === null) {
      impacts.set(unit, { fixGain: null, failureLoss: null });
      continue;
    }
    const fixed = scoreWithAll(chain, evaluation, links, 1, options)!;
    const failed = scoreWithAll(chain, evaluation, links, 0, options)!;
    impacts.set(unit, {
      fixGain: nonNegative(fixed - score),
      failureLoss: nonNegative(score - failed),
    });
  }
  return impacts;
}
