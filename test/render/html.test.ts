import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../src/render/html.js';
import { HOSTILE, tinyFixture } from './diagram-fixture.js';

/** The JSON data block's text. */
function dataBlock(html: string): string {
  const match = /<script type="application\/json" id="sc-data">([\s\S]*?)<\/script>/.exec(html);
  if (match === null) throw new Error('no data block');
  return match[1]!;
}

describe('toHtml', () => {
  it('is one self-contained page: no external URL, no src or href to the network', () => {
    const { report, model } = tinyFixture();
    const html = toHtml(report, model);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The markup and CSS fetch nothing (the script's `URL.createObjectURL(` is no CSS url()).
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    expect(markup).not.toMatch(/src="http|href="http|src='http|href='http|url\((?!#)/i);
    // The script (the explorer's bundle) has no way to make a request.
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/fetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|import\(/);
    // The only URL is the SVG namespace, which is a name, never fetched.
    expect(html.match(/https?:\/\/[^\s"']+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).not.toMatch(/<link|<img|<iframe|@import/i);
  });

  it('shows the score, the customers, the links to fix and the warnings', () => {
    const { report, model } = tinyFixture();
    const html = toHtml(report, model);
    expect(html).toContain(
      '<div class="score" id="sc-score" data-role="score">0.432<small>43.2%</small>',
    );
    expect(html).toContain('About 43 in every 100 dealings');
    // The hand-built report has no headline (analyze gives one; test/render/headline.test.ts).
    expect(html).toContain('Least well served: <strong>Shoppers</strong> (service 0.432)');
    expect(html.match(/<tr[ >]/g)?.length).toBe(2 + 2 + 6);
    expect(html).toMatch(
      /<tr class="fixFirst" data-order="0" data-fix-gain="0.288" data-failure-loss="0.432" data-sensitivity="0.72"/,
    );
    expect(html).toContain('<th class="num" data-sort="fix-gain" aria-sort="descending">');
    expect(html).toContain('Operations has no hand-offs');
  });

  it('pins its one inline script with a CSP hash', () => {
    const { report, model } = tinyFixture();
    const html = toHtml(report, model);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]!).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes hostile names everywhere and keeps them intact in the JSON data', () => {
    const { report, model } = tinyFixture(HOSTILE);
    const html = toHtml(report, model);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script><');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /onerror|onmouseover|javascript:/.test(tag))).toEqual([]);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const json = dataBlock(html);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(json) as { items: { key: string; name: string }[] };
    expect(data.items.map((item) => item.name)).toContain('</script><script>alert(1)</script>');
    expect(data.items.map((item) => item.key)).toEqual([
      'n0',
      'n1',
      'n2',
      'n3',
      'n4',
      'e0',
      'e1',
      'e2',
      'e3',
    ]);
  });

  it('escapes JS line separators in the data block', () => {
    const { report, model } = tinyFixture();
    const named = {
      ...report,
      actors: report.actors.map((a) => ({ ...a, name: `${a.name}\u2028x` })),
    };
    expect(dataBlock(toHtml(named, model))).toContain('\\u2028x');
  });
});
