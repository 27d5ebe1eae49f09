/**
 * The explorer's figures, computed by the library's own engine on the compiled chain: the model
 * is compiled once when the page opens; each scenario's set values are applied to a copy of the
 * value arrays and only what lies downstream is re-evaluated (docs/model.md, "What-if scenarios
 * and plans"). Added hand-offs change the structure, so, as `whatIf` does, the model with them is
 * compiled and propagated in full (once per set of additions; the values are then set on it).
 * So the page shows exactly what `whatIf` computes. Pure: no DOM.
 */
import { compileModel } from '../../../engine/compile.js';
import { applyChanges, reevaluate, reevaluateStrength } from '../../../engine/incremental.js';
import { propagate } from '../../../engine/propagate.js';
import { chainStrength } from '../../../engine/strength.js';
import {
  type ChainChange,
  type CompiledChain,
  type EngineOptions,
  type Evaluation,
  KIND_CUSTOMER,
} from '../../../engine/types.js';
import { weakestLink } from '../../../engine/weakest-link.js';
import type { ExplorerData } from '../explorer-data.js';
import type { AddedHandoff, Scenario, SetValue } from './scenario.js';

/** One customer's figures in a state of the scenario. */
export interface CustomerFigures {
  readonly id: string;
  /** s_c; null for a customer no hand-off reaches (it is not scored). */
  readonly service: number | null;
  readonly strength: number;
  /** The weakest link as a link number (-1: none), and the walk's nodes, link first. */
  readonly weakest: number;
  readonly path: readonly number[];
}

/** The figures of one state: S, every customer's, the nodes' service, and the chain they are of. */
export interface Figures {
  readonly score: number | null;
  readonly customers: readonly CustomerFigures[];
  readonly service: Float64Array;
  /** The chain evaluated: the page's own, or with the added hand-offs after the model's. */
  readonly chain: CompiledChain;
}

/** The compiled model, its figures as given, and how to evaluate a scenario on it. */
export interface ExplorerEngine {
  readonly chain: CompiledChain;
  readonly before: Figures;
  /** The value a control has in the model as given. */
  valueOf(setting: Pick<SetValue, 'type' | 'id' | 'field'>): number | null;
  /** Whether a hand-off from `from` to `to` may be added: an actor, another node, no such id yet. */
  canAdd(from: string, to: string): boolean;
  /** The figures with the scenario's values set and hand-offs added. */
  evaluate(scenario: Scenario): Figures;
}

/** Compiles the page's model once and evaluates scenarios on it. */
export function createExplorerEngine(data: ExplorerData): ExplorerEngine {
  const chain = compileModel(data.model);
  const options: EngineOptions = { tolerance: data.tolerance, maxIterations: data.maxIterations };
  const evaluation = propagate(chain, options);
  const strength = chainStrength(chain);
  const before = figures(chain, evaluation, strength);
  let added: { key: string; chain: CompiledChain } | null = null;
  // The model with these hand-offs added, compiled (kept while the additions stay the same).
  const withAdded = (adds: readonly AddedHandoff[]): CompiledChain => {
    const key = JSON.stringify(adds.map((a) => [a.from, a.to, a.value]));
    if (added?.key !== key) {
      const handoffs = [
        ...(data.model.handoffs ?? []),
        ...adds.map((a) => ({ from: a.from, to: a.to, quality: a.value })),
      ];
      added = { key, chain: compileModel({ ...data.model, handoffs }) };
    }
    return added.chain;
  };
  return {
    chain,
    before,
    valueOf: (setting) => {
      const change = chainChange(chain, { ...setting, value: 0 });
      if (change === null) return null;
      return 'handoff' in change
        ? chain[change.field][change.handoff]!
        : chain[change.field][change.node]!;
    },
    canAdd: (from, to) => {
      const source = chain.nodeIndex.get(from);
      return (
        source !== undefined &&
        source < chain.actorCount &&
        chain.nodeIndex.has(to) &&
        from !== to &&
        !chain.handoffIndex.has(`${from}->${to}`)
      );
    },
    evaluate: (scenario) => {
      const sets: SetValue[] = [];
      const adds: AddedHandoff[] = [];
      for (const change of scenario.values())
        if (change.type === 'add') adds.push(change);
        else sets.push(change);
      if (adds.length === 0 && sets.length === 0) return before;
      const base = adds.length === 0 ? chain : withAdded(adds);
      const changes: ChainChange[] = [];
      for (const setting of sets) {
        const change = chainChange(base, setting);
        if (change !== null) changes.push(change);
      }
      const next = applyChanges(base, changes);
      if (adds.length > 0)
        return figures(next.chain, propagate(next.chain, options), chainStrength(next.chain));
      const after = reevaluate(next.chain, evaluation, next.changedNodes, options);
      const strengthAfter = reevaluateStrength(next.chain, strength, next.changedNodes);
      return figures(next.chain, after, strengthAfter);
    },
  };
}

/** The engine's change for a set value; null when the model has no such link. */
function chainChange(chain: CompiledChain, setting: SetValue): ChainChange | null {
  if (setting.type === 'handoff') {
    const handoff = chain.handoffIndex.get(setting.id);
    return handoff === undefined ? null : { handoff, field: 'quality', value: setting.value };
  }
  const node = chain.nodeIndex.get(setting.id);
  if (node === undefined || node >= chain.actorCount || setting.field === 'quality') return null;
  return { node, field: setting.field, value: setting.value };
}

function figures(chain: CompiledChain, evaluation: Evaluation, strength: Float64Array): Figures {
  const customers: CustomerFigures[] = [];
  for (let v = chain.actorCount; v < chain.nodeCount; v++) {
    if (chain.kind[v] !== KIND_CUSTOMER) continue;
    const reached = chain.groupStart[v + 1]! > chain.groupStart[v]!;
    const weakest = weakestLink(chain, strength, v);
    customers.push({
      id: chain.ids[v]!,
      service: reached ? evaluation.service[v]! : null,
      strength: strength[v]!,
      weakest: weakest.link,
      path: weakest.path,
    });
  }
  return { score: evaluation.score, customers, service: evaluation.service, chain };
}
