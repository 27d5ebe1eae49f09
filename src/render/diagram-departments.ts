/** The department-level picture: actors rolled up into departments as a roll-up defines them. */
import type { Report } from '../analysis/report.js';
import type { RollUp } from '../analysis/roll-up.js';
import {
  customerNodes,
  type Diagram,
  type DiagramNode,
  formatFigure,
  type Highlight,
  handoffsById,
  type LinkMarks,
  segmentClusters,
  strokeWidth,
  stronger,
} from './diagram-graph.js';
import { loopLabel } from './diagram-style.js';

/**
 * Department level: one box per unit of the roll-up `view` (a department at its level, or an
 * employee without a department), as `rollUp` (src/analysis/roll-up.ts) defines them: its service, and hand-offs between
 * boxes merged with their weight-weighted mean quality. A box is marked when any of its actors or
 * of the hand-offs inside it is; a merged arrow when any of its hand-offs is, and its sensitivity
 * is the sum of theirs (raising them all together). The HTML report hands in the roll-up that
 * `analyze --level` asked for, so its picture and its tables show the same departments.
 */
export function departmentDiagram(
  report: Report,
  marks: LinkMarks,
  title: string,
  view: RollUp,
): Diagram {
  const unitOf = new Map<string, string>();
  for (const unit of view.departments)
    for (const member of unit.members) unitOf.set(member, unit.id);
  const inside = new Map<string, Highlight>();
  for (const handoff of report.handoffs) {
    const unit = unitOf.get(handoff.from);
    if (unit === undefined || unit !== unitOf.get(handoff.to)) continue;
    inside.set(
      unit,
      stronger(inside.get(unit) ?? 'none', marks.handoffHighlight.get(handoff.id) ?? 'none'),
    );
  }
  const keyOf = new Map<string, string>();
  const nodes = view.departments.map((unit, index): DiagramNode => {
    const key = `n${index}`;
    keyOf.set(unit.id, key);
    return {
      key,
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      service: unit.service,
      highlight: unit.members.reduce<Highlight>(
        (h, m) => stronger(h, marks.actorHighlight.get(m) ?? 'none'),
        inside.get(unit.id) ?? 'none',
      ),
      cluster: null,
      unit,
    };
  });
  const segments = segmentClusters(report);
  const customers = customerNodes(report, nodes.length, segments);
  for (const c of customers) keyOf.set(c.id, c.key);
  const reports = handoffsById(report);
  const edges = view.handoffs.flatMap((merged) => {
    const from = keyOf.get(merged.from);
    const to = keyOf.get(merged.to);
    if (from === undefined || to === undefined) return [];
    let sensitivity: number | null = null;
    let highlight: Highlight = 'none';
    for (const id of merged.handoffs) {
      const s = reports.get(id)?.sensitivity;
      if (s !== undefined && s !== null) sensitivity = (sensitivity ?? 0) + s;
      highlight = stronger(highlight, marks.handoffHighlight.get(id) ?? 'none');
    }
    const count = merged.handoffs.length;
    const loop = merged.handoffs.some((id) => marks.loopHandoffs.has(id));
    return [
      {
        from,
        to,
        handoffs: merged.handoffs,
        quality: merged.quality,
        sensitivity: sensitivity as number | null,
        highlight,
        label: loopLabel(`${formatFigure(merged.quality)}${count > 1 ? ` ×${count}` : ''}`, loop),
        ...(loop && { loop: true }),
      },
    ];
  });
  const max = Math.max(0, ...edges.map((e) => Math.abs(e.sensitivity ?? 0)));
  return {
    title,
    level: 'department',
    nodes: [...nodes, ...customers],
    clusters: [...segments.values()],
    edges: edges.map((e, index) => ({
      ...e,
      key: `e${index}`,
      width: strokeWidth(e.sensitivity, max),
    })),
  };
}
