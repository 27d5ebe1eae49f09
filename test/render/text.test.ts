import { describe, expect, it } from 'vitest';
import { ServiceChainError } from '../../src/model/errors.js';
import { toText } from '../../src/render/text.js';
import { retailReport, unscoredReport } from './report-fixture.js';

describe('toText', () => {
  it('rejects unknown and out-of-range options with every issue', () => {
    expect(() => toText(retailReport, { top: 0 })).toThrow(ServiceChainError);
    try {
      toText(retailReport, { top: 1.5, colour: true } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as ServiceChainError).issues.map((issue) => issue.code)).toEqual([
        'invalid_option',
        'invalid_option',
      ]);
    }
  });

  it('renders a report as aligned plain-text tables', () => {
    expect(toText(retailReport)).toMatchInlineSnapshot(`
      "Service chain analysis: Acme "Retail" <Nörd> | UK
      =================================================
      Departments:           2
      Employees:             1
      Customers:             3
      Hand-offs:             4
      Organisation score S:  0.616 (61.6%)

      Customers
      ---------
      Customer              Value  Service  Chain strength  Weakest link
      ------------------  -------  -------  --------------  ------------------------------------
      Shoppers | walk-in  120,000    0.616           0.800  Dispatch <main>
      Trade\\u000Abuyers   2,500.5    0.450           0.500  Dispatch <main> -> Trade\\u000Abuyers
      Acme Supplies             0      n/a           1.000  none

      Chain behind each customer, from its weakest link:

      - Shoppers | walk-in: Dispatch <main> -> Shoppers | walk-in
      - Trade\\u000Abuyers: Dispatch <main> -> Trade\\u000Abuyers
      - Acme Supplies: nothing weak

      Top links to fix
      ----------------
      - Fix gain: what S would gain if this link alone were made perfect.
      - Failure loss: what S would lose if this link alone broke down completely.
      - Sensitivity: how fast S moves with this link's strength (dS/dx).

      #  Link                                                 Kind        Fix gain  Failure loss  Sensitivity  Weakest link for
      -  ---------------------------------------------------  ----------  --------  ------------  -----------  ------------------
      1  Dispatch <main> [fix first] [weakest link]           department     0.154         0.616        0.769  Shoppers | walk-in
      2  Wärehouse                                            department     0.068         0.616        0.684  -
      3  Dispatch <main> -> Shoppers | walk-in                hand-off       0.068         0.616        0.684  -
      4  Wärehouse -> Dispatch <main>                         hand-off       0.032         0.616        0.648  -
      5  Dispatch <main> -> Trade\\u000Abuyers [weakest link]  hand-off       0.005         0.005        0.009  Trade\\u000Abuyers

      Back offices with a big reach
      -----------------------------
      - Wärehouse: no customer contact, yet reaches 2 customers, the nearest 2 hand-offs away.

      Cycles
      ------
      #  Members                     Iterations  Converged
      -  --------------------------  ----------  ---------
      1  Wärehouse, Dispatch <main>          23  yes

      Warnings
      --------
      - customer "acme-supplies" receives no hand-off; it is not scored (customer_unreached)
      "
    `);
  });

  it('renders nulls as n/a and says why S is missing', () => {
    expect(toText(unscoredReport)).toMatchInlineSnapshot(`
      "Service chain analysis: Back office
      ===================================
      Departments:           0
      Employees:             1
      Customers:             0
      Hand-offs:             0
      Organisation score S:  n/a (no customer receives a hand-off)

      Customers
      ---------
      The model has no external customers.

      Top links to fix
      ----------------
      n/a: no customer is scored, so nothing is ranked.

      Cycles
      ------
      None: no hand-off chain loops back.

      Warnings
      --------
      - the model declares no external customers (no_customers)
      - no customer is scored, so S is null (no_scored_customers)
      "
    `);
  });

  it('caps the links to fix at top and leaves out links that would gain nothing', () => {
    const text = toText(retailReport, { top: 2 });
    expect(text).toMatch(/^1 {2}Dispatch <main> \[fix first\] \[weakest link\] {2}/m);
    expect(text).toMatch(/^2 {2}Wärehouse {2}/m);
    expect(text).not.toMatch(/^3 {2}/m);
    expect(text).toMatch(/Showing 2 of \d links worth fixing \(raise --top to see more\)/);
    expect(toText(retailReport)).toMatch(/^5 {2}Dispatch <main> -> Trade\\u000Abuyers/m);
    expect(toText(retailReport)).not.toMatch(/^\d+ +(Terry|Acme Supplies -> Wärehouse)/m);
    expect(toText(retailReport)).not.toContain('Showing');
  });

  it('is plain ASCII layout with no colour unless asked, and bold titles when asked', () => {
    expect(toText(retailReport)).not.toContain('\u001b');
    expect(toText(retailReport, { color: true })).toContain('\u001b[1mCustomers\u001b[0m');
  });

  it('shows control characters in names as escapes, so rows stay on one line and a terminal runs nothing', () => {
    const text = toText({
      ...retailReport,
      model: { ...retailReport.model, name: 'Evil\u001b[31m\r\nname' },
    });
    expect(text.split('\n')[0]).toBe('Service chain analysis: Evil\\u001B[31m\\u000D\\u000Aname');
    expect(text).toContain('Trade\\u000Abuyers');
    expect(text).not.toContain('\r');
  });

  it('starts a chain behind a hand-off at its provider, whichever end the report starts at', () => {
    const [, trade] = retailReport.customers;
    const receiverFirst = { ...trade!, chain: ['trade'] };
    for (const customer of [trade!, receiverFirst]) {
      expect(toText({ ...retailReport, customers: [customer] })).toContain(
        '- Trade\\u000Abuyers: Dispatch <main> -> Trade\\u000Abuyers\n',
      );
    }
  });

  it('never prints NaN, Infinity or -0', () => {
    const text = toText({
      ...retailReport,
      score: Number.NaN,
      actors: [],
      handoffs: retailReport.handoffs.map((handoff) => ({ ...handoff, fixGain: -0.0000001 })),
    });
    expect(text).not.toMatch(/NaN|Infinity|-0\.000/);
  });
});
