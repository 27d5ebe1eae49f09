/** Invariants over generated models: valid models load and round-trip; broken ones fail cleanly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ServiceChainError } from '../../src/model/errors.js';
import { toGraph } from '../../src/model/graph.js';
import { parseModel, safeValidateModel, validateModel } from '../../src/model/load.js';
import { stringifyModel } from '../../src/model/save.js';
import { hostileValue, mutate, pathsOf, validModel } from './model-arbitrary.js';

/** The codes validating an object can give: all but those of files, text and options. */
const VALIDATION_CODES = new Set<string>(
  ERROR_CODES.filter(
    (code) => !['file_unreadable', 'file_exists', 'syntax', 'invalid_option'].includes(code),
  ),
);

/** Every number in the graph's attributes is finite. */
function graphIsFinite(model: Parameters<typeof toGraph>[0]): boolean {
  const graph = toGraph(model);
  const values = [
    ...graph.mapNodes((_, attributes) => Object.values(attributes)),
    ...graph.mapEdges((_, attributes) => Object.values(attributes)),
  ].flat();
  return values.every((value) => typeof value !== 'number' || Number.isFinite(value));
}

describe('generated valid models', () => {
  it('validate, give a finite graph, and round-trip through YAML and JSON', () => {
    fc.assert(
      fc.property(validModel, (input) => {
        const { model } = validateModel(input);
        expect(model).toEqual(input);
        expect(graphIsFinite(model)).toBe(true);
        for (const format of ['yaml', 'json'] as const) {
          const text = stringifyModel(model, format);
          expect(parseModel(text, { format }).model).toEqual(model);
          expect(parseModel(text).model).toEqual(model);
          expect(stringifyModel(parseModel(text).model, format)).toBe(text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('random mutations of valid models', () => {
  it('either validate (with a finite graph) or fail with our issues only', () => {
    const mutation = validModel.chain((model) => {
      const paths = pathsOf(model);
      return fc.tuple(fc.constant(model), fc.constantFrom(...paths), hostileValue, fc.boolean());
    });
    fc.assert(
      fc.property(mutation, ([model, path, value, remove]) => {
        const input = mutate(model, path, value, remove);
        const result = safeValidateModel(input);
        if (result.success) {
          expect(graphIsFinite(result.model)).toBe(true);
          return;
        }
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(VALIDATION_CODES.has(issue.code)).toBe(true);
          expect(typeof issue.path).toBe('string');
          expect(issue.message).not.toMatch(/undefined|\[object Object\]/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('text that is not a model fails with ServiceChainError only', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          validModel.map((m) => stringifyModel(m, 'yaml').slice(0, 40)),
        ),
        (text) => {
          try {
            parseModel(text);
          } catch (error) {
            expect(error).toBeInstanceOf(ServiceChainError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
