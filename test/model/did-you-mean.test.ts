/** editDistance and closest: the "did you mean" suggestions. */
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/model/did-you-mean.js';

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
