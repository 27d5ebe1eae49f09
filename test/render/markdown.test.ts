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

      - **Departments:** 2
      - **Employees:** 1
      - **Customers:** 3
      - **Hand-offs:** 4
      - **Organisation score S:** 0.616 (61.6%)

      ## Customers

      | Customer | Value | Service | Chain strength | Weakest link |
      |---|---:|---:|---:|---|
      | Shoppers \\| walk-in | 120,000 | 0.616 | 0.800 | Dispatch \\<main> |
      | Trade\\u000Abuyers | 2,500.5 | 0.450 | 0.500 | Dispatch \\<main> -> Trade\\u000Abuyers |
      | Acme Supplies | 0 | n/a | 1.000 | none |

      Chain behind each customer, from its weakest link:

      - Shoppers \\| walk-in: Dispatch \\<main> -> Shoppers \\| walk-in
      - Trade\\u000Abuyers: Dispatch \\<main> -> Trade\\u000Abuyers
      - Acme Supplies: nothing weak

      ## Top links to fix

      - Fix gain: what S would gain if this link alone were made perfect.
      - Failure loss: what S would lose if this link alone broke down completely.
      - Sensitivity: how fast S moves with this link's strength (dS/dx).

      | # | Link | Kind | Fix gain | Failure loss | Sensitivity | Weakest link for |
      |---:|---|---|---:|---:|---:|---|
      | 1 | Dispatch \\<main> \\[fix first\\] \\[weakest link\\] | department | 0.154 | 0.616 | 0.769 | Shoppers \\| walk-in |
      | 2 | Wärehouse | department | 0.068 | 0.616 | 0.684 | - |
      | 3 | Dispatch \\<main> -> Shoppers \\| walk-in | hand-off | 0.068 | 0.616 | 0.684 | - |
      | 4 | Wärehouse -> Dispatch \\<main> | hand-off | 0.032 | 0.616 | 0.648 | - |
      | 5 | Dispatch \\<main> -> Trade\\u000Abuyers \\[weakest link\\] | hand-off | 0.005 | 0.005 | 0.009 | Trade\\u000Abuyers |

      ## Back offices with a big reach

      - Wärehouse: no customer contact, yet reaches 2 customers, the nearest 2 hand-offs away.

      ## Cycles

      | # | Members | Iterations | Converged |
      |---:|---|---:|---|
      | 1 | Wärehouse, Dispatch \\<main> | 23 | yes |

      ## Warnings

      - customer "acme-supplies" receives no hand-off; it is not scored (\`customer_unreached\`)
      "
    `);
  });

  it('renders nulls as n/a and an empty model without tables', () => {
    expect(toMarkdown(unscoredReport)).toMatchInlineSnapshot(`
      "# Service chain analysis: Back office

      - **Departments:** 0
      - **Employees:** 1
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

      - the model declares no external customers (\`no_customers\`)
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
    expect(toMarkdown(retailReport)).toContain('| Trade\\u000Abuyers |');
    expect(toMarkdown(retailReport)).toContain('| Shoppers \\| walk-in |');
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
    expect(markdown).toContain('Dispatch \\<main> -> Shoppers \\| walk-in');
  });

  it('fences ids holding backticks with a longer run', () => {
    // A warning's code is an id (the type is open to codes of code built on the library).
    const warning = { code: 'a`b', path: 'customers[0]', message: 'm' };
    const markdown = toMarkdown({ ...retailReport, warnings: [warning] });
    expect(markdown).toContain('- m (``a`b``)');
    expect(markdown).not.toContain('customers[0]');
  });
});
