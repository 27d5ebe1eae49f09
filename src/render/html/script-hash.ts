/**
 * The base64 SHA-256 of the report's inline script, for its `script-src 'sha256-...'`. The build
 * computes it (scripts/report-script-hash.ts; tsup and vitest `define` it), so the package's
 * `toHtml` hashes nothing and the main entry imports no Node built-in.
 */
import { REPORT_JS } from './script.js';

/** Replaced by the build with the hash; undefined only when the sources run unbundled (tsx). */
declare const __REPORT_SCRIPT_HASH__: string | undefined;

/** The hash of REPORT_JS, as the build computed it. */
export const REPORT_JS_HASH: string =
  typeof __REPORT_SCRIPT_HASH__ === 'string' ? __REPORT_SCRIPT_HASH__ : hashUnbundled();

/**
 * Sources run without a build (`npx tsx examples/tour.ts`) hash the script once, with Node's
 * crypto looked up at run time, so that no bundle of the package ever imports it.
 */
function hashUnbundled(): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(REPORT_JS).digest('base64');
}
