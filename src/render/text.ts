/** The analysis as a plain-text terminal report: ASCII tables aligned by column, no colour by default. */
import { z } from 'zod';
import type { Report } from '../analysis/report.js';
import { type DefaultsOf, resolveOptions, TopSchema } from '../model/options.js';
import { type Block, type Cell, type Column, outline, type Section } from './sections.js';

/** The options of `toText`. */
export const TextOptionsSchema = z.strictObject({
  /** How many links the "Top links to fix" table lists. */
  top: TopSchema.optional(),
  /** ANSI bold for titles and column heads; off by default so the bytes are deterministic. */
  color: z.boolean().optional(),
});

/** Options of `toText`; every field optional, see TEXT_DEFAULTS. @useDeclaredType */
export type TextOptions = z.input<typeof TextOptionsSchema>;

/** Defaults of `toText`: the ten best links to fix, no colour. */
export const TEXT_DEFAULTS: DefaultsOf<TextOptions> = { top: 10, color: false };

/** Model strings may hold anything; control characters (newlines, ANSI escapes) become spaces. */
function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function cellText(cell: Cell): string {
  return plain(cell.map((span) => span.text).join(''));
}

/** Width as the terminal counts it, near enough: code points, not UTF-16 units. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: Column['align']): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A table whose columns are as wide as their widest cell, two spaces apart, a dashed rule under the heads. */
function table(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  bold: Style,
): string[] {
  const cells = rows.map((row) => row.map(cellText));
  const sizes = columns.map((column, index) =>
    Math.max(width(column.title), ...cells.map((row) => width(row[index] ?? ''))),
  );
  const line = (texts: readonly string[]) =>
    columns
      .map((column, index) => pad(texts[index] ?? '', sizes[index] ?? 0, column.align))
      .join('  ')
      .trimEnd();
  return [
    bold(line(columns.map((column) => column.title))),
    line(sizes.map((size) => '-'.repeat(size))),
    ...cells.map(line),
  ];
}

type Style = (text: string) => string;

function block(item: Block, bold: Style): string[] {
  switch (item.type) {
    case 'paragraph':
      return [cellText(item.cell)];
    case 'list':
      return item.items.map((entry) => `- ${cellText(entry)}`);
    case 'table':
      return table(item.columns, item.rows, bold);
  }
}

function section(part: Section, bold: Style): string[] {
  const lines = [bold(part.title), '-'.repeat(width(part.title))];
  for (const item of part.blocks) lines.push(...block(item, bold), '');
  return lines;
}

/**
 * Renders a report as a terminal text report: the model and its score S, every customer with its
 * service, chain strength, weakest link and chain, the top links to fix, cycles and warnings.
 */
export function toText(report: Report, options?: TextOptions): string {
  const { top, color } = resolveOptions(TextOptionsSchema, TEXT_DEFAULTS, options);
  const bold: Style = color ? (text) => `\u001b[1m${text}\u001b[0m` : (text) => text;
  const document = outline(report, top);
  const title = cellText(document.title);
  const labelWidth = Math.max(...document.facts.map((fact) => width(fact.label)));
  const lines = [
    bold(title),
    '='.repeat(width(title)),
    ...document.facts.map(
      (fact) => `${pad(`${fact.label}:`, labelWidth + 1, 'left')}  ${cellText(fact.value)}`,
    ),
    '',
  ];
  for (const part of document.sections) lines.push(...section(part, bold));
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
