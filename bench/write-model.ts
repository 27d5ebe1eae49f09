/**
 * `node --import tsx bench/write-model.ts <mean|mixed|long-range|min-heavy|team> <size> <file.json>`:
 * writes one of the bench's seeded organisations (bench/generate.ts) as compact JSON, for timing
 * the CLI from file to report (`analyze <file.json> --format json --out report.json`; the bench's
 * end-to-end stage, bench/end-to-end.ts, writes its model files with it).
 */
import { writeFileSync } from 'node:fs';
import { ORGANISATIONS, organisation } from './generate.js';

const [kind, size, file] = process.argv.slice(2);
const actors = Number(size);
if (file === undefined || kind === undefined || !Object.hasOwn(ORGANISATIONS, kind)) {
  const names = Object.keys(ORGANISATIONS).join('|');
  process.stderr.write(`usage: write-model.ts <${names}> <size> <file.json>\n`);
  process.exit(2);
}
if (!Number.isInteger(actors) || actors <= 0) {
  process.stderr.write(`write-model.ts: the size must be a positive integer, not "${size}"\n`);
  process.exit(2);
}
writeFileSync(file, JSON.stringify(organisation(kind, actors)));
