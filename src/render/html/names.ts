/** How the HTML report names nodes and links: by their display names, falling back to ids. */
import type { LinkRef, Report, WeakestLink } from '../../analysis/report.js';
import { ACTOR_DEFAULTS } from '../../model/defaults.js';
import { pointValue } from '../../model/estimates.js';
import type { Model } from '../../model/schema.js';
import { BACK_TO, chainSteps } from '../names.js';

/** Lookups from ids to what the report shows. */
export interface Names {
  /** A node's display name. */
  node(id: string): string;
  /** `Provider → Receiver` for a hand-off, the name for an actor. */
  link(link: LinkRef | WeakestLink): string;
  /** A chain of ids as node names, `A → B → C`. */
  chain(ids: readonly string[]): string;
  /** What an actor is: `department` or `employee` (ids that are no actor: `actor`). */
  kind(id: string): string;
  /** An actor's effective performance p × welfare (docs/model.md, "Notation"), its strength as a link. */
  performance(id: string): number;
}

/** Builds the lookups once per report. */
export function reportNames(report: Report, model: Model): Names {
  const nodes = new Map<string, string>();
  for (const c of report.customers) nodes.set(c.id, c.name);
  for (const a of report.actors) nodes.set(a.id, a.name);
  const handoffs = new Map(report.handoffs.map((h) => [h.id, h]));
  const actors = new Map(
    [...(model.departments ?? []), ...(model.employees ?? [])].map((a) => [a.id, a]),
  );
  const node = (id: string) => nodes.get(id) ?? id;
  const kinds = new Map(report.actors.map((a) => [a.id, a.kind]));
  return {
    node,
    link(link) {
      if (link.type === 'actor') return node(link.id);
      const handoff = handoffs.get(link.id);
      return handoff === undefined ? link.id : `${node(handoff.from)} → ${node(handoff.to)}`;
    },
    chain(ids) {
      // The engine may list hand-off ids, node ids or both; draw the path of nodes either way.
      const path: string[] = [];
      for (const id of ids) {
        const handoff = nodes.has(id) ? undefined : handoffs.get(id);
        for (const step of handoff === undefined ? [id] : [handoff.from, handoff.to]) {
          if (path[path.length - 1] !== step) path.push(step);
        }
      }
      return chainSteps(path)
        .map(({ id, back }) => (back ? BACK_TO : '') + node(id))
        .join(' → ');
    },
    kind(id) {
      return kinds.get(id) ?? 'actor';
    },
    performance(id) {
      const actor = actors.get(id);
      return (
        (pointValue(actor?.performance) ?? ACTOR_DEFAULTS.performance) *
        (pointValue(actor?.welfare) ?? ACTOR_DEFAULTS.welfare)
      );
    },
  };
}
