/**
 * The story a report tells (issue 13): the two client situations rebuilt (a hospital whose
 * weakest link is not what to fix first; a mail-order firm whose chains go round a loop), the
 * closed loop, and the headline against a brute-force reading of the report's own figures.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithMoney } from '../../src/analysis/analyze.js';
import { negligible } from '../../src/analysis/rankings.js';
import type { Report } from '../../src/analysis/report.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { toHtml } from '../../src/render/html.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { toMermaid } from '../../src/render/mermaid.js';
import { moneyNames, moneyText } from '../../src/render/money-document.js';
import { chainSteps } from '../../src/render/names.js';
import { toText } from '../../src/render/text.js';
import { validModel } from '../model/model-arbitrary.js';

const root = join(import.meta.dirname, '..', '..');
const load = async (path: string) => (await loadModelFile(join(root, path))).model;

describe('the hospital: the weakest link is not what to fix first', async () => {
  const model = await load('test/fixtures/riverside-hospital.yaml');
  const report = analyze(model);

  it('leads with the largest gain, the night nurses, and says welfare is the problem', () => {
    expect(report.headline?.fixFirst?.link).toEqual({ type: 'actor', id: 'night-nurses' });
    const text = toText(report);
    expect(text).toContain(
      '- [fix first] Night nurses (department): fixing it alone raises S by +0.132, from 0.751 to 0.883',
    );
    expect(text).toContain(
      'Its welfare (0.800) is the problem, more than its performance (0.950).',
    );
  });

  it('shows the laboratory hand-off as what caps the patients, rank 5, and why it gains little', () => {
    const text = toText(report);
    expect(text).toContain(
      '- [weakest link] Laboratory -> Ward 3 is the weakest link behind 2 of 2 customers that weigh in S (Inpatients, Day patients): none of them can receive more than 0.500 through it. Fixing it gains +0.017 (rank 5 by fix gain). It caps more than it costs: Ward 3 catches part of a poor input',
    );
    // The GP practices (value 0) do not weigh in S: no weakest-link headline for them.
    expect(report.headline?.caps.map((cap) => cap.customers)).toEqual([
      ['inpatients', 'day-patients'],
    ]);
    expect(text).toContain('Laboratory -> Ward 3 (not in S: value 0)');
    expect(report.warnings.map((w) => w.code)).toContain('weakest_link_damped');
  });

  it('says the same in Markdown and HTML, with names, grouped values and the currency', () => {
    const markdown = toMarkdown(report);
    expect(markdown).toContain('\\[fix first\\] Night nurses (department): fixing it alone');
    expect(markdown).toContain('| Value (GBP) |');
    expect(markdown).toContain('| 6,000,000 |');
    const html = toHtml(report, model);
    expect(html).toContain(
      '<li class="fixFirst"><span class="badge fixFirst">fix first</span> <strong>Night nurses</strong> (department): fixing it alone raises S by +0.132',
    );
    expect(html).toContain('<th class="num">Value (GBP)</th>');
    expect(html).toContain('4 departments · 0 employees · 7 hand-offs · 3 external customers');
  });
});

describe('the mail-order firm: a chain round a loop, a back office with reach', async () => {
  const model = await load('examples/mail-order.yaml');
  const { report, money } = analyzeWithMoney(model);

  it('names the warehouse first (+0.077), not the phone service that caps the home shoppers', () => {
    expect(report.headline?.fixFirst?.link).toEqual({ type: 'actor', id: 'warehouse' });
    expect(report.headline?.fixFirst?.gain).toBeCloseTo(0.077, 3);
    const text = toText(report);
    expect(text).toContain('[weakest link] Jo Baker -> Home shoppers is the weakest link');
    expect(text).toContain(
      '- Warehouse: no customer contact, yet reaches 4 customers, the nearest 2 hand-offs away.',
    );
  });

  it('marks the chain round the loop as one in text, HTML and the diagram', () => {
    const text = toText(report);
    expect(text).toContain(
      '- Northern Distributors: Warehouse -> Sales -> back to Warehouse -> Dispatch desk -> Northern Distributors',
    );
    expect(report.customers[1]?.chain).toEqual([
      'warehouse',
      'sales',
      'warehouse',
      'dispatch',
      'distributor',
    ]);
    expect(toHtml(report, model)).toContain(
      'Warehouse → Sales → back to Warehouse → Dispatch desk',
    );
    const mermaid = toMermaid(report, model);
    expect(mermaid).toContain('|"#8635; 0.75"|');
    expect(mermaid).toContain('|"#8635; 0.90"|');
    expect(mermaid).not.toContain('|"#8635; 0.95"|');
  });

  it('prices the money view by name, in euros, and says why no prospect is lost', () => {
    const text = moneyText(money, {}, moneyNames(report));
    expect(text).toContain('[fix first] For money: fixing Warehouse (department) alone saves EUR');
    expect(text).toContain('At risk (EUR)');
    expect(text).toContain('Dispatch desk -> Home shoppers');
    expect(text).not.toContain('dispatch->home-shoppers');
    expect(text).toContain('Prospects not won are 0 because word-of-mouth conversion is 0');
  });
});

describe('the closed loop', async () => {
  const report = analyze(await load('test/fixtures/closed-loop.yaml'));

  it('warns, naming the loop, and lists no link to fix', () => {
    const text = toText(report);
    expect(text).toContain(
      'Mo Manager and Ann Agent only serve each other: no hand-off comes into this loop from outside',
    );
    expect(text).toContain('None: fixing no single link would raise S.');
    expect(text).toContain('Nothing to fix: no single link would raise S.');
  });
});

describe('chainSteps', () => {
  it('flags a node the chain has passed before, and only that', () => {
    expect(chainSteps(['w', 's', 'w', 'd']).map((step) => step.back)).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});

/** Brute force: the first link, actors then hand-offs, with the largest gain above the floor. */
function bestLink(report: Report): { type: string; id: string } | null {
  let best: { type: string; id: string; gain: number } | null = null;
  const links = [
    ...report.actors.map((a) => ({ type: 'actor', id: a.id, gain: a.fixGain })),
    ...report.handoffs.map((h) => ({ type: 'handoff', id: h.id, gain: h.fixGain })),
  ];
  for (const link of links) {
    if (link.gain === null || link.gain <= 0 || negligible(link.gain)) continue;
    if (best === null || link.gain > best.gain) best = { ...link, gain: link.gain };
  }
  return best === null ? null : { type: best.type, id: best.id };
}

describe('the headline, against the report it reads', () => {
  it('fix first is the largest gain; every cap is a scored customer that weighs in S', () => {
    fc.assert(
      fc.property(validModel, (model) => {
        const report = analyze(model);
        expect(report.headline?.fixFirst?.link ?? null).toEqual(bestLink(report));
        const byId = new Map(report.customers.map((c) => [c.id, c]));
        const anyValue = report.customers.some((c) => c.service !== null && c.value > 0);
        for (const cap of report.headline?.caps ?? []) {
          for (const id of cap.customers) {
            const customer = byId.get(id)!;
            expect(customer.service).not.toBeNull();
            if (anyValue) expect(customer.value).toBeGreaterThan(0);
            expect(customer.weakestLink).toEqual(cap.link);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
