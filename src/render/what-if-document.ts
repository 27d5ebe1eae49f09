/**
 * A what-if comparison as a document: S before and after, every customer's service, chain
 * strength and weakest link before and after (largest change first, as whatIf orders them), and
 * the links whose fix-gain rank moved.
 */
import type { RankMove, RankPlace, WhatIfCustomer, WhatIfResult } from '../analysis/what-if.js';
import type { Model } from '../model/schema.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  id,
  left,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatNumber, formatSigned, NOT_AVAILABLE, plural } from './format.js';
import { linkCell, listNames, type NodeName } from './names.js';
import { type DocumentFormat, renderDocument } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

const STATUS_WORDS = { kept: '', added: ' (added)', removed: ' (removed)' } as const;

function customerRow(customer: WhatIfCustomer, name: NodeName): Cell[] {
  const { service, chainStrength, weakestLink } = customer;
  const was = weakestLink.changed
    ? [words(' (was '), ...linkCell(weakestLink.before, name), words(')')]
    : [];
  return [
    [name(customer.id), words(STATUS_WORDS[customer.status])],
    text(formatNumber(service.before)),
    text(formatNumber(service.after)),
    text(formatSigned(service.change)),
    text(formatNumber(chainStrength.before)),
    text(formatNumber(chainStrength.after)),
    [...linkCell(weakestLink.after, name), ...was],
  ];
}

const CUSTOMER_COLUMNS = [
  left('Customer'),
  right('Service before'),
  right('Service after'),
  right('Change'),
  right('Chain strength before'),
  right('Chain strength after'),
  left('Weakest link after'),
];

const place = (p: RankPlace | null): Cell[] =>
  p === null
    ? [text('-'), text(NOT_AVAILABLE)]
    : [text(String(p.rank)), text(formatNumber(p.fixGain))];

function moveRow(move: RankMove, name: NodeName): Cell[] {
  return [
    move.link.type === 'actor' ? [name(move.link.id)] : [id(move.link.id)],
    text(move.link.type === 'handoff' ? 'hand-off' : 'actor'),
    ...place(move.before),
    ...place(move.after),
  ];
}

const MOVE_COLUMNS = [
  left('Link'),
  left('Kind'),
  right('Rank before'),
  right('Fix gain before'),
  right('Rank after'),
  right('Fix gain after'),
];

function scoreBlocks(result: WhatIfResult): Block[] {
  const { score } = result;
  const changes = plural(result.scenario.changes, 'change');
  return [
    heading(2, 'Organisation score'),
    paragraph(
      words(
        `S: ${formatNumber(score.before)} -> ${formatNumber(score.after)} (${formatSigned(score.change)}) after ${changes}.`,
      ),
    ),
  ];
}

/**
 * The what-if document; `top` bounds each table. Given the model (before the scenario), actors
 * are shown by name too; without it by id (the result names only its customers).
 */
export function whatIfDocument(
  result: WhatIfResult,
  options?: Partial<DocumentOptions>,
  model?: Model,
): Document {
  const { top } = resolveDocumentOptions(options);
  const actors = [...(model?.departments ?? []), ...(model?.employees ?? [])].map((a) => ({
    id: a.id,
    name: a.name ?? a.id,
  }));
  const name = listNames([...actors, ...result.customers]);
  const title = `What-if${result.scenario.name === null ? '' : `: ${result.scenario.name}`}`;
  const customers = { items: result.customers, noun: 'customer' };
  const moves =
    result.rankingMoves === null
      ? []
      : [
          heading(2, 'Links whose fix-gain rank moved'),
          ...boundedTable(
            MOVE_COLUMNS,
            { items: result.rankingMoves, noun: 'link' },
            top,
            (move) => moveRow(move, name),
            'None.',
          ),
        ];
  return [
    heading(1, title),
    ...scoreBlocks(result),
    heading(2, 'Customers (largest change first)'),
    ...boundedTable(CUSTOMER_COLUMNS, customers, top, (c) => customerRow(c, name), 'None.'),
    ...moves,
    ...warningBlocks(result.warnings, null),
  ];
}

/** A what-if result as text, Markdown, CSV or HTML; `top` bounds each table; `model` names actors. */
export function renderWhatIf(
  result: WhatIfResult,
  format: DocumentFormat = 'text',
  options?: Partial<DocumentOptions>,
  model?: Model,
): string {
  return renderDocument(whatIfDocument(result, options, model), format);
}
