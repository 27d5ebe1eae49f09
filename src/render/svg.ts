/** A standalone SVG picture of a report, laid out left to right (src/render/layout.ts). */
import type { Report } from '../analysis/report.js';
import type { Model } from '../model/schema.js';
import { buildDiagram } from './diagram.js';
import { type Diagram, formatFigure } from './diagram-graph.js';
import type { DiagramOptions } from './diagram-options.js';
import {
  CLUSTER_FILL,
  CLUSTER_STROKE,
  CUSTOMER_FILL,
  HIGHLIGHT_COLOURS,
  LEGEND,
} from './diagram-style.js';
import { escapeXml } from './escape.js';
import {
  type DiagramLayout,
  LAYOUT_SIZES,
  labelSize,
  layoutDiagram,
  type PlacedCluster,
  type PlacedEdge,
  type PlacedNode,
  type Point,
} from './layout.js';

const FONT = 'Helvetica, Arial, sans-serif';
const TEXT_COLOUR = '#1c2833';
const MUTED_COLOUR = '#566573';
/** The legend: two rows of two items each, under the picture. */
const LEGEND_ROW = 20;
const LEGEND_HEIGHT = 14 + 2 * LEGEND_ROW;
const LEGEND_WIDTH = 820;

/** A coordinate with at most one decimal, so float noise never reaches the output. */
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Renders the report's hand-off graph as a self-contained SVG document. */
export function toSvg(report: Report, model: Model, options?: DiagramOptions): string {
  return diagramSvg(buildDiagram(report, model, options));
}

/**
 * The SVG of a built diagram (the HTML report inlines the same picture). `fit` lets it shrink to
 * its container's width, never growing past its natural size. `marked`: keys of the boxes and
 * arrows to mark as single points of failure (class `sc-spof`; the HTML report draws them dashed).
 */
export function diagramSvg(
  diagram: Diagram,
  { fit = false, marked }: { fit?: boolean; marked?: ReadonlySet<string> } = {},
): string {
  const spof = (key: string) => (marked?.has(key) === true ? ' sc-spof' : '');
  const placed = layoutDiagram(diagram);
  const width = Math.max(placed.width, LEGEND_WIDTH);
  const height = placed.height + LEGEND_HEIGHT;
  const style = fit ? ` style="width:100%;height:auto;max-width:${width}px"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sc-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${style} role="img" aria-labelledby="sc-title" font-family="${FONT}">`,
    `<title id="sc-title">${escapeXml(`${diagram.title}: hand-offs and weakest links`)}</title>`,
    defs(),
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '<g class="sc-clusters">',
    ...placed.clusters.map(clusterSvg),
    '</g>',
    '<g class="sc-edges">',
    ...placed.edges.map((edge) => edgeSvg(edge, spof(edge.edge.key))),
    '</g>',
    '<g class="sc-nodes">',
    ...placed.nodes.map((node) => nodeSvg(node, spof(node.node.key))),
    '</g>',
    legendSvg(placed, placed.height),
    '</svg>',
    '',
  ].join('\n');
}

function defs(): string {
  const markers = (['none', 'fix', 'weakest', 'fixFirst'] as const).map(
    (h) =>
      `<marker id="sc-arrow-${h}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="${HIGHLIGHT_COLOURS[h].stroke}"/></marker>`,
  );
  return `<defs>${markers.join('')}</defs>`;
}

function clusterSvg(placed: PlacedCluster): string {
  const { cluster } = placed;
  const left = placed.x - placed.width / 2;
  const top = placed.y - placed.height / 2;
  const fill = cluster.kind === 'segment' ? '#f4f8fb' : CLUSTER_FILL;
  return [
    `<g class="sc-cluster sc-${cluster.kind}" data-key="${cluster.key}">`,
    `<rect x="${num(left)}" y="${num(top)}" width="${num(placed.width)}" height="${num(placed.height)}" rx="8" fill="${fill}" stroke="${CLUSTER_STROKE}"/>`,
    `<text x="${num(left + 10)}" y="${num(top + 15)}" font-size="11" font-weight="bold" fill="${MUTED_COLOUR}">${escapeXml(cluster.label)}</text>`,
    '</g>',
  ].join('');
}

function edgeSvg(placed: PlacedEdge, extraClass: string): string {
  const { edge, label } = placed;
  const { stroke: colour, dash } = HIGHLIGHT_COLOURS[edge.highlight];
  const dashed = dash === null ? '' : ` stroke-dasharray="${dash}"`;
  const { width: labelWidth, height: labelHeight } = labelSize(edge.label);
  const ids = edge.handoffs.join(', ');
  return [
    `<g class="sc-edge sc-${edge.highlight}${extraClass}" data-key="${edge.key}">`,
    `<title>${escapeXml(`${ids}: quality ${formatFigure(edge.quality)}, sensitivity ${formatFigure(edge.sensitivity)}`)}</title>`,
    `<path d="${routePath(placed.points)}" fill="none" stroke="${colour}" stroke-width="${edge.width}"${dashed} marker-end="url(#sc-arrow-${edge.highlight})"${edge.highlight === 'none' ? ' stroke-opacity="0.75"' : ''}/>`,
    `<rect x="${num(label.x - labelWidth / 2)}" y="${num(label.y - labelHeight / 2)}" width="${labelWidth}" height="${labelHeight}" rx="3" fill="#ffffff" stroke="${colour}" stroke-opacity="0.35"/>`,
    `<text x="${num(label.x)}" y="${num(label.y + 4)}" text-anchor="middle" font-size="${LAYOUT_SIZES.labelFont}" fill="${edge.highlight === 'none' ? MUTED_COLOUR : colour}"${edge.highlight === 'none' ? '' : ' font-weight="bold"'}>${escapeXml(edge.label)}</text>`,
    '</g>',
  ].join('');
}

function nodeSvg(placed: PlacedNode, extraClass: string): string {
  const { node } = placed;
  const colours = HIGHLIGHT_COLOURS[node.highlight];
  const left = placed.x - placed.width / 2;
  const top = placed.y - placed.height / 2;
  const fill = node.highlight === 'none' && node.kind === 'customer' ? CUSTOMER_FILL : colours.fill;
  const strokeWidth = node.highlight === 'none' ? 1 : 2.5;
  const radius = node.kind === 'customer' ? placed.height / 2 : 6;
  const dashed = colours.dash === null ? '' : ` stroke-dasharray="${colours.dash}"`;
  // "Fix first" also gets a filled dot in its corner: a mark that does not rely on colour.
  const dot =
    node.highlight === 'fixFirst'
      ? `<circle cx="${num(left + 9)}" cy="${num(top + 9)}" r="5" fill="${colours.stroke}"/>`
      : '';
  const service =
    node.kind === 'customer' && node.service === null
      ? 'not reached'
      : `service ${formatFigure(node.service)}`;
  return [
    `<g class="sc-node sc-${node.kind} sc-${node.highlight}${extraClass}" data-key="${node.key}" tabindex="0">`,
    `<title>${escapeXml(`${node.name} (${node.id})`)}</title>`,
    `<rect x="${num(left)}" y="${num(top)}" width="${num(placed.width)}" height="${num(placed.height)}" rx="${radius}" fill="${fill}" stroke="${colours.stroke}" stroke-width="${strokeWidth}"${dashed}/>${dot}`,
    nameSvg(placed),
    `<text x="${num(placed.x)}" y="${num(top + 36 + LAYOUT_SIZES.nameLine * (placed.lines.length - 1))}" text-anchor="middle" font-size="${LAYOUT_SIZES.figureFont}" fill="${MUTED_COLOUR}">${escapeXml(service)}</text>`,
    '</g>',
  ].join('');
}

/** The name, one <tspan> a line (one <text>, so the service figure stays the box's second). */
function nameSvg(placed: PlacedNode): string {
  const top = placed.y - placed.height / 2;
  const lines = placed.lines.map(
    (line, i) =>
      `<tspan x="${num(placed.x)}" y="${num(top + 20 + LAYOUT_SIZES.nameLine * i)}">${escapeXml(line)}</tspan>`,
  );
  return `<text text-anchor="middle" font-size="${LAYOUT_SIZES.nameFont}" font-weight="bold" fill="${TEXT_COLOUR}">${lines.join('')}</text>`;
}

/**
 * An edge's route: its level runs and height changes, the corners rounded (by at most 5 units,
 * so a corner stays in the channel and beside its own run).
 */
export function routePath(points: readonly Point[]): string {
  const first = points[0];
  if (first === undefined) return '';
  let d = `M${num(first.x)},${num(first.y)}`;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i]!;
    const next = points[i + 1];
    if (next === undefined) {
      d += `L${num(p.x)},${num(p.y)}`;
      break;
    }
    const prev = points[i - 1]!;
    const lenIn = Math.hypot(p.x - prev.x, p.y - prev.y);
    const lenOut = Math.hypot(next.x - p.x, next.y - p.y);
    const r = Math.min(5, lenIn / 2, lenOut / 2);
    if (r <= 0) continue;
    const a = { x: p.x + ((prev.x - p.x) * r) / lenIn, y: p.y + ((prev.y - p.y) * r) / lenIn };
    const b = { x: p.x + ((next.x - p.x) * r) / lenOut, y: p.y + ((next.y - p.y) * r) / lenOut };
    d += `L${num(a.x)},${num(a.y)}Q${num(p.x)},${num(p.y)} ${num(b.x)},${num(b.y)}`;
  }
  return d;
}

function legendSvg(placed: DiagramLayout, top: number): string {
  const items = LEGEND.map((item, index) => {
    const { stroke: colour, dash } = HIGHLIGHT_COLOURS[item.highlight];
    const width = item.highlight === 'none' ? 1.5 : 3;
    const dashed = dash === null ? '' : ` stroke-dasharray="${dash}"`;
    // Two items a row: the first at the left edge, the second at the middle of the legend.
    const x = index % 2 === 0 ? 16 : 350;
    const y = top + 14 + Math.floor(index / 2) * LEGEND_ROW;
    return `<line x1="${x}" y1="${y}" x2="${x + 26}" y2="${y}" stroke="${colour}" stroke-width="${width}"${dashed}/><text x="${x + 32}" y="${y + 4}" font-size="11" fill="${MUTED_COLOUR}">${escapeXml(item.text)}</text>`;
  });
  return `<g class="sc-legend" data-width="${num(placed.width)}">${items.join('')}</g>`;
}
