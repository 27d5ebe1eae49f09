import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, width, y, h] of [['mail', 1400, 0, 1300], ['mail', 1400, 1300, 1300], ['mail', 400, 0, 1400]]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file:///tmp/hl/${name}.html`);
  const full = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(name, width, full);
  await page.screenshot({ path: `/tmp/hl/${name}-${width}-${y}.png`, fullPage: true, clip: { x: 0, y, width, height: h } });
  await page.close();
}
await browser.close();
