/** The hand-drawn SVG line chart of trend and dynamics. */
import { describe, expect, it } from 'vitest';
import { lineChartSvg, niceTicks } from '../../src/render/line-chart.js';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0.4, 0.6, 4)).toEqual([0.4, 0.45, 0.5, 0.55, 0.6]);
    expect(niceTicks(0, 36, 8)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(niceTicks(3, 3, 5)).toEqual([3]);
  });
});

describe('lineChartSvg', () => {
  const svg = lineChartSvg(
    {
      title: 'A <b>',
      x: [0, 1, 2],
      xLabels: ['Q1', 'Q2', 'Q3'],
      xTitle: 'Wave',
      yTitle: 'Service',
      markers: true,
      series: [
        { name: 'S & co', values: [0.4, null, 0.6] },
        { name: 'Other', values: [0.5, 0.5, 0.5] },
      ],
    },
    { width: 400, height: 250 },
  );

  it('escapes every label', () => {
    expect(svg).toContain('A &lt;b&gt;');
    expect(svg).toContain('S &amp; co');
    expect(svg).not.toContain('<b>');
  });

  it('breaks a line at a missing point and dots every point', () => {
    // S: two one-point runs (a null between), Other: one run of three.
    expect(svg.match(/<polyline/g)).toHaveLength(3);
    expect(svg.match(/<circle/g)).toHaveLength(5);
  });

  it('has the size asked for', () => {
    expect(svg).toContain('viewBox="0 0 400 250"');
  });
});
