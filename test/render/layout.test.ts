/** layoutDiagram above what dagre takes: a plain layered layout, said so, never a stack overflow. */
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramEdge, DiagramNode } from '../../src/render/diagram-graph.js';
import { DAGRE_LIMIT, type DiagramLayout, layoutDiagram } from '../../src/render/layout.js';

const node = (i: number, cluster: string | null = null): DiagramNode => ({
  key: `n${i}`,
  id: `d${i}`,
  name: `Department ${i}`,
  kind: 'department',
  service: 0.5,
  highlight: 'none',
  cluster,
});

const edge = (from: number, to: number): DiagramEdge => ({
  key: `e${from}-${to}`,
  from: `n${from}`,
  to: `n${to}`,
  handoffs: [`d${from}->d${to}`],
  quality: 0.9,
  sensitivity: null,
  highlight: 'none',
  width: 1,
  label: '0.90',
});

/** `count` departments in a chain, closed into a cycle when asked, all in one cluster. */
function chain(count: number, cycle: boolean): Diagram {
  const nodes = Array.from({ length: count }, (_, i) => node(i, 'c0'));
  const edges = Array.from({ length: count - 1 }, (_, i) => edge(i, i + 1));
  if (cycle) edges.push(edge(count - 1, 0));
  const clusters = [{ key: 'c0', label: 'All', kind: 'department' as const, parent: null }];
  return { title: 't', level: 'actor', nodes, clusters, edges };
}

function expectSound(layout: DiagramLayout, diagram: Diagram): void {
  const numbers = [
    layout.width,
    layout.height,
    ...layout.nodes.flatMap((n) => [n.x, n.y, n.width, n.height]),
    ...layout.clusters.flatMap((c) => [c.x, c.y, c.width, c.height]),
    ...layout.edges.flatMap((e) => [e.label.x, e.label.y, ...e.points.flatMap((p) => [p.x, p.y])]),
  ];
  expect(numbers.every(Number.isFinite)).toBe(true);
  expect(layout.nodes).toHaveLength(diagram.nodes.length);
  expect(layout.edges).toHaveLength(diagram.edges.length);
  // No two boxes in the same place.
  expect(new Set(layout.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(diagram.nodes.length);
  // Everything inside the picture.
  for (const n of layout.nodes) {
    expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
    expect(n.y + n.height / 2).toBeLessThanOrEqual(layout.height);
  }
}

describe('layoutDiagram', () => {
  it('small diagrams keep dagre (no fallback)', () => {
    const diagram = chain(5, true);
    expect(layoutDiagram(diagram).fallback).toBeNull();
  });

  for (const [count, cycle] of [
    [2000, false],
    [3000, true],
    [10000, true],
  ] as const) {
    it(`a ${count.toLocaleString('en')}-node ${cycle ? 'cycle' : 'chain'}: the layered layout, with the reason`, () => {
      const diagram = chain(count, cycle);
      const layout = layoutDiagram(diagram);
      expect(layout.fallback).toContain('plain layered layout');
      expect(layout.fallback).toContain(`more than the ${DAGRE_LIMIT.toLocaleString('en')}`);
      expectSound(layout, diagram);
      // A chain runs left to right, one column per node.
      expect(layout.nodes[1]!.x).toBeGreaterThan(layout.nodes[0]!.x);
      // The cluster holds every member.
      const box = layout.clusters[0]!;
      for (const n of layout.nodes)
        expect(Math.abs(n.x - box.x)).toBeLessThanOrEqual(box.width / 2);
      expect(layoutDiagram(diagram)).toEqual(layout);
    });
  }
});
