/**
 * The build-time constants of the explorer page: its one inline script (the browser program in
 * src/render/explorer/page/, with the engine it imports, bundled by esbuild for a browser) and the
 * script's SHA-256 for the page's Content-Security-Policy. tsup (the package) and vitest (the
 * tests) both `define` them from here, so the page always runs the engine it ships with.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The explorer's browser program, bundled and minified (an IIFE: no modules, no network). */
export function bundleExplorerScript(): string {
  const result = buildSync({
    entryPoints: [
      fileURLToPath(new URL('../src/render/explorer/page/browser/main.ts', import.meta.url)),
    ],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  // `</script` can never occur in the bundle's text; a guard keeps it that way.
  const text = result.outputFiles[0]!.text.trimEnd();
  if (/<\/script/i.test(text)) throw new Error('explorer script contains </script');
  return text;
}

const script = bundleExplorerScript();

/** The `define` entries: the script's text and its base64 SHA-256, as CSP wants it. */
export const EXPLORER_SCRIPT_DEFINE = {
  __EXPLORER_JS__: JSON.stringify(script),
  __EXPLORER_JS_HASH__: JSON.stringify(createHash('sha256').update(script).digest('base64')),
};
