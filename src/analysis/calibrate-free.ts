/**
 * Which values calibration fits, and the prior of each (docs/uncertainty.md, "Calibration"): by
 * default every quality, performance and welfare given as an estimate with a spread; or the links
 * named in `free`, found as what-if changes find them (change-targets.ts), each with its prior:
 * the estimate's point value and sd, or, for a plain number, that number and `freeSd`.
 */
import { handoffId } from '../model/defaults.js';
import { closest } from '../model/did-you-mean.js';
import { type Issue, ServiceChainError } from '../model/errors.js';
import { isUncertain, pointValue, spreadOf } from '../model/estimates.js';
import type { EstimatedShare, Model } from '../model/schema.js';
import { findHandoff, handoffNames } from './change-targets.js';

/** The field of a free value. */
export type FreeField = 'quality' | 'performance' | 'welfare';

/** One value the fit may move. */
export interface FreeValue {
  readonly field: FreeField;
  /** Hand-off index for a quality, actor node index (departments, then employees) otherwise. */
  readonly index: number;
  /** Where it is written in the model: `handoffs[3].quality`. */
  readonly path: string;
  /** As the model gives it (absent: the default, 1). */
  readonly share: EstimatedShare | undefined;
  /** The prior's centre: the point value. */
  readonly mean: number;
  /** The prior's sd (> 0). */
  readonly sd: number;
  /** The box the value stays in: [0, 1], or a uniform estimate's [low, high]. */
  readonly low: number;
  readonly high: number;
}

/** The smallest prior sd: 1 / sd^2 = 1e200, finite with room for many terms. */
const MIN_SD = 1e-100;

/** The actors in node order, with their paths. */
function actorsOf(model: Model) {
  const departments = (model.departments ?? []).map((actor, i) => ({
    actor,
    path: `departments[${i}]`,
  }));
  const employees = (model.employees ?? []).map((actor, i) => ({
    actor,
    path: `employees[${i}]`,
  }));
  return [...departments, ...employees];
}

function freeValue(
  field: FreeField,
  index: number,
  path: string,
  share: EstimatedShare | undefined,
  freeSd: number,
): FreeValue {
  const mean = pointValue(share) ?? 1;
  const spread = share !== undefined && isUncertain(share) ? spreadOf(share) : freeSd;
  // A prior weight 1 / sd^2 stays finite: an sd below MIN_SD pins the value all the same.
  const sd = Math.max(spread, MIN_SD);
  const box = typeof share === 'object' && 'low' in share ? share : { low: 0, high: 1 };
  return { field, index, path: `${path}.${field}`, share, mean, sd, low: box.low, high: box.high };
}

/** Every value given as an estimate with a spread, in model order (actors, then hand-offs). */
export function estimatedValues(model: Model): FreeValue[] {
  const values: FreeValue[] = [];
  actorsOf(model).forEach(({ actor, path }, v) => {
    for (const field of ['performance', 'welfare'] as const)
      if (isUncertain(actor[field])) values.push(freeValue(field, v, path, actor[field], 0));
  });
  (model.handoffs ?? []).forEach((handoff, h) => {
    if (isUncertain(handoff.quality))
      values.push(freeValue('quality', h, `handoffs[${h}]`, handoff.quality, 0));
  });
  return values;
}

/**
 * The values of the links named: a hand-off's quality; an actor's estimated performance and
 * welfare, or its performance when neither is estimated. Model order, each once. Throws
 * ServiceChainError with every name that names no calibratable link.
 */
export function namedValues(model: Model, names: readonly string[], freeSd: number): FreeValue[] {
  const actors = actorsOf(model);
  const actorIndex = new Map(actors.map(({ actor }, v) => [actor.id, v]));
  const handoffs = model.handoffs ?? [];
  const issues: Issue[] = [];
  const chosen = new Map<string, FreeValue>();
  names.forEach((name, i) => {
    const path = `options.free[${i}]`;
    const v = actorIndex.get(name);
    if (v !== undefined) {
      const { actor, path: at } = actors[v]!;
      const fields = (['performance', 'welfare'] as const).filter((f) => isUncertain(actor[f]));
      for (const field of fields.length === 0 ? (['performance'] as const) : fields)
        chosen.set(`${at}.${field}`, freeValue(field, v, at, actor[field], freeSd));
      return;
    }
    const h = findHandoff(handoffs, name, path);
    if (typeof h !== 'number') {
      issues.push(h.code === 'unknown_node' ? unknownLink(model, name, path) : h);
      return;
    }
    const handoff = handoffs[h]!;
    if (handoff.ratings !== undefined && handoff.quality === undefined) {
      issues.push({
        code: 'invalid_value',
        path,
        message: `hand-off ${JSON.stringify(handoffId(handoff))} is rated: its quality comes from its ratings; give it a quality (or an estimate) to calibrate it`,
      });
      return;
    }
    chosen.set(
      `handoffs[${h}].quality`,
      freeValue('quality', h, `handoffs[${h}]`, handoff.quality, freeSd),
    );
  });
  if (issues.length > 0) throw new ServiceChainError(issues);
  const order = (value: FreeValue) =>
    value.field === 'quality' ? actors.length + value.index : value.index;
  return [...chosen.values()].sort(
    (a, b) =>
      order(a) - order(b) || (a.field === 'welfare' ? 1 : 0) - (b.field === 'welfare' ? 1 : 0),
  );
}

/** A name that is neither an actor nor a hand-off: a customer (wrong kind), or unknown. */
function unknownLink(model: Model, name: string, path: string): Issue {
  if ((model.customers ?? []).some((customer) => customer.id === name))
    return {
      code: 'wrong_kind',
      path,
      message: `${JSON.stringify(name)} is a customer: it has no value to calibrate; name a hand-off or an actor`,
    };
  const candidates = [
    ...actorsOf(model).map(({ actor }) => actor.id),
    ...handoffNames(model.handoffs ?? []).keys(),
  ];
  const suggestion = closest(name, candidates);
  const hint = suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
  return {
    code: 'unknown_node',
    path,
    message: `unknown hand-off or actor ${JSON.stringify(name)}${hint}`,
  };
}
