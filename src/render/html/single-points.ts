/**
 * Single points of failure in the HTML report (docs/model.md, "Single points of failure"): the
 * diagram's boxes and arrows that are some customer's link with no way around (drawn dashed), and
 * a section listing them per customer. Nothing at all for a report without the lists.
 */
import type { Report } from '../../analysis/report.js';
import type { Diagram } from '../diagram-graph.js';
import { escapeXml as x } from '../escape.js';
import type { Names } from './names.js';

/** Diagram keys of the boxes (actors) and arrows (hand-offs) with no way around for someone. */
export function singlePointKeys(report: Report, diagram: Diagram): Set<string> {
  const actors = new Set<string>();
  const handoffs = new Set<string>();
  for (const customer of report.customers) {
    for (const link of customer.singlePointsOfFailure ?? []) {
      (link.type === 'actor' ? actors : handoffs).add(link.id);
    }
  }
  const keys = new Set<string>();
  for (const node of diagram.nodes) if (actors.has(node.id)) keys.add(node.key);
  for (const edge of diagram.edges)
    if (edge.handoffs.some((h) => handoffs.has(h))) keys.add(edge.key);
  return keys;
}

/** The section: each customer with links that have no way around, or nothing when none has. */
export function singlePointsSection(report: Report, names: Names): string[] {
  const items = report.customers
    .filter((c) => (c.singlePointsOfFailure?.length ?? 0) > 0)
    .map((c) => {
      const links = c.singlePointsOfFailure!.map((link) => x(names.link(link))).join(', ');
      return `<li><strong>${x(c.name)}</strong>: ${links}</li>`;
    });
  if (items.length === 0) return [];
  return [
    '<section id="sc-single-points">',
    '<h2>Single points of failure</h2>',
    '<p class="hint">No way around: every path of service to the customer passes through these links, so the failure of any one of them alone cuts the customer off. Dashed in the diagram.</p>',
    `<ul>${items.join('')}</ul>`,
    '</section>',
  ];
}
