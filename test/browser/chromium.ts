/**
 * Headless Chromium for the browser tests: where it is (`CHROMIUM_PATH`, else Debian's), whether
 * the tests must run (CI=true) and a page opened from file:// that records what it must not do
 * (console errors, uncaught errors, requests, dialogs).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots and pages written by the tests (gitignored). */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
/** CI=true requires the browser tests. */
export const REQUIRED = process.env.CI === 'true';
/** Whether Chromium is installed here. */
export const AVAILABLE = existsSync(CHROMIUM);

if (!AVAILABLE && !REQUIRED) {
  console.log(
    `Browser tests skipped: ${CHROMIUM} not found (apt-get install chromium to run them; CI=true requires them).`,
  );
}

/** What a page did that it must not: console errors, uncaught errors, requests, dialogs. */
export interface Incidents {
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

/** Launches headless Chromium (throws when CI requires it and it is missing). */
export async function launch(): Promise<Browser> {
  if (!AVAILABLE) throw new Error(`CI=true but ${CHROMIUM} is missing: install Debian's chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Opens a file (optionally with a fragment) in a new page; every other request is aborted and recorded. */
export async function open(
  browser: Browser,
  file: string,
  { width = 1440, fragment = '' }: { width?: number; fragment?: string } = {},
): Promise<{ page: Page; incidents: Incidents }> {
  const page = await browser.newPage({ viewport: { width, height: 1000 } });
  const incidents: Incidents = { errors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.errors.push(message.text());
  });
  page.on('pageerror', (error) => incidents.errors.push(error.message));
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.split('#')[0] === url) return route.continue();
    incidents.requests.push(requested);
    return route.abort();
  });
  await page.goto(url + fragment);
  return { page, incidents };
}

/** Writes a page into the artifacts directory and returns its path. */
export function writeArtifact(name: string, html: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  writeFileSync(file, html);
  return file;
}
