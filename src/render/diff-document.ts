/**
 * A comparison of two models as a document (docs/model.md, "Change over time"): S before and
 * after, the change of S shared out over the changes, every customer before and after, the
 * weakest links that moved, and the list of what was added, removed and changed.
 */

import type { AttributionPart, DiffResult } from '../analysis/diff.js';
import type { AttributionChange } from '../analysis/diff-changes.js';
import type { ElementChange, FieldChange } from '../analysis/model-changes.js';
import type { WhatIfCustomer } from '../analysis/what-if.js';
import type { Model } from '../model/schema.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  joined,
  left,
  note,
  paragraph,
  resolveDocumentOptions,
  right,
  type Span,
  text,
  words,
} from './document.js';
import { formatAmount, formatNumber, formatSigned, plural } from './format.js';
import { handoffSpans, linkCell, type NodeName } from './names.js';
import { renderDocument, type TextFormat } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

const ELEMENT_WORDS = { actor: 'actor', customer: 'customer', handoff: 'hand-off' } as const;
const KIND_WORDS = {
  department: 'department',
  employee: 'employee',
  customer: 'customer',
  handoff: 'hand-off',
} as const;

/** Names from several models, the later one winning (a node renamed shows its new name). */
export function namesAcross(models: readonly Model[]): NodeName {
  const names = new Map<string, string>();
  for (const m of models)
    for (const node of [...(m.departments ?? []), ...(m.employees ?? []), ...(m.customers ?? [])])
      names.set(node.id, node.name ?? node.id);
  return (nodeId) => {
    const name = names.get(nodeId);
    return name === undefined ? { text: nodeId, id: true } : words(name);
  };
}

function valueText(value: unknown): string {
  if (typeof value === 'number')
    return formatAmount(value) === formatNumber(value, 0)
      ? formatAmount(value)
      : formatNumber(value);
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function subject(
  change: { element: string; id: string; from?: string; to?: string },
  name: NodeName,
): Span[] {
  return change.from !== undefined && change.to !== undefined
    ? handoffSpans({ from: change.from, to: change.to }, name)
    : [name(change.id)];
}

/** A change as a reader says it: `Sewing floor: welfare 0.550 -> 0.850`. */
export function changeCell(change: AttributionChange, name: NodeName): Cell {
  const what = ELEMENT_WORDS[change.element];
  if (change.type !== 'changed') {
    const brings =
      change.handoffs === undefined || change.element === 'handoff'
        ? ''
        : ` (with ${plural(change.handoffs, 'hand-off')})`;
    const verb = change.type === 'added' ? 'Added' : 'Removed';
    return [words(`${verb} ${what} `), ...subject(change, name), words(brings)];
  }
  return [
    ...subject(change, name),
    words(`: ${change.field} ${valueText(change.before)} -> ${valueText(change.after)}`),
  ];
}

function attributionBlocks(result: DiffResult, name: NodeName, top: number): Block[] {
  const { attribution, attributionMethod: method } = result;
  if (attribution === null)
    return [
      heading(2, 'Why S moved'),
      paragraph(words('No attribution: S is not defined on both sides (no customer is scored).')),
    ];
  const sampled = method.method === 'sampled';
  const columns = [
    left('Change'),
    right('Share of the change of S'),
    ...(sampled ? [right('Spread')] : []),
  ];
  const row = (part: AttributionPart): Cell[] => [
    changeCell(part.change, name),
    text(formatSigned(part.contribution, 4)),
    ...(sampled ? [text(`±${formatNumber(part.spread, 4)}`)] : []),
  ];
  const how = sampled
    ? `Shapley values estimated from ${plural(method.orderings ?? 0, 'random ordering')} of the ${plural(method.changes, 'change')} (seed ${method.seed}); the spread is the standard error of each estimate.`
    : `Exact Shapley values over the ${plural(method.changes, 'change')}: each change's effect averaged over every order in which the changes could have happened.`;
  return [
    heading(2, 'Why S moved'),
    ...boundedTable(
      columns,
      { items: attribution, noun: 'change' },
      top,
      row,
      'Nothing that moves S changed.',
    ),
    note(words(`${how} The shares add up to the change of S.`)),
  ];
}

function customerRow(customer: WhatIfCustomer, name: NodeName): Cell[] {
  const status = customer.status === 'kept' ? '' : ` (${customer.status})`;
  return [
    [name(customer.id), words(status)],
    text(formatNumber(customer.service.before)),
    text(formatNumber(customer.service.after)),
    text(formatSigned(customer.service.change)),
    linkCell(customer.weakestLink.before, name),
    linkCell(customer.weakestLink.after, name),
  ];
}

function fieldsCell(fields: readonly FieldChange[]): Cell {
  return joined(
    fields.map((f) => text(`${f.field} ${valueText(f.before)} -> ${valueText(f.after)}`)),
    '; ',
  );
}

function elementRow(change: ElementChange, name: NodeName): Cell[] {
  return [
    [words(`${KIND_WORDS[change.kind]} `), ...subject({ element: change.kind, ...change }, name)],
    text(change.status),
    change.status === 'changed' ? fieldsCell(change.fields) : text(''),
  ];
}

/** The diff document; `names` shows nodes by name (bothNames), `top` bounds each table. */
export function diffDocument(
  result: DiffResult,
  names: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const { score, changes } = result;
  const elements = [...changes.nodes, ...changes.handoffs];
  const settings =
    changes.settings.length === 0
      ? []
      : [paragraph(words('Model settings: '), ...fieldsCell(changes.settings))];
  return [
    heading(1, 'What changed'),
    heading(2, 'Organisation score'),
    paragraph(
      words(
        `S: ${formatNumber(score.before)} -> ${formatNumber(score.after)} (${formatSigned(score.change)}).`,
      ),
    ),
    ...attributionBlocks(result, names, top),
    heading(2, 'Customers (largest change first)'),
    ...boundedTable(
      [
        left('Customer'),
        right('Service before'),
        right('Service after'),
        right('Change'),
        left('Weakest link before'),
        left('Weakest link after'),
      ],
      { items: result.customers, noun: 'customer' },
      top,
      (c) => customerRow(c, names),
      'None.',
    ),
    paragraph(
      words(
        result.weakestLinksMoved.length === 0
          ? 'No customer’s weakest link moved.'
          : `The weakest link moved for ${plural(result.weakestLinksMoved.length, 'customer')}.`,
      ),
    ),
    heading(2, 'Added, removed and changed'),
    ...settings,
    ...boundedTable(
      [left('Element'), left('Status'), left('Fields')],
      { items: elements, noun: 'element' },
      top,
      (e) => elementRow(e, names),
      'The two models are the same.',
    ),
    ...warningBlocks(result.warnings, null),
  ];
}

/** A diff as text or Markdown. */
export function renderDiff(
  result: DiffResult,
  names: NodeName,
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(diffDocument(result, names, options), format);
}
