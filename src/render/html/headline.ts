/**
 * The HTML report's headline: the same sentences as the text and Markdown headline
 * (headline-document.ts), with the words of a badge drawn as the badge of badges.ts.
 */
import type { Report } from '../../analysis/report.js';
import { BADGES, type Highlight } from '../badges.js';
import type { Cell } from '../document.js';
import { escapeXml as x } from '../escape.js';
import { headlineBlocks, headlineNodes } from '../headline-document.js';
import { reportNames } from '../names.js';

/** The badge a headline item starts with, by its words (`[fix first]`). */
function markOf(cell: Cell): Exclude<Highlight, 'none'> | null {
  const first = cell[0]?.text;
  for (const mark of ['fixFirst', 'weakest', 'fix'] as const)
    if (first === `[${BADGES[mark].word}]`) return mark;
  return null;
}

/** One headline item as a list item: its badge drawn, names in bold, the rest escaped. */
function itemHtml(cell: Cell, nodes: ReadonlySet<string>): string {
  const mark = markOf(cell);
  const spans = mark === null ? cell : cell.slice(1);
  const body = spans
    .map((span) => (nodes.has(span.text) ? `<strong>${x(span.text)}</strong>` : x(span.text)))
    .join('');
  if (mark === null) return `<li>${body}</li>`;
  return `<li class="${mark}"><span class="badge ${mark}">${x(BADGES[mark].word)}</span>${body}</li>`;
}

/** The headline's items as `<li>`s (empty without a headline), and its closing explanation. */
export function headlineHtml(report: Report, top: number): { items: string[]; note: string } {
  const shown = new Set(headlineNodes(report, top));
  const name = reportNames(report, shown);
  const names = new Set([...shown].map((nodeId) => name(nodeId).text));
  const blocks = headlineBlocks(report, top, name);
  const items = blocks.flatMap((block) =>
    block.type === 'list' ? block.items.map((cell) => itemHtml(cell, names)) : [],
  );
  const note = blocks.flatMap((block) =>
    block.type === 'paragraph' ? [block.cell.map((span) => x(span.text)).join('')] : [],
  );
  return { items, note: note.join(' ') };
}
