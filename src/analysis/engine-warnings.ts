/** Warnings of the analysis itself (docs/model.md, "Propagation: service flows down the chain"; docs/model.md, "Impact of one link: sensitivity, fix gain, failure loss"): what the engine could not settle. */
import type { CompiledChain, Evaluation, Sensitivity } from '../engine/index.js';
import type { Warning } from '../model/errors.js';
import { negligible } from './rankings.js';
import type { CapReport, Damping, Headline } from './report.js';

/** A node's display name, by node index (analyze's names: the id where no name is given). */
export type NodeNameOf = (v: number) => string;

/** Names in a sentence: `A`, `A and B`, `A, B and C`; past five, `A, B, C, D and 3 others`. */
export function nameSentence(names: readonly string[]): string {
  const shown = names.length > 5 ? [...names.slice(0, 4), `${names.length - 4} others`] : names;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * `closed_loop`: a cycle that no hand-off enters from outside and whose service has gone to 0.
 * With nothing coming in, each member's service is the others' times qualities and performances
 * below 1, and the greatest fixed point of that is 0 (docs/model.md, "Cycles: the greatest fixed point"): correct by the model, but a newcomer modelling "your manager is your customer"
 * needs to be told why.
 */
function closedLoopWarnings(
  chain: CompiledChain,
  evaluation: Evaluation,
  tolerance: number,
  nameOf: NodeNameOf,
): Warning[] {
  const { count, start, nodes, cyclic, componentOf } = chain.components;
  const entered = new Uint8Array(count);
  for (let h = 0; h < chain.handoffCount; h++) {
    const k = componentOf[chain.to[h]!]!;
    if (componentOf[chain.from[h]!] !== k) entered[k] = 1;
  }
  const warnings: Warning[] = [];
  for (let k = 0; k < count; k++) {
    if (cyclic[k] === 0 || entered[k] === 1) continue;
    const members = Array.from(nodes.subarray(start[k]!, start[k + 1]!));
    if (!members.every((v) => negligible(evaluation.service[v]!, tolerance))) continue;
    const names = nameSentence(members.map(nameOf));
    warnings.push({
      code: 'closed_loop',
      path: nodePath(chain, members[0]!),
      message: `${names} only serve each other: no hand-off comes into this loop from outside, so each one's service is what the others pass round, less a little at every turn, and it settles at 0; everything they serve downstream gets 0 from them. Give the loop an input from outside it, or let a member catch poor input (dependence below 1)`,
    });
  }
  return warnings;
}

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

/** What engineWarnings needs beyond the figures: the tolerance and names for the loop warning. */
export interface EngineWarningContext {
  readonly tolerance: number;
  readonly nameOf: NodeNameOf;
}

/**
 * `no_scored_customers`, `not_converged` (propagation and sensitivity), `closed_loop` (with a
 * context), `infinite_sensitivity`.
 */
export function engineWarnings(
  chain: CompiledChain,
  evaluation: Evaluation,
  sensitivity: Sensitivity | null,
  context?: EngineWarningContext,
): Warning[] {
  const warnings: Warning[] = [];
  // Names where the caller has them; the path keeps the id for programs.
  const nameOf: NodeNameOf = context?.nameOf ?? ((v) => chain.ids[v]!);
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
      message: `the cycle through ${JSON.stringify(nameOf(first))} did not converge in ${evaluation.iterations[k]} iterations; its service is an upper bound`,
    });
  }
  if (context !== undefined)
    warnings.push(...closedLoopWarnings(chain, evaluation, context.tolerance, context.nameOf));
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
    const h = l - chain.actorCount;
    const what =
      h < 0
        ? `actor ${JSON.stringify(nameOf(l))}`
        : `hand-off ${JSON.stringify(`${nameOf(chain.from[h]!)} -> ${nameOf(chain.to[h]!)}`)}`;
    warnings.push({
      code: 'infinite_sensitivity',
      path: linkPath(chain, l),
      message: `the sensitivity of ${what} is infinite (a geometric combine downstream receives 0 through it), so it is null`,
    });
  }
  return warnings;
}

/** A weakest link worth at most this share of the fix-first gain is "worth little to fix". */
export const DAMPED_GAIN_SHARE = 0.25;

/** One reason in words: why a poor link there shows less in the customers' service. */
function dampingWords(damping: Damping, name: (nodeId: string) => string): string {
  switch (damping.kind) {
    case 'dependence':
      return `${name(damping.actor)} catches part of a poor input (dependence ${damping.dependence}: only that share of a shortfall shows in its work)`;
    case 'alternative':
      return `${name(damping.receiver)} has a backup for it (another hand-off in the same alternative group)`;
    case 'light':
      return `it carries only ${Math.round(damping.share * 100)}% of the weight of what ${name(damping.receiver)} takes in`;
  }
}

/** The reasons of a weakest link, as one clause. */
export function dampingSentence(
  damping: readonly Damping[],
  name: (nodeId: string) => string,
): string {
  return nameSentence(damping.map((d) => dampingWords(d, name)));
}

/**
 * `weakest_link_damped`: a customer's weakest link (what caps it, docs/model.md, "Chain strength
 * and the weakest link") whose fix gains little, because along its chain a receiver catches poor
 * input, a backup covers it or it weighs little: it caps the customer, but it is not what to fix.
 */
export function dampedWeakestLinkWarnings(
  chain: CompiledChain,
  headline: Headline,
  name: (nodeId: string) => string,
): Warning[] {
  const best = headline.fixFirst;
  if (best === null) return [];
  return headline.caps
    .filter((cap) => isDamped(cap, best.gain))
    .map((cap) => {
      const link = cap.link;
      const what = link.type === 'actor' ? name(link.id) : `${name(link.from)} -> ${name(link.to)}`;
      const path =
        link.type === 'actor'
          ? nodePath(chain, chain.nodeIndex.get(link.id)!)
          : `handoffs[${chain.handoffIndex.get(link.id)!}]`;
      const gain = (cap.gain ?? 0).toFixed(3);
      const cannot = cap.customers.length === 1 ? 'it cannot' : 'none of them can';
      return {
        code: 'weakest_link_damped',
        path,
        message: `${what} is the weakest link behind ${nameSentence(cap.customers.map(name))} (${cannot} receive more than ${cap.strength.toFixed(3)} through it), yet fixing it raises S by only ${gain} against ${best.gain.toFixed(3)} for the best fix: ${dampingSentence(cap.damping, name)}`,
      };
    });
}

/** Whether a cap is damped: some reason along its chain, and little gain beside the best fix. */
function isDamped(cap: CapReport, best: number): boolean {
  return cap.rank !== 1 && cap.damping.length > 0 && (cap.gain ?? 0) <= DAMPED_GAIN_SHARE * best;
}

/** What a scenario removed, by kind and id (a `remove` change's body). */
export type Removal =
  | { readonly handoff: string }
  | { readonly actor: string }
  | { readonly customer: string };

/** A removal in words: `the hand-off Rota desk -> Night nurses`, `Night nurses`. */
function removalWords(
  removal: Removal,
  name: (nodeId: string) => string,
  handoffName: (handoffId: string) => string,
): string {
  if ('handoff' in removal) return `the hand-off ${handoffName(removal.handoff)}`;
  return 'actor' in removal ? name(removal.actor) : name(removal.customer);
}

/**
 * `removal_raises_score`: a scenario that removes something and leaves S higher. Under `mean` an
 * input below its receiver's average pulls the average down, so taking it away lifts it (docs/model.md,
 * "2. The four ways to combine inputs"); right by the model, surprising in a workshop.
 */
export function removalRaisesScore(
  removals: readonly Removal[],
  score: { readonly before: number | null; readonly after: number | null },
  name: (nodeId: string) => string,
  handoffName: (handoffId: string) => string = (id) => JSON.stringify(id),
): Warning[] {
  const { before, after } = score;
  if (removals.length === 0 || before === null || after === null) return [];
  if (after <= before || negligible(after - before)) return [];
  const what = nameSentence(removals.map((r) => removalWords(r, name, handoffName)));
  return [
    {
      code: 'removal_raises_score',
      path: 'changes',
      message: `removing ${what} raises S from ${before.toFixed(3)} to ${after.toFixed(3)}: under the mean combine an input below its receiver's average pulls that average down, so taking it away lifts it, and a receiver left with no input at all delivers its own performance. The removed work still has to be done somewhere; the model only sees that the weaker input no longer counts`,
    },
  ];
}
