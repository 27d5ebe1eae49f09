/**
 * The HTML report carries the explorer: the model and the controls in its one data block, the
 * "Try a change" section, the customers table's live cells, and the department view in the page's
 * viewport when `level` or a roll-up asks for it. `toExplorer` is the same page.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { validateModel } from '../../src/model/load.js';
import { toExplorer } from '../../src/render/explorer/explorer.js';
import type { ExplorerData } from '../../src/render/explorer/explorer-data.js';
import { toHtml } from '../../src/render/html.js';
import { departmentsModel } from '../fixtures/departments-model.js';
import { HOSTILE, tinyFixture } from './diagram-fixture.js';

function data(html: string): ExplorerData {
  const match = /<script type="application\/json" id="sc-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no data block');
  return JSON.parse(match[1]!) as ExplorerData;
}

/** The `data-level` of each picture in the viewport, and which one is hidden. */
function views(html: string): string[] {
  return [...html.matchAll(/<div class="x-view" data-level="(\w+)"( hidden)?>/g)].map(
    (m) => `${m[1]}${m[2] === undefined ? '' : ' (hidden)'}`,
  );
}

describe('the HTML report with its explorer', () => {
  it('carries the model, a control for every link field and the panels of its picture', () => {
    const { report, model } = tinyFixture();
    const html = toHtml(report, model);
    const page = data(html);
    expect(page.model).toEqual(model);
    // 4 actors x (performance, welfare) + 4 hand-offs.
    expect(page.controls).toHaveLength(4 * 2 + 4);
    expect(page.controls.filter((c) => c.type === 'handoff').map((c) => c.id)).toEqual([
      'alice->bob',
      'bob->sales',
      'sales->shop',
      'alice->sup',
    ]);
    expect(page.items.map((item) => item.key)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
      'n4',
      'e0',
      'e1',
      'e2',
      'e3',
    ]);
    expect(views(html)).toEqual(['actor']);
    for (const id of ['sc-explore', 'sc-controls', 'sc-add', 'sc-scenario-yaml', 'sc-reset'])
      expect(html).toContain(`id="${id}"`);
    expect(html.indexOf('id="sc-explore"')).toBeLessThan(html.indexOf('id="sc-customers"'));
  });

  it('marks each customer row for the live figures, hostile ids escaped', () => {
    const { report, model } = tinyFixture(HOSTILE);
    const html = toHtml(report, model);
    expect(html).toContain('<tr data-customer="shop&lt;1&gt;">');
    expect(html).toContain('<tr data-customer="sup&amp;co">');
    expect(html.match(/data-role="service-now"/g)).toHaveLength(2);
    expect(data(html).names).toContainEqual(['__proto__', '</script><script>alert(1)</script>']);
  });

  it('opens at the department level when asked, with the actor picture one click away', () => {
    const { report, model } = tinyFixture();
    for (const html of [
      toHtml(report, model, { level: 'department' }),
      toHtml(report, model, { rollUp: rollUp(report, model) }),
    ]) {
      expect(views(html)).toEqual(['department', 'actor (hidden)']);
      expect(data(html).views.map((v) => v.level)).toEqual(['department', 'actor']);
      expect(html).toContain('data-view="department" aria-pressed="true"');
      // One picture per level, never a still copy of the department picture besides.
      expect(html.match(/<svg /g)).toHaveLength(2);
      expect(html).not.toContain('sc-department-diagram');
    }
  });

  it('opens a 300-actor model at the department level on its own', () => {
    const model = validateModel(departmentsModel()).model;
    const html = toHtml(analyze(model), model);
    expect(views(html)).toEqual(['department', 'actor (hidden)']);
    expect(html).toContain('The page opens with one box per department');
  });

  it('is what toExplorer writes, engine options included', () => {
    const { report, model } = tinyFixture();
    const options = { level: 'department', maxIterations: 50 } as const;
    expect(toExplorer(report, model, options)).toBe(toHtml(report, model, options));
    expect(data(toHtml(report, model, options)).maxIterations).toBe(50);
    expect(data(toHtml(report, model)).maxIterations).toBe(10_000);
  });
});
