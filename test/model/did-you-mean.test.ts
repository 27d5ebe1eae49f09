/** editDistance and closest: the "did you mean" suggestions. */
import { describe, expect, it } from 'vitest';
import {
  closest,
  DISTANCE_LIMIT,
  didYouMean,
  editDistance,
  SUGGESTION_LIMIT,
  Suggester,
  suggestionBudget,
} from '../../src/model/did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('dispatch', 'dispatchh')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });
});

describe('closest', () => {
  it('suggests a near miss, the first on a tie, ignoring case', () => {
    expect(closest('dispatchh', ['warehouse', 'dispatch'])).toBe('dispatch');
    expect(closest('ab', ['ax', 'ay'])).toBe('ax');
    expect(closest('Warehouse', ['warehouse'])).toBe('warehouse');
  });

  it('suggests nothing when nothing is close, or for a whole replacement of a short word', () => {
    expect(closest('zzzzzz', ['dispatch'])).toBeUndefined();
    expect(closest('b', ['a'])).toBeUndefined();
    expect(closest('x', [])).toBeUndefined();
  });

  it('formats the hint', () => {
    expect(didYouMean('shopers', ['shoppers'])).toBe(' (did you mean "shoppers"?)');
    expect(didYouMean('q', ['shoppers'])).toBe('');
  });
});

describe('Suggester: bounded work for hostile input', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `team-${i}`);

  it('suggests as closest does, from one index', () => {
    const suggester = new Suggester(ids);
    expect(suggester.closest('team-42x')).toBe('team-42');
    expect(suggester.closest('TEAM-9999')).toBe('team-9999');
    expect(suggester.closest('zzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });

  it('only measures candidates whose length is within the limit', () => {
    const suggester = new Suggester([...ids, 'a-very-long-identifier-of-another-length']);
    suggester.closest('team-1');
    // Lengths 5 to 9 hold every team id; the long one is never compared.
    expect(suggester.distances).toBeLessThanOrEqual(ids.length);
  });

  it('10,000 wrong references against 10,000 ids: at most the budget of work', () => {
    const budget = suggestionBudget();
    const suggester = new Suggester(ids, budget);
    const hints = ids.map((id) => suggester.didYouMean(`${id}x`));
    expect(hints[0]).toBe(' (did you mean "team-0"?)');
    expect(hints.filter((hint) => hint !== '')).toHaveLength(SUGGESTION_LIMIT);
    expect(suggester.distances).toBeLessThanOrEqual(DISTANCE_LIMIT);
    expect(budget.suggestions).toBe(0);
  });

  it('skips a suggestion that needs more work than is left, rather than guess', () => {
    const suggester = new Suggester(ids, suggestionBudget(5, 15_000));
    expect(suggester.closest('team-1x')).toBe('team-1');
    expect(suggester.closest('team-2x')).toBeUndefined();
  });
});
