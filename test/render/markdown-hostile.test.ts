/**
 * One escaping rule for all Markdown: ids and names that try to become emphasis, a link, an
 * image, HTML or a table cell stay literal in every Markdown output (the report, --money,
 * --level, --metrics, what-if, plan, survey, ratings), and invisible characters are shown.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import { plan } from '../../src/analysis/plan.js';
import { handoffRatings } from '../../src/analysis/ratings.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { aggregateSurvey } from '../../src/analysis/survey.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { validateModel } from '../../src/model/load.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { renderMetrics } from '../../src/render/metrics-document.js';
import { moneyMarkdown, moneyText } from '../../src/render/money-document.js';
import { renderPlan } from '../../src/render/plan-document.js';
import { renderHandoffRatings } from '../../src/render/ratings-document.js';
import { renderRollUp } from '../../src/render/roll-up-document.js';
import { renderSurvey } from '../../src/render/survey-document.js';
import { toText } from '../../src/render/text.js';
import { renderWhatIf } from '../../src/render/what-if-document.js';

const EMPHASIS = 'a*b_c*';
const LINK = '[x](javascript:alert(1))';
const IMAGE = '![p](http://x/y.png)';
const SCRIPT = '<script>';
const PIPE = 'x|y';
/** A right-to-left override and a zero-width space: `abc` that reads `cba`, one that hides a character. */
const SPOOF = 'evil\u202Eabc\u200B';

const { model } = validateModel({
  version: 1,
  name: `${EMPHASIS} ${SCRIPT}`,
  departments: [
    { id: EMPHASIS },
    { id: LINK, name: IMAGE, parent: EMPHASIS },
    { id: SCRIPT, name: PIPE, parent: EMPHASIS },
  ],
  employees: [{ id: SPOOF, department: SCRIPT, welfare: 0.9 }],
  customers: [
    { id: IMAGE, name: LINK, value: 1000 },
    { id: PIPE, name: 'red\u001b[31m\nline', value: 500 },
  ],
  handoffs: [
    { from: EMPHASIS, to: LINK, quality: 0.8 },
    { from: LINK, to: SCRIPT, quality: 0.9 },
    { from: SCRIPT, to: SPOOF, quality: 0.7 },
    { from: SPOOF, to: IMAGE, ratings: { timeliness: 4, accuracy: 2 } },
    { id: `${PIPE}${LINK}`, from: SCRIPT, to: PIPE, quality: 0.6 },
  ],
});
const report = analyze(model);

const outputs: Record<string, string> = {
  report: toMarkdown(report),
  money: moneyMarkdown(businessImpact(model)),
  level: renderRollUp(rollUp(report, model, { level: 1 }), 'markdown'),
  department: renderRollUp(rollUp(report, model), 'markdown'),
  metrics: renderMetrics(structuralMetrics(model, { metrics: true }), 'markdown'),
  'what-if': renderWhatIf(
    whatIf(model, {
      name: IMAGE,
      changes: [{ handoff: `${EMPHASIS}->${LINK}`, set: { quality: 1 } }],
    }),
    'markdown',
  ),
  plan: renderPlan(
    plan(model, {
      budget: 10,
      candidates: [
        { id: LINK, label: IMAGE, cost: 5, changes: [{ actor: SPOOF, set: { welfare: 1 } }] },
        {
          id: EMPHASIS,
          label: SCRIPT,
          cost: 50,
          changes: [{ actor: LINK, set: { performance: 1 } }],
        },
      ],
    }),
    'markdown',
  ),
  survey: renderSurvey(
    aggregateSurvey(
      model,
      [
        'from,to,respondent,timeliness',
        `${SPOOF},${IMAGE},${EMPHASIS},4`,
        `${SCRIPT},${LINK},z,3`,
      ].join('\n'),
      { minRespondents: 1 },
    ),
    'markdown',
  ),
  ratings: renderHandoffRatings(handoffRatings(model), 'markdown'),
};

/**
 * What a Markdown renderer would read as markup: the text outside code spans with backslash
 * escapes taken out. Code span contents are literal; an escaped mark is literal.
 */
function markup(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; ) {
    const char = markdown[i]!;
    if (char === '\\') {
      out += 'E';
      i += 2;
      continue;
    }
    if (char === '`') {
      const fence = /^`+/.exec(markdown.slice(i))![0];
      const close = markdown.indexOf(fence, i + fence.length);
      expect(close, `unclosed code span in ${markdown.slice(i, i + 40)}`).toBeGreaterThan(i);
      out += 'C';
      i = close + fence.length;
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}

/** Unescaped `|` outside code: a table row's cell separators. */
const pipes = (line: string): number => [...markup(line)].filter((c) => c === '|').length;

describe.each(Object.keys(outputs))('the %s Markdown', (name) => {
  const markdown = outputs[name]!;
  const live = markup(markdown)
    // Our own markup: the bold labels of facts and the `> ` of notes.
    .replace(/^- \*\*[^*\n]+:\*\* /gm, '- ')
    .replace(/^> /gm, '');

  it('shows the hostile strings', () => {
    expect(markdown).toMatch(/javascript:alert\(1\)|http:\/\/x\/y\.png/);
  });

  it('makes no emphasis, link, image or HTML of them', () => {
    expect(live).not.toMatch(/[*_[\]<]/);
    expect(live).not.toMatch(/!\[|\]\(|<script/);
  });

  it('keeps every table row to its columns', () => {
    const lines = markdown.split('\n');
    lines.forEach((line, index) => {
      if (!line.startsWith('|') || lines[index - 1]?.startsWith('|')) return;
      const columns = pipes(line);
      for (let row = index; lines[row]?.startsWith('|'); row += 1) {
        expect(pipes(lines[row]!), lines[row]).toBe(columns);
      }
    });
  });

  it('shows invisible and direction-changing characters as escapes', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
    expect(markdown).not.toMatch(/[\u202E\u200B\u001B]/);
    if (markdown.includes('evil')) expect(markdown).toContain('evil\\u202Eabc\\u200B');
  });
});

describe('the text layouter', () => {
  it('escapes the right-to-left override, zero-width and control characters visibly', () => {
    const texts = [toText(report), moneyText(businessImpact(model))];
    for (const text of texts) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
      expect(text).not.toMatch(/[\u202E\u200B\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    }
    expect(texts.join('')).toContain('evil\\u202Eabc\\u200B');
    expect(texts.join('')).toContain('red\\u001B[31m\\u000Aline');
  });
});
