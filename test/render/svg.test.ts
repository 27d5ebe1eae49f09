import { describe, expect, it } from 'vitest';
import { routePath, toSvg } from '../../src/render/svg.js';
import { HOSTILE, tinyFixture } from './diagram-fixture.js';

/** Centre x of the node box with this generated key. */
function nodeX(svg: string, key: string): number {
  const match = new RegExp(
    `data-key="${key}"[^>]*><title>[^<]*</title><rect x="([\\d.]+)"[^>]* width="([\\d.]+)"`,
  ).exec(svg);
  if (match === null) throw new Error(`no node ${key}`);
  return Number(match[1]) + Number(match[2]) / 2;
}

describe('toSvg', () => {
  it('is one SVG document with a node per actor and customer and a path per hand-off', () => {
    const { report, model } = tinyFixture();
    const svg = toSvg(report, model);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/class="sc-node /g)).toHaveLength(5);
    expect(svg.match(/class="sc-edge /g)).toHaveLength(4);
    expect(svg.match(/class="sc-cluster /g)).toHaveLength(3);
    expect(svg).toContain('<g class="sc-legend"');
  });

  it('lays the chain out left to right (dagre ranks: alice, bob, sales, shop)', () => {
    const { report, model } = tinyFixture();
    const svg = toSvg(report, model);
    const [alice, bob, sales, shop] = ['n1', 'n2', 'n0', 'n3'].map((key) => nodeX(svg, key));
    expect(alice).toBeLessThan(bob!);
    expect(bob).toBeLessThan(sales!);
    expect(sales).toBeLessThan(shop!);
  });

  it('shows name and service in each box, quality on each arrow, colours by highlight', () => {
    const { report, model } = tinyFixture();
    const svg = toSvg(report, model);
    expect(svg).toContain('>Bob</tspan></text><text');
    expect(svg).toContain('>service 0.60</text>');
    expect(svg).toMatch(
      /class="sc-edge sc-fixFirst" data-key="e0">.*stroke="#D55E00" stroke-width="5".*>0\.60<\/text>/,
    );
    expect(svg).toMatch(
      /class="sc-edge sc-fix" data-key="e1">.*stroke="#E69F00" stroke-width="3\.7"/,
    );
    expect(svg).toMatch(
      /class="sc-edge sc-none" data-key="e3">.*stroke="#5d6d7e" stroke-width="1"/,
    );
  });

  it('escapes model strings in text and attributes', () => {
    const { report, model } = tinyFixture(HOSTILE);
    const svg = toSvg(report, model);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    const tags = svg.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /onerror|onmouseover/.test(tag))).toEqual([]);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('Sup&#39; onmouseover=&#39;alert(1)');
    expect(svg).toContain('<title>__proto__-&gt;shop&lt;1&gt;: quality 0.80');
    // Every tag is ours: after removing them, no markup characters remain.
    const text = svg.replace(/<[a-zA-Z/][^<>]*>/g, '');
    expect(text).not.toMatch(/[<>]/);
  });

  it('replaces characters XML forbids', () => {
    const { report, model } = tinyFixture();
    const bad = {
      ...report,
      actors: report.actors.map((a, i) => (i === 2 ? { ...a, name: 'A\u0000B\u001bC' } : a)),
    };
    expect(toSvg(bad, model)).toContain('A\uFFFDB\uFFFDC');
  });

  it('draws department level with merged arrows', () => {
    const { report, model } = tinyFixture();
    const svg = toSvg(report, model, { level: 'department' });
    expect(svg.match(/class="sc-node /g)).toHaveLength(4);
    expect(svg).toContain('class="sc-node sc-department sc-fixFirst" data-key="n0"');
  });
});

describe('routePath', () => {
  // Hand-traced: a straight run stays a line; a corner is cut 5 units before and after its point.
  it('draws level runs and height changes with rounded corners', () => {
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ]),
    ).toBe('M0,0L10,0');
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 30 },
        { x: 40, y: 30 },
      ]),
    ).toBe('M0,0L15,0Q20,0 20,5L20,25Q20,30 25,30L40,30');
    // A corner between short runs is cut by half the shorter run.
    expect(
      routePath([
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 10 },
      ]),
    ).toBe('M0,0L2,0Q4,0 4,2L4,10');
  });
});
