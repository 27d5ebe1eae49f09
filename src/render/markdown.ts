/**
 * The Markdown layouter: a document (document.ts) as Markdown, with headings, GitHub tables and
 * model ids set in code. One escaping rule for every model string, so that no name or id can
 * become emphasis, a link, an image or HTML, split a table cell, or hide a character.
 */
import type { Report } from '../analysis/report.js';
import {
  type Block,
  type Cell,
  type Column,
  type Document,
  type DocumentOptions,
  resolveDocumentOptions,
} from './document.js';
import { showInvisible } from './escape.js';
import { reportDocument } from './report-document.js';

/** Options of `toMarkdown`: how many rows each table lists (links to fix, customers, cycles). */
export type MarkdownOptions = DocumentOptions;

/**
 * Escapes words for Markdown: every mark that could start emphasis, code, a link or image, HTML
 * or an entity gets a backslash, and so does `|`, so a name cannot split a table cell; then the
 * invisible characters are shown as `\u202E` escapes (a newline too, so a row stays one line).
 * Words never start a line here, so line-start marks (`#`, `-`, `1.`) are safe.
 */
export function escapeMarkdown(text: string): string {
  return showInvisible(text.replace(/[\\`*_[\]<|~&]/g, (char) => `\\${char}`));
}

/**
 * An id as a code span: fenced by one backtick more than its longest backtick run, padded when it
 * starts or ends with one; inside a table `|` still needs its backslash (GitHub splits cells
 * first), elsewhere the backslash would show.
 */
function codeSpan(text: string, inTable: boolean): string {
  const shown = showInvisible(text);
  const flat = inTable ? shown.replace(/\|/g, '\\|') : shown;
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}

function cellMarkdown(cell: Cell, inTable = false): string {
  let out = '';
  for (const part of cell) {
    out += part.id === true ? codeSpan(part.text, inTable) : escapeMarkdown(part.text);
  }
  return out;
}

function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string[] {
  const line = (texts: readonly string[]) => `| ${texts.join(' | ')} |`;
  return [
    line(columns.map((column) => escapeMarkdown(column.title))),
    `|${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => line(row.map((cell) => cellMarkdown(cell, true)))),
  ];
}

function lines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${cellMarkdown(block.text)}`];
    case 'paragraph':
      return [cellMarkdown(block.cell)];
    case 'note':
      return [`> ${cellMarkdown(block.cell)}`];
    case 'list':
      return block.items.map((entry) => `- ${cellMarkdown(entry)}`);
    case 'facts':
      return block.facts.map(
        (fact) => `- **${escapeMarkdown(fact.label)}:** ${cellMarkdown(fact.value)}`,
      );
    case 'table':
      return table(block.columns, block.rows);
  }
}

/** Lays a document out as lines of Markdown, blocks one blank line apart. */
export function layoutMarkdown(document: Document): string[] {
  const out: string[] = [];
  for (const block of document) {
    if (out.length > 0) out.push('');
    for (const line of lines(block)) out.push(line);
  }
  return out;
}

/** A document as Markdown, ending with one newline. */
export function documentMarkdown(document: Document): string {
  return `${layoutMarkdown(document).join('\n')}\n`;
}

/**
 * Renders a report as Markdown for documents: the same content as `toText` under headings, in
 * GitHub tables, every model string escaped and ids code-formatted.
 */
export function toMarkdown(report: Report, options?: Partial<MarkdownOptions>): string {
  const { top } = resolveDocumentOptions(options);
  return documentMarkdown(reportDocument(report, { top }));
}
