/** Builds the picture of a report that every diagram format draws, at actor or department level. */
import type { Report } from '../analysis/report.js';
import { type RollUp, rollUp } from '../analysis/roll-up.js';
import type { Model } from '../model/schema.js';
import { actorDiagram } from './diagram-actors.js';
import { departmentDiagram } from './diagram-departments.js';
import { type Diagram, linkMarks } from './diagram-graph.js';
import { type DiagramOptions, resolveDiagramOptions } from './diagram-options.js';

/** Builds the picture of a report at the requested level. */
export function buildDiagram(report: Report, model: Model, options?: DiagramOptions): Diagram {
  const { level } = resolveDiagramOptions(options);
  const marks = linkMarks(report);
  const title = report.model.name || model.name || 'Service chain';
  return level === 'actor'
    ? actorDiagram(report, model, marks, title)
    : departmentDiagram(report, marks, title, rollUp(report, model, { level }));
}

/**
 * The department picture of a given roll-up (`analyze --level`), its keys prefixed with `d` so
 * that it can sit beside the actor picture in one HTML page.
 */
export function buildRollUpDiagram(report: Report, model: Model, view: RollUp): Diagram {
  const title = report.model.name || model.name || 'Service chain';
  const diagram = departmentDiagram(report, linkMarks(report), title, view);
  const key = (k: string) => `d${k}`;
  return {
    ...diagram,
    nodes: diagram.nodes.map((n) => ({
      ...n,
      key: key(n.key),
      cluster: n.cluster && key(n.cluster),
    })),
    clusters: diagram.clusters.map((c) => ({
      ...c,
      key: key(c.key),
      parent: c.parent && key(c.parent),
    })),
    edges: diagram.edges.map((e) => ({ ...e, key: key(e.key), from: key(e.from), to: key(e.to) })),
  };
}
