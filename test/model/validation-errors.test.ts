/** validateModel: one test per error code, pinning code, exact path and message. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceChainError } from '../../src/model/errors.js';
import { parseModel, safeValidateModel, validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';

/** A small valid model to break one thing at a time. */
function base(): Record<string, unknown> {
  return {
    version: 1,
    departments: [{ id: 'warehouse' }, { id: 'dispatch', parent: 'warehouse' }],
    employees: [{ id: 'jane' }, { id: 'terry', department: 'dispatch', manager: 'jane' }],
    customers: [{ id: 'shoppers' }],
    handoffs: [
      { from: 'warehouse', to: 'dispatch', quality: 0.9 },
      { from: 'dispatch', to: 'shoppers' },
      { from: 'terry', to: 'jane' },
      { from: 'jane', to: 'shoppers' },
    ],
  };
}

function issues(input: unknown) {
  const result = safeValidateModel(input);
  if (result.success) throw new Error('expected the model to be invalid');
  return result.issues;
}

function issuesOfText(text: string) {
  try {
    parseModel(text);
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues;
    throw error;
  }
  throw new Error('expected the text to be invalid');
}

function withHandoff(extra: Record<string, unknown>) {
  const model = base();
  (model.handoffs as unknown[]).push(extra);
  return model;
}

describe('validateModel', () => {
  it('accepts the base model', () => {
    expect(validateModel(base()).warnings).toEqual([]);
  });

  it('throws ServiceChainError carrying every issue', () => {
    const model = { ...base(), colour: 'red', name: 3 };
    expect(() => validateModel(model)).toThrowError(ServiceChainError);
    expect(issues(model)).toHaveLength(2);
  });
});

describe('error codes', () => {
  it('file_unreadable: a missing file', async () => {
    await expect(
      loadModelFile(join(tmpdir(), 'no-such-service-chain-model.yaml')),
    ).rejects.toMatchObject({
      issues: [
        {
          code: 'file_unreadable',
          path: '',
          message: 'cannot read the file: no such file (ENOENT)',
        },
      ],
    });
  });

  // After the place, the parser's own wording (yaml's, JSON.parse's) is not ours to pin.
  /** A syntax issue at a place, whatever the parser says after it. */
  const syntaxAt = (format: 'YAML' | 'JSON', line: number, column: number) => ({
    code: 'syntax',
    path: '',
    line,
    column,
    message: expect.stringMatching(
      new RegExp(`^${format} syntax error at line ${line}, column ${column}: \\S`),
    ),
  });

  it('syntax: YAML with line and column, every error the parser finds', () => {
    expect(issuesOfText('version: 1\nhandoffs: [\n  { from: a\n')).toEqual([
      syntaxAt('YAML', 4, 1),
      syntaxAt('YAML', 4, 1),
    ]);
  });

  it('syntax: JSON with line and column', () => {
    expect(issuesOfText('{\n  "version": 1,\n  "name": "x",,\n}')).toEqual([
      syntaxAt('JSON', 3, 15),
    ]);
  });

  it('syntax: duplicate YAML keys, at the second', () => {
    expect(issuesOfText('version: 1\nname: a\nname: b\n')).toEqual([syntaxAt('YAML', 3, 1)]);
  });

  it('empty_input: an empty file is an error, not an empty model', () => {
    for (const text of ['', '   \n', '# just a comment\n', 'null', '~']) {
      expect(issuesOfText(text)).toEqual([
        {
          code: 'empty_input',
          path: '',
          message: 'the model is empty: a model needs at least `version: 1`',
        },
      ]);
    }
    expect(issues(undefined)[0]!.code).toBe('empty_input');
  });

  it('invalid_type: the whole input is not a mapping', () => {
    expect(issues([1, 2])).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "a model must be a mapping with \`version: 1\`",
          "path": "",
        },
      ]
    `);
  });

  it('invalid_type: a field of the wrong type', () => {
    const model = base();
    (model.departments as Record<string, unknown>[])[1]!.performance = '0.9';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "must be a number or { mean, sd } or { low, high }, got "0.9" (write it without quotes)",
          "path": "departments[1].performance",
        },
      ]
    `);
  });

  it('invalid_type: a rating that is neither a number nor a pair', () => {
    expect(
      issues(withHandoff({ from: 'jane', to: 'terry', ratings: { courtesy: 'good' } })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "must be a number or { expected, perceived }, got "good"",
          "path": "handoffs[4].ratings.courtesy",
        },
      ]
    `);
  });

  it('invalid_value: an unknown enum value, with a suggestion', () => {
    const model = base();
    (model.departments as Record<string, unknown>[])[0]!.combine = 'mins';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "must be one of "mean", "min", "product", "geometric", got "mins" (did you mean "min"?)",
          "path": "departments[0].combine",
        },
      ]
    `);
  });

  it('invalid_value: an empty id', () => {
    const model = base();
    (model.customers as Record<string, unknown>[]).push({ id: '' });
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "must not be empty",
          "path": "customers[1].id",
        },
      ]
    `);
  });

  it('invalid_value: scale min not below max', () => {
    expect(issues({ ...base(), scale: { min: 5, max: 5 } })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "min must be below max",
          "path": "scale.max",
        },
      ]
    `);
  });

  it('invalid_value: a dimension listed twice', () => {
    expect(issues({ ...base(), dimensions: ['speed', 'care', 'speed'] })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "dimension "speed" is listed twice",
          "path": "dimensions[2]",
        },
      ]
    `);
  });

  it('missing_field: a hand-off without `to`', () => {
    expect(issues(withHandoff({ from: 'jane' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_field",
          "message": "required",
          "path": "handoffs[4].to",
        },
      ]
    `);
  });

  it('missing_field: no version', () => {
    const { version: _, ...model } = base();
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "missing_field",
          "message": "required",
          "path": "version",
        },
      ]
    `);
  });

  it('unknown_key: names the key, with a suggestion', () => {
    const model = base();
    (model.employees as Record<string, unknown>[])[1]!.departmnt = 'dispatch';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_key",
          "message": "unknown key "departmnt" (did you mean "department"?)",
          "path": "employees[1].departmnt",
        },
      ]
    `);
  });

  it('unknown_key: at the top level and `__proto__`', () => {
    const model = JSON.parse('{"version": 1, "__proto__": {"x": 1}, "constructor": 2}');
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_key",
          "message": "unknown key "__proto__"",
          "path": "__proto__",
        },
        {
          "code": "unknown_key",
          "message": "unknown key "constructor"",
          "path": "constructor",
        },
      ]
    `);
  });

  it('out_of_range: a share above 1, a negative value, a zero weight', () => {
    const model = withHandoff({ from: 'jane', to: 'terry', quality: 1.2, weight: 0 });
    (model.customers as Record<string, unknown>[])[0]!.value = -5;
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "must be at least 0, got -5",
          "path": "customers[0].value",
        },
        {
          "code": "out_of_range",
          "message": "must be at most 1, got 1.2",
          "path": "handoffs[4].quality",
        },
        {
          "code": "out_of_range",
          "message": "must be at least 1e-9, got 0",
          "path": "handoffs[4].weight",
        },
      ]
    `);
  });

  it('not_finite: YAML .nan and .inf', () => {
    const text =
      'version: 1\ndepartments:\n  - { id: a, performance: .nan }\ncustomers:\n  - { id: c, value: .inf }\n';
    expect(issuesOfText(text)).toMatchInlineSnapshot(`
      [
        {
          "code": "not_finite",
          "column": 27,
          "line": 3,
          "message": "must be a finite number, got NaN",
          "path": "departments[0].performance",
        },
        {
          "code": "not_finite",
          "column": 21,
          "line": 5,
          "message": "must be a finite number, got Infinity",
          "path": "customers[0].value",
        },
      ]
    `);
  });

  it('not_finite: a rating of -Infinity', () => {
    expect(
      issues(
        withHandoff({ from: 'jane', to: 'terry', ratings: { courtesy: Number.NEGATIVE_INFINITY } }),
      ),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "not_finite",
          "message": "must be a finite number, got -Infinity",
          "path": "handoffs[4].ratings.courtesy",
        },
      ]
    `);
  });

  it('unsupported_version', () => {
    expect(issues({ ...base(), version: 2 })).toMatchInlineSnapshot(`
      [
        {
          "code": "unsupported_version",
          "message": "unsupported version 2: this tool reads version 1",
          "path": "version",
        },
      ]
    `);
    expect(issues({ ...base(), version: '1' })[0]!.code).toBe('unsupported_version');
  });

  it('duplicate_id: across kinds, at the second one', () => {
    const model = base();
    (model.customers as Record<string, unknown>[]).push({ id: 'warehouse' });
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_id",
          "message": "duplicate id "warehouse": already declared at departments[0] (ids are unique across departments, employees and customers)",
          "path": "customers[1].id",
        },
      ]
    `);
  });

  it('unknown_node: with "did you mean"', () => {
    expect(issues(withHandoff({ from: 'warehouse', to: 'dispatchh' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_node",
          "message": "unknown node "dispatchh" (did you mean "dispatch"?)",
          "path": "handoffs[4].to",
        },
      ]
    `);
  });

  it('unknown_node: no suggestion when nothing is close', () => {
    expect(issues(withHandoff({ from: 'zzzzzz', to: 'shoppers' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_node",
          "message": "unknown node "zzzzzz"",
          "path": "handoffs[4].from",
        },
      ]
    `);
  });

  it('unknown_node: structure references suggest nodes of the right kind', () => {
    const model = base();
    (model.employees as Record<string, unknown>[])[1]!.manager = 'jane2';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_node",
          "message": "unknown node "jane2" (did you mean "jane"?)",
          "path": "employees[1].manager",
        },
      ]
    `);
  });

  it('wrong_kind: department, manager and parent of the wrong kind', () => {
    const model = base();
    const employees = model.employees as Record<string, unknown>[];
    employees[1]!.department = 'jane';
    employees[1]!.manager = 'warehouse';
    (model.departments as Record<string, unknown>[])[1]!.parent = 'shoppers';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong_kind",
          "message": ""shoppers" is a customer, not a department",
          "path": "departments[1].parent",
        },
        {
          "code": "wrong_kind",
          "message": ""jane" is an employee, not a department",
          "path": "employees[1].department",
        },
        {
          "code": "wrong_kind",
          "message": ""warehouse" is a department, not an employee",
          "path": "employees[1].manager",
        },
      ]
    `);
  });

  it('self_handoff', () => {
    expect(issues(withHandoff({ from: 'jane', to: 'jane' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "self_handoff",
          "message": "a hand-off cannot go from "jane" to itself",
          "path": "handoffs[4].to",
        },
      ]
    `);
  });

  it('duplicate_handoff: the default id from->to', () => {
    expect(issues(withHandoff({ from: 'warehouse', to: 'dispatch' }))).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_handoff",
          "message": "duplicate hand-off id "warehouse->dispatch" (also handoffs[0]); give parallel hand-offs distinct ids",
          "path": "handoffs[4]",
        },
      ]
    `);
  });

  it('duplicate_handoff: an explicit id', () => {
    const model = base();
    const handoffs = model.handoffs as Record<string, unknown>[];
    handoffs[0]!.id = 'stock';
    handoffs.push({ id: 'stock', from: 'jane', to: 'terry' });
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_handoff",
          "message": "duplicate hand-off id "stock" (also handoffs[0]); give parallel hand-offs distinct ids",
          "path": "handoffs[4].id",
        },
      ]
    `);
  });

  it('duplicate_handoff: an explicit id equal to another default id', () => {
    expect(
      issues(withHandoff({ id: 'warehouse->dispatch', from: 'jane', to: 'terry' })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "duplicate_handoff",
          "message": "duplicate hand-off id "warehouse->dispatch" (also handoffs[0]); give parallel hand-offs distinct ids",
          "path": "handoffs[4].id",
        },
      ]
    `);
  });

  it('parallel hand-offs with distinct ids are fine', () => {
    const model = withHandoff({ id: 'second-shift', from: 'warehouse', to: 'dispatch' });
    expect(validateModel(model).model.handoffs).toHaveLength(5);
  });

  it('parent_cycle: reported once, at the first member', () => {
    const model = base();
    const departments = model.departments as Record<string, unknown>[];
    departments[0]!.parent = 'dispatch';
    departments.push({ id: 'loop', parent: 'loop' });
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "parent_cycle",
          "message": "department parents form a cycle: "warehouse" -> "dispatch" -> "warehouse"",
          "path": "departments[0].parent",
        },
        {
          "code": "parent_cycle",
          "message": "department parents form a cycle: "loop" -> "loop"",
          "path": "departments[2].parent",
        },
      ]
    `);
  });

  it('manager_cycle', () => {
    const model = base();
    const employees = model.employees as Record<string, unknown>[];
    employees[0]!.manager = 'terry';
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "manager_cycle",
          "message": "managers form a cycle: "jane" -> "terry" -> "jane"",
          "path": "employees[0].manager",
        },
      ]
    `);
  });

  it('quality_and_ratings', () => {
    expect(
      issues(withHandoff({ from: 'jane', to: 'terry', quality: 0.5, ratings: { courtesy: 4 } })),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "quality_and_ratings",
          "message": "a hand-off takes either quality or ratings, not both",
          "path": "handoffs[4].ratings",
        },
      ]
    `);
  });

  it('rating_out_of_scale: a perception and both halves of a gap pair', () => {
    const ratings = { courtesy: 6, empathy: { expected: 0, perceived: 5.5 }, accuracy: 1 };
    expect(issues(withHandoff({ from: 'jane', to: 'terry', ratings }))).toMatchInlineSnapshot(`
      [
        {
          "code": "rating_out_of_scale",
          "message": "rating 6 is outside the scale 1 to 5",
          "path": "handoffs[4].ratings.courtesy",
        },
        {
          "code": "rating_out_of_scale",
          "message": "rating 0 is outside the scale 1 to 5",
          "path": "handoffs[4].ratings.empathy.expected",
        },
        {
          "code": "rating_out_of_scale",
          "message": "rating 5.5 is outside the scale 1 to 5",
          "path": "handoffs[4].ratings.empathy.perceived",
        },
      ]
    `);
  });

  it('rating_out_of_scale: against the model scale', () => {
    const model = withHandoff({ from: 'jane', to: 'terry', ratings: { courtesy: 7 } });
    expect(issues(model)[0]!.message).toBe('rating 7 is outside the scale 1 to 5');
    expect(validateModel({ ...model, scale: { min: 0, max: 10 } }).model.scale).toEqual({
      min: 0,
      max: 10,
    });
  });

  it('unknown_dimension: in ratings and in priorities', () => {
    const model = withHandoff({ from: 'jane', to: 'terry', ratings: { curtesy: 4 } });
    (model.customers as Record<string, unknown>[])[0]!.priorities = { speed: 2 };
    (model.employees as Record<string, unknown>[])[0]!.priorities = { timelines: 1 };
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_dimension",
          "message": "unknown dimension "curtesy" (did you mean "courtesy"?); add it to \`dimensions\` to use it",
          "path": "handoffs[4].ratings.curtesy",
        },
        {
          "code": "unknown_dimension",
          "message": "unknown dimension "timelines" (did you mean "timeliness"?); add it to \`dimensions\` to use it",
          "path": "employees[0].priorities.timelines",
        },
        {
          "code": "unknown_dimension",
          "message": "unknown dimension "speed"; add it to \`dimensions\` to use it",
          "path": "customers[0].priorities.speed",
        },
      ]
    `);
  });

  it('unknown_dimension: the model dimensions replace the defaults', () => {
    const model = {
      ...withHandoff({ from: 'jane', to: 'terry', ratings: { courtesy: 4 } }),
      dimensions: ['speed'],
    };
    expect(issues(model).map((i) => [i.code, i.path])).toEqual([
      ['unknown_dimension', 'handoffs[4].ratings.courtesy'],
    ]);
  });
});

describe('every error at once', () => {
  it('reports shape and reference errors together, never crashing on malformed parts', () => {
    const model = {
      version: 1,
      departments: [{ id: 'a', performance: 2 }, 'not a mapping', { id: 7 }, null],
      employees: { id: 'not a list' },
      customers: [{ id: 'a' }],
      handoffs: [{ from: 'a', to: 'b', ratings: 'bad' }, { from: ['x'], to: 'a' }, 5],
    };
    expect(issues(model)).toMatchInlineSnapshot(`
      [
        {
          "code": "out_of_range",
          "message": "must be at most 1, got 2",
          "path": "departments[0].performance",
        },
        {
          "code": "invalid_type",
          "message": "must be a mapping, got "not a mapping"",
          "path": "departments[1]",
        },
        {
          "code": "invalid_type",
          "message": "must be a string, got 7",
          "path": "departments[2].id",
        },
        {
          "code": "invalid_type",
          "message": "must be a mapping, got null",
          "path": "departments[3]",
        },
        {
          "code": "invalid_type",
          "message": "must be a list, got a mapping",
          "path": "employees",
        },
        {
          "code": "invalid_type",
          "message": "must be a mapping, got "bad"",
          "path": "handoffs[0].ratings",
        },
        {
          "code": "invalid_type",
          "message": "must be a string, got a list",
          "path": "handoffs[1].from",
        },
        {
          "code": "invalid_type",
          "message": "must be a mapping, got 5",
          "path": "handoffs[2]",
        },
        {
          "code": "duplicate_id",
          "message": "duplicate id "a": already declared at departments[0] (ids are unique across departments, employees and customers)",
          "path": "customers[0].id",
        },
        {
          "code": "unknown_node",
          "message": "unknown node "b"",
          "path": "handoffs[0].to",
        },
      ]
    `);
  });
});

describe('hostile input: thousands of wrong names stay fast', () => {
  const count = 10_000;
  const departments = Array.from({ length: count }, (_, i) => ({ id: `department-${i}` }));

  it('10,000 wrong references: every one reported, the first hundred with a suggestion', () => {
    const model = {
      version: 1,
      departments,
      handoffs: departments.map(({ id }, i) => ({
        from: id,
        to: `departmnet-${(i + 1) % count}`,
      })),
    };
    const found = issues(model);
    expect(found).toHaveLength(count);
    expect(found[0]).toEqual({
      code: 'unknown_node',
      path: 'handoffs[0].to',
      message: 'unknown node "departmnet-1" (did you mean "department-1"?)',
    });
    expect(found.filter((issue) => issue.message.includes('did you mean'))).toHaveLength(100);
    expect(found.at(-1)?.message).toBe('unknown node "departmnet-0"');
  });

  it('10,000 misspelt dimensions among 10,000 declared ones', () => {
    const dimensions = Array.from({ length: count }, (_, i) => `dimension-${i}`);
    const model = {
      version: 1,
      dimensions,
      departments: departments.slice(0, 2),
      handoffs: dimensions.map((dimension, i) => ({
        id: `h${i}`,
        from: 'department-0',
        to: 'department-1',
        ratings: { [`${dimension}x`]: 3 },
      })),
    };
    const found = issues(model);
    expect(found).toHaveLength(count);
    expect(found[0]?.message).toBe(
      'unknown dimension "dimension-0x" (did you mean "dimension-0"?); add it to `dimensions` to use it',
    );
  });
});

describe('hostile input: many cycles stay linear', () => {
  it('10,000 two-person manager cycles: one issue each, at the first member', () => {
    const employees = [];
    for (let i = 0; i < 10_000; i++) {
      employees.push({ id: `a${i}`, manager: `b${i}` }, { id: `b${i}`, manager: `a${i}` });
    }
    const found = issues({ version: 1, employees });
    expect(found).toHaveLength(10_000);
    expect(found[9_999]).toEqual({
      code: 'manager_cycle',
      path: 'employees[19998].manager',
      message: 'managers form a cycle: "a9999" -> "b9999" -> "a9999"',
    });
  });

  it('a cycle entered from a chain is reported at its first listed member', () => {
    const departments = [
      { id: 'top', parent: 'late' },
      { id: 'early', parent: 'late' },
      { id: 'late', parent: 'early' },
    ];
    expect(issues({ version: 1, departments })).toEqual([
      {
        code: 'parent_cycle',
        path: 'departments[1].parent',
        message: 'department parents form a cycle: "early" -> "late" -> "early"',
      },
    ]);
  });
});
