/**
 * The HTML report's Monte Carlo section in headless Chromium (docs/uncertainty.md, "Monte
 * Carlo"): S, every customer's service and the listed links' fix gains each drawn as an interval
 * bar, with a text alternative that says the figures in words; no script error, no request. The
 * section's screenshot goes to test/artifacts/uncertainty-section.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { uncertainty } from '../../src/analysis/uncertainty.js';
import type { UncertaintyReport } from '../../src/analysis/uncertainty-report.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { DOCUMENT_DEFAULTS } from '../../src/render/document.js';
import { formatNumber } from '../../src/render/format.js';
import { toHtml } from '../../src/render/html.js';
import {
  ARTIFACTS,
  AVAILABLE,
  type Incidents,
  launch,
  open,
  REQUIRED,
  writeArtifact,
} from './chromium.js';

describe.skipIf(!AVAILABLE && !REQUIRED)('HTML report: uncertainty in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let incidents: Incidents;
  let result: UncertaintyReport;

  beforeAll(async () => {
    browser = await launch();
    const { model } = await loadModelFile(
      join(import.meta.dirname, '..', '..', 'examples', 'call-centre.yaml'),
    );
    result = uncertainty(model, { samples: 400 });
    const html = toHtml(analyze(model), model, { uncertainty: result });
    ({ page, incidents } = await open(browser, writeArtifact('uncertainty-report.html', html)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a visible bar for S, every customer and every listed link', async () => {
    const section = page.locator('#sc-uncertainty');
    await expect(section.isVisible()).resolves.toBe(true);
    const bars = section.locator('svg.sc-interval');
    const { top } = DOCUMENT_DEFAULTS;
    const customers = result.customers.slice(0, top).filter((c) => c.service !== null).length;
    expect(await bars.count()).toBe(1 + customers + Math.min(top, result.links.length));
    for (let i = 0; i < (await bars.count()); i += 1) {
      const box = await bars.nth(i).boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(8);
    }
    await section.screenshot({ path: join(ARTIFACTS, 'uncertainty-section.png') });
  });

  it('says each bar in words: the interval, the mean and the point figure', async () => {
    const label = await page
      .locator('#sc-uncertainty-score svg.sc-interval')
      .getAttribute('aria-label');
    const score = result.score!;
    expect(label).toContain(
      `90% interval ${formatNumber(score.low)} to ${formatNumber(score.high)}`,
    );
    expect(label).toContain(`mean ${formatNumber(score.mean)}`);
    expect(label).toContain('point analysis');
    const first = await page.locator('#sc-uncertainty-links tbody tr').first().textContent();
    expect(first).toContain(formatNumber(result.links[0]!.fixGain!.mean));
  });

  it('runs no script error and makes no request', () => {
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
  });
});
