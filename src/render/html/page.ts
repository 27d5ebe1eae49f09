/**
 * The one shell of every HTML page the library writes (the report, the explorer, the what-if and
 * plan pages): a self-contained document with inline CSS, at most one inline script pinned by its
 * SHA-256 in the Content-Security-Policy (`default-src 'none'`: no request can leave the page),
 * and the script's data in a JSON block it reads as text.
 */
import { jsonForScript, escapeXml as x } from '../escape.js';

/** What a page holds; `header` lines follow its `<h1>`, `main` lines follow the header. */
export interface PageParts {
  /** The page's title and heading (escaped here). */
  readonly title: string;
  /** What kind of page it is: "Service chain report" and the like (escaped here). */
  readonly eyebrow: string;
  /** The `id` of the `<h1>`, if the page's script or tests look it up. */
  readonly titleId?: string;
  readonly css: string;
  /** HTML lines after the heading, inside `<header>`. */
  readonly header?: readonly string[];
  /** HTML lines of the page's body, after the header. */
  readonly main: readonly string[];
  /** The footer's text (escaped here). */
  readonly footer: string;
  /** The one inline script, its base64 SHA-256, and the data it reads from a JSON block. */
  readonly script?: {
    readonly js: string;
    readonly hash: string;
    readonly dataId: string;
    readonly data: unknown;
  };
}

/** The page as one HTML document. */
export function htmlPage(parts: PageParts): string {
  const scriptSrc = parts.script === undefined ? '' : `; script-src 'sha256-${parts.script.hash}'`;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${scriptSrc}`;
  const titleId = parts.titleId === undefined ? '' : ` id="${x(parts.titleId)}"`;
  const scripts =
    parts.script === undefined
      ? []
      : [
          `<script type="application/json" id="${x(parts.script.dataId)}">${jsonForScript(parts.script.data)}</script>`,
          `<script>${parts.script.js}</script>`,
        ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${x(parts.title)} — ${x(parts.eyebrow.toLowerCase())}</title>`,
    `<style>${parts.css}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<p class="eyebrow">${x(parts.eyebrow)}</p>`,
    `<h1${titleId}>${x(parts.title)}</h1>`,
    ...(parts.header ?? []),
    '</header>',
    ...parts.main,
    `<footer>${x(parts.footer)}</footer>`,
    '</main>',
    ...scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
