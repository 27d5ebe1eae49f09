/** parseModel, loadModelFile and ensureValidModel: formats, files and the validation cache. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ServiceChainError } from '../../src/model/errors.js';
import {
  ensureValidModel,
  parseModel,
  safeValidateModel,
  validateModel,
} from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';

const dir = mkdtempSync(join(tmpdir(), 'service-chain-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const YAML = 'version: 1\ncustomers:\n  - id: c\n';
const JSON_TEXT = '{"version": 1, "customers": [{"id": "c"}]}';
const EXPECTED = { version: 1, customers: [{ id: 'c' }] };

describe('parseModel', () => {
  it('reads YAML and JSON, guessing the format when absent', () => {
    expect(parseModel(YAML).model).toEqual(EXPECTED);
    expect(parseModel(JSON_TEXT).model).toEqual(EXPECTED);
    expect(parseModel(JSON_TEXT, { format: 'json' }).model).toEqual(EXPECTED);
    expect(parseModel(YAML, { format: 'yaml' }).model).toEqual(EXPECTED);
  });

  it('reads a YAML flow mapping that is not JSON', () => {
    expect(parseModel('{version: 1, customers: [{id: c}]}').model).toEqual(EXPECTED);
  });

  it('reports text that looks like JSON but is neither as a JSON syntax error', () => {
    expect(() => parseModel('{"version": 1,, }')).toThrowError(
      /^JSON syntax error at line 1, column 15/,
    );
  });

  it('does not read YAML as JSON when told the format', () => {
    expect(() => parseModel(YAML, { format: 'json' })).toThrowError(
      'JSON syntax error at line 1, column 1: unexpected character "v"',
    );
  });

  it('locates JSON errors that Node reports without a position', () => {
    const text = '{\n  "version": 1,\n  "handoffs": [1, 2,]\n}';
    expect(() => parseModel(text, { format: 'json' })).toThrowError(
      'JSON syntax error at line 3, column 21: unexpected character "]"',
    );
  });

  it('returns the warnings with the model', () => {
    expect(parseModel(YAML).warnings).toEqual([
      {
        code: 'customer_unreached',
        path: 'customers[0]',
        message: 'customer "c" receives no hand-off, so it is not scored',
        line: 3,
        column: 5,
      },
    ]);
  });

  it('caps YAML aliases (no alias bombs)', () => {
    const bomb = [
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    ];
    bomb.push(
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    );
    expect(() => parseModel(bomb.join('\n'))).toThrowError(ServiceChainError);
  });
});

describe('loadModelFile', () => {
  it('chooses the format by extension', async () => {
    expect((await loadModelFile(file('m.yaml', YAML))).model).toEqual(EXPECTED);
    expect((await loadModelFile(file('m.yml', YAML))).model).toEqual(EXPECTED);
    expect((await loadModelFile(file('m.json', JSON_TEXT))).model).toEqual(EXPECTED);
    expect((await loadModelFile(file('m.txt', JSON_TEXT))).model).toEqual(EXPECTED);
  });

  it('treats a .json file as JSON only', async () => {
    await expect(loadModelFile(file('yaml.json', YAML))).rejects.toMatchObject({ code: 'syntax' });
  });

  it('reports an empty file as empty_input', async () => {
    await expect(loadModelFile(file('empty.yaml', ''))).rejects.toMatchObject({
      code: 'empty_input',
    });
  });

  it('reports a directory as file_unreadable', async () => {
    await expect(loadModelFile(dir)).rejects.toMatchObject({
      issues: [
        {
          code: 'file_unreadable',
          path: '',
          message: 'cannot read the file: it is a directory (EISDIR)',
        },
      ],
    });
  });
});

describe('ensureValidModel', () => {
  it('returns the cached warnings of a model that validated', () => {
    const loaded = parseModel(YAML);
    expect(ensureValidModel(loaded.model)).toEqual({
      model: loaded.model,
      warnings: loaded.warnings,
    });
    ensureValidModel(loaded.model).warnings.push(loaded.warnings[0]!);
    expect(ensureValidModel(loaded.model).warnings).toHaveLength(1);
  });

  it('remembers a plain object that validated, so analyze() does not validate it again', () => {
    const input = { version: 1 as const, customers: [{ id: 'c' }] };
    const { warnings } = validateModel(input);
    expect(ensureValidModel(input).warnings).toEqual(warnings);
    expect(ensureValidModel(input).model).toBe(input);
  });

  it('validates a model it has not seen', () => {
    expect(ensureValidModel({ version: 1, customers: [{ id: 'c' }] }).warnings).toHaveLength(1);
    expect(() => ensureValidModel({ version: 1, handoffs: [{ from: 'a', to: 'b' }] })).toThrowError(
      ServiceChainError,
    );
  });
});

describe('safeValidateModel', () => {
  it('returns the model or the issues, never throws', () => {
    const good = safeValidateModel(EXPECTED);
    expect(good.success && good.model).toEqual(EXPECTED);
    const bad = safeValidateModel({ version: 1, name: 1 });
    expect(bad.success ? [] : bad.issues.map((i) => i.code)).toEqual(['invalid_type']);
  });

  it('does not return the caller object, so later changes to it do not leak in', () => {
    const input = { version: 1 as const, customers: [{ id: 'c' }] };
    expect(validateModel(input).model).not.toBe(input);
  });
});
