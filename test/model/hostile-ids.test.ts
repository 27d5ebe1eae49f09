/** Ids and dimension names that trip plain-object lookups must work everywhere. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { handoffQuality, ratingFrame } from '../../src/model/defaults.js';
import { toGraph } from '../../src/model/graph.js';
import { parseModel, safeValidateModel, validateModel } from '../../src/model/load.js';
import { stringifyModel } from '../../src/model/save.js';
import { toGexf, toGraphml } from '../../src/render/export.js';

const HOSTILE = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a b',
  'say "hi"',
  'Zoë',
  '1',
  'null',
];

/** A record as JSON.parse gives it: `__proto__` is an own key (a JS literal would set the prototype). */
const record = (json: string) => JSON.parse(json);

/** The generated node key of a model id. */
function keyOf(graph: ReturnType<typeof toGraph>, id: string): string {
  const key = graph.findNode((_key, node) => node.id === id);
  if (key === undefined) throw new Error(`no node ${id}`);
  return key;
}

/** Every hostile id is a department, and every one hands off to the customer `valueOf`. */
type Items = Record<string, unknown>[];

function hostileModel(): { [section: string]: unknown; customers: Items; handoffs: Items } {
  return {
    version: 1,
    dimensions: ['__proto__', 'constructor', 'toString'],
    departments: HOSTILE.map((id) => ({
      id,
      priorities: record('{"__proto__": 2, "constructor": 1}'),
    })),
    customers: [{ id: 'valueOf', priorities: record('{"__proto__": 3}') }],
    handoffs: HOSTILE.map((id) => ({
      id: `${id}!`,
      from: id,
      to: 'valueOf',
      ratings: record('{"__proto__": 5, "toString": 1}'),
    })),
  };
}

describe('hostile ids', () => {
  it('JSON.parse keeps `__proto__` as an own key (the fixture is what a file gives)', () => {
    const model = hostileModel();
    expect(Object.keys(model.customers[0]!.priorities as object)).toEqual(['__proto__']);
  });

  it('validate with no spurious issue and keep `__proto__` keys in records', () => {
    const { model, warnings } = validateModel(hostileModel());
    expect(warnings).toEqual([]);
    expect(model.departments!.map((d) => d.id)).toEqual(HOSTILE);
    expect(Object.keys(model.customers![0]!.priorities!)).toEqual(['__proto__']);
    expect(Object.keys(model.handoffs![0]!.ratings!)).toEqual(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(model.customers![0]!.priorities)).toBe(Object.prototype);
  });

  it('derive quality from own priorities only (toString is not Object.prototype.toString)', () => {
    const { model } = validateModel(hostileModel());
    const handoff = model.handoffs![0]!;
    // priorities { __proto__: 3 }; toString unset -> weight 1: (3 * 1 + 1 * 0) / 4
    expect(handoffQuality(handoff, ratingFrame(model), model.customers![0]!.priorities)).toBe(0.75);
  });

  it('build a graph with generated node keys and the ids as attributes', () => {
    const { model } = validateModel(hostileModel());
    const graph = toGraph(model);
    expect(graph.mapNodes((_key, node) => node.id)).toEqual([...HOSTILE, 'valueOf']);
    expect(graph.getNodeAttribute(keyOf(graph, '__proto__'), 'kind')).toBe('department');
    expect(graph.edges()).toEqual(HOSTILE.map((id) => `${id}!`));
    expect(graph.getEdgeAttribute('constructor!', 'quality')).toBe(0.75);
  });

  it('never pollute Object.prototype through graphology, and keep adjacency right', () => {
    const input = hostileModel();
    input.handoffs.push({ id: 'again', from: 'a b', to: '__proto__' });
    input.handoffs.push({ id: 'twice', from: 'a b', to: '__proto__' });
    input.handoffs.push({ id: 'ctor', from: 'a b', to: 'constructor' });
    input.handoffs.push({ id: 'own', from: 'a b', to: 'hasOwnProperty' });
    const graph = toGraph(validateModel(input).model);
    const key = (id: string) => keyOf(graph, id);
    const ids = (keys: string[]) => keys.map((k) => graph.getNodeAttribute(k, 'id'));
    expect(Object.hasOwn(Object.prototype, 'previous')).toBe(false);
    expect(Object.hasOwn(Object, 'previous')).toBe(false);
    // graphology lists parallel edges newest first within one neighbour
    expect(graph.outEdges(key('a b'))).toEqual(['a b!', 'twice', 'again', 'ctor', 'own']);
    expect(graph.inEdges(key('__proto__'))).toEqual(['twice', 'again']);
    expect(graph.edges(key('a b'), key('__proto__'))).toEqual(['twice', 'again']);
    expect(graph.hasEdge(key('a b'), key('__proto__'))).toBe(true);
    expect(graph.hasDirectedEdge(key('a b'), key('hasOwnProperty'))).toBe(true);
    expect(graph.hasEdge(key('valueOf'), key('toString'))).toBe(false);
    expect(graph.hasEdge('twice')).toBe(true);
    expect(ids(graph.outNeighbors(key('a b')))).toEqual([
      'valueOf',
      '__proto__',
      'constructor',
      'hasOwnProperty',
    ]);
  });

  it('export with the ids as node ids (GEXF and GraphML)', () => {
    const { model } = validateModel(hostileModel());
    const report = analyze(model);
    for (const text of [toGexf(report, model), toGraphml(report, model)]) {
      expect(text).toContain('<node id="__proto__"');
      expect(text).toContain('source="constructor" target="valueOf"');
    }
  });

  it('round-trip through YAML and JSON', () => {
    const { model } = validateModel(hostileModel());
    for (const format of ['yaml', 'json'] as const) {
      expect(parseModel(stringifyModel(model, format), { format }).model).toEqual(model);
    }
  });

  it('report duplicates and unknown references among hostile ids', () => {
    const input = hostileModel();
    input.customers.push({ id: '__proto__' });
    input.handoffs.push({ from: 'constructor', to: 'toStrin' });
    const result = safeValidateModel(input);
    expect(result.success ? [] : result.issues).toEqual([
      {
        code: 'duplicate_id',
        path: 'customers[1].id',
        message:
          'duplicate id "__proto__": already declared at departments[0] (ids are unique across departments, employees and customers)',
      },
      {
        code: 'unknown_node',
        path: 'handoffs[9].to',
        message: 'unknown node "toStrin" (did you mean "toString"?)',
      },
    ]);
  });

  it('reject an unknown dimension named like an Object.prototype member', () => {
    const input = hostileModel();
    input.handoffs[0]!.ratings = { hasOwnProperty: 3 };
    const result = safeValidateModel(input);
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown_dimension', 'handoffs[0].ratings.hasOwnProperty'],
    ]);
  });

  it('check the value under a `__proto__` key, which zod skips', () => {
    const input = hostileModel();
    input.customers[0]!.priorities = record('{"__proto__": -1}');
    input.handoffs[0]!.ratings = record('{"__proto__": "five"}');
    const result = safeValidateModel(input);
    expect(result.success ? [] : result.issues).toEqual([
      {
        code: 'out_of_range',
        path: 'customers[0].priorities.__proto__',
        message: 'must be at least 0, got -1',
      },
      {
        code: 'invalid_type',
        path: 'handoffs[0].ratings.__proto__',
        message: 'must be a number or { expected, perceived }, got "five"',
      },
    ]);
  });
});
