/** The top-level `groups` list (docs/model.md, "k-of-n alternatives"): every message, and the builder. */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compile.js';
import { modelBuilder } from '../../src/model/builder.js';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, safeValidateModel, validateModel } from '../../src/model/load.js';

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
