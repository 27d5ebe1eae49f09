/**
 * Incremental re-evaluation for what-if (docs/model.md, "What-if scenarios and plans"): after some fields change, only the
 * components downstream of the changed nodes are re-evaluated, in topological order, stopping
 * wherever a value comes out exactly unchanged. Each component is evaluated by the same code as a
 * full propagation (cycles again from s = 1), so the result equals a full recompute bit for bit.
 */
import { createComponentQueue } from './component-queue.js';
import { evaluateComponent, organisationScore } from './propagate.js';
import { createStrengthScratch, strengthOfComponent } from './strength.js';
import {
  type ChainChange,
  type CompiledChain,
  ENGINE_DEFAULTS,
  type EngineOptions,
  type Evaluation,
} from './types.js';

/** The value arrays a change can set (combine included). */
type ValueField =
  | 'quality'
  | 'weight'
  | 'performance'
  | 'welfare'
  | 'effectivePerformance'
  | 'dependence'
  | 'combine';

/**
 * A new chain with the changes applied (structure shared; the input chain is untouched) and the
 * nodes whose own formula changed (the receivers of changed hand-offs, the changed actors), for
 * `reevaluate` and `reevaluateStrength`. Only the value arrays a change sets are copied (and the
 * effective performance with performance or welfare); the others are shared, so a one-link what-if
 * on a million links copies one array, not seven. Values are taken as given: the caller validates
 * them (shares in [0, 1], weight > 0, combine a COMBINE_* code).
 */
export function applyChanges(
  chain: CompiledChain,
  changes: readonly ChainChange[],
): { chain: CompiledChain; changedNodes: Int32Array } {
  const copies: Partial<Record<ValueField, Float64Array | Uint8Array>> = {};
  const own = (field: ValueField) => {
    let array = copies[field];
    if (array === undefined) {
      array = chain[field].slice();
      copies[field] = array;
    }
    return array;
  };
  const changedNodes = new Int32Array(changes.length);
  changes.forEach((change, i) => {
    if ('handoff' in change) {
      own(change.field)[change.handoff] = change.value;
      changedNodes[i] = chain.to[change.handoff]!;
      return;
    }
    const v = change.node;
    own(change.field)[v] = change.value;
    const performance = copies.performance ?? chain.performance;
    const welfare = copies.welfare ?? chain.welfare;
    own('effectivePerformance')[v] = performance[v]! * welfare[v]!;
    changedNodes[i] = v;
  });
  // Copy by descriptors, not by spread: the lazy hand-off ids stay lazy (and shared).
  const next = Object.assign(
    Object.defineProperties({}, Object.getOwnPropertyDescriptors(chain)),
    copies,
  ) as CompiledChain;
  return { chain: next, changedNodes };
}

/** The evaluation of `chain` given `previous` (of the chain before the changes): equal to `propagate(chain)`. */
export function reevaluate(
  chain: CompiledChain,
  previous: Evaluation,
  changedNodes: ArrayLike<number>,
  options: EngineOptions = ENGINE_DEFAULTS,
): Evaluation {
  const service = Float64Array.from(previous.service);
  const input = Float64Array.from(previous.input);
  const iterations = Int32Array.from(previous.iterations);
  const converged = Uint8Array.from(previous.converged);
  downstream(chain, service, changedNodes, (k) =>
    evaluateComponent(chain, service, input, iterations, converged, k, options),
  );
  return { service, input, score: organisationScore(chain, service), iterations, converged };
}

/** Chain strengths of `chain` given the previous ones: equal to `chainStrength(chain)`. */
export function reevaluateStrength(
  chain: CompiledChain,
  previous: Float64Array,
  changedNodes: ArrayLike<number>,
): Float64Array {
  const strength = Float64Array.from(previous);
  const scratch = createStrengthScratch(chain);
  downstream(chain, strength, changedNodes, (k) =>
    strengthOfComponent(chain, strength, k, scratch),
  );
  return strength;
}

/**
 * Visits the components of the changed nodes and, in topological order, every component fed by a
 * node whose value changed. `evaluate(k)` recomputes component k in `values`.
 */
function downstream(
  chain: CompiledChain,
  values: Float64Array,
  changedNodes: ArrayLike<number>,
  evaluate: (k: number) => void,
): void {
  const { componentOf, start, nodes } = chain.components;
  const { outStart, outEdges, to } = chain;
  const queue = createComponentQueue(chain.components.count);
  for (let i = 0; i < changedNodes.length; i++) queue.push(componentOf[changedNodes[i]!]!);
  const before: number[] = [];
  for (let k = queue.pop(); k !== -1; k = queue.pop()) {
    before.length = 0;
    for (let n = start[k]!; n < start[k + 1]!; n++) before.push(values[nodes[n]!]!);
    evaluate(k);
    for (let n = start[k]!; n < start[k + 1]!; n++) {
      const v = nodes[n]!;
      if (values[v] === before[n - start[k]!]) continue;
      for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
        const w = componentOf[to[outEdges[i]!]!]!;
        if (w !== k) queue.push(w);
      }
    }
  }
}
