/**
 * The explorer's figures are the library's: for random models and random slider settings, the
 * page's engine (src/render/explorer/page/compute.ts, the code bundled into the page) gives
 * exactly what `whatIf` gives, and the scenario YAML it writes is read back by the what-if path
 * with the same result. The fragment round-trips any id.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseScenario } from '../../src/analysis/scenario.js';
import { whatIf } from '../../src/analysis/what-if.js';
import { ENGINE_DEFAULTS } from '../../src/engine/types.js';
import { loadModelFile } from '../../src/model/load-file.js';
import type { Model } from '../../src/model/schema.js';
import { explorerData } from '../../src/render/explorer/explorer-data.js';
import { explorerDiagrams } from '../../src/render/explorer/explorer-html.js';
import { createExplorerEngine } from '../../src/render/explorer/page/compute.js';
import {
  addKey,
  controlKey,
  fromFragment,
  roundValue,
  type Scenario,
  toFragment,
  toScenarioYaml,
} from '../../src/render/explorer/page/scenario.js';
import { validModel } from '../model/model-arbitrary.js';

function pageOf(model: Model) {
  const report = analyze(model);
  const data = explorerData(report, model, explorerDiagrams(report, model), ENGINE_DEFAULTS);
  // Through JSON, as the page reads it.
  return JSON.parse(JSON.stringify(data)) as typeof data;
}

/** Every node id of a model: actors first, then customers. */
function nodeIds(model: Model): string[] {
  return [...(model.departments ?? []), ...(model.employees ?? []), ...(model.customers ?? [])].map(
    (node) => node.id,
  );
}

/** A model with some of its controls set to random values, and maybe hand-offs added. */
const modelAndSettings = validModel.chain((model) => {
  const controls = pageOf(model).controls;
  const nodes = nodeIds(model);
  return fc.record({
    model: fc.constant(model),
    picks: fc.subarray([...controls.keys()], { maxLength: Math.min(4, controls.length) }),
    values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    adds: fc.array(
      fc.record({
        from: fc.nat(nodes.length - 1),
        to: fc.nat(nodes.length - 1),
        value: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { maxLength: 2 },
    ),
  });
});

function scenarioOf(
  model: Model,
  picks: readonly number[],
  values: readonly number[],
  adds: readonly { from: number; to: number; value: number }[] = [],
): Scenario {
  const data = pageOf(model);
  const engine = createExplorerEngine(data);
  const nodes = nodeIds(model);
  const scenario: Scenario = new Map();
  picks.forEach((pick, i) => {
    const control = data.controls[pick]!;
    scenario.set(controlKey(control), { ...control, value: roundValue(values[i]!) });
  });
  for (const add of adds) {
    const from = nodes[add.from]!;
    const to = nodes[add.to]!;
    if (!engine.canAdd(from, to)) continue;
    scenario.set(addKey(from, to), { type: 'add', from, to, value: roundValue(add.value) });
  }
  return scenario;
}

describe('the explorer engine', () => {
  it('gives what whatIf gives, for every customer, and its YAML reads back the same', () => {
    let withAdditions = 0;
    fc.assert(
      fc.property(modelAndSettings, ({ model, picks, values, adds }) => {
        const data = pageOf(model);
        const engine = createExplorerEngine(data);
        const scenario = scenarioOf(model, picks, values, adds);
        if ([...scenario.values()].some((change) => change.type === 'add')) withAdditions++;
        const page = engine.evaluate(scenario);
        const yaml = toScenarioYaml(scenario, model.name ?? 'model');
        const library = whatIf(model, parseScenario(yaml, model));
        expect(page.score).toBe(library.score.after);
        for (const customer of library.customers) {
          const shown = page.customers.find((c) => c.id === customer.id)!;
          expect(shown.service).toBe(customer.service.after);
          expect(shown.strength).toBe(customer.chainStrength.after);
          const link = shown.weakest;
          const chain = page.chain;
          const id =
            link < 0
              ? null
              : link < chain.actorCount
                ? chain.ids[link]
                : chain.handoffIds[link - chain.actorCount];
          expect(id).toBe(customer.weakestLink.after?.id ?? null);
        }
      }),
      { numRuns: 120 },
    );
    // The added hand-offs took the recompiling path in a fair share of the runs.
    expect(withAdditions).toBeGreaterThan(20);
  });

  it('starts from the analysis as given', async () => {
    const { model } = await loadModelFile('examples/retail.yaml');
    const engine = createExplorerEngine(pageOf(model));
    expect(engine.before.score).toBe(analyze(model).score);
    const set: Scenario = new Map([
      [
        controlKey({ type: 'handoff', id: 'warehouse->dispatch', field: 'quality' }),
        { type: 'handoff', id: 'warehouse->dispatch', field: 'quality', value: 0.95 },
      ],
    ]);
    expect(engine.evaluate(set).score?.toFixed(3)).toBe('0.522');
  });
});

describe('the scenario fragment', () => {
  it('round-trips any ids and values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom('handoff' as const, 'actor' as const),
            id: fc.string({ minLength: 1 }),
            value: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 5 },
        ),
        (entries) => {
          const scenario: Scenario = new Map();
          for (const e of entries) {
            const setting = {
              ...e,
              field: e.type === 'handoff' ? ('quality' as const) : ('welfare' as const),
            };
            scenario.set(controlKey(setting), setting);
          }
          const known = { controls: new Set(scenario.keys()), canAdd: () => false };
          const back = fromFragment(toFragment(scenario), known);
          expect(back.dropped).toBe(0);
          expect([...back.scenario.values()]).toEqual([...scenario.values()]);
        },
      ),
    );
  });

  it('round-trips added hand-offs between any ids', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: fc.string({ minLength: 1 }),
            to: fc.string({ minLength: 1 }),
            value: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 4 },
        ),
        (entries) => {
          const scenario: Scenario = new Map();
          for (const e of entries) scenario.set(addKey(e.from, e.to), { type: 'add', ...e });
          const known = { controls: new Set<string>(), canAdd: () => true };
          const back = fromFragment(toFragment(scenario), known);
          expect(back.dropped).toBe(0);
          expect([...back.scenario.values()]).toEqual([...scenario.values()]);
        },
      ),
    );
  });

  it('leaves out, and counts, what the model does not have or cannot take', () => {
    const known = {
      controls: new Set([controlKey({ type: 'actor', id: 'a', field: 'welfare' })]),
      canAdd: (from: string, to: string) => from === 'a' && to === 'c',
    };
    const fragment = `#set=${encodeURIComponent(
      JSON.stringify([
        ['actor', 'a', 'welfare', 0.5],
        ['actor', 'b', 'welfare', 0.5],
        ['actor', 'a', 'welfare', 2],
        ['actor', 'a', 'quality', 0.5],
        'junk',
        ['add', 'a', 'c', 0.75],
        ['add', 'c', 'a', 0.75],
        ['add', 'a', 'c', -1],
      ]),
    )}`;
    const back = fromFragment(fragment, known);
    expect([...back.scenario.values()]).toEqual([
      { type: 'actor', id: 'a', field: 'welfare', value: 0.5 },
      { type: 'add', from: 'a', to: 'c', value: 0.75 },
    ]);
    expect(back.dropped).toBe(6);
    expect(fromFragment('#set=%zz', known).dropped).toBe(1);
    expect(fromFragment('', known).scenario.size).toBe(0);
  });
});
