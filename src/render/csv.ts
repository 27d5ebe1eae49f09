/**
 * The CSV layouter, third beside text.ts and markdown.ts: every table of a document (and its
 * key-value facts, as a two-column table) in one stream, paste-ready for a spreadsheet. Each table
 * has its own header row, led by a `Section` column naming the heading it stands under, and a
 * blank line before the next. Figures are plain numbers (no grouping, dot decimals, a percentage
 * as its fraction), as rounded as the text report shows them; `n/a` is an empty cell. A column
 * of names gets an id column beside it. Quoting is csv-stringify's; a text cell a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with '.
 */
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../model/csv-safe.js';
import { ARROW, type Block, type Cell, type Column, type Document } from './document.js';
import { NOT_AVAILABLE } from './format.js';

/** The formula guard (src/model/csv-safe.ts), for callers of this layouter. */
export { csvSafe };

/** A figure as format.ts writes it: `1,234.5`, `+0.104`, `-3`, `47.0%`. */
const FIGURE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;

/** A cell's CSV value: a plain number for a figure, empty for n/a, else its (safe) text. */
function cellValue(cell: Cell): string | number {
  const value = cell.map((span) => span.text).join('');
  if (value === NOT_AVAILABLE) return '';
  // A name or id is text even when it looks like a number (an id `007`).
  const named = cell.some((span) => span.id === true || span.ref !== undefined);
  if (named || !FIGURE.test(value)) return csvSafe(value);
  const number = Number(value.replace(/[,+%]/g, ''));
  return value.endsWith('%') ? Number((number / 100).toPrecision(15)) : number;
}

/**
 * The ids behind a cell's names, or '' when it names nothing: a hand-off by its own id, a node by
 * its id; a chain's ids joined by ` -> `, a list's by `, `. Words around them (`(department)`,
 * `[fix first]`, `(not in S: value 0)`) are for the name column, not the id column.
 */
function idValue(cell: Cell): string {
  if (!cell.some((span) => span.ref !== undefined || span.handoff !== undefined)) return '';
  const ids: string[] = [];
  let between = '';
  let previous: string | undefined;
  for (const span of cell) {
    if (span.handoff !== undefined && span.handoff === previous) continue;
    const found = span.handoff ?? span.ref ?? (span.id === true ? span.text : undefined);
    previous = span.handoff;
    if (found === undefined) {
      between += span.text;
      continue;
    }
    if (ids.length > 0) ids.push(between.includes(ARROW.trim()) ? ARROW : ', ');
    ids.push(found);
    between = '';
  }
  return csvSafe(ids.join(''));
}

/** One table as CSV records: header, then rows; a names column is followed by its ids. */
function tableRecords(
  section: string,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
): (string | number)[][] {
  const named = columns.map((_, c) => rows.some((row) => idValue(row[c] ?? []) !== ''));
  const header = ['Section'];
  columns.forEach((column, c) => {
    header.push(csvSafe(column.title));
    if (named[c]) header.push(csvSafe(`${column.title} id`));
  });
  const records = rows.map((row) => {
    const record: (string | number)[] = [csvSafe(section)];
    columns.forEach((_, c) => {
      record.push(cellValue(row[c] ?? []));
      if (named[c]) record.push(idValue(row[c] ?? []));
    });
    return record;
  });
  return [header, ...records];
}

/** The heading path a table stands under: `Picks`, `Customers / Warehouse`. */
function sectionOf(headings: readonly string[]): string {
  const path = headings.slice(1).filter((title) => title !== '');
  return path.length > 0 ? path.join(' / ') : (headings[0] ?? '');
}

/** Every table of the document (facts as `Figure`, `Value` tables) with its section. */
function tablesOf(document: Document) {
  const headings: string[] = [];
  const tables: {
    section: string;
    columns: readonly Column[];
    rows: readonly (readonly Cell[])[];
  }[] = [];
  for (const block of document as readonly Block[]) {
    if (block.type === 'heading') {
      headings.length = block.level;
      headings[block.level - 1] = block.text.map((span) => span.text).join('');
      for (let i = 0; i < block.level - 1; i++) headings[i] ??= '';
    } else if (block.type === 'table')
      tables.push({ section: sectionOf(headings), columns: block.columns, rows: block.rows });
    else if (block.type === 'facts')
      tables.push({
        section: sectionOf(headings),
        columns: [
          { title: 'Figure', align: 'left' },
          { title: 'Value', align: 'left' },
        ],
        rows: block.facts.map((fact) => [[{ text: fact.label }], fact.value]),
      });
  }
  return tables;
}

/** A document's tables as one CSV stream, a blank line between tables; '' when it has none. */
export function documentCsv(document: Document): string {
  return tablesOf(document)
    .map(({ section, columns, rows }) =>
      stringify(tableRecords(section, columns, rows), { record_delimiter: '\n' }),
    )
    .join('\n');
}
