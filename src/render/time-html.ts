/**
 * A minimal self-contained HTML page for `diff`, `trend` and `dynamics` (docs/model.md, "Change
 * over time"): the report's stylesheet and the same head as the HTML report (html.ts), the text
 * layout of the document (text.ts, the one layouter) in a `<pre>`, and the SVG chart when there is
 * one. No script, so the page's policy forbids scripts altogether.
 */
import type { Document } from './document.js';
import { escapeXml as x } from './escape.js';
import { REPORT_CSS } from './html/style.js';
import { documentText } from './text.js';

/** The page: `title`, then the chart (SVG markup, already escaped by its builder), then the document. */
export function timePage(title: string, document: Document, chart?: string): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${x(title)} — service chain report</title>`,
    `<style>${REPORT_CSS}\npre.sc-document { white-space: pre-wrap; font-size: 13px; }</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    '<p class="eyebrow">Service chain report</p>',
    `<h1>${x(title)}</h1>`,
    '</header>',
    ...(chart === undefined ? [] : [`<section class="sc-chart">${chart}</section>`]),
    `<section><pre class="sc-document">${x(documentText(document))}</pre></section>`,
    '<footer>Made with service-chain.</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
