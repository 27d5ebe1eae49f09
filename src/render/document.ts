/**
 * The one document model of the text and Markdown reports: headings, paragraphs, lists, key-value
 * facts, notes and tables of typed cells. Builders (report-document.ts, money-document.ts,
 * what-if-document.ts, ...) say what a report contains; the two layouters (text.ts, markdown.ts)
 * only decide how it looks, so both formats always say the same things.
 */
import { z } from 'zod';
import { type DefaultsOf, resolveOptions, TopSchema } from '../model/options.js';
import { formatCount, plural } from './format.js';

/** Options every document builder takes: how many rows each of its tables lists (`top`, the one rule of options.ts). */
export const DocumentOptionsSchema = z.strictObject({
  top: TopSchema.optional(),
});

/** Options every document builder takes; every field optional, see DOCUMENT_DEFAULTS. @useDeclaredType */
export type DocumentOptions = z.input<typeof DocumentOptionsSchema>;

/** Defaults of every document builder: ten rows per table. */
export const DOCUMENT_DEFAULTS: DefaultsOf<DocumentOptions> = { top: 10 };

/** The options merged over DOCUMENT_DEFAULTS; throws ServiceChainError `invalid_option`. */
export function resolveDocumentOptions(options: unknown): DefaultsOf<DocumentOptions> {
  return resolveOptions(DocumentOptionsSchema, DOCUMENT_DEFAULTS, options);
}

/** A piece of a cell: plain words, or a model id (Markdown sets ids in code). */
export interface Span {
  readonly text: string;
  readonly id?: boolean;
  /** The model id a name stands for (names.ts); only the CSV layout shows it, in an id column. */
  readonly ref?: string;
  /**
   * The id of the hand-off these spans name together (`Warehouse -> Dispatch`, names.ts): the CSV
   * id column shows it once, in place of its ends' ids, since a hand-off may have its own id.
   */
  readonly handoff?: string;
}

/** One table cell, list item or paragraph: spans written one after the other. */
export type Cell = readonly Span[];

/** A table column: its title and which side its cells align to (numbers right). */
export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
}

/** A labelled value, as in `Organisation score S: 0.470 (47.0%)`. */
export interface Fact {
  readonly label: string;
  readonly value: Cell;
}

/** A block of a document. */
export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: Cell }
  | { readonly type: 'paragraph'; readonly cell: Cell }
  /** A remark about the figures (what a table leaves out, how to read it); set apart in Markdown. */
  | { readonly type: 'note'; readonly cell: Cell }
  | { readonly type: 'list'; readonly items: readonly Cell[] }
  | { readonly type: 'facts'; readonly facts: readonly Fact[] }
  | {
      readonly type: 'table';
      readonly columns: readonly Column[];
      readonly rows: readonly (readonly Cell[])[];
    };

/** A document: blocks in reading order. */
export type Document = readonly Block[];

/** Separator of a chain's steps and of a hand-off's ends. */
export const ARROW = ' -> ';

/** Plain words. */
export const words = (text: string): Span => ({ text });
/** A node's display name, with the model id it stands for (shown in the CSV layout's id columns). */
export const named = (text: string, ref: string): Span => ({ text, ref });
/** A model id (set in code in Markdown). */
export const id = (text: string): Span => ({ text, id: true });
/** A cell of plain words. */
export const text = (value: string): Cell => [words(value)];

export const heading = (level: 1 | 2 | 3, title: string): Block => ({
  type: 'heading',
  level,
  text: text(title),
});
export const paragraph = (...spans: Span[]): Block => ({ type: 'paragraph', cell: spans });
export const note = (...spans: Span[]): Block => ({ type: 'note', cell: spans });
export const list = (items: readonly Cell[]): Block => ({ type: 'list', items });
export const left = (title: string): Column => ({ title, align: 'left' });
export const right = (title: string): Column => ({ title, align: 'right' });

/** Spans joined by a separator: `a, b, c` or `a -> b -> c`. */
export function joined(parts: readonly Cell[], separator: string): Span[] {
  return parts.flatMap((part, index) => (index === 0 ? [...part] : [words(separator), ...part]));
}

/** How a bounded table names what it lists, for the "showing 10 of 4,800,000 links" note. */
export interface Rows<Item> {
  readonly items: readonly Item[];
  /** How many there are in all, when `items` is itself already a bounded selection. */
  readonly total?: number;
  /** Singular noun of one row: `link`, `customer`, `hand-off`. */
  readonly noun: string;
  /** Its plural where it is not noun + `s`. */
  readonly nouns?: string;
}

/**
 * A table of at most `top` rows, the others summarised in a note: a huge model never becomes
 * millions of rows (only the rows shown are built). `empty` is said when there is nothing to list.
 */
export function boundedTable<Item>(
  columns: readonly Column[],
  rows: Rows<Item>,
  top: number,
  toRow: (item: Item, index: number) => readonly Cell[],
  empty: string,
): Block[] {
  const shown = rows.items.slice(0, top);
  if (shown.length === 0) return [paragraph(words(empty))];
  const table: Block = { type: 'table', columns, rows: shown.map(toRow) };
  const total = Math.max(rows.total ?? rows.items.length, rows.items.length);
  if (total <= shown.length) return [table];
  return [table, note(words(moreNote(shown.length, total, rows.noun, true, rows.nouns)))];
}

/**
 * `Showing 10 of 4,800,000 links (raise --top to see more); the JSON report lists them all.`
 * `byTop` false for a list with a fixed bound (warnings), which --top does not raise.
 */
export function moreNote(
  shown: number,
  total: number,
  noun: string,
  byTop = true,
  nouns = `${noun}s`,
): string {
  const raise = byTop ? ' (raise --top to see more)' : '';
  return `Showing ${formatCount(shown)} of ${plural(total, noun, nouns)}${raise}; the JSON report lists them all.`;
}
