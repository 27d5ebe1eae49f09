/**
 * aggregateSurvey with `estimates`: each surveyed hand-off's quality written as `{ mean, sd }`
 * from its means and standard errors (docs/uncertainty.md, "Estimates from a survey"), by hand.
 */
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/analysis/calibrate.js';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { validateModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/schema.js';

const model: Model = validateModel({
  version: 1,
  dimensions: ['timeliness', 'accuracy'],
  departments: [{ id: 'a' }, { id: 'b', priorities: { timeliness: 3, accuracy: 1 } }],
  customers: [{ id: 'c' }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.5 },
    { from: 'b', to: 'c', quality: 0.9 },
    { from: 'a', to: 'c', ratings: { timeliness: 2 } },
  ],
  observations: [{ customer: 'c', source: 'questionnaire', score: 0.4, n: 30 }],
}).model;

function estimates(csv: string) {
  const result = aggregateSurvey(model, csv, { estimates: true });
  return (result.model.handoffs ?? []).map((h) => h.quality ?? h.ratings);
}

describe('survey estimates', () => {
  it('one dimension: the mean share and its standard error on [0, 1]', () => {
    // b -> c scores 2, 4, 4, 5 on 1 to 5: mean 3.75, share 0.6875; sample sd sqrt(4.75 / 3),
    // standard error sd / 2 = 0.6292, on [0, 1] / 4 = 0.157.
    const csv = 'from,to,timeliness\nb,c,2\nb,c,4\nb,c,4\nb,c,5\n';
    expect(estimates(csv)).toEqual([0.5, { mean: 0.688, sd: 0.157 }, { timeliness: 2 }]);
  });

  it('a single score says little: the sd of a score spread over the scale, 1 / sqrt 12', () => {
    expect(estimates('from,to,timeliness\nb,c,4\n')[1]).toEqual({ mean: 0.75, sd: 0.289 });
  });

  it('equal scores are known to their rounding: sqrt(1 / 12) / sqrt n', () => {
    // Three 4s: se 0, floored to 0.2887 / sqrt 3 = 0.1667 points, 0.042 on [0, 1].
    expect(estimates('from,to,timeliness\nb,c,4\nb,c,4\nb,c,4\n')[1]).toEqual({
      mean: 0.75,
      sd: 0.042,
    });
  });

  it('all at the top of the scale: mean 1 is exact (a Beta needs sd^2 < mean (1 - mean))', () => {
    expect(estimates('from,to,timeliness\nb,c,5\nb,c,5\n')[1]).toEqual({ mean: 1, sd: 0 });
  });

  it('two dimensions weigh by the receiver priorities: sd = sqrt(sum w^2 sd_k^2)', () => {
    // a -> b (priorities 3 : 1, weights 0.75, 0.25): timeliness 3, 5 (mean 4, se 1), accuracy
    // 2, 2 (se floored to 0.2887 / sqrt 2 = 0.2041). Shares: 0.75 and 0.25; quality
    // 0.75 x 0.75 + 0.25 x 0.25 = 0.625; sd sqrt((0.75 x 1 / 4)^2 + (0.25 x 0.2041 / 4)^2) = 0.1885.
    const csv = 'from,to,timeliness,accuracy\na,b,3,2\na,b,5,2\n';
    expect(estimates(csv)[0]).toEqual({ mean: 0.625, sd: 0.188 });
  });

  it('an expectation-gap pair adds the expectation standard error', () => {
    // perceived 3, 4 (se 0.5), expected 5, 5 (se 0 -> 0.2041): share 1 - (5 - 3.5) / 4 = 0.625,
    // sd sqrt(0.5^2 + 0.2041^2) / 4 = 0.135.
    const csv = 'from,to,timeliness,timeliness.expected\nb,c,3,5\nb,c,4,5\n';
    expect(estimates(csv)[1]).toEqual({ mean: 0.625, sd: 0.135 });
  });

  it('writes a valid model that calibrate then fits by default', () => {
    const csv = 'from,to,timeliness\nb,c,2\nb,c,4\nb,c,4\nb,c,5\n';
    const surveyed = validateModel(aggregateSurvey(model, csv, { estimates: true }).model).model;
    const result = calibrate(surveyed);
    expect(result.values.map((v) => [v.path, v.sd])).toEqual([['handoffs[1].quality', 0.157]]);
    // s_c = (0.688 x s_b + 0.25) / 2 = 0.297 with s_b = 0.5: the observed 0.4 pulls it up.
    expect(result.values[0]!.after).toBeGreaterThan(0.688);
  });
});
