/**
 * The explorer's figures, computed by the library's own engine on the compiled chain: the model
 * is compiled once when the page opens; each scenario is applied to a copy of the value arrays
 * and only what lies downstream is re-evaluated (docs/model.md, "What-if scenarios and plans"),
 * so the page shows exactly what `whatIf` computes. Pure: no DOM.
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
import type { Scenario, SetValue } from './scenario.js';

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

/** The figures of one state: S, every customer's, and the nodes' service. */
export interface Figures {
  readonly score: number | null;
  readonly customers: readonly CustomerFigures[];
  readonly service: Float64Array;
}

/** The compiled model, its figures as given, and how to evaluate a scenario on it. */
export interface ExplorerEngine {
  readonly chain: CompiledChain;
  readonly before: Figures;
  /** The value a control has in the model as given. */
  valueOf(setting: Pick<SetValue, 'type' | 'id' | 'field'>): number | null;
  /** The figures with the scenario's values set. */
  evaluate(scenario: Scenario): Figures;
}

/** Compiles the page's model once and evaluates scenarios on it. */
export function createExplorerEngine(data: ExplorerData): ExplorerEngine {
  const chain = compileModel(data.model);
  const options: EngineOptions = { tolerance: data.tolerance, maxIterations: data.maxIterations };
  const evaluation = propagate(chain, options);
  const strength = chainStrength(chain);
  const before = figures(chain, evaluation, strength);
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
    evaluate: (scenario) => {
      const changes: ChainChange[] = [];
      for (const setting of scenario.values()) {
        const change = chainChange(chain, setting);
        if (change !== null) changes.push(change);
      }
      if (changes.length === 0) return before;
      const next = applyChanges(chain, changes);
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
  return { score: evaluation.score, customers, service: evaluation.service };
}
