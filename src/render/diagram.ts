/** Builds the picture of a report that every diagram format draws, at actor or department level. */
import type { Report } from '../analysis/report.js';
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
    : departmentDiagram(report, model, marks, title);
}
