/**
 * The "Money at risk" view as an HTML fragment (`<section id="sc-money">`) for the HTML report:
 * the same document as `moneyText`, styled by the report's own CSS (`num`, `hint`, `badge note`).
 * Every model string is escaped.
 */
import type { BusinessImpact } from '../analysis/business-impact.js';
import type { Block, Cell } from './document.js';
import { escapeXml as x } from './escape.js';
import {
  type MoneyNames,
  type MoneyRenderOptions,
  moneyDocument,
  SOURCE_MARKS,
} from './money-document.js';

const MARKS = new Set<string>(Object.values(SOURCE_MARKS));

/** A cell's text, escaped; a coefficient's source mark becomes a grey badge. */
function cellHtml(cell: Cell): string {
  return cell
    .map((span) =>
      span.id !== true && MARKS.has(span.text)
        ? ` <span class="badge note">${x(span.text.trim().slice(1, -1))}</span>`
        : x(span.text),
    )
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${cellHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
    case 'note':
      return `<p class="hint">${cellHtml(block.cell)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${cellHtml(item)}</li>`).join('')}</ul>`;
    case 'facts':
      return `<ul>${block.facts.map((f) => `<li>${x(f.label)}: ${cellHtml(f.value)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block);
  }
}

function tableHtml(block: Extract<Block, { type: 'table' }>): string {
  const cls = (align: 'left' | 'right') => (align === 'right' ? ' class="num"' : '');
  const head = block.columns.map((c) => `<th${cls(c.align)}>${x(c.title)}</th>`).join('');
  const rows = block.rows.map(
    (row) =>
      `<tr>${row.map((cell, i) => `<td${cls(block.columns[i]?.align ?? 'left')}>${cellHtml(cell)}</td>`).join('')}</tr>`,
  );
  return [
    '<table>',
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** The money view as a `<section id="sc-money">` fragment to place in the HTML report's `<main>`. */
export function moneyHtml(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
  names?: MoneyNames,
): string {
  return [
    '<section id="sc-money">',
    ...moneyDocument(impact, options, names).map(blockHtml),
    '</section>',
  ].join('\n');
}
