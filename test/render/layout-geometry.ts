/**
 * Brute-force geometric checks of a laid-out diagram, independent of how the layout works: every
 * edge segment against every box, every frame against every frame and box, every label against
 * its own route. Each returns the offences it finds (empty: sound).
 */
import type { DiagramLayout, Placed, Point } from '../../src/render/layout.js';

/** How far a line may graze a box or miss its label without counting (SVG units). */
const TOLERANCE = 0.5;

interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function rect(b: Placed, inset = 0): Rect {
  return {
    left: b.x - b.width / 2 + inset,
    top: b.y - b.height / 2 + inset,
    right: b.x + b.width / 2 - inset,
    bottom: b.y + b.height / 2 - inset,
  };
}

/** Whether segment a-b passes through the inside of r (Liang-Barsky clipping). */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return (
    clip(-dx, a.x - r.left) &&
    clip(dx, r.right - a.x) &&
    clip(-dy, a.y - r.top) &&
    clip(dy, r.bottom - a.y) &&
    t1 - t0 > 1e-9
  );
}

/** Edges whose route passes through a box other than its own two ends. */
export function edgesThroughBoxes(layout: DiagramLayout): string[] {
  const found: string[] = [];
  for (const e of layout.edges) {
    for (const n of layout.nodes) {
      if (n.node.key === e.edge.from || n.node.key === e.edge.to) continue;
      const r = rect(n, TOLERANCE);
      for (let i = 0; i + 1 < e.points.length; i += 1)
        if (segmentCrosses(e.points[i]!, e.points[i + 1]!, r)) {
          found.push(`${e.edge.key} through ${n.node.key}`);
          break;
        }
    }
  }
  return found;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom
  );
}

/** Frames that overlap without one holding the other, and boxes a frame covers but does not hold. */
export function frameOffences(layout: DiagramLayout): string[] {
  const found: string[] = [];
  const frames = layout.clusters;
  const parent = new Map(frames.map((f) => [f.cluster.key, f.cluster.parent]));
  const within = (key: string | null, cluster: string): boolean => {
    for (let k = key; k !== null; k = parent.get(k) ?? null) if (k === cluster) return true;
    return false;
  };
  for (let i = 0; i < frames.length; i += 1) {
    for (let j = i + 1; j < frames.length; j += 1) {
      const [a, b] = [rect(frames[i]!), rect(frames[j]!)];
      if (overlap(a, b) && !inside(a, b) && !inside(b, a))
        found.push(`${frames[i]!.cluster.key} overlaps ${frames[j]!.cluster.key}`);
    }
    const f = frames[i]!;
    for (const n of layout.nodes) {
      const member = within(n.node.cluster, f.cluster.key);
      if (member && !inside(rect(n), rect(f)))
        found.push(`${n.node.key} sticks out of ${f.cluster.key}`);
      if (!member && overlap(rect(n), rect(f)))
        found.push(`${n.node.key} drawn inside ${f.cluster.key}`);
    }
  }
  return found;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t =
    length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Labels farther than the tolerance from their own edge's route. */
export function labelsOffTheirEdge(layout: DiagramLayout): string[] {
  const found: string[] = [];
  for (const e of layout.edges) {
    let best = Infinity;
    for (let i = 0; i + 1 < e.points.length; i += 1)
      best = Math.min(best, distanceToSegment(e.label, e.points[i]!, e.points[i + 1]!));
    if (!(best <= TOLERANCE)) found.push(`${e.edge.key} label ${best.toFixed(1)} off`);
  }
  return found;
}

/** Labels (boxes of `size`) that cover a node box or another label. */
export function labelsCovering(
  layout: DiagramLayout,
  size: (label: string) => { width: number; height: number },
): string[] {
  const found: string[] = [];
  const boxes = layout.edges.map((e) => rect({ ...e.label, ...size(e.edge.label) }, TOLERANCE));
  boxes.forEach((box, i) => {
    for (const n of layout.nodes)
      if (overlap(box, rect(n)))
        found.push(`${layout.edges[i]!.edge.key} label covers ${n.node.key}`);
    for (let j = i + 1; j < boxes.length; j += 1)
      if (overlap(box, boxes[j]!))
        found.push(`${layout.edges[i]!.edge.key} label covers ${layout.edges[j]!.edge.key}'s`);
  });
  return found;
}

/** Everything above, at once. */
export function layoutOffences(
  layout: DiagramLayout,
  size: (label: string) => { width: number; height: number },
): string[] {
  return [
    ...edgesThroughBoxes(layout),
    ...frameOffences(layout),
    ...labelsOffTheirEdge(layout),
    ...labelsCovering(layout, size),
  ];
}
