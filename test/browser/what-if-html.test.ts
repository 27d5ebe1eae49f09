/**
 * What-if and plan pages (src/render/html-document.ts) in headless Chromium, from file://: they
 * render, log no error, fetch nothing and run no injected script; screenshots at 400 and 1400
 * pixels go to test/artifacts/. Required when CI=true; elsewhere skipped without Chromium.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCandidates, plan } from '../../src/analysis/plan.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { parseModel, validateModel } from '../../src/model/load.js';
import { renderPlan } from '../../src/render/plan-document.js';
import { renderWhatIf } from '../../src/render/what-if-document.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const REQUIRED = process.env.CI === 'true';
const AVAILABLE = existsSync(CHROMIUM);
const examples = join(import.meta.dirname, '..', '..', 'examples');

function write(name: string, html: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  writeFileSync(file, html);
  return file;
}

const { model: kitchens } = parseModel(readFileSync(join(examples, 'kitchens.yaml'), 'utf8'));
const file = parseCandidates(
  readFileSync(join(examples, 'kitchens-candidates.yaml'), 'utf8'),
  kitchens,
);
const planHtml = renderPlan(
  plan(kitchens, { candidates: file.candidates, budget: 20_000 }),
  'html',
);

const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const { model: hostileModel } = validateModel({
  version: 1,
  departments: [{ id: 'desk', name: hostile, performance: 0.5 }],
  customers: [{ id: 'c', name: hostile }],
  handoffs: [{ from: 'desk', to: 'c', quality: 0.8 }],
});
const whatIfHtml = renderWhatIf(
  whatIf(hostileModel, { name: hostile, changes: [{ actor: 'desk', set: { performance: 0.9 } }] }),
  'html',
  {},
  hostileModel,
);

describe.skipIf(!AVAILABLE && !REQUIRED)('what-if and plan pages in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!AVAILABLE) throw new Error(`CI=true but ${CHROMIUM} is missing: install chromium`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['plan', planHtml, 'Improvement plan'],
    ['what-if', whatIfHtml, `What-if: ${hostile}`],
  ])('the %s page renders with no error, request or dialog', async (name, html, title) => {
    const path = write(`${name}.html`, html);
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    for (const width of [400, 1400]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.route('**/*', (route) => {
        if (route.request().url() === pathToFileURL(path).href) return route.continue();
        requests.push(route.request().url());
        return route.abort();
      });
      await page.goto(pathToFileURL(path).href);
      expect(await page.textContent('h1')).toBe(title);
      expect(await page.locator('table').count()).toBeGreaterThan(0);
      // Nothing wider than the viewport but the tables' own scroll boxes.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
      await page.close();
    }
    expect({ errors, requests, dialogs }).toEqual({ errors: [], requests: [], dialogs: [] });
  });

  it('the plan page shows the best mix and what greedy would have bought', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(write('plan.html', planHtml)).href);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('exact: best of 2^4 = 16 combinations');
    expect(body).toContain('would spend 8,600 for +0.1040 and leave 11,400 unspent');
    await page.close();
  });
});
