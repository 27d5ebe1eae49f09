/** toHtml's extra views (money, departments, metrics): where they go, and that they escape names. */
import { describe, expect, it } from 'vitest';
import { businessImpact } from '../../src/analysis/business-impact.js';
import { structuralMetrics } from '../../src/analysis/metrics.js';
import { rollUp } from '../../src/analysis/roll-up.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { toHtml } from '../../src/render/html.js';
import { moneyNames } from '../../src/render/money-document.js';
import { moneyHtml } from '../../src/render/money-html.js';
import { HOSTILE, PLAIN, tinyFixture } from './diagram-fixture.js';

/** The text of one `<section id="...">`. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

function views(naming = HOSTILE) {
  const { report, model } = tinyFixture(naming);
  return {
    report,
    model,
    money: businessImpact(model),
    rollUp: rollUp(report, model),
    metrics: structuralMetrics(model),
  };
}

describe('toHtml with extra views', () => {
  it('rejects an unknown option, as the diagram options do', () => {
    const { report, model } = tinyFixture();
    expect(() => toHtml(report, model, { sections: [] } as never)).toThrow(ServiceChainError);
  });

  it('says which view is not a computed view, at its option path', () => {
    const { report, model } = tinyFixture();
    let caught: unknown;
    try {
      toHtml(report, model, { money: 3 } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServiceChainError);
    const [issue] = (caught as ServiceChainError).issues;
    expect(issue).toMatchObject({ code: 'invalid_option', path: 'options.money' });
    expect(issue?.message).toContain('businessImpact');
  });

  it('adds nothing when no view is given', () => {
    const { report, model } = tinyFixture();
    const html = toHtml(report, model, {});
    expect(html).toBe(toHtml(report, model));
    expect(html).not.toMatch(/id="sc-(money|departments|metrics)"/);
  });

  it('places money, departments and metrics in that order before the footer', () => {
    const { report, model, ...extra } = views();
    const html = toHtml(report, model, extra);
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at('sc-findings')).toBeLessThan(at('sc-money'));
    expect(at('sc-money')).toBeLessThan(at('sc-departments'));
    expect(at('sc-departments')).toBeLessThan(at('sc-metrics'));
    expect(at('sc-metrics')).toBeLessThan(html.indexOf('<footer>'));
  });

  it('renders the money section with moneyHtml, `top` passed on', () => {
    const { report, model, money } = views();
    const html = toHtml(report, model, { money, top: 1 });
    expect(section(html, 'sc-money')).toBe(moneyHtml(money, { top: 1 }, moneyNames(report)));
    expect(() => toHtml(report, model, { money, top: 0 })).toThrow(ServiceChainError);
  });

  it('lists every department and every node with their figures', () => {
    const { report, model, rollUp: view, metrics } = views(PLAIN);
    const html = toHtml(report, model, { rollUp: view, metrics });
    const departments = section(html, 'sc-departments');
    expect(departments.match(/<tr>/g)).toHaveLength(2 + 2 + view.handoffs.length);
    expect(departments).toContain(
      '<td><strong>Operations</strong></td><td class="num">3</td><td class="num">',
    );
    const nodes = section(html, 'sc-metrics');
    expect(nodes.match(/<tr>/g)).toHaveLength(1 + 6);
    expect(nodes).toContain(
      '<td><strong>Bob</strong></td><td class="kind">employee</td><td class="num">1</td><td class="num">1</td><td class="num">',
    );
    expect(nodes).not.toMatch(/NaN|Infinity/);
  });

  it('escapes hostile names in every view and adds no tag, script or handler', () => {
    const { report, model, ...extra } = views(HOSTILE);
    const html = toHtml(report, model, extra);
    for (const id of ['sc-money', 'sc-departments', 'sc-metrics']) {
      const part = section(html, id);
      expect(part).not.toMatch(/<(img|script|svg|b)[\s>]/);
      const tags = part.match(/<[^>]*>/g) ?? [];
      expect(tags.filter((tag) => /onerror|onmouseover|onload|javascript:/.test(tag))).toEqual([]);
    }
    expect(section(html, 'sc-departments')).toContain(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(section(html, 'sc-metrics')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html.match(/<script/g)).toHaveLength(2);
    // Two pictures (actors, and departments for the roll-up), one namespace.
    expect(new Set(html.match(/https?:\/\/[^\s"']+/g))).toEqual(
      new Set(['http://www.w3.org/2000/svg']),
    );
    expect(toHtml(report, model, extra)).toBe(html);
  });
});
