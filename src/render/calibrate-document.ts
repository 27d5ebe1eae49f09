/**
 * Calibration as a document (docs/uncertainty.md, "Calibration"): what the evidence most
 * implicates, each free value before and after with how far the evidence moved it, the gap left
 * per observed customer, and the warnings. Laid out by text.ts and markdown.ts like every other
 * document; nodes by name.
 */

import type { FreeField } from '../analysis/calibrate-free.js';
import type { CalibrationReport, Explanation } from '../analysis/calibrate-report.js';
import type { WeakestLink } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import {
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  left,
  list,
  note,
  paragraph,
  resolveDocumentOptions,
  right,
  type Span,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber, formatSigned, NOT_AVAILABLE, plural } from './format.js';
import { linkCell, modelNames, type NodeName } from './names.js';
import { renderDocument, type TextFormat } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

/** `Households'` or `IT & CRM's`: the possessive of a name. */
function possessive(name: Span): Span[] {
  return [name, words(name.text.endsWith('s') ? "'" : "'s")];
}

/** A free value by name: a hand-off's two ends, or `IT & CRM's performance`. */
function valueSpans(link: WeakestLink, field: FreeField, name: NodeName): Span[] {
  if (link.type === 'handoff') return [...linkCell(link, name)];
  return [...possessive(name(link.id)), words(` ${field}`)];
}

/** `Quote requests' low score is best explained by IT & CRM -> Sales desk falling from 0.750 to 0.725.` */
function explanation(item: Explanation, name: NodeName): Cell {
  const moving = item.after < item.before ? 'falling' : 'rising';
  return [
    ...possessive(name(item.customer)),
    words(` ${item.score} score is best explained by `),
    ...valueSpans(item.link, item.field, name),
    words(` ${moving} from ${formatNumber(item.before)} to ${formatNumber(item.after)}.`),
  ];
}

/** The calibration document; `top` bounds each table, `name` shows nodes by name. */
export function calibrationDocument(
  result: CalibrationReport,
  name: NodeName,
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const observed = result.customers.filter((c) => c.before !== null);
  const respondents = observed.reduce((sum, c) => sum + c.n, 0);
  const stopped = result.converged ? '' : ' (stopped before it settled)';
  const byMove = [...result.values].sort(
    (a, b) =>
      Math.abs(b.moved) - Math.abs(a.moved) || result.values.indexOf(a) - result.values.indexOf(b),
  );
  const valueRow = (v: CalibrationReport['values'][number]): Cell[] => [
    linkCell(v.link, name),
    text(v.field),
    text(formatNumber(v.before)),
    text(formatNumber(v.after)),
    text(formatNumber(v.sd)),
    text(formatSigned(v.moved, 2)),
  ];
  const customerRow = (c: CalibrationReport['customers'][number]): Cell[] => [
    [name(c.id)],
    text(formatNumber(c.observed)),
    text(formatCount(c.n)),
    text(formatNumber(c.before)),
    text(formatNumber(c.after)),
    text(c.gapBefore === null ? NOT_AVAILABLE : formatSigned(c.gapBefore)),
    text(c.gapAfter === null ? NOT_AVAILABLE : formatSigned(c.gapAfter)),
  ];
  return [
    heading(1, 'Calibration'),
    {
      type: 'facts',
      facts: [
        {
          label: 'Fitted',
          value: text(
            `${plural(result.values.length, 'value')} to ${plural(observed.length, 'observed customer')} (${plural(respondents, 'respondent')})`,
          ),
        },
        {
          label: 'Objective',
          value: text(
            `${formatNumber(result.objective.before)} -> ${formatNumber(result.objective.after)} in ${plural(result.steps, 'step')}${stopped}`,
          ),
        },
      ],
    },
    ...(result.values.length === 0
      ? [paragraph(words('No value is free: give values as estimates, or name links with --free.'))]
      : []),
    heading(2, 'What the evidence implicates'),
    result.explanations.length === 0
      ? paragraph(words('Nothing: no free value moved to close a gap.'))
      : list(result.explanations.map((item) => explanation(item, name))),
    heading(2, 'Values'),
    ...boundedTable(
      [
        left('Link'),
        left('Field'),
        right('Before'),
        right('After'),
        right('sd'),
        right('Moved (sds)'),
      ],
      { items: byMove, noun: 'value' },
      top,
      valueRow,
      'None.',
    ),
    heading(2, 'Customers'),
    ...boundedTable(
      [
        left('Customer'),
        right('Observed'),
        right('Respondents'),
        right('Model before'),
        right('Model after'),
        right('Gap before'),
        right('Gap after'),
      ],
      { items: result.customers, noun: 'customer' },
      top,
      customerRow,
      'None: the model lists no observations.',
    ),
    note(
      words(
        'Moved: (after - before) / sd, how far the evidence pulled the value against its estimate. ' +
          'Gap: observed - model; below 0, customers see worse service than the model gives.',
      ),
    ),
    ...warningBlocks(result.warnings, null),
  ];
}

/** Calibration as text or Markdown, nodes named as in `model`. */
export function renderCalibration(
  result: CalibrationReport,
  model: Model,
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(calibrationDocument(result, modelNames(model), options), format);
}
