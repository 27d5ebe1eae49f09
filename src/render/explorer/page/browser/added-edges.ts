/**
 * The scenario's added hand-offs drawn on a diagram: the layout was made for the model as given,
 * so an added hand-off is not routed with the others; it is a dotted straight arrow from the
 * side of its provider's box to the facing side of its receiver's, over the other arrows and
 * under the boxes, labelled `added` and its quality (docs/explorer.md, "What the page does").
 */
import type { AddedHandoff } from '../scenario.js';

/** The arrowhead's length and half width (user units). */
const HEAD = { length: 9, half: 4.5 } as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function boxOf(g: SVGGElement): Box | null {
  const rect = g.querySelector('rect');
  if (rect === null) return null;
  const { x, y, width, height } = rect;
  return {
    x: x.baseVal.value,
    y: y.baseVal.value,
    w: width.baseVal.value,
    h: height.baseVal.value,
  };
}

/** `ns`: the SVG namespace, read from the page's own picture (the page names no URL itself). */
function svgElement(
  ns: string | null,
  tag: string,
  attributes: Readonly<Record<string, string>>,
): SVGElement {
  const node = document.createElementNS(ns, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The arrow's ends: the facing sides' middles (right to left when the receiver is to the right). */
function ends(a: Box, b: Box): [number, number, number, number] {
  const forward = b.x + b.w / 2 >= a.x + a.w / 2;
  const x1 = forward ? a.x + a.w : a.x;
  const x2 = forward ? b.x : b.x + b.w;
  return [x1, a.y + a.h / 2, x2, b.y + b.h / 2];
}

/** One added hand-off: a dashed line, its arrowhead and its quality. */
function arrow(ns: string | null, a: Box, b: Box, change: AddedHandoff, title: string): SVGElement {
  const [x1, y1, x2, y2] = ends(a, b);
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const [bx, by] = [x2 - ux * HEAD.length, y2 - uy * HEAD.length];
  const g = svgElement(ns, 'g', { class: 'x-added-edge' });
  const name = svgElement(ns, 'title', {});
  name.textContent = title;
  const head = `${x2},${y2} ${bx - uy * HEAD.half},${by + ux * HEAD.half} ${bx + uy * HEAD.half},${by - ux * HEAD.half}`;
  const label = svgElement(ns, 'text', {
    x: String((x1 + x2) / 2),
    y: String((y1 + y2) / 2 - 5),
    'text-anchor': 'middle',
    'font-size': '11',
  });
  label.textContent = `added ${change.value.toFixed(2)}`;
  g.append(
    name,
    svgElement(ns, 'line', { x1: `${x1}`, y1: `${y1}`, x2: `${bx}`, y2: `${by}` }),
    svgElement(ns, 'polygon', { points: head }),
    label,
  );
  return g;
}

/**
 * Draws `added` on `svg` (replacing what it drew before). `boxOfNode` gives the box that shows a
 * node id (at department level its unit's); a hand-off inside one box is not drawn, as the
 * report does not draw those either.
 */
export function drawAddedHandoffs(
  svg: SVGSVGElement,
  added: readonly AddedHandoff[],
  boxOfNode: (id: string) => SVGGElement | undefined,
  name: (id: string) => string,
): void {
  svg.querySelector('.x-added-edges')?.remove();
  if (added.length === 0) return;
  const layer = svgElement(svg.namespaceURI, 'g', { class: 'x-added-edges' });
  for (const change of added) {
    const from = boxOfNode(change.from);
    const to = boxOfNode(change.to);
    if (from === undefined || to === undefined || from === to) continue;
    const [a, b] = [boxOf(from), boxOf(to)];
    if (a === null || b === null) continue;
    const title = `${name(change.from)} → ${name(change.to)} (added), quality ${change.value.toFixed(2)}`;
    layer.append(arrow(svg.namespaceURI, a, b, change, title));
  }
  // Under the boxes, over the model's own arrows.
  svg.insertBefore(layer, svg.querySelector('.sc-nodes'));
}
