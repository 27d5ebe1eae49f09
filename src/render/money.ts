/**
 * The "Money at risk" view (MODEL.md section 9) as a section of the shared document form
 * (sections.ts), laid out as plain text or Markdown to append to `toText` / `toMarkdown` output:
 * per customer and in total, the top links by money saved, and the coefficients used.
 */
import { z } from 'zod';
import type {
  BusinessImpact,
  CustomerMoneyReport,
  LinkMoney,
} from '../analysis/business-impact.js';
import type { CoefficientName } from '../analysis/money-coefficients.js';
import { type DefaultsOf, resolveOptions, TopSchema } from '../model/options.js';
import { formatNumber } from './format.js';
import {
  formatCoefficient,
  formatCustomers,
  formatFailed,
  formatMoney,
  moneyDecimals,
} from './money-format.js';
import type { Block, Cell, Column, Section, Span } from './sections.js';

/** The options of the money renderers. */
export const MoneyRenderOptionsSchema = z.strictObject({
  /** How many links the "top links by money saved" table lists. */
  top: TopSchema.optional(),
});

/** Options of the money renderers; every field optional, see MONEY_RENDER_DEFAULTS. @useDeclaredType */
export type MoneyRenderOptions = z.input<typeof MoneyRenderOptionsSchema>;

/** Defaults of the money renderers: the ten links whose fix saves most. */
export const MONEY_RENDER_DEFAULTS: DefaultsOf<MoneyRenderOptions> = { top: 10 };

/** The options merged over MONEY_RENDER_DEFAULTS; throws ServiceChainError `invalid_option`. */
export function resolveMoneyRenderOptions(options: unknown): DefaultsOf<MoneyRenderOptions> {
  return resolveOptions(MoneyRenderOptionsSchema, MONEY_RENDER_DEFAULTS, options);
}

/** Title of the section in every format. */
export const MONEY_TITLE = 'Money at risk';

/** Column heads of the coefficients, in the order businessImpact lists them. */
export const COEFFICIENT_TITLES: Readonly<Record<CoefficientName, string>> = {
  count: 'count',
  value: 'value',
  'churn.base': 'churn.base',
  'churn.perFailure': 'churn.perFailure',
  recovery: 'recovery',
  'wordOfMouth.tells': 'tells',
  'wordOfMouth.conversion': 'conversion',
  acquisitionCost: 'acquisitionCost',
};

/** Follows a coefficient that was not set on the customer (its own span, so HTML can badge it). */
export const DEFAULT_MARK = ' (default)';

/** Said with every money view: the figures are only as good as the coefficients. */
export const MONEY_CAVEAT =
  'Yearly figures (MODEL.md section 9). The coefficients are assumptions to set from the ' +
  "client's own figures; those marked (default) were not set on the customer.";

const words = (text: string): Span => ({ text });
const id = (text: string): Span => ({ text, id: true });
const paragraph = (text: string): Block => ({ type: 'paragraph', cell: [words(text)] });
const right = (title: string): Column => ({ title, align: 'right' });
const left = (title: string): Column => ({ title, align: 'left' });
const text = (value: string): Cell => [words(value)];

function customerRow(customer: CustomerMoneyReport, decimals: number): Cell[] {
  if (customer.service === null) {
    const none = text('not scored');
    return [[id(customer.id)], text(customer.segment), none, none, none, none, none];
  }
  return [
    [id(customer.id)],
    text(customer.segment),
    text(formatNumber(customer.service)),
    text(formatFailed(customer.failed)),
    text(formatCustomers(customer.lost)),
    text(formatCustomers(customer.notWon)),
    text(formatMoney(customer.atRisk, decimals)),
  ];
}

function customersTable(impact: BusinessImpact, decimals: number): Block {
  const { total } = impact;
  const columns = [
    left('Customer'),
    left('Segment'),
    right('Service'),
    right('Failed'),
    right('Lost'),
    right('Not won'),
    right('At risk'),
  ];
  const totalRow: Cell[] = [
    text('Total'),
    text(''),
    text(''),
    text(formatFailed(total.failed)),
    text(formatCustomers(total.lost)),
    text(formatCustomers(total.notWon)),
    text(formatMoney(total.atRisk, decimals)),
  ];
  return {
    type: 'table',
    columns,
    rows: [...impact.customers.map((c) => customerRow(c, decimals)), totalRow],
  };
}

function linkRow(rank: number, entry: LinkMoney, decimals: number): Cell[] {
  return [
    text(String(rank)),
    [id(entry.link.id)],
    text(entry.link.type === 'actor' ? 'actor' : 'hand-off'),
    text(formatNumber(entry.strength)),
    text(formatMoney(entry.fixSaves, decimals)),
    text(formatMoney(entry.failureCosts, decimals)),
  ];
}

/**
 * The links whose fix saves most, from every priced link (so `top` may exceed the ranking's own
 * length); links that would save nothing are left out. The sort is stable: ties in declaration order.
 */
function linksBlocks(impact: BusinessImpact, top: number, decimals: number): Block[] {
  const rows = impact.links
    .filter((entry) => entry.fixSaves > 0)
    .sort((a, b) => b.fixSaves - a.fixSaves)
    .slice(0, top)
    .map((entry, index) => linkRow(index + 1, entry, decimals));
  if (impact.links.length === 0) return [];
  if (rows.length === 0)
    return [paragraph('Top links by money saved: none; fixing no single link would lower it.')];
  const columns = [
    right('#'),
    left('Link'),
    left('Kind'),
    right('Strength'),
    right('Fix saves'),
    right('Failure costs'),
  ];
  return [
    paragraph(
      'Top links by money saved. Fix saves: the money at risk now minus with this link perfect. ' +
        'Failure costs: with it broken down minus now. Both exact recomputations.',
    ),
    { type: 'table', columns, rows },
  ];
}

function coefficientsTable(impact: BusinessImpact): Block {
  const names = impact.customers[0]?.coefficients.map((c) => c.name) ?? [];
  const columns = [left('Customer'), ...names.map((name) => right(COEFFICIENT_TITLES[name]))];
  const rows = impact.customers.map((customer): Cell[] => [
    [id(customer.id)],
    ...customer.coefficients.map(
      (c): Cell =>
        c.isDefault
          ? [words(formatCoefficient(c)), words(DEFAULT_MARK)]
          : text(formatCoefficient(c)),
    ),
  ]);
  return { type: 'table', columns, rows };
}

/** The "Money at risk" section in the document form the text and Markdown renderers share. */
export function moneySection(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
): Section {
  const { top } = resolveMoneyRenderOptions(options);
  if (impact.customers.length === 0) {
    return { title: MONEY_TITLE, blocks: [paragraph('The model has no external customers.')] };
  }
  const decimals = moneyDecimals(impact.total.atRisk);
  return {
    title: MONEY_TITLE,
    blocks: [
      paragraph(MONEY_CAVEAT),
      customersTable(impact, decimals),
      ...linksBlocks(impact, top, decimals),
      paragraph('Coefficients used:'),
      coefficientsTable(impact),
    ],
  };
}

/** Model strings may hold anything; control characters become spaces (as text.ts does). */
function plain(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

const cellText = (cell: Cell): string => plain(cell.map((span) => span.text).join(''));
const width = (value: string): number => [...value].length;

function textTable(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string[] {
  const cells = rows.map((row) => row.map(cellText));
  const sizes = columns.map((column, i) =>
    Math.max(width(column.title), ...cells.map((row) => width(row[i] ?? ''))),
  );
  const line = (texts: readonly string[]) =>
    columns
      .map((column, i) => {
        const fill = ' '.repeat(Math.max(0, (sizes[i] ?? 0) - width(texts[i] ?? '')));
        return column.align === 'right' ? fill + (texts[i] ?? '') : (texts[i] ?? '') + fill;
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.title)),
    line(sizes.map((s) => '-'.repeat(s))),
    ...cells.map(line),
  ];
}

/**
 * The money view as plain text, laid out like `toText`'s sections (title underlined, aligned
 * tables): append it to a text report. Ends with one newline.
 */
export function moneyText(impact: BusinessImpact, options?: Partial<MoneyRenderOptions>): string {
  const section = moneySection(impact, options);
  const lines = [section.title, '-'.repeat(width(section.title))];
  for (const block of section.blocks) {
    if (block.type === 'paragraph') lines.push(cellText(block.cell));
    else if (block.type === 'list') lines.push(...block.items.map((item) => `- ${cellText(item)}`));
    else lines.push(...textTable(block.columns, block.rows));
    lines.push('');
  }
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/** Escapes words for Markdown as markdown.ts does: emphasis, code, link, HTML marks and `|`. */
function markdownWords(value: string): string {
  return value.replace(/[\\`*_[\]<|~&]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '<br>');
}

/** An id as a code span, fenced past any backtick run inside it; `|` escaped for tables. */
function markdownCode(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}

const cellMarkdown = (cell: Cell): string =>
  cell
    .map((span) => (span.id === true ? markdownCode(span.text) : markdownWords(span.text)))
    .join('');

/**
 * The money view as a Markdown `## Money at risk` section with GitHub tables, like `toMarkdown`'s
 * sections: append it to a Markdown report. Ends with one newline.
 */
export function moneyMarkdown(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
): string {
  const section = moneySection(impact, options);
  const lines = [`## ${markdownWords(section.title)}`];
  for (const block of section.blocks) {
    lines.push('');
    if (block.type === 'paragraph') lines.push(cellMarkdown(block.cell));
    else if (block.type === 'list')
      lines.push(...block.items.map((item) => `- ${cellMarkdown(item)}`));
    else {
      const row = (texts: readonly string[]) => `| ${texts.join(' | ')} |`;
      lines.push(
        row(block.columns.map((column) => markdownWords(column.title))),
        `|${block.columns.map((column) => (column.align === 'right' ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((cells) => row(cells.map(cellMarkdown))),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
