/**
 * The explorer page's one inline script and its SHA-256, both computed by the build
 * (scripts/explorer-script.ts bundles src/render/explorer/page/browser/main.ts with the engine;
 * tsup and vitest `define` the constants), so the package ships the engine it runs in the page.
 */

/** Replaced by the build; undefined only when the sources run unbundled (tsx). */
declare const __EXPLORER_JS__: string | undefined;
declare const __EXPLORER_JS_HASH__: string | undefined;

/** The bundled script and its base64 SHA-256 for the page's `script-src`. */
export function explorerScript(): { readonly js: string; readonly hash: string } {
  if (typeof __EXPLORER_JS__ !== 'string' || typeof __EXPLORER_JS_HASH__ !== 'string')
    throw new Error(
      'the explorer page needs the built package (npm run build): its script is bundled at build time',
    );
  return { js: __EXPLORER_JS__, hash: __EXPLORER_JS_HASH__ };
}
