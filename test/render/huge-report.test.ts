/**
 * A huge model's text and Markdown reports list the top rows and say how many are left out,
 * instead of printing millions of rows (the JSON report has them all).
 */
import { describe, expect, it } from 'vitest';
import type { HandoffReport, Report } from '../../src/analysis/report.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { toText } from '../../src/render/text.js';

const HANDOFFS = 300_000;
const CUSTOMERS = 5_000;

/** A report of a star: one actor handing to every customer through many parallel hand-offs. */
function hugeReport(): Report {
  const handoffs: HandoffReport[] = Array.from({ length: HANDOFFS }, (_, i) => ({
    id: `h${i}`,
    from: 'hub',
    to: `c${i % CUSTOMERS}`,
    quality: 0.9,
    received: 0.9,
    sensitivity: 0.001,
    fixGain: 1e-6 * (1 + (i % 7)),
    failureLoss: 0.001,
    weakestFor: [],
  }));
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `c${i}`,
    name: `Customer ${i}`,
    segment: 'end-user' as const,
    value: 1000,
    service: 0.9,
    chainStrength: 0.9,
    weakestLink: { type: 'handoff' as const, id: `h${i}`, from: 'hub', to: `c${i}` },
    chain: ['hub', `c${i}`],
  }));
  const fixGain = handoffs.slice(0, 10).map((h) => ({
    link: { type: 'handoff' as const, id: h.id },
    value: h.fixGain!,
  }));
  return {
    model: { name: 'Huge', actors: 1, customers: CUSTOMERS, handoffs: HANDOFFS },
    score: 0.9,
    customers,
    actors: [],
    handoffs,
    cycles: [],
    warnings: Array.from({ length: 1_000 }, (_, i) => ({
      code: 'customer_unreached' as const,
      path: `customers[${i}]`,
      message: 'm',
    })),
    rankings: { overall: { fixGain, sensitivity: [], failureLoss: [] }, byCustomer: [] },
  };
}

describe('a report of a huge model', () => {
  const report = hugeReport();

  it.each([
    ['text', toText],
    ['markdown', toMarkdown],
  ] as const)('as %s lists the top rows and summarises the rest', (_format, render) => {
    const output = render(report, { top: 10 });
    expect(output.length).toBeLessThan(20_000);
    expect(output).toContain(
      'Showing 10 of 300,000 links worth fixing (raise --top to see more); the JSON report lists them all.',
    );
    expect(output).toContain('Showing 10 of 5,000 customers (raise --top to see more)');
    expect(output).toContain('Showing 100 of 1,000 warnings; the JSON report lists them all.');
    expect(output).toContain('5,000'); // the customer count, grouped
  });
});
