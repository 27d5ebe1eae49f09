/** The HTML report's tables: customers, links to fix (sortable), cycles and warnings. */
import type { LinkImpact, LinkRef, Report } from '../../analysis/report.js';
import { BADGES } from '../badges.js';
import { linkMarks } from '../diagram-graph.js';
import { escapeXml as x } from '../escape.js';
import { formatAmount, formatNumber, formatSigned } from '../format.js';
import { warningPlace } from '../warning-blocks.js';
import type { Names } from './names.js';

function bar(value: number | null): string {
  if (value === null) return '';
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return `<span class="bar" aria-hidden="true"><span style="width:${percent}%"></span></span>`;
}

/** Customers with service, chain strength, weakest link and the chain behind it. */
export function customersTable(report: Report, names: Names): string {
  const rows = report.customers.map((c) => {
    const weakest = c.weakestLink === null ? '—' : x(names.link(c.weakestLink));
    const low = c.service !== null && c.service < 0.7 ? ' class="num low"' : ' class="num"';
    return [
      `<tr data-customer="${x(c.id)}">`,
      `<td><strong>${x(c.name)}</strong></td>`,
      `<td>${x(c.segment)}</td>`,
      `<td class="num">${x(formatAmount(c.value))}</td>`,
      `<td${low}>${c.service === null ? 'not reached' : x(formatNumber(c.service))}${bar(c.service)}</td>`,
      '<td class="num x-now" data-role="service-now"></td>',
      '<td class="num x-now" data-role="service-change"></td>',
      `<td class="num" data-role="strength">${x(formatNumber(c.chainStrength))}</td>`,
      `<td data-role="weakest">${weakest}</td>`,
      `<td class="chain" data-role="chain">${c.chain.length === 0 ? '—' : x(names.chain(c.chain))}</td>`,
      '</tr>',
    ].join('');
  });
  // "Service now" and "Change" stay hidden until the page's explorer applies a change.
  return [
    '<table id="sc-customers">',
    `<thead><tr><th>Customer</th><th>Segment</th><th class="num">${x(report.model.currency === undefined ? 'Value' : `Value (${report.model.currency})`)}</th><th class="num">Service</th><th class="num x-now">Service now</th><th class="num x-now">Change</th><th class="num">Chain strength</th><th>Weakest link</th><th>Chain</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

interface LinkRow {
  readonly link: LinkRef;
  readonly impact: LinkImpact;
  readonly strength: number;
}

/** Links that matter to some scored customer, by fix gain (ties in declaration order). */
function linkRows(report: Report, names: Names): LinkRow[] {
  const rows: LinkRow[] = [
    ...report.actors.map((a) => ({
      link: { type: 'actor' as const, id: a.id },
      impact: a,
      strength: names.performance(a.id),
    })),
    ...report.handoffs.map((h) => ({
      link: { type: 'handoff' as const, id: h.id },
      impact: h,
      strength: h.quality,
    })),
  ];
  const matters = (r: LinkRow) =>
    r.impact.weakestFor.length > 0 ||
    (r.impact.fixGain ?? 0) > 0 ||
    (r.impact.failureLoss ?? 0) > 0;
  return rows.filter(matters).sort((a, b) => (b.impact.fixGain ?? -1) - (a.impact.fixGain ?? -1));
}

function dataNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * The sortable table of links, marked by the scheme of badges.ts, at most `top` rows (the
 * report's --top); `omitted` counts the links left out, `more` those that matter but are cut.
 */
export function linksTable(
  report: Report,
  names: Names,
  top: number = Number.POSITIVE_INFINITY,
): { html: string; omitted: number; shown: number; more: number } {
  const all = linkRows(report, names);
  const rows = all.slice(0, top);
  const marks = linkMarks(report);
  const html = rows.map((row, order) => {
    const byType = row.link.type === 'actor' ? marks.actorHighlight : marks.handoffHighlight;
    const mark = byType.get(row.link.id) ?? 'none';
    const badge = mark === 'none' ? '' : ` <span class="badge ${mark}">${BADGES[mark].word}</span>`;
    const { sensitivity, fixGain, failureLoss } = row.impact;
    return [
      `<tr${mark === 'none' ? '' : ` class="${mark}"`} data-order="${order}" data-fix-gain="${dataNumber(fixGain)}" data-failure-loss="${dataNumber(failureLoss)}" data-sensitivity="${dataNumber(sensitivity)}" data-strength="${dataNumber(row.strength)}">`,
      `<td><strong>${x(names.link(row.link))}</strong>${badge}</td>`,
      `<td class="kind">${row.link.type === 'actor' ? names.kind(row.link.id) : 'hand-off'}</td>`,
      `<td class="num">${x(formatNumber(row.strength))}</td>`,
      `<td class="num">${x(formatSigned(fixGain))}</td>`,
      `<td class="num">${x(formatNumber(failureLoss))}</td>`,
      `<td class="num">${x(formatNumber(sensitivity))}</td>`,
      `<td>${row.impact.weakestFor.length === 0 ? '—' : x(row.impact.weakestFor.map((id) => names.node(id)).join(', '))}</td>`,
      '</tr>',
    ].join('');
  });
  const header = (column: string, label: string, sort?: 'descending') =>
    `<th class="num" data-sort="${column}"${sort ? ` aria-sort="${sort}"` : ''}><button type="button">${label}</button></th>`;
  // Ten rows show at first (CSS hides the rest until "Show all"; print shows every row).
  const collapsible = rows.length > 10;
  const more = `Show all ${rows.length} links`;
  return {
    html: [
      `<table id="sc-links" class="sortable${collapsible ? ' collapsed' : ''}">`,
      '<thead><tr><th>Link</th><th>Kind</th>',
      header('strength', 'Strength'),
      header('fix-gain', 'Fix gain', 'descending'),
      header('failure-loss', 'Failure loss'),
      header('sensitivity', 'Sensitivity'),
      '<th>Weakest link for</th></tr></thead>',
      `<tbody>${html.join('\n')}</tbody>`,
      '</table>',
      collapsible
        ? `<button type="button" class="more" data-table="sc-links" data-more="${more}">${more}</button>`
        : '',
    ].join('\n'),
    omitted: report.actors.length + report.handoffs.length - all.length,
    shown: rows.length,
    more: all.length - rows.length,
  };
}

/** Cycles (with their convergence) and warnings, or a line saying there are none. */
export function findingsList(report: Report, names: Names): string {
  const items = [
    ...report.cycles.map(
      (cycle) =>
        `<li>Cycle: ${x(cycle.nodes.map((id) => names.node(id)).join(' ⇄ '))} — ${cycle.converged ? `settled after ${cycle.iterations} iterations` : `<strong class="low">did not settle</strong> after ${cycle.iterations} iterations`}.</li>`,
    ),
    ...report.warnings.map(
      (w) =>
        `<li><span class="badge note">${x(w.code)}</span> ${x(`${w.message}${warningPlace(w)}`)}</li>`,
    ),
  ];
  return items.length === 0
    ? '<p class="hint">No cycles and no warnings.</p>'
    : `<ul class="findings">${items.join('\n')}</ul>`;
}
