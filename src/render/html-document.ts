/**
 * The HTML layouter of the document model (document.ts), beside text.ts, markdown.ts and csv.ts:
 * one self-contained page in the HTML report's style (its stylesheet, html/style.ts, is reused
 * as is), for what-if, plan and any other document. The first level-1 heading is the page title;
 * each level-2 heading opens a card. No script, so the CSP allows none; nothing is fetched; every
 * model string is escaped (escape.ts).
 */
import type { Block, Cell, Column, Document } from './document.js';
import { escapeXml as x } from './escape.js';
import { htmlPage } from './html/page.js';
import { REPORT_CSS } from './html/style.js';

/** What this layout adds to the report's stylesheet: scrolling tables and fact lists. */
const DOCUMENT_CSS = `
.table-scroll { overflow-x: auto; }
.table-scroll table { min-width: 560px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 10px 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
p.note { color: var(--muted); font-size: 13px; margin-top: 10px; }
`;

/** A cell as HTML: ids in code, names and words as text. */
function cellHtml(cell: Cell): string {
  return cell
    .map((span) => (span.id === true ? `<code>${x(span.text)}</code>` : x(span.text)))
    .join('');
}

function tableHtml(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const cls = (column: Column) => (column.align === 'right' ? ' class="num"' : '');
  const head = columns.map((column) => `<th${cls(column)}>${x(column.title)}</th>`).join('');
  const body = rows.map(
    (row) =>
      `<tr>${columns.map((column, c) => `<td${cls(column)}>${cellHtml(row[c] ?? [])}</td>`).join('')}</tr>`,
  );
  return `<div class="table-scroll"><table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

/** One block as HTML (level-1 and level-2 headings are handled by the page). */
function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level + 1}>${cellHtml(block.text)}</h${block.level + 1}>`;
    case 'paragraph':
      return `<p>${cellHtml(block.cell)}</p>`;
    case 'note':
      return `<p class="note">${cellHtml(block.cell)}</p>`;
    case 'list':
      return `<ul class="findings">${block.items.map((item) => `<li>${cellHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<dl class="facts">${block.facts.map((f) => `<dt>${x(f.label)}</dt><dd>${cellHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'table':
      return tableHtml(block.columns, block.rows);
  }
}

/** The page body: blocks before the first level-2 heading, then one card per level-2 section. */
function bodyHtml(blocks: readonly Block[]): string[] {
  const parts: string[] = [];
  let open = false;
  for (const block of blocks) {
    if (block.type === 'heading' && block.level <= 2) {
      if (open) parts.push('</section>');
      parts.push('<section>', `<h2>${cellHtml(block.text)}</h2>`);
      open = true;
    } else parts.push(blockHtml(block));
  }
  if (open) parts.push('</section>');
  return parts;
}

/** A document as one self-contained HTML page; `eyebrow` names what kind of page it is. */
export function documentHtml(document: Document, eyebrow = 'Service chain'): string {
  const first = document.findIndex((block) => block.type === 'heading' && block.level === 1);
  const titleBlock = first < 0 ? undefined : document[first];
  const title =
    titleBlock?.type === 'heading' ? titleBlock.text.map((span) => span.text).join('') : eyebrow;
  const rest = first < 0 ? document : [...document.slice(0, first), ...document.slice(first + 1)];
  return documentPage(title, eyebrow, rest);
}

/**
 * A page of `title` whose body is a document, after any `before` lines (a chart, already
 * escaped by its builder): the page shell of every HTML output (html/page.ts).
 */
export function documentPage(
  title: string,
  eyebrow: string,
  document: Document,
  before: readonly string[] = [],
): string {
  return htmlPage({
    title,
    eyebrow,
    css: REPORT_CSS + DOCUMENT_CSS,
    main: [...before, ...bodyHtml(document)],
    footer: 'Made with service-chain. Every figure is an exact re-evaluation of the model.',
  });
}
