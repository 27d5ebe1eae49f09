/** The top-level `groups` list (docs/model.md, "k-of-n alternatives"): every message, and the builder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analysis/what-if.js';
import { compileModel } from '../../src/engine/compile.js';
import { modelBuilder } from '../../src/model/builder.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, safeValidateModel, validateModel } from '../../src/model/load.js';
import { runCli } from '../cli/cli-run.js';

/** Three drivers, two of them in group `drivers` into dispatch; `groups` as given. */
function model(groups: unknown): Record<string, unknown> {
  return {
    version: 1,
    departments: [{ id: 'ann' }, { id: 'bob' }, { id: 'cy' }, { id: 'dispatch' }],
    customers: [{ id: 'shoppers' }],
    handoffs: [
      { from: 'ann', to: 'dispatch', group: 'drivers' },
      { from: 'bob', to: 'dispatch', group: 'drivers' },
      { from: 'cy', to: 'dispatch' },
      { from: 'dispatch', to: 'shoppers' },
    ],
    groups,
  };
}

function issues(input: unknown) {
  const result = safeValidateModel(input);
  if (result.success) throw new Error('expected the model to be invalid');
  return result.issues.map(({ code, path, message }) => ({ code, path, message }));
}

describe('groups: validation', () => {
  it('accepts a need from 1 to the size of the group', () => {
    for (const need of [1, 2])
      expect(
        validateModel(model([{ to: 'dispatch', group: 'drivers', need }])).model.groups,
      ).toEqual([{ to: 'dispatch', group: 'drivers', need }]);
  });

  it('an unknown receiver, with a suggestion', () => {
    expect(issues(model([{ to: 'dispatc', group: 'drivers', need: 2 }]))).toEqual([
      {
        code: 'unknown_node',
        path: 'groups[0].to',
        message: 'unknown node "dispatc" (did you mean "dispatch"?)',
      },
    ]);
  });

  it('a group the receiver does not have, with a suggestion among its own groups', () => {
    expect(issues(model([{ to: 'dispatch', group: 'driver', need: 2 }]))).toEqual([
      {
        code: 'unknown_group',
        path: 'groups[0].group',
        message: 'no hand-off into "dispatch" has group "driver" (did you mean "drivers"?)',
      },
    ]);
  });

  it('a receiver without any group says how to make one', () => {
    expect(issues(model([{ to: 'shoppers', group: 'drivers', need: 1 }]))).toEqual([
      {
        code: 'unknown_group',
        path: 'groups[0].group',
        message: 'no hand-off into "shoppers" has a group; give its alternatives `group: drivers`',
      },
    ]);
  });

  it('the same group listed twice, at the second', () => {
    const twice = [
      { to: 'dispatch', group: 'drivers', need: 2 },
      { to: 'dispatch', group: 'drivers', need: 1 },
    ];
    expect(issues(model(twice))).toEqual([
      {
        code: 'duplicate_group',
        path: 'groups[1]',
        message: 'group "drivers" into "dispatch" is already listed at groups[0]',
      },
    ]);
  });

  it('a need above the size of the group', () => {
    expect(issues(model([{ to: 'dispatch', group: 'drivers', need: 3 }]))).toEqual([
      {
        code: 'out_of_range',
        path: 'groups[0].need',
        message: 'needs 3 of the 2 hand-offs in group "drivers" into "dispatch": at most 2',
      },
    ]);
  });

  it('a need that is not a whole number, below 1, missing, or an unknown key', () => {
    const entry = (fields: object) => model([{ to: 'dispatch', group: 'drivers', ...fields }]);
    expect(issues(entry({ need: 1.5 }))).toEqual([
      { code: 'invalid_type', path: 'groups[0].need', message: 'must be a whole number, got 1.5' },
    ]);
    expect(issues(entry({ need: 0 }))).toEqual([
      { code: 'out_of_range', path: 'groups[0].need', message: 'must be at least 1, got 0' },
    ]);
    expect(issues(model([{ to: 'dispatch', group: 'drivers' }]))).toEqual([
      { code: 'missing_field', path: 'groups[0].need', message: 'required' },
    ]);
    expect(issues(entry({ need: 2, needs: 2 }))[0]).toMatchObject({
      code: 'unknown_key',
      path: 'groups[0].needs',
    });
  });

  it('a file gives line and column', () => {
    const text = [
      'version: 1',
      'departments: [{ id: ann }, { id: bob }, { id: dispatch }]',
      'handoffs:',
      '  - { from: ann, to: dispatch, group: drivers }',
      '  - { from: bob, to: dispatch, group: drivers }',
      'groups:',
      '  - { to: dispatch, group: drivers, need: 3 }',
      '',
    ].join('\n');
    let thrown: unknown;
    try {
      parseModel(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ServiceChainError);
    expect((thrown as ServiceChainError).issues).toEqual([
      {
        code: 'out_of_range',
        path: 'groups[0].need',
        message: 'needs 3 of the 2 hand-offs in group "drivers" into "dispatch": at most 2',
        line: 7,
        column: 43,
      },
    ]);
  });
});

describe('groups: the builder', () => {
  it('declares a need as a file does, and compiles it', () => {
    const { model: built } = modelBuilder()
      .department('ann')
      .department('bob')
      .department('dispatch')
      .handoff('ann', 'dispatch', { group: 'drivers' })
      .handoff('bob', 'dispatch', { group: 'drivers' })
      .group('dispatch', 'drivers', 2)
      .build();
    expect(built.groups).toEqual([{ to: 'dispatch', group: 'drivers', need: 2 }]);
    expect([...compileModel(built).groupNeed]).toEqual([2]);
  });

  it('validates the need as a file does', () => {
    const builder = modelBuilder()
      .department('ann')
      .department('dispatch')
      .handoff('ann', 'dispatch', { group: 'drivers' })
      .group('dispatch', 'drivers', 2);
    expect(() => builder.build()).toThrow(
      'groups[0].need: needs 2 of the 1 hand-off in group "drivers" into "dispatch": at most 1',
    );
  });
});

describe('groups: scenarios and the CLI', () => {
  const threeOfThree = {
    ...model([{ to: 'dispatch', group: 'drivers', need: 2 }]),
    handoffs: [
      { from: 'ann', to: 'dispatch', group: 'drivers' },
      { from: 'bob', to: 'dispatch', group: 'drivers' },
      { from: 'cy', to: 'dispatch', group: 'drivers' },
      { from: 'dispatch', to: 'shoppers' },
    ],
  };

  it('a scenario keeps the need; leaving fewer hand-offs than it is an error after the changes', () => {
    const { model: valid } = validateModel(threeOfThree);
    const lower = whatIf(valid, { changes: [{ handoff: 'bob->dispatch', set: { quality: 0.5 } }] });
    // 2 of {1, 0.5, 1}: ann and cy are always right, so at least two are: 1, as before.
    expect(lower.score.after).toBe(1);
    const one = whatIf(valid, { changes: [{ remove: { handoff: 'cy->dispatch' } }] });
    expect(one.score.after).toBe(1);
    expect(() =>
      whatIf(valid, {
        changes: [
          { remove: { handoff: 'cy->dispatch' } },
          { handoff: 'bob->dispatch', set: { group: null } },
        ],
      }),
    ).toThrow(
      'groups[0].need: after the changes: needs 2 of the 1 hand-off in group "drivers" into "dispatch": at most 1',
    );
  });

  it('validate prints the issue with its line and column, and analyze uses the need', () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-chain-groups-'));
    try {
      const file = join(dir, 'drivers.yaml');
      const lines = [
        'version: 1',
        'departments: [{ id: ann, performance: 0.9 }, { id: bob, performance: 0.9 }, { id: dispatch }]',
        'customers: [{ id: shoppers }]',
        'handoffs:',
        '  - { from: ann, to: dispatch, group: drivers }',
        '  - { from: bob, to: dispatch, group: drivers }',
        '  - { from: dispatch, to: shoppers }',
        'groups:',
      ];
      writeFileSync(
        file,
        [...lines, '  - { to: dispatch, group: drivers, need: 3 }', ''].join('\n'),
      );
      const bad = runCli('validate', file);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain(
        'groups[0].need (line 9, column 43): needs 3 of the 2 hand-offs in group "drivers" into "dispatch": at most 2',
      );
      writeFileSync(
        file,
        [...lines, '  - { to: dispatch, group: drivers, need: 2 }', ''].join('\n'),
      );
      const good = runCli('analyze', file, '--format', 'json');
      expect(good.status).toBe(0);
      // Both drivers needed: 0.9 x 0.9.
      expect(JSON.parse(good.stdout).score).toBeCloseTo(0.81, 15);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
