/**
 * The k-of-n probabilities of docs/model.md, "k-of-n alternatives": a group whose receiver needs k of
 * its n independent inputs delivers P(at least k right), by the dynamic programme over the inputs
 * P_j(m) = P_{j-1}(m) (1 - r_j) + P_{j-1}(m - 1) r_j, with "k or more" one absorbing state: O(n k),
 * no division, so inputs of exactly 0 or 1 need no special case. Its derivative with respect to
 * one input is P(exactly k - 1 of the others right), computed for every input at once by splitting
 * the inputs in halves (each half's inputs folded into the state the other half starts from):
 * O(n k log n) time and O(k log n) memory, never a division (no "removing" an input from the state).
 * Scratch tables are reused across calls (the engine is synchronous).
 */

let table = new Float64Array(16);

/** A scratch table of at least `size` entries, zeroed up to `size`. */
function scratch(size: number): Float64Array {
  if (table.length < size) table = new Float64Array(Math.max(size, table.length * 2));
  table.fill(0, 0, size);
  return table;
}

/**
 * P(at least k of the n inputs right), input i right with probability r[i] (0 <= i < n), for
 * 1 <= k <= n. With k = n the operations are exactly those of the product r[0] r[1] ... r[n-1].
 */
export function atLeast(r: ArrayLike<number>, n: number, k: number): number {
  // t[m] = P(exactly m right so far) for m < k; t[k] = P(k or more right so far).
  const t = scratch(k + 1);
  t[0] = 1;
  for (let j = 0; j < n; j++) {
    const right = r[j]!;
    const wrong = 1 - right;
    const top = Math.min(j + 1, k);
    if (top === k) t[k] = t[k]! + t[k - 1]! * right;
    for (let m = top === k ? k - 1 : top; m >= 1; m--) t[m] = t[m]! * wrong + t[m - 1]! * right;
    t[0] = t[0]! * wrong;
  }
  return Math.min(t[k]!, 1);
}

/**
 * For every input i, P(exactly k - 1 of the OTHER inputs right) into out[i]: d P(at least k) / d r_i.
 * The state carried down the halving holds P(exactly m right) for m < k only (higher counts never
 * come back down to k - 1).
 */
export function exactlyKMinusOneOfOthers(
  r: ArrayLike<number>,
  n: number,
  k: number,
  out: Float64Array,
): void {
  const levels: Float64Array[] = [];
  const level = (depth: number): Float64Array => {
    let buffer = levels[depth];
    if (buffer === undefined) {
      buffer = new Float64Array(k);
      levels[depth] = buffer;
    }
    return buffer;
  };
  const root = level(0);
  root.fill(0);
  root[0] = 1;
  leaveOut(r, k, 0, n, 0, level, out);
}

/** Inputs lo .. hi - 1 each get the count of the others, given the state of level `depth`. */
function leaveOut(
  r: ArrayLike<number>,
  k: number,
  lo: number,
  hi: number,
  depth: number,
  level: (depth: number) => Float64Array,
  out: Float64Array,
): void {
  const state = level(depth);
  if (hi - lo === 1) {
    out[lo] = state[k - 1]!;
    return;
  }
  const mid = (lo + hi) >>> 1;
  const child = level(depth + 1);
  child.set(state);
  fold(child, r, mid, hi, k);
  leaveOut(r, k, lo, mid, depth + 1, level, out);
  child.set(state);
  fold(child, r, lo, mid, k);
  leaveOut(r, k, mid, hi, depth + 1, level, out);
}

/** Folds inputs lo .. hi - 1 into the exact-count state (counts 0 .. k - 1). */
function fold(state: Float64Array, r: ArrayLike<number>, lo: number, hi: number, k: number): void {
  for (let j = lo; j < hi; j++) {
    const right = r[j]!;
    const wrong = 1 - right;
    for (let m = k - 1; m >= 1; m--) state[m] = state[m]! * wrong + state[m - 1]! * right;
    state[0] = state[0]! * wrong;
  }
}

/** The k-th largest of values[0 .. n) (1 <= k <= n): one of the values itself, never computed. */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  const sorted = values.subarray(0, n).sort();
  return sorted[n - k]!;
}
