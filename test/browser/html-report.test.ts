/**
 * The HTML report in headless Chromium, opened from file://: what a reader sees and clicks, and
 * that hostile names run nothing. Required when CI=true; elsewhere skipped without /usr/bin/chromium.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import type { Report } from '../../src/analysis/report.js';
import { validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { Model } from '../../src/model/schema.js';
import { buildDiagram } from '../../src/render/diagram.js';
import { formatNumber } from '../../src/render/format.js';
import { toHtml } from '../../src/render/html.js';
import { example, runCli } from '../cli/cli-run.js';
import { hostileModelInput } from '../fixtures/hostile-model.js';
import {
  ARTIFACTS,
  AVAILABLE,
  type Incidents,
  launch,
  open,
  REQUIRED,
  writeArtifact,
} from './chromium.js';

/** The hostile model, its ids printable so that the page can be checked for exact text. */
function hostileModel(): Model {
  return validateModel(hostileModelInput()).model;
}

describe.skipIf(!AVAILABLE && !REQUIRED)('HTML report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('examples/retail.yaml', () => {
    let report: Report;
    let model: Model;
    let page: Page;
    let incidents: Incidents;

    beforeAll(async () => {
      ({ model } = await loadModelFile(
        join(import.meta.dirname, '..', '..', 'examples', 'retail.yaml'),
      ));
      report = analyze(model);
      ({ page, incidents } = await open(
        browser,
        writeArtifact('retail-report.html', toHtml(report, model)),
      ));
    });

    it('shows the organisation score, every customer and every box of the diagram', async () => {
      await expect(page.locator('#sc-score').isVisible()).resolves.toBe(true);
      expect(await page.locator('#sc-score').textContent()).toContain(formatNumber(report.score));
      const rows = page.locator('#sc-customers tbody tr');
      expect(await rows.count()).toBe(report.customers.length);
      for (const [index, customer] of report.customers.entries()) {
        await expect(rows.nth(index).isVisible()).resolves.toBe(true);
        expect(await rows.nth(index).locator('td').first().textContent()).toBe(customer.name);
      }
      const nodes = page.locator('svg .sc-node');
      expect(await nodes.count()).toBe(buildDiagram(report, model).nodes.length);
      for (let i = 0; i < (await nodes.count()); i += 1) {
        await expect(nodes.nth(i).isVisible()).resolves.toBe(true);
      }
      expect(await page.locator('svg .sc-edge.sc-weakest').count()).toBeGreaterThan(0);
    });

    it('shows a clicked box’s figures in the side panel', async () => {
      const warehouse = buildDiagram(report, model).nodes.find((n) => n.id === 'warehouse')!;
      const actor = report.actors.find((a) => a.id === 'warehouse')!;
      await page.click(`svg .sc-node[data-key="${warehouse.key}"]`);
      const panel = page.locator('#sc-panel');
      expect(await panel.locator('h3').textContent()).toBe('Warehouse');
      const figures = Object.fromEntries(
        await panel
          .locator('dl > div')
          .evaluateAll((divs) =>
            divs.map((d) => [
              d.querySelector('dt')?.textContent,
              d.querySelector('dd')?.textContent,
            ]),
          ),
      );
      expect(figures).toMatchObject({
        Service: formatNumber(actor.service),
        'Chain strength': formatNumber(actor.chainStrength),
        Sensitivity: formatNumber(actor.sensitivity),
        'Failure loss': formatNumber(actor.failureLoss),
        'Customers reached': String(actor.customersReached),
      });
      expect(figures['Fix gain']).toContain(formatNumber(actor.fixGain));
    });

    it('sorts the links by a column when its header is clicked', async () => {
      const values = () =>
        page
          .locator('#sc-links tbody tr')
          .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-failure-loss'))));
      await page.click('#sc-links th[data-sort="failure-loss"] button');
      const descending = await values();
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      expect(
        await page.locator('#sc-links th[data-sort="failure-loss"]').getAttribute('aria-sort'),
      ).toBe('descending');
      await page.click('#sc-links th[data-sort="failure-loss"] button');
      const ascending = await values();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      await page.click('#sc-links th[data-sort="fix-gain"] button');
      const gains = await page
        .locator('#sc-links tbody tr')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-fix-gain'))));
      expect(gains).toEqual([...gains].sort((a, b) => b - a));
    });

    it('made no request, logged no error and opened no dialog; saves a screenshot', async () => {
      await page.screenshot({ path: join(ARTIFACTS, 'retail-report.png'), fullPage: true });
      expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    });
  });

  it('shows the money section when the money view is given (analyze --money)', async () => {
    const { model } = await loadModelFile(
      join(import.meta.dirname, '..', '..', 'examples', 'retail.yaml'),
    );
    const html = toHtml(analyze(model), model, { money: businessImpact(model) });
    const { page, incidents } = await open(
      browser,
      writeArtifact('retail-money-report.html', html),
    );
    await expect(page.locator('#sc-money').isVisible()).resolves.toBe(true);
    expect(await page.locator('#sc-money h2').textContent()).toBe('Money at risk');
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
  });

  it('opens `analyze --level department` at the department level, a click away from the actors', async () => {
    const run = runCli(
      'analyze',
      example('retail.yaml'),
      '--format',
      'html',
      '--level',
      'department',
    );
    expect(run.status).toBe(0);
    const { page, incidents } = await open(
      browser,
      writeArtifact('retail-departments-report.html', run.stdout),
    );
    await page.waitForSelector('html[data-ready="true"]');
    const departments = page.locator('.x-view[data-level="department"]');
    const actors = page.locator('.x-view[data-level="actor"]');
    expect(await departments.isVisible()).toBe(true);
    expect(await actors.isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'retail-departments-report.png') });
    await departments.locator('.sc-node', { hasText: 'Operations' }).click();
    expect(await actors.isVisible()).toBe(true);
    expect(await actors.locator('.sc-node', { hasText: 'Warehouse' }).isVisible()).toBe(true);
    // The department's panel: its figures as the roll-up gives them.
    expect(await page.locator('#sc-panel h3').textContent()).toBe('Operations');
    expect(await page.locator('#sc-departments').isVisible()).toBe(true);
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
  });

  describe('a model with hostile names', () => {
    it('shows every name as text and runs none of it', async () => {
      const model = hostileModel();
      const report = analyze(model);
      const { page, incidents } = await open(
        browser,
        writeArtifact('hostile-report.html', toHtml(report, model)),
      );
      for (const node of await page.locator('svg .sc-node').all()) await node.click();
      await page.locator('svg .sc-edge').first().click({ force: true });
      await page.click('#sc-links th[data-sort="sensitivity"] button');
      const count = (selector: string) => page.locator(selector).count();
      const injected = {
        scripts: await count('script'),
        images: await count('img'),
        bold: await count('b'),
        svgs: await count('svg'),
        handlers: await count('[onerror], [onload], [onmouseover]'),
      };
      expect(injected).toEqual({ scripts: 2, images: 0, bold: 0, svgs: 1, handlers: 0 });
      expect(await page.locator('h1').textContent()).toBe('<img src=x onerror=alert("name")>');
      const names = await page.locator('#sc-customers tbody td:first-child').allTextContents();
      expect(names).toEqual(["' onmouseover='alert(4)", '<b>bold</b>&amp; \u2028 line']);
      const proto = buildDiagram(report, model).nodes.find((n) => n.id === '__proto__')!;
      await page.click(`svg .sc-node[data-key="${proto.key}"]`);
      expect(await page.locator('#sc-panel h3').textContent()).toBe(
        '</script><script>alert(1)</script>',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'hostile-report.png'), fullPage: true });
      expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    });
  });
});
