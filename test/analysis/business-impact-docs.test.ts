import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { moneyWhatIf } from '../../src/analysis/money-what-if.js';
import { parseModel } from '../../src/model/load.js';

const doc = readFileSync('docs/business-impact.md', 'utf8');

/** The YAML block that follows a heading of docs/business-impact.md. */
function yamlAfter(heading: string): string {
  const from = doc.indexOf(heading);
  const match = /```yaml\n([\s\S]*?)```/.exec(doc.slice(from));
  if (from < 0 || match === null) throw new Error(`no YAML block after ${heading}`);
  return match[1]!;
}

describe('docs/business-impact.md', () => {
  it('worked example: the model in the doc gives the figures computed by hand there', () => {
    const { model } = parseModel(yamlAfter('## A worked example, by hand'));
    const impact = businessImpact(model);
    expect(impact.total.atRisk).toBeCloseTo(48_676, 6);
    const warehouse = impact.links.find((l) => l.link.id === 'warehouse')!;
    expect(warehouse.fixSaves).toBeCloseTo(6_536, 6);
    expect(warehouse.failureCosts).toBeCloseTo(58_824, 6);
    expect(doc).toContain('**48 676**');
    expect(doc).toContain('**6 536 a year**');
    expect(doc).toContain('**58 824 a year**');
  });

  it('call-centre figures quoted in the doc match examples/call-centre.yaml', () => {
    const { model } = parseModel(readFileSync('examples/call-centre.yaml', 'utf8'));
    const impact = businessImpact(model);
    expect(Math.round(impact.total.atRisk / 10_000) / 100).toBe(4.75);
    expect(Math.round(impact.rankings.fixSaves[0]!.value)).toBe(272_706);
    expect(impact.rankings.fixSaves[0]!.link.id).toBe('care-desk->households');
    const saved = (changes: unknown[]) => Math.round(moneyWhatIf(model, { changes }).saved);
    const recovery = saved([{ customer: 'households', set: { recovery: 0.5 } }]);
    const crm = saved([{ actor: 'crm', set: { performance: 1 } }]);
    const empower = saved([{ actor: 'sales-desk', set: { dependence: 0.4 } }]);
    const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(doc).toContain(`| ${spaced(recovery)} |`);
    expect(doc).toContain(`| ${spaced(crm)} |`);
    expect(doc).toContain(`| ${spaced(empower)} |`);
  });
});
