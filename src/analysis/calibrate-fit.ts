/**
 * The minimiser behind calibration (docs/uncertainty.md, "Calibration"): a scaled projected
 * gradient method on a box. Each step moves to P(x - alpha D g), P the clamp onto [low, high] and
 * D a positive diagonal scale, and is taken only when it passes the Armijo test
 * f(x') <= f(x) + 1e-4 g . (x' - x); otherwise alpha halves. So the objective never increases.
 * alpha starts each step at the Barzilai-Borwein length of the last step, which makes plain
 * gradient steps fast on the badly scaled sums of squares calibration builds. Deterministic: no
 * randomness, a fixed number of steps at most.
 */

/** A smooth function on a box, as calibrate-objective.ts builds it. */
export interface BoxProblem {
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** f(x); a point where the model cannot be evaluated gives +Infinity or NaN. */
  value(x: Float64Array): number;
  /** f(x), with its gradient and a positive diagonal scale (an inverse curvature) written in. */
  valueAndGradient(x: Float64Array, gradient: Float64Array, scale: Float64Array): number;
}

/** How long to search. */
export interface FitSettings {
  /** At most this many accepted steps. */
  readonly maxSteps: number;
  /**
   * Stop once the full scaled step, P(x - D g) - x, would move no value by more than this: x is
   * then stationary to that precision, whatever the current step length.
   */
  readonly tolerance: number;
}

/** Why the search stopped. */
export type FitStop = 'converged' | 'step_limit' | 'not_finite';

/** Where the search ended. */
export interface FitResult {
  readonly x: Float64Array;
  /** f at the start (after clamping) and after every accepted step: never increasing. */
  readonly values: readonly number[];
  readonly steps: number;
  readonly stop: FitStop;
}

/** Armijo's sufficient-decrease fraction. */
const ARMIJO = 1e-4;
/** Halvings of alpha tried before a step is given up: 2^-60 of the scaled gradient is nothing. */
const HALVINGS = 60;

/** x clamped onto [low, high]. */
function clamp(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/**
 * Minimises `problem` from `start` (clamped into the box). Stops at `maxSteps`, when the full
 * scaled step would move nothing by more than `tolerance`, when no step along the projected gradient decreases f (a
 * stationary point, to the precision of doubles), or, with `not_finite`, when f or its gradient
 * is not finite at the current point (then x is the last good point).
 */
export function minimiseInBox(
  problem: BoxProblem,
  start: ArrayLike<number>,
  settings: FitSettings,
): FitResult {
  const { low, high } = problem;
  const size = low.length;
  let x = Float64Array.from({ length: size }, (_, i) => clamp(start[i]!, low[i]!, high[i]!));
  let gradient = new Float64Array(size);
  let scale = new Float64Array(size);
  let f = problem.valueAndGradient(x, gradient, scale);
  const values = [f];
  if (!finite(f, gradient)) return { x, values, steps: 0, stop: 'not_finite' };
  if (stationarity(x, gradient, scale, low, high) <= settings.tolerance)
    return { x, values, steps: 0, stop: 'converged' };
  let alpha = 1;
  for (let step = 0; step < settings.maxSteps; step++) {
    const trial = new Float64Array(size);
    let accepted = false;
    let fTrial = f;
    for (let halving = 0; halving < HALVINGS && !accepted; halving++, alpha /= 2) {
      let slope = 0;
      for (let i = 0; i < size; i++) {
        trial[i] = clamp(x[i]! - alpha * scale[i]! * gradient[i]!, low[i]!, high[i]!);
        slope += gradient[i]! * (trial[i]! - x[i]!);
      }
      // No move against the gradient is left inside the box: x is stationary.
      if (!(slope < 0)) return { x, values, steps: step, stop: 'converged' };
      fTrial = problem.value(trial);
      accepted = fTrial <= f + ARMIJO * slope;
      if (accepted) break;
    }
    if (!accepted) return { x, values, steps: step, stop: 'converged' };
    const nextGradient = new Float64Array(size);
    const nextScale = new Float64Array(size);
    const fNext = problem.valueAndGradient(trial, nextGradient, nextScale);
    if (!finite(fNext, nextGradient)) return { x, values, steps: step, stop: 'not_finite' };
    let sy = 0;
    let ss = 0;
    for (let i = 0; i < size; i++) {
      const s = trial[i]! - x[i]!;
      sy += s * (nextGradient[i]! - gradient[i]!);
      ss += (s * s) / nextScale[i]!;
    }
    // Barzilai-Borwein in the scaled variables; a step of no curvature starts again from 1.
    alpha = sy > 0 && ss > 0 ? clamp(ss / sy, 1e-8, 1e8) : 1;
    x = trial;
    gradient = nextGradient;
    scale = nextScale;
    f = fNext;
    values.push(f);
    if (f === 0 || stationarity(x, gradient, scale, low, high) <= settings.tolerance)
      return { x, values, steps: step + 1, stop: 'converged' };
  }
  return { x, values, steps: settings.maxSteps, stop: 'step_limit' };
}

/** max_i |P(x - D g)_i - x_i|: 0 exactly where x is stationary in the box. */
function stationarity(
  x: Float64Array,
  gradient: Float64Array,
  scale: Float64Array,
  low: Float64Array,
  high: Float64Array,
): number {
  let most = 0;
  for (let i = 0; i < x.length; i++) {
    const step = Math.abs(clamp(x[i]! - scale[i]! * gradient[i]!, low[i]!, high[i]!) - x[i]!);
    if (step > most) most = step;
  }
  return most;
}

function finite(f: number, gradient: Float64Array): boolean {
  return Number.isFinite(f) && gradient.every(Number.isFinite);
}
