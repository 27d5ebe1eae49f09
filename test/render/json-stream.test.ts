/** jsonChunks: the streamed JSON is byte for byte JSON.stringify's, pretty and compact. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWithMoney } from '../../src/analysis/analyze.js';
import { parseModel } from '../../src/model/load.js';
import { jsonChunks } from '../../src/render/json-stream.js';

const joined = (value: unknown, indent?: number, chunkSize?: number) =>
  [
    ...jsonChunks(value, {
      ...(indent !== undefined && { indent }),
      ...(chunkSize && { chunkSize }),
    }),
  ].join('');

describe('jsonChunks', () => {
  it('streams the call-centre report with money exactly as JSON.stringify writes it', () => {
    const text = readFileSync(new URL('../../examples/call-centre.yaml', import.meta.url), 'utf8');
    const { report, money } = analyzeWithMoney(parseModel(text, { format: 'yaml' }).model);
    const output = { ...report, money };
    expect(joined(output, 2)).toBe(JSON.stringify(output, null, 2));
    expect(joined(output)).toBe(JSON.stringify(output));
    expect(joined(output, 2, 7)).toBe(JSON.stringify(output, null, 2));
  });

  it('yields chunks near the chunk size, never the whole text at once', () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, value: i / 7 }));
    const chunks = [...jsonChunks(big, { chunkSize: 1000 })];
    expect(chunks.length).toBeGreaterThan(50);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1100);
    expect(chunks.join('')).toBe(JSON.stringify(big));
  });

  it('matches JSON.stringify on random values: undefined keys, NaN, empty containers, toJSON', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(-0),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node')),
        fc.dictionary(fc.string(), tie('node')),
        fc.date({ noInvalidDate: true }),
      ),
    })).node;
    fc.assert(
      fc.property(
        tree,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (value, indent, size) => {
          expect(joined(value, indent, size)).toBe(JSON.stringify(value, null, indent) ?? '');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes long arrays of rows in slices with the same bytes, pretty or compact, toJSON or not', () => {
    const row = (i: number) => ({
      id: `r${i}`,
      value: i / 7,
      list: i % 3 === 0 ? [] : [i, { x: null }],
    });
    const rows = Array.from({ length: 1300 }, (_, i) => (i % 97 === 5 ? undefined : row(i)));
    const withDate = [...rows.slice(0, 700), new Date(0), ...rows.slice(700)];
    for (const value of [{ a: { rows } }, { rows, more: [rows] }, { a: { rows: withDate } }]) {
      for (const indent of [0, 2, 3]) {
        expect(joined(value, indent, 4000)).toBe(JSON.stringify(value, null, indent));
      }
    }
  });
});
