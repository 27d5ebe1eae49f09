/**
 * The "Money at risk" view as an HTML fragment (`<section id="sc-money">`) for the HTML report:
 * the same content as `moneySection`, styled by the report's own CSS (`num`, `hint`, `badge note`).
 * Every model string is escaped.
 */
import type { BusinessImpact } from '../analysis/business-impact.js';
import { escapeXml as x } from './escape.js';
import { DEFAULT_MARK, type MoneyRenderOptions, moneySection } from './money.js';
import type { Block, Cell } from './sections.js';

/** A cell's text, escaped; the `(default)` mark of a coefficient becomes a grey badge. */
function cellHtml(cell: Cell): string {
  return cell
    .map((span) =>
      span.id !== true && span.text === DEFAULT_MARK
        ? ' <span class="badge note">default</span>'
        : x(span.text),
    )
    .join('');
}

function blockHtml(block: Block): string {
  if (block.type === 'paragraph') return `<p class="hint">${cellHtml(block.cell)}</p>`;
  if (block.type === 'list') {
    return `<ul>${block.items.map((item) => `<li>${cellHtml(item)}</li>`).join('')}</ul>`;
  }
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
export function moneyHtml(impact: BusinessImpact, options?: Partial<MoneyRenderOptions>): string {
  const section = moneySection(impact, options);
  return [
    '<section id="sc-money">',
    `<h2>${x(section.title)}</h2>`,
    ...section.blocks.map(blockHtml),
    '</section>',
  ].join('\n');
}
