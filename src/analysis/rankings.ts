/**
 * The one ranking of links for every view (report.ts `Rankings`, the money rankings, what-if's
 * rank moves): largest first, ties in declaration order (link order: actors, then hand-offs).
 * Top-N rankings are bounded selections, never full sorts. By default only links with a figure
 * above 0 are ranked: a link that cannot move the score is not worth a place in a list of what to
 * fix, and per customer it keeps the links outside that customer's chain out.
 *
 * Also here, once each: a link index as the report names it (`linkRef`, `weakestLinkRef`) and
 * whether a customer is scored (`isScored`).
 */
import { type CompiledChain, ENGINE_DEFAULTS, linkName } from '../engine/index.js';
import type { LinkRef, RankedLink, Ranking, WeakestLink } from './report.js';

/** Keeps the top N links offered in increasing link order: largest first, ties by link order. */
export interface TopLinks {
  offer(link: number, value: number): void;
  readonly links: readonly number[];
  readonly values: readonly number[];
}

/** Which figures a ranking admits: above 0 (what can move the score), or 0 too (money rankings). */
export interface TopLinksOptions {
  readonly keepZero?: boolean;
  /** The engine tolerance the figures were computed with; sets what counts as 0 (`negligible`). */
  readonly tolerance?: number;
}

/**
 * How many times the engine tolerance a figure may be and still be a leftover of iteration. A loop
 * that converges geometrically stops within `tolerance / (1 - rate)` of its fixed point, so a loop
 * whose fixed point is 0 leaves residues around 1e-11 at the default 1e-12 (docs/model.md,
 * "6. Cycles: the greatest fixed point"); 1000 times the tolerance covers rates up to 0.999.
 */
export const NEGLIGIBLE_FACTOR = 1000;

/**
 * Whether a figure is too small to move the score: its size is at most NEGLIGIBLE_FACTOR times
 * the tolerance. The one rule for "cannot move S" in every ranking and every list of links.
 */
export function negligible(value: number, tolerance: number = ENGINE_DEFAULTS.tolerance): boolean {
  return Math.abs(value) <= NEGLIGIBLE_FACTOR * tolerance;
}

/**
 * A streaming top-N (links must be offered in increasing order for the tie rule): O(log N) to find
 * an offer's place, nothing kept beyond N.
 */
export function createTopLinks(top: number, options: TopLinksOptions = {}): TopLinks {
  const { keepZero = false, tolerance = ENGINE_DEFAULTS.tolerance } = options;
  const links: number[] = [];
  const values: number[] = [];
  return {
    links,
    values,
    offer(link: number, value: number): void {
      if (top <= 0 || !(keepZero ? value >= 0 : value > 0 && !negligible(value, tolerance))) return;
      if (links.length === top && value <= values[top - 1]!) return;
      // Insert after every entry >= value: an equal value declared earlier stays ahead.
      let lo = 0;
      let hi = links.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid]! >= value) lo = mid + 1;
        else hi = mid;
      }
      links.splice(lo, 0, link);
      values.splice(lo, 0, value);
      if (links.length > top) {
        links.pop();
        values.pop();
      }
    },
  };
}

/** The indices of the top `top` links by value (NaN = no figure), largest first, ties by index. */
export function topLinks(
  values: ArrayLike<number>,
  top: number,
  options: TopLinksOptions = {},
): number[] {
  const best = createTopLinks(top, options);
  for (let l = 0; l < values.length; l++) best.offer(l, values[l]!);
  return [...best.links];
}

/**
 * Every link in rank order: by value, largest first, links without a figure (NaN) last, ties by
 * link order. What-if compares every link's place, so this one is a full ranking.
 */
export function rankAll(values: ArrayLike<number>): Int32Array {
  const key = (l: number) => (Number.isFinite(values[l]!) ? values[l]! : Number.NEGATIVE_INFINITY);
  const order = Array.from({ length: values.length }, (_, l) => l);
  order.sort((x, y) => key(y) - key(x) || x - y);
  return Int32Array.from(order);
}

/** Turns a filled TopLinks into ranked entries. */
export function rankedFrom(chain: CompiledChain, best: TopLinks): RankedLink[] {
  return best.links.map((l, i) => ({ link: linkRef(chain, l), value: best.values[i]! }));
}

/** A link as rankings name it: `{ type, id }`. */
export function linkRef(chain: CompiledChain, link: number): LinkRef {
  return { type: link < chain.actorCount ? 'actor' : 'handoff', id: linkName(chain, link) };
}

/** A link as a weakest link is named: hand-offs with their two ends; null for no link (-1). */
export function weakestLinkRef(chain: CompiledChain, link: number): WeakestLink | null {
  if (link < 0) return null;
  if (link < chain.actorCount) return { type: 'actor', id: chain.ids[link]! };
  const h = link - chain.actorCount;
  return {
    type: 'handoff',
    id: chain.handoffIds[h]!,
    from: chain.ids[chain.from[h]!]!,
    to: chain.ids[chain.to[h]!]!,
  };
}

/**
 * Whether customer node `c` is scored: it receives at least one hand-off, so it has an input group
 * (docs/model.md, "Propagation"). An unscored customer has no service and no weight in S.
 */
export function isScored(chain: CompiledChain, c: number): boolean {
  return chain.groupStart[c + 1]! > chain.groupStart[c]!;
}

/** The scored customers' node indices, in declaration order. */
export function scoredCustomers(chain: CompiledChain): number[] {
  const scored: number[] = [];
  for (let c = chain.actorCount; c < chain.nodeCount; c++) if (isScored(chain, c)) scored.push(c);
  return scored;
}

/** One figure's ranking. */
export function ranked(
  chain: CompiledChain,
  values: ArrayLike<number>,
  top: number,
  options: TopLinksOptions = {},
): RankedLink[] {
  return topLinks(values, top, options).map((l) => ({
    link: linkRef(chain, l),
    value: values[l]!,
  }));
}

/** The three rankings of one target (S or a customer's service). */
export function buildRanking(
  chain: CompiledChain,
  figures: { sensitivity: Float64Array; fixGain: Float64Array; failureLoss: Float64Array },
  top: number,
  options: TopLinksOptions = {},
): Ranking {
  return {
    sensitivity: ranked(chain, figures.sensitivity, top, options),
    fixGain: ranked(chain, figures.fixGain, top, options),
    failureLoss: ranked(chain, figures.failureLoss, top, options),
  };
}
