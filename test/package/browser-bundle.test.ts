/**
 * The main entry bundles for a browser: esbuild with `platform: 'browser'` (where Node built-ins
 * cannot be resolved) takes the built `dist/index.js`, and the bundle runs without Node.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** The main entry as one browser script exposing the API as `serviceChain`. */
async function browserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'dist', 'index.js')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'serviceChain',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe("service-chain's main entry in a browser bundle", () => {
  it('bundles with Node built-ins unavailable', async () => {
    expect((await browserBundle()).length).toBeGreaterThan(0);
  });

  it('analyses and renders with only web globals (no require, no process)', async () => {
    const code = await browserBundle();
    // A vm context has only the language's own globals; add the web ones a browser has. csv-parse
    // (behind aggregateSurvey) reads the global `Buffer` when it loads, as browser bundlers
    // commonly polyfill: it is the one Node global the bundle still needs.
    const web = { structuredClone, performance, TextEncoder, TextDecoder, URL, console };
    const context = { ...web, Buffer };
    const api = runInNewContext(
      `${code}\nserviceChain`,
      context,
    ) as typeof import('../../src/index.js');
    const { model } = api.parseModel(
      'version: 1\ndepartments: [{ id: a, performance: 0.8 }]\ncustomers: [{ id: c }]\nhandoffs: [{ from: a, to: c, quality: 0.5 }]\n',
    );
    const report = api.analyze(model);
    expect(report.score).toBeCloseTo(0.4, 12);
    // The CSP hash the build computed pins the script the page carries.
    const html = api.toHtml(report, model);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
  });
});
