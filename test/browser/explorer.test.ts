/**
 * The explorer in the HTML report, in headless Chromium, opened from file://: a slider, a break
 * toggle, an added hand-off, the scenario copied out and run by the CLI, the fragment reopening
 * the same state, keyboard use, the recompute time of a 500-node model, and hostile names in the
 * controls. The figures are checked against `whatIf` and the CLI's `what-if`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../bench/generate.js';
import { analyze } from '../../src/analysis/analyze.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { Model } from '../../src/model/schema.js';
import { buildDiagram } from '../../src/render/diagram.js';
import { toExplorer } from '../../src/render/explorer/explorer.js';
import { example, runCli } from '../cli/cli-run.js';
import { departmentsModel } from '../fixtures/departments-model.js';
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

/** The score shown, as the page writes it (it starts with the score to three decimals). */
async function shownScore(page: Page): Promise<string> {
  return ((await page.textContent('[data-role="score"]')) ?? '').slice(0, 5);
}

function scoreAfter(model: Model, changes: unknown[]): string {
  return whatIf(model, { changes: changes as never }).score.after!.toFixed(3);
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]');
}

describe.skipIf(!AVAILABLE && !REQUIRED)('the explorer in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('examples/retail.yaml', () => {
    let model: Model;
    let file: string;
    let page: Page;
    let incidents: Incidents;

    beforeAll(async () => {
      ({ model } = await loadModelFile(example('retail.yaml')));
      file = writeArtifact('retail-explorer.html', toExplorer(analyze(model), model));
      ({ page, incidents } = await open(browser, file));
      await ready(page);
    });

    it('shows the score as analysed until something is moved', async () => {
      expect(await shownScore(page)).toBe(analyze(model).score!.toFixed(3));
    });

    it('moves warehouse -> dispatch to 0.95 and shows what-if’s score', async () => {
      await page
        .locator('input[data-link="warehouse->dispatch"][data-field="quality"]')
        .fill('0.95');
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [{ handoff: 'warehouse->dispatch', set: { quality: 0.95 } }]),
      );
      const cli = runCli(
        'what-if',
        example('retail.yaml'),
        '--set',
        'warehouse->dispatch.quality=0.95',
      );
      expect(cli.status).toBe(0);
      expect(/^S: \S+ -> (\S+)/m.exec(cli.stdout)?.[1]).toBe(await shownScore(page));
      // Before -> after per customer, beside the report's own figures.
      const shoppers = page.locator('#sc-customers tr[data-customer="shoppers"]');
      const result = whatIf(model, {
        changes: [{ handoff: 'warehouse->dispatch', set: { quality: 0.95 } }],
      });
      const after = result.customers.find((c) => c.id === 'shoppers')!.service.after!;
      expect(await shoppers.locator('[data-role="service-now"]').textContent()).toBe(
        after.toFixed(3),
      );
      expect(await shoppers.locator('[data-role="service-now"]').isVisible()).toBe(true);
      // The side panel adds the figures now to the figures as modelled.
      const panelFigures = async () =>
        Object.fromEntries(
          await page
            .locator('#sc-panel dl > div')
            .evaluateAll((divs) =>
              divs.map((d) => [
                d.querySelector('dt')?.textContent,
                d.querySelector('dd')?.textContent,
              ]),
            ),
        );
      const diagram = buildDiagram(analyze(model), model);
      const customerKey = diagram.nodes.find((n) => n.id === 'shoppers')!.key;
      await page.click(`.x-view[data-level="actor"] .sc-node[data-key="${customerKey}"]`);
      expect(await panelFigures()).toMatchObject({ 'Service now': after.toFixed(3) });
      const edgeKey = diagram.edges.find((e) => e.handoffs[0] === 'warehouse->dispatch')!.key;
      // Its centre may lie under a box: the arrow itself is clicked.
      await page
        .locator(`.x-view[data-level="actor"] .sc-edge[data-key="${edgeKey}"]`)
        .dispatchEvent('click');
      expect(await panelFigures()).toMatchObject({ Quality: '0.750', 'Quality now': '0.950' });
      await page.screenshot({ path: join(ARTIFACTS, 'retail-explorer.png'), fullPage: true });
    });

    it('stacks a break toggle onto the change', async () => {
      await page.click(
        'button[data-action="break"][data-link="call-centre"][data-field="welfare"]',
      );
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [
          { handoff: 'warehouse->dispatch', set: { quality: 0.95 } },
          { actor: 'call-centre', set: { welfare: 0 } },
        ]),
      );
    });

    it('adds a hand-off and recomputes as what-if does', async () => {
      await page.selectOption('#sc-add-from', 'online');
      await page.selectOption('#sc-add-to', 'shoppers');
      await page.fill('#sc-add-quality', '0.9');
      await page.click('button[data-action="add"]');
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [
          { handoff: 'warehouse->dispatch', set: { quality: 0.95 } },
          { actor: 'call-centre', set: { welfare: 0 } },
          { add: { handoff: { from: 'online', to: 'shoppers', quality: 0.9 } } },
        ]),
      );
      expect(await page.textContent('#sc-added')).toContain(
        'Online shop → Store shoppers, quality 0.90',
      );
      // Drawn on the diagram (a dotted arrow of its own, not laid out with the others).
      const drawn = page.locator('.x-view[data-level="actor"] .x-added-edge');
      expect(await drawn.count()).toBe(1);
      expect(await drawn.locator('text').textContent()).toBe('added 0.90');
      expect(await drawn.locator('title').textContent()).toBe(
        'Online shop → Store shoppers (added), quality 0.90',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'retail-explorer-added.png'), fullPage: true });
      // Its own slider moves its quality, as what-if would.
      const added = page.locator('input[data-action="added-quality"]');
      await added.fill('0.4');
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [
          { handoff: 'warehouse->dispatch', set: { quality: 0.95 } },
          { actor: 'call-centre', set: { welfare: 0 } },
          { add: { handoff: { from: 'online', to: 'shoppers', quality: 0.4 } } },
        ]),
      );
      expect(await page.textContent('#sc-added')).toContain(
        'Online shop → Store shoppers, quality 0.40',
      );
      expect(await drawn.locator('text').textContent()).toBe('added 0.40');
      await added.fill('0.9');
      // A pair the model already has is refused with a plain message, and changes nothing.
      const before = await shownScore(page);
      await page.selectOption('#sc-add-from', 'warehouse');
      await page.selectOption('#sc-add-to', 'dispatch');
      await page.click('button[data-action="add"]');
      expect(await page.textContent('#sc-add-status')).toBe(
        'Warehouse already hands off to Dispatch: use its slider.',
      );
      expect(await shownScore(page)).toBe(before);
    });

    it('writes the scenario as YAML that the CLI runs to the same score', async () => {
      const yaml = (await page.textContent('[data-role="scenario-yaml"]')) ?? '';
      const scenario = join(mkdtempSync(join(tmpdir(), 'explorer-')), 'scenario.yaml');
      writeFileSync(scenario, yaml);
      const run = runCli(
        'what-if',
        example('retail.yaml'),
        '--scenario',
        scenario,
        '--format',
        'json',
      );
      expect(run.status).toBe(0);
      const score = JSON.parse(run.stdout).score.after as number;
      expect(score.toFixed(3)).toBe(await shownScore(page));
      expect(yaml).toContain('add: { handoff: { from: "online", to: "shoppers", quality: 0.9 } }');
    });

    it('copies the scenario to the clipboard', async () => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.click('#sc-copy');
      await page.waitForFunction(
        () => document.getElementById('sc-copy-status')?.textContent !== '',
      );
      expect(await page.textContent('#sc-copy-status')).toBe('Copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await page.textContent('[data-role="scenario-yaml"]'),
      );
    });

    it('reopens in the same state from the address', async () => {
      const fragment = new URL(page.url()).hash;
      expect(fragment).toMatch(/^#set=/);
      const again = await open(browser, file, { fragment });
      await ready(again.page);
      expect(await shownScore(again.page)).toBe(await shownScore(page));
      const slider = again.page.locator(
        'input[data-link="warehouse->dispatch"][data-field="quality"]',
      );
      expect(await slider.inputValue()).toBe('0.95');
      expect(await again.page.textContent('#sc-added')).toContain('Online shop → Store shoppers');
      expect(again.incidents).toEqual({ errors: [], requests: [], dialogs: [] });
      await again.page.close();
    });

    it('resets every change, back to the report as analysed', async () => {
      await page.click('#sc-reset');
      expect(await shownScore(page)).toBe(analyze(model).score!.toFixed(3));
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.locator('[data-role="service-now"]').first().isVisible()).toBe(false);
      expect(await page.locator('svg.sc-live').count()).toBe(0);
    });

    it('is worked with the keyboard alone, every control labelled', async () => {
      const unlabelled = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll('#sc-explore input, #sc-explore select, #sc-explore button'),
        )
          .filter((el) => {
            const label =
              el.getAttribute('aria-label') ??
              (el.id === '' ? null : document.querySelector(`label[for="${el.id}"]`)?.textContent);
            return (label ?? el.textContent ?? '').trim() === '';
          })
          .map((el) => el.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      const slider = page.locator('input[data-link="warehouse->dispatch"][data-field="quality"]');
      expect(await slider.getAttribute('aria-label')).toBe('Quality of Warehouse -> Dispatch');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [{ handoff: 'warehouse->dispatch', set: { quality: 0.76 } }]),
      );
      // Tab goes on to the row's Break button; Space presses it.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
        'break',
      );
      await page.keyboard.press('Space');
      expect(await shownScore(page)).toBe(
        scoreAfter(model, [{ handoff: 'warehouse->dispatch', set: { quality: 0 } }]),
      );
      await page.click('#sc-reset');
    });

    it('reads at a phone’s width', async () => {
      const small = await open(browser, file, { width: 400 });
      await ready(small.page);
      await small.page.screenshot({
        path: join(ARTIFACTS, 'retail-explorer-400.png'),
        fullPage: true,
      });
      expect(small.incidents.errors).toEqual([]);
      await small.page.close();
    });

    it('made no request, raised no error and opened no dialog', () => {
      expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    });
  });

  it('recomputes a 500-node model in under 50 ms (the median of seven changes)', async () => {
    const model = generateOrganisation({ actors: 460, customers: 40, seed: 7 });
    const checked = validateModel(model).model;
    const file = writeArtifact('explorer-500.html', toExplorer(analyze(checked), checked));
    const { page, incidents } = await open(browser, file);
    await ready(page);
    const slider = page.locator('input[data-link="a0"][data-field="performance"]');
    // Three changes first: the page's script is compiled by V8 as a user starts to move things.
    for (const value of ['0.6', '0.1', '1']) await slider.fill(value);
    const times: number[] = [];
    for (const value of ['0.5', '0.2', '0.9', '0.4', '0.7', '0.3', '0.8']) {
      await page.locator('input[data-link="a0"][data-field="performance"]').fill(value);
      times.push(Number(await page.getAttribute('#sc-timing', 'data-ms')));
    }
    const median = [...times].sort((a, b) => a - b)[3]!;
    console.log(`explorer recompute, 500 nodes: ${times.map((t) => t.toFixed(2)).join(', ')} ms`);
    expect(median).toBeLessThan(50);
    expect(await shownScore(page)).toBe(
      scoreAfter(checked, [{ actor: 'a0', set: { performance: 0.8 } }]),
    );
    // With a hand-off added, the model with it is compiled once; each slider move after that
    // propagates it in full, as whatIf does for a structural change.
    const to = await page.inputValue('#sc-add-to');
    await page.selectOption('#sc-add-from', 'a1');
    await page.click('button[data-action="add"]');
    expect(await page.textContent('#sc-add-status')).toBe('');
    const added: number[] = [];
    for (const value of ['0.5', '0.2', '0.9', '0.4', '0.7', '0.3', '0.6']) {
      await slider.fill(value);
      added.push(Number(await page.getAttribute('#sc-timing', 'data-ms')));
    }
    console.log(
      `explorer recompute, 500 nodes, one hand-off added: ${added.map((t) => t.toFixed(2)).join(', ')} ms`,
    );
    expect([...added].sort((a, b) => a - b)[3]!).toBeLessThan(50);
    expect(await shownScore(page)).toBe(
      scoreAfter(checked, [
        { actor: 'a0', set: { performance: 0.6 } },
        { add: { handoff: { from: 'a1', to, quality: 0.9 } } },
      ]),
    );
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it('opens a 300-actor model at the department level and zooms into a department', async () => {
    const model = validateModel(departmentsModel()).model;
    const file = writeArtifact('explorer-departments.html', toExplorer(analyze(model), model));
    const { page, incidents } = await open(browser, file);
    await ready(page);
    const departmentView = page.locator('.x-view[data-level="department"]');
    const actorView = page.locator('.x-view[data-level="actor"]');
    expect(await departmentView.isVisible()).toBe(true);
    expect(await actorView.isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-departments.png') });
    const fullBox = await actorView.locator('svg').getAttribute('viewBox');
    await departmentView.locator('.sc-node', { hasText: 'Department 12' }).click();
    expect(await actorView.isVisible()).toBe(true);
    const framed = (await actorView.locator('svg').getAttribute('viewBox'))!.split(' ').map(Number);
    expect(framed[2]!).toBeLessThan(Number(fullBox!.split(' ')[2]) / 3);
    expect(await actorView.locator('.sc-node', { hasText: 'Employee 12.4' }).isVisible()).toBe(
      true,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-department-12.png') });
    await page.click('[data-view="department"]');
    expect(await departmentView.isVisible()).toBe(true);
    // 899 link fields (300 actors x 2, 299 hand-offs): the table lists the first 200 and the filter finds the others.
    expect(await page.locator('#sc-controls tbody tr').count()).toBe(200);
    expect(await page.textContent('#sc-controls-note')).toBe(
      'Showing 200 of 899 link fields: filter by name to find the others.',
    );
    expect(await page.locator('input[data-link="d12e4"]').count()).toBe(0);
    await page.fill('#sc-controls-filter', 'Employee 12.4');
    await page.locator('input[data-link="d12e4"][data-field="performance"]').fill('0.5');
    expect(await shownScore(page)).toBe(
      scoreAfter(model, [{ actor: 'd12e4', set: { performance: 0.5 } }]),
    );
    expect(await departmentView.locator('.sc-node.x-changed').count()).toBe(1);
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it('shows hostile names as text in every control and runs nothing', async () => {
    const model = validateModel(hostileModelInput()).model;
    const file = writeArtifact('hostile-explorer.html', toExplorer(analyze(model), model));
    const { page, incidents } = await open(browser, file);
    await ready(page);
    const labels = await page.locator('#sc-controls tbody td:first-child').allTextContents();
    expect(labels).toContain('</script><script>alert(1)</script>');
    const targets = await page.locator('#sc-add-to option').allTextContents();
    expect(targets).toContain('</script><script>alert(1)</script>');
    expect(await page.locator('#sc-add-to option[value="__proto__"]').count()).toBe(1);
    const slider = page.locator('input[type="range"][data-link="__proto__"][data-field="welfare"]');
    await slider.fill('0.5');
    expect(await shownScore(page)).toBe(
      scoreAfter(model, [{ actor: '__proto__', set: { welfare: 0.5 } }]),
    );
    await page.selectOption('#sc-add-from', 'constructor');
    await page.selectOption('#sc-add-to', 'c<1>');
    await page.click('button[data-action="add"]');
    expect(await page.textContent('#sc-added li')).toContain(
      `"><svg onload=alert(3)> → ' onmouseover='alert(4)`,
    );
    expect(await shownScore(page)).toBe(
      scoreAfter(model, [
        { actor: '__proto__', set: { welfare: 0.5 } },
        { add: { handoff: { from: 'constructor', to: 'c<1>', quality: 0.9 } } },
      ]),
    );
    expect(await page.evaluate(() => document.querySelectorAll('img, b, svg script').length)).toBe(
      0,
    );
    expect(incidents).toEqual({ errors: [], requests: [], dialogs: [] });
    await page.close();
  });
});
