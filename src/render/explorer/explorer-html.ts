/**
 * The explorer's parts of the HTML report (docs/explorer.md): the zoomable diagram with its
 * toolbar (find, levels, zoom), the "Try a change" section (the scenario's score, the sliders, the
 * add-a-hand-off form) and the scenario's YAML. The page's one script fills and drives them; every
 * model string reaches it through the JSON data block, never through this markup.
 */
import type { Report } from '../../analysis/report.js';
import { type RollUp, rollUp as rollUpOf } from '../../analysis/roll-up.js';
import type { Model } from '../../model/schema.js';
import { buildDiagram, buildRollUpDiagram } from '../diagram.js';
import type { Diagram } from '../diagram-graph.js';
import type { DiagramLevel } from '../diagram-options.js';
import { escapeXml as x } from '../escape.js';
import { formatCount } from '../format.js';
import { singlePointKeys } from '../html/single-points.js';
import { layoutFallback } from '../layout.js';
import { diagramSvg } from '../svg.js';

/**
 * Boxes above which a picture of every actor is no longer readable at a glance: a model with
 * departments then opens at the department level, a click on a department showing its actors.
 */
export const EXPLORER_DEPARTMENT_VIEW = 150;

/**
 * The diagrams of the page, the one it opens with first: the department picture first when asked
 * (`level: 'department'`, or a roll-up given) or when the actor picture is too big to read, the
 * actor picture always (a click on a department opens it there).
 */
export function explorerDiagrams(
  report: Report,
  model: Model,
  { level = 'actor', rollUp }: { level?: DiagramLevel; rollUp?: RollUp } = {},
): Diagram[] {
  const actors = buildDiagram(report, model, { level: 'actor' });
  const asked = level === 'department' || rollUp !== undefined;
  if (!asked && actors.nodes.length <= EXPLORER_DEPARTMENT_VIEW) return [actors];
  const departments = buildRollUpDiagram(
    report,
    model,
    rollUp ?? rollUpOf(report, model, { level: 1 }),
  );
  if (!asked && departments.nodes.length >= actors.nodes.length) return [actors];
  return [departments, actors];
}

/** The diagram section: the toolbar, every picture in one zoomable viewport, the side panel. */
export function diagramSection(report: Report, diagrams: readonly Diagram[]): string[] {
  return [
    '<section id="sc-diagram">',
    '<h2>The service chain</h2>',
    `<p class="hint">Work flows left to right, from suppliers to customers. Filled vermilion with a dot: fix first (the largest gain). Dashed blue: a customer's weakest link, which caps what it can receive. Orange: the next best links to fix. ↻: a loop a customer's chain goes round. Numbers on arrows are hand-off quality (1 = perfect). Click a box or an arrow to see its figures; scroll to zoom, drag to pan. Once you try a change, the marks show each customer's weakest link now (a thick line) and the links you changed (a dashed blue outline).${sizeNote(diagrams)}</p>`,
    toolbar(diagrams.length > 1 ? diagrams[0]!.level : null),
    '<div class="diagram-layout">',
    viewport(report, diagrams),
    '<aside id="sc-panel" class="panel" aria-live="polite"><div class="kind">Details</div><h3>Select a box</h3><p class="hint">Click any box or arrow in the diagram to see its service, chain strength and what fixing it would gain.</p></aside>',
    '</div>',
    '</section>',
  ];
}

/** What the reader should know about the pictures' size: the department start, a plain layout. */
function sizeNote(diagrams: readonly Diagram[]): string {
  const notes: string[] = [];
  if (diagrams.length > 1)
    notes.push(
      `The page opens with one box per department (${formatCount(diagrams[1]!.nodes.length)} boxes at actor level): click a department to see its actors, and "Departments" to come back. At the department level the boxes show no service figure while a change is applied; the tables have every figure.`,
    );
  for (const diagram of diagrams) {
    const fallback = layoutFallback(diagram);
    if (fallback !== null) notes.push(`Note (${diagram.level} level): ${fallback}.`);
  }
  return notes.map((note) => ` ${x(note)}`).join('');
}

/**
 * Every picture in one zoomable viewport, the first shown. The viewport takes the first
 * picture's proportions (within the stylesheet's bounds), so a wide, flat chain is not drawn in
 * a tall, mostly empty box.
 */
function viewport(report: Report, diagrams: readonly Diagram[]): string {
  const svgs = diagrams.map((diagram) =>
    diagramSvg(diagram, { fit: true, marked: singlePointKeys(report, diagram) }),
  );
  const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svgs[0] ?? '');
  const ratio = size === null ? '' : ` style="aspect-ratio: ${size[1]} / ${size[2]}"`;
  const views = svgs.map(
    (svg, i) =>
      `<div class="x-view" data-level="${diagrams[i]!.level}"${i === 0 ? '' : ' hidden'}>${svg}</div>`,
  );
  return `<div id="sc-viewport" class="x-viewport"${ratio}>${views.join('')}</div>`;
}

function toolbar(first: DiagramLevel | null): string {
  const pressed = (level: DiagramLevel) => String(first === level);
  const levels =
    first === null
      ? ''
      : `<span class="x-levels" role="group" aria-label="Level"><button type="button" data-view="department" aria-pressed="${pressed('department')}">Departments</button><button type="button" data-view="actor" aria-pressed="${pressed('actor')}">Every actor</button></span>`;
  return [
    '<div class="x-toolbar">',
    '<form id="sc-search" role="search"><label for="sc-search-input">Find</label> <input id="sc-search-input" type="search" placeholder="a name"> <button type="submit">Show</button> <span id="sc-search-status" class="hint" aria-live="polite"></span></form>',
    levels,
    '<span class="x-zoom"><button type="button" id="sc-zoom-in" aria-label="Zoom in">+</button><button type="button" id="sc-zoom-out" aria-label="Zoom out">−</button><button type="button" id="sc-zoom-fit">Fit</button></span>',
    '</div>',
  ].join('');
}

/** The "Try a change" section: the scenario's score, the sliders, the add form, the YAML. */
export function exploreSection(): string[] {
  return [
    '<section id="sc-explore">',
    '<h2>Try a change</h2>',
    "<p class=\"hint\">Move a slider to set a hand-off's quality or an actor's performance or welfare (1 = perfect); Break sets it to 0, Fix to 1, Undo puts back the model's value. Add a hand-off the model does not have. Changes stack into one scenario, and every figure of the diagram and the customers table is recomputed in this page at once. The address of this page holds the scenario, so a saved link reopens it.</p>",
    '<div class="x-status"><span id="sc-score-change" aria-live="polite">As modelled. Move a slider to try a change.</span> <button type="button" id="sc-reset">Reset every change</button> <span id="sc-timing" class="hint" data-role="timing"></span> <span id="sc-fragment-status" class="hint"></span></div>',
    '<div class="x-grid">',
    '<div id="sc-controls"><h3>Links</h3></div>',
    '<div>',
    '<div id="sc-add"><h3>Add a hand-off</h3><p class="hint">From an actor to another actor or a customer, at a quality; it joins the scenario as an <code>add</code>.</p></div>',
    '<div id="sc-scenario"><h3>The scenario</h3>',
    '<p class="hint">Save this as a file and run <code>service-chain what-if model.yaml --scenario scenario.yaml</code> for the full what-if report.</p>',
    '<pre id="sc-scenario-yaml" data-role="scenario-yaml"></pre>',
    '<p><button type="button" id="sc-copy">Copy</button> <button type="button" id="sc-download">Download scenario.yaml</button> <span id="sc-copy-status" class="hint" aria-live="polite"></span></p>',
    '</div>',
    '</div>',
    '</div>',
    '<noscript><p>Trying changes needs JavaScript; the figures shown are the model as given.</p></noscript>',
    '</section>',
  ];
}
