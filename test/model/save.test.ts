/** stringifyModel and saveModelFile: stable key order, both formats, load -> save -> load. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateModel } from '../../src/model/load.js';
import { loadModelFile } from '../../src/model/load-file.js';
import { stringifyModel } from '../../src/model/save.js';
import { saveModelFile } from '../../src/model/save-file.js';

const dir = mkdtempSync(join(tmpdir(), 'service-chain-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Keys deliberately out of order, as an API user might write them. */
const { model } = validateModel({
  handoffs: [{ quality: 0.5, to: 'c', from: 'a', id: 'x' }],
  customers: [{ value: 3, id: 'c' }],
  departments: [{ performance: 0.9, name: 'A', id: 'a' }],
  name: 'Tiny',
  version: 1,
});

describe('stringifyModel', () => {
  it('writes YAML in the schema order', () => {
    expect(stringifyModel(model, 'yaml')).toBe(
      [
        'version: 1',
        'name: Tiny',
        'departments:',
        '  - id: a',
        '    name: A',
        '    performance: 0.9',
        'customers:',
        '  - id: c',
        '    value: 3',
        'handoffs:',
        '  - id: x',
        '    from: a',
        '    to: c',
        '    quality: 0.5',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON in the schema order', () => {
    const text = stringifyModel(model, 'json');
    expect(Object.keys(JSON.parse(text))).toEqual([
      'version',
      'name',
      'departments',
      'customers',
      'handoffs',
    ]);
    expect(text).toContain(
      '"id": "x",\n      "from": "a",\n      "to": "c",\n      "quality": 0.5',
    );
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('quotes strings that YAML would read as something else', () => {
    const { model: tricky } = validateModel({
      version: 1,
      name: 'true',
      customers: [{ id: '1' }, { id: 'null' }],
    });
    const text = stringifyModel(tricky, 'yaml');
    expect(text).toContain('name: "true"');
    expect(text).toContain('- id: "1"');
    expect(text).toContain('- id: "null"');
  });
});

describe('saveModelFile', () => {
  it('load -> save -> load gives the same model, for the retail example in both formats', async () => {
    const retail = (await loadModelFile('examples/retail.yaml')).model;
    for (const name of ['retail.yaml', 'retail.json']) {
      const path = join(dir, name);
      await saveModelFile(path, retail);
      expect((await loadModelFile(path)).model).toEqual(retail);
    }
    expect(readFileSync(join(dir, 'retail.json'), 'utf8').startsWith('{\n  "version": 1,')).toBe(
      true,
    );
  });
});
