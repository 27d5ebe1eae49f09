/**
 * A history of survey waves (docs/model.md, "Change over time"): S and every customer's service
 * per wave, and the weakest link of each wave (the one behind the most customers). Waves that
 * differ in structure are compared on what they share: customers that are not in every wave are
 * listed apart, and so are the nodes and hand-offs that come and go.
 */
import { ENGINE_DEFAULTS, KIND_CUSTOMER, weakestLink } from '../engine/index.js';
import { handoffId } from '../model/defaults.js';
import type { Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { nodesOf } from './model-changes.js';
import { isScored, weakestLinkRef } from './rankings.js';
import type { WeakestLink } from './report.js';
import { evaluateModel } from './scenario-eval.js';

/** Options of trend. */
export const TrendOptionsSchema = EngineOptionsSchema;

/** Options of trend. @useDeclaredType */
export type TrendOptions = import('zod').input<typeof TrendOptionsSchema>;

/** Defaults of TrendOptions. */
export const TREND_DEFAULTS: DefaultsOf<TrendOptions> = {
  tolerance: ENGINE_DEFAULTS.tolerance,
  maxIterations: ENGINE_DEFAULTS.maxIterations,
};

/** One wave as given: its label (a file name, a quarter) and its model. */
export interface WaveInput {
  readonly label: string;
  readonly model: Model;
}

/** One wave's organisation-level figures. */
export interface TrendWave {
  readonly label: string;
  readonly score: number | null;
  /** The weakest link behind the most scored customers (first declared on a tie); null if none. */
  readonly weakestLink: WeakestLink | null;
  /** How many customers that link is the weakest link of. */
  readonly weakestFor: number;
  readonly warnings: readonly Warning[];
}

/** One customer in one wave (null in a wave that does not have it). */
export interface TrendPoint {
  /** s_c; null where the customer receives no hand-off. */
  readonly service: number | null;
  readonly weakestLink: WeakestLink | null;
}

/** One customer across the waves. */
export interface TrendCustomer {
  readonly id: string;
  readonly name: string;
  /** True when every wave has this customer: only these are compared across waves. */
  readonly inEveryWave: boolean;
  readonly waves: readonly (TrendPoint | null)[];
}

/** Nodes and hand-offs not in every wave: what cannot be compared from wave to wave. */
export interface NotComparable {
  readonly customers: readonly string[];
  readonly actors: readonly string[];
  readonly handoffs: readonly string[];
}

/** What trend returns. */
export interface TrendResult {
  readonly waves: readonly TrendWave[];
  /** Every customer of any wave, in the order first met. */
  readonly customers: readonly TrendCustomer[];
  readonly notComparable: NotComparable;
}

const key = (link: WeakestLink) => `${link.type}:${link.id}`;

function analyseWave(wave: WaveInput, settings: DefaultsOf<TrendOptions>) {
  const { model, warnings } = ensureValidModel(wave.model);
  const { chain, evaluation, strength } = evaluateModel(model, settings, true);
  const points = new Map<string, TrendPoint>();
  const counts = new Map<string, { link: WeakestLink; count: number }>();
  for (let v = 0; v < chain.nodeCount; v++) {
    if (chain.kind[v] !== KIND_CUSTOMER) continue;
    const scored = isScored(chain, v);
    const link = scored ? weakestLinkRef(chain, weakestLink(chain, strength!, v).link) : null;
    points.set(chain.ids[v]!, {
      service: scored ? evaluation.service[v]! : null,
      weakestLink: link,
    });
    if (link !== null) {
      const entry = counts.get(key(link)) ?? { link, count: 0 };
      counts.set(key(link), { link, count: entry.count + 1 });
    }
  }
  let top: { link: WeakestLink; count: number } | null = null;
  for (const entry of counts.values()) if (top === null || entry.count > top.count) top = entry;
  const row: TrendWave = {
    label: wave.label,
    score: evaluation.score,
    weakestLink: top?.link ?? null,
    weakestFor: top?.count ?? 0,
    warnings,
  };
  return { row, points };
}

/** Ids seen in some waves but not all, in the order first met. */
function notInEvery(lists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>();
  for (const list of lists)
    for (const item of new Set(list)) seen.set(item, (seen.get(item) ?? 0) + 1);
  return [...seen].filter(([, n]) => n < lists.length).map(([item]) => item);
}

/** S and every customer's service per wave; throws ServiceChainError if a model is invalid. */
export function trend(inputs: readonly WaveInput[], options: TrendOptions = {}): TrendResult {
  const settings = resolveOptions(TrendOptionsSchema, TREND_DEFAULTS, options);
  // Each wave's validated model from here on (ensureValidModel): never the caller's object again.
  const waves = inputs.map((wave) => ({
    label: wave.label,
    model: ensureValidModel(wave.model).model,
  }));
  const analysed = waves.map((wave) => analyseWave(wave, settings));
  const names = new Map<string, string>();
  // In the order first met; a later wave's name wins (a customer renamed shows its new name).
  for (const wave of waves)
    for (const c of wave.model.customers ?? []) names.set(c.id, c.name ?? c.id);
  const customers = [...names].map(([id, name]) => {
    const points = analysed.map((a) => a.points.get(id) ?? null);
    return { id, name, inEveryWave: points.every((p) => p !== null), waves: points };
  });
  const actorLists = waves.map((w) =>
    nodesOf(w.model)
      .filter((n) => n.kind !== 'customer')
      .map((n) => n.node.id),
  );
  const handoffLists = waves.map((w) => (w.model.handoffs ?? []).map(handoffId));
  return {
    waves: analysed.map((a) => a.row),
    customers,
    notComparable: {
      customers: customers.filter((c) => !c.inEveryWave).map((c) => c.id),
      actors: notInEvery(actorLists),
      handoffs: notInEvery(handoffLists),
    },
  };
}
