/** aggregateSurvey: "how do people see you?" (docs/model.md, "Ratings and surveys"), against hand-computed figures. */
import { describe, expect, it } from 'vitest';
import { handoffRatings } from '../../src/analysis/ratings.js';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const model: Model = validateModel({
  version: 1,
  dimensions: ['timeliness', 'accuracy'],
  departments: [{ id: 'a' }, { id: 'b' }],
  customers: [{ id: 'c' }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.5 },
    { from: 'b', to: 'c', quality: 0.9 },
    { id: 'x1', from: 'a', to: 'c' },
    { id: 'x2', from: 'a', to: 'c' },
  ],
}).model;

const wide = [
  'from,to,handoff,respondent,timeliness,accuracy,comment',
  'a,b,,ann,4,5,fine', // line 2
  'a,b,,bob,2,,late', // line 3
  'a,b,,,3,4,', // line 4
  'b,c,,ann,5,5,', // line 5
  'a,c,,ann,3,3,', // line 6: two hand-offs go a -> c
  ',,x1,kim,1,2,', // line 7
  'zz,c,,,3,3,', // line 8: no such hand-off
].join('\n');

/** Issues of a failing call as `code path: message`. */
function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError)
      return error.issues.map((i) => `${i.code} ${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('aggregateSurvey: bad input first', () => {
  it('reports every bad score with its CSV line, and nothing else is used', () => {
    const csv = 'from,to,timeliness,accuracy\na,b,6,4\na,b,abc,0\nb,c,3,3\n';
    expect(issuesOf(() => aggregateSurvey(model, csv))).toEqual([
      'rating_out_of_scale line 2.timeliness: score 6 is outside the scale 1 to 5',
      'invalid_value line 3.timeliness: score "abc" is not a number',
      'rating_out_of_scale line 3.accuracy: score 0 is outside the scale 1 to 5',
    ]);
  });

  it('rejects a header that names no hand-off or no dimension, and unknown long dimensions', () => {
    expect(issuesOf(() => aggregateSurvey(model, 'respondent,timeliness\nann,3\n'))).toEqual([
      'missing_field header: the responses need a `handoff` column or `from` and `to` columns (`provider`/`giver` and `receiver` are read as `from` and `to`)',
    ]);
    expect(issuesOf(() => aggregateSurvey(model, 'from,to,speed\na,b,3\n'))).toEqual([
      'missing_field header: no column names a rating dimension (or use `dimension` and `score` columns)',
    ]);
    expect(
      issuesOf(() => aggregateSurvey(model, 'from,to,dimension,score\na,b,timelines,3\n')),
    ).toEqual([
      'unknown_dimension line 2.dimension: unknown dimension "timelines" (did you mean "timeliness"?)',
    ]);
    expect(issuesOf(() => aggregateSurvey(model, wide, { minRespondent: 2 } as never))[0]).toMatch(
      /^invalid_option options.minRespondent/,
    );
  });
});

describe('aggregateSurvey on a small wide CSV', () => {
  const result = aggregateSurvey(model, wide);
  const ab = result.handoffs.find((h) => h.id === 'a->b')!;

  it('aggregates mean, count and standard error per dimension (sample sd / sqrt(n))', () => {
    // timeliness 4, 2, 3: mean 3, sd 1, se 1/sqrt(3); accuracy 5, 4: mean 4.5, sd sqrt(0.5), se 0.5.
    expect(ab.dimensions).toEqual([
      {
        dimension: 'timeliness',
        mean: 3,
        count: 3,
        standardError: 1 / Math.sqrt(3),
        expected: null,
      },
      {
        dimension: 'accuracy',
        mean: 4.5,
        count: 2,
        standardError: expect.closeTo(0.5, 12),
        expected: null,
      },
    ]);
    // ann and bob, plus one anonymous respondent
    expect(ab.respondents).toBe(3);
    // (3 - 1) / 4 = 0.5 and (4.5 - 1) / 4 = 0.875: mean 0.6875
    expect(ab.quality).toBe(0.6875);
  });

  it('keeps a null standard error for a single score', () => {
    const x1 = result.handoffs.find((h) => h.id === 'x1')!;
    expect(x1.dimensions).toEqual([
      { dimension: 'timeliness', mean: 1, count: 1, standardError: null, expected: null },
      { dimension: 'accuracy', mean: 2, count: 1, standardError: null, expected: null },
    ]);
    expect(x1.quality).toBe(0.125);
  });

  it('lists surveyed hand-offs in declaration order, the unrated ones and the unmatched rows', () => {
    expect(result.handoffs.map((h) => h.id)).toEqual(['a->b', 'b->c', 'x1']);
    expect(result.unrated).toEqual(['x2']);
    expect(result.unmatched).toEqual([
      { line: 6, reason: 'several hand-offs go from "a" to "c": name one in the `handoff` column' },
      { line: 8, reason: 'no hand-off from "zz" to "c"; "zz" is no actor or customer' },
    ]);
  });

  it('warns about few respondents and ignored columns', () => {
    expect(result.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`)).toEqual([
      'ignored_column header: column "comment" is ignored',
      'unmatched_response line 6: several hand-offs go from "a" to "c": name one in the `handoff` column',
      'unmatched_response line 8: no hand-off from "zz" to "c"; "zz" is no actor or customer',
      'few_respondents handoffs[1]: hand-off b -> c has 1 respondent, fewer than 3',
      'few_respondents handoffs[2]: hand-off a -> c has 1 respondent, fewer than 3',
    ]);
    expect(
      aggregateSurvey(model, wide, { minRespondents: 1 }).warnings.filter(
        (w) => w.code === 'few_respondents',
      ),
    ).toEqual([]);
  });

  it('writes the means as ratings into a copy of the model, replacing quality', () => {
    expect(result.model.handoffs![0]).toEqual({
      from: 'a',
      to: 'b',
      ratings: { timeliness: 3, accuracy: 4.5 },
    });
    expect(result.model.handoffs![3]).toEqual({ id: 'x2', from: 'a', to: 'c' });
    expect(model.handoffs![0]).toEqual({ from: 'a', to: 'b', quality: 0.5 });
    expect(() => validateModel(result.model)).not.toThrow();
  });
});

describe('aggregateSurvey on the same answers in long form', () => {
  it('gives the same aggregates', () => {
    const long = [
      'from,to,respondent,dimension,score',
      'a,b,ann,timeliness,4',
      'a,b,ann,accuracy,5',
      'a,b,bob,timeliness,2',
      'a,b,,timeliness,3',
      'a,b,,accuracy,4',
    ].join('\n');
    const result = aggregateSurvey(model, long);
    const wideResult = aggregateSurvey(model, wide);
    expect(result.handoffs[0]).toEqual(wideResult.handoffs[0]);
  });
});

describe('aggregateSurvey with expectations (expectation-gap ratings)', () => {
  it('aggregates expected and perceived scores apart and writes {expected, perceived} ratings', () => {
    const csv = [
      'handoff,respondent,timeliness.expected,timeliness,accuracy',
      'x1,ann,5,3,4',
      'x1,bob,4,2,',
    ].join('\n');
    const result = aggregateSurvey(model, csv, { minRespondents: 1 });
    expect(result.handoffs[0]!.dimensions[0]).toEqual({
      dimension: 'timeliness',
      mean: 2.5,
      count: 2,
      standardError: 0.5,
      expected: { mean: 4.5, count: 2, standardError: 0.5 },
    });
    expect(result.model.handoffs![2]!.ratings).toEqual({
      timeliness: { expected: 4.5, perceived: 2.5 },
      accuracy: 4,
    });
    // timeliness: 1 - (4.5 - 2.5) / 4 = 0.5; accuracy (4 - 1) / 4 = 0.75; mean 0.625
    expect(result.handoffs[0]!.quality).toBe(0.625);
  });

  it('reads long responses with perceived and expected columns', () => {
    const csv = 'handoff,dimension,perceived,expected\nx1,timeliness,3,5\nx1,timeliness,2,4\n';
    const result = aggregateSurvey(model, csv, { minRespondents: 1 });
    expect(result.model.handoffs![2]!.ratings).toEqual({
      timeliness: { expected: 4.5, perceived: 2.5 },
    });
  });
});

describe('handoffRatings: ratings beside the quality they give (docs/model.md, "Ratings and surveys")', () => {
  it('lists each rated hand-off with shares, the receiver’s priorities and the derived quality', () => {
    const rated = validateModel({
      version: 1,
      departments: [{ id: 'a' }],
      customers: [{ id: 'c', priorities: { timeliness: 3 } }],
      handoffs: [
        { from: 'a', to: 'c', ratings: { timeliness: 3, accuracy: { expected: 5, perceived: 4 } } },
        { id: 'plain', from: 'a', to: 'c', quality: 0.4 },
      ],
    }).model;
    // timeliness (3 - 1) / 4 = 0.5 weighted 3; accuracy 1 - (5 - 4) / 4 = 0.75 weighted 1:
    // (1.5 + 0.75) / 4 = 0.5625
    expect(handoffRatings(rated)).toEqual([
      {
        id: 'a->c',
        from: 'a',
        to: 'c',
        ratings: [
          { dimension: 'timeliness', rating: 3, share: 0.5, priority: 3 },
          {
            dimension: 'accuracy',
            rating: { expected: 5, perceived: 4 },
            share: 0.75,
            priority: 1,
          },
        ],
        quality: 0.5625,
      },
    ]);
  });
});

describe('aggregateSurvey loses nothing', () => {
  const named: Model = validateModel({
    version: 1,
    dimensions: ['courtesy', 'timeliness'],
    departments: [{ id: 'terry', name: 'Terry Smith' }, { id: 'dispatch' }],
    customers: [{ id: 'jo' }],
    handoffs: [
      { from: 'terry', to: 'jo', quality: 0.5 },
      { from: 'dispatch', to: 'jo', quality: 0.5 },
    ],
  }).model;

  it('a row with more fields than the header (a decimal comma) is an error with its line', () => {
    expect(issuesOf(() => aggregateSurvey(named, 'from,to,courtesy\nterry,jo,2,5\n'))).toEqual([
      'syntax line 2: the row has 4 fields, the header 3 (a decimal comma such as 2,5 splits a score in two: write 2.5, or quote the field)',
    ]);
  });

  it('a row with fewer fields is an error too', () => {
    const csv = 'from,to,courtesy,timeliness\nterry,jo,2\nterry,jo,2,3\n';
    expect(issuesOf(() => aggregateSurvey(named, csv))).toEqual([
      'syntax line 2: the row has 3 fields, the header 4',
    ]);
  });

  it('a quoted decimal comma says to write a point', () => {
    expect(issuesOf(() => aggregateSurvey(named, 'from,to,courtesy\nterry,jo,"2,5"\n'))).toEqual([
      'invalid_value line 2.courtesy: score "2,5" is not a number (write decimals with a point: 2.5)',
    ]);
  });

  it('a misspelt dimension column is an error with did-you-mean (wide and long)', () => {
    expect(
      issuesOf(() => aggregateSurvey(named, 'from,to,curtesy,timeliness\nterry,jo,2,3\n')),
    ).toEqual([
      'unknown_dimension header.curtesy: column "curtesy" names no dimension (did you mean "courtesy"?)',
    ]);
    expect(
      issuesOf(() => aggregateSurvey(named, 'from,to,dimension,score\nterry,jo,curtesy,3\n')),
    ).toEqual([
      'unknown_dimension line 2.dimension: unknown dimension "curtesy" (did you mean "courtesy"?)',
    ]);
  });

  it('a duplicated dimension column is an error (it would count a respondent twice)', () => {
    expect(
      issuesOf(() => aggregateSurvey(named, 'from,to,courtesy,courtesy\nterry,jo,2,3\n')),
    ).toEqual([
      'duplicate_id header.courtesy: column "courtesy" appears more than once (each respondent would count twice): keep one',
    ]);
  });

  it('reads a semicolon-separated file', () => {
    const result = aggregateSurvey(named, 'from;to;courtesy\nterry;jo;2.5\nterry;jo;3.5\n');
    expect(result.handoffs[0]!.dimensions[0]).toMatchObject({ dimension: 'courtesy', mean: 3 });
    expect(issuesOf(() => aggregateSurvey(named, 'from;to;courtesy\nterry;jo;2,5\n'))).toEqual([
      'invalid_value line 2.courtesy: score "2,5" is not a number (write decimals with a point: 2.5)',
    ]);
  });

  it('accepts provider/receiver and giver/receiver for from/to', () => {
    for (const header of ['provider,receiver,courtesy', 'Giver,Receiver,courtesy']) {
      const result = aggregateSurvey(named, `${header}\nterry,jo,4\n`);
      expect(result.handoffs.map((h) => h.id)).toEqual(['terry->jo']);
    }
  });

  it('a row naming a person by name or a misspelt id gets a suggestion', () => {
    const csv = 'from,to,courtesy\nTerry Smith,jo,4\ndispach,jo,3\nterry,jo,4\n';
    expect(aggregateSurvey(named, csv).unmatched).toEqual([
      {
        line: 2,
        reason:
          'no hand-off from "Terry Smith" to "jo"; "Terry Smith" is the name of "terry": use the id',
      },
      {
        line: 3,
        reason: 'no hand-off from "dispach" to "jo"; "dispach": did you mean "dispatch"?',
      },
    ]);
  });

  it('hex, binary and exponent scores are rejected: only plain decimals', () => {
    const csv = 'from,to,courtesy\nterry,jo,0x3\nterry,jo,0b11\nterry,jo,3e0\nterry,jo,+3\n';
    expect(issuesOf(() => aggregateSurvey(named, csv))).toEqual([
      'invalid_value line 2.courtesy: score "0x3" is not a number (only plain decimals such as 3 or 2.5)',
      'invalid_value line 3.courtesy: score "0b11" is not a number (only plain decimals such as 3 or 2.5)',
      'invalid_value line 4.courtesy: score "3e0" is not a number (only plain decimals such as 3 or 2.5)',
    ]);
  });
});
