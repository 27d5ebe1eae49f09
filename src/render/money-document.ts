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
import type { LinkRef, Report } from '../analysis/report.js';
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
  type Span,
  text,
  words,
} from './document.js';
import { formatNumber } from './format.js';
import { badgeSpan, linkLookup, linkSpans } from './headline-document.js';
import { documentMarkdown } from './markdown.js';
import {
  formatCoefficient,
  formatCustomers,
  formatFailed,
  formatMoney,
  moneyDecimals,
} from './money-format.js';
import { reportNames } from './names.js';
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

/**
 * How the money view names links: by the report's names (`Warehouse (department)`,
 * `Warehouse -> Dispatch desk`); without a report, by id.
 */
export interface MoneyNames {
  /** A link as the money view prints it: its name's spans (words, or an id where no name is known). */
  link(link: LinkRef): Span[];
}

/** The money view's names from the report of the same model (what `analyze --money` has). */
export function moneyNames(report: Report): MoneyNames {
  const links = linkLookup(report);
  const ids = new Set<string>();
  for (const actor of report.actors) ids.add(actor.id);
  for (const customer of report.customers) ids.add(customer.id);
  const name = reportNames(report, ids);
  return { link: (link) => linkSpans(link, links, name) };
}

const BY_ID: MoneyNames = { link: (link) => [id(link.id)] };

/** A column head with the currency: `At risk (EUR)`; without a currency, the head alone. */
export function withCurrency(title: string, currency: string | undefined): string {
  return currency === undefined ? title : `${title} (${currency})`;
}

/** A money figure with its currency in front: `EUR 28,313`. */
export function moneyWords(value: number | null, decimals: number, currency?: string): string {
  const figure = formatMoney(value, decimals);
  return currency === undefined ? figure : `${currency} ${figure}`;
}

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

const customerColumns = (currency: string | undefined) => [
  left('Customer'),
  left('Segment'),
  right('Service'),
  right('Failed'),
  right('Customers lost'),
  right('Prospects not won'),
  right(withCurrency('At risk', currency)),
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
  const columns = customerColumns(impact.currency);
  const table: Block = { type: 'table', columns, rows: [...shown, totalRow] };
  const silent = wordOfMouthNote(impact);
  if (customers.length <= top) return [table, ...silent];
  return [table, note(words(moreNote(top, customers.length, 'customer'))), ...silent];
}

/**
 * Where word of mouth is left at conversion 0 (the built-in default), no prospect is ever lost:
 * say so, or "0 prospects not won" reads as a finding.
 */
function wordOfMouthNote(impact: BusinessImpact): Block[] {
  const scored = impact.customers.filter((c) => c.service !== null);
  const conversionZero = scored.every(
    (c) => c.coefficients.find((k) => k.name === 'wordOfMouth.conversion')?.value === 0,
  );
  if (scored.length === 0 || !conversionZero) return [];
  const tells = scored[0]!.coefficients.find((k) => k.name === 'wordOfMouth.tells');
  return [
    note(
      words(
        `Prospects not won are 0 because word-of-mouth conversion is 0: each customer lost tells ${formatNumber(tells?.value ?? 0, 0)} others, but none of them is counted as a customer you would have won. Set wordOfMouth.conversion (on a customer or in defaults) to count them.`,
      ),
    ),
  ];
}

const key = (link: LinkRef): string => `${link.type}:${link.id}`;

function linkRow(rank: number, entry: LinkMoney, decimals: number, names: MoneyNames): Cell[] {
  return [
    text(String(rank)),
    rank === 1
      ? [...names.link(entry.link), words(' '), badgeSpan('fixFirst')]
      : names.link(entry.link),
    text(formatNumber(entry.strength)),
    text(formatMoney(entry.fixSaves, decimals)),
    text(formatMoney(entry.failureCosts, decimals)),
  ];
}

const linkColumns = (currency: string | undefined) => [
  right('#'),
  left('Link'),
  right('Strength'),
  right(withCurrency('Fix saves', currency)),
  right(withCurrency('Failure costs', currency)),
];

/**
 * The links whose fix saves most, in the order of businessImpact's own ranking (never re-ranked
 * here), cut at `top`; links that would save nothing are left out.
 */
function linksBlocks(
  impact: BusinessImpact,
  top: number,
  decimals: number,
  names: MoneyNames,
): Block[] {
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
  const best = rows[0]!;
  return [
    paragraph(
      badgeSpan('fixFirst'),
      words(' For money: fixing '),
      ...names.link(best.link),
      words(
        ` alone saves ${moneyWords(best.fixSaves, decimals, impact.currency)} a year, the most of any single link.`,
      ),
    ),
    paragraph(
      words(
        'Top links by money saved. Fix saves: the money at risk now minus with this link perfect. ' +
          'Failure costs: with it broken down minus now. Both exact recomputations.',
      ),
    ),
    {
      type: 'table',
      columns: linkColumns(impact.currency),
      rows: rows.map((entry, index) => linkRow(index + 1, entry, decimals, names)),
    },
    ...(worth > rows.length
      ? [note(words(moreNote(rows.length, worth, 'link worth fixing', true, 'links worth fixing')))]
      : []),
  ];
}

function coefficientsBlocks(impact: BusinessImpact, top: number): Block[] {
  const names = impact.customers[0]?.coefficients.map((c) => c.name) ?? [];
  const money = new Set<CoefficientName>(['value', 'acquisitionCost']);
  const columns = [
    left('Customer'),
    ...names.map((name) =>
      right(
        money.has(name)
          ? withCurrency(COEFFICIENT_TITLES[name], impact.currency)
          : COEFFICIENT_TITLES[name],
      ),
    ),
  ];
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
  names: MoneyNames = BY_ID,
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
    ...linksBlocks(impact, top, decimals, names),
    ...coefficientsBlocks(impact, top),
  ];
}

/** The money view as plain text, laid out like `toText`'s sections: append it to a text report. */
export function moneyText(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
  names?: MoneyNames,
): string {
  return documentText(moneyDocument(impact, options, names));
}

/** The money view as a Markdown `## Money at risk` section: append it to a Markdown report. */
export function moneyMarkdown(
  impact: BusinessImpact,
  options?: Partial<MoneyRenderOptions>,
  names?: MoneyNames,
): string {
  return documentMarkdown(moneyDocument(impact, options, names));
}
