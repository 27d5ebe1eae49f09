/**
 * The explorer: the HTML report's diagram and customers with a slider for every link, computed
 * live in the page by the library's own engine (bundled into the page's one inline script). One
 * self-contained file: no network, a CSP that allows only that script, every model string in a
 * JSON data block that the script reads and writes as text.
 */
import type { z } from 'zod';
import type { Report } from '../../analysis/report.js';
import { ENGINE_DEFAULTS } from '../../engine/types.js';
import { type DefaultsOf, EngineOptionsSchema, resolveOptions } from '../../model/options.js';
import type { Model } from '../../model/schema.js';
import { buildDiagram } from '../diagram.js';
import type { Diagram } from '../diagram-graph.js';
import { escapeXml as x } from '../escape.js';
import { formatCount, formatNumber } from '../format.js';
import { htmlPage } from '../html/page.js';
import { REPORT_CSS } from '../html/style.js';
import { layoutFallback } from '../layout.js';
import { diagramSvg } from '../svg.js';
import { EXPLORER_CSS } from './explorer-css.js';
import { explorerData } from './explorer-data.js';
import { explorerScript } from './explorer-script.js';

/** Options of `toExplorer`: the engine's iteration controls the page recomputes with. */
export const ExplorerOptionsSchema = EngineOptionsSchema;

/** Options of `toExplorer`. @useDeclaredType */
export type ExplorerOptions = z.input<typeof ExplorerOptionsSchema>;

/** Defaults of ExplorerOptions: the engine's. */
export const EXPLORER_DEFAULTS: DefaultsOf<ExplorerOptions> = { ...ENGINE_DEFAULTS };

/**
 * Boxes above which a picture of every actor is no longer readable at a glance: a model with
 * departments then opens at the department level, a click on a department showing its actors.
 */
export const EXPLORER_DEPARTMENT_VIEW = 150;

/** The diagrams of the page, the one it opens with first. */
export function explorerDiagrams(report: Report, model: Model): Diagram[] {
  const actors = buildDiagram(report, model, { level: 'actor' });
  if (actors.nodes.length <= EXPLORER_DEPARTMENT_VIEW) return [actors];
  const departments = buildDiagram(report, model, { level: 1 });
  return departments.nodes.length < actors.nodes.length ? [departments, actors] : [actors];
}

/** The explorer page of `report` (computed from `model` with the same engine options). */
export function toExplorer(report: Report, model: Model, options?: ExplorerOptions): string {
  const engine = resolveOptions(ExplorerOptionsSchema, EXPLORER_DEFAULTS, options);
  const diagrams = explorerDiagrams(report, model);
  const data = explorerData(report, model, diagrams, engine);
  return htmlPage({
    title: diagrams[0]!.title,
    eyebrow: 'Service chain explorer',
    css: REPORT_CSS + EXPLORER_CSS,
    header: [
      `<p class="sub">${formatCount(report.model.actors)} actors · ${formatCount(report.model.handoffs)} hand-offs · ${formatCount(report.model.customers)} external customers</p>`,
    ],
    main: [
      scoreCard(report),
      '<section id="sc-diagram">',
      '<h2>The service chain</h2>',
      `<p class="hint">Scroll to zoom, drag to pan. Outlined in blue: links you changed. Marked: each customer's weakest link now. Click a customer below to trace its weakest-link chain.${sizeNote(diagrams)}</p>`,
      toolbar(diagrams.length > 1),
      `<div id="sc-viewport" class="x-viewport">${diagrams.map(viewHtml).join('')}</div>`,
      '</section>',
      '<div class="x-grid">',
      '<section id="sc-customers"><h2>Customers, before and now</h2><p class="hint">Service: the share of dealings that fully meet the customer\'s needs. Chain strength: the weakest link it depends on.</p></section>',
      '<section id="sc-controls"><h2>Links</h2><p class="hint">Move a slider to set a hand-off\'s quality or an actor\'s performance or welfare (1 = perfect). Break sets it to 0, Fix to 1.</p></section>',
      '</div>',
      scenarioSection(),
      '<noscript><p>The explorer needs JavaScript; the figures shown are the model as given.</p></noscript>',
    ],
    footer:
      'Made with service-chain. Figures are recomputed in this page by the service-chain engine; nothing is sent anywhere.',
    script: { ...explorerScript(), dataId: 'sc-explorer-data', data },
  });
}

function scoreCard(report: Report): string {
  const score = report.score === null ? 'n/a' : formatNumber(report.score);
  return [
    '<div class="summary">',
    '<section class="score-card"><div class="score-label">Organisation score</div>',
    `<div class="score" id="sc-score" data-role="score">${x(score)}</div>`,
    '<div id="sc-meter" class="meter" aria-hidden="true"><span></span></div>',
    '<p id="sc-score-change" class="x-change" aria-live="polite">As modelled.</p></section>',
    '<section class="meaning"><h2>Try a change</h2>',
    "<p>Every slider below re-evaluates the whole chain at once: the organisation score, each customer's service, chain strength and weakest link. Changes stack into a scenario you can copy and run with <code>service-chain what-if</code>. The address of this page holds the scenario, so a saved link reopens it.</p>",
    '<p><button type="button" id="sc-reset">Reset every change</button> <span id="sc-timing" class="hint" data-role="timing"></span> <span id="sc-fragment-status" class="hint"></span></p>',
    '</section>',
    '</div>',
  ].join('\n');
}

/** What the reader should know about the pictures' size: the department start, a plain layout. */
function sizeNote(diagrams: readonly Diagram[]): string {
  const notes: string[] = [];
  if (diagrams.length > 1)
    notes.push(
      `With ${formatCount(diagrams[1]!.nodes.length)} boxes, a picture of every actor is too dense to read, so the page opens at the department level: click a department to see its actors, and "Departments" to come back. At the department level the boxes show no service figure while a change is applied; the tables have every figure.`,
    );
  for (const diagram of diagrams) {
    const fallback = layoutFallback(diagram);
    if (fallback !== null) notes.push(`Note (${diagram.level} level): ${fallback}.`);
  }
  return notes.map((note) => ` ${x(note)}`).join('');
}

function viewHtml(diagram: Diagram, index: number): string {
  const hidden = index === 0 ? '' : ' hidden';
  return `<div class="x-view" data-level="${diagram.level}"${hidden}>${diagramSvg(diagram)}</div>`;
}

function toolbar(twoViews: boolean): string {
  const levels = twoViews
    ? '<span class="x-levels" role="group" aria-label="Level"><button type="button" data-view="department" aria-pressed="true">Departments</button><button type="button" data-view="actor" aria-pressed="false">Every actor</button></span>'
    : '';
  return [
    '<div class="x-toolbar">',
    '<form id="sc-search" role="search"><label for="sc-search-input">Find</label> <input id="sc-search-input" type="search" placeholder="a name"> <button type="submit">Show</button> <span id="sc-search-status" class="hint" aria-live="polite"></span></form>',
    levels,
    '<span class="x-zoom"><button type="button" id="sc-zoom-in" aria-label="Zoom in">+</button><button type="button" id="sc-zoom-out" aria-label="Zoom out">−</button><button type="button" id="sc-zoom-fit">Fit</button></span>',
    '</div>',
  ].join('');
}

function scenarioSection(): string {
  return [
    '<section id="sc-scenario">',
    '<h2>The scenario</h2>',
    '<p class="hint">Save this as a file and run <code>service-chain what-if model.yaml --scenario scenario.yaml</code> for the full what-if report.</p>',
    '<pre id="sc-scenario-yaml" data-role="scenario-yaml"></pre>',
    '<p><button type="button" id="sc-copy">Copy</button> <button type="button" id="sc-download">Download scenario.yaml</button> <span id="sc-copy-status" class="hint" aria-live="polite"></span></p>',
    '</section>',
  ].join('\n');
}
