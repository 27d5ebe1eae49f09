/**
 * The HTML report's Monte Carlo section (`analyze --uncertainty`, docs/uncertainty.md, "Monte
 * Carlo"): S, every customer's service and the listed links' fix gains, each with its 90% interval
 * drawn as a bar. The bars are inline SVG (no script, nothing the page's CSP does not already
 * allow): the interval a blue band, the mean a black tick, the point analysis' figure a vermilion
 * diamond (Okabe–Ito colours, told apart by shape as well). Every bar is an image whose label says
 * the same in words, and the numbers stand in the table beside it.
 */
import type { Report } from '../../analysis/report.js';
import type { Interval, UncertaintyReport } from '../../analysis/uncertainty-report.js';
import { BADGES } from '../badges.js';
import { moreNote } from '../document.js';
import { escapeXml as x } from '../escape.js';
import { formatCount, formatNumber, formatPercent, NOT_AVAILABLE, plural } from '../format.js';
import type { Names } from './names.js';

const WIDTH = 220;
const HEIGHT = 14;
const INTERVAL_COLOUR = BADGES.weakest.stroke;
const POINT_COLOUR = BADGES.fixFirst.stroke;

/** `0.625 to 0.679`, or n/a. */
function range(interval: Interval | null): string {
  return interval === null
    ? NOT_AVAILABLE
    : `${formatNumber(interval.low)} to ${formatNumber(interval.high)}`;
}

/**
 * One interval on the axis 0 .. `scale` as an SVG image: band from low to high, tick at the mean,
 * diamond at the point analysis' value (when known). Empty when there is no interval.
 */
export function intervalBar(
  interval: Interval | null,
  point: number | null,
  scale: number,
): string {
  if (interval === null || !(scale > 0)) return '';
  const at = (v: number) =>
    ((Math.min(scale, Math.max(0, v)) / scale) * (WIDTH - 8) + 4).toFixed(1);
  const low = Number(at(interval.low));
  const high = Number(at(interval.high));
  const mean = at(interval.mean);
  const label = `90% interval ${range(interval)}, mean ${formatNumber(interval.mean)}${
    point === null ? '' : `, point analysis ${formatNumber(point)}`
  }`;
  const parts = [
    `<svg class="sc-interval" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${x(label)}">`,
    `<title>${x(label)}</title>`,
    `<line x1="4" y1="7" x2="${WIDTH - 4}" y2="7" stroke="#d5dbdf" stroke-width="2"/>`,
    `<rect x="${low.toFixed(1)}" y="3" width="${Math.max(1.5, high - low).toFixed(1)}" height="8" rx="2" fill="${INTERVAL_COLOUR}" fill-opacity="0.45" stroke="${INTERVAL_COLOUR}"/>`,
    `<line x1="${mean}" y1="1" x2="${mean}" y2="13" stroke="#1c2833" stroke-width="2"/>`,
  ];
  if (point !== null) {
    const p = at(point);
    parts.push(
      `<path d="M${p} 2.5 L${(Number(p) + 4.5).toFixed(1)} 7 L${p} 11.5 L${(Number(p) - 4.5).toFixed(1)} 7 Z" fill="${POINT_COLOUR}" stroke="#fff" stroke-width="1"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The point analysis' figures the bars mark: S, service by customer id, fix gain by link key. */
function pointFigures(report: Report) {
  const service = new Map(report.customers.map((c) => [c.id, c.service]));
  const fix = new Map<string, number | null>();
  for (const a of report.actors) fix.set(`actor:${a.id}`, a.fixGain);
  for (const h of report.handoffs) fix.set(`handoff:${h.id}`, h.fixGain);
  return { score: report.score, service, fix };
}

/** The section, the customers and links each bounded by `top`; every name escaped. */
export function uncertaintyHtml(
  result: UncertaintyReport,
  report: Report,
  names: Names,
  top: number,
): string {
  const point = pointFigures(report);
  const customers = result.customers.slice(0, top).map((c) => {
    const weakest = c.weakestLinks[0];
    return [
      '<tr>',
      `<td><strong>${x(names.node(c.id))}</strong></td>`,
      `<td class="num">${x(formatNumber(c.service?.mean))}</td>`,
      `<td class="num">${x(range(c.service))}</td>`,
      `<td>${intervalBar(c.service, point.service.get(c.id) ?? null, 1)}</td>`,
      `<td>${weakest === undefined ? 'none' : x(names.link(weakest.link))}</td>`,
      `<td class="num">${weakest === undefined ? NOT_AVAILABLE : x(formatPercent(weakest.probability))}</td>`,
      '</tr>',
    ].join('');
  });
  const shown = result.links.slice(0, top);
  const scale = Math.max(0, ...shown.map((l) => l.fixGain?.high ?? 0));
  const links = shown.map((l) => {
    const exact = point.fix.get(`${l.link.type}:${l.link.id}`) ?? null;
    return [
      '<tr>',
      `<td><strong>${x(names.link(l.link))}</strong></td>`,
      `<td class="num">${x(formatNumber(l.fixGain?.mean))}</td>`,
      `<td class="num">${x(range(l.fixGain))}</td>`,
      `<td>${intervalBar(l.fixGain, exact, scale)}</td>`,
      `<td class="num">${x(formatPercent(l.firstFix))}</td>`,
      `<td class="num">${x(formatPercent(l.inTop))}</td>`,
      '</tr>',
    ].join('');
  });
  const more = (shown: number, total: number, noun: string) =>
    shown < total ? `<p class="hint">${x(moreNote(shown, total, noun))}</p>` : '';
  const score = result.score;
  return [
    '<section id="sc-uncertainty">',
    '<h2>Uncertainty</h2>',
    `<p class="hint">${x(`${formatCount(result.samples)} samples (seed ${result.seed}), ${plural(result.estimates, 'estimate')} drawn.`)} Each bar shows the 90% interval (5th to 95th percentile) as a blue band, the mean as a black line and the figure of the point analysis as a vermilion diamond.</p>`,
    `<p id="sc-uncertainty-score"><strong>Organisation score S:</strong> ${
      score === null
        ? NOT_AVAILABLE
        : `${x(formatNumber(score.mean))}, 90% interval ${x(range(score))} ${intervalBar(score, point.score, 1)}`
    }</p>`,
    result.estimates === 0
      ? '<p class="hint">No value is an estimate with a spread: every figure is exact.</p>'
      : '',
    '<h3>Customers</h3>',
    '<table id="sc-uncertainty-customers">',
    '<thead><tr><th>Customer</th><th class="num">Service</th><th class="num">90% interval</th><th>On 0 to 1</th><th>Most often weakest link</th><th class="num">How often</th></tr></thead>',
    `<tbody>${customers.join('\n')}</tbody>`,
    '</table>',
    more(customers.length, result.customers.length, 'customer'),
    '<h3>Links to fix</h3>',
    '<table id="sc-uncertainty-links">',
    `<thead><tr><th>Link</th><th class="num">Fix gain</th><th class="num">90% interval</th><th>On 0 to ${x(formatNumber(scale))}</th><th class="num">First fix</th><th class="num">In top ${result.topRank}</th></tr></thead>`,
    `<tbody>${links.join('\n')}</tbody>`,
    '</table>',
    more(links.length, result.links.length, 'link'),
    '<p class="hint">First fix: how often the link had the largest fix gain.</p>',
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
