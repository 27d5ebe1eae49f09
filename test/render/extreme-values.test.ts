/**
 * Extreme but valid values (docs/model-file.md, "Bounds on numbers": the bounds' edges, tiny and
 * huge weights, priorities, values and counts, the scale's ends) driven through the analysis and
 * every renderer: no output may hold NaN or Infinity, and no figure may read `n/a` unless the
 * model itself leaves it undefined (an infinite sensitivity, a loop that did not converge).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeWithMoney,
  type Model,
  moneyHtml,
  moneyMarkdown,
  moneyText,
  renderWhatIf,
  safeValidateModel,
  toDot,
  toHtml,
  toMarkdown,
  toMermaid,
  toSvg,
  toText,
  whatIf,
} from '../../src/index.js';
import { NUMBER_BOUNDS } from '../../src/model/schema.js';

const { amount, weight, scale: scaleEnd, count: leastCount } = NUMBER_BOUNDS;
const TINY = Number.MIN_VALUE;
const share = fc.constantFrom(0, TINY, 1e-300, 0.5, 1 - 2 ** -53, 1);
const anyAmount = fc.constantFrom(0, TINY, 1e-300, 1, amount);
const dimensions = ['a', 'b', 'c'];
const scales = fc.constantFrom(
  { min: -scaleEnd, max: scaleEnd },
  { min: 0, max: TINY },
  { min: scaleEnd - 1e-10, max: scaleEnd },
  { min: -scaleEnd, max: -scaleEnd + 1 },
  { min: 1, max: 5 },
);
const priorities = fc.dictionary(
  fc.constantFrom(...dimensions),
  fc.constantFrom(0, TINY, 1, 1e300, Number.MAX_VALUE),
);
const money = fc.record(
  {
    value: anyAmount,
    count: fc.constantFrom(0, leastCount, 1, amount),
    churn: fc.record({ base: share, perFailure: anyAmount }, { requiredKeys: [] }),
    recovery: share,
    wordOfMouth: fc.record({ tells: anyAmount, conversion: share }, { requiredKeys: [] }),
    acquisitionCost: anyAmount,
  },
  { requiredKeys: [] },
);

/** A rating at an edge of the scale, in the middle, or an expectation-gap pair of edges. */
function rating(scale: { min: number; max: number }) {
  const edge = fc.constantFrom(scale.min, scale.max, scale.min + (scale.max - scale.min) / 2);
  return fc.oneof(edge, fc.record({ expected: edge, perceived: edge }));
}

/** A chain of departments d0 -> d1 -> ... with extra inputs, a possible loop, and customers. */
const extremeModel = scales.chain((scale) =>
  fc
    .record({
      actors: fc.array(
        fc.record(
          {
            performance: share,
            welfare: share,
            dependence: share,
            combine: fc.constantFrom('mean', 'min', 'product', 'geometric'),
            priorities,
          },
          { requiredKeys: ['combine'] },
        ),
        { minLength: 2, maxLength: 5 },
      ),
      customers: fc.array(fc.record({ money, priorities }, { requiredKeys: ['money'] }), {
        minLength: 1,
        maxLength: 3,
      }),
      defaults: money,
      edge: fc.array(
        fc.record(
          {
            quality: share,
            ratings: fc.dictionary(fc.constantFrom(...dimensions), rating(scale), { minKeys: 1 }),
            weight: fc.constantFrom(weight.min, 1, weight.max),
          },
          { requiredKeys: [] },
        ),
        { minLength: 12, maxLength: 12 },
      ),
      loop: fc.boolean(),
    })
    .map(({ actors, customers, defaults, edge, loop }) => {
      const handoffs: NonNullable<Model['handoffs']>[number][] = [];
      const at = (from: string, to: string) => {
        const { quality, ratings, weight: w } = edge[handoffs.length % edge.length]!;
        handoffs.push({
          from,
          to,
          ...(ratings === undefined ? quality !== undefined && { quality } : { ratings }),
          ...(w !== undefined && { weight: w }),
        });
      };
      for (let i = 1; i < actors.length; i++) at(`d${i - 1}`, `d${i}`);
      if (actors.length > 2) at('d0', `d${actors.length - 1}`);
      if (loop) at(`d${actors.length - 1}`, 'd0');
      for (let c = 0; c < customers.length; c++) at(`d${actors.length - 1 - (c % 2)}`, `c${c}`);
      const model: Model = {
        version: 1,
        scale,
        dimensions,
        defaults,
        departments: actors.map((actor, i) => ({ id: `d${i}`, ...actor })),
        customers: customers.map((customer, c) => ({
          id: `c${c}`,
          ...customer.money,
          ...(customer.priorities !== undefined && { priorities: customer.priorities }),
        })),
        handoffs,
      };
      return model;
    }),
);

/** Every non-finite number anywhere in a JSON-like value, by path. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonFinite(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => nonFinite(item, `${path}.${key}`));
  return [];
}

const UNDEFINED_ON_PURPOSE = new Set(['infinite_sensitivity', 'not_converged']);

describe('extreme but valid values through every renderer', () => {
  it('never print NaN, Infinity or an n/a the model does not call for', () => {
    fc.assert(
      fc.property(extremeModel, (model) => {
        const validation = safeValidateModel(model);
        expect(validation.success ? [] : validation.issues).toEqual([]);
        const { report, money } = analyzeWithMoney(model);
        const comparison = whatIf(model, {
          changes: [
            { handoff: 'd0->d1', set: { quality: 1, weight: weight.max } },
            { customer: 'c0', set: { value: amount, count: leastCount } },
          ],
        });
        expect(nonFinite(report)).toEqual([]);
        expect(nonFinite(money)).toEqual([]);
        expect(nonFinite(comparison)).toEqual([]);
        const outputs: Record<string, string> = {
          text: toText(report),
          markdown: toMarkdown(report),
          json: JSON.stringify(report),
          // The page's script is code, not figures: its data block and markup are checked.
          html: toHtml(report, model, { money }).replace(/<script>[\s\S]*?<\/script>/, ''),
          mermaid: toMermaid(report, model),
          dot: toDot(report, model),
          svg: toSvg(report, model),
          moneyText: moneyText(money),
          moneyMarkdown: moneyMarkdown(money),
          moneyHtml: moneyHtml(money),
          whatIfText: renderWhatIf(comparison, 'text'),
          whatIfMarkdown: renderWhatIf(comparison, 'markdown'),
        };
        // Undefined by the model, not by overflow: a derivative through a geometric input at 0, a
        // loop that did not converge, or the total failed share of customers who all count 0.
        const undefinedOnPurpose =
          report.score === null ||
          report.warnings.some((w) => UNDEFINED_ON_PURPOSE.has(w.code)) ||
          money.total.failed === null;
        for (const [name, output] of Object.entries(outputs)) {
          expect(output, name).not.toMatch(/NaN|Infinity/);
          if (!undefinedOnPurpose) expect(output, name).not.toMatch(/n\/a/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
