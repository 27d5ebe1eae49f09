/** The analysis as a Markdown document: headings, GitHub tables, ids set in code. */
import { z } from 'zod';
import type { Report } from '../analysis/report.js';
import { type DefaultsOf, resolveOptions, TopSchema } from '../model/options.js';
import { type Block, type Cell, type Column, outline, type Span } from './sections.js';

/** The options of `toMarkdown`. */
export const MarkdownOptionsSchema = z.strictObject({
  /** How many links the "Top links to fix" table lists. */
  top: TopSchema.optional(),
});

/** Options of `toMarkdown`; every field optional, see MARKDOWN_DEFAULTS. @useDeclaredType */
export type MarkdownOptions = z.input<typeof MarkdownOptionsSchema>;

/** Defaults of `toMarkdown`: the ten best links to fix. */
export const MARKDOWN_DEFAULTS: DefaultsOf<MarkdownOptions> = { top: 10 };

/** Line breaks inside a cell or list item; a raw newline would end the table row. */
const NEWLINES = /\r\n|\r|\n/g;

/**
 * Escapes model words for Markdown: marks that could start emphasis, code, a link, HTML or an
 * entity get a backslash (`>` only matters after `<` or at a line start), and so does `|`, so a name cannot split a table cell; newlines become
 * `<br>`. Words never start a line here, so line-start marks (`#`, `-`, `1.`) are safe.
 */
function escapeWords(text: string): string {
  return text.replace(/[\\`*_[\]<|~&]/g, (char) => `\\${char}`).replace(NEWLINES, '<br>');
}

/**
 * An id as a code span: fenced by one backtick more than its longest backtick run, padded when it
 * starts or ends with one; `|` still needs its backslash inside a table (GitHub splits cells first).
 */
function codeSpan(text: string): string {
  const flat = text.replace(NEWLINES, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}

function span(part: Span): string {
  return part.id === true ? codeSpan(part.text) : escapeWords(part.text);
}

function cellMarkdown(cell: Cell): string {
  return cell.map(span).join('');
}

function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string[] {
  const line = (texts: readonly string[]) => `| ${texts.join(' | ')} |`;
  return [
    line(columns.map((column) => escapeWords(column.title))),
    `|${columns.map((column) => (column.align === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => line(row.map(cellMarkdown))),
  ];
}

function block(item: Block): string[] {
  switch (item.type) {
    case 'paragraph':
      return [cellMarkdown(item.cell)];
    case 'list':
      return item.items.map((entry) => `- ${cellMarkdown(entry)}`);
    case 'table':
      return table(item.columns, item.rows);
  }
}

/**
 * Renders a report as Markdown for documents: the same content as `toText` under headings, in
 * GitHub tables, with `|` and newlines in model strings escaped and ids code-formatted.
 */
export function toMarkdown(report: Report, options?: MarkdownOptions): string {
  const { top } = resolveOptions(MarkdownOptionsSchema, MARKDOWN_DEFAULTS, options);
  const document = outline(report, top);
  const lines = [`# ${cellMarkdown(document.title)}`, ''];
  for (const fact of document.facts) lines.push(`- **${fact.label}:** ${cellMarkdown(fact.value)}`);
  for (const part of document.sections) {
    lines.push('', `## ${escapeWords(part.title)}`);
    for (const item of part.blocks) lines.push('', ...block(item));
  }
  return `${lines.join('\n')}\n`;
}
