/**
 * Observed customers beside the model (docs/uncertainty.md, "Observations"): the blocks the
 * report document appends when the model lists observations.
 */
import type { ObservationRow } from '../analysis/observations.js';
import { type Block, type Cell, heading, left, note, right, text, words } from './document.js';
import { formatCount, formatNumber, formatSigned, NOT_AVAILABLE } from './format.js';

function row(observation: ObservationRow): Cell[] {
  return [
    [words(observation.name)],
    text(formatNumber(observation.service)),
    text(formatNumber(observation.observed)),
    text(observation.gap === null ? NOT_AVAILABLE : formatSigned(observation.gap)),
    text(formatCount(observation.n)),
    text(observation.sources.join(', ')),
  ];
}

/** The "What customers say" section; nothing when the model has no observations. */
export function observationBlocks(rows: readonly ObservationRow[] | undefined): Block[] {
  if (rows === undefined || rows.length === 0) return [];
  const columns = [
    left('Customer'),
    right('Model'),
    right('Observed'),
    right('Gap'),
    right('Respondents'),
    left('Sources'),
  ];
  return [
    heading(2, 'What customers say'),
    { type: 'table', columns, rows: rows.map(row) },
    note(
      words(
        'Observed: the observations weighted by their respondents, on 0 to 1. Gap: observed - model; ' +
          'below 0, customers see worse service than the model gives.',
      ),
    ),
  ];
}
