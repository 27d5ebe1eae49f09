/**
 * `--level` means the same in every command that takes it (src/cli/level.ts): `analyze --level L`
 * and `diagram --level L` group the actors into the same units, on the built binary.
 */
import { describe, expect, it } from 'vitest';
import { example, runCli } from './cli-run.js';

const retail = example('retail.yaml');

/** analyze's department view as unit id -> member ids. */
function analyzeUnits(level: string): Record<string, string[]> {
  const run = runCli('analyze', retail, '--level', level, '--format', 'json');
  expect(run.status).toBe(0);
  const view = JSON.parse(run.stdout).rollUp as {
    departments: { id: string; members: string[] }[];
  };
  return Object.fromEntries(view.departments.map((d) => [d.id, d.members]));
}

/** The non-customer boxes of `diagram --format dot`, by the model id in their tooltip. */
function diagramUnits(level: string): string[] {
  const run = runCli('diagram', retail, '--format', 'dot', '--level', level);
  expect(run.status).toBe(0);
  return [...run.stdout.matchAll(/^\s+n\d+ \[label=.*tooltip="([^"]+)"(.*)$/gm)]
    .filter((m) => !m[2]!.includes('shape=ellipse'))
    .map((m) => m[1]!);
}

describe('--level', () => {
  it.each(['department', '1', '2'])(
    '--level %s: diagram draws the boxes analyze rolls up to',
    (level) => {
      expect(diagramUnits(level)).toEqual(Object.keys(analyzeUnits(level)));
    },
  );

  it('department is each actor’s own department, 1 the top level (hand-computed on retail)', () => {
    const own = analyzeUnits('department');
    expect(own.warehouse).toEqual(['warehouse']);
    expect(own.operations).toEqual(['operations']);
    const top = analyzeUnits('1');
    expect(top.operations).toEqual(['operations', 'warehouse', 'dispatch']);
    expect(top.warehouse).toBeUndefined();
    expect(diagramUnits('1')).not.toContain('warehouse');
    expect(diagramUnits('department')).toContain('warehouse');
  });

  it('rejects the same bad values with the same message in both commands', () => {
    for (const bad of ['0', '1.5', 'team']) {
      const analyze = runCli('analyze', retail, '--level', bad);
      const diagram = runCli('diagram', retail, '--level', bad);
      expect(analyze.status).toBe(2);
      expect(diagram.status).toBe(2);
      expect(analyze.stderr).toContain('"department" or a positive integer (1 = top-level');
      expect(diagram.stderr).toContain('"department" or a positive integer (1 = top-level');
    }
    expect(runCli('analyze', retail, '--level', 'actor').status).toBe(2);
    expect(runCli('diagram', retail, '--level', 'actor').status).toBe(0);
  });
});
