import { describe, expect, it } from 'vitest';
import { ServiceChainError } from '../../src/model/errors.js';
import type { DiagramOptions } from '../../src/render/diagram-options.js';
import { toMermaid } from '../../src/render/mermaid.js';
import { HOSTILE, tinyFixture } from './diagram-fixture.js';

/** The text between the quotes of every quoted label. */
function quotedLabels(source: string): string[] {
  return [...source.matchAll(/\["([^"]*)"\]|\(\["([^"]*)"\]\)|\|"([^"]*)"\|/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

describe('toMermaid', () => {
  it('rejects unknown options and bad levels', () => {
    const { report, model } = tinyFixture();
    expect(() => toMermaid(report, model, { levels: 'x' } as unknown as DiagramOptions)).toThrow(
      ServiceChainError,
    );
    try {
      toMermaid(report, model, { level: 'team' } as unknown as DiagramOptions);
      expect.unreachable();
    } catch (error) {
      expect((error as ServiceChainError).code).toBe('invalid_option');
      expect((error as ServiceChainError).path).toBe('options.level');
    }
  });

  it('draws the tiny model: clusters, customers by segment, fix first vermilion, next best orange', () => {
    const { report, model } = tinyFixture();
    expect(toMermaid(report, model)).toMatchInlineSnapshot(`
      "---
      title: "Tiny #38; #60;Co#62;"
      ---
      flowchart LR
        subgraph c0["Operations"]
          n1["Alice<br/>service 1.00"]
          n2["Bob<br/>service 0.60"]
        end
        subgraph s0["Customers: end users"]
          n3(["Shoppers<br/>service 0.43"])
        end
        subgraph s1["Customers: suppliers"]
          n4(["Supplier Ltd<br/>service 1.00"])
        end
        n0["Sales<br/>service 0.54"]
        n1 ==>|"0.60"| n2
        n2 ==>|"0.90"| n0
        n0 ==>|"0.80"| n3
        n1 -->|"1.00"| n4
        subgraph legend["Legend"]
          legend0["#9679; Fix first: the largest fix gain"]:::fixFirst
          legend1["#9671; Weakest link: caps what a customer can receive"]:::weakest
          legend2["Next best to fix (fix gain)"]:::fix
          legend3["Other link: label #61; quality, #8635; #61; on a loop, thicker #61; more sensitive"]
        end
        classDef fixFirst fill:#fbe2d0,stroke:#D55E00,stroke-width:3px
        classDef weakest fill:#dcecf7,stroke:#0072B2,stroke-width:3px,stroke-dasharray:6 3
        classDef fix fill:#fdf1d6,stroke:#E69F00,stroke-width:3px
        classDef customer fill:#eaf2f8,stroke:#5d6d7e
        class n3,n4 customer
        style c0 fill:#f7f9fa,stroke:#d5dbdf
        style s0 fill:#f7f9fa,stroke:#d5dbdf
        style s1 fill:#f7f9fa,stroke:#d5dbdf
        linkStyle 0 stroke:#D55E00,stroke-width:5px
        linkStyle 1 stroke:#E69F00,stroke-width:3.7px
        linkStyle 2 stroke:#E69F00,stroke-width:4px
        linkStyle 3 stroke:#5d6d7e,stroke-width:1px
      "
    `);
  });

  it('puts employees inside their department subgraph and customers in segment subgraphs', () => {
    const { report, model } = tinyFixture();
    const source = toMermaid(report, model);
    expect(source).toMatch(
      /subgraph c0\["Operations"\]\n {4}n1\["Alice<br\/>service 1\.00"\]\n {4}n2\["Bob/,
    );
    expect(source).toMatch(/subgraph s0\["Customers: end users"\]\n {4}n3\(\["Shoppers/);
    expect(source).toMatch(/subgraph s1\["Customers: suppliers"\]\n {4}n4\(\["Supplier Ltd/);
  });

  it('marks the fix-first link vermilion (it is also the weakest), the next best orange, the rest grey', () => {
    const { report, model } = tinyFixture();
    const source = toMermaid(report, model);
    expect(source).toContain('n1 ==>|"0.60"| n2');
    expect(source).toContain('linkStyle 0 stroke:#D55E00,stroke-width:5px');
    expect(source).toContain('linkStyle 1 stroke:#E69F00');
    expect(source).toContain('linkStyle 2 stroke:#E69F00');
    expect(source).toContain('n1 -->|"1.00"| n4');
    expect(source).toContain('linkStyle 3 stroke:#5d6d7e,stroke-width:1px');
  });

  it('escapes every model string and uses generated node ids only', () => {
    const { report, model } = tinyFixture(HOSTILE);
    const source = toMermaid(report, model);
    expect(quotedLabels(source).length).toBeGreaterThan(8);
    for (const label of quotedLabels(source)) {
      // Only <br/> (ours) may carry markup; model text has no quote, bracket, pipe, backtick or #word.
      expect(label.replace(/<br\/>/g, '')).not.toMatch(/[<>"`|[\]{}]|#(?!\d+;)/);
    }
    expect(source).not.toContain('__proto__');
    expect(source).not.toContain('<img');
    expect(source).not.toContain('</script>');
    expect(source).toContain('#60;img src#61;x onerror#61;alert(1)#62;');
    expect(source).toContain('Ünïcødé 東京 #38; #34;quotes#34; #92;N #35;35#59;');
    const ids = [...source.matchAll(/^\s+(\w+)[[(]/gm)].map((m) => m[1]);
    expect(ids).toEqual(['n1', 'n2', 'n3', 'n4', 'n0', 'legend0', 'legend1', 'legend2', 'legend3']);
  });

  it('rolls actors up into top-level departments, marking a box with a weak link inside', () => {
    const { report, model } = tinyFixture();
    const source = toMermaid(report, model, { level: 'department' });
    expect(source).toContain('n0["#9679; Operations<br/>service 0.80"]');
    expect(source).toContain('class n0 fixFirst');
    expect(source).not.toContain('Alice');
    // alice -> bob is inside Operations; bob -> sales and alice -> sup leave it.
    expect(source).toContain('n0 ==>|"0.90"| n1');
    expect(source).toContain('n0 -->|"1.00"| n3');
  });
});
