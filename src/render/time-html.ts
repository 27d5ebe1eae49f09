/**
 * The HTML page of `diff`, `trend` and `dynamics` (docs/model.md, "Change over time"): the
 * document laid out by the HTML layouter (html-document.ts) after the SVG chart when there is
 * one. No script, so the page's policy forbids scripts altogether.
 */
import type { Document } from './document.js';
import { documentPage } from './html-document.js';

/** The page: `title`, then the chart (SVG markup, already escaped by its builder), then the document. */
export function timePage(title: string, document: Document, chart?: string): string {
  const before = chart === undefined ? [] : [`<section class="sc-chart">${chart}</section>`];
  // The page's own heading is `title`: the document's first level-1 heading would repeat it.
  const first = document.findIndex((block) => block.type === 'heading' && block.level === 1);
  const body = first < 0 ? document : [...document.slice(0, first), ...document.slice(first + 1)];
  return documentPage(title, 'Service chain report', body, before);
}
