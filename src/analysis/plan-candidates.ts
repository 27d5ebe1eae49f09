/**
 * Automatic plan candidates (docs/cookbook.md, "Improvement plans"): every link that is below 1,
 * made perfect, at one price each, for a first look before anyone has priced real fixes. An
 * actor's fix is split in two where both its performance and its welfare are below 1: how well
 * people do their part and how they are treated are separate remedies (the factory's rest room is
 * a welfare fix, a piecework bonus a performance one).
 */
import { z } from 'zod';
import { ACTOR_DEFAULTS, handoffId } from '../model/defaults.js';
import { pointValue } from '../model/estimates.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import type { Candidate } from './scenario-schema.js';

/** Options of automaticCandidates. */
export const AutomaticCandidatesOptionsSchema = z.strictObject({
  /** The price of every candidate (above 0): with 1, a plan's budget is a number of fixes. */
  cost: z.number().positive().optional(),
});

/** Options of automaticCandidates. @useDeclaredType */
export type AutomaticCandidatesOptions = z.input<typeof AutomaticCandidatesOptionsSchema>;

/** Defaults of automaticCandidates: every fix costs 1. */
export const AUTOMATIC_CANDIDATES_DEFAULTS: DefaultsOf<AutomaticCandidatesOptions> = { cost: 1 };

/**
 * One candidate per weak link, in declaration order: actors first (`<id>.performance`,
 * `<id>.welfare`, each set to 1), then hand-offs with a `quality` below 1 (`<id>.quality`).
 * Rated hand-offs are left out: their quality comes from the ratings, and a fix is a survey away.
 */
export function automaticCandidates(
  model: Model,
  options?: AutomaticCandidatesOptions,
): Candidate[] {
  const { cost } = resolveOptions(
    AutomaticCandidatesOptionsSchema,
    AUTOMATIC_CANDIDATES_DEFAULTS,
    options,
  );
  const candidates: Candidate[] = [];
  const nodes = [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ];
  const names = new Map(nodes.map((node) => [node.id, node.name ?? node.id]));
  for (const actor of [...(model.departments ?? []), ...(model.employees ?? [])]) {
    const name = actor.name ?? actor.id;
    for (const field of ['performance', 'welfare'] as const)
      if ((pointValue(actor[field]) ?? ACTOR_DEFAULTS[field]) < 1)
        candidates.push({
          id: `${actor.id}.${field}`,
          label: `${name}: ${field} to 1`,
          cost,
          changes: [{ actor: actor.id, set: { [field]: 1 } }],
        });
  }
  for (const handoff of model.handoffs ?? []) {
    if (handoff.ratings !== undefined || (pointValue(handoff.quality) ?? 1) >= 1) continue;
    const id = handoffId(handoff);
    candidates.push({
      id: `${id}.quality`,
      label: `${names.get(handoff.from)} -> ${names.get(handoff.to)}: quality to 1`,
      cost,
      changes: [{ handoff: id, set: { quality: 1 } }],
    });
  }
  return candidates;
}
