/**
 * Checks of ratings and priorities (docs/model-file.md, "Hand-offs"): a hand-off has quality or ratings,
 * not both; ratings lie on the model's scale; ratings and priorities name the model's dimensions,
 * which are listed once each. Reads raw input leniently (see declared-nodes.ts).
 */
import { field, isLoose, type Loose, NODE_SECTIONS, section } from './declared-nodes.js';
import { DEFAULT_DIMENSIONS, DEFAULT_SCALE } from './defaults.js';
import { Suggester, type SuggestionBudget } from './did-you-mean.js';
import type { Issue } from './errors.js';
import { type Scale, ScaleSchema } from './schema.js';

/** The model's dimensions, and suggestions among them for a misspelt one. */
interface Dimensions {
  readonly known: ReadonlySet<string>;
  readonly suggester: Suggester;
}

/** Appends every ratings, priorities and dimensions issue of a raw model. */
export function ratingIssues(input: Loose, budget: SuggestionBudget, issues: Issue[]): void {
  const scale = usableScale(input);
  const dimensions = usableDimensions(input, budget);
  duplicateDimensions(input, issues);
  const handoffs = section(input, 'handoffs');
  for (let h = 0; h < handoffs.length; h++) {
    const item = handoffs[h];
    if (!isLoose(item)) continue;
    const ratings = field(item, 'ratings');
    if (ratings !== undefined && field(item, 'quality') !== undefined) {
      issues.push({
        code: 'quality_and_ratings',
        path: `handoffs[${h}].ratings`,
        message: 'a hand-off takes either quality or ratings, not both',
      });
    }
    if (!isLoose(ratings)) continue;
    for (const dimension of Object.keys(ratings)) {
      const at = `handoffs[${h}].ratings.${dimension}`;
      if (dimensions !== undefined) dimensionIssue(dimension, at, dimensions, issues);
      if (scale !== undefined) scaleIssues(ratings[dimension], at, scale, issues);
    }
  }
  if (dimensions !== undefined) priorityIssues(input, dimensions, issues);
}

/** The scale to check ratings against; undefined when the scale itself is malformed. */
/** The model's rating scale when it is well formed (the default when absent), else undefined. */
export function usableScale(input: Loose): Scale | undefined {
  const raw = field(input, 'scale');
  if (raw === undefined) return DEFAULT_SCALE;
  const parsed = ScaleSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The dimensions ratings may name; undefined when `dimensions` is malformed. */
function usableDimensions(input: Loose, budget: SuggestionBudget): Dimensions | undefined {
  const raw = field(input, 'dimensions');
  const list = raw === undefined ? DEFAULT_DIMENSIONS : raw;
  if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) return undefined;
  return { known: new Set(list), suggester: new Suggester(list, budget) };
}

function duplicateDimensions(input: Loose, issues: Issue[]): void {
  const raw = field(input, 'dimensions');
  if (!Array.isArray(raw)) return;
  const seen = new Set<unknown>();
  for (let index = 0; index < raw.length; index++) {
    const dimension: unknown = raw[index];
    if (seen.has(dimension)) {
      issues.push({
        code: 'invalid_value',
        path: `dimensions[${index}]`,
        message: `dimension ${JSON.stringify(dimension)} is listed twice`,
      });
    }
    seen.add(dimension);
  }
}

function dimensionIssue(
  dimension: string,
  path: string,
  dimensions: Dimensions,
  issues: Issue[],
): void {
  if (dimensions.known.has(dimension)) return;
  issues.push({
    code: 'unknown_dimension',
    path,
    message: `unknown dimension ${JSON.stringify(dimension)}${dimensions.suggester.didYouMean(dimension)}; add it to \`dimensions\` to use it`,
  });
}

/** A number, or both halves of an expectation-gap pair, must lie on the scale. */
function scaleIssues(rating: unknown, path: string, scale: Scale, issues: Issue[]): void {
  if (typeof rating === 'number') offScale(rating, path, scale, issues);
  else if (isLoose(rating)) {
    const expected = field(rating, 'expected');
    if (typeof expected === 'number') offScale(expected, `${path}.expected`, scale, issues);
    const perceived = field(rating, 'perceived');
    if (typeof perceived === 'number') offScale(perceived, `${path}.perceived`, scale, issues);
  }
}

function offScale(value: number, path: string, scale: Scale, issues: Issue[]): void {
  // NaN and Infinity are the shape check's (not_finite); only finite values are judged here.
  if (!Number.isFinite(value) || (value >= scale.min && value <= scale.max)) return;
  issues.push({
    code: 'rating_out_of_scale',
    path,
    message: `rating ${value} is outside the scale ${scale.min} to ${scale.max}`,
  });
}

/** Priorities of customers and of actors (as internal customers) name known dimensions. */
function priorityIssues(input: Loose, dimensions: Dimensions, issues: Issue[]): void {
  for (const [name] of NODE_SECTIONS) {
    const list = section(input, name);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isLoose(item)) continue;
      const priorities = field(item, 'priorities');
      if (!isLoose(priorities)) continue;
      for (const dimension of Object.keys(priorities)) {
        dimensionIssue(dimension, `${name}[${i}].priorities.${dimension}`, dimensions, issues);
      }
    }
  }
}
