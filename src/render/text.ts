/**
 * The text layouter: a document (document.ts) as plain terminal text, titles underlined, tables
 * aligned by column in terminal cells, no colour by default. Every model string is shown as the
 * model holds it, its invisible characters escaped (escape.ts, `showInvisible`).
 */
import { z } from 'zod';
import type { Report } from '../analysis/report.js';
import { type DefaultsOf, resolveOptions } from '../model/options.js';
import {
  type Block,
  type Cell,
  type Column,
  type Document,
  DocumentOptionsSchema,
} from './document.js';
import { showInvisible } from './escape.js';
import { reportDocument } from './report-document.js';

/** Options of `toText`: the document's `top` (rows per table), and `color`. */
export const TextOptionsSchema = DocumentOptionsSchema.extend({
  /** ANSI bold for titles and column heads; off by default so the bytes are deterministic. */
  color: z.boolean().optional(),
});

/** Options of `toText`. @useDeclaredType */
export type TextOptions = z.input<typeof TextOptionsSchema>;

/** Defaults of `toText`: ten rows per table, no colour. */
export const TEXT_DEFAULTS: DefaultsOf<TextOptions> = { top: 10, color: false };

/** Layout options of the text layouter. */
export interface TextLayout {
  readonly color?: boolean;
}

type Style = (text: string) => string;

function cellText(cell: Cell): string {
  return showInvisible(cell.map((span) => span.text).join(''));
}

/** Wide characters (East Asian wide and fullwidth, most emoji) take two terminal cells. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
/** Combining marks (variation selectors among them) take none: they sit on the character before. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}]/u;

/** Width of a text in terminal cells, counted per code point (never per UTF-16 unit). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, size: number, align: Column['align']): string {
  const fill = ' '.repeat(Math.max(0, size - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A table whose columns are as wide as their widest cell, two spaces apart, a dashed rule under the heads. */
function table(columns: readonly Column[], rows: readonly (readonly Cell[])[], bold: Style) {
  const cells = rows.map((row) => row.map(cellText));
  const sizes = columns.map((column, index) => {
    let size = displayWidth(column.title);
    for (const row of cells) size = Math.max(size, displayWidth(row[index] ?? ''));
    return size;
  });
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

function facts(block: Extract<Block, { type: 'facts' }>): string[] {
  let labelWidth = 0;
  for (const fact of block.facts) labelWidth = Math.max(labelWidth, displayWidth(fact.label));
  return block.facts.map(
    (fact) => `${pad(`${fact.label}:`, labelWidth + 1, 'left')}  ${cellText(fact.value)}`,
  );
}

const UNDERLINE = { 1: '=', 2: '-', 3: '' } as const;

function lines(block: Block, bold: Style): string[] {
  switch (block.type) {
    case 'heading': {
      const title = cellText(block.text);
      const rule = UNDERLINE[block.level].repeat(displayWidth(title));
      return rule === '' ? [bold(title)] : [bold(title), rule];
    }
    case 'paragraph':
    case 'note':
      return [cellText(block.cell)];
    case 'list':
      return block.items.map((entry) => `- ${cellText(entry)}`);
    case 'facts':
      return facts(block);
    case 'table':
      return table(block.columns, block.rows, bold);
  }
}

/**
 * Lays a document out as lines of text: a heading sits on its content (a blank line before a
 * heading that follows it), every other block is followed by a blank line (none at the end). Lines, not one string, so callers can write them
 * out as they go.
 */
export function layoutText(document: Document, layout: TextLayout = {}): string[] {
  const bold: Style = layout.color === true ? (text) => `\u001b[1m${text}\u001b[0m` : (t) => t;
  const out: string[] = [];
  document.forEach((block, index) => {
    for (const line of lines(block, bold)) out.push(line);
    if (block.type !== 'heading' || document[index + 1]?.type === 'heading') out.push('');
  });
  while (out.at(-1) === '') out.pop();
  return out;
}

/** A document as text, ending with one newline. */
export function documentText(document: Document, layout: TextLayout = {}): string {
  return `${layoutText(document, layout).join('\n')}\n`;
}

/**
 * Renders a report as a terminal text report: the model and its score S, every customer with its
 * service, chain strength, weakest link and chain, the top links to fix, cycles and warnings.
 */
export function toText(report: Report, options?: TextOptions): string {
  const { top, color } = resolveOptions(TextOptionsSchema, TEXT_DEFAULTS, options);
  return documentText(reportDocument(report, { top }), { color });
}
