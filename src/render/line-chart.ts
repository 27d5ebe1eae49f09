/**
 * A small static line chart in SVG, drawn by hand (docs/design.md, "Charts: hand-drawn SVG"): the
 * waves of `trend` and the daily curves of `dynamics`. Plain SVG text, no DOM, no script; every
 * label escaped; the same input gives the same bytes.
 */
import { escapeXml as x } from './escape.js';
import { formatCount, formatNumber } from './format.js';

/** One line: its name (the legend) and a y value per x position (null: no point there). */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** What a chart shows. */
export interface LineChartData {
  readonly title: string;
  /** The x value of each position (waves 0, 1, 2, ...; or days). */
  readonly x: readonly number[];
  /** Labels of the x positions (wave names); absent: x values as numbers on nice ticks. */
  readonly xLabels?: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly ChartSeries[];
  /** Dots at every point (few points, as waves); lines only otherwise. */
  readonly markers?: boolean;
}

/** The chart's size in pixels. */
export interface ChartSize {
  readonly width?: number;
  readonly height?: number;
}

/** Colours that stay apart for colour-blind readers (Okabe and Ito), then repeated. */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
const FONT = 'font-family="system-ui, sans-serif"';

/** Round tick values covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  // Whole multiples of the step, rounded to 12 significant digits: 0.55, never 0.5500000000000002.
  for (let k = Math.ceil(lo / step - 1e-9); k <= Math.floor(hi / step + 1e-9); k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** The y range: the data's, widened to round ticks, within [0, 1] for shares. */
function yRange(series: readonly ChartSeries[]): [number, number] {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.1, 0.01);
  lo = Math.max(0, lo - pad);
  hi = Math.min(1, hi + pad);
  if (hi <= lo) return [Math.max(0, lo - 0.05), Math.min(1, hi + 0.05)];
  return [lo, hi];
}

/** Estimated width of a label in pixels at 12px (no font metrics without a DOM). */
function labelWidth(label: string): number {
  return label.length * 6.8 + 22;
}

/** Legend rows: entries placed left to right, wrapping at `width`. */
function legend(series: readonly ChartSeries[], left: number, top: number, width: number) {
  const parts: string[] = [];
  let cx = left;
  let cy = top;
  series.forEach((s, i) => {
    const w = labelWidth(s.name);
    if (cx > left && cx + w > left + width) {
      cx = left;
      cy += 18;
    }
    const colour = COLOURS[i % COLOURS.length]!;
    parts.push(
      `<rect x="${cx}" y="${cy - 9}" width="12" height="4" fill="${colour}"/>`,
      `<text x="${cx + 16}" y="${cy - 3}" font-size="12" ${FONT} fill="#1c2833">${x(s.name)}</text>`,
    );
    cx += w;
  });
  return { svg: parts.join(''), bottom: cy + 6 };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The chart as one SVG element. */
export function lineChartSvg(data: LineChartData, size: ChartSize = {}): string {
  const width = Math.max(240, size.width ?? 640);
  const height = Math.max(160, size.height ?? 320);
  const margin = { left: 56, right: 24, top: 30 };
  const plotWidth = width - margin.left - margin.right;
  const legendBlock = legend(data.series, margin.left, 0, plotWidth);
  const legendHeight = legendBlock.bottom;
  const plotHeight = Math.max(60, height - margin.top - 48 - legendHeight);
  const [y0, y1] = yRange(data.series);
  const xs = data.x;
  const x0 = xs[0] ?? 0;
  const x1 = xs.length > 1 ? xs[xs.length - 1]! : x0 + 1;
  // Named positions (waves) sit inside the axis, so the first and last labels are not cut.
  const inset = data.xLabels !== undefined ? Math.min(40, plotWidth / 8) : 0;
  const px = (v: number) =>
    r2(margin.left + inset + ((v - x0) / (x1 - x0 || 1)) * (plotWidth - 2 * inset));
  const py = (v: number) => r2(margin.top + (1 - (v - y0) / (y1 - y0)) * plotHeight);
  const bottom = margin.top + plotHeight;
  const parts: string[] = [];
  for (const t of niceTicks(y0, y1, 5)) {
    parts.push(
      `<line x1="${margin.left}" y1="${py(t)}" x2="${margin.left + plotWidth}" y2="${py(t)}" stroke="#d5dbdf"/>`,
      `<text x="${margin.left - 6}" y="${py(t) + 4}" font-size="11" ${FONT} text-anchor="end" fill="#566573">${x(formatNumber(t, 2))}</text>`,
    );
  }
  const xTicks =
    data.xLabels !== undefined
      ? xs.map((v, i) => ({ v, label: data.xLabels![i] ?? '' }))
      : niceTicks(x0, x1, Math.max(2, Math.floor(plotWidth / 70))).map((v) => ({
          v,
          label: formatCount(v),
        }));
  for (const { v, label } of xTicks)
    parts.push(
      `<line x1="${px(v)}" y1="${bottom}" x2="${px(v)}" y2="${bottom + 4}" stroke="#566573"/>`,
      `<text x="${px(v)}" y="${bottom + 16}" font-size="11" ${FONT} text-anchor="middle" fill="#566573">${x(label)}</text>`,
    );
  parts.push(
    `<line x1="${margin.left}" y1="${bottom}" x2="${margin.left + plotWidth}" y2="${bottom}" stroke="#566573"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${bottom + 32}" font-size="12" ${FONT} text-anchor="middle" fill="#1c2833">${x(data.xTitle)}</text>`,
    `<text x="14" y="${margin.top + plotHeight / 2}" font-size="12" ${FONT} text-anchor="middle" fill="#1c2833" transform="rotate(-90 14 ${margin.top + plotHeight / 2})">${x(data.yTitle)}</text>`,
  );
  data.series.forEach((s, i) => {
    parts.push(seriesSvg(s, COLOURS[i % COLOURS.length]!, xs, px, py, data.markers === true));
  });
  const legendTop = bottom + 48;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${x(data.title)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="18" font-size="14" font-weight="600" ${FONT} fill="#1c2833">${x(data.title)}</text>`,
    ...parts,
    `<g transform="translate(0 ${legendTop})">${legendBlock.svg}</g>`,
    '</svg>',
  ].join('\n');
}

/** One series: polylines between consecutive points (a null breaks the line), dots if asked. */
function seriesSvg(
  s: ChartSeries,
  colour: string,
  xs: readonly number[],
  px: (v: number) => number,
  py: (v: number) => number,
  markers: boolean,
): string {
  const runs: string[][] = [[]];
  const dots: string[] = [];
  s.values.forEach((v, i) => {
    if (v === null || i >= xs.length) {
      if (runs[runs.length - 1]!.length > 0) runs.push([]);
      return;
    }
    runs[runs.length - 1]!.push(`${px(xs[i]!)},${py(v)}`);
    if (markers) dots.push(`<circle cx="${px(xs[i]!)}" cy="${py(v)}" r="3" fill="${colour}"/>`);
  });
  const lines = runs
    .filter((run) => run.length > 0)
    .map(
      (run) =>
        `<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`,
    );
  return `<g>${[...lines, ...dots].join('')}</g>`;
}
