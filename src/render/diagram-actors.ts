/** The actor-level picture: every department and employee, departments with members as clusters. */
import type { ActorReport, Report } from '../analysis/report.js';
import { handoffId } from '../model/defaults.js';
import type { Model } from '../model/schema.js';
import {
  customerNodes,
  type Diagram,
  type DiagramCluster,
  type DiagramEdge,
  type DiagramNode,
  formatFigure,
  handoffsById,
  type LinkMarks,
  segmentClusters,
  strokeWidth,
} from './diagram-graph.js';
import { loopLabel } from './diagram-style.js';

/** A cluster for every department with members (employees or sub-departments), nested as they nest. */
function departmentClusters(
  model: Model,
  actors: ReadonlyMap<string, ActorReport>,
): { clusters: DiagramCluster[]; clusterKey: Map<string, string> } {
  const departments = model.departments ?? [];
  const employees = model.employees ?? [];
  const withMembers = new Set<string>([
    ...employees.flatMap((e) => (e.department === undefined ? [] : [e.department])),
    ...departments.flatMap((d) => (d.parent === undefined ? [] : [d.parent])),
  ]);
  const clusterKey = new Map<string, string>();
  const clusters: DiagramCluster[] = [];
  for (const department of departments) {
    if (!withMembers.has(department.id)) continue;
    clusterKey.set(department.id, `c${clusterKey.size}`);
  }
  for (const department of departments) {
    const key = clusterKey.get(department.id);
    if (key === undefined) continue;
    const parent = department.parent === undefined ? undefined : clusterKey.get(department.parent);
    clusters.push({
      key,
      label: actors.get(department.id)?.name ?? department.name ?? department.id,
      kind: 'department',
      parent: parent ?? null,
    });
  }
  return { clusters, clusterKey };
}

/** Actor level: every department and employee; departments with members become clusters. */
export function actorDiagram(
  report: Report,
  model: Model,
  marks: LinkMarks,
  title: string,
): Diagram {
  const departments = model.departments ?? [];
  const employees = model.employees ?? [];
  const actors = new Map(report.actors.map((a) => [a.id, a]));
  const { clusters, clusterKey } = departmentClusters(model, actors);
  const touched = new Set((model.handoffs ?? []).flatMap((h) => [h.from, h.to]));
  const nodes: DiagramNode[] = [];
  const keyOf = new Map<string, string>();
  const addActor = (id: string, kind: 'department' | 'employee', cluster: string | undefined) => {
    const key = `n${nodes.length}`;
    keyOf.set(id, key);
    const actor: ActorReport | undefined = actors.get(id);
    nodes.push({
      key,
      id,
      name: actor?.name ?? id,
      kind,
      service: actor?.service ?? null,
      highlight: marks.actorHighlight.get(id) ?? 'none',
      cluster: cluster ?? null,
    });
  };
  for (const d of departments) {
    // A department with members is drawn as its cluster; its own box only if it hands off.
    const own = clusterKey.get(d.id);
    if (own !== undefined && !touched.has(d.id)) continue;
    addActor(
      d.id,
      'department',
      own ?? (d.parent === undefined ? undefined : clusterKey.get(d.parent)),
    );
  }
  for (const e of employees) {
    addActor(
      e.id,
      'employee',
      e.department === undefined ? undefined : clusterKey.get(e.department),
    );
  }
  const segments = segmentClusters(report);
  const customers = customerNodes(report, nodes.length, segments);
  for (const c of customers) keyOf.set(c.id, c.key);
  const reports = handoffsById(report);
  const edges = (model.handoffs ?? []).flatMap((handoff, index): DiagramEdge[] => {
    const id = handoffId(handoff);
    const figures = reports.get(id);
    const from = keyOf.get(handoff.from);
    const to = keyOf.get(handoff.to);
    if (figures === undefined || from === undefined || to === undefined) return [];
    return [
      {
        key: `e${index}`,
        from,
        to,
        handoffs: [id],
        quality: figures.quality,
        sensitivity: figures.sensitivity,
        highlight: marks.handoffHighlight.get(id) ?? 'none',
        width: strokeWidth(figures.sensitivity, marks.maxSensitivity),
        label: loopLabel(formatFigure(figures.quality), marks.loopHandoffs.has(id)),
        ...(marks.loopHandoffs.has(id) && { loop: true }),
      },
    ];
  });
  return {
    title,
    level: 'actor',
    nodes: [...nodes, ...customers],
    clusters: [...clusters, ...segments.values()],
    edges: edges.map((edge, index) => ({ ...edge, key: `e${index}` })),
  };
}
