/** Warnings of the analysis itself (docs/model.md, "Propagation: service flows down the chain"; docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"): what the engine could not settle. */
import type { CompiledChain, Evaluation, Sensitivity } from '../engine/index.js';
import type { Warning } from '../model/errors.js';
import { linkRef } from './rankings.js';

/** Where a node is declared: `departments[i]`, `employees[i]` or `customers[i]`. */
export function nodePath(chain: CompiledChain, v: number): string {
  if (v < chain.departmentCount) return `departments[${v}]`;
  if (v < chain.actorCount) return `employees[${v - chain.departmentCount}]`;
  return `customers[${v - chain.actorCount}]`;
}

/** Where a link is declared: the actor's entry, or `handoffs[h]`. */
export function linkPath(chain: CompiledChain, link: number): string {
  return link < chain.actorCount ? nodePath(chain, link) : `handoffs[${link - chain.actorCount}]`;
}

/** `no_scored_customers`, `not_converged` (propagation and sensitivity), `infinite_sensitivity`. */
export function engineWarnings(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity | null,
): Warning[] {
  const warnings: Warning[] = [];
  if (evaluation.score === null) {
    warnings.push({
      code: 'no_scored_customers',
      path: 'customers',
      message:
        'no customer receives a hand-off, so the organisation score and every figure defined through it (sensitivity, fixGain, failureLoss) are null',
    });
  }
  const { count, start, nodes, cyclic } = chain.components;
  for (let k = 0; k < count; k++) {
    if (cyclic[k] === 0 || evaluation.converged[k] === 1) continue;
    const first = nodes[start[k]!]!;
    warnings.push({
      code: 'not_converged',
      path: nodePath(chain, first),
      message: `the cycle through ${JSON.stringify(chain.ids[first])} did not converge in ${evaluation.iterations[k]} iterations; its service is an upper bound`,
    });
  }
  if (sensitivity === null) return warnings;
  if (!sensitivity.converged) {
    warnings.push({
      code: 'not_converged',
      path: '',
      message:
        'the sensitivity of a cycle did not converge (its fixed point moves without bound); the sensitivities of the links that feed it are null',
    });
  }
  for (let l = 0; l < chain.linkCount; l++) {
    if (!Number.isNaN(sensitivity.link[l]!)) continue;
    const { type, id } = linkRef(chain, l);
    const what = type === 'actor' ? 'actor' : 'hand-off';
    warnings.push({
      code: 'infinite_sensitivity',
      path: linkPath(chain, l),
      message: `the sensitivity of ${what} ${JSON.stringify(id)} is infinite (a geometric combine downstream receives 0 through it), so it is null`,
    });
  }
  return warnings;
}
