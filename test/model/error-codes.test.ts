/**
 * ERROR_CODES: one real input per code, through the public API (the CLI where only it gives the
 * code), asserting code, path and message; and a check that the table covers every code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  analyze,
  calibrate,
  ERROR_CODES,
  type ErrorCode,
  type Issue,
  parseModel,
  ServiceChainError,
  safeValidateModel,
  validateModel,
  WARNING_CODES,
  type WarningCode,
} from '../../src/index.js';
import { loadModelFile } from '../../src/node.js';
import { runCli } from '../cli/cli-run.js';

/** Departments a and b both hand off to the customer c; `extra` replaces sections. */
function model(extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    departments: [{ id: 'a' }, { id: 'b' }],
    customers: [{ id: 'c' }],
    handoffs: [
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
    ],
    ...extra,
  };
}

/** The issues a model input gets from safeValidateModel. */
function validationIssues(input: unknown): readonly Issue[] {
  const result = safeValidateModel(input);
  return result.success ? [] : result.issues;
}

/** The issues of the ServiceChainError a call throws (none if it does not throw). */
async function thrownIssues(call: () => unknown): Promise<readonly Issue[]> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues;
    throw error;
  }
  return [];
}

/** What one input must give: the issues (all of them), as `{ code, path, message, ...place }`. */
type Case = () => Promise<readonly Issue[]> | readonly Issue[];

/** The issues of the model whose first hand-offs are these, then b -> c. */
const withHandoffs = (...first: object[]) =>
  validationIssues(model({ handoffs: [...first, { from: 'b', to: 'c' }] }));

/** a and b hand off to c as alternatives of group `drivers`. */
const drivers = [
  { from: 'a', to: 'c', group: 'drivers' },
  { from: 'b', to: 'c', group: 'drivers' },
];

const CASES: Record<Exclude<ErrorCode, 'file_exists'>, Case> = {
  file_unreadable: () => thrownIssues(() => loadModelFile(join(tmpdir(), 'no-such-dir', 'x.yaml'))),
  syntax: () => thrownIssues(() => parseModel('{"version": 1,', { format: 'json' })),
  empty_input: () => thrownIssues(() => parseModel('# only a comment\n')),
  invalid_type: () =>
    validationIssues(model({ departments: [{ id: 'a', performance: 'high' }, { id: 'b' }] })),
  invalid_value: () =>
    validationIssues(model({ departments: [{ id: 'a', combine: 'mins' }, { id: 'b' }] })),
  missing_field: () => withHandoffs({ from: 'a' }),
  unknown_key: () =>
    validationIssues(model({ departments: [{ id: 'a', performence: 0.5 }, { id: 'b' }] })),
  out_of_range: () => withHandoffs({ from: 'a', to: 'c', quality: 1.2 }),
  not_finite: () =>
    thrownIssues(() =>
      parseModel(
        'version: 1\ncustomers:\n  - { id: c, value: .inf }\ndepartments: [{ id: a }]\nhandoffs: [{ from: a, to: c }]\n',
      ),
    ),
  unsupported_version: () => validationIssues({ version: 2 }),
  duplicate_id: () =>
    validationIssues(model({ customers: [{ id: 'a' }], handoffs: [{ from: 'b', to: 'a' }] })),
  unknown_node: () => withHandoffs({ from: 'a', to: 'cc' }),
  wrong_kind: () =>
    validationIssues(
      model({ employees: [{ id: 'e', department: 'c' }], handoffs: [{ from: 'e', to: 'c' }] }),
    ),
  self_handoff: () => withHandoffs({ from: 'a', to: 'a' }, { from: 'a', to: 'c' }),
  duplicate_handoff: () => withHandoffs({ from: 'a', to: 'c' }, { from: 'a', to: 'c' }),
  parent_cycle: () =>
    validationIssues(
      model({
        departments: [
          { id: 'a', parent: 'b' },
          { id: 'b', parent: 'a' },
        ],
      }),
    ),
  manager_cycle: () =>
    validationIssues(
      model({
        employees: [
          { id: 'a', manager: 'b' },
          { id: 'b', manager: 'a' },
        ],
        departments: [],
      }),
    ),
  quality_and_ratings: () =>
    withHandoffs({ from: 'a', to: 'c', quality: 0.5, ratings: { timeliness: 3 } }),
  unknown_dimension: () =>
    validationIssues(
      model({
        dimensions: ['timeliness'],
        handoffs: [{ from: 'a', to: 'c', ratings: { timelines: 3 } }],
      }),
    ),
  rating_out_of_scale: () =>
    validationIssues(
      model({
        dimensions: ['timeliness'],
        handoffs: [{ from: 'a', to: 'c', ratings: { timeliness: 6 } }],
      }),
    ),
  unknown_group: () =>
    validationIssues(model({ handoffs: drivers, groups: [{ to: 'c', group: 'driver', need: 2 }] })),
  duplicate_group: () =>
    validationIssues(
      model({
        handoffs: drivers,
        groups: [
          { to: 'c', group: 'drivers', need: 2 },
          { to: 'c', group: 'drivers', need: 1 },
        ],
      }),
    ),
  invalid_option: () =>
    thrownIssues(() => analyze(validateModel(model()).model, { top: 0.5 } as never)),
};

/** The one issue each case gives: code, path and message in the library's own words. */
const EXPECTED: Record<keyof typeof CASES, Omit<Issue, 'code'>> = {
  file_unreadable: { path: '', message: 'cannot read the file: no such file (ENOENT)' },
  // The parser's own wording after the place is not ours to pin: only the prefix is.
  syntax: { path: '', message: 'JSON syntax error at line 1, column 15: …', line: 1, column: 15 },
  empty_input: { path: '', message: 'the model is empty: a model needs at least `version: 1`' },
  invalid_type: {
    path: 'departments[0].performance',
    message: 'must be a number or { mean, sd } or { low, high }, got "high"',
  },
  invalid_value: {
    path: 'departments[0].combine',
    message:
      'must be one of "mean", "min", "product", "geometric", got "mins" (did you mean "min"?)',
  },
  missing_field: { path: 'handoffs[0].to', message: 'required' },
  unknown_key: {
    path: 'departments[0].performence',
    message: 'unknown key "performence" (did you mean "performance"?)',
  },
  out_of_range: { path: 'handoffs[0].quality', message: 'must be at most 1, got 1.2' },
  not_finite: {
    path: 'customers[0].value',
    message: 'must be a finite number, got Infinity',
    line: 3,
    column: 21,
  },
  unsupported_version: {
    path: 'version',
    message: 'unsupported version 2: this tool reads version 1',
  },
  duplicate_id: {
    path: 'customers[0].id',
    message:
      'duplicate id "a": already declared at departments[0] (ids are unique across departments, employees and customers)',
  },
  unknown_node: { path: 'handoffs[0].to', message: 'unknown node "cc" (did you mean "c"?)' },
  wrong_kind: { path: 'employees[0].department', message: '"c" is a customer, not a department' },
  self_handoff: { path: 'handoffs[0].to', message: 'a hand-off cannot go from "a" to itself' },
  duplicate_handoff: {
    path: 'handoffs[1]',
    message:
      'duplicate hand-off id "a->c" (also handoffs[0]); give parallel hand-offs distinct ids',
  },
  parent_cycle: {
    path: 'departments[0].parent',
    message: 'department parents form a cycle: "a" -> "b" -> "a"',
  },
  manager_cycle: {
    path: 'employees[0].manager',
    message: 'managers form a cycle: "a" -> "b" -> "a"',
  },
  quality_and_ratings: {
    path: 'handoffs[0].ratings',
    message: 'a hand-off takes either quality or ratings, not both',
  },
  unknown_dimension: {
    path: 'handoffs[0].ratings.timelines',
    message:
      'unknown dimension "timelines" (did you mean "timeliness"?); add it to `dimensions` to use it',
  },
  rating_out_of_scale: {
    path: 'handoffs[0].ratings.timeliness',
    message: 'rating 6 is outside the scale 1 to 5',
  },
  unknown_group: {
    path: 'groups[0].group',
    message: 'no hand-off into "c" has group "driver" (did you mean "drivers"?)',
  },
  duplicate_group: {
    path: 'groups[1]',
    message: 'group "drivers" into "c" is already listed at groups[0]',
  },
  invalid_option: { path: 'options.top', message: 'must be a whole number, got 0.5' },
};

/** A message ending in `…` is checked up to there. */
function matches(expected: Omit<Issue, 'code'>, code: string) {
  const { message, ...rest } = expected;
  return {
    code,
    ...rest,
    message: message.endsWith('…') ? expect.stringMatching(`^${escapeRegExp(message)}`) : message,
  };
}

const escapeRegExp = (text: string) => text.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ERROR_CODES', () => {
  it('is the ErrorCode union, one entry each', () => {
    expectTypeOf<(typeof ERROR_CODES)[number]>().toEqualTypeOf<ErrorCode>();
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('has a case for every code (a new code needs a test here)', () => {
    expect([...Object.keys(CASES), 'file_exists'].sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [code, produce] of Object.entries(CASES)) {
    it(`${code}: a real input gives it, with its path and message`, async () => {
      const issues = await produce();
      expect(issues).toEqual([matches(EXPECTED[code as keyof typeof CASES], code)]);
    });
  }

  describe('file_exists (only the CLI writes files that must not be replaced)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-chain-codes-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('init refuses to replace a file: exit 1 and the message for the whole input', () => {
      const out = join(dir, 'model.yaml');
      expect(runCli('init', '--out', out).status).toBe(0);
      const again = runCli('init', '--out', out);
      expect(again.status).toBe(1);
      expect(again.stderr).toBe(
        `${out} already exists; init never overwrites a file: remove it or choose another name with --out\n`,
      );
    });
  });
});

describe('WARNING_CODES', () => {
  /** Literal `code: '...'` values in src/, which are the codes the library gives. */
  function literalCodes(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return literalCodes(path);
      if (!entry.name.endsWith('.ts')) return [];
      return [...readFileSync(path, 'utf8').matchAll(/\bcode: '([a-z_]+)'(?=\s*[,}])/g)].map(
        (match) => match[1]!,
      );
    });
  }
  const codes = new Set(literalCodes(join(import.meta.dirname, '..', '..', 'src')));

  it('not_identified: two free values one observed customer sees alike (calibrate)', () => {
    const warnings = calibrate({
      version: 1,
      departments: [{ id: 'a' }, { id: 'b' }],
      customers: [{ id: 'c' }],
      handoffs: [
        { from: 'a', to: 'b', quality: { mean: 0.8, sd: 0.1 } },
        { from: 'b', to: 'c', quality: { mean: 0.7, sd: 0.1 } },
      ],
      observations: [{ customer: 'c', source: 'questionnaire', score: 0.4 }],
    }).warnings;
    expect(warnings).toEqual([
      {
        code: 'not_identified',
        path: 'handoffs[0].quality',
        message:
          'the observations cannot tell apart the quality of "a->b" and the quality of "b->c": they move every observed customer alike, so only their priors share the change out',
      },
    ]);
  });

  it('are all warning codes given in the source, and every code given is listed', () => {
    expectTypeOf<(typeof WARNING_CODES)[number]>().toExtend<WarningCode>();
    const listed = new Set<string>([...ERROR_CODES, ...WARNING_CODES]);
    expect([...codes].filter((code) => !listed.has(code))).toEqual([]);
    expect(WARNING_CODES.filter((code) => !codes.has(code))).toEqual([]);
    expect(
      WARNING_CODES.filter((code) => (ERROR_CODES as readonly string[]).includes(code)),
    ).toEqual([]);
  });
});
