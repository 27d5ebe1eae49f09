/** A Mermaid flowchart of a report: clusters as subgraphs, weakest links red, fix candidates amber. */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { buildDiagram } from './diagram.js';
import { type Diagram, type DiagramNode, formatFigure } from './diagram-graph.js';
import type { DiagramOptions } from './diagram-options.js';
import { CLUSTER_FILL, CLUSTER_STROKE, CUSTOMER_FILL, HIGHLIGHT_COLOURS } from './diagram-style.js';
import { escapeMermaid } from './escape.js';

/** Renders the report's hand-off graph as Mermaid `flowchart LR` source. */
export function toMermaid(report: Report, model: Model, options?: DiagramOptions): string {
  const diagram = buildDiagram(report, model, options);
  return [
    `---\ntitle: "${escapeMermaid(diagram.title)}"\n---`,
    'flowchart LR',
    ...clusterLines(diagram, null, '  '),
    ...diagram.edges.map(
      (e) =>
        `  ${e.from} ${e.highlight === 'none' ? '-->' : '==>'}|"${escapeMermaid(e.label)}"| ${e.to}`,
    ),
    ...legendLines(),
    ...styleLines(diagram),
  ]
    .join('\n')
    .concat('\n');
}

function nodeLine(node: DiagramNode): string {
  const label = `${escapeMermaid(node.name)}<br/>service ${formatFigure(node.service)}`;
  return node.kind === 'customer' ? `${node.key}(["${label}"])` : `${node.key}["${label}"]`;
}

/** Subgraphs nest as the departments do; nodes outside any cluster come at the top level. */
function clusterLines(diagram: Diagram, parent: string | null, indent: string): string[] {
  const lines: string[] = [];
  for (const cluster of diagram.clusters) {
    if (cluster.parent !== parent) continue;
    lines.push(`${indent}subgraph ${cluster.key}["${escapeMermaid(cluster.label)}"]`);
    lines.push(...clusterLines(diagram, cluster.key, `${indent}  `));
    lines.push(`${indent}end`);
  }
  for (const node of diagram.nodes)
    if (node.cluster === parent) lines.push(indent + nodeLine(node));
  return lines;
}

function legendLines(): string[] {
  return [
    '  subgraph legend["Legend"]',
    '    legendWeakest["Weakest link of a customer"]:::weakest',
    '    legendFix["Next best to fix (fix gain)"]:::fix',
    '    legendEdge["Arrow label = hand-off quality; thicker = more sensitive"]',
    '  end',
  ];
}

function styleLines(diagram: Diagram): string[] {
  const { weakest, fix } = HIGHLIGHT_COLOURS;
  const lines = [
    `  classDef weakest fill:${weakest.fill},stroke:${weakest.stroke},stroke-width:3px`,
    `  classDef fix fill:${fix.fill},stroke:${fix.stroke},stroke-width:3px`,
    `  classDef customer fill:${CUSTOMER_FILL},stroke:${HIGHLIGHT_COLOURS.none.stroke}`,
  ];
  const byClass = (name: 'weakest' | 'fix' | 'customer') =>
    diagram.nodes
      .filter((n) => (name === 'customer' ? n.kind === 'customer' : n.highlight === name))
      .map((n) => n.key);
  for (const name of ['weakest', 'fix', 'customer'] as const) {
    const keys = byClass(name);
    if (keys.length > 0) lines.push(`  class ${keys.join(',')} ${name}`);
  }
  for (const cluster of diagram.clusters) {
    lines.push(`  style ${cluster.key} fill:${CLUSTER_FILL},stroke:${CLUSTER_STROKE}`);
  }
  diagram.edges.forEach((edge, index) => {
    const colour = HIGHLIGHT_COLOURS[edge.highlight].stroke;
    lines.push(`  linkStyle ${index} stroke:${colour},stroke-width:${edge.width}px`);
  });
  return lines;
}
