/**
 * `analyze --money` runs ONE impact pass: analyzeWithMoney compiles the model once and runs the
 * engine's per-link recomputes once, with progress, and gives exactly analyze's report and
 * businessImpact's money view (which each run a pass of their own).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ compile: 0, pass: 0, sPass: 0 }));

vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../src/engine/index.js')>();
  return {
    ...engine,
    compileModel: (...args: Parameters<typeof engine.compileModel>) => {
      calls.compile++;
      return engine.compileModel(...args);
    },
    forEachLinkCustomerImpact: (...args: Parameters<typeof engine.forEachLinkCustomerImpact>) => {
      calls.pass++;
      return engine.forEachLinkCustomerImpact(...args);
    },
    linkImpacts: (...args: Parameters<typeof engine.linkImpacts>) => {
      calls.sPass++;
      return engine.linkImpacts(...args);
    },
  };
});

const { analyze, analyzeWithMoney } = await import('../../src/analysis/analyze.js');
const { businessImpact, rankedMoneyLinks } = await import('../../src/analysis/business-impact.js');
const { parseModel } = await import('../../src/model/load.js');
const { analyzeForCommand } = await import('../../src/cli/commands/analyze.js');

const text = readFileSync(new URL('../../examples/call-centre.yaml', import.meta.url), 'utf8');
const { model } = parseModel(text, { format: 'yaml' });

beforeEach(() => {
  calls.compile = 0;
  calls.pass = 0;
  calls.sPass = 0;
});

describe('analyzeWithMoney on examples/call-centre.yaml', () => {
  it('compiles once and runs one impact pass, with progress to its end', () => {
    const ends: number[] = [];
    const { money } = analyzeWithMoney(model, {
      onProgress: (done, total) => {
        if (done === total) ends.push(total);
      },
    });
    expect(calls).toEqual({ compile: 1, pass: 1, sPass: 0 });
    expect(ends).toHaveLength(1);
    expect(money.links.length).toBe(ends[0]);
  });

  it('is what `analyze --money` runs: one compile, one pass', async () => {
    const { money } = await analyzeForCommand(model, { format: 'json', money: true });
    expect(money).toBeDefined();
    expect(calls).toEqual({ compile: 1, pass: 1, sPass: 0 });
  });

  it('gives analyze’s report and businessImpact’s money view, figure for figure', () => {
    const both = analyzeWithMoney(model, { top: 3 });
    expect(both.report).toEqual(analyze(model, { top: 3 }));
    expect(both.money).toEqual(businessImpact(model, { top: 3 }));
    // analyze and businessImpact on their own: one pass each, the two the combined run saves.
    expect(calls).toEqual({ compile: 3, pass: 3, sPass: 0 });
  });
});

describe('rankedMoneyLinks', () => {
  it('gives the priced links in the order of a money ranking, for the renderers', () => {
    const money = businessImpact(model, { top: 4 });
    for (const figure of ['fixSaves', 'failureCosts'] as const) {
      const links = rankedMoneyLinks(money, figure);
      expect(links.map((entry) => entry.link)).toEqual(money.rankings[figure].map((r) => r.link));
      expect(links.map((entry) => entry[figure])).toEqual(
        money.rankings[figure].map((r) => r.value),
      );
    }
  });
});
