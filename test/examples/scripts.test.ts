import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const scripts = [
  'retail',
  'hospital',
  'college',
  'factory',
  'call-centre',
  'tour',
  'waves',
  'warehouse',
  'mail-order',
];

/**
 * The lines of a script's closing `// Expected output:` comment block, without the `// ` prefix:
 * every line of it must appear in what the script prints.
 */
function expectedLines(source: string): string[] {
  const lines = source.trimEnd().split('\n');
  const marker = lines.lastIndexOf('// Expected output:');
  if (marker < 0) return [];
  return lines
    .slice(marker + 1)
    .map((line) => line.replace(/^\/\/ ?/, '').trimEnd())
    .filter((line) => line.trim() !== '');
}

describe('expectedLines', () => {
  it('reads the comment block that ends a script', () => {
    const source = "console.log('x');\n\n// Expected output:\n//   Score 0.51\n//\n// Top fix: a\n";
    expect(expectedLines(source)).toEqual(['  Score 0.51', 'Top fix: a']);
  });

  it('finds nothing without the marker', () => {
    expect(expectedLines("console.log('x');\n// Score 0.51\n")).toEqual([]);
  });
});

describe.each(scripts)('npx tsx examples/%s.ts', (name) => {
  const file = join(root, 'examples', `${name}.ts`);

  it('ends with its expected output, and prints every line of it', () => {
    const expected = expectedLines(readFileSync(file, 'utf8'));
    expect(expected.length).toBeGreaterThan(2);
    const result = spawnSync(tsx, [file], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = result.stdout.split('\n').map((line) => line.trimEnd());
    for (const line of expected) expect(printed).toContain(line);
  });
});
