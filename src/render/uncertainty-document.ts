/**
 * The Monte Carlo as a document (docs/uncertainty.md, "Monte Carlo"): S with its 90% interval,
 * each customer's service and chain strength with theirs and its most likely weakest link, and the
 * links to fix with how often each was first and in the top ranks. Laid out by text.ts and
 * markdown.ts like every other document.
 */
import type { Interval, UncertaintyReport } from '../analysis/uncertainty-report.js';
import type { Model } from '../model/schema.js';
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
import { formatCount, formatNumber, formatPercent, NOT_AVAILABLE, plural } from './format.js';
import { linkCell, modelNames, type NodeName } from './names.js';
import { renderDocument, type TextFormat } from './render-document.js';

/** `0.607 to 0.686`, or n/a. */
function range(interval: Interval | null): string {
  if (interval === null) return NOT_AVAILABLE;
  return `${formatNumber(interval.low)} to ${formatNumber(interval.high)}`;
}

/** The Monte Carlo document; `top` bounds each table, `name` shows nodes by name. */
export function uncertaintyDocument(
  result: UncertaintyReport,
  name: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const drawn = plural(result.estimates, 'estimate');
  const score = result.score;
  const customerRow = (c: UncertaintyReport['customers'][number]): Cell[] => {
    const weakest = c.weakestLinks[0];
    return [
      [name(c.id)],
      text(formatNumber(c.service?.mean)),
      text(range(c.service)),
      text(formatNumber(c.chainStrength.mean)),
      text(range(c.chainStrength)),
      weakest === undefined ? text('none') : linkCell(weakest.link, name),
      text(weakest === undefined ? NOT_AVAILABLE : formatPercent(weakest.probability)),
    ];
  };
  const linkRow = (l: UncertaintyReport['links'][number]): Cell[] => [
    linkCell(l.link, name),
    text(formatNumber(l.fixGain?.mean)),
    text(range(l.fixGain)),
    text(formatPercent(l.firstFix)),
    text(formatPercent(l.inTop)),
  ];
  return [
    heading(1, 'Uncertainty'),
    {
      type: 'facts',
      facts: [
        {
          label: 'Samples',
          value: text(`${formatCount(result.samples)} (seed ${result.seed}), ${drawn} drawn`),
        },
        {
          label: 'Organisation score S',
          value: text(
            score === null
              ? NOT_AVAILABLE
              : `${formatNumber(score.mean)}, 90% interval ${range(score)}`,
          ),
        },
      ],
    },
    ...(result.estimates === 0
      ? [paragraph(words('No value is an estimate with a spread: every figure is exact.'))]
      : []),
    heading(2, 'Customers'),
    ...boundedTable(
      [
        left('Customer'),
        right('Service'),
        right('90% interval'),
        right('Chain strength'),
        right('90% interval'),
        left('Most often weakest link'),
        right('How often'),
      ],
      { items: result.customers, noun: 'customer' },
      top,
      customerRow,
      'None: the model has no customers.',
    ),
    heading(2, 'Links to fix'),
    ...boundedTable(
      [
        left('Link'),
        right('Fix gain'),
        right('90% interval'),
        right('First fix'),
        right(`In top ${result.topRank}`),
      ],
      { items: result.links, noun: 'link' },
      top,
      linkRow,
      'None: no link can raise the score.',
    ),
    note(
      words(
        'Means over the samples; a 90% interval runs from the 5th to the 95th percentile. ' +
          'First fix: how often the link had the largest fix gain.',
      ),
    ),
  ];
}

/** The Monte Carlo as text or Markdown, nodes named as in `model`. */
export function renderUncertainty(
  result: UncertaintyReport,
  model: Model,
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(uncertaintyDocument(result, modelNames(model), options), format);
}
