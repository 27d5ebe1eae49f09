/**
 * The explorer's styles on top of the report's: the zoomable viewport, the live marks on the
 * diagram, the "Try a change" controls and the live columns of the customers table. Marks are told apart by shape as well as colour (a thick line
 * for a weakest link, a dashed outline for a changed link, a halo for a traced chain), so a
 * colour-blind reader can read them; the print stylesheet prints the scenario and the tables.
 */
import { HIGHLIGHT_COLOURS } from '../diagram-style.js';

const WEAK = HIGHLIGHT_COLOURS.weakest.stroke;
const PLAIN = HIGHLIGHT_COLOURS.none.stroke;
/** An added hand-off: a colour no other mark uses, and a dotted line (told apart by shape too). */
const ADDED = '#7d3c98';

/** CSS appended to the report's inline stylesheet. */
export const EXPLORER_CSS = `
.x-viewport { width: 100%; min-height: 260px; max-height: 75vh; border: 1px solid var(--line); border-radius: 8px; background: #fff; overflow: hidden; touch-action: none; cursor: grab; }
.x-view { height: 100%; }
.x-view[hidden] { display: none; }
.x-levels button[aria-pressed="true"] { background: var(--blue); border-color: var(--blue); color: #fff; }
.x-levels button { margin-right: 4px; }
.x-view[data-level="department"] .sc-node { cursor: zoom-in; }
.x-view[data-level="department"] .sc-live .sc-node text:nth-of-type(2) { visibility: hidden; }
.x-toolbar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; margin: 8px 0; }
.x-toolbar input { font: inherit; padding: 3px 6px; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
button:focus-visible, input:focus-visible, tr:focus-visible { outline: 3px solid var(--blue); outline-offset: 1px; }
.x-zoom button { min-width: 34px; margin-left: 4px; }
.x-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 18px; }
.x-grid > div { min-width: 0; }
.x-status { position: sticky; top: 0; z-index: 2; background: var(--card); padding: 8px 0; margin-bottom: 8px; border-bottom: 1px solid var(--line); font-weight: 600; }
.x-status .hint { font-weight: normal; }
.x-note { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
.x-note:empty { display: none; }
.x-now { display: none; }
table.x-live .x-now { display: table-cell; }
table.x-live td.x-now { font-weight: 700; }
#sc-customers tbody tr { cursor: pointer; }
#sc-customers tr.x-selected td { background: #eaf2f8; }
.x-add { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 6px 0; }
.x-add select, .x-add input { font: inherit; font-size: 13px; padding: 3px 4px; max-width: 220px; }
.x-add input[type=number] { width: 72px; }
.x-added { margin: 6px 0 12px; padding-left: 20px; font-size: 13px; }
.x-added button { padding: 1px 6px; font-size: 12px; margin-left: 4px; }
#sc-scenario { margin-top: 12px; }
.x-controls { width: 100%; border-collapse: collapse; font-size: 13px; margin-top: 4px; }
.x-controls th, .x-controls td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eaeded; }
.x-controls input[type=range] { width: 100%; min-width: 90px; }
.x-controls tr.x-changed td:first-child { box-shadow: inset 4px 0 0 var(--blue); font-weight: 700; }
.x-actions { white-space: nowrap; }
.x-actions button { padding: 1px 6px; margin-right: 2px; font-size: 12px; }
.x-table { overflow-x: auto; }
.x-controls thead th { position: sticky; top: 0; background: var(--card); }
#sc-controls-filter { width: 100%; margin: 6px 0; font: inherit; padding: 4px 6px; }
#sc-controls { max-height: 70vh; overflow: auto; }
.num { font-variant-numeric: tabular-nums; }
#sc-scenario-yaml { background: #f8f9f9; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow: auto; font-size: 13px; white-space: pre-wrap; }
.sc-live .sc-edge path { stroke: ${PLAIN}; marker-end: url(#sc-arrow-none); }
.sc-live .sc-edge text { fill: ${PLAIN}; font-weight: normal; }
.sc-live .sc-node rect { stroke: ${PLAIN}; stroke-width: 1; }
.sc-live .sc-node:not(.sc-customer) rect { fill: #ffffff; }
.sc-live .sc-edge.x-weakest path { stroke: ${WEAK}; stroke-width: 3.5; marker-end: url(#sc-arrow-weakest); }
.sc-live .sc-edge.x-weakest text { fill: ${WEAK}; font-weight: bold; }
.sc-live .sc-node.x-weakest rect { stroke: ${WEAK}; stroke-width: 3.5; }
.sc-live .x-changed path, .sc-live .sc-node.x-changed rect { stroke-dasharray: 6 3; }
.sc-live .sc-node.x-changed rect { stroke: var(--blue); stroke-width: 3; }
.sc-live .sc-edge.x-changed path { stroke: var(--blue); stroke-width: 3; }
.x-added-edge line { stroke: ${ADDED}; stroke-width: 2.5; stroke-dasharray: 2 4; stroke-linecap: round; }
.x-added-edge polygon { fill: ${ADDED}; }
.x-added-edge text { fill: ${ADDED}; font-weight: bold; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.x-added input[type=range] { vertical-align: middle; width: 140px; margin: 0 6px; }
.sc-tracing .x-added-edge { opacity: 0.35; }
.sc-tracing .sc-node:not(.x-path) { opacity: 0.35; }
.sc-tracing .sc-edge:not(.x-path) { opacity: 0.2; }
@media (max-width: 900px) { .x-grid { grid-template-columns: 1fr; } .summary { grid-template-columns: 1fr; } }
@media (max-width: 700px) {
  .x-controls { display: table; }
  .x-controls thead { display: none; }
  .x-controls tr { display: grid; grid-template-columns: 1fr auto; align-items: center; border-bottom: 1px solid #eaeded; padding: 4px 0; }
  .x-controls td { border: 0; padding: 2px 4px; }
  .x-controls td:nth-child(3) { grid-column: 1 / -1; }
}
@media print {
  .x-toolbar, .x-actions, #sc-controls-filter, #sc-reset, #sc-copy, #sc-download, .x-controls input[type=range], .x-add, .x-added button, .x-added input[type=range] { display: none; }
  .x-status { position: static; }
  .x-viewport { height: auto; border: none; }
  #sc-controls { max-height: none; overflow: visible; }
  .x-controls tr:not(.x-changed) { display: none; }
  section { break-inside: avoid; }
}
`;
