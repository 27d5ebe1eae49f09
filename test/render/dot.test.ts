import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toDot } from '../../src/render/dot.js';
import { HOSTILE, tinyFixture } from './diagram-fixture.js';

/** Graphviz, where installed (it is not a dependency; CI skips this check). */
const HAS_DOT = spawnSync('dot', ['-V']).status === 0;

/** DOT source with every well-formed double-quoted string removed. */
function withoutStrings(source: string): string {
  return source.replace(/"(?:[^"\\\n]|\\.)*"/g, 'STR');
}

describe('toDot', () => {
  it('draws the tiny model', () => {
    const { report, model } = tinyFixture();
    expect(toDot(report, model)).toMatchInlineSnapshot(`
      "digraph service_chain {
        label="Tiny & <Co>";
        labelloc=t;
        rankdir=LR;
        fontname="Helvetica";
        node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=11];
        edge [fontname="Helvetica", fontsize=10];
        subgraph cluster_c0 {
          label="Operations";
          style=filled; fillcolor="#f7f9fa"; color="#d5dbdf";
          n1 [label="Alice\\nservice 1.00", tooltip="alice"];
          n2 [label="Bob\\nservice 0.60", tooltip="bob"];
        }
        subgraph cluster_s0 {
          label="Customers: end users";
          style=filled; fillcolor="#f7f9fa"; color="#d5dbdf";
          n3 [label="Shoppers\\nservice 0.43", tooltip="shop", shape=ellipse, fillcolor="#eaf2f8"];
        }
        subgraph cluster_s1 {
          label="Customers: suppliers";
          style=filled; fillcolor="#f7f9fa"; color="#d5dbdf";
          n4 [label="Supplier Ltd\\nservice 1.00", tooltip="sup", shape=ellipse, fillcolor="#eaf2f8"];
        }
        n0 [label="Sales\\nservice 0.54", tooltip="sales"];
        n1 -> n2 [label="0.60", color="#D55E00", fontcolor="#D55E00", penwidth=5, tooltip="alice->bob"];
        n2 -> n0 [label="0.90", color="#E69F00", fontcolor="#E69F00", penwidth=3.7, tooltip="bob->sales"];
        n0 -> n3 [label="0.80", color="#E69F00", fontcolor="#E69F00", penwidth=4, tooltip="sales->shop"];
        n1 -> n4 [label="1.00", color="#5d6d7e", fontcolor="#5d6d7e", penwidth=1, tooltip="alice->sup"];
        subgraph cluster_legend {
          label="Legend"; style=dashed; color="#aab7b8";
          legend0 [label="● Fix first: the largest fix gain", color="#D55E00", fillcolor="#fbe2d0", penwidth=2];
          legend1 [label="◇ Weakest link: caps what a customer can receive", color="#0072B2", fillcolor="#dcecf7", penwidth=2, style="rounded,filled,dashed"];
          legend2 [label="Next best to fix (fix gain)", color="#E69F00", fillcolor="#fdf1d6", penwidth=2];
          legend3 [label="Other link: label = quality, ↻ = on a loop, thicker = more sensitive", color="#5d6d7e", fillcolor="#ffffff", penwidth=2];
        }
      }
      "
    `);
  });

  it('nests employees in their department cluster and customers in segment clusters', () => {
    const { report, model } = tinyFixture();
    const source = toDot(report, model);
    expect(source).toMatch(
      /subgraph cluster_c0 \{\n {4}label="Operations";\n.*\n {4}n1 \[.*\n {4}n2 \[/,
    );
    expect(source).toMatch(/subgraph cluster_s0 \{\n {4}label="Customers: end users";/);
    expect(source).toMatch(/n3 \[label="Shoppers\\nservice 0\.43", tooltip="shop", shape=ellipse/);
  });

  it('marks the fix-first link vermilion, the next best orange, and widens lines by sensitivity', () => {
    const { report, model } = tinyFixture();
    const source = toDot(report, model);
    expect(source).toContain(
      'n1 -> n2 [label="0.60", color="#D55E00", fontcolor="#D55E00", penwidth=5',
    );
    expect(source).toContain('n2 -> n0 [label="0.90", color="#E69F00"');
    // sensitivity 0.48 of a largest 0.72: 1 + 4 * 0.48 / 0.72 = 3.67 -> 3.7
    expect(source).toContain('penwidth=3.7');
    expect(source).toContain(
      'n1 -> n4 [label="1.00", color="#5d6d7e", fontcolor="#5d6d7e", penwidth=1',
    );
  });

  it('escapes every model string so that only its own quotes delimit strings', () => {
    const { report, model } = tinyFixture(HOSTILE);
    const source = toDot(report, model);
    const bare = withoutStrings(source);
    expect(bare).not.toContain('"');
    expect(bare).not.toContain('__proto__');
    expect(source).toContain(
      'label="Ünïcødé 東京 & \\"quotes\\" \\\\N #35; `tick`\\nservice 1.00"',
    );
    expect(source).toContain('label="Shop]\\n\\"click\\" javascript:alert(1)\\nservice 0.43"');
    expect(source).toContain('tooltip="__proto__"');
    expect([...bare.matchAll(/^\s+(n\d+) \[/gm)].map((m) => m[1])).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
      'n0',
    ]);
  });

  it('merges hand-offs between departments at department level', () => {
    const { report, model } = tinyFixture();
    const source = toDot(report, model, { level: 'department' });
    expect(source).toContain(
      'n0 [label="● Operations\\nservice 0.80", tooltip="ops", color="#D55E00"',
    );
    expect(source).not.toContain('cluster_c0');
  });

  it.skipIf(!HAS_DOT)('is read by Graphviz, hostile names included', () => {
    for (const naming of [undefined, HOSTILE]) {
      const { report, model } = tinyFixture(naming);
      const result = spawnSync('dot', ['-Tsvg'], { input: toDot(report, model), encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
