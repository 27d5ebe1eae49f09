/**
 * Bands that may share a height: two sibling bands whose columns lie far enough apart that their
 * frames (titles and padding included) cannot meet go side by side in one lane instead of one
 * under the other. Distances are bounded from below before the edges are routed: columns keep
 * their widths and a channel only grows from its narrowest, so a gap found here is at least as
 * wide in the picture.
 */
import type { Slot } from './layout-place.js';

/** A channel's width before any track widens it. */
export const CHANNEL_MIN = 40;

/** The columns' left and right edges with every channel at its narrowest. */
export function narrowestColumns(
  slots: readonly Slot[],
  columns: number,
): { left: Float64Array; right: Float64Array } {
  const width = new Float64Array(columns);
  for (const slot of slots) width[slot.column] = Math.max(width[slot.column]!, slot.width);
  const left = new Float64Array(columns);
  const right = new Float64Array(columns);
  let cursor = 0;
  for (let c = 0; c < columns; c += 1) {
    left[c] = cursor;
    right[c] = cursor + width[c]!;
    cursor = right[c]! + CHANNEL_MIN;
  }
  return { left, right };
}

/** How far a band reaches left and right at most (null: it holds nothing, so it gets a lane). */
export type Reach = { readonly start: number; readonly end: number } | null;

/** Groups units into lanes, in order: each goes into the first lane it meets no one in. */
export function packLanes<T>(units: readonly T[], reach: (unit: T) => Reach): T[][] {
  const lanes: { units: T[]; reaches: Reach[] }[] = [];
  for (const unit of units) {
    const r = reach(unit);
    const lane = lanes.find(
      (l) =>
        r !== null && l.reaches.every((o) => o !== null && (o.end < r.start || r.end < o.start)),
    );
    if (lane === undefined) lanes.push({ units: [unit], reaches: [r] });
    else {
      lane.units.push(unit);
      lane.reaches.push(r);
    }
  }
  return lanes.map((l) => l.units);
}
