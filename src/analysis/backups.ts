/**
 * Where a backup pays (docs/model.md, "Single points of failure"): for every link with no way
 * around for a valuable customer, each actor that could provide a second hand-off (one that
 * already hands the same `carries` to someone, and does not itself depend on the link) is tried
 * as an alternative, grouped with the original, and the exact gain in S and in money at risk is
 * measured by re-evaluating the changed model (the scenario machinery of what-if and plan).
 */
import { z } from 'zod';
import { type CompiledChain, ENGINE_DEFAULTS, noWayAround } from '../engine/index.js';
import { ServiceChainError, type Warning } from '../model/errors.js';
import { ensureValidModel } from '../model/load.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../model/options.js';
import type { Carries, Handoff, Model } from '../model/schema.js';
import { backupChanges, downstreamOf, type PlannedHandoff } from './backup-changes.js';
import { totalMoneyAtRisk } from './business-impact.js';
import { weakestLinkRef } from './rankings.js';
import type { WeakestLink } from './report.js';
import { tryApplyChanges } from './scenario.js';
import { type Evaluated, evaluateChanges, evaluateModel } from './scenario-eval.js';
import type { Change } from './scenario-schema.js';

/** Options of `backups`. */
export const BackupsOptionsSchema = EngineOptionsSchema.extend({
  /** Quality of every backup hand-off; absent: the quality of the hand-off it backs up. */
  quality: z.number().min(0).max(1).optional(),
});

/** Options of `backups`; every field optional, see BACKUPS_DEFAULTS. @useDeclaredType */
export type BackupsOptions = z.input<typeof BackupsOptionsSchema>;

/** Defaults of BackupsOptions: the engine's iteration controls (`quality` has none: the current one's). */
export const BACKUPS_DEFAULTS: DefaultsOf<Omit<BackupsOptions, 'quality'>> = { ...ENGINE_DEFAULTS };

/** One backup tried: a second provider for a link with no way around. */
export interface Backup {
  /** A candidate id for a plan candidates file: `backup:<provider>:<link>`. */
  readonly id: string;
  /** The single point of failure it backs up. */
  readonly protects: WeakestLink;
  /** The actor that would provide the backup hand-offs. */
  readonly provider: string;
  /** The hand-offs added, each in a group with the one it backs up. */
  readonly handoffs: readonly PlannedHandoff[];
  /** The valuable customers for which `protects` has no way around, in declaration order. */
  readonly customers: readonly string[];
  /** Those of them for which, with the backup, it has a way around. */
  readonly protectedCustomers: readonly string[];
  /** S after the backup minus S before: exact. */
  readonly scoreGain: number;
  /** Total money at risk a year before minus after (docs/business-impact.md, "The model"). */
  readonly moneySaved: number;
  /** The scenario changes that add it (what a plan candidate holds). */
  readonly changes: readonly Change[];
}

/** What `backups` returns. */
export interface BackupsResult {
  readonly score: number | null;
  readonly moneyAtRisk: number;
  /** Largest score gain first; ties in the order tried (customers, then chain order, then actors). */
  readonly backups: readonly Backup[];
  readonly warnings: readonly Warning[];
}

/** Scored customers with a value above 0: the ones a backup is worth looking for. */
function valuableCustomers(chain: CompiledChain): number[] {
  const found: number[] = [];
  for (let c = chain.actorCount; c < chain.nodeCount; c++) {
    if (chain.value[c]! > 0 && chain.groupStart[c + 1]! > chain.groupStart[c]!) found.push(c);
  }
  return found;
}

/** The distinct links with no way around for the valuable customers, each with its customers. */
function linksToBackUp(chain: CompiledChain): Map<number, number[]> {
  const spof = noWayAround(chain);
  const links = new Map<number, number[]>();
  for (const c of valuableCustomers(chain)) {
    for (const link of spof[c - chain.actorCount]!) {
      const list = links.get(link);
      if (list === undefined) links.set(link, [c]);
      else list.push(c);
    }
  }
  return links;
}

/** Actors handing off something (in declaration order), by what they hand off. */
function providersOf(model: Model, chain: CompiledChain): Map<Carries | undefined, Set<number>> {
  const providers = new Map<Carries | undefined, Set<number>>();
  (model.handoffs ?? []).forEach((h: Handoff, i) => {
    const from = chain.from[i]!;
    if (from >= chain.actorCount) return;
    const set = providers.get(h.carries) ?? new Set<number>();
    set.add(from);
    providers.set(h.carries, set);
  });
  return providers;
}

/** The hand-offs a link's backup must double: the hand-off itself, or every output of the actor. */
function handoffsOfLink(chain: CompiledChain, link: number): number[] {
  if (link >= chain.actorCount) return [link - chain.actorCount];
  return Array.from(chain.outEdges.subarray(chain.outStart[link]!, chain.outStart[link + 1]!));
}

/**
 * Every backup worth trying, evaluated exactly and ranked by gain in S. Throws ServiceChainError on
 * an invalid model or option.
 */
export function backups(input: Model, options?: BackupsOptions): BackupsResult {
  const { quality, ...engine } = resolveOptions(BackupsOptionsSchema, BACKUPS_DEFAULTS, options);
  const { model, warnings } = ensureValidModel(input);
  const base = evaluateModel(model, engine, false);
  const { chain } = base;
  const score = base.evaluation.score;
  const atRisk = totalMoneyAtRisk(model, chain, base.evaluation.service);
  if (score === null) return { score, moneyAtRisk: atRisk, backups: [], warnings };
  const providers = providersOf(model, chain);
  const found: Backup[] = [];
  for (const [link, customers] of linksToBackUp(chain)) {
    const handoffs = handoffsOfLink(chain, link);
    const node = link < chain.actorCount ? link : chain.to[link - chain.actorCount]!;
    const excluded = downstreamOf(chain, node);
    if (link >= chain.actorCount) excluded.add(chain.from[link - chain.actorCount]!);
    const candidates = new Set<number>();
    for (const h of handoffs) {
      for (const w of providers.get(model.handoffs![h]!.carries) ?? []) {
        if (!excluded.has(w)) candidates.add(w);
      }
    }
    for (const w of [...candidates].sort((a, b) => a - b)) {
      const planned = backupChanges(model, chain, handoffs, w, quality);
      if (planned === null) continue;
      const after = evaluate(base, planned.changes, engine);
      const spofAfter = noWayAround(after.chain);
      const protectedCustomers = customers.filter(
        (c) => !spofAfter[c - chain.actorCount]!.some((l) => sameLink(chain, link, after.chain, l)),
      );
      found.push({
        id: `backup:${chain.ids[w]}:${weakestLinkRef(chain, link)!.id}`,
        protects: weakestLinkRef(chain, link)!,
        provider: chain.ids[w]!,
        handoffs: planned.handoffs,
        customers: customers.map((c) => chain.ids[c]!),
        protectedCustomers: protectedCustomers.map((c) => chain.ids[c]!),
        scoreGain: Math.max(0, after.evaluation.score! - score),
        moneySaved: atRisk - totalMoneyAtRisk(after.model, after.chain, after.evaluation.service),
        changes: planned.changes,
      });
    }
  }
  const ranked = found
    .map((backup, order) => ({ backup, order }))
    .sort((a, b) => b.backup.scoreGain - a.backup.scoreGain || a.order - b.order)
    .map(({ backup }) => backup);
  return { score, moneyAtRisk: atRisk, backups: ranked, warnings };
}

/** Whether link `l` of `after` (the changed chain) is link `link` of `chain`: same actor or hand-off id. */
function sameLink(chain: CompiledChain, link: number, after: CompiledChain, l: number): boolean {
  const a = weakestLinkRef(chain, link)!;
  const b = weakestLinkRef(after, l)!;
  return a.type === b.type && a.id === b.id;
}

/** The model with the backup's changes, evaluated in full (a structural change recompiles). */
function evaluate(
  base: Evaluated,
  changes: readonly Change[],
  engine: { tolerance: number; maxIterations: number },
): Evaluated {
  const applied = tryApplyChanges(base.model, changes);
  if (applied.issues.length > 0) throw new ServiceChainError(applied.issues);
  return evaluateChanges(base, applied.model, applied.changes, { ...engine, incremental: true });
}

/** A link by the names of its nodes, for a candidate's label. */
function linkLabel(model: Model, link: WeakestLink): string {
  const nodes = [
    ...(model.departments ?? []),
    ...(model.employees ?? []),
    ...(model.customers ?? []),
  ];
  const names = new Map(nodes.map((node) => [node.id, node.name ?? node.id]));
  const name = (id: string) => names.get(id) ?? id;
  return link.type === 'actor' ? name(link.id) : `${name(link.from)} -> ${name(link.to)}`;
}

/** The backups as a plan candidates file (docs/cookbook.md, "Improvement plans"), each at `cost`. */
export function backupCandidates(
  result: BackupsResult,
  model: Model,
  cost: number,
): { name: string; candidates: { id: string; label: string; cost: number; changes: Change[] }[] } {
  const provider = (id: string) => linkLabel(model, { type: 'actor', id });
  return {
    name: 'Backups for single points of failure',
    candidates: result.backups.map((backup) => ({
      id: backup.id,
      label: `${provider(backup.provider)} as a backup for ${linkLabel(model, backup.protects)}`,
      cost,
      changes: [...backup.changes],
    })),
  };
}
