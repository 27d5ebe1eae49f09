/**
 * The picture every diagram format draws (built by src/render/diagram.ts): nodes with generated
 * keys (n0, n1... in declaration order), clusters (departments, customer segments), hand-offs with
 * quality, highlight and line width; and the marks shared by both levels. Formats only differ in
 * syntax.
 */

import { negligible } from '../analysis/rankings.js';
import type { CustomerReport, HandoffReport, LinkImpact, Report } from '../analysis/report.js';
import type { DepartmentView } from '../analysis/roll-up.js';
import type { Segment } from '../model/schema.js';
import type { Highlight } from './badges.js';
import { formatNumber } from './format.js';

export { type Highlight, stronger } from './badges.js';

/** One box. */
export interface DiagramNode {
  /** Safe generated identifier: n0, n1... in declaration order. */
  readonly key: string;
  /** The model id (at department level: the top-level department's or employee's id). */
  readonly id: string;
  readonly name: string;
  readonly kind: 'department' | 'employee' | 'customer';
  /** Service delivered (customers: received); null for an unscored customer. */
  readonly service: number | null;
  readonly highlight: Highlight;
  /** Key of the enclosing cluster, or null. */
  readonly cluster: string | null;
  /** At department level: the rolled-up unit this box stands for. */
  readonly unit?: DepartmentView;
}

/** A department or a customer segment drawn as a box around its members. */
export interface DiagramCluster {
  readonly key: string;
  readonly label: string;
  readonly kind: 'department' | 'segment';
  /** Key of the enclosing cluster, or null. */
  readonly parent: string | null;
}

/** One arrow: a hand-off, or at department level the hand-offs between two departments merged. */
export interface DiagramEdge {
  /** e0, e1... in declaration order of the (first) hand-off. */
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** The hand-off ids drawn by this arrow. */
  readonly handoffs: readonly string[];
  /** Quality; merged arrows: the weight-weighted mean. */
  readonly quality: number;
  readonly sensitivity: number | null;
  readonly highlight: Highlight;
  /** Stroke width from 1 to 5, proportional to sensitivity. */
  readonly width: number;
  readonly label: string;
  /** On a loop that some customer's chain goes round (docs/model.md, "A chain round a loop"). */
  readonly loop?: boolean;
}

/** Everything a diagram shows. */
export interface Diagram {
  readonly title: string;
  /** What a box stands for: an actor, or a unit of a roll-up (whatever its `--level`). */
  readonly level: 'actor' | 'department';
  readonly nodes: readonly DiagramNode[];
  readonly clusters: readonly DiagramCluster[];
  readonly edges: readonly DiagramEdge[];
}

/** How many links, by fix gain, are marked as fix candidates (beyond the weakest links). */
export const TOP_FIX_LINKS = 3;

const SEGMENT_LABELS: Readonly<Record<Segment, string>> = {
  'end-user': 'End users',
  prospect: 'Prospects',
  distributor: 'Distributors',
  supplier: 'Suppliers',
};

/** A figure with two decimals, for diagram labels; `n/a` for null. */
export function formatFigure(value: number | null): string {
  return formatNumber(value, 2);
}

/** Each link's highlight, the hand-offs on loops a chain goes round, and the largest |sensitivity|. */
export interface LinkMarks {
  readonly actorHighlight: ReadonlyMap<string, Highlight>;
  readonly handoffHighlight: ReadonlyMap<string, Highlight>;
  readonly loopHandoffs: ReadonlySet<string>;
  readonly maxSensitivity: number;
}

/**
 * The weakest links that cap a customer weighing in S (docs/model.md, "Chain strength and the
 * weakest link"): the headline's caps; a report without a headline counts every customer's.
 */
function weakestKeys(report: Report): Set<string> {
  const caps = report.headline?.caps;
  if (caps !== undefined) return new Set(caps.map((cap) => `${cap.link.type}:${cap.link.id}`));
  const keys = new Set<string>();
  for (const customer of report.customers)
    if (customer.weakestLink !== null)
      keys.add(`${customer.weakestLink.type}:${customer.weakestLink.id}`);
  return keys;
}

/** Each link's mark: fix first, weakest link, worth fixing (the next TOP_FIX_LINKS) or none. */
export function linkMarks(report: Report): LinkMarks {
  const links: { type: 'actor' | 'handoff'; id: string; impact: LinkImpact }[] = [
    ...report.actors.map((a) => ({ type: 'actor' as const, id: a.id, impact: a })),
    ...report.handoffs.map((h) => ({ type: 'handoff' as const, id: h.id, impact: h })),
  ];
  const weakest = weakestKeys(report);
  // By fix gain, largest first, ties in declaration order (the rankings' order, rankings.ts):
  // the first is "fix first"; orange marks the next best beyond it and the weakest links.
  const byFixGain = links
    .filter(
      (l) => l.impact.fixGain !== null && l.impact.fixGain > 0 && !negligible(l.impact.fixGain),
    )
    .sort((a, b) => (b.impact.fixGain ?? 0) - (a.impact.fixGain ?? 0))
    .map((l) => `${l.type}:${l.id}`);
  const firstKey = byFixGain[0] ?? null;
  const fix = new Set(
    byFixGain.filter((key) => key !== firstKey && !weakest.has(key)).slice(0, TOP_FIX_LINKS),
  );
  const actorHighlight = new Map<string, Highlight>();
  const handoffHighlight = new Map<string, Highlight>();
  let maxSensitivity = 0;
  for (const link of links) {
    const key = `${link.type}:${link.id}`;
    const mark: Highlight =
      key === firstKey ? 'fixFirst' : weakest.has(key) ? 'weakest' : fix.has(key) ? 'fix' : 'none';
    (link.type === 'actor' ? actorHighlight : handoffHighlight).set(link.id, mark);
    maxSensitivity = Math.max(maxSensitivity, Math.abs(link.impact.sensitivity ?? 0));
  }
  return { actorHighlight, handoffHighlight, loopHandoffs: loopHandoffs(report), maxSensitivity };
}

/**
 * Where a chain comes back to a node it has passed: the index of the first visit and of the
 * return, for each return (docs/model.md, "A chain round a loop").
 */
export function chainLoops(chain: readonly string[]): { from: number; back: number }[] {
  const seen = new Map<string, number>();
  const loops: { from: number; back: number }[] = [];
  chain.forEach((nodeId, i) => {
    const earlier = seen.get(nodeId);
    if (earlier !== undefined) loops.push({ from: earlier, back: i });
    else seen.set(nodeId, i);
  });
  return loops;
}

/** The hand-offs of every loop a customer's chain goes round. */
function loopHandoffs(report: Report): Set<string> {
  const looping: CustomerReport[] = report.customers.filter((c) => chainLoops(c.chain).length > 0);
  const ids = new Set<string>();
  if (looping.length === 0) return ids;
  const between = new Map<string, string>();
  for (const h of report.handoffs) {
    const key = `${h.from}\u0000${h.to}`;
    if (!between.has(key)) between.set(key, h.id);
  }
  for (const customer of looping) {
    for (const { from, back } of chainLoops(customer.chain)) {
      for (let i = from; i < back; i++) {
        const id = between.get(`${customer.chain[i]}\u0000${customer.chain[i + 1]}`);
        if (id !== undefined) ids.add(id);
      }
    }
  }
  return ids;
}

/** Stroke width from 1 to 5, proportional to |sensitivity| against the largest. */
export function strokeWidth(sensitivity: number | null, max: number): number {
  if (sensitivity === null || max <= 0) return 1;
  return Math.round((1 + (4 * Math.abs(sensitivity)) / max) * 10) / 10;
}

/** Segment clusters in order of first appearance among the customers. */
export function segmentClusters(report: Report): Map<Segment, DiagramCluster> {
  const clusters = new Map<Segment, DiagramCluster>();
  for (const customer of report.customers) {
    if (clusters.has(customer.segment)) continue;
    clusters.set(customer.segment, {
      key: `s${clusters.size}`,
      label: `Customers: ${SEGMENT_LABELS[customer.segment].toLowerCase()}`,
      kind: 'segment',
      parent: null,
    });
  }
  return clusters;
}

/** Customer boxes, keyed from `first` on, each in its segment's cluster. */
export function customerNodes(
  report: Report,
  first: number,
  segments: Map<Segment, DiagramCluster>,
) {
  return report.customers.map(
    (customer, index): DiagramNode => ({
      key: `n${first + index}`,
      id: customer.id,
      name: customer.name,
      kind: 'customer',
      service: customer.service,
      highlight: 'none',
      cluster: segments.get(customer.segment)?.key ?? null,
    }),
  );
}

/** The report's hand-offs by id. */
export function handoffsById(report: Report): Map<string, HandoffReport> {
  return new Map(report.handoffs.map((h) => [h.id, h]));
}
