import { describe, expect, it } from 'vitest';
import { ServiceChainError } from '../../src/model/errors.js';
import { toMarkdown } from '../../src/render/markdown.js';
import { retailReport, unscoredReport } from './report-fixture.js';

/** The cells of a GitHub table row, split on unescaped pipes as GitHub does. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('toMarkdown', () => {
  it('rejects unknown options', () => {
    expect(() => toMarkdown(retailReport, { color: true } as never)).toThrow(ServiceChainError);
  });

  it('renders a report as headings and GitHub tables', () => {
    expect(toMarkdown(retailReport)).toMatchInlineSnapshot(`
      "# Service chain analysis: Acme "Retail" \\<Nörd> \\| UK

      - **Actors:** 3
      - **Customers:** 3
      - **Hand-offs:** 4
      - **Organisation score S:** 0.616 (61.6%)

      ## Customers

      | Customer | Name | Value | Service | Chain strength | Weakest link |
      |---|---|---:|---:|---:|---|
      | \`shoppers\` | Shoppers \\| walk-in | 120000 | 0.616 | 0.800 | \`dispatch\` |
      | \`trade\` | Trade<br>buyers | 2500.5 | 0.450 | 0.500 | \`dispatch\` -> \`trade\` (\`late\\|van\`) |
      | \`acme-supplies\` | Acme Supplies | 0 | n/a | 1.000 | none |

      Chain behind each customer, from its weakest link:

      - \`shoppers\`: \`dispatch\` -> \`shoppers\`
      - \`trade\`: \`dispatch\` -> \`trade\`
      - \`acme-supplies\`: nothing weak

      ## Top links to fix

      - Fix gain: what S would gain if this link alone were made perfect.
      - Failure loss: what S would lose if this link alone broke down completely.
      - Sensitivity: how fast S moves with this link's strength (dS/dx).

      | # | Link | Kind | Fix gain | Failure loss | Sensitivity | Weakest for |
      |---:|---|---|---:|---:|---:|---|
      | 1 | \`dispatch\` | department | 0.154 | 0.616 | 0.769 | \`shoppers\` |
      | 2 | \`warehouse\` | department | 0.068 | 0.616 | 0.684 | - |
      | 3 | \`dispatch\` -> \`shoppers\` | hand-off | 0.068 | 0.616 | 0.684 | - |
      | 4 | \`warehouse\` -> \`dispatch\` | hand-off | 0.032 | 0.616 | 0.648 | - |
      | 5 | \`dispatch\` -> \`trade\` (\`late\\|van\`) | hand-off | 0.005 | 0.005 | 0.009 | \`trade\` |

      ## Cycles

      | # | Nodes | Iterations | Converged |
      |---:|---|---:|---|
      | 1 | \`warehouse\`, \`dispatch\` | 23 | yes |

      ## Warnings

      - \`customers[2]\`: customer "acme-supplies" receives no hand-off; it is not scored (\`customer_unreached\`)
      "
    `);
  });

  it('renders nulls as n/a and an empty model without tables', () => {
    expect(toMarkdown(unscoredReport)).toMatchInlineSnapshot(`
      "# Service chain analysis: Back office

      - **Actors:** 1
      - **Customers:** 0
      - **Hand-offs:** 0
      - **Organisation score S:** n/a (no customer receives a hand-off)

      ## Customers

      The model has no external customers.

      ## Top links to fix

      n/a: no customer is scored, so nothing is ranked.

      ## Cycles

      None: no hand-off chain loops back.

      ## Warnings

      - \`customers\`: the model declares no external customers (\`no_customers\`)
      - no customer is scored, so S is null (\`no_scored_customers\`)
      "
    `);
  });

  it('escapes pipes and newlines so every row keeps its cell count', () => {
    const rows = toMarkdown(retailReport)
      .split('\n')
      .filter((line) => line.startsWith('| '));
    const customerHead = rows.findIndex((row) => row.startsWith('| Customer |'));
    const width = cells(rows[customerHead]!).length;
    for (const row of rows.slice(customerHead, customerHead + 4)) {
      expect(cells(row)).toHaveLength(width);
    }
    expect(toMarkdown(retailReport)).toContain('Trade<br>buyers');
    expect(toMarkdown(retailReport)).toContain('`late\\|van`');
  });

  it('escapes HTML and emphasis in names and code-formats ids', () => {
    const markdown = toMarkdown(retailReport);
    expect(markdown).toContain('# Service chain analysis: Acme "Retail" \\<Nörd> \\| UK\n');
    expect(markdown).not.toMatch(/[^\\]<Nörd>/);
    expect(
      toMarkdown({
        ...retailReport,
        model: { ...retailReport.model, name: '*a* _b_ [c](d) &amp;' },
      }),
    ).toContain('analysis: \\*a\\* \\_b\\_ \\[c\\](d) \\&amp;\n');
    expect(markdown).toContain('`dispatch` -> `shoppers`');
  });

  it('fences ids holding backticks with a longer run', () => {
    const markdown = toMarkdown({
      ...retailReport,
      customers: [{ ...retailReport.customers[2]!, id: 'a`b' }],
    });
    expect(markdown).toContain('| ``a`b`` |');
  });
});
