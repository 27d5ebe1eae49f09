/**
 * The department view as a document: S, each department with its service, weakest internal link
 * and impact figures, and the hand-offs between departments, in the order rollUp gives them.
 */
import type {
  DepartmentHandoff,
  DepartmentView,
  InternalLink,
  RollUp,
} from '../analysis/roll-up.js';
import {
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
import { formatAmount, formatCount, formatNumber } from './format.js';
import { handoffSpans, listNames, type NodeName } from './names.js';
import { renderDocument, type TextFormat } from './render-document.js';

/** `sewing (0.495)`, `cutting -> sewing (0.800)`, or `none`. */
function internalCell(link: InternalLink | null): Cell {
  if (link === null) return text('none');
  const strength = words(` (${formatNumber(link.strength)})`);
  return link.type === 'handoff' ? [...handoffSpans(link, id), strength] : [id(link.id), strength];
}

function departmentRow(d: DepartmentView): Cell[] {
  return [
    text(d.name),
    text(formatCount(d.members.length)),
    text(formatNumber(d.service)),
    internalCell(d.weakestLink),
    text(formatNumber(d.sensitivity)),
    text(formatNumber(d.fixGain)),
    text(formatNumber(d.failureLoss)),
  ];
}

const DEPARTMENT_COLUMNS = [
  left('Department'),
  right('Members'),
  right('Service'),
  left('Weakest internal link'),
  right('Sensitivity'),
  right('Fix gain'),
  right('Failure loss'),
];

function handoffRow(h: DepartmentHandoff, name: NodeName): Cell[] {
  return [
    [name(h.from)],
    [name(h.to)],
    text(formatNumber(h.quality)),
    text(formatAmount(h.weight)),
    text(formatCount(h.handoffs.length)),
  ];
}

const HANDOFF_COLUMNS = [
  left('From'),
  left('To'),
  right('Quality'),
  right('Weight'),
  right('Hand-offs'),
];

/** The department view document; `top` bounds each table. */
export function rollUpDocument(view: RollUp, options?: Partial<DocumentOptions>): Document {
  const { top } = resolveDocumentOptions(options);
  const level = view.level === null ? "each actor's own department" : `level ${view.level}`;
  const name = listNames(view.departments);
  const departments = { items: view.departments, noun: 'department' };
  const handoffs = { items: view.handoffs, noun: 'hand-off between departments' };
  return [
    heading(1, `Department view (${level})`),
    heading(2, 'Organisation score'),
    paragraph(words(`S: ${formatNumber(view.score)}`)),
    heading(2, 'Departments'),
    ...boundedTable(DEPARTMENT_COLUMNS, departments, top, departmentRow, 'None.'),
    heading(2, 'Hand-offs between departments'),
    ...boundedTable(HANDOFF_COLUMNS, handoffs, top, (h) => handoffRow(h, name), 'None.'),
  ];
}

/** The department view as text or Markdown; `top` bounds each table. */
export function renderRollUp(
  view: RollUp,
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(rollUpDocument(view, options), format);
}
