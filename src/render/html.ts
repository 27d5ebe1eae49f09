/**
 * The HTML report: one self-contained file (inline CSS, JS and SVG; no network; works from
 * file://) with the organisation score, what it means, the diagram with a side panel, the
 * explorer's "Try a change" (docs/explorer.md), the customers, the links to fix and the cycles
 * and warnings, then any extra views asked for (money, departments, metrics). Every model string
 * is escaped; the script's data sits in a JSON script block and is only ever written with
 * textContent.
 */
import type { CustomerReport, Report } from '../analysis/report.js';
import { resolveOptions } from '../model/options.js';
import type { Model } from '../model/schema.js';
import { DOCUMENT_DEFAULTS, moreNote } from './document.js';
import { escapeXml as x } from './escape.js';
import { EXPLORER_CSS } from './explorer/explorer-css.js';
import { explorerData } from './explorer/explorer-data.js';
import { diagramSection, explorerDiagrams, exploreSection } from './explorer/explorer-html.js';
import { explorerScript } from './explorer/explorer-script.js';
import { formatCount, formatNumber, formatPercent, plural } from './format.js';
import { departmentsHtml } from './html/departments.js';
import { headlineHtml } from './html/headline.js';
import { metricsHtml } from './html/metrics.js';
import { type Names, reportNames } from './html/names.js';
import { htmlPage } from './html/page.js';
import { panelItems } from './html/panel-data.js';
import { singlePointsSection } from './html/single-points.js';
import { REPORT_CSS } from './html/style.js';
import { customersTable, findingsList, linksTable } from './html/tables.js';
import { uncertaintyHtml } from './html/uncertainty.js';
import { HTML_DEFAULTS, type HtmlOptions, HtmlOptionsSchema } from './html-options.js';
import { moneyNames } from './money-document.js';
import { moneyHtml } from './money-html.js';

export type { HtmlOptions } from './html-options.js';

/** The extra views asked for, as sections in a fixed order: money, departments, metrics. */
function extraSections(
  options: Omit<HtmlOptions, 'level'>,
  names: Names,
  report: Report,
): string[] {
  const sections: string[] = [];
  if (options.money !== undefined)
    sections.push(
      moneyHtml(
        options.money,
        options.top === undefined ? {} : { top: options.top },
        moneyNames(report),
      ),
    );
  if (options.rollUp !== undefined) sections.push(departmentsHtml(options.rollUp, names));
  if (options.metrics !== undefined) sections.push(metricsHtml(options.metrics, names));
  if (options.uncertainty !== undefined && report !== undefined)
    sections.push(
      uncertaintyHtml(options.uncertainty, report, names, options.top ?? DOCUMENT_DEFAULTS.top),
    );
  return sections;
}

/**
 * Renders a report as one self-contained HTML page (options as for the diagrams, plus extra views
 * and the engine's iteration controls). The page carries the explorer (docs/explorer.md): the
 * model and the library's engine in its one script, a slider for every link, recomputed live.
 */
export function toHtml(report: Report, model: Model, options: HtmlOptions = {}): string {
  const settings = resolveOptions(HtmlOptionsSchema, HTML_DEFAULTS, options);
  const { top, rollUp, level, tolerance, maxIterations } = settings;
  const diagrams = explorerDiagrams(report, model, {
    level,
    ...(rollUp === undefined ? {} : { rollUp }),
  });
  const names = reportNames(report, model);
  const links = linksTable(report, names, top ?? DOCUMENT_DEFAULTS.top);
  const items = diagrams.flatMap((diagram) => panelItems(diagram, report, names));
  return htmlPage({
    title: diagrams[0]!.title,
    eyebrow: 'Service chain report',
    titleId: 'sc-model-name',
    css: REPORT_CSS + EXPLORER_CSS,
    header: [`<p class="sub">${x(modelCounts(report))}</p>`],
    main: [
      summary(report, top ?? DOCUMENT_DEFAULTS.top),
      ...diagramSection(report, diagrams),
      ...exploreSection(),
      '<section id="sc-customers-section">',
      '<h2>Customers</h2>',
      '<p class="hint">Service: the share of dealings that meet the customer\'s needs. Chain strength: the weakest link it depends on — no customer can get more than this. Once you try a change, the table shows each customer\'s service now and the change, and its chain strength, weakest link and chain now. Click a customer (or press Enter on its row) to trace its weakest-link chain in the diagram.</p>',
      customersTable(report, names),
      '</section>',
      '<section id="sc-links-section">',
      '<h2>Links to fix</h2>',
      `<p class="hint">Fix gain: how much the organisation score rises if this link alone were perfect. Failure loss: what it falls by if the link broke down. Sensitivity: the change per unit of improvement. Figures as modelled. Click a column heading to sort.${omittedNote(links.omitted)}${links.more > 0 ? ` ${x(moreNote(links.shown, links.shown + links.more, 'link'))}` : ''}</p>`,
      links.html,
      '</section>',
      ...singlePointsSection(report, names),
      '<section id="sc-findings">',
      '<h2>Cycles and warnings</h2>',
      findingsList(report, names),
      '</section>',
      ...extraSections(settings, names, report),
    ],
    footer:
      'Made with service-chain. Figures follow the service-chain model: service propagates through hand-offs; a chain is as strong as its weakest link. Changes you try are recomputed in this page by the service-chain engine; nothing is sent anywhere.',
    // The CSP pins the one inline script, the explorer's bundle, by hash (computed at build time).
    script: {
      ...explorerScript(),
      dataId: 'sc-data',
      data: explorerData(report, model, diagrams, { tolerance, maxIterations }, items),
    },
  });
}

function omittedNote(omitted: number): string {
  if (omitted === 0) return '';
  return omitted === 1
    ? ' 1 link that affects no scored customer is not listed.'
    : ` ${omitted} links that affect no scored customer are not listed.`;
}

/** The scored customer with the lowest service among those that weigh in S, if any. */
function leastServed(report: Report): CustomerReport | null {
  let least: CustomerReport | null = null;
  for (const c of report.customers) {
    if (c.service !== null && c.value > 0 && (least === null || c.service < (least.service ?? 1)))
      least = c;
  }
  return least;
}

/** The score card and the "what this means" lines. */
function summary(report: Report, top: number): string {
  const score = report.score;
  const scoreHtml =
    score === null
      ? '<div class="score" id="sc-score" data-role="score">n/a</div>'
      : `<div class="score" id="sc-score" data-role="score">${x(formatNumber(score))}<small>${x(formatPercent(score))}</small></div><div class="meter" id="sc-meter" aria-hidden="true"><span style="width:${Math.round(Math.min(1, Math.max(0, score)) * 100)}%"></span></div><p class="x-note" id="sc-score-note"></p>`;
  const meaning =
    score === null
      ? 'No external customer receives a hand-off yet, so there is no organisation score.'
      : `About ${Math.round(score * 100)} in every 100 dealings with your customers fully meet their needs (weighted by what each customer is worth).`;
  const headline = headlineHtml(report, top);
  const findings = [...headline.items];
  const least = leastServed(report);
  if (least !== null) {
    findings.push(
      `<li class="least">Least well served: <strong>${x(least.name)}</strong> (service ${x(formatNumber(least.service))}).</li>`,
    );
  }
  const caps = report.headline?.caps.length ?? 0;
  return [
    '<div class="summary">',
    `<section class="score-card"><div class="score-label">Organisation score</div>${scoreHtml}<div class="counts"><div><strong>${formatCount(caps)}</strong>${caps === 1 ? 'weakest link' : 'weakest links'}</div><div><strong>${formatCount(report.cycles.length)}</strong>${report.cycles.length === 1 ? 'cycle' : 'cycles'}</div><div><strong>${formatCount(report.warnings.length)}</strong>${report.warnings.length === 1 ? 'warning' : 'warnings'}</div></div></section>`,
    `<section class="meaning"><h2>What this means</h2><p id="sc-meaning">${meaning}</p><ul>${findings.join('')}</ul>${headline.note === '' ? '' : `<p class="hint">${headline.note}</p>`}</section>`,
    '</div>',
  ].join('\n');
}

/** `5 departments · 1 employee · 10 hand-offs · 4 external customers`, plurals right. */
function modelCounts(report: Report): string {
  let departments = 0;
  for (const actor of report.actors) if (actor.kind === 'department') departments += 1;
  const { actors, handoffs, customers } = report.model;
  return [
    plural(departments, 'department'),
    plural(actors - departments, 'employee'),
    plural(handoffs, 'hand-off'),
    plural(customers, 'external customer'),
  ].join(' · ');
}
