/**
 * Diagram layout time (`npx tsx bench/layout.ts`): layoutDiagram and the whole SVG for the retail
 * example and generated organisations of about 60, 300 and 1,000 boxes, best of three runs each.
 * The 300- and 1,000-box organisations of generateOrganisation have more arrows than dagre takes
 * (DAGRE_EDGE_LIMIT), so they get the plain layered ordering; so do test/render/layout-models.ts's
 * organisations of 290 and 1,000 actors, the one of 140 actors just under it gets dagre's.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyze } from '../src/analysis/analyze.js';
import type { Model } from '../src/model/schema.js';
import { buildDiagram } from '../src/render/diagram.js';
import { layoutDiagram } from '../src/render/layout.js';
import { diagramSvg } from '../src/render/svg.js';
import { organisation } from '../test/render/layout-models.js';
import { generateOrganisation } from './generate.js';

function best(run: () => void, times = 3): number {
  let fastest = Infinity;
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const cases: [string, () => Model][] = [
  ['examples/retail.yaml', () => parse(readFileSync('examples/retail.yaml', 'utf8')) as Model],
  ['organisation(55, 8)', () => organisation(55, 8)],
  ['organisation(140, 12)', () => organisation(140, 12)],
  ['organisation(290, 20)', () => organisation(290, 20)],
  ['generateOrganisation 300', () => generateOrganisation({ actors: 300 })],
  ['organisation(1000, 40)', () => organisation(1000, 40)],
  ['generateOrganisation 1000', () => generateOrganisation({ actors: 1000 })],
];
const only = process.argv[2];
console.log('| model | boxes | arrows | ordering | layout ms | SVG ms | SVG size |');
console.log('| --- | ---: | ---: | --- | ---: | ---: | --- |');
for (const [name, make] of cases) {
  if (only !== undefined && !name.includes(only)) continue;
  const model = make();
  const diagram = buildDiagram(analyze(model), model);
  const layout = layoutDiagram(diagram);
  const layoutMs = best(() => layoutDiagram(diagram));
  let svg = '';
  const svgMs = best(() => {
    svg = diagramSvg(diagram);
  });
  const ordering = layout.fallback === null ? 'dagre' : 'plain';
  console.log(
    `| ${name} | ${diagram.nodes.length} | ${diagram.edges.length} | ${ordering} | ${Math.round(layoutMs)} | ${Math.round(svgMs)} | ${layout.width}x${layout.height}, ${Math.round(svg.length / 1024)} KiB |`,
  );
}
