/**
 * `node --import tsx bench/write-model.ts <mean|mixed|long-range|team> <size> <file.json>`: writes
 * one of the bench's seeded organisations (bench/generate.ts) as compact JSON, for timing the CLI
 * from file to report (`analyze <file.json> --format json --out report.json`).
 */
import { writeFileSync } from 'node:fs';
import { generateOrganisation, generateTeam } from './generate.js';

const [kind, size, file] = process.argv.slice(2);
const actors = Number(size);
if (file === undefined || !Number.isInteger(actors) || actors <= 0) {
  process.stderr.write('usage: write-model.ts <mean|mixed|long-range|team> <size> <file.json>\n');
  process.exit(2);
}
const model =
  kind === 'team'
    ? generateTeam(actors)
    : generateOrganisation({
        actors,
        allMean: kind === 'mean',
        ...(kind === 'long-range' && { longRange: 0.2 }),
      });
writeFileSync(file, JSON.stringify(model));
