/** toGexf / toGraphml: the hand-off graph with its scores, read back by graphology's parsers. */
// @xmldom/xmldom is what graphology-gexf and graphology-graphml parse with (their dependency).
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { validateModel } from '../../src/model/load.js';
import { xmlSafe } from '../../src/render/escape.js';
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
});

describe('ids and names XML cannot hold as they are', () => {
  const ids = [
    'x y',
    'x\ny',
    'x\ty',
    'x\r\ny',
    'a\u0000b',
    'c\u001bd',
    'e\u0007f',
    'g\ufffeh',
    'ok',
  ];
  const hostile = validateModel({
    version: 1,
    name: 'bell\u0007 & <tab>\t',
    departments: ids.map((id) => ({ id, name: `name of ${id}` })),
    customers: [{ id: 'cust' }],
    handoffs: ids.map((id) => ({ from: id, to: 'cust', quality: 0.9 })),
  }).model;
  const hostileReport = analyze(hostile);
  const expected = [...ids.map((id) => xmlSafe(id)), 'cust'];

  for (const [format, write, read] of [
    ['GEXF', toGexf, parseGexf],
    ['GraphML', toGraphml, parseGraphml],
  ] as const) {
    it(`${format}: well-formed for a strict XML parser, every id distinct and read back`, () => {
      const text = write(hostileReport, hostile);
      // xmldom 0.8 does not check the Char production of XML 1.0 itself: check it here, by the
      // allowed set (tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD, astral pairs).
      const outsideChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
      expect(outsideChar.exec(text)).toBeNull();
      // No raw tab or newline inside an attribute value (a parser reads them back as spaces).
      expect(/="[^"]*[\t\n\r][^"]*"/.exec(text)).toBeNull();
      const errors: string[] = [];
      const document = new DOMParser({
        errorHandler: (level: string, message: string) => {
          errors.push(`${level}: ${message}`);
        },
      }).parseFromString(text, 'text/xml');
      expect(errors).toEqual([]);
      expect(document.documentElement?.nodeName).toBe(format === 'GEXF' ? 'gexf' : 'graphml');
      const graph = read(MultiDirectedGraph, text);
      expect(graph.nodes()).toEqual(expected);
      expect(new Set(graph.nodes()).size).toBe(ids.length + 1);
      expect(graph.getNodeAttribute(xmlSafe('x\ny'), 'label')).toBe('name of x\ny');
      expect(graph.getNodeAttribute(xmlSafe('a\u0000b'), 'label')).toBe('name of a\\u0000b');
    });
  }

  it('spells what XML forbids as \\uXXXX, leaves the rest', () => {
    expect(xmlSafe('a\u0000b\u001b\ufffe\t\n')).toBe('a\\u0000b\\u001B\\uFFFE\t\n');
    expect(xmlSafe('\ud800x\ud83d\ude00')).toBe('\\uD800x\ud83d\ude00');
  });
});
