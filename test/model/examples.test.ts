/** Every model file under examples/ loads without errors. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointValue } from '../../src/model/estimates.js';
import { loadModelFile } from '../../src/model/load-file.js';

const dir = join(import.meta.dirname, '..', '..', 'examples');
/** Model files; `-scenario`, `-candidates` and other companion files hold other inputs. */
const files = readdirSync(dir).filter(
  (name) => /\.(ya?ml|json)$/.test(name) && !/-(scenario|candidates|plan|survey)\./.test(name),
);

describe('examples', () => {
  it('include retail.yaml', () => {
    expect(files).toContain('retail.yaml');
  });

  it.each(files)('%s loads', async (name) => {
    const { model } = await loadModelFile(join(dir, name));
    expect(model.version).toBe(1);
  });

  it('retail.yaml loads without warnings and tells the agreed story', async () => {
    const { model, warnings } = await loadModelFile(join(dir, 'retail.yaml'));
    expect(warnings).toEqual([]);
    expect(model.customers?.map((c) => c.segment)).toEqual(
      expect.arrayContaining(['supplier', 'end-user', 'distributor', 'prospect']),
    );
    expect(model.handoffs?.some((h) => h.group !== undefined)).toBe(true);
    expect(model.handoffs?.some((h) => h.ratings !== undefined)).toBe(true);
    expect(model.departments?.some((d) => d.combine === 'min')).toBe(true);
    expect(model.departments?.some((d) => (pointValue(d.welfare) ?? 1) < 1)).toBe(true);
  });
});
