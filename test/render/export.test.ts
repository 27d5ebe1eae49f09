/** toGexf / toGraphml: the hand-off graph with its scores, read back by graphology's parsers. */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { validateModel } from '../../src/model/load.js';
import { toGexf, toGraphml } from '../../src/render/export.js';

// s_a = 0.8, s_b = 0.72 (a->b 0.9), customer 0.72 x 0.5 = 0.36.
const model = validateModel({
  version: 1,
  name: 'A & B <small>',
  departments: [{ id: 'a', name: 'Team "A"', performance: 0.8 }, { id: 'b' }],
  customers: [{ id: 'c', segment: 'end-user' }],
  handoffs: [
    { from: 'a', to: 'b', quality: 0.9, carries: 'goods' },
    { id: 'b&c', from: 'b', to: 'c', quality: 0.5, weight: 2, group: 'out' },
  ],
}).model;
const report = analyze(model);

describe('toGexf', () => {
  const graph = parseGexf(MultiDirectedGraph, toGexf(report, model));

  it('holds every node and hand-off, with labels', () => {
    expect(graph.nodes()).toEqual(['a', 'b', 'c']);
    expect(graph.edges()).toEqual(['a->b', 'b&c']);
    expect(graph.getNodeAttribute('a', 'label')).toBe('Team "A"');
  });

  it('carries the scores as attributes', () => {
    expect(graph.getNodeAttributes('b')).toMatchObject({
      kind: 'department',
      service: report.actors[1]!.service,
      chainStrength: 0.8,
    });
    expect(graph.getNodeAttribute('c', 'service')).toBeCloseTo(0.36, 12);
    expect(graph.getNodeAttribute('a', 'fixGain')).toBeCloseTo(report.actors[0]!.fixGain!, 12);
    expect(graph.getEdgeAttributes('b&c')).toMatchObject({ quality: 0.5, weight: 2, group: 'out' });
    expect(graph.getEdgeAttribute('a->b', 'failureLoss')).toBeCloseTo(
      report.handoffs[0]!.failureLoss!,
      12,
    );
  });
});

describe('toGraphml', () => {
  const text = toGraphml(report, model);
  const graph = parseGraphml(MultiDirectedGraph, text);

  it('is well-formed GraphML with escaped ids and names', () => {
    expect(text).toContain('<graph id="A &amp; B &lt;small&gt;" edgedefault="directed">');
    expect(graph.nodes()).toEqual(['a', 'b', 'c']);
    expect(graph.edges()).toEqual(['a->b', 'b&c']);
  });

  it('declares typed keys and carries the scores', () => {
    expect(text).toContain(
      '<key id="n_service" for="node" attr.name="service" attr.type="double"/>',
    );
    expect(graph.getNodeAttributes('a')).toMatchObject({
      label: 'Team "A"',
      kind: 'department',
      service: 0.8,
    });
    expect(graph.getEdgeAttributes('b&c')).toMatchObject({
      quality: 0.5,
      weight: 2,
      group: 'out',
    });
    expect(graph.getEdgeAttribute('a->b', 'carries')).toBe('goods');
    expect(graph.getNodeAttribute('c', 'sensitivity')).toBeUndefined();
  });

  it('is deterministic', () => {
    expect(toGraphml(report, model)).toBe(text);
    expect(toGexf(report, model)).toBe(toGexf(report, model));
  });
});
