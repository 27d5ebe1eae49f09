/**
 * An improvement plan as a document: what it buys (S, and money at risk for the `money`
 * objective), the picks in the order plan() took them, and the candidates left out with why.
 */
import type { NotTaken, PlanResult, PlanStep } from '../analysis/plan.js';
import {
  type Block,
  boundedTable,
  type Cell,
  type Column,
  type Document,
  type DocumentOptions,
  type Fact,
  heading,
  id,
  left,
  note,
  resolveDocumentOptions,
  right,
  text,
  words,
} from './document.js';
import { formatAmount, formatCount, formatNumber, formatSigned, plural } from './format.js';
import { formatMoney, moneyDecimals } from './money-format.js';
import { type DocumentFormat, renderDocument } from './render-document.js';
import { warningBlocks } from './warning-blocks.js';

/** `Fix it (fix)`, or the id alone when the candidate has no label of its own. */
function candidateCell(entry: { candidate: string; label: string }): Cell {
  return entry.label === entry.candidate
    ? [id(entry.candidate)]
    : [words(`${entry.label} (`), id(entry.candidate), words(')')];
}

const NOT_TAKEN_REASONS = {
  over_budget: 'over budget',
  no_gain: 'no gain',
  conflict: 'conflict',
  outranked: 'left out',
} as const;

/** `exact: best of 2^3 = 8 combinations` or `greedy, 40 candidates > limit 16`. */
function methodText(result: PlanResult): string {
  const { method } = result;
  if (method.kind === 'exact')
    return `exact: best of 2^${method.candidates} = ${formatCount(method.combinations)} combinations (${plural(method.evaluations, 'set')} within the budget evaluated)`;
  return `greedy, ${formatCount(method.candidates)} candidates > limit ${formatCount(method.limit)}`;
}

/** What the method leaves to say: how greedy alone compares, and the fill step of a greedy plan. */
function methodNotes(result: PlanResult, objective: Objective): Block[] {
  const { greedy, fill } = result;
  const notes: Block[] = [];
  if (greedy !== null && Math.abs(greedy.gain - objective.total(result)) > 1e-12)
    notes.push(
      note(
        words(
          `Picking greedily by gain per unit of cost would spend ${formatAmount(greedy.spent)} for ${objective.gain(greedy.gain)} and leave ${formatAmount(greedy.moneyLeft)} unspent; the best set within the budget spends ${formatAmount(result.spent)} for ${objective.gain(objective.total(result))}.`,
        ),
      ),
    );
  if (fill !== null) {
    const left = `The greedy picks left ${formatAmount(result.budget - result.steps.filter((s) => !s.fill).reduce((sum, s) => sum + s.cost, 0))} unspent, which ${plural(fill.candidates, 'candidate')} still fit`;
    const outcome = !fill.searched
      ? `: too many to search every set (more than ${formatCount(result.method.kind === 'greedy' ? result.method.limit : 0)}), so none was added.`
      : fill.gain > 0
        ? `; the best set of them (marked "fill") adds ${objective.gain(fill.gain)}.`
        : '; no set of them gains.';
    notes.push(note(words(left + outcome)));
  }
  return notes;
}

/** How one objective reads: its words and its gain columns. */
interface Objective {
  readonly summary: readonly Fact[];
  readonly picks: string;
  readonly stepColumns: readonly Column[];
  readonly step: (s: PlanStep) => Cell[];
  readonly gainTitle: string;
  readonly gain: (gain: number | null) => string;
  /** The plan's whole gain in the objective. */
  readonly total: (result: PlanResult) => number;
}

/** The plan's S and budget, as facts after the objective's own. */
function scoreFacts(result: PlanResult): Fact[] {
  const change = formatSigned(result.scoreAfter - result.scoreBefore);
  return [
    fact(
      'S',
      `${formatNumber(result.scoreBefore)} -> ${formatNumber(result.scoreAfter)} (${change})`,
    ),
    fact(
      'Budget',
      `${formatAmount(result.budget)} (spent ${formatAmount(result.spent)}, left ${formatAmount(result.moneyLeft)})`,
    ),
    fact('Method', methodText(result)),
  ];
}

const fact = (label: string, value: string): Fact => ({ label, value: text(value) });

function scoreObjective(result: PlanResult): Objective {
  return {
    summary: [fact('Objective', 'score (gain in S per unit of cost)'), ...scoreFacts(result)],
    picks: 'Picks (by exact gain in S per unit of cost)',
    stepColumns: [right('Gain in S'), right('Gain per 1,000'), right('S after')],
    step: (s) => [
      text(formatSigned(s.gain, 4)),
      text(formatNumber(s.gainPerCost * 1000, 4)),
      text(formatNumber(s.score, 4)),
    ],
    gainTitle: 'Gain in S',
    gain: (gain) => formatSigned(gain, 4),
    total: (r) => r.scoreAfter - r.scoreBefore,
  };
}

function moneyObjective(result: PlanResult): Objective {
  const decimals = moneyDecimals(result.moneyAtRiskBefore);
  const money = (value: number | null) => formatMoney(value, decimals);
  const saved = money(result.moneyAtRiskBefore - result.moneyAtRiskAfter);
  return {
    summary: [
      fact('Objective', 'money (money at risk saved a year per unit of cost)'),
      fact(
        'Money at risk a year',
        `${money(result.moneyAtRiskBefore)} -> ${money(result.moneyAtRiskAfter)} (saved ${saved})`,
      ),
      ...scoreFacts(result),
    ],
    picks: 'Picks (by exact money at risk saved per unit of cost)',
    stepColumns: [
      right('Money saved'),
      right('Saved per unit'),
      right('Money at risk after'),
      right('S after'),
    ],
    step: (s) => [
      text(money(s.moneySaved)),
      text(formatNumber(s.gainPerCost, 2)),
      text(money(s.moneyAtRisk)),
      text(formatNumber(s.score, 4)),
    ],
    gainTitle: 'Money saved',
    gain: money,
    total: (r) => r.moneyAtRiskBefore - r.moneyAtRiskAfter,
  };
}

function stepsBlocks(result: PlanResult, objective: Objective, top: number): Block[] {
  const columns = [
    right('Step'),
    left('Candidate'),
    right('Cost'),
    ...objective.stepColumns,
    right('Money left'),
  ];
  const row = (s: PlanStep, index: number): Cell[] => [
    text(String(index + 1)),
    s.fill ? [...candidateCell(s), words(' (fill)')] : candidateCell(s),
    text(formatAmount(s.cost)),
    ...objective.step(s),
    text(formatAmount(s.moneyLeft)),
  ];
  const steps = { items: result.steps, noun: 'pick' };
  return [
    heading(2, objective.picks),
    ...boundedTable(columns, steps, top, row, 'None: no candidate fits the budget and gains.'),
    ...methodNotes(result, objective),
  ];
}

/** Why a candidate was left out; an amount with grouped thousands. */
function reasonText(n: NotTaken, result: PlanResult): string {
  return n.reason === 'over_budget'
    ? `costs ${formatAmount(n.cost)} with ${formatAmount(result.moneyLeft)} left`
    : n.message;
}

function notTakenBlocks(result: PlanResult, objective: Objective, top: number): Block[] {
  const columns = [left('Candidate'), right('Cost'), right(objective.gainTitle), left('Reason')];
  const row = (n: NotTaken): Cell[] => [
    candidateCell(n),
    text(formatAmount(n.cost)),
    text(objective.gain(n.gain)),
    text(`${NOT_TAKEN_REASONS[n.reason]}: ${reasonText(n, result)}`),
  ];
  const rows = { items: result.notTaken, noun: 'candidate' };
  return [heading(2, 'Not taken'), ...boundedTable(columns, rows, top, row, 'None.')];
}

/** The plan document, laid out for its objective; `top` bounds each table. */
export function planDocument(result: PlanResult, options?: Partial<DocumentOptions>): Document {
  const { top } = resolveDocumentOptions(options);
  const objective = result.objective === 'money' ? moneyObjective(result) : scoreObjective(result);
  return [
    heading(1, 'Improvement plan'),
    heading(2, 'Summary'),
    { type: 'facts', facts: objective.summary },
    ...stepsBlocks(result, objective, top),
    ...notTakenBlocks(result, objective, top),
    ...warningBlocks(result.warnings, null),
  ];
}

/** A plan as text, Markdown, CSV or HTML; `top` bounds each table. */
export function renderPlan(
  result: PlanResult,
  format: DocumentFormat = 'text',
  options?: Partial<DocumentOptions>,
): string {
  return renderDocument(planDocument(result, options), format);
}
