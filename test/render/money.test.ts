import { describe, expect, it } from 'vitest';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { ServiceChainError } from '../../src/model/errors.js';
import type { Model } from '../../src/model/schema.js';
import { moneyDocument, moneyMarkdown, moneyText } from '../../src/render/money-document.js';
import { formatCustomers, formatMoney, moneyDecimals } from '../../src/render/money-format.js';
import { moneyHtml } from '../../src/render/money-html.js';
import { cornerShop } from '../analysis/corner-shop.js';

describe('money formats', () => {
  it('groups digits without a locale and never prints -0', () => {
    expect(formatMoney(3_101_547.4, 0)).toBe('3,101,547');
    expect(formatMoney(42.5, 2)).toBe('42.50');
    expect(formatMoney(-0.001, 2)).toBe('0.00');
    expect(formatMoney(null, 0)).toBe('n/a');
    expect(formatCustomers(5329.123)).toBe('5,329.12');
  });

  it('shows cents only where the whole view is small (default value 1)', () => {
    expect(moneyDecimals(48_676)).toBe(0);
    expect(moneyDecimals(0.05)).toBe(2);
  });
});

describe('moneyText', () => {
  it('renders customers, total, links by money saved and the coefficients marked by where they came from', () => {
    expect(moneyText(businessImpact(cornerShop))).toMatchInlineSnapshot(`
      "Money at risk
      -------------
      Yearly figures. The coefficients are assumptions to set from the client's own figures; those marked (model default) come from the model's defaults block, (built-in) from the library's own guesses, the others from the customer.

      Customer  Segment   Service  Failed  Customers lost  Prospects not won  At risk
      --------  --------  -------  ------  --------------  -----------------  -------
      shoppers  end-user    0.684   25.3%          113.20              33.96   48,676
      Total                         25.3%          113.20              33.96   48,676

      [fix first] For money: fixing warehouse->dispatch alone saves 14,706 a year, the most of any single link.

      Top links by money saved. Fix saves: the money at risk now minus with this link perfect. Failure costs: with it broken down minus now. Both exact recomputations.

      #  Link                             Strength  Fix saves  Failure costs
      -  -------------------------------  --------  ---------  -------------
      1  warehouse->dispatch [fix first]     0.800     14,706         58,824
      2  warehouse                           0.900      6,536         58,824
      3  dispatch->shoppers                  0.950      3,096         58,824

      Coefficients used:

      Customer  Count    Value  Base churn  Churn per failure  Recovery          Tells  Conversion  Acquisition cost
      --------  -----  -------  ----------  -----------------  --------  -------------  ----------  ----------------
      shoppers  1,000  300,000        0.05    0.25 (built-in)       0.2  10 (built-in)        0.03                40
      "
    `);
  });

  it("tells a coefficient from the model's defaults block from a built-in guess", () => {
    const model: Model = { ...cornerShop, defaults: { churn: { perFailure: 0.3 } } };
    const text = moneyText(businessImpact(model));
    expect(text).toContain('0.3 (model default)');
    expect(text).toContain('10 (built-in)');
  });

  it('caps the links table at `top` and leaves out links that save nothing', () => {
    const text = moneyText(businessImpact(cornerShop), { top: 1 });
    expect(text).toContain('1  warehouse->dispatch');
    expect(text).not.toContain('2  warehouse');
    // `dispatch` is perfect already: never listed.
    expect(moneyText(businessImpact(cornerShop))).not.toMatch(/\d {2}dispatch {2}/);
  });

  it('says "not scored" for a customer that receives no hand-off, and prices no link if asked', () => {
    const model: Model = {
      ...cornerShop,
      customers: [...cornerShop.customers!, { id: 'supplier', segment: 'supplier' }],
      handoffs: [...cornerShop.handoffs!, { from: 'supplier', to: 'warehouse' }],
    };
    const text = moneyText(businessImpact(model, { links: false }));
    expect(text).toMatch(/supplier {2}supplier +not scored +not scored/);
    expect(text).not.toContain('Top links');
  });

  it('rejects unknown options', () => {
    expect(() => moneyText(businessImpact(cornerShop), { tops: 3 } as never)).toThrow(
      ServiceChainError,
    );
  });
});

describe('moneyMarkdown', () => {
  it('renders a level-2 section with GitHub tables and ids in code', () => {
    const markdown = moneyMarkdown(businessImpact(cornerShop));
    expect(markdown.startsWith('## Money at risk\n\nYearly figures')).toBe(true);
    expect(markdown).toContain('| shoppers | end-user | 0.684 | 25.3% | 113.20 | 33.96 | 48,676 |');
    expect(markdown).toContain('| Total |  |  | 25.3% | 113.20 | 33.96 | 48,676 |');
    expect(markdown).toContain(
      '| 1 | `warehouse->dispatch` \\[fix first\\] | 0.800 | 14,706 | 58,824 |',
    );
    expect(markdown).toContain('| 0.25 (built-in) |');
  });

  it('keeps a `|` in a name from splitting a table cell', () => {
    const model: Model = {
      ...cornerShop,
      customers: [{ ...cornerShop.customers![0]!, id: 'a|b' }],
      handoffs: [cornerShop.handoffs![0]!, { from: 'dispatch', to: 'a|b', quality: 0.95 }],
    };
    expect(moneyMarkdown(businessImpact(model))).toContain('| a\\|b | end-user |');
  });
});

describe('moneyHtml', () => {
  it('is one section fragment with numeric cells right-aligned and defaults badged', () => {
    const html = moneyHtml(businessImpact(cornerShop));
    expect(html.startsWith('<section id="sc-money">\n<h2>Money at risk</h2>')).toBe(true);
    expect(html.endsWith('</section>')).toBe(true);
    expect(html).toContain('<td class="num">48,676</td>');
    expect(html).toContain('0.25 <span class="badge note">built-in</span>');
    expect(html).toContain('<td>warehouse-&gt;dispatch [fix first]</td>');
  });

  it('escapes every model string', () => {
    const model: Model = {
      ...cornerShop,
      customers: [{ ...cornerShop.customers![0]!, id: '<script>x</script> (default)' }],
      handoffs: [
        cornerShop.handoffs![0]!,
        { from: 'dispatch', to: '<script>x</script> (default)', quality: 0.95 },
      ],
    };
    const html = moneyHtml(businessImpact(model));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; (default)</td>');
  });
});

describe('moneyDocument', () => {
  it('says so when the model has no external customers', () => {
    const model: Model = { version: 1, departments: [{ id: 'a' }] };
    expect(moneyDocument(businessImpact(model))).toEqual([
      { type: 'heading', level: 2, text: [{ text: 'Money at risk' }] },
      { type: 'paragraph', cell: [{ text: 'The model has no external customers.' }] },
    ]);
  });
});
