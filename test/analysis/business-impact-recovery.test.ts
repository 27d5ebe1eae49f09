import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { businessImpact, totalMoneyAtRisk } from '../../src/analysis/business-impact.js';
import { moneyWhatIf } from '../../src/analysis/money-what-if.js';
import { plan } from '../../src/analysis/plan.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { compileModel, propagate } from '../../src/engine/index.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel } from '../../src/model/load.js';

const model = parseModel(readFileSync('examples/call-centre.yaml', 'utf8')).model;

/** A recovery program for households: apologise, reinstate fast, follow up (0.1 -> 0.5). */
const recoveryProgram = [{ customer: 'households', set: { recovery: 0.5 } }];
/** Fixing an internal link: IT & CRM's records made right (performance 0.9 -> 1). */
const crmUpgrade = [{ actor: 'crm', set: { performance: 1 } }];

describe('a recovery program is a scenario change like any other', () => {
  it('moves no service score, so S cannot see it (what-if)', () => {
    const result = whatIf(model, { changes: recoveryProgram });
    expect(result.score.change).toBe(0);
    for (const customer of result.customers) expect(customer.service.change ?? 0).toBe(0);
  });

  it('lowers the money at risk by the hand-computed amount (moneyWhatIf)', () => {
    const households = businessImpact(model, { links: false }).customers.find(
      (c) => c.id === 'households',
    )!;
    // Only households' failed share moves: failed = (1 - s)(1 - recovery), recovery 0.1 -> 0.5.
    // Below the cap, lost falls by 40000 * 0.3 * (1 - s) * 0.4; each lost household is worth 360
    // plus 10 * 0.02 not won at 360, plus 150 to replace.
    const fewerLost = 40_000 * 0.3 * (1 - households.service!) * 0.4;
    const expected = fewerLost * (1 + 10 * 0.02) * 360 + fewerLost * 150;
    const result = moneyWhatIf(model, { changes: recoveryProgram });
    expect(result.saved).toBeCloseTo(expected, 6);
    expect(result.before.atRisk - result.after.atRisk).toBe(result.saved);
    const moved = result.customers.filter((c) => c.before !== c.after).map((c) => c.id);
    expect(moved).toEqual(['households']);
  });

  it('prices a link fix the same way as the link table does', () => {
    const crm = businessImpact(model).links.find((l) => l.link.id === 'crm')!;
    expect(moneyWhatIf(model, { changes: crmUpgrade }).saved).toBeCloseTo(crm.fixSaves, 6);
  });

  it('weighs the recovery program against fixing CRM: money favours recovery, S cannot', () => {
    const recovery = moneyWhatIf(model, { changes: recoveryProgram }).saved;
    const crm = moneyWhatIf(model, { changes: crmUpgrade }).saved;
    // Costs of the two programmes (assumed): 300k for recovery, 200k for the CRM upgrade.
    expect(recovery / 300_000).toBeGreaterThan(crm / 200_000);
    // The plan optimises S: it buys the CRM upgrade and finds no gain in the recovery program.
    const result = plan(model, {
      budget: 600_000,
      candidates: [
        { id: 'recovery-program', cost: 300_000, changes: recoveryProgram },
        { id: 'crm-upgrade', cost: 200_000, changes: crmUpgrade },
      ],
    });
    expect(result.steps.map((step) => step.candidate)).toEqual(['crm-upgrade']);
    expect(result.notTaken).toMatchObject([
      { candidate: 'recovery-program', reason: 'no_gain', gain: 0 },
    ]);
  });

  it('rejects a recovery outside [0, 1] like any bad scenario value', () => {
    expect(() =>
      moneyWhatIf(model, { changes: [{ customer: 'households', set: { recovery: 1.5 } }] }),
    ).toThrow(ServiceChainError);
  });
});

describe('totalMoneyAtRisk', () => {
  it('equals businessImpact total at the engine service of the same model', () => {
    const chain = compileModel(model);
    const { service } = propagate(chain);
    const total = businessImpact(model, { links: false }).total.atRisk;
    expect(totalMoneyAtRisk(model, chain, service)).toBeCloseTo(total, 6);
  });
});
