/**
 * The diagram is readable at real size: no edge through a box other than its ends, frames apart or
 * nested (never across each other or over a box they do not hold), every label on its own edge
 * and over nothing else, names wrapped rather than cut. Checked by brute force over the layout of
 * the examples, generated organisations (dagre's order and the plain one) and random diagrams.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { analyze } from '../../src/analysis/analyze.js';
import type { Model } from '../../src/model/schema.js';
import { loadModelFile } from '../../src/node.js';
import { buildDiagram } from '../../src/render/diagram.js';
import type { Diagram, DiagramCluster, DiagramNode } from '../../src/render/diagram-graph.js';
import { labelSize, layeredLayout, layoutDiagram } from '../../src/render/layout.js';
import { example } from '../cli/cli-run.js';
import { layoutOffences } from './layout-geometry.js';
import { organisation } from './layout-models.js';

const EXAMPLES = readdirSync(example('.')).filter(
  (f) => f.endsWith('.yaml') && !f.includes('candidates') && !f.includes('scenario'),
);

function diagramOf(model: Model, level: 'actor' | 'department'): Diagram {
  return buildDiagram(analyze(model), model, { level });
}

describe('layout of the examples', () => {
  for (const file of EXAMPLES) {
    it(`${file}: sound at both levels`, async () => {
      const { model } = await loadModelFile(example(file));
      for (const level of ['actor', 'department'] as const) {
        const diagram = diagramOf(model, level);
        const layout = layoutDiagram(diagram);
        expect(layout.fallback).toBeNull();
        expect(layoutOffences(layout, labelSize)).toEqual([]);
      }
    });
  }
});

describe('layout of generated organisations', () => {
  it('60 actors in 8 departments (dagre order, and the plain order)', () => {
    const diagram = diagramOf(organisation(55, 8), 'actor');
    expect(diagram.clusters.length).toBeGreaterThan(5);
    const layout = layoutDiagram(diagram);
    expect(layout.fallback).toBeNull();
    expect(layoutOffences(layout, labelSize)).toEqual([]);
    expect(layoutOffences(layeredLayout(diagram), labelSize)).toEqual([]);
  });

  it('300 actors above the arrow limit: the plain layered layout, just as sound', () => {
    const diagram = diagramOf(generateOrganisation({ actors: 300 }), 'actor');
    const layout = layoutDiagram(diagram);
    expect(layout.fallback).toContain('plain layered layout');
    expect(layoutOffences(layout, labelSize)).toEqual([]);
  });
});

/** A random diagram: nodes in random (nested) clusters, random edges, loops and long names. */
const diagrams = fc
  .record({
    nodes: fc.integer({ min: 2, max: 18 }),
    parents: fc.array(fc.nat(), { maxLength: 5 }),
    member: fc.array(fc.nat(), { minLength: 18, maxLength: 18 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 100 })), {
      maxLength: 40,
    }),
    names: fc.array(fc.string({ maxLength: 60 }), { minLength: 18, maxLength: 18 }),
  })
  .map(({ nodes, parents, member, edges, names }): Diagram => {
    // Cluster i may nest in an earlier one (parents[i] % (i + 1) === i: top level).
    const clusters: DiagramCluster[] = parents.map((p, i) => ({
      key: `c${i}`,
      label: `Department ${i}`,
      kind: 'department',
      parent: p % (i + 1) === i ? null : `c${p % (i + 1)}`,
    }));
    const node = (i: number): DiagramNode => {
      const m = member[i]! % (clusters.length + 1);
      return {
        key: `n${i}`,
        id: `a${i}`,
        name: names[i]!,
        kind: 'employee',
        service: 0.5,
        highlight: 'none',
        cluster: m === clusters.length ? null : `c${m}`,
      };
    };
    const list = Array.from({ length: nodes }, (_, i) => node(i));
    const seen = new Set<string>();
    const drawn = edges.flatMap(([a, b, q], k) => {
      const [from, to] = [a % nodes, b % nodes];
      if (from === to || seen.has(`${from}>${to}`)) return [];
      seen.add(`${from}>${to}`);
      return [
        {
          key: `e${k}`,
          from: `n${from}`,
          to: `n${to}`,
          handoffs: [`h${k}`],
          quality: q / 100,
          sensitivity: null,
          highlight: 'none' as const,
          width: 1,
          label: (q / 100).toFixed(2),
        },
      ];
    });
    return { title: 't', level: 'actor', nodes: list, clusters, edges: drawn };
  });

describe('layout of random diagrams', () => {
  it('dagre order: no edge through a box, frames apart or nested, labels on their edges', () => {
    fc.assert(
      fc.property(diagrams, (diagram) => {
        expect(layoutOffences(layoutDiagram(diagram), labelSize)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the plain layered order: the same', () => {
    fc.assert(
      fc.property(diagrams, (diagram) => {
        const layout = layeredLayout(diagram);
        expect(layoutOffences(layout, labelSize)).toEqual([]);
        const numbers = layout.edges.flatMap((e) => e.points.flatMap((p) => [p.x, p.y]));
        expect(numbers.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
