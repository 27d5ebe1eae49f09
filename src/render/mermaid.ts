/** A Mermaid flowchart of a report: clusters as subgraphs, links marked by the scheme of badges.ts. */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { markedName } from './badges.js';
import { buildDiagram } from './diagram.js';
import { type Diagram, type DiagramNode, formatFigure } from './diagram-graph.js';
import type { DiagramOptions } from './diagram-options.js';
import {
  CLUSTER_FILL,
  CLUSTER_STROKE,
  CUSTOMER_FILL,
  HIGHLIGHT_COLOURS,
  LEGEND,
} from './diagram-style.js';
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
  const label = `${escapeMermaid(markedName(node.name, node.highlight))}<br/>service ${formatFigure(node.service)}`;
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
    ...LEGEND.map(
      ({ highlight, text }, index) =>
        `    legend${index}["${escapeMermaid(markedName(text, highlight))}"]${highlight === 'none' ? '' : `:::${highlight}`}`,
    ),
    '  end',
  ];
}

/** A mark's Mermaid style: stroke, fill and, for the weakest link, a dashed outline. */
function markStyle(highlight: 'fixFirst' | 'weakest' | 'fix'): string {
  const { stroke, fill, dash } = HIGHLIGHT_COLOURS[highlight];
  return `fill:${fill},stroke:${stroke},stroke-width:3px${dash === null ? '' : `,stroke-dasharray:${dash}`}`;
}

function styleLines(diagram: Diagram): string[] {
  const lines = [
    `  classDef fixFirst ${markStyle('fixFirst')}`,
    `  classDef weakest ${markStyle('weakest')}`,
    `  classDef fix ${markStyle('fix')}`,
    `  classDef customer fill:${CUSTOMER_FILL},stroke:${HIGHLIGHT_COLOURS.none.stroke}`,
  ];
  const byClass = (name: 'fixFirst' | 'weakest' | 'fix' | 'customer') =>
    diagram.nodes
      .filter((n) => (name === 'customer' ? n.kind === 'customer' : n.highlight === name))
      .map((n) => n.key);
  for (const name of ['fixFirst', 'weakest', 'fix', 'customer'] as const) {
    const keys = byClass(name);
    if (keys.length > 0) lines.push(`  class ${keys.join(',')} ${name}`);
  }
  for (const cluster of diagram.clusters) {
    lines.push(`  style ${cluster.key} fill:${CLUSTER_FILL},stroke:${CLUSTER_STROKE}`);
  }
  diagram.edges.forEach((edge, index) => {
    const { stroke, dash } = HIGHLIGHT_COLOURS[edge.highlight];
    const dashed = dash === null ? '' : `,stroke-dasharray:${dash}`;
    lines.push(`  linkStyle ${index} stroke:${stroke},stroke-width:${edge.width}px${dashed}`);
  });
  return lines;
}
