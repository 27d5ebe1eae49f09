/**
 * The result of `backups` as a document (docs/model.md, "Single points of failure"): S and money
 * at risk today, then every backup tried, largest gain in S first, with the customers it frees
 * from a single point of failure. Names, not ids; bounded by `top`.
 */
import type { Backup, BackupsResult } from '../analysis/backups.js';
import type { Model } from '../model/schema.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  left,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatNumber, formatSigned } from './format.js';
import { formatMoney, moneyDecimals } from './money-format.js';
import { handoffSpans, linkCell, modelNames, type NodeName, nameList } from './names.js';
import { type DocumentFormat, renderDocument } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

const COLUMNS = [
  right('#'),
  left('Single point of failure'),
  left('Backup'),
  right('Gain in S'),
  right('Money saved'),
  left('Now has a way around for'),
];

function row(backup: Backup, index: number, name: NodeName, decimals: number): Cell[] {
  const added = backup.handoffs.flatMap((h, i) => [
    ...(i === 0 ? [] : [words(', ')]),
    ...handoffSpans(h, name),
    words(` (${formatNumber(h.quality)})`),
  ]);
  return [
    text(String(index + 1)),
    linkCell(backup.protects, name),
    added,
    text(formatSigned(backup.scoreGain)),
    text(formatMoney(backup.moneySaved, decimals)),
    backup.protectedCustomers.length === 0
      ? text('-')
      : nameList(backup.protectedCustomers, name, ', '),
  ];
}

/** The backups document; `top` bounds the table. */
export function backupsDocument(
  result: BackupsResult,
  model: Model,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const name = modelNames(model);
  const decimals = moneyDecimals(result.moneyAtRisk);
  const blocks: Block[] = [
    heading(1, 'Where a backup pays'),
    {
      type: 'facts',
      facts: [
        { label: 'Organisation score S', value: text(formatNumber(result.score)) },
        { label: 'Money at risk a year', value: text(formatMoney(result.moneyAtRisk, decimals)) },
      ],
    },
    paragraph(
      words(
        'Each single point of failure of a customer with a value, given a second hand-off from an ' +
          'actor that already hands the same kind of thing to someone, as an alternative to the ' +
          'original (quality in brackets). Gains are exact re-evaluations.',
      ),
    ),
  ];
  const empty =
    result.score === null
      ? 'n/a: no customer is scored.'
      : 'None: no valuable customer has a single point of failure that another actor could back up.';
  return [
    ...blocks,
    ...boundedTable(
      COLUMNS,
      { items: result.backups, noun: 'backup' },
      top,
      (b, i) => row(b, i, name, decimals),
      empty,
    ),
    ...warningBlocks(result.warnings, 'None.'),
  ];
}

/** The backups as text or Markdown. */
export function renderBackups(
  result: BackupsResult,
  model: Model,
  format: DocumentFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(backupsDocument(result, model, options), format);
}
