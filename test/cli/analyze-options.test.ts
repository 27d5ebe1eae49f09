/**
 * `service-chain analyze --money | --level | --metrics`, run as a user runs them: the built binary
 * (test/global-setup.ts builds it). Each view is compared with the library call it wraps.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import type { Report } from '../../src/analysis/report.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { Model } from '../../src/model/schema.js';
import { renderMetrics } from '../../src/render/metrics-document.js';
import { moneyMarkdown, moneyNames, moneyText } from '../../src/render/money-document.js';
import { renderRollUp } from '../../src/render/roll-up-document.js';
import { hostileModelInput } from '../fixtures/hostile-model.js';
import { example, root, runCli } from './cli-run.js';

const retail = example('retail.yaml');
const callCentre = example('call-centre.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'service-chain-analyze-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const analyzeCli = (...args: string[]) => runCli('analyze', ...args);

/** Runs the command, failing with stderr if it did not succeed; returns stdout. */
function ok(...args: string[]): string {
  const result = analyzeCli(...args);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

const HOSTILE_MODEL = hostileModelInput(true);

describe('analyze --money, --level, --metrics: bad input first', () => {
  it.each([
    ['--level', '0'],
    ['--level', '-1'],
    ['--level', '1.5'],
    ['--level', '1e3'],
    ['--level', 'departments'],
    ['--level', ''],
    ['--money=yes'],
    ['--metrics', 'yes'],
    ['--level'],
  ])('exits 2, a usage error, for %s %s', (...args) => {
    const result = analyzeCli(retail, ...args);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what --level accepts', () => {
    expect(analyzeCli(retail, '--level', 'x').stderr).toContain(
      'It must be "department" or a positive integer',
    );
  });
});

describe('analyze examples/retail.yaml with views', () => {
  let model: Model;
  let report: Report;
  let plain: Record<'text' | 'markdown' | 'json' | 'html', string>;

  beforeAll(async () => {
    ({ model } = await loadModelFile(retail));
    report = analyze(model);
    plain = {
      text: ok(retail),
      markdown: ok(retail, '--format', 'markdown'),
      json: ok(retail, '--format', 'json'),
      html: ok(retail, '--format', 'html'),
    };
  });

  describe('text', () => {
    it('--money appends moneyText to the unchanged report, a blank line between', () => {
      const text = ok(retail, '--money');
      expect(text).toBe(
        `${plain.text}\n${moneyText(businessImpact(model), {}, moneyNames(report))}`,
      );
      expect(text).toContain('\nMoney at risk\n-------------\n');
      // The coefficients are printed with the result, defaults marked.
      expect(text).toContain('Coefficients used:');
      expect(text).toContain('0.25 (built-in)');
    });

    it('--money marks only the coefficients the model did not set', () => {
      const coefficients = ok(callCentre, '--money').split('\nCoefficients used:\n')[1] ?? '';
      const row = coefficients.split('\n').find((line) => line.startsWith('Households '));
      expect(row).toMatch(/^Households +40,000 +14,400,000 +0\.05 \(model default\) +0\.3 +0\.1 /);
    });

    it('--level department appends the department view of each actor’s own department', () => {
      const text = ok(retail, '--level', 'department');
      expect(text).toBe(`${plain.text}\n${renderRollUp(rollUp(report, model), 'text')}`);
      expect(text).toContain("\nDepartment view (each actor's own department)\n");
    });

    it('--level N rolls up to depth N (1 = top-level departments)', () => {
      const text = ok(retail, '--level', '1');
      expect(text).toBe(`${plain.text}\n${renderRollUp(rollUp(report, model, { level: 1 }))}`);
      expect(text).toContain('\nDepartment view (level 1)\n');
      expect(text).toMatch(/\nOperations +3 +0\.715 +warehouse -> dispatch \(0\.750\)/);
      expect(ok(retail, '--level', '2')).not.toBe(text);
    });

    it('--metrics appends the structural metrics', () => {
      const text = ok(retail, '--metrics');
      expect(text).toBe(`${plain.text}\n${renderMetrics(structuralMetrics(model), 'text')}`);
      expect(text).toContain('\nStructural metrics\n');
      expect(text).not.toContain('Betweenness: computed');
    });

    it('puts the views in a fixed order: money, departments, metrics', () => {
      const text = ok(retail, '--metrics', '--level', 'department', '--money');
      const at = (heading: string) => text.indexOf(`\n${heading}\n`);
      expect(text.startsWith(plain.text)).toBe(true);
      expect(at('Money at risk')).toBeGreaterThan(plain.text.length - 2);
      expect(at("Department view (each actor's own department)")).toBeGreaterThan(
        at('Money at risk'),
      );
      expect(at('Structural metrics')).toBeGreaterThan(
        at("Department view (each actor's own department)"),
      );
      expect(text).not.toMatch(/NaN|Infinity/);
    });

    it('--top caps the money view’s links as it caps the links to fix', () => {
      const text = ok(retail, '--money', '--top', '2');
      const money = text.split('\nMoney at risk\n')[1] ?? '';
      const table = money.split('\n\n').find((part) => /^ *# {2}Link/.test(part)) ?? '';
      expect(table.split('\n').slice(2)).toHaveLength(2);
      expect(text).toBe(
        `${ok(retail, '--top', '2')}\n${moneyText(businessImpact(model, { top: 2 }), { top: 2 }, moneyNames(report))}`,
      );
    });
  });

  describe('markdown', () => {
    it('appends each view as Markdown', () => {
      const markdown = ok(retail, '--format', 'markdown', '--money', '--level', '1', '--metrics');
      expect(markdown).toBe(
        [
          plain.markdown,
          moneyMarkdown(businessImpact(model), {}, moneyNames(report)),
          renderRollUp(rollUp(report, model, { level: 1 }), 'markdown'),
          renderMetrics(structuralMetrics(model), 'markdown'),
        ].join('\n'),
      );
      expect(markdown).toContain('\n## Money at risk\n');
      expect(markdown).toContain('\n# Department view (level 1)\n');
      expect(markdown).toContain('\n# Structural metrics\n');
    });
  });

  describe('json', () => {
    it('keeps the report’s keys and adds money, rollUp and metrics after them', () => {
      const output = JSON.parse(
        ok(retail, '--format', 'json', '--money', '--level', 'department', '--metrics'),
      );
      const reportKeys = Object.keys(JSON.parse(plain.json));
      expect(Object.keys(output)).toEqual([...reportKeys, 'money', 'rollUp', 'metrics']);
      expect(output.money).toEqual(JSON.parse(JSON.stringify(businessImpact(model))));
      expect(output.rollUp).toEqual(JSON.parse(JSON.stringify(rollUp(report, model))));
      expect(output.rollUp.level).toBeNull();
      const { milliseconds, ...betweenness } = structuralMetrics(model).betweenness;
      expect(milliseconds).toBeTypeOf('number');
      expect(output.metrics).toEqual({ ...structuralMetrics(model), betweenness });
      for (const key of reportKeys) expect(output[key]).toEqual(JSON.parse(plain.json)[key]);
    });

    it('adds only the key asked for', () => {
      const keys = (...args: string[]) =>
        Object.keys(JSON.parse(ok(retail, '--format', 'json', ...args)));
      expect(keys('--money').at(-1)).toBe('money');
      expect(keys('--level', '1').at(-1)).toBe('rollUp');
      expect(keys('--metrics').at(-1)).toBe('metrics');
      expect(JSON.parse(ok(retail, '--format', 'json', '--level', '1')).rollUp.level).toBe(1);
    });

    it('--top caps the money rankings', () => {
      const output = JSON.parse(ok(retail, '--format', 'json', '--money', '--top', '3'));
      expect(output.money.rankings.fixSaves).toHaveLength(3);
      expect(output.money.rankings.failureCosts).toHaveLength(3);
      expect(output.money.links.length).toBeGreaterThan(3);
    });
  });

  describe('html', () => {
    it('--money adds the money section before the footer, with the coefficients and defaults', () => {
      const html = ok(retail, '--format', 'html', '--money');
      expect(plain.html).not.toContain('id="sc-money"');
      expect(html).toContain('<section id="sc-money">\n<h2>Money at risk</h2>');
      expect(html.indexOf('id="sc-money"')).toBeGreaterThan(html.indexOf('id="sc-findings"'));
      expect(html.indexOf('id="sc-money"')).toBeLessThan(html.indexOf('<footer>'));
      expect(html).toContain('Coefficients used:');
      expect(html).toContain('0.25 <span class="badge note">built-in</span>');
    });

    it('--level adds a department table, --metrics a metrics table, in that order', () => {
      const html = ok(retail, '--format', 'html', '--metrics', '--level', '1', '--money');
      const at = (id: string) => html.indexOf(`<section id="${id}">`);
      expect(at('sc-money')).toBeGreaterThan(0);
      expect(at('sc-departments')).toBeGreaterThan(at('sc-money'));
      expect(at('sc-metrics')).toBeGreaterThan(at('sc-departments'));
      expect(html.indexOf('<footer>')).toBeGreaterThan(at('sc-metrics'));
      expect(html).toContain('Actors rolled up to departments at level 1.');
      const departments = html.split('<table id="sc-department-table">')[1]!.split('</table>')[0]!;
      expect(departments.match(/<tr>/g)).toHaveLength(
        1 + rollUp(report, model, { level: 1 }).departments.length,
      );
      expect(departments).toContain('<td><strong>Operations</strong></td><td class="num">3</td>');
      const metrics = html.split('<table id="sc-metrics-table">')[1]!.split('</table>')[0]!;
      expect(metrics.match(/<tr>/g)).toHaveLength(1 + 17);
    });

    it('stays self-contained with every view: no external URL', () => {
      const html = ok(retail, '--format', 'html', '--money', '--level', '1', '--metrics');
      // The markup and CSS fetch nothing (the script's `URL.createObjectURL(` is no CSS url()).
      const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '');
      expect(markup).not.toMatch(/src="http|href="http|src='http|href='http|url\((?!#)/i);
      expect(new Set(html.match(/https?:\/\/[^\s"']+/g))).toEqual(
        new Set(['http://www.w3.org/2000/svg']),
      );
      expect(html).not.toMatch(/<link|<img|<iframe|@import/i);
      expect(html.match(/<script/g)).toHaveLength(2);
    });
  });

  it.each([['text'], ['markdown'], ['json'], ['html']])(
    'gives the same bytes on every run with every view (%s)',
    (format) => {
      const args = [retail, '--format', format, '--money', '--level', '2', '--metrics'];
      expect(ok(...args)).toBe(ok(...args));
    },
  );

  it('writes the views to --out too', () => {
    const out = join(scratch, 'report.txt');
    expect(ok(retail, '--money', '--level', '1', '--out', out)).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(ok(retail, '--money', '--level', '1'));
  });
});

describe('analyze with views on a model with hostile names', () => {
  const file = join(scratch, 'hostile.json');
  const all = ['--money', '--level', 'department', '--metrics'];
  beforeAll(() => writeFileSync(file, JSON.stringify(HOSTILE_MODEL)));

  it('escapes every name in the HTML sections and adds no script, tag or handler', () => {
    const html = ok(file, '--format', 'html', ...all);
    for (const id of ['sc-money', 'sc-departments', 'sc-metrics'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<svg onload');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /onerror|onmouseover|onload|javascript:/.test(tag))).toEqual([]);
    const departments = html.split('<section id="sc-departments">')[1]!.split('</section>')[0]!;
    expect(departments).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const money = html.split('<section id="sc-money">')[1]!.split('</section>')[0]!;
    expect(money).toContain('&#39; onmouseover=&#39;alert(4)');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('keeps control characters out of the text views and raw tags out of the Markdown tables', () => {
    const text = ok(file, ...all);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('d "2"\\u001B[31m');
    // The views' Markdown tables: no raw tag outside a code span, no control character.
    const markdown = ok(file, '--format', 'markdown', ...all).split('\n## Money at risk\n')[1]!;
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows.length).toBeGreaterThan(10);
    const outsideCode = rows.map((line) => line.replace(/`[^`]*`/g, ''));
    expect(outsideCode.filter((line) => /(?<!\\)</.test(line))).toEqual([]);
    expect(outsideCode.filter((line) => line.includes('\u001b'))).toEqual([]);
  });

  it('puts the hostile ids into the JSON views intact', () => {
    const output = JSON.parse(ok(file, '--format', 'json', ...all));
    expect(output.rollUp.departments.map((d: { id: string }) => d.id)).toContain('d "2"\u001b[31m');
    expect(output.money.customers.map((c: { id: string }) => c.id)).toEqual(['c<1>', 'ünï\n東京']);
    // constructor -> __proto__ -> d2 -> {c<1>, ünï}: __proto__ lies on the 3 paths from
    // constructor beyond it, d2 on 4; divided by (n - 1)(n - 2) = 12.
    const betweenness = output.metrics.nodes.map((n: { betweenness: unknown }) => n.betweenness);
    expect(betweenness).toEqual([3 / 12, 4 / 12, 0, 0, 0]);
  });
});

describe('docs/cli.md', () => {
  const doc = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');

  it('quotes the real --money output (report and coefficients left out)', () => {
    const money = ok(callCentre, '--money', '--top', '3').split('\n\nCoefficients used:')[0]!;
    const excerpt = money.slice(money.indexOf('Money at risk\n'));
    expect(doc).toContain(
      `$ service-chain analyze examples/call-centre.yaml --money --top 3\n...\n${excerpt}\n...\n`,
    );
  });

  it('quotes the real --level department output (hand-offs between departments left out)', () => {
    const text = ok(retail, '--level', 'department');
    const view = text.slice(text.indexOf('Department view'), text.indexOf('\n\nHand-offs between'));
    expect(doc).toContain(
      `$ service-chain analyze examples/retail.yaml --level department\n...\n${view}\n...\n`,
    );
  });

  it('quotes the real --level usage error', () => {
    const { stderr } = analyzeCli(retail, '--level', '0');
    expect(doc).toContain(
      `$ service-chain analyze examples/retail.yaml --level 0\n${stderr}$ echo $?\n2\n`,
    );
  });
});
