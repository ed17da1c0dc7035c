// Helpers for the Make and Pictures page tests: a page on a running
// `easyread serve`, downloads, and reading PDFs back.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { launch, outDir } from './support.mjs';
import { startServer } from './serve-support.mjs';

// Starts Chromium and `easyread serve` before the tests of a file and stops
// them after; the object's fields are set once the tests run.
export function browserAndServer() {
  const live = { browser: null, server: null };
  before(async () => {
    live.browser = await launch();
    live.server = await startServer([]);
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}

export async function openPage(browser, server, route, width = 1280, options = {}, initScript = null) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, ...options });
  if (initScript) await context.addInitScript(initScript);  // in every frame, the preview's too
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.problems = problems;
  await page.goto(`${server.url}${route}`);
  await page.waitForSelector('body[data-ready="yes"]');
  return page;
}

// Presses a button (or anything) and returns the downloaded file's bytes.
export async function downloadBy(page, press, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  const file = path.join(outDir, name ?? download.suggestedFilename());
  await download.saveAs(file);
  return { file, bytes: readFileSync(file), suggested: download.suggestedFilename() };
}

export function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

// Each of `parts` is found in `text`, in this order.
export function inOrder(text, parts) {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0) return `"${part}" is missing, or not after "${text.slice(Math.max(0, at - 40), at)}"`;
    at = found + part.length;
  }
  return null;
}

// The fieldset of the nth point (from 0) on the Make page.
export const block = (page, n) => page.locator('fieldset.block').nth(n);

// The preview frame shown now (2 take turns: one shows, one loads).
export const previewFrame = (page) => page.frameLocator('.make-preview iframe:not([hidden])');

// Text of the preview frame, once it has some.
export async function previewText(page) {
  return previewFrame(page).locator('body').innerText({ timeout: 10000 });
}
