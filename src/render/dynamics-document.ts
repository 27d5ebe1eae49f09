/**
 * Dynamics and breakdowns as documents and charts (docs/model.md, "Change over time"): how long
 * each customer takes to feel a change (the days to half and 90% of its final change), S before,
 * on day 0 and at the end, and the customers' daily curves on the chart of line-chart.ts.
 */
import type { BreakdownCustomer, BreakdownResult } from '../analysis/breakdown.js';
import type { DynamicsCustomer, DynamicsResult } from '../analysis/dynamics.js';
import {
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  left,
  note,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber, formatSigned, NOT_AVAILABLE, plural } from './format.js';
import { type ChartSize, lineChartSvg } from './line-chart.js';
import type { NodeName } from './names.js';
import { warningBlocks } from './warning-blocks.js';

const dayText = (day: number | null) => (day === null ? NOT_AVAILABLE : `day ${formatCount(day)}`);

function customerRow(customer: DynamicsCustomer, name: NodeName): Cell[] {
  const change =
    customer.before === null || customer.after === null ? null : customer.after - customer.before;
  return [
    [name(customer.id)],
    text(formatNumber(customer.before)),
    text(formatNumber(customer.daily[0] ?? null)),
    text(formatNumber(customer.after)),
    text(formatSigned(change)),
    text(dayText(customer.halfDay)),
    text(dayText(customer.ninetyDay)),
  ];
}

const CUSTOMER_COLUMNS = [
  left('Customer'),
  right('Before'),
  right('Day 0'),
  right('Final'),
  right('Change'),
  right('Half the change'),
  right('90% of the change'),
];

/** Scored customers, the ones whose service moves first. */
function moving<C extends DynamicsCustomer>(customers: readonly C[]): C[] {
  return customers.filter((c) => c.before !== null);
}

function settledText(result: DynamicsResult): string {
  if (!result.settled) return `It had not settled after ${plural(result.days, 'day')}.`;
  return result.settledDay === 0
    ? 'Every customer sees the whole change from day 0 (no hand-off on the way lags).'
    : `The service settles on day ${formatCount(result.settledDay ?? 0)}, at the static what-if’s figures.`;
}

/** The dynamics document; `top` bounds the customer table. */
export function dynamicsDocument(
  result: DynamicsResult,
  name: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const { score } = result;
  const title = `Dynamics${result.scenario.name === null ? '' : `: ${result.scenario.name}`}`;
  const day0 = score.daily[0] ?? null;
  return [
    heading(1, title),
    paragraph(
      words(
        `S: ${formatNumber(score.before)} before, ${formatNumber(day0)} on day 0, ${formatNumber(score.final)} in the end (the static what-if). ${settledText(result)}`,
      ),
    ),
    heading(2, 'How long until customers see it'),
    ...boundedTable(
      CUSTOMER_COLUMNS,
      { items: moving(result.customers), noun: 'customer' },
      top,
      (c) => customerRow(c, name),
      'No customer is scored.',
    ),
    note(
      words(
        `The day each customer first has half and 90% of its final change; the longest lag on a hand-off is ${plural(result.longestLag, 'day')}.`,
      ),
    ),
    ...warningBlocks(result.warnings, null),
  ];
}

function breakdownRow(customer: BreakdownCustomer, name: NodeName): Cell[] {
  const low = Math.min(...customer.daily.map((s) => s ?? 1));
  return [
    [name(customer.id)],
    text(formatNumber(customer.before)),
    text(formatNumber(low)),
    text(formatNumber(customer.lost, 2)),
  ];
}

/** The breakdown document. */
export function breakdownDocument(
  result: BreakdownResult,
  name: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const what = result.link.type === 'actor' ? [name(result.link.id)] : [words(result.link.id)];
  const back = result.settled
    ? `Service is back after ${plural(result.days - 1, 'day')}.`
    : `Service was not back after ${plural(result.days, 'day')}.`;
  return [
    heading(1, 'Breakdown'),
    paragraph(
      ...what,
      words(
        ` fails for ${plural(result.failedDays, 'day')} from day 0, then recovers. ${back} Score-days lost: ${formatNumber(result.score.lost, 2)}; customer service-days lost: ${formatNumber(result.customerDaysLost, 2)}.`,
      ),
    ),
    ...boundedTable(
      [left('Customer'), right('Before'), right('Lowest'), right('Service-days lost')],
      { items: moving(result.customers), noun: 'customer' },
      top,
      (c) => breakdownRow(c, name),
      'No customer is scored.',
    ),
    ...warningBlocks(result.warnings, null),
  ];
}

/** The customers' daily curves (and S) of a dynamics or breakdown run. */
export function dailyChart(
  result: {
    readonly customers: readonly DynamicsCustomer[];
    readonly score: { readonly daily: readonly (number | null)[] };
  },
  title: string,
  size?: ChartSize,
): string {
  const days = result.score.daily.map((_, day) => day);
  return lineChartSvg(
    {
      title,
      x: days,
      xTitle: 'Day',
      yTitle: 'Service',
      series: [
        { name: 'Organisation score S', values: result.score.daily },
        ...moving(result.customers).map((c) => ({ name: c.name, values: c.daily })),
      ],
    },
    size,
  );
}
