/** Rated hand-offs as a document: each with its ratings, their priorities and the derived quality. */
import type { DimensionRating, HandoffRatings } from '../analysis/ratings.js';
import type { Rating } from '../model/schema.js';
import {
  boundedTable,
  type Cell,
  type Document,
  type DocumentOptions,
  heading,
  id,
  joined,
  left,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatAmount, formatNumber } from './format.js';
import { renderDocument, type TextFormat } from './render-document.js';

/** One rating as written: `4` or `4 (expected 3)`. */
function ratingText(rating: Rating): string {
  return typeof rating === 'number'
    ? formatAmount(rating)
    : `${formatAmount(rating.perceived)} (expected ${formatAmount(rating.expected)})`;
}

/** `speed 4 (priority 2)`; the priority is left out where it is 1. */
function ratingCell(r: DimensionRating): Cell {
  const priority = r.priority === 1 ? '' : ` (priority ${formatAmount(r.priority)})`;
  return [id(r.dimension), words(` ${ratingText(r.rating)}${priority}`)];
}

function row(h: HandoffRatings): Cell[] {
  return [
    [id(h.from), words(' -> '), id(h.to)],
    text(formatNumber(h.quality)),
    joined(h.ratings.map(ratingCell), '; '),
  ];
}

/** The ratings document; `top` bounds the table. */
export function ratingsDocument(
  rated: readonly HandoffRatings[],
  options?: Partial<DocumentOptions>,
): Document {
  const { top } = resolveDocumentOptions(options);
  const columns = [left('Hand-off'), right('Quality'), left('Ratings')];
  return [
    heading(1, 'Ratings and derived quality'),
    heading(2, 'Rated hand-offs'),
    ...boundedTable(columns, { items: rated, noun: 'rated hand-off' }, top, row, 'None.'),
  ];
}

/** Rated hand-offs with their ratings and derived quality, as text or Markdown. */
export function renderHandoffRatings(
  rated: readonly HandoffRatings[],
  format: TextFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(ratingsDocument(rated, options), format);
}
