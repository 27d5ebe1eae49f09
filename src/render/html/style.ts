/**
 * The HTML report's inline stylesheet: calm greys, and the marks of badges.ts (fix first filled
 * vermilion, weakest link dashed blue, worth fixing orange), never told apart by colour alone.
 */
import { BADGES } from '../badges.js';

const { fixFirst, weakest, fix } = BADGES;

/** CSS inlined into the report's `<style>`; no fonts or images are fetched. */
export const REPORT_CSS = `
:root {
  --ink: #1c2833; --muted: #566573; --line: #d5dbdf; --bg: #f4f6f7; --card: #ffffff;
  --fixfirst: ${fixFirst.stroke}; --fixfirst-bg: ${fixFirst.fill};
  --weakest: ${weakest.stroke}; --weakest-bg: ${weakest.fill};
  --fix: #a86b00; --fix-line: ${fix.stroke}; --fix-bg: ${fix.fill}; --blue: #0072B2;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif;
}
main { max-width: 1360px; margin: 0 auto; padding: 28px 28px 40px; }
h1 { font-size: 28px; margin: 0; letter-spacing: -0.01em; }
h2 { font-size: 18px; margin: 0 0 4px; }
h3 { font-size: 16px; margin: 0 0 8px; }
table + h3 { margin-top: 20px; }
p { margin: 0 0 8px; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--muted); margin: 0 0 2px; }
.sub, .hint { color: var(--muted); font-size: 13px; }
header { margin-bottom: 20px; }
section, .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
.summary { display: grid; grid-template-columns: 260px 1fr; gap: 18px; margin-bottom: 18px; }
.summary > section { margin: 0; }
.score-card { text-align: left; margin: 0; }
.score-label { font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.score { font-size: 56px; font-weight: 700; line-height: 1.05; margin: 6px 0 2px; }
.score small { font-size: 20px; color: var(--muted); font-weight: 600; margin-left: 6px; }
.meter { height: 10px; background: #e5e8e8; border-radius: 5px; overflow: hidden; margin-top: 10px; }
.meter span { display: block; height: 100%; background: var(--blue); border-radius: 5px; }
.meaning { margin: 0; }
.meaning ul { margin: 8px 0 0; padding: 0; list-style: none; }
.meaning li { margin: 6px 0; padding-left: 20px; position: relative; }
.meaning li::before { content: ""; position: absolute; left: 2px; top: 7px; width: 10px; height: 10px; border-radius: 50%; }
.meaning li.fixFirst::before { background: var(--fixfirst); }
.meaning li.weakest::before { background: var(--weakest-bg); border: 2px dashed var(--weakest); width: 8px; height: 8px; }
.meaning li.fix::before { background: var(--fix-line); }
.meaning li.least::before { background: var(--muted); }
.meaning li .badge { margin-right: 6px; }
.meaning li.why { padding-left: 20px; color: var(--muted); font-size: 13px; margin-top: -2px; }
.meaning li.why::before { display: none; }
.counts { display: flex; gap: 22px; margin-top: 12px; color: var(--muted); font-size: 13px; }
.counts strong { color: var(--ink); font-size: 18px; display: block; }
.diagram-layout { margin-top: 10px; }
.diagram-scroll { overflow: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.diagram-scroll svg { display: block; min-width: 640px; margin: 0 auto; }
.sc-node { cursor: pointer; }
.sc-node:hover rect, .sc-node:focus rect { filter: drop-shadow(0 1px 3px rgba(0,0,0,0.25)); }
.sc-node:focus { outline: none; }
.sc-node.sc-selected rect { stroke: var(--blue); stroke-width: 3; }
.sc-edge { cursor: pointer; }
.panel { border: 1px solid var(--line); border-left: 4px solid var(--blue); border-radius: 8px; padding: 12px 16px; background: #fbfcfc; margin-top: 12px; min-height: 92px; }
.panel .kind { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.panel h3 { display: inline-block; margin: 0 10px 0 0; }
.panel dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 6px 18px; margin: 10px 0 0; }
.panel dl div { border-top: 1px solid #eaeded; padding-top: 4px; }
.panel dt { color: var(--muted); font-size: 12px; }
.panel dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 700; font-size: 18px; }
.panel .note { margin: 8px 0 0; font-size: 13px; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 7px; border-radius: 9px; vertical-align: 1px; white-space: nowrap; }
.badge.fixFirst { background: var(--fixfirst); color: #fff; border: 1px solid var(--fixfirst); }
.badge.fixFirst::before { content: "\\25CF  "; }
.badge.weakest { background: var(--weakest-bg); color: var(--weakest); border: 1px dashed var(--weakest); }
.badge.fix { background: var(--fix-bg); color: var(--fix); border: 1px solid var(--fix-line); }
.badge.note { background: #eef1f2; color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin-top: 10px; font-size: 14px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #eaeded; vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th button { font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: #aab7b8; }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
table.collapsed tbody tr:nth-child(n+11) { display: none; }
.more { margin-top: 10px; font: inherit; font-size: 13px; color: var(--blue); background: none; border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; cursor: pointer; }
tr.fixFirst td:first-child { box-shadow: inset 4px 0 0 var(--fixfirst); }
tr.weakest td:first-child { box-shadow: inset 4px 0 0 var(--weakest); }
tr.fix td:first-child { box-shadow: inset 4px 0 0 var(--fix-line); }
.chain { color: var(--muted); font-size: 13px; }
td.kind { white-space: nowrap; color: var(--muted); }
.bar { display: inline-block; width: 60px; height: 6px; background: #e5e8e8; border-radius: 3px; margin-left: 8px; vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--blue); }
.low { color: var(--ink); font-weight: 700; }
ul.findings { margin: 8px 0 0; padding-left: 20px; }
ul.findings li { margin: 4px 0; }
code { font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f2f3f4; padding: 1px 4px; border-radius: 3px; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
@media (max-width: 900px) {
  .summary { grid-template-columns: 1fr; }
}
@media (max-width: 700px) {
  main { padding: 16px 12px 28px; }
  section, .card { padding: 14px 12px; }
  /* A wide table scrolls on its own instead of running out of its card. */
  table { display: block; overflow-x: auto; }
  td.chain { min-width: 200px; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section, .card { border: 0; padding: 0; margin-bottom: 14pt; break-inside: avoid-page; }
  .summary { grid-template-columns: 200px 1fr; }
  .diagram-scroll { overflow: visible; max-height: none; border: 0; }
  .diagram-scroll svg { max-width: 100%; height: auto; }
  .panel, .hint, .more, th button::after { display: none; }
  table.collapsed tbody tr:nth-child(n+11) { display: table-row; }
  tr { break-inside: avoid; }
}
.sc-spof > rect:first-of-type, .sc-edge.sc-spof > path { stroke-dasharray: 6 3; }
`;
