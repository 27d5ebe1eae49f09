/**
 * "How do colleagues see Terry?" (docs/model.md, "Ratings and surveys"): a survey's aggregates for
 * the hand-offs one person or team provides, one row per hand-off with the mean and count per
 * dimension, and a row over all of them. A team is a department with its sub-departments and
 * their employees.
 */
import type { HandoffSurvey, SurveyResult } from '../analysis/survey.js';
import { ratingDimensions } from '../model/defaults.js';
import { didYouMean } from '../model/did-you-mean.js';
import { ServiceChainError } from '../model/errors.js';
import type { Model } from '../model/schema.js';
import { type Block, type Cell, heading, left, paragraph, right, text, words } from './document.js';
import { formatCount, formatNumber } from './format.js';
import { handoffSpans, modelNames } from './names.js';

/** The actor and every actor under it (sub-departments, their employees). */
function teamOf(model: Model, actor: string): Set<string> {
  const team = new Set([actor]);
  const departments = model.departments ?? [];
  for (let grown = true; grown; ) {
    grown = false;
    for (const d of departments)
      if (d.parent !== undefined && team.has(d.parent) && !team.has(d.id)) {
        team.add(d.id);
        grown = true;
      }
  }
  for (const e of model.employees ?? [])
    if (e.department !== undefined && team.has(e.department)) team.add(e.id);
  return team;
}

/** The actor's id checked against the model: `unknown_node` with a suggestion otherwise. */
function checkActor(model: Model, actor: string): void {
  const ids = [...(model.departments ?? []), ...(model.employees ?? [])].map((a) => a.id);
  if (ids.includes(actor)) return;
  throw new ServiceChainError([
    {
      code: 'unknown_node',
      path: '--by',
      message: `unknown actor ${JSON.stringify(actor)}${didYouMean(actor, ids)}`,
    },
  ]);
}

/** Mean and count of one dimension over several hand-offs: every score counted once. */
function pooled(
  handoffs: readonly HandoffSurvey[],
  dimension: string,
): { mean: number | null; count: number } {
  let sum = 0;
  let count = 0;
  for (const h of handoffs)
    for (const d of h.dimensions)
      if (d.dimension === dimension) {
        sum += d.mean * d.count;
        count += d.count;
      }
  return { mean: count === 0 ? null : sum / count, count };
}

/**
 * The section for one actor (a team when it is a department): every surveyed hand-off it
 * provides. Throws ServiceChainError `unknown_node` for an id that is no actor.
 */
export function surveyByBlocks(result: SurveyResult, actor: string): Block[] {
  const { model } = result;
  checkActor(model, actor);
  const team = teamOf(model, actor);
  const name = modelNames(model);
  const provided = result.handoffs.filter((h) => team.has(h.from));
  // Only the dimensions someone scored on these hand-offs: a column of n/a says nothing.
  const dimensions = ratingDimensions(model).filter((d) => pooled(provided, d).count > 0);
  const title = `How colleagues see ${name(actor).text}`;
  if (provided.length === 0)
    return [heading(2, title), paragraph(words('Nobody rated a hand-off it provides.'))];
  const columns = [
    left('Hand-off'),
    right('Respondents'),
    right('Quality'),
    ...dimensions.flatMap((d) => [right(d), right(`${d} n`)]),
  ];
  const cells = (mean: number | null, count: number): Cell[] => [
    text(formatNumber(mean, 2)),
    text(formatCount(count)),
  ];
  const rows = provided.map((h): Cell[] => [
    handoffSpans(h, name),
    text(formatCount(h.respondents)),
    text(formatNumber(h.quality)),
    ...dimensions.flatMap((dimension) => {
      const d = h.dimensions.find((x) => x.dimension === dimension);
      return cells(d?.mean ?? null, d?.count ?? 0);
    }),
  ]);
  const all: Cell[] = [
    text('All hand-offs it provides'),
    text(''),
    text(''),
    ...dimensions.flatMap((dimension) => {
      const p = pooled(provided, dimension);
      return cells(p.mean, p.count);
    }),
  ];
  return [heading(2, title), { type: 'table', columns, rows: [...rows, all] }];
}
