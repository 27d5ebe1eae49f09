/** renderWhatIf / renderPlan / renderSurvey / renderRollUp / renderMetrics: text and Markdown layouts. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import { plan } from '../../src/analysis/plan.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { validateModel } from '../../src/model/load.js';
import {
  renderMetrics,
  renderPlan,
  renderRollUp,
  renderSurvey,
  renderWhatIf,
} from '../../src/render/scenario-text.js';

const model = validateModel({
  version: 1,
  departments: [{ id: 'a', performance: 0.5 }, { id: 'b' }],
  customers: [{ id: 'c' }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.8 },
    { from: 'b', to: 'c', quality: 1 },
  ],
}).model;

describe('renderWhatIf', () => {
  const result = whatIf(model, {
    name: 'fix a|b',
    changes: [{ handoff: 'a->b', set: { quality: 1 } }],
  });

  it('prints S before and after and a padded customer table as text', () => {
    const text = renderWhatIf(result);
    expect(text.split('\n').slice(0, 6)).toEqual([
      'What-if: fix a|b',
      '================',
      '',
      'Organisation score',
      '------------------',
      'S: 0.400 -> 0.500 (+0.100) after 1 change. Re-evaluated incrementally: only what lies downstream of the changes.',
    ]);
    expect(text).toContain(
      'c                  0.400  0.500  +0.100            0.500  0.500  actor a',
    );
  });

  it('prints Markdown tables with numbers right-aligned and pipes escaped', () => {
    const markdown = renderWhatIf(result, 'markdown');
    expect(markdown.startsWith('# What-if: fix a|b\n')).toBe(true);
    expect(markdown).toContain('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(markdown).toContain('| c | 0.400 | 0.500 | +0.100 | 0.500 | 0.500 | actor a |');
  });
});

describe('the other renderers', () => {
  it('renders a plan with its picks and the candidates left out', () => {
    const result = plan(model, {
      budget: 5,
      candidates: [
        {
          id: 'fix',
          label: 'Fix it',
          cost: 5,
          changes: [{ handoff: 'a->b', set: { quality: 1 } }],
        },
        { id: 'dear', cost: 50, changes: [{ actor: 'a', set: { performance: 1 } }] },
      ],
    });
    const text = renderPlan(result);
    expect(text).toContain('Objective: score (gain in S per unit of cost).');
    expect(text).toContain('S: 0.400 -> 0.500 (+0.100); budget 5, spent 5, left 0.');
    expect(text).toContain(
      '   1  Fix it (fix)     5    +0.1000        20.0000   0.5000           0',
    );
    expect(text).toContain('over budget: costs 50 with 5 left');
  });

  it('renders a plan by money with the money at risk, the money saved and the objective', () => {
    const result = plan(model, {
      budget: 5,
      objective: 'money',
      candidates: [
        {
          id: 'fix',
          label: 'Fix it',
          cost: 5,
          changes: [{ handoff: 'a->b', set: { quality: 1 } }],
        },
        // at risk 0.25 x 0.6 = 0.15; recovery 0.5 halves it, S unmoved
        { id: 'recover', cost: 1, changes: [{ customer: 'c', set: { recovery: 0.5 } }] },
      ],
    });
    const text = renderPlan(result);
    expect(text).toContain('Objective: money (money at risk saved a year per unit of cost).');
    expect(text).toContain('Money at risk a year: 0.15 -> 0.07 (saved 0.07).');
    expect(text).toContain('S: 0.400 -> 0.400 (0.000); budget 5, spent 1, left 4.');
    expect(text).toContain(
      '   1  recover       1         0.07            0.07                 0.07   0.4000           4',
    );
    expect(renderPlan(result, 'markdown')).toContain(
      '| Fix it (fix) | 5 | 0.01 | over budget: costs 5 with 4 left |',
    );
  });

  it('renders a survey, a department view and metrics with (none) for empty tables', () => {
    const survey = aggregateSurvey(model, 'from,to,timeliness\na,b,4\na,b,5\n', {
      minRespondents: 1,
    });
    expect(renderSurvey(survey)).toContain(
      'a->b                2    0.875  timeliness 4.50 ± 0.50 (n=2)',
    );
    expect(renderSurvey(survey)).toContain(
      'Rows that name no hand-off\n--------------------------\n(none)',
    );
    const view = renderRollUp(rollUp(analyze(model), model), 'markdown');
    expect(view).toContain('| a | 1 | 0.500 | actor a (0.500) |');
    expect(renderMetrics(structuralMetrics(model))).toContain(
      'Betweenness: computed (about 3 x 2 = 6 steps).',
    );
  });
});
