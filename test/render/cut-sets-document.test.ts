/** The "Pairs that fail together" section (src/render/single-points-document.ts), text and Markdown. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import type { Model } from '../../src/model/schema.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { toText } from '../../src/render/text.js';

/** Two suppliers into one warehouse, which serves the shoppers. */
const model: Model = {
  version: 1,
  departments: [
    { id: 'a', name: 'Supplier A' },
    { id: 'b', name: 'Supplier B' },
    { id: 'w', name: 'Warehouse' },
  ],
  customers: [{ id: 'c', name: 'Shoppers' }],
  handoffs: [
    { from: 'a', to: 'w' },
    { from: 'b', to: 'w' },
    { from: 'w', to: 'c' },
  ],
};

/** The section of a text report, up to the next heading. */
function section(report: string): string {
  const start = report.indexOf('Pairs that fail together');
  return report.slice(start, report.indexOf('\nWarnings', start));
}

describe('Pairs that fail together', () => {
  it('lists each searched customer’s pairs by name, in chain order', () => {
    const text = section(toText(analyze(model, { cutSets: 2 })));
    expect(text).toContain('For the customer with the largest value: pairs of links');
    expect(text).toContain(
      '- Shoppers: Supplier A + Supplier B; Supplier A + Supplier B -> Warehouse; ' +
        'Supplier B + Supplier A -> Warehouse; Supplier A -> Warehouse + Supplier B -> Warehouse\n',
    );
  });

  it('bounds the pairs by top and says when the limit stopped the search', () => {
    const report = analyze(model, { cutSets: 2, cutSetPairLimit: 3 });
    const text = section(toText(report, { top: 2 }));
    expect(text).toContain(
      '- Shoppers: Supplier A + Supplier B; Supplier A + Supplier B -> Warehouse and 1 more ' +
        '(the search stopped at its limit after 3 pairs: there may be more)',
    );
    expect(toMarkdown(report)).toContain('## Pairs that fail together');
  });

  it('is absent unless asked', () => {
    expect(toText(analyze(model))).not.toContain('Pairs that fail together');
  });
});
