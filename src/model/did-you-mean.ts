/**
 * "Did you mean" suggestions for misspelt ids, keys and dimensions, by Levenshtein edit distance.
 * Bounded for hostile input: candidates are bucketed by length (an edit distance is at least the
 * difference in length), each distance stops as soon as it exceeds the best allowed, and one
 * validation computes at most SUGGESTION_LIMIT suggestions, so thousands of wrong references cost
 * a bounded amount of work instead of references x candidates.
 */

/** How many suggestions one validation computes; later issues carry none. */
export const SUGGESTION_LIMIT = 100;
/**
 * How many candidate distances one validation computes at most (a few milliseconds of work per
 * hundred thousand); a suggestion that would need more than what is left is not attempted.
 */
export const DISTANCE_LIMIT = 2_000_000;

/** Edit distance (insertions, deletions, substitutions) between two strings, by code unit. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/** Reused rows of the distance table (one suggestion at a time, never re-entered). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The edit distance of a and b if it is at most `bound`, else some number above `bound`: a row
 * whose smallest entry exceeds the bound can only grow, so the computation stops there.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  // A common prefix and suffix cost no edit (ids often share one: `team-12`, `team-13`).
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start))
    start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const lengthB = endB - start;
  if (previousRow.length <= lengthB) {
    previousRow = new Int32Array(lengthB + 1);
    currentRow = new Int32Array(lengthB + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= lengthB; j++) previous[j] = j;
  for (let i = 1; i <= endA - start; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(start + i - 1);
    for (let j = 1; j <= lengthB; j++) {
      const substitution = previous[j - 1]! + (ai === b.charCodeAt(start + j - 1) ? 0 : 1);
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[lengthB]!;
}

/** What is left to compute in one validation; shared by its suggesters. */
export interface SuggestionBudget {
  suggestions: number;
  distances: number;
}

/** A fresh budget for one validation. */
export function suggestionBudget(
  suggestions = SUGGESTION_LIMIT,
  distances = DISTANCE_LIMIT,
): SuggestionBudget {
  return { suggestions, distances };
}

const UNBOUNDED: SuggestionBudget = {
  suggestions: Number.POSITIVE_INFINITY,
  distances: Number.POSITIVE_INFINITY,
};

/**
 * Candidates indexed for repeated suggestions: lower-cased, bucketed by length, each with its
 * declaration position (ties go to the first declared). `distances` counts the distance
 * computations made, so tests can check the work stays bounded.
 */
export class Suggester {
  private readonly byLength = new Map<number, { lower: string; at: number }[]>();
  private readonly originals: string[] = [];
  distances = 0;

  constructor(
    candidates: Iterable<string>,
    private readonly budget: SuggestionBudget = { ...UNBOUNDED },
  ) {
    for (const candidate of candidates) {
      const lower = candidate.toLowerCase();
      let bucket = this.byLength.get(lower.length);
      if (bucket === undefined) {
        bucket = [];
        this.byLength.set(lower.length, bucket);
      }
      bucket.push({ lower, at: this.originals.length });
      this.originals.push(candidate);
    }
  }

  /**
   * The closest candidate, if it is close enough to be a likely typo: at most a third of the word
   * (at least 1, at most 3) edits away, and not a whole replacement of a short word. Ties go to
   * the first candidate, so suggestions follow declaration order. Undefined once the budget is
   * spent.
   */
  closest(word: string): string | undefined {
    if (this.budget.suggestions <= 0) return undefined;
    const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
    const lower = word.toLowerCase();
    const work = this.candidatesNear(lower.length, limit);
    // All or nothing, so a suggestion is always the closest candidate, never a partial search's.
    if (work > this.budget.distances) return undefined;
    this.budget.suggestions -= 1;
    this.budget.distances -= work;
    let best = -1;
    let bestDistance = Math.min(limit, word.length - 1);
    for (let length = lower.length - limit; length <= lower.length + limit; length++) {
      const bucket = this.byLength.get(length);
      if (bucket === undefined) continue;
      for (const { lower: candidate, at } of bucket) {
        if (best !== -1 && Math.abs(length - lower.length) > bestDistance) break;
        this.distances += 1;
        const distance = boundedDistance(lower, candidate, bestDistance);
        if (distance > bestDistance) continue;
        if (best === -1 || distance < bestDistance || at < best) {
          best = at;
          bestDistance = distance;
        }
      }
    }
    return best === -1 ? undefined : this.originals[best];
  }

  /** How many candidates lie within `limit` of a length (a bound on the distances computed). */
  private candidatesNear(length: number, limit: number): number {
    let count = 0;
    for (let l = length - limit; l <= length + limit; l++)
      count += this.byLength.get(l)?.length ?? 0;
    return count;
  }

  /** ` (did you mean "x"?)` or '' when nothing is close (or the budget is spent). */
  didYouMean(word: string): string {
    return hint(this.closest(word));
  }
}

/** The closest candidate to one word (see Suggester.closest), unbudgeted. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).closest(word);
}

/** ` (did you mean "x"?)` or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  return hint(closest(word, candidates));
}

function hint(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
}
