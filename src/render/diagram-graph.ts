/**
 * The picture every diagram format draws (built by src/render/diagram.ts): nodes with generated
 * keys (n0, n1... in declaration order), clusters (departments, customer segments), hand-offs with
 * quality, highlight and line width; and the marks shared by both levels. Formats only differ in
 * syntax.
 */
import type { HandoffReport, LinkImpact, Report } from '../analysis/report.js';
import type { DepartmentView } from '../analysis/roll-up.js';
import type { Segment } from '../model/schema.js';
import type { DiagramLevel } from './diagram-options.js';
import { formatNumber } from './format.js';

/** How a link is drawn: a weakest link (red), a top fix candidate (amber) or plainly. */
export type Highlight = 'weakest' | 'fix' | 'none';

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
}

/** Everything a diagram shows. */
export interface Diagram {
  readonly title: string;
  readonly level: DiagramLevel;
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

/** Each link's highlight, and the largest |sensitivity| (for line widths). */
export interface LinkMarks {
  readonly actorHighlight: ReadonlyMap<string, Highlight>;
  readonly handoffHighlight: ReadonlyMap<string, Highlight>;
  readonly maxSensitivity: number;
}

/** Weakest links (some customer's, docs/model.md, "Chain strength and the weakest link") and the top other links by fix gain (section 4). */
export function linkMarks(report: Report): LinkMarks {
  const links: { type: 'actor' | 'handoff'; id: string; impact: LinkImpact }[] = [
    ...report.actors.map((a) => ({ type: 'actor' as const, id: a.id, impact: a })),
    ...report.handoffs.map((h) => ({ type: 'handoff' as const, id: h.id, impact: h })),
  ];
  // Amber marks the best repairs beyond the red ones, so both stay visible.
  const byFixGain = links
    .filter((l) => (l.impact.fixGain ?? 0) > 0 && l.impact.weakestFor.length === 0)
    .sort((a, b) => (b.impact.fixGain ?? 0) - (a.impact.fixGain ?? 0))
    .slice(0, TOP_FIX_LINKS);
  const fix = new Set(byFixGain.map((l) => `${l.type}:${l.id}`));
  const actorHighlight = new Map<string, Highlight>();
  const handoffHighlight = new Map<string, Highlight>();
  let maxSensitivity = 0;
  for (const link of links) {
    const mark: Highlight =
      link.impact.weakestFor.length > 0
        ? 'weakest'
        : fix.has(`${link.type}:${link.id}`)
          ? 'fix'
          : 'none';
    (link.type === 'actor' ? actorHighlight : handoffHighlight).set(link.id, mark);
    maxSensitivity = Math.max(maxSensitivity, Math.abs(link.impact.sensitivity ?? 0));
  }
  return { actorHighlight, handoffHighlight, maxSensitivity };
}

/** Stroke width from 1 to 5, proportional to |sensitivity| against the largest. */
export function strokeWidth(sensitivity: number | null, max: number): number {
  if (sensitivity === null || max <= 0) return 1;
  return Math.round((1 + (4 * Math.abs(sensitivity)) / max) * 10) / 10;
}

/** The stronger of two marks: weakest over fix over none. */
export function stronger(a: Highlight, b: Highlight): Highlight {
  if (a === 'weakest' || b === 'weakest') return 'weakest';
  return a === 'fix' || b === 'fix' ? 'fix' : 'none';
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
