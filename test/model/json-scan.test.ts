/**
 * The JSON scan against text written here with its answers known: every key given twice (with
 * its path and offset) and where every path starts, for trees with repeated and escaped keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/model/json-scan.js';
import { childPath, type Positions } from '../../src/model/locate.js';

/** A JSON tree whose objects are entry lists, so a key may repeat. */
type Tree = { list: Tree[] } | { entries: [string, Tree][] } | { scalar: unknown };

const key = fc.oneof(
  fc.constantFrom('a', 'b', 'id', 'a"b', 'back\\slash', 'x.y', 'é', '\n', ''),
  fc.string({ maxLength: 3 }),
);
const scalar = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    scalar.map((value) => ({ scalar: value })),
    fc.array(tie('tree'), { maxLength: 4 }).map((list) => ({ list })),
    fc.array(fc.tuple(key, tie('tree')), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
}));

/** The text of a tree, with what the scan must find in it (written independently of the scan). */
function write(root: Tree, space: string) {
  let text = '';
  const duplicates: { path: string; offset: number }[] = [];
  const positions: Positions = new Map();
  const visit = (node: Tree, path: string, keyAt: number | undefined) => {
    positions.set(path, { ...(keyAt !== undefined && { key: keyAt }), value: text.length });
    if ('scalar' in node) text += JSON.stringify(node.scalar);
    else if ('list' in node) {
      text += '[';
      node.list.forEach((item, i) => {
        text += (i > 0 ? ',' : '') + space;
        visit(item, childPath(path, i), undefined);
      });
      text += `${space}]`;
    } else {
      text += '{';
      const seen = new Set<string>();
      node.entries.forEach(([name, value], i) => {
        text += (i > 0 ? ',' : '') + space;
        const at = text.length;
        if (seen.has(name)) duplicates.push({ path: childPath(path, name), offset: at });
        seen.add(name);
        text += `${JSON.stringify(name)}:${space}`;
        visit(value, childPath(path, name), at);
      });
      text += `${space}}`;
    }
  };
  visit(root, '', undefined);
  return { text, duplicates, positions };
}

describe('scanJson', () => {
  it('finds every repeated key and every position, compact or spaced', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('', ' ', '\n  '), (root, space) => {
        const expected = write(root, space);
        const scan = scanJson(expected.text, new Set(expected.positions.keys()));
        expect(scan.duplicates).toEqual(expected.duplicates);
        expect(scan.positions).toEqual(expected.positions);
        expect(scan.tooDeepAt).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('finds a repeated key among more than sixteen (the set, not the list)', () => {
    const keys = Array.from({ length: 20 }, (_, i) => `"k${i}":${i}`);
    const text = `[{${keys.join(',')},"k3":0},{${keys.join(',')}}]`;
    expect(scanJson(text).duplicates).toEqual([{ path: '[0].k3', offset: text.indexOf('"k3":0') }]);
  });
});
