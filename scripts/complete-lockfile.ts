/**
 * Adds to package-lock.json an entry for every optional platform package (esbuild, rollup, biome
 * binaries for other systems) that npm left out. npm 11 here omits packages whose os/cpu cannot match
 * this machine, and the registry mirror does not serve them, yet `npm ci` refuses a lockfile that
 * lacks them. The entries carry only the version: on a machine they do not fit, npm skips them as
 * failed optional installs. Run after `npm install` changes the lockfile: `npm run lock:complete`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockPackage> };
let added = 0;
for (const parent of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (key in lock.packages) continue;
    lock.packages[key] = { version, ...(parent.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}
const byPath = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(byPath));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform entries added`);
