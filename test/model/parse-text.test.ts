/**
 * Parsing a model file: every issue placed by line and column, and hostile or odd input (bytes
 * that are not UTF-8, UTF-16, deep nesting, several documents, tags, aliases) refused plainly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  formatIssues,
  type Issue,
  ServiceChainError,
} from '../../src/model/errors.js';
import { parseModel, safeValidateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';

function issuesOf(run: () => unknown): Issue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceChainError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ServiceChainError');
}
const ofText = (text: string, format?: 'yaml' | 'json') =>
  issuesOf(() => parseModel(text, format === undefined ? {} : { format }));
const linesOf = (text: string, format?: 'yaml' | 'json') => ofText(text, format).map(formatIssue);

const scratch = mkdtempSync(join(tmpdir(), 'sc-parse-'));
async function fileIssues(name: string, bytes: Uint8Array | string): Promise<string[]> {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  try {
    await loadModelFile(path);
  } catch (error) {
    if (error instanceof ServiceChainError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
}

const yamlModel = [
  'version: 1',
  'departments:',
  '  - id: warehouse',
  '  - id: dispatch',
  'handoffs:',
  '  - from: warehouse',
  '    to: dispatchh',
  '  - { from: warehouse, to: dispatch, quality: 0,9 }',
  '',
].join('\n');

describe('every issue from a file says its line and column', () => {
  it('YAML: the value, the unknown key, and a missing field at its mapping', () => {
    expect(linesOf(`${yamlModel}  - from: dispatch\n`)).toEqual([
      'handoffs[1].9 (line 8, column 49): unknown key "9": a decimal comma split the value of "quality"; write 0.9 with a point',
      'handoffs[2].to (line 9, column 5): required',
      'handoffs[0].to (line 7, column 9): unknown node "dispatchh" (did you mean "dispatch"?)',
    ]);
  });

  it('JSON: the same places, from one scan of the text', () => {
    const json =
      '{\n  "version": 1,\n  "departments": [\n    { "id": "a", "welfare": 90 },\n    { "name": "b" }\n  ]\n}\n';
    expect(ofText(json, 'json')).toEqual([
      {
        code: 'out_of_range',
        path: 'departments[0].welfare',
        message: 'must be at most 1, got 90 (did you mean 0.9?)',
        line: 4,
        column: 29,
      },
      { code: 'missing_field', path: 'departments[1].id', message: 'required', line: 5, column: 5 },
    ]);
  });

  it('an over-indented line gives one message, at that line', () => {
    expect(ofText('version: 1\ndepartments:\n  - id: a\n     name: b\n')).toEqual([
      {
        code: 'syntax',
        path: '',
        message:
          'YAML indentation error at line 4: this line is indented differently from the lines around it; line it up with the key it belongs under',
        line: 4,
        column: 1,
      },
    ]);
  });

  it('a quoted version says to drop the quotes', () => {
    expect(linesOf('version: "1"\n')).toEqual([
      'version (line 1, column 10): unsupported version "1": write it without quotes',
    ]);
  });
});

describe('text that is not one plain UTF-8 model', () => {
  it('refuses bytes that are not UTF-8, naming the first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('version: 1\nname: caf'),
      Buffer.from([0xe8]),
      Buffer.from('\n'),
    ]);
    expect(await fileIssues('latin1.yaml', bytes)).toEqual([
      'the file is not UTF-8: byte 20 (0xe8) starts no UTF-8 character; save it as UTF-8 (it may be Latin-1 or Windows-1252)',
    ]);
  });

  it('recognises UTF-16, with or without a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]);
    expect((await fileIssues('utf16.yaml', le))[0]).toMatch(
      /^the file is UTF-16 \(little-endian\)/,
    );
    const bare = Buffer.from('{"version": 1}', 'utf16le');
    expect((await fileIssues('utf16.json', bare))[0]).toMatch(/^the file is UTF-16/);
  });

  it('accepts a byte-order mark in a .json file', async () => {
    expect(await fileIssues('bom.json', '\uFEFF{"version": 1}')).toEqual([]);
  });

  it('refuses a key given twice in JSON, as in YAML', () => {
    expect(linesOf('{"version": 1, "name": "a", "name": "b"}', 'json')).toEqual([
      'JSON syntax error at line 1, column 29: name is given twice; a key may appear once in an object',
    ]);
  });

  it('refuses nesting deeper than the limit without running out of stack', () => {
    const deep = 100_000;
    expect(linesOf(`a: ${'['.repeat(deep)}${']'.repeat(deep)}\n`)).toEqual([
      'the document is nested too deeply (limit 1000 levels)',
    ]);
    expect(linesOf(`${'['.repeat(deep)}${']'.repeat(deep)}`, 'json')).toEqual([
      'JSON at line 1, column 1001: the document is nested too deeply (limit 1000 levels)',
    ]);
  });

  it('says plainly that a file holds several YAML documents', () => {
    expect(linesOf('version: 1\n---\nversion: 1\n')).toEqual([
      'the file holds several YAML documents (separated by `---`); a model file holds one',
    ]);
  });

  it.each([
    ['!!binary aGVsbG8=', '!!binary', 16],
    ['!!timestamp 2020-01-01', '!!timestamp', 19],
    ['!thing x', '!thing', 14],
  ])('refuses the tag in `name: %s`', (value, tag, column) => {
    expect(linesOf(`version: 1\nname: ${value}\n`)).toEqual([
      `YAML at line 2, column ${column}: the tag ${tag} is not supported: a model holds only text, numbers, true/false, lists and mappings; remove the tag`,
    ]);
  });

  it('says what a sparse array is', () => {
    const departments: unknown[] = [];
    departments[1] = { id: 'a' };
    const result = safeValidateModel({ version: 1, departments });
    expect(result.success ? [] : result.issues).toEqual([
      {
        code: 'missing_field',
        path: 'departments[0]',
        message: 'an empty slot in the list (a sparse array): give every item',
      },
    ]);
  });
});

describe('aliases: a real model may use many, a bomb is refused', () => {
  it('accepts a model with 130 aliases', () => {
    let text = 'version: 1\ndimensions: [speed, care]\ndepartments:\n';
    text += '  - id: d0\n    priorities: &p { speed: 1, care: 2 }\n';
    for (let i = 1; i < 130; i++) text += `  - id: d${i}\n    priorities: *p\n`;
    expect(parseModel(text).model.departments).toHaveLength(130);
  });

  it('refuses an alias bomb (a billion values from nine lines)', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    let previous = 'a';
    for (const name of 'bcdefghi') {
      text += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
      previous = name;
    }
    expect(linesOf(text)[0]).toMatch(/aliases expand this document beyond 100,000 values/);
  });
});

describe('reported issues are capped', () => {
  it('shows the first 100 in full, then counts the rest by code', () => {
    const issues: Issue[] = [];
    for (let i = 0; i < 10_000; i++) {
      issues.push({
        code: i % 2 === 0 ? 'unknown_node' : 'invalid_type',
        path: `x[${i}]`,
        message: 'm',
      });
    }
    const lines = formatIssues(issues);
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe('… and 9,900 more: 4,950 invalid_type, 4,950 unknown_node');
    expect(new ServiceChainError(issues).message.split('\n')).toHaveLength(101);
  });
});

describe('a `$schema` key for editor completion', () => {
  it('is allowed at the top of a YAML or JSON model', () => {
    const url = 'https://example.org/model.schema.json';
    expect(parseModel(`$schema: ${url}\nversion: 1\n`).model.$schema).toBe(url);
    expect(
      parseModel(`{"$schema": "${url}", "version": 1}`, { format: 'json' }).model.version,
    ).toBe(1);
  });
});
