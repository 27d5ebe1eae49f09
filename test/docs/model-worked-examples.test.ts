/**
 * Keeps docs/model.md honest: every YAML block marked `# worked-example: NAME` is analysed, every
 * `# expect: PATH = VALUE` line in it must match the report, and every number it expects must also
 * be written in the prose of the same section (so the hand computation shows the checked figure).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseModel } from '../../src/model/load.js';

const docPath = join(import.meta.dirname, '..', '..', 'docs', 'model.md');
const doc = readFileSync(docPath, 'utf8');

interface Expectation {
  readonly path: string;
  /** The value as written, so numbers keep their written precision. */
  readonly written: string;
}

interface WorkedExample {
  readonly name: string;
  readonly yaml: string;
  readonly expectations: readonly Expectation[];
  /** `# options: {...}`: the analyze options the block is analysed with (none if absent). */
  readonly options: Record<string, unknown>;
  /** The section's text outside the YAML block. */
  readonly prose: string;
}

const BLOCK = /```yaml\n# worked-example: ([\w-]+)\n([\s\S]*?)```/g;
const EXPECT = /^# expect: (\S+) = (.+)$/gm;
const OPTIONS = /^# options: (.+)$/m;

/** The `##` section that holds the text at `index`. */
function sectionAround(index: number): { start: number; end: number } {
  const start = doc.lastIndexOf('\n## ', index);
  const next = doc.indexOf('\n## ', index);
  return { start: start === -1 ? 0 : start, end: next === -1 ? doc.length : next };
}

function workedExamples(): WorkedExample[] {
  return [...doc.matchAll(BLOCK)].map((match) => {
    const body = match[2]!;
    const { start, end } = sectionAround(match.index);
    const prose = doc.slice(start, match.index) + doc.slice(match.index + match[0].length, end);
    const expectations = [...body.matchAll(EXPECT)].map((line) => ({
      path: line[1]!,
      written: line[2]!.trim(),
    }));
    const options = JSON.parse(body.match(OPTIONS)?.[1] ?? '{}') as Record<string, unknown>;
    const yaml = `# worked-example: ${match[1]}\n${body}`;
    return { name: match[1]!, yaml, expectations, options, prose };
  });
}

/**
 * Follows `score`, `customers[shoppers].service`, `handoffs[a->b].fixGain`, `cycles[0].nodes`:
 * `[key]` picks an array element by its `id`, or by position when the key is a number.
 */
function lookUp(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const step of path.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)) {
    const [, property, key] = step;
    if (property !== undefined) {
      value = (value as Record<string, unknown> | undefined)?.[property];
    } else if (Array.isArray(value)) {
      value = /^\d+$/.test(key!)
        ? value[Number(key)]
        : value.find((item: { id?: unknown }) => item.id === key);
    } else {
      value = undefined;
    }
  }
  return value;
}

/** Half a unit of the last written decimal: `0.8333` checks to within 0.00005. */
function tolerance(written: string): number {
  const decimals = written.split('.')[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals + 1e-12;
}

const examples = workedExamples();

describe('docs/model.md worked examples', () => {
  it('has the worked examples this test knows about', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'single-chain',
      'combines',
      'alternatives',
      'dependence',
      'score',
      'cycle',
      'min-combine',
      'k-of-n',
      'single-points',
      'cut-sets',
      'before-and-after',
      'closed-loop',
      'damped-weakest-link',
      'chain-round-a-loop',
    ]);
    for (const example of examples) expect(example.expectations.length).toBeGreaterThan(0);
  });

  describe.each(examples)('$name', (example) => {
    const report = analyze(parseModel(example.yaml, { format: 'yaml' }).model, example.options);

    it.each(example.expectations)('$path = $written', ({ path, written }) => {
      const actual = lookUp(report, path);
      const expected: unknown = JSON.parse(written);
      if (typeof expected === 'number') {
        expect(typeof actual, `${path} should be a number`).toBe('number');
        expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance(written));
        expect(example.prose, `the prose should state ${written}`).toContain(written);
      } else {
        expect(actual).toEqual(expected);
      }
    });
  });
});
