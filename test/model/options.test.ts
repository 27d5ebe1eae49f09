import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServiceChainError } from '../../src/model/errors.js';
import { resolveOptions } from '../../src/model/options.js';

const Schema = z.strictObject({
  top: z.int().min(1).optional(),
  label: z.string().optional(),
  budget: z.number().min(0),
});
const DEFAULTS = { top: 10, label: 'none' };

function issuesOf(input: unknown) {
  try {
    resolveOptions(Schema, DEFAULTS, input);
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues;
  }
  throw new Error('expected a ServiceChainError');
}

describe('resolveOptions', () => {
  it('rejects every bad option as invalid_option at options.<key>, suggesting a known key', () => {
    expect(issuesOf({ top: 0, labl: 'x' })).toEqual([
      { code: 'invalid_option', path: 'options.top', message: expect.any(String) },
      { code: 'invalid_option', path: 'options.budget', message: 'required' },
      {
        code: 'invalid_option',
        path: 'options.labl',
        message: 'unknown option "labl" (did you mean "label"?)',
      },
    ]);
  });

  it('rejects options that are not an object at `options`', () => {
    expect(issuesOf(5).map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_option', 'options'],
    ]);
  });

  it('merges the given options over the defaults; undefined keeps the default', () => {
    expect(resolveOptions(Schema, DEFAULTS, { budget: 5, top: 3, label: undefined })).toEqual({
      top: 3,
      label: 'none',
      budget: 5,
    });
    expect(resolveOptions(Schema.partial(), DEFAULTS, undefined)).toEqual(DEFAULTS);
    expect(resolveOptions(Schema.partial(), DEFAULTS, null)).toEqual(DEFAULTS);
  });
});
