/**
 * The "Money at risk" view (docs/business-impact.md, "The model") as a document to append to a text or Markdown
 * report: per customer and in total, the top links by money saved in the order the analysis
 * ranked them, and the coefficients used with where each came from.
 */
import type {
  BusinessImpact,
  CustomerMoneyReport,
  LinkMoney,
} from '../analysis/business-impact.js';
import type { CoefficientName, CoefficientSource } from '../analysis/money-coefficients.js';
import type { LinkRef } from '../analysis/report.js';
import {
  type Block,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  id,
  left,
  moreNote,
  note,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatNumber } from './format.js';
import { documentMarkdown } from './markdown.js';
import {
  formatCoefficient,
  formatCustomers,
  formatFailed,
  formatMoney,
  moneyDecimals,
} from './money-format.js';
import { documentText } from './text.js';

/** Options of the money renderers: how many rows each table lists (customers, links). */
export type MoneyRenderOptions = DocumentOptions;

/** Title of the view in every format. */
export const MONEY_TITLE = 'Money at risk';

/** Column heads of the coefficients, in the order businessImpact lists them. */
export const COEFFICIENT_TITLES: Readonly<Record<CoefficientName, string>> = {
  count: 'Count',
  value: 'Value',
  'churn.base': 'Base churn',
  'churn.perFailure': 'Churn per failure',
  recovery: 'Recovery',
  'wordOfMouth.tells': 'Tells',
  'wordOfMouth.conversion': 'Conversion',
  acquisitionCost: 'Acquisition cost',
};

/**
 * Follows a coefficient not set on the customer, saying where it came from (its own span, so the
 * HTML view can badge it): the model's `defaults` block, or the library's built-in guess.
 */
export const SOURCE_MARKS: Readonly<Record<Exclude<CoefficientSource, 'customer'>, string>> = {
  defaults: ' (model default)',
  builtin: ' (built-in)',
};

/** Said with every money view: the figures are only as good as the coefficients. */
export const MONEY_CAVEAT =
  "Yearly figures. The coefficients are assumptions to set from the client's own figures; " +
  "those marked (model default) come from the model's defaults block, (built-in) from the " +
  "library's own guesses, the others from the customer.";

function customerRow(customer: CustomerMoneyReport, decimals: number): Cell[] {
  if (customer.service === null) {
    const none = text('not scored');
    return [text(customer.name), text(customer.segment), none, none, none, none, none];
  }
  return [
    text(customer.name),
    text(customer.segment),
    text(formatNumber(customer.service)),
    text(formatFailed(customer.failed)),
    text(formatCustomers(customer.lost)),
    text(formatCustomers(customer.notWon)),
    text(formatMoney(customer.atRisk, decimals)),
  ];
}

const CUSTOMER_COLUMNS = [
  left('Customer'),
  left('Segment'),
  right('Service'),
  right('Failed'),
  right('Customers lost'),
  right('Prospects not won'),
  right('At risk'),
];

function customersBlocks(impact: BusinessImpact, top: number, decimals: number): Block[] {
  const { total, customers } = impact;
  const totalRow: Cell[] = [
    text('Total'),
    text(''),
    text(''),
    text(formatFailed(total.failed)),
    text(formatCustomers(total.lost)),
    text(formatCustomers(total.notWon)),
    text(formatMoney(total.atRisk, decimals)),
  ];
  const shown = customers.slice(0, top).map((c) => customerRow(c, decimals));
  const table: Block = { type: 'table', columns: CUSTOMER_COLUMNS, rows: [...shown, totalRow] };
  if (customers.length <= top) return [table];
  return [table, note(words(moreNote(top, customers.length, 'customer')))];
}

const key = (link: LinkRef): string => `${link.type}:${link.id}`;

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

const LINK_COLUMNS = [
  right('#'),
  left('Link'),
  left('Kind'),
  right('Strength'),
  right('Fix saves'),
  right('Failure costs'),
];

/**
 * The links whose fix saves most, in the order of businessImpact's own ranking (never re-ranked
 * here), cut at `top`; links that would save nothing are left out.
 */
function linksBlocks(impact: BusinessImpact, top: number, decimals: number): Block[] {
  if (impact.links.length === 0) return [];
  const wanted: string[] = [];
  for (const ranked of impact.rankings.fixSaves) {
    if (wanted.length === top) break;
    if (ranked.value > 0) wanted.push(key(ranked.link));
  }
  // One pass picks out the ranked links' figures: no index of every link of a huge model.
  const wantedKeys = new Set(wanted);
  const found = new Map<string, LinkMoney>();
  let worth = 0;
  for (const entry of impact.links) {
    if (entry.fixSaves > 0) worth += 1;
    const k = key(entry.link);
    if (wantedKeys.has(k)) found.set(k, entry);
  }
  const rows = wanted.flatMap((k) => {
    const entry = found.get(k);
    return entry === undefined ? [] : [entry];
  });
  if (rows.length === 0)
    return [
      paragraph(words('Top links by money saved: none; fixing no single link would lower it.')),
    ];
  return [
    paragraph(
      words(
        'Top links by money saved. Fix saves: the money at risk now minus with this link perfect. ' +
          'Failure costs: with it broken down minus now. Both exact recomputations.',
      ),
    ),
    {
      type: 'table',
      columns: LINK_COLUMNS,
      rows: rows.map((entry, index) => linkRow(index + 1, entry, decimals)),
    },
    ...(worth > rows.length
      ? [note(words(moreNote(rows.length, worth, 'link worth fixing', true, 'links worth fixing')))]
      : []),
  ];
}

function coefficientsBlocks(impact: BusinessImpact, top: number): Block[] {
  const names = impact.customers[0]?.coefficients.map((c) => c.name) ?? [];
  const columns = [left('Customer'), ...names.map((name) => right(COEFFICIENT_TITLES[name]))];
  const rows = impact.customers
    .slice(0, top)
    .map((customer): Cell[] => [
      text(customer.name),
      ...customer.coefficients.map(
        (c): Cell =>
          c.source === 'customer'
            ? text(formatCoefficient(c))
            : [words(formatCoefficient(c)), words(SOURCE_MARKS[c.source])],
      ),
    ]);
  const table: Block = { type: 'table', columns, rows };
  const all = impact.customers.length;
  const more = all > rows.length ? [note(words(moreNote(rows.length, all, 'customer')))] : [];
  return [paragraph(words('Coefficients used:')), table, ...more];
}

/** The money view as a document (a level-2 section) for the text, Markdown and HTML layouts. */
export function moneyDocument(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const title = heading(2, MONEY_TITLE);
  if (impact.customers.length === 0) {
    return [title, paragraph(words('The model has no external customers.'))];
  }
  const decimals = moneyDecimals(impact.total.atRisk);
  return [
    title,
    paragraph(words(MONEY_CAVEAT)),
    ...customersBlocks(impact, top, decimals),
    ...linksBlocks(impact, top, decimals),
    ...coefficientsBlocks(impact, top),
  ];
}

/** The money view as plain text, laid out like `toText`'s sections: append it to a text report. */
export function moneyText(impact: BusinessImpact, options?: Partial<MoneyRenderOptions>): string {
  return documentText(moneyDocument(impact, options));
}

/** The money view as a Markdown `## Money at risk` section: append it to a Markdown report. */
export function moneyMarkdown(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
): string {
  return documentMarkdown(moneyDocument(impact, options));
}
