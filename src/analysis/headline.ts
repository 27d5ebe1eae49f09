/**
 * The decision a report leads with (docs/model.md, "Warnings that explain the model"): the
 * link to fix first (the largest exact fix gain, overall and per customer) and the weakest links
 * that cap the customers who weigh in S, with the reasons a weakest link can be worth little to
 * fix (a receiver that catches poor input, a backup, a light input). Computed from the report's
 * own figures and the compiled model: no second evaluation.
 */
import type { CompiledChain } from '../engine/index.js';
import { COMBINE_MEAN } from '../engine/index.js';
import type {
  ActorProblem,
  CapReport,
  Damping,
  FixFirst,
  Headline,
  LinkRef,
  Report,
  WeakestLink,
} from './report.js';

/** The report's parts the headline reads (a report without its headline). */
export type HeadlineInput = Pick<
  Report,
  'score' | 'customers' | 'actors' | 'handoffs' | 'rankings'
>;

/** A weight share below this makes an input "light" in what its receiver gets. */
export const LIGHT_INPUT_SHARE = 0.5;

/** Which of performance and welfare keeps an actor's effective performance below 1. */
export function actorProblem(chain: CompiledChain, v: number): ActorProblem {
  const performance = chain.performance[v]!;
  const welfare = chain.welfare[v]!;
  const problem =
    welfare < performance ? 'welfare' : performance < welfare ? 'performance' : 'both';
  return { problem, performance, welfare };
}

/** Link index of a ranking reference, or -1. */
function linkIndex(chain: CompiledChain, link: LinkRef | WeakestLink): number {
  if (link.type === 'actor') {
    const v = chain.nodeIndex.get(link.id);
    return v === undefined || v >= chain.actorCount ? -1 : v;
  }
  const h = chain.handoffIndex.get(link.id);
  return h === undefined ? -1 : chain.actorCount + h;
}

/** The report's fix gain of a link (null where it has none). */
function gainOf(report: HeadlineInput, chain: CompiledChain, l: number): number | null {
  if (l < 0) return null;
  return l < chain.actorCount
    ? report.actors[l]!.fixGain
    : report.handoffs[l - chain.actorCount]!.fixGain;
}

/** A ranking's top entry as the headline's fix-first link. */
function fixFirstOf(
  chain: CompiledChain,
  entry: { link: LinkRef; value: number } | undefined,
): FixFirst | null {
  if (entry === undefined) return null;
  const l = linkIndex(chain, entry.link);
  const problem = l >= 0 && l < chain.actorCount ? { actor: actorProblem(chain, l) } : {};
  return { link: entry.link, gain: entry.value, ...problem };
}

/** Place of a fix gain among all links' (1 = largest); null without a gain. */
function rankOf(report: HeadlineInput, gain: number | null): number | null {
  if (gain === null || gain <= 0) return null;
  let above = 0;
  for (const link of [...report.actors, ...report.handoffs])
    if ((link.fixGain ?? 0) > gain) above += 1;
  return above + 1;
}

/** Weight share of hand-off h's group among its receiver's input groups. */
function weightShare(chain: CompiledChain, h: number): number {
  const v = chain.to[h]!;
  let total = 0;
  let own = 0;
  for (let g = chain.groupStart[v]!; g < chain.groupStart[v + 1]!; g++) {
    let w = 0;
    for (let i = chain.groupEdgeStart[g]!; i < chain.groupEdgeStart[g + 1]!; i++)
      w = Math.max(w, chain.weight[chain.groupEdges[i]!]!);
    total += w;
    if (g === chain.handoffGroup[h]) own = w;
  }
  return total > 0 ? own / total : 1;
}

/** Hand-off from node u to node v (the first declared), or -1. */
function handoffBetween(chain: CompiledChain, u: number, v: number): number {
  for (let i = chain.outStart[u]!; i < chain.outStart[u + 1]!; i++)
    if (chain.to[chain.outEdges[i]!] === v) return chain.outEdges[i]!;
  return -1;
}

/** Why fixing a weakest link gains less than its strength suggests, along its chain. */
export function dampingOf(chain: CompiledChain, path: readonly string[]): Damping[] {
  const nodes = path.flatMap((nodeId) => chain.nodeIndex.get(nodeId) ?? []);
  const found: Damping[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const h = handoffBetween(chain, nodes[i]!, nodes[i + 1]!);
    if (h < 0) continue;
    const g = chain.handoffGroup[h]!;
    const members = chain.groupEdgeStart[g + 1]! - chain.groupEdgeStart[g]!;
    const receiver = chain.ids[chain.to[h]!]!;
    if (members > 1) found.push({ kind: 'alternative', handoff: chain.handoffIds[h]!, receiver });
    const v = chain.to[h]!;
    if (v < chain.actorCount && chain.dependence[v]! < 1)
      found.push({ kind: 'dependence', actor: receiver, dependence: chain.dependence[v]! });
    const share = weightShare(chain, h);
    if (chain.combine[v] === COMBINE_MEAN && share < LIGHT_INPUT_SHARE)
      found.push({ kind: 'light', handoff: chain.handoffIds[h]!, receiver, share });
  }
  return found;
}

/**
 * The weakest links of the customers that weigh in S (scored, value above 0), most customers
 * first, ties in declaration order; at most `top`.
 */
function capsOf(report: HeadlineInput, chain: CompiledChain, top: number): CapReport[] {
  const caps = new Map<string, { customer: (typeof report.customers)[number]; ids: string[] }>();
  for (const [i, customer] of report.customers.entries()) {
    const link = customer.weakestLink;
    // A customer that does not weigh in S (value 0 beside others) gets no weakest-link headline.
    if (link === null || !(chain.scoreWeight[chain.actorCount + i]! > 0)) continue;
    const key = `${link.type}:${link.id}`;
    const entry = caps.get(key);
    if (entry === undefined) caps.set(key, { customer, ids: [customer.id] });
    else entry.ids.push(customer.id);
  }
  const ordered = [...caps.values()].sort((a, b) => b.ids.length - a.ids.length).slice(0, top);
  return ordered.map(({ customer, ids }) => {
    const link = customer.weakestLink!;
    const l = linkIndex(chain, link);
    const gain = gainOf(report, chain, l);
    const problem = link.type === 'actor' && l >= 0 ? { actor: actorProblem(chain, l) } : {};
    return {
      link,
      strength: customer.chainStrength,
      customers: ids,
      gain,
      rank: rankOf(report, gain),
      damping: dampingOf(chain, customer.chain),
      ...problem,
    };
  });
}

/** The headline of a report: fix first overall and per customer, and what caps the customers. */
export function buildHeadline(report: HeadlineInput, chain: CompiledChain, top: number): Headline {
  const fixFirst =
    report.score === null ? null : fixFirstOf(chain, report.rankings.overall.fixGain[0]);
  return {
    fixFirst,
    scoreAfter:
      fixFirst === null || report.score === null ? null : Math.min(1, report.score + fixFirst.gain),
    caps: capsOf(report, chain, top),
    byCustomer: report.rankings.byCustomer.map(({ customer, ranking }) => ({
      customer,
      fixFirst: fixFirstOf(chain, ranking.fixGain[0]),
    })),
  };
}
