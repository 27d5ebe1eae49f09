/**
 * A survey's aggregates as a document: each rated hand-off with its respondents, derived quality
 * and mean per dimension, the hand-offs nobody rated, and the rows that named no hand-off.
 */
import type { DimensionAggregate, HandoffSurvey, SurveyResult } from '../analysis/survey.js';
import {
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  id,
  joined,
  left,
  moreNote,
  note,
  paragraph,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatCount, formatNumber } from './format.js';
import { handoffSpans, modelNames, type NodeName } from './names.js';
import { type DocumentFormat, renderDocument } from './render-document.js';
import { surveyByBlocks } from './survey-by.js';
import { warningBlocks } from './warning-blocks.js';

/** `4.33 ± 0.33 (n=3)`. */
function meanText(mean: number, standardError: number | null, count: number): string {
  const error = standardError === null ? '' : ` ± ${formatNumber(standardError, 2)}`;
  return `${formatNumber(mean, 2)}${error} (n=${formatCount(count)})`;
}

function dimensionText(d: DimensionAggregate): string {
  const { expected } = d;
  const hoped =
    expected === null
      ? ''
      : `, expected ${meanText(expected.mean, expected.standardError, expected.count)}`;
  return `${meanText(d.mean, d.standardError, d.count)}${hoped}`;
}

function ratedRow(handoff: HandoffSurvey, name: NodeName): Cell[] {
  return [
    handoffSpans(handoff, name),
    text(formatCount(handoff.respondents)),
    text(formatNumber(handoff.quality)),
    joined(
      handoff.dimensions.map((d) => [id(d.dimension), words(` ${dimensionText(d)}`)]),
      '; ',
    ),
  ];
}

const RATED_COLUMNS = [
  left('Hand-off'),
  right('Respondents'),
  right('Quality'),
  left('Mean per dimension ± standard error'),
];

/** The unrated hand-offs as one line of ids, at most `top` of them. */
function unratedBlocks(unrated: readonly string[], top: number) {
  if (unrated.length === 0) return [paragraph(words('None.'))];
  const shown = unrated.slice(0, top).map((handoff) => [id(handoff)]);
  const line = paragraph(...joined(shown, ', '));
  if (unrated.length <= top) return [line];
  return [line, note(words(moreNote(shown.length, unrated.length, 'hand-off')))];
}

/**
 * The survey document; `top` bounds each table. With `by` (an actor id) it adds how colleagues
 * see that person or team (survey-by.ts).
 */
export function surveyDocument(
  result: SurveyResult,
  options?: Partial<DocumentOptions>,
  by?: string,
): Document {
  const { top } = resolveDocumentOptions(options);
  const name = modelNames(result.model);
  const rated = { items: result.handoffs, noun: 'rated hand-off' };
  const unmatched = { items: result.unmatched, noun: 'row' };
  return [
    heading(1, 'Survey: how do people see you?'),
    heading(2, 'Rated hand-offs'),
    ...boundedTable(RATED_COLUMNS, rated, top, (h) => ratedRow(h, name), 'None.'),
    ...(by === undefined ? [] : surveyByBlocks(result, by)),
    heading(2, 'Hand-offs nobody rated'),
    ...unratedBlocks(result.unrated, top),
    heading(2, 'Rows that name no hand-off'),
    ...boundedTable(
      [right('Line'), left('Why')],
      unmatched,
      top,
      (u) => [text(formatCount(u.line)), text(u.reason)],
      'None.',
    ),
    ...warningBlocks(
      result.warnings.filter((w) => w.code !== 'unmatched_response'),
      null,
    ),
  ];
}

/** A survey result as text, Markdown, CSV or HTML; `top` bounds each table; `by` as surveyDocument. */
export function renderSurvey(
  result: SurveyResult,
  format: DocumentFormat = 'text',
  options?: Partial<DocumentOptions>,
  by?: string,
): string {
  return renderDocument(surveyDocument(result, options, by), format);
}
