import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseModel } from '../../src/model/load.js';
import { toText } from '../../src/render/text.js';

const root = join(import.meta.dirname, '..', '..');

/** Every complete model (a YAML block that starts with `version: 1`) in a docs page, by name. */
function modelsIn(page: string): Map<string, string> {
  const text = readFileSync(join(root, 'docs', page), 'utf8');
  const models = new Map<string, string>();
  for (const match of text.matchAll(/```yaml\n(version: 1\n[\s\S]*?)```/g)) {
    const yaml = match[1]!;
    const name = /^name: (.*)$/m.exec(yaml)?.[1] ?? `model ${models.size + 1}`;
    models.set(name, yaml);
  }
  return models;
}

/** The organisation scores the pages quote (rounded as they print). */
const quoted: Record<string, Record<string, string>> = {
  'getting-started.md': { 'Quick Print': '0.561' },
  'cookbook.md': {
    'Manager as customer': '0.493',
    'Rival departments': '0.562',
    'Backup supplier': '0.874',
    'Recovering team': '0.836',
    'Supplier as customer': '0.598',
    Prospects: '0.689',
  },
};

describe.each(Object.keys(quoted))('the models in docs/%s', (page) => {
  const models = modelsIn(page);

  it('are all there', () => {
    expect([...models.keys()]).toEqual(expect.arrayContaining(Object.keys(quoted[page]!)));
  });

  it.each(Object.entries(quoted[page]!))(
    '%s validates and scores %s, as the page says',
    (name, score) => {
      const { model } = parseModel(models.get(name)!);
      expect(analyze(model).score?.toFixed(3)).toBe(score);
    },
  );
});

describe('docs/getting-started.md', () => {
  it('shows the report `analyze` really prints for its first model', () => {
    const page = readFileSync(join(root, 'docs', 'getting-started.md'), 'utf8');
    const shown = /npx service-chain analyze print-shop\.yaml\n```\n\n```\n([\s\S]*?)\n```/.exec(
      page,
    )?.[1];
    const { model } = parseModel(modelsIn('getting-started.md').get('Quick Print')!);
    expect(shown).toBe(toText(analyze(model)).trimEnd());
  });
});
