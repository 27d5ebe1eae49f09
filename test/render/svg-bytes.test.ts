/**
 * Same model, same bytes: the SVG of two separate runs of the built CLI is identical, for a
 * diagram dagre orders and one above its limits (the plain layered ordering).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringifyModel } from '../../src/model/save.js';
import { example, runCli } from '../cli/cli-run.js';
import { organisation } from './layout-models.js';

describe('diagram --format svg', () => {
  it('writes the same bytes on every run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-svg-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, stringifyModel(organisation(290, 20), 'yaml'));
    for (const file of [example('hospital.yaml'), big]) {
      const first = runCli('diagram', file, '--format', 'svg');
      const second = runCli('diagram', file, '--format', 'svg');
      expect(first.status).toBe(0);
      expect(first.stdout.startsWith('<svg')).toBe(true);
      expect(second.stdout).toBe(first.stdout);
    }
  });
});
