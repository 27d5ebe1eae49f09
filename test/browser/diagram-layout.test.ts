/**
 * The SVG diagram in headless Chromium at 15, 60 and 300 boxes: with the browser's own text
 * measure, every name fits its box and every quality label its tag (the layout only estimates
 * text widths), and nothing is requested. Screenshots (whole, and at real size) go to
 * test/artifacts for a person to look at. Required when CI=true; elsewhere skipped without Chromium.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { analyze } from '../../src/analysis/analyze.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { Model } from '../../src/model/schema.js';
import { buildDiagram } from '../../src/render/diagram.js';
import { diagramSvg } from '../../src/render/svg.js';
import { organisation } from '../render/layout-models.js';
import { ARTIFACTS, AVAILABLE, launch, open, REQUIRED, writeArtifact } from './chromium.js';

/** What the page measured that does not fit: text wider than its box. */
async function overflows(browser: Browser, name: string, svg: string) {
  const file = writeArtifact(`${name}.html`, `<!doctype html><body style="margin:0">${svg}</body>`);
  const { page, incidents } = await open(browser, file, { width: 1400 });
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const fits = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
    for (const g of Array.from(document.querySelectorAll('.sc-node, .sc-edge'))) {
      const rect = g.querySelector('rect')!.getBoundingClientRect();
      const text = g.querySelector('text')!.getBoundingClientRect();
      if (!fits(text, rect))
        out.push(`${g.getAttribute('data-key')}: ${text.width} in ${rect.width}`);
    }
    return out;
  });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-real-size.png`) });
  const size = await page.evaluate(() => {
    const svg = document.querySelector('svg')!;
    return { width: svg.width.baseVal.value, height: svg.height.baseVal.value };
  });
  // The whole picture, shrunk to at most 3,000 px a side.
  const scale = Math.min(1, 3000 / size.width, 3000 / size.height);
  await page.setViewportSize({
    width: Math.ceil(size.width * scale),
    height: Math.ceil(size.height * scale),
  });
  await page.evaluate((s) => {
    document.body.style.zoom = String(s);
  }, scale);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  await page.close();
  return { found, incidents };
}

function svgOf(model: Model): string {
  return diagramSvg(buildDiagram(analyze(model), model));
}

describe.skipIf(!AVAILABLE && !REQUIRED)('the diagram in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const cases: [string, () => Promise<Model>][] = [
    [
      'diagram-15-retail',
      async () =>
        (await loadModelFile(join(import.meta.dirname, '..', '..', 'examples', 'retail.yaml')))
          .model,
    ],
    ['diagram-60-organisation', async () => organisation(55, 8)],
    ['diagram-300-generated', async () => generateOrganisation({ actors: 300 })],
  ];
  for (const [name, model] of cases) {
    it(`${name}: every name fits its box, every label its tag, no request`, async () => {
      const { found, incidents } = await overflows(browser, name, svgOf(await model()));
      expect(found).toEqual([]);
      expect(incidents.requests).toEqual([]);
      expect(incidents.errors).toEqual([]);
    });
  }
});
