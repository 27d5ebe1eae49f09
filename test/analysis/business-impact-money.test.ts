import { describe, expect, it } from 'vitest';
import { customerMoney, failedShare, moneyAtRisk } from '../../src/analysis/money.js';
import { coefficientsUsed } from '../../src/analysis/money-coefficients.js';
import { type CustomerCoefficients, customerCoefficients } from '../../src/model/defaults.js';
import type { Customer, CustomerDefaults } from '../../src/model/schema.js';

/** Coefficients of a customer that sets `fields` in a model without a `defaults` block. */
function coefficients(fields: Omit<Customer, 'id'> = {}): CustomerCoefficients {
  return customerCoefficients({ id: 'c', ...fields }, undefined);
}

describe('failedShare', () => {
  it('is the unrecovered share of failed dealings', () => {
    expect(failedShare(0.8, 0)).toBeCloseTo(0.2, 15);
    expect(failedShare(0.6, 0.5)).toBeCloseTo(0.2, 15);
    expect(failedShare(0.6, 1)).toBe(0);
    expect(failedShare(1, 0)).toBe(0);
  });
});

describe('customerMoney', () => {
  it('uses the built-in defaults: one customer worth 1, a quarter lost per unit of failure', () => {
    // failed = 0.2; lost = 1 * 0.25 * 0.2 = 0.05; notWon = 0.05 * 10 * 0 = 0; atRisk = 0.05 * 1.
    const money = customerMoney(0.8, coefficients());
    expect(money.failed).toBeCloseTo(0.2, 15);
    expect(money.lost).toBeCloseTo(0.05, 15);
    expect(money.notWon).toBe(0);
    expect(money.atRisk).toBeCloseTo(0.05, 15);
  });

  it('reads value as the worth of the whole segment (value / count per customer)', () => {
    // 1000 customers worth 500000 together: 500 each. failed 0.2, lost = 1000 * (0.05 + 0.25 * 0.2) = 100.
    const money = customerMoney(
      0.8,
      coefficients({ count: 1000, value: 500_000, churn: { base: 0.05 } }),
    );
    expect(money.lost).toBeCloseTo(100, 10);
    expect(money.atRisk).toBeCloseTo(50_000, 8);
  });

  it('lets recovery win back part of the failed dealings', () => {
    // s = 0.6: 40% fail; recovery 0.5 wins half back: failed = 0.2, the same money as s = 0.8 above.
    const money = customerMoney(
      0.6,
      coefficients({ count: 1000, value: 500_000, churn: { base: 0.05 }, recovery: 0.5 }),
    );
    expect(money.failed).toBeCloseTo(0.2, 15);
    expect(money.lost).toBeCloseTo(100, 10);
    expect(money.atRisk).toBeCloseTo(50_000, 8);
    // Full recovery leaves only the base churn: 1000 * 0.05 = 50 lost, 25000 at risk.
    const full = customerMoney(
      0.6,
      coefficients({ count: 1000, value: 500_000, churn: { base: 0.05 }, recovery: 1 }),
    );
    expect(full.lost).toBeCloseTo(50, 10);
    expect(full.atRisk).toBeCloseTo(25_000, 8);
  });

  it('counts the prospects that word of mouth keeps away, at the same worth per customer', () => {
    // lost 100; each tells 10, 2% of whom would have joined: notWon = 100 * 10 * 0.02 = 20.
    // atRisk = (100 + 20) * 500 = 60000.
    const money = customerMoney(
      0.8,
      coefficients({
        count: 1000,
        value: 500_000,
        churn: { base: 0.05 },
        wordOfMouth: { conversion: 0.02 },
      }),
    );
    expect(money.notWon).toBeCloseTo(20, 10);
    expect(money.atRisk).toBeCloseTo(60_000, 8);
  });

  it('adds the cost of replacing each lost customer (not the prospects never won)', () => {
    // As above plus 100 lost * 50 = 5000: 65000.
    const money = customerMoney(
      0.8,
      coefficients({
        count: 1000,
        value: 500_000,
        churn: { base: 0.05 },
        wordOfMouth: { conversion: 0.02 },
        acquisitionCost: 50,
      }),
    );
    expect(money.atRisk).toBeCloseTo(65_000, 8);
  });

  it('caps the churn at the whole segment: min(1, ...)', () => {
    // base 0.5 + perFailure 2 * failed 0.5 = 1.5, capped at 1: all 200 lost, 100 each: 20000.
    const money = customerMoney(
      0.5,
      coefficients({ count: 200, value: 20_000, churn: { base: 0.5, perFailure: 2 } }),
    );
    expect(money.lost).toBe(200);
    expect(money.atRisk).toBeCloseTo(20_000, 8);
    // Worse service changes nothing once the cap is reached.
    expect(
      moneyAtRisk(
        0,
        coefficients({ count: 200, value: 20_000, churn: { base: 0.5, perFailure: 2 } }),
      ),
    ).toBeCloseTo(20_000, 8);
  });

  it('risks nothing for a node that stands for no one (count 0), without NaN', () => {
    const money = customerMoney(
      0.3,
      coefficients({ count: 0, value: 1000, churn: { base: 0.1 }, acquisitionCost: 5 }),
    );
    expect(money).toEqual({ failed: 0.7, lost: 0, notWon: 0, atRisk: 0 });
  });

  it('gives zero money when the coefficients are zero', () => {
    const noChurn = coefficients({ count: 50, value: 9000, churn: { base: 0, perFailure: 0 } });
    expect(moneyAtRisk(0, noChurn)).toBe(0);
    const worthless = coefficients({ count: 50, value: 0, acquisitionCost: 0 });
    expect(customerMoney(0, worthless).lost).toBeCloseTo(12.5, 12);
    expect(moneyAtRisk(0, worthless)).toBe(0);
  });

  it('gives zero money at perfect service with no base churn', () => {
    expect(moneyAtRisk(1, coefficients({ count: 10, value: 1000, acquisitionCost: 99 }))).toBe(0);
  });
});

describe('coefficientsUsed', () => {
  const defaults: CustomerDefaults = {
    churn: { base: 0.05 },
    wordOfMouth: { conversion: 0.02 },
    acquisitionCost: 150,
  };
  const customer: Customer = {
    id: 'households',
    count: 4000,
    value: 1_440_000,
    acquisitionCost: 80,
  };

  it('marks each coefficient as set on the customer, in the defaults block or built in', () => {
    expect(coefficientsUsed(customer, defaults)).toEqual([
      { name: 'count', value: 4000, source: 'customer', isDefault: false },
      { name: 'value', value: 1_440_000, source: 'customer', isDefault: false },
      { name: 'churn.base', value: 0.05, source: 'defaults', isDefault: true },
      { name: 'churn.perFailure', value: 0.25, source: 'builtin', isDefault: true },
      { name: 'recovery', value: 0, source: 'builtin', isDefault: true },
      { name: 'wordOfMouth.tells', value: 10, source: 'builtin', isDefault: true },
      { name: 'wordOfMouth.conversion', value: 0.02, source: 'defaults', isDefault: true },
      { name: 'acquisitionCost', value: 80, source: 'customer', isDefault: false },
    ]);
  });

  it('agrees with the values the formulas use', () => {
    const used = coefficientsUsed(customer, defaults);
    const applied = customerCoefficients(customer, defaults);
    const byName = Object.fromEntries(used.map((c) => [c.name, c.value]));
    expect(byName).toEqual({
      count: applied.count,
      value: applied.value,
      'churn.base': applied.churn.base,
      'churn.perFailure': applied.churn.perFailure,
      recovery: applied.recovery,
      'wordOfMouth.tells': applied.wordOfMouth.tells,
      'wordOfMouth.conversion': applied.wordOfMouth.conversion,
      acquisitionCost: applied.acquisitionCost,
    });
  });

  it('lets a customer override the defaults block, and the money follows', () => {
    // Defaults: base 0.05, conversion 0.02, acquisition 150. s = 0.8: failed 0.2, lost 4000 * 0.1 = 400.
    // notWon = 400 * 10 * 0.02 = 80; atRisk = 480 * 360 + 400 * 80 = 172800 + 32000 = 204800.
    const money = customerMoney(0.8, customerCoefficients(customer, defaults));
    expect(money.lost).toBeCloseTo(400, 9);
    expect(money.atRisk).toBeCloseTo(204_800, 6);
    // Without the override, the defaults block's 150 applies: 172800 + 400 * 150 = 232800.
    const { acquisitionCost: _, ...rest } = customer;
    expect(moneyAtRisk(0.8, customerCoefficients(rest, defaults))).toBeCloseTo(232_800, 6);
  });
});
