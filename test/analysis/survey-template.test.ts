/** The blank survey (survey-template.ts) read back by aggregateSurvey, and the per-actor view. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { surveyTemplate } from '../../src/analysis/survey-template.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { validateModel } from '../../src/model/load.js';
import { renderSurvey } from '../../src/render/survey-document.js';

const { model } = validateModel({
  version: 1,
  dimensions: ['timeliness', 'accuracy'],
  departments: [
    { id: 'ops', name: 'Operations' },
    { id: 'stores', name: 'Stores', parent: 'ops' },
  ],
  employees: [
    { id: 'terry', name: 'Terry', department: 'stores' },
    { id: 'sam', name: 'Sam' },
  ],
  customers: [{ id: 'c', name: 'Callers' }],
  handoffs: [
    { from: 'terry', to: 'sam' },
    { from: 'terry', to: 'c' },
    { from: 'sam', to: 'c' },
    { id: 'second', from: 'terry', to: 'sam' },
  ],
});

describe('surveyTemplate', () => {
  const rows = parse(surveyTemplate(model, { respondents: 2 })) as string[][];

  it('has one row per hand-off and respondent slot, one empty column per dimension', () => {
    expect(rows[0]).toEqual(['from', 'to', 'handoff', 'respondent', 'timeliness', 'accuracy']);
    expect(rows).toHaveLength(1 + 4 * 2);
    expect(rows[1]).toEqual(['terry', 'sam', 'terry->sam', '', '', '']);
    expect(rows[7]).toEqual(['terry', 'sam', 'second', '', '', '']);
  });

  it('reads back, once filled in, as the means of the scores written', () => {
    const filled = rows.map((row, i) =>
      i === 0 ? row : [...row.slice(0, 3), `r${i % 2}`, String(1 + (i % 5)), String(5 - (i % 3))],
    );
    const result = aggregateSurvey(model, stringify(filled));
    expect(result.unmatched).toEqual([]);
    expect(result.handoffs.map((h) => h.id)).toEqual([
      'terry->sam',
      'terry->c',
      'sam->c',
      'second',
    ]);
    // terry->sam: rows 1 and 2, timeliness 2 and 3, accuracy 4 and 3.
    const first = result.handoffs[0]!.dimensions;
    expect(first.map((d) => [d.dimension, d.mean, d.count])).toEqual([
      ['timeliness', 2.5, 2],
      ['accuracy', 3.5, 2],
    ]);
  });

  it('reads back blank as nothing rated, not as a mistake', () => {
    const result = aggregateSurvey(model, surveyTemplate(model));
    expect(result.handoffs).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.unrated).toHaveLength(4);
  });

  it('guards an id a spreadsheet would run as a formula', () => {
    const { model: odd } = validateModel({
      version: 1,
      departments: [{ id: '=cmd' }],
      customers: [{ id: 'c' }],
      handoffs: [{ from: '=cmd', to: 'c' }],
    });
    expect(parse(surveyTemplate(odd, { respondents: 1 }))[1]).toEqual([
      "'=cmd",
      'c',
      "'=cmd->c",
      '',
      ...Array(8).fill(''),
    ]);
  });

  it('rejects a respondent count that is not a whole number from 1', () => {
    expect(() => surveyTemplate(model, { respondents: 0 })).toThrow(ServiceChainError);
  });
});

describe('how colleagues see one person or team (--by)', () => {
  const csv = [
    'from,to,handoff,respondent,timeliness,accuracy',
    'terry,sam,terry->sam,a,2,4',
    'terry,sam,terry->sam,b,4,',
    'terry,c,,x,5,5',
    'sam,c,,y,1,1',
  ].join('\n');
  const result = aggregateSurvey(model, csv);

  it('lists every hand-off Terry provides, with counts, and the pooled means', () => {
    const text = renderSurvey(result, 'csv', {}, 'terry');
    const table = text
      .split('\n\n')
      .map((chunk) => parse(chunk) as string[][])
      .find((t) => t[1]?.[0] === 'How colleagues see Terry')!;
    expect(table.map((row) => row.slice(1))).toEqual([
      [
        'Hand-off',
        'Hand-off id',
        'Respondents',
        'Quality',
        'timeliness',
        'timeliness n',
        'accuracy',
        'accuracy n',
      ],
      ['Terry -> Sam', 'terry->sam', '2', '0.625', '3', '2', '4', '1'],
      ['Terry -> Callers', 'terry->c', '1', '1', '5', '1', '5', '1'],
      // (2 + 4 + 5) / 3 and (4 + 5) / 2.
      ['All hand-offs it provides', '', '', '', '3.67', '3', '4.5', '2'],
    ]);
  });

  it('takes a department as its team: Operations includes Stores and so Terry', () => {
    const text = renderSurvey(result, 'text', {}, 'ops');
    const section = text.slice(
      text.indexOf('How colleagues see Operations'),
      text.indexOf('Hand-offs nobody rated'),
    );
    expect(section).toContain('Terry -> Callers');
    expect(section).not.toContain('Sam -> Callers');
  });

  it('rejects an unknown actor with a suggestion', () => {
    expect(() => renderSurvey(result, 'text', {}, 'tery')).toThrow(
      /unknown actor "tery" \(did you mean "terry"\?\)/,
    );
  });
});
