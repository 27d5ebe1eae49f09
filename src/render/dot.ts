/** A Graphviz DOT digraph of a report: clusters per department and segment, coloured weak links. */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { markedName } from './badges.js';
import { buildDiagram } from './diagram.js';
import { type Diagram, type DiagramEdge, type DiagramNode, formatFigure } from './diagram-graph.js';
import type { DiagramOptions } from './diagram-options.js';
import {
  CLUSTER_FILL,
  CLUSTER_STROKE,
  CUSTOMER_FILL,
  HIGHLIGHT_COLOURS,
  LEGEND,
} from './diagram-style.js';
import { escapeDot } from './escape.js';

/** Renders the report's hand-off graph as Graphviz DOT source (`dot -Tsvg` draws it). */
export function toDot(report: Report, model: Model, options?: DiagramOptions): string {
  const diagram = buildDiagram(report, model, options);
  return [
    'digraph service_chain {',
    `  label="${escapeDot(diagram.title)}";`,
    '  labelloc=t;',
    '  rankdir=LR;',
    '  fontname="Helvetica";',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...clusterLines(diagram, null, '  '),
    ...diagram.edges.map(edgeLine),
    ...legendLines(),
    '}',
    '',
  ].join('\n');
}

function nodeLine(node: DiagramNode): string {
  const colours = HIGHLIGHT_COLOURS[node.highlight];
  const attributes = [
    `label="${escapeDot(markedName(node.name, node.highlight))}\\nservice ${formatFigure(node.service)}"`,
    `tooltip="${escapeDot(node.id)}"`,
  ];
  if (node.kind === 'customer') attributes.push('shape=ellipse', `fillcolor="${CUSTOMER_FILL}"`);
  if (node.highlight !== 'none') {
    attributes.push(`color="${colours.stroke}"`, `fillcolor="${colours.fill}"`, 'penwidth=2.5');
    // The weakest link's dashed outline tells it from "fix first" without its colour.
    if (colours.dash !== null) attributes.push(`style="rounded,filled,dashed"`);
  }
  return `${node.key} [${attributes.join(', ')}];`;
}

function clusterLines(diagram: Diagram, parent: string | null, indent: string): string[] {
  const lines: string[] = [];
  for (const cluster of diagram.clusters) {
    if (cluster.parent !== parent) continue;
    lines.push(`${indent}subgraph cluster_${cluster.key} {`);
    lines.push(`${indent}  label="${escapeDot(cluster.label)}";`);
    lines.push(`${indent}  style=filled; fillcolor="${CLUSTER_FILL}"; color="${CLUSTER_STROKE}";`);
    lines.push(...clusterLines(diagram, cluster.key, `${indent}  `));
    lines.push(`${indent}}`);
  }
  for (const node of diagram.nodes)
    if (node.cluster === parent) lines.push(indent + nodeLine(node));
  return lines;
}

function edgeLine(edge: DiagramEdge): string {
  const { stroke: colour, dash } = HIGHLIGHT_COLOURS[edge.highlight];
  const style = dash === null ? '' : ', style=dashed';
  return `  ${edge.from} -> ${edge.to} [label="${escapeDot(edge.label)}", color="${colour}", fontcolor="${colour}", penwidth=${edge.width}${style}, tooltip="${escapeDot(edge.handoffs.join(', '))}"];`;
}

function legendLines(): string[] {
  const rows = LEGEND.map(
    (item, index) =>
      `    legend${index} [label="${escapeDot(markedName(item.text, item.highlight))}", color="${HIGHLIGHT_COLOURS[item.highlight].stroke}", fillcolor="${HIGHLIGHT_COLOURS[item.highlight].fill}", penwidth=2${HIGHLIGHT_COLOURS[item.highlight].dash === null ? '' : ', style="rounded,filled,dashed"'}];`,
  );
  return [
    '  subgraph cluster_legend {',
    '    label="Legend"; style=dashed; color="#aab7b8";',
    ...rows,
    '  }',
  ];
}
