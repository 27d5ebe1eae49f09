/**
 * A history of waves as a document and as a line chart (docs/model.md, "Change over time"): S
 * and the weakest link per wave, every customer's service per wave, and what cannot be compared
 * because it is not in every wave.
 */
import type { TrendCustomer, TrendResult, TrendWave } from '../analysis/trend.js';
import {
  type Block,
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
import { formatNumber, formatSigned, plural } from './format.js';
import { type ChartSize, type LineChartData, lineChartSvg } from './line-chart.js';
import { linkCell, type NodeName } from './names.js';

function waveRow(
  wave: TrendWave,
  index: number,
  waves: readonly TrendWave[],
  name: NodeName,
): Cell[] {
  const previous = index === 0 ? null : waves[index - 1]!.score;
  const change = previous === null || wave.score === null ? null : wave.score - previous;
  const behind = wave.weakestFor === 0 ? '' : ` (behind ${plural(wave.weakestFor, 'customer')})`;
  return [
    text(wave.label),
    text(formatNumber(wave.score)),
    text(index === 0 ? '' : formatSigned(change)),
    [...linkCell(wave.weakestLink, name), words(behind)],
  ];
}

function customerRow(customer: TrendCustomer, name: NodeName): Cell[] {
  return [
    [name(customer.id), words(customer.inEveryWave ? '' : ' (not in every wave)')],
    ...customer.waves.map((point) => text(point === null ? '-' : formatNumber(point.service))),
  ];
}

function notComparableBlocks(result: TrendResult, name: NodeName): Block[] {
  const { customers, actors, handoffs } = result.notComparable;
  if (customers.length + actors.length + handoffs.length === 0) return [];
  const parts = [
    customers.length > 0 ? plural(customers.length, 'customer') : '',
    actors.length > 0 ? plural(actors.length, 'actor') : '',
    handoffs.length > 0 ? plural(handoffs.length, 'hand-off') : '',
  ].filter((part) => part !== '');
  const who =
    customers.length === 0
      ? []
      : [
          words(' Customers not in every wave: '),
          ...customers.flatMap((c, i) => (i === 0 ? [name(c)] : [words(', '), name(c)])),
        ];
  return [
    note(
      words(
        `Not comparable across every wave: ${parts.join(', ')} that are not in every wave. The chart and the comparison of customers use what every wave shares; each wave's S is over its own customers.`,
      ),
      ...who,
      ...(who.length > 0 ? [words('.')] : []),
    ),
  ];
}

/** The trend document; `top` bounds the customer table. */
export function trendDocument(
  result: TrendResult,
  name: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const waves = result.waves;
  const waveColumns = [left('Wave'), right('S'), right('Change'), left('Weakest link')];
  return [
    heading(1, 'Trend'),
    paragraph(words(`${plural(waves.length, 'wave')}, first to last.`)),
    heading(2, 'Organisation score per wave'),
    { type: 'table', columns: waveColumns, rows: waves.map((w, i) => waveRow(w, i, waves, name)) },
    heading(2, 'Customers’ service per wave'),
    ...boundedTable(
      [left('Customer'), ...waves.map((w) => right(w.label))],
      { items: result.customers, noun: 'customer' },
      top,
      (c) => customerRow(c, name),
      'No customers.',
    ),
    ...notComparableBlocks(result, name),
  ];
}

/** The trend's line chart: S and each customer in every wave. */
export function trendChart(result: TrendResult, size?: ChartSize): string {
  const data: LineChartData = {
    title: 'Service per wave',
    x: result.waves.map((_, i) => i),
    xLabels: result.waves.map((w) => w.label),
    xTitle: 'Wave',
    yTitle: 'Service',
    markers: true,
    series: [
      { name: 'Organisation score S', values: result.waves.map((w) => w.score) },
      ...result.customers
        .filter((c) => c.inEveryWave && c.waves.some((p) => p?.service != null))
        .map((c) => ({ name: c.name, values: c.waves.map((p) => p?.service ?? null) })),
    ],
  };
  return lineChartSvg(data, size);
}
