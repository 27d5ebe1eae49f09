/** What the side panel shows for each box and arrow of the diagram, as JSON-ready plain data. */

import type { Report } from '../../analysis/report.js';
import { BADGES } from '../badges.js';
import type { Diagram, DiagramEdge, DiagramNode, Highlight } from '../diagram-graph.js';
import { formatAmount, formatCount, formatNumber, formatSigned } from '../format.js';
import type { Names } from './names.js';

/** One panel: a kind, a name, an optional badge and label/value pairs (values preformatted). */
export interface PanelItem {
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly badge?: { readonly type: 'fixFirst' | 'weakest' | 'fix'; readonly text: string };
  readonly figures: readonly (readonly [string, string])[];
  readonly note?: string;
}

const KIND_LABELS = {
  department: 'Department',
  employee: 'Employee',
  customer: 'Customer',
} as const;

/** The panel's badge: the mark's word from the one scheme (badges.ts). */
function badge(highlight: Highlight): PanelItem['badge'] {
  if (highlight === 'none') return undefined;
  const word = BADGES[highlight].word;
  return { type: highlight, text: word.charAt(0).toUpperCase() + word.slice(1) };
}

function withBadge(item: Omit<PanelItem, 'badge'>, highlight: Highlight): PanelItem {
  const b = badge(highlight);
  return b === undefined ? item : { ...item, badge: b };
}

function weakestNote(ids: readonly string[], names: Names): string | undefined {
  if (ids.length === 0) return undefined;
  return `Weakest link for: ${ids.map((id) => names.node(id)).join(', ')}.`;
}

function nodeItem(node: DiagramNode, report: Report, names: Names): PanelItem {
  const kind = KIND_LABELS[node.kind];
  const base = { key: node.key, kind, name: node.name };
  const customer = report.customers.find((c) => c.id === node.id);
  if (node.kind === 'customer' && customer !== undefined) {
    const item = {
      ...base,
      figures: [
        ['Service received', formatNumber(customer.service)],
        ['Chain strength', formatNumber(customer.chainStrength)],
        ['Value', formatAmount(customer.value)],
        ['Segment', customer.segment],
      ] as const,
    };
    return customer.weakestLink === null
      ? item
      : { ...item, note: `Weakest link: ${names.link(customer.weakestLink)}.` };
  }
  const actor = report.actors.find((a) => a.id === node.id);
  if (node.unit !== undefined) {
    const unit = node.unit;
    const weakest = unit.weakestLink;
    return withBadge(
      {
        ...base,
        figures: [
          ['Service delivered', formatNumber(unit.service)],
          ['Actors', formatCount(unit.members.length)],
          ['Summed sensitivity', formatNumber(unit.sensitivity)],
          ['Fix gain (all of it)', formatSigned(unit.fixGain)],
          ['Failure loss (all of it)', formatNumber(unit.failureLoss)],
        ],
        ...(weakest === null
          ? {}
          : {
              note: `Weakest inside: ${names.link(weakest)} (strength ${formatNumber(weakest.strength)}).`,
            }),
      },
      node.highlight,
    );
  }
  if (actor === undefined) {
    return withBadge(
      { ...base, figures: [['Service', formatNumber(node.service)]] },
      node.highlight,
    );
  }
  const note = weakestNote(actor.weakestFor, names);
  return withBadge(
    {
      ...base,
      figures: [
        ['Service', formatNumber(actor.service)],
        ['Chain strength', formatNumber(actor.chainStrength)],
        ['Performance × welfare', formatNumber(names.performance(actor.id))],
        ['Sensitivity', formatNumber(actor.sensitivity)],
        ['Fix gain', formatSigned(actor.fixGain)],
        ['Failure loss', formatNumber(actor.failureLoss)],
        ['Customers reached', formatCount(actor.customersReached)],
      ],
      ...(note === undefined ? {} : { note }),
    },
    node.highlight,
  );
}

function edgeItem(edge: DiagramEdge, report: Report, names: Names): PanelItem {
  const handoff = report.handoffs.find((h) => h.id === edge.handoffs[0]);
  const base = { key: edge.key, kind: 'Hand-off', name: '' };
  if (edge.handoffs.length !== 1 || handoff === undefined) {
    return withBadge(
      {
        ...base,
        kind: 'Hand-offs',
        name: `${edge.handoffs.length} hand-offs`,
        figures: [
          ['Mean quality (by weight)', formatNumber(edge.quality)],
          ['Summed sensitivity', formatNumber(edge.sensitivity)],
        ],
      },
      edge.highlight,
    );
  }
  const note = weakestNote(handoff.weakestFor, names);
  return withBadge(
    {
      ...base,
      name: names.link({ type: 'handoff', id: handoff.id }),
      figures: [
        ['Quality', formatNumber(handoff.quality)],
        ['Received', formatNumber(handoff.received)],
        ['Sensitivity', formatNumber(handoff.sensitivity)],
        ['Fix gain', formatSigned(handoff.fixGain)],
        ['Failure loss', formatNumber(handoff.failureLoss)],
      ],
      ...(note === undefined ? {} : { note }),
    },
    edge.highlight,
  );
}

/** Panel data for every box and arrow, keyed by the diagram's generated keys. */
export function panelItems(diagram: Diagram, report: Report, names: Names): PanelItem[] {
  return [
    ...diagram.nodes.map((node) => nodeItem(node, report, names)),
    ...diagram.edges.map((edge) => edgeItem(edge, report, names)),
  ];
}
