/**
 * The build-time constant of the HTML report's Content-Security-Policy: the SHA-256 of its one
 * inline script, so `toHtml` needs no `node:crypto` and the main entry bundles for a browser.
 * tsup (the package) and vitest (the tests) both `define` it from here; one source, never a
 * committed copy that could go stale.
 */
import { createHash } from 'node:crypto';
import { REPORT_JS } from '../src/render/html/script.js';

/** The `define` entries: `__REPORT_SCRIPT_HASH__` is the script's base64 SHA-256, as CSP wants it. */
export const REPORT_SCRIPT_DEFINE = {
  __REPORT_SCRIPT_HASH__: JSON.stringify(createHash('sha256').update(REPORT_JS).digest('base64')),
};
