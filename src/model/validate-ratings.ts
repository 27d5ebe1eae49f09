/**
 * Checks of ratings and priorities (MODEL.md section 6): a hand-off has quality or ratings, not
 * both; ratings lie on the model's scale; ratings and priorities name the model's dimensions,
 * which are listed once each. Reads raw input leniently (see declared-nodes.ts).
 */
import { entries, field, isLoose, type Loose, NODE_SECTIONS } from './declared-nodes.js';
import { DEFAULT_DIMENSIONS, DEFAULT_SCALE } from './defaults.js';
import { didYouMean } from './did-you-mean.js';
import type { Issue } from './errors.js';
import { type Scale, ScaleSchema } from './schema.js';

/** Every ratings, priorities and dimensions issue of a raw model. */
export function ratingIssues(input: Loose): Issue[] {
  const scale = usableScale(input);
  const dimensions = usableDimensions(input);
  const issues = duplicateDimensions(input);
  for (const { path, item } of entries(input, 'handoffs')) {
    const ratings = field(item, 'ratings');
    if (ratings !== undefined && field(item, 'quality') !== undefined) {
      issues.push({
        code: 'quality_and_ratings',
        path: `${path}.ratings`,
        message: 'a hand-off takes either quality or ratings, not both',
      });
    }
    if (!isLoose(ratings)) continue;
    for (const [dimension, rating] of Object.entries(ratings)) {
      const at = `${path}.ratings.${dimension}`;
      if (dimensions !== undefined) issues.push(...dimensionIssue(dimension, at, dimensions));
      if (scale !== undefined) issues.push(...scaleIssues(rating, at, scale));
    }
  }
  if (dimensions !== undefined) issues.push(...priorityIssues(input, dimensions));
  return issues;
}

/** The scale to check ratings against; undefined when the scale itself is malformed. */
function usableScale(input: Loose): Scale | undefined {
  const raw = field(input, 'scale');
  if (raw === undefined) return DEFAULT_SCALE;
  const parsed = ScaleSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The dimensions ratings may name; undefined when `dimensions` is malformed. */
function usableDimensions(input: Loose): ReadonlySet<string> | undefined {
  const raw = field(input, 'dimensions');
  if (raw === undefined) return new Set(DEFAULT_DIMENSIONS);
  if (!Array.isArray(raw) || !raw.every((d) => typeof d === 'string')) return undefined;
  return new Set(raw as string[]);
}

function duplicateDimensions(input: Loose): Issue[] {
  const raw = field(input, 'dimensions');
  if (!Array.isArray(raw)) return [];
  const seen = new Set<unknown>();
  const issues: Issue[] = [];
  raw.forEach((dimension, index) => {
    if (seen.has(dimension)) {
      issues.push({
        code: 'invalid_value',
        path: `dimensions[${index}]`,
        message: `dimension ${JSON.stringify(dimension)} is listed twice`,
      });
    }
    seen.add(dimension);
  });
  return issues;
}

function dimensionIssue(dimension: string, path: string, dimensions: ReadonlySet<string>): Issue[] {
  if (dimensions.has(dimension)) return [];
  return [
    {
      code: 'unknown_dimension',
      path,
      message: `unknown dimension ${JSON.stringify(dimension)}${didYouMean(dimension, dimensions)}; add it to \`dimensions\` to use it`,
    },
  ];
}

/** A number, or both halves of an expectation-gap pair, must lie on the scale. */
function scaleIssues(rating: unknown, path: string, scale: Scale): Issue[] {
  if (typeof rating === 'number') return offScale(rating, path, scale);
  if (!isLoose(rating)) return [];
  return ['expected', 'perceived'].flatMap((half) => {
    const value = field(rating, half);
    return typeof value === 'number' ? offScale(value, `${path}.${half}`, scale) : [];
  });
}

function offScale(value: number, path: string, scale: Scale): Issue[] {
  // NaN and Infinity are the shape check's (not_finite); only finite values are judged here.
  if (!Number.isFinite(value) || (value >= scale.min && value <= scale.max)) return [];
  return [
    {
      code: 'rating_out_of_scale',
      path,
      message: `rating ${value} is outside the scale ${scale.min} to ${scale.max}`,
    },
  ];
}

/** Priorities of customers and of actors (as internal customers) name known dimensions. */
function priorityIssues(input: Loose, dimensions: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  for (const [section] of NODE_SECTIONS) {
    for (const { path, item } of entries(input, section)) {
      const priorities = field(item, 'priorities');
      if (!isLoose(priorities)) continue;
      for (const dimension of Object.keys(priorities)) {
        issues.push(...dimensionIssue(dimension, `${path}.priorities.${dimension}`, dimensions));
      }
    }
  }
  return issues;
}
