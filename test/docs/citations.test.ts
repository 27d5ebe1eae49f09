/** Code comments cite the docs by section name; every cited section must exist. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|ya?ml|md)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The names a section of a docs page may be cited by: its heading without the number
 * (`## 7. Impact of one link: sensitivity, ...`), or the part before the colon (`Impact of one link`).
 */
function headings(page: string): Set<string> {
  const text = readFileSync(join(root, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} (?:\d+\. )?(.+)$/gm)].flatMap((match) => {
      const heading = match[1]!.trim();
      return [heading, heading.split(':')[0]!];
    }),
  );
}

/** `docs/page.md, "Section"`, the name possibly wrapped over comment lines. */
const CITATION = /(docs\/[\w-]+\.md), "([^"]+)"/g;
const unwrap = (name: string) => name.replace(/\s*\n\s*(?:\*\s*|\/\/\s*)?/g, ' ');
const sources = ['src', 'bench', 'scripts', 'examples'].flatMap(files);

describe('citations of the docs in code comments', () => {
  it('name a section that exists', () => {
    const broken: string[] = [];
    const pages = new Map<string, Set<string>>();
    for (const file of sources) {
      for (const [, page, heading] of readFileSync(join(root, file), 'utf8').matchAll(CITATION)) {
        if (!pages.has(page!)) pages.set(page!, headings(page!));
        if (!pages.get(page!)!.has(unwrap(heading!))) broken.push(`${file}: ${page}, "${heading}"`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('never point outside the repository', () => {
    const outside = [...sources, ...files('docs'), 'README.md'].filter((file) =>
      /MODEL\.md|\bthe seeds\b/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(outside).toEqual([]);
  });
});
