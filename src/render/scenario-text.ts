/**
 * Text and Markdown for what-if, plan, survey, roll-up and structural-metrics results. Each result
 * becomes a small document (titled sections of paragraphs and tables) that both layouts print.
 */
import type { StructuralMetrics } from '../analysis/metrics.js';
import type { PlanResult } from '../analysis/plan.js';
import type { HandoffRatings } from '../analysis/ratings.js';
import type { LinkRef, WeakestLink } from '../analysis/report.js';
import type { InternalLink, RollUp } from '../analysis/roll-up.js';
import type { SurveyResult } from '../analysis/survey.js';
import type { WhatIfResult } from '../analysis/what-if.js';
import type { Warning } from '../model/errors.js';
import type { Rating } from '../model/schema.js';
import { formatAmount, formatCount, formatNumber, formatSigned, NOT_AVAILABLE } from './format.js';
import { formatMoney, moneyDecimals } from './money-format.js';

/** A table: column titles, right-aligned columns, rows of cells. */
interface Table {
  readonly columns: readonly string[];
  /** Indices of right-aligned (numeric) columns. */
  readonly right: readonly number[];
  readonly rows: readonly (readonly string[])[];
}

/** A section: a title and blocks (a paragraph is a string). */
interface Section {
  readonly title: string;
  readonly blocks: readonly (string | Table)[];
}

/** A whole document. */
interface Doc {
  readonly title: string;
  readonly sections: readonly Section[];
}

/**
 * Model strings (ids) may hold anything: control characters (ANSI escapes, newlines) become
 * spaces, as in text.ts, so a table keeps its rows and a terminal runs nothing. Paragraphs keep
 * their own line breaks.
 */
function plain(text: string, keepNewlines = false): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const controls = /[\u0000-\u001f\u007f-\u009f]/g;
  return text.replace(controls, (c) => (keepNewlines && c === '\n' ? c : ' '));
}

/** Pads a table's cells to column widths. */
function textTable(table: Table): string[] {
  const rows = table.rows.map((row) => row.map((cell) => plain(cell)));
  const widths = table.columns.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) =>
        table.right.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
      )
      .join('  ')
      .trimEnd();
  return [line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Plain text: the title underlined with `=`, section titles with `-`, tables padded. */
function toText(doc: Doc): string {
  const lines = [doc.title, '='.repeat(doc.title.length)];
  for (const section of doc.sections) {
    lines.push('', section.title, '-'.repeat(section.title.length));
    for (const block of section.blocks) {
      if (typeof block === 'string') lines.push(plain(block, true));
      else lines.push(...(block.rows.length === 0 ? ['(none)'] : textTable(block)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Escapes a Markdown table cell: one line, `|` and the `<` of an HTML tag escaped. */
function markdownCell(text: string): string {
  return plain(text).replace(/[|<]/g, (c) => `\\${c}`);
}

/** Markdown: `#` title, `##` sections, pipe tables (numbers right-aligned). */
function toMarkdownDoc(doc: Doc): string {
  const lines = [`# ${doc.title}`];
  for (const section of doc.sections) {
    lines.push('', `## ${section.title}`);
    for (const block of section.blocks) {
      lines.push('');
      if (typeof block === 'string') {
        lines.push(plain(block, true));
        continue;
      }
      if (block.rows.length === 0) {
        lines.push('(none)');
        continue;
      }
      lines.push(`| ${block.columns.map(markdownCell).join(' | ')} |`);
      lines.push(
        `|${block.columns.map((_, c) => (block.right.includes(c) ? ' ---: ' : ' --- ')).join('|')}|`,
      );
      for (const row of block.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Output layouts of these renderers. */
export type TextFormat = 'text' | 'markdown';

function render(doc: Doc, format: TextFormat): string {
  return format === 'markdown' ? toMarkdownDoc(doc) : toText(doc);
}

/** `handoff a->b` / `actor x` / `none`. */
function linkText(link: WeakestLink | LinkRef | null): string {
  if (link === null) return 'none';
  return `${link.type === 'handoff' ? 'hand-off' : 'actor'} ${link.id}`;
}

/** Warnings as a section (omitted when there are none). */
function warningSection(warnings: readonly Warning[]): Section[] {
  if (warnings.length === 0) return [];
  const items = warnings.map((w) => `warning: ${w.path === '' ? '' : `${w.path}: `}${w.message}`);
  return [{ title: 'Warnings', blocks: [items.join('\n')] }];
}

/** The what-if document. */
function whatIfDoc(result: WhatIfResult): Doc {
  const score = result.score;
  const how = result.recompiled
    ? 'Recomputed in full (the scenario adds, removes or regroups).'
    : 'Re-evaluated incrementally: only what lies downstream of the changes.';
  const customers: Table = {
    columns: [
      'customer',
      'service before',
      'after',
      'change',
      'strength before',
      'after',
      'weakest link after',
    ],
    right: [1, 2, 3, 4, 5],
    rows: result.customers.map((c) => [
      c.status === 'kept' ? c.id : `${c.id} (${c.status})`,
      formatNumber(c.service.before),
      formatNumber(c.service.after),
      formatSigned(c.service.change),
      formatNumber(c.chainStrength.before),
      formatNumber(c.chainStrength.after),
      `${linkText(c.weakestLink.after)}${c.weakestLink.changed ? ` (was ${linkText(c.weakestLink.before)})` : ''}`,
    ]),
  };
  const sections: Section[] = [
    {
      title: 'Organisation score',
      blocks: [
        `S: ${formatNumber(score.before)} -> ${formatNumber(score.after)} (${formatSigned(score.change)}) after ${result.scenario.changes} change${result.scenario.changes === 1 ? '' : 's'}. ${how}`,
      ],
    },
    { title: 'Customers (largest change first)', blocks: [customers] },
  ];
  if (result.rankingMoves !== null) {
    const place = (p: { rank: number; fixGain: number | null } | null) =>
      p === null ? ['-', NOT_AVAILABLE] : [String(p.rank), formatNumber(p.fixGain)];
    sections.push({
      title: 'Links whose fix-gain rank moved',
      blocks: [
        {
          columns: ['link', 'rank before', 'fixGain before', 'rank after', 'fixGain after'],
          right: [1, 2, 3, 4],
          rows: result.rankingMoves.map((m) => [
            linkText(m.link),
            ...place(m.before),
            ...place(m.after),
          ]),
        },
      ],
    });
  }
  return {
    title: `What-if${result.scenario.name === null ? '' : `: ${result.scenario.name}`}`,
    sections: [...sections, ...warningSection(result.warnings)],
  };
}

/** A what-if result as text or Markdown. */
export function renderWhatIf(result: WhatIfResult, format: TextFormat = 'text'): string {
  return render(whatIfDoc(result), format);
}

/** `Fix it (fix)`, or the id alone when the candidate has no label of its own. */
function candidateText(entry: { candidate: string; label: string }): string {
  return entry.label === entry.candidate ? entry.candidate : `${entry.label} (${entry.candidate})`;
}

const NOT_TAKEN_REASONS = {
  over_budget: 'over budget',
  no_gain: 'no gain',
  conflict: 'conflict',
} as const;

/** The candidates left out, their gain in the objective printed by `gainText`. */
function notTakenTable(
  result: PlanResult,
  gainTitle: string,
  gainText: (gain: number | null) => string,
): Table {
  return {
    columns: ['candidate', 'cost', gainTitle, 'reason'],
    right: [1, 2],
    rows: result.notTaken.map((n) => [
      candidateText(n),
      formatAmount(n.cost),
      gainText(n.gain),
      `${NOT_TAKEN_REASONS[n.reason]}: ${n.message}`,
    ]),
  };
}

/** The plan's sections for objective `score`: gains in S. */
function scorePlanSections(result: PlanResult): Section[] {
  const summary = `S: ${formatNumber(result.scoreBefore)} -> ${formatNumber(result.scoreAfter)} (${formatSigned(result.scoreAfter - result.scoreBefore)}); budget ${formatAmount(result.budget)}, spent ${formatAmount(result.spent)}, left ${formatAmount(result.moneyLeft)}.`;
  const steps: Table = {
    columns: ['step', 'candidate', 'cost', 'gain in S', 'gain per 1000', 'S after', 'money left'],
    right: [0, 2, 3, 4, 5, 6],
    rows: result.steps.map((s, i) => [
      String(i + 1),
      candidateText(s),
      formatAmount(s.cost),
      formatSigned(s.gain, 4),
      formatNumber(s.gainPerCost * 1000, 4),
      formatNumber(s.score, 4),
      formatAmount(s.moneyLeft),
    ]),
  };
  const notTaken = notTakenTable(result, 'gain in S', (gain) => formatSigned(gain, 4));
  return [
    { title: 'Summary', blocks: ['Objective: score (gain in S per unit of cost).', summary] },
    { title: 'Picks (greedy, by exact gain in S per unit of cost)', blocks: [steps] },
    { title: 'Not taken', blocks: [notTaken] },
  ];
}

/** The plan's sections for objective `money`: money at risk saved a year (MODEL.md section 9). */
function moneyPlanSections(result: PlanResult): Section[] {
  const decimals = moneyDecimals(result.moneyAtRiskBefore);
  const money = (value: number | null) => formatMoney(value, decimals);
  const saved = result.moneyAtRiskBefore - result.moneyAtRiskAfter;
  const summary = [
    `Money at risk a year: ${money(result.moneyAtRiskBefore)} -> ${money(result.moneyAtRiskAfter)} (saved ${money(saved)}).`,
    `S: ${formatNumber(result.scoreBefore)} -> ${formatNumber(result.scoreAfter)} (${formatSigned(result.scoreAfter - result.scoreBefore)}); budget ${formatAmount(result.budget)}, spent ${formatAmount(result.spent)}, left ${formatAmount(result.moneyLeft)}.`,
  ];
  const steps: Table = {
    columns: [
      'step',
      'candidate',
      'cost',
      'money saved',
      'saved per unit',
      'money at risk after',
      'S after',
      'money left',
    ],
    right: [0, 2, 3, 4, 5, 6, 7],
    rows: result.steps.map((s, i) => [
      String(i + 1),
      candidateText(s),
      formatAmount(s.cost),
      money(s.moneySaved),
      formatNumber(s.gainPerCost, 2),
      money(s.moneyAtRisk),
      formatNumber(s.score, 4),
      formatAmount(s.moneyLeft),
    ]),
  };
  const notTaken = notTakenTable(result, 'money saved', money);
  return [
    {
      title: 'Summary',
      blocks: ['Objective: money (money at risk saved a year per unit of cost).', ...summary],
    },
    { title: 'Picks (greedy, by exact money at risk saved per unit of cost)', blocks: [steps] },
    { title: 'Not taken', blocks: [notTaken] },
  ];
}

/** The plan document, laid out for its objective. */
function planDoc(result: PlanResult): Doc {
  const sections =
    result.objective === 'money' ? moneyPlanSections(result) : scorePlanSections(result);
  return {
    title: 'Improvement plan',
    sections: [...sections, ...warningSection(result.warnings)],
  };
}

/** A plan as text or Markdown. */
export function renderPlan(result: PlanResult, format: TextFormat = 'text'): string {
  return render(planDoc(result), format);
}

/** `4.33 ± 0.33 (n=3)`. */
function meanText(mean: number, standardError: number | null, count: number): string {
  const error = standardError === null ? '' : ` ± ${formatNumber(standardError, 2)}`;
  return `${formatNumber(mean, 2)}${error} (n=${count})`;
}

/** The survey document. */
function surveyDoc(result: SurveyResult): Doc {
  const rated: Table = {
    columns: ['hand-off', 'respondents', 'quality', 'mean per dimension ± standard error'],
    right: [1, 2],
    rows: result.handoffs.map((h) => [
      h.id,
      String(h.respondents),
      formatNumber(h.quality),
      h.dimensions
        .map((d) => {
          const expected =
            d.expected === null
              ? ''
              : `, expected ${meanText(d.expected.mean, d.expected.standardError, d.expected.count)}`;
          return `${d.dimension} ${meanText(d.mean, d.standardError, d.count)}${expected}`;
        })
        .join('; '),
    ]),
  };
  const unmatched: Table = {
    columns: ['line', 'why'],
    right: [0],
    rows: result.unmatched.map((u) => [String(u.line), u.reason]),
  };
  return {
    title: 'Survey: how do people see you?',
    sections: [
      { title: 'Rated hand-offs', blocks: [rated] },
      {
        title: 'Hand-offs nobody rated',
        blocks: [result.unrated.length === 0 ? '(none)' : result.unrated.join(', ')],
      },
      { title: 'Rows that name no hand-off', blocks: [unmatched] },
      ...warningSection(result.warnings.filter((w) => w.code !== 'unmatched_response')),
    ],
  };
}

/** A survey result as text or Markdown. */
export function renderSurvey(result: SurveyResult, format: TextFormat = 'text'): string {
  return render(surveyDoc(result), format);
}

/** One rating as written: `4` or `4 expected / 3 perceived`. */
function ratingText(rating: Rating): string {
  return typeof rating === 'number'
    ? formatAmount(rating)
    : `${formatAmount(rating.perceived)} (expected ${formatAmount(rating.expected)})`;
}

/** Rated hand-offs with their ratings and derived quality, as a table for any report. */
export function renderHandoffRatings(
  rated: readonly HandoffRatings[],
  format: TextFormat = 'text',
): string {
  return render(
    {
      title: 'Ratings and derived quality',
      sections: [
        {
          title: 'Rated hand-offs',
          blocks: [
            {
              columns: ['hand-off', 'quality', 'ratings (priority)'],
              right: [1],
              rows: rated.map((h) => [
                h.id,
                formatNumber(h.quality),
                h.ratings
                  .map(
                    (r) =>
                      `${r.dimension} ${ratingText(r.rating)}${r.priority === 1 ? '' : ` (x${formatAmount(r.priority)})`}`,
                  )
                  .join('; '),
              ]),
            },
          ],
        },
      ],
    },
    format,
  );
}

/** `actor sewing 0.495`. */
function internalText(link: InternalLink | null): string {
  if (link === null) return 'none';
  return `${link.type === 'handoff' ? 'hand-off' : 'actor'} ${link.id} (${formatNumber(link.strength)})`;
}

/** The department view document. */
function rollUpDoc(view: RollUp): Doc {
  const level = view.level === null ? "each actor's own department" : `level ${view.level}`;
  return {
    title: `Department view (${level})`,
    sections: [
      { title: 'Organisation score', blocks: [`S: ${formatNumber(view.score)}`] },
      {
        title: 'Departments',
        blocks: [
          {
            columns: [
              'department',
              'members',
              'service',
              'weakest internal link',
              'sensitivity',
              'fixGain',
              'failureLoss',
            ],
            right: [1, 2, 4, 5, 6],
            rows: view.departments.map((d) => [
              d.id,
              String(d.members.length),
              formatNumber(d.service),
              internalText(d.weakestLink),
              formatNumber(d.sensitivity),
              formatNumber(d.fixGain),
              formatNumber(d.failureLoss),
            ]),
          },
        ],
      },
      {
        title: 'Hand-offs between departments',
        blocks: [
          {
            columns: ['from', 'to', 'quality', 'weight', 'hand-offs'],
            right: [2, 3, 4],
            rows: view.handoffs.map((h) => [
              h.from,
              h.to,
              formatNumber(h.quality),
              formatAmount(h.weight),
              formatCount(h.handoffs.length),
            ]),
          },
        ],
      },
    ],
  };
}

/** The department view as text or Markdown. */
export function renderRollUp(view: RollUp, format: TextFormat = 'text'): string {
  return render(rollUpDoc(view), format);
}

/** Structural metrics as text or Markdown (wall time is left out: output stays deterministic). */
export function renderMetrics(metrics: StructuralMetrics, format: TextFormat = 'text'): string {
  const cost = `Betweenness: ${metrics.betweenness.computed ? 'computed' : 'skipped'} (about ${metrics.betweenness.nodes} x ${metrics.betweenness.handoffs} = ${metrics.betweenness.operations} steps).`;
  return render(
    {
      title: 'Structural metrics',
      sections: [
        {
          title: 'Nodes',
          blocks: [
            cost,
            {
              columns: ['node', 'kind', 'in', 'out', 'betweenness'],
              right: [2, 3, 4],
              rows: metrics.nodes.map((n) => [
                n.id,
                n.kind,
                String(n.inDegree),
                String(n.outDegree),
                formatNumber(n.betweenness),
              ]),
            },
          ],
        },
        ...warningSection(metrics.warnings),
      ],
    },
    format,
  );
}
