/**
 * Rankings of links (report.ts `Rankings`): by sensitivity, fixGain and failureLoss, largest first,
 * ties in declaration order (link order: actors, then hand-offs), the top N. Only links with a
 * figure above 0 are ranked: a link that cannot move the score is not worth a place in a list of
 * what to fix, and per customer it keeps the links outside that customer's chain out.
 */
import { type CompiledChain, linkName } from '../engine/index.js';
import type { LinkRef, RankedLink, Ranking } from './report.js';

/** Keeps the top N links offered in increasing link order: largest first, ties by link order. */
export interface TopLinks {
  offer(link: number, value: number): void;
  readonly links: readonly number[];
  readonly values: readonly number[];
}

/** A streaming top-N (links must be offered in increasing order for the tie rule). */
export function createTopLinks(top: number): TopLinks {
  const links: number[] = [];
  const values: number[] = [];
  return {
    links,
    values,
    offer(link: number, value: number): void {
      if (!(value > 0) || top <= 0) return;
      if (links.length === top && value <= values[top - 1]!) return;
      // Insert after every entry >= value: an equal value declared earlier stays ahead.
      let i = links.length;
      while (i > 0 && values[i - 1]! < value) i--;
      links.splice(i, 0, link);
      values.splice(i, 0, value);
      if (links.length > top) {
        links.pop();
        values.pop();
      }
    },
  };
}

/** The indices of the top `top` links by value (NaN = no figure), largest first, ties by index. */
export function topLinks(values: Float64Array, top: number): number[] {
  const best = createTopLinks(top);
  for (let l = 0; l < values.length; l++) best.offer(l, values[l]!);
  return [...best.links];
}

/** Turns a filled TopLinks into ranked entries. */
export function rankedFrom(chain: CompiledChain, best: TopLinks): RankedLink[] {
  return best.links.map((l, i) => ({ link: linkRef(chain, l), value: best.values[i]! }));
}

/** A link as rankings name it. */
export function linkRef(chain: CompiledChain, link: number): LinkRef {
  return link < chain.actorCount
    ? { type: 'actor', id: linkName(chain, link) }
    : { type: 'handoff', id: linkName(chain, link) };
}

/** One figure's ranking. */
function ranked(chain: CompiledChain, values: Float64Array, top: number): RankedLink[] {
  return topLinks(values, top).map((l) => ({ link: linkRef(chain, l), value: values[l]! }));
}

/** The three rankings of one target (S or a customer's service). */
export function buildRanking(
  chain: CompiledChain,
  figures: { sensitivity: Float64Array; fixGain: Float64Array; failureLoss: Float64Array },
  top: number,
): Ranking {
  return {
    sensitivity: ranked(chain, figures.sensitivity, top),
    fixGain: ranked(chain, figures.fixGain, top),
    failureLoss: ranked(chain, figures.failureLoss, top),
  };
}
