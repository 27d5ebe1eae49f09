/** The HTML report's structural-metrics section (`analyze --metrics`): degrees and betweenness. */
import type { StructuralMetrics } from '../../analysis/metrics.js';
import { escapeXml as x } from '../escape.js';
import { formatCount, formatNumber } from '../format.js';
import type { Names } from './names.js';

/**
 * The metrics as a `<section id="sc-metrics">`, nodes in declaration order; every name escaped.
 * Wall time is left out, as in text: the page stays byte-for-byte deterministic.
 */
export function metricsHtml(metrics: StructuralMetrics, names: Names): string {
  const { betweenness } = metrics;
  // Said only when it matters to the reader, in the words of the text view (metrics-document.ts).
  const cost = betweenness.computed
    ? ''
    : 'Betweenness was not computed: the model is above the size limit.';
  const rows = metrics.nodes.map((n) =>
    [
      '<tr>',
      `<td><strong>${x(names.node(n.id))}</strong></td>`,
      `<td class="kind">${x(n.kind)}</td>`,
      `<td class="num">${x(formatCount(n.inDegree))}</td>`,
      `<td class="num">${x(formatCount(n.outDegree))}</td>`,
      `<td class="num">${x(formatNumber(n.betweenness))}</td>`,
      '</tr>',
    ].join(''),
  );
  const warnings = metrics.warnings.map(
    (w) => `<li><span class="badge note">${x(w.code)}</span> ${x(w.message)}</li>`,
  );
  return [
    '<section id="sc-metrics">',
    '<h2>Structural metrics</h2>',
    `<p class="hint">In: hand-offs received. Out: hand-offs given. Betweenness: the share of shortest hand-off paths between other nodes that pass through this one (0 to 1). ${x(cost)}</p>`,
    '<table id="sc-metrics-table">',
    '<thead><tr><th>Node</th><th>Kind</th><th class="num">In</th><th class="num">Out</th><th class="num">Betweenness</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
    warnings.length === 0 ? '' : `<ul class="findings">${warnings.join('\n')}</ul>`,
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
