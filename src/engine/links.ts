/** Links (docs/model.md, "Chain strength and the weakest link"): actor v is link v, hand-off h is link actorCount + h. */
import type { CompiledChain } from './types.js';

/** The link's strength x: the actor's effective performance or the hand-off's quality. */
export function linkValue(chain: CompiledChain, link: number): number {
  return link < chain.actorCount
    ? chain.effectivePerformance[link]!
    : chain.quality[link - chain.actorCount]!;
}

/** The node whose service the link sets directly: the actor, or the hand-off's receiver. */
export function linkNode(chain: CompiledChain, link: number): number {
  return link < chain.actorCount ? link : chain.to[link - chain.actorCount]!;
}

/** The link's id: the actor's id or the hand-off's id. */
export function linkName(chain: CompiledChain, link: number): string {
  return link < chain.actorCount ? chain.ids[link]! : chain.handoffIds[link - chain.actorCount]!;
}

/** Sets a link's strength in place (the actor's effective performance, or the quality). */
export function setLinkValue(chain: CompiledChain, link: number, x: number): void {
  if (link < chain.actorCount) chain.effectivePerformance[link] = x;
  else chain.quality[link - chain.actorCount] = x;
}
