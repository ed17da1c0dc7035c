// Shared helpers for the browser tests: Debian's Chromium through
// playwright-core, axe-core, and what a reader would check on a page.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);

export const sourceDir = process.env.EASYREAD_SOURCE_DIR ?? path.resolve(here, '../..');
export const binary = process.env.EASYREAD_BINARY ?? path.join(sourceDir, 'build/easyread');
// Pages, PDFs and screenshots go here, under the build folder.
export const outDir = process.env.EASYREAD_BROWSER_OUT ?? path.join(sourceDir, 'build/browser');
mkdirSync(outDir, { recursive: true });

export const templates = ['newsletter', 'minutes', 'leaflet', 'large-print', 'high-contrast'];
export const samples = ['minutes', 'newsletter'];

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Runs easyread; returns its standard output. Throws with its messages if it fails.
export function easyread(...args) {
  return execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function open(browser, file, width, initScript) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

// axe-core with the WCAG 2.2 A and AA rule tags: the rules broken, with a few places each.
export async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// How far the page scrolls sideways, in CSS px (0 is right).
export function sidewaysScroll(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) -
    document.documentElement.clientWidth);
}

// WCAG 1.4.12: the spacing a reader may set, which must break nothing.
export const textSpacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p, li, dt, dd { margin-bottom: 2em !important; }`;

// Text of every block in reading order, from the browser's accessibility
// tree: headings, paragraphs and terms, each as one string.
export async function readingOrder(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const blocks = new Set(['paragraph', 'heading', 'term']);
  const out = { blocks: [], images: 0 };
  const textOf = (node) => {
    if (!node || node.ignored) return '';
    if (node.role?.value === 'StaticText') return node.name?.value ?? '';
    return (node.childIds ?? []).map((id) => textOf(byId.get(id))).join('');
  };
  const walk = (node, inBlock) => {
    if (!node) return;
    const role = node.role?.value;
    if (!node.ignored && role === 'image') out.images += 1;
    const block = !inBlock && !node.ignored && blocks.has(role);
    if (block) out.blocks.push(textOf(node).replace(/\s+/g, ' ').trim());
    for (const id of node.childIds ?? []) walk(byId.get(id), inBlock || block);
  };
  walk(nodes.find((n) => !n.parentId), false);
  return out;
}

// Text of every block in the PDF's structure tree, in order (poppler's
// pdfinfo -struct-text), leaving out the contents page, bullets and page furniture.
export function pdfReadingOrder(pdf) {
  const lines = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' }).split('\n');
  const blocks = new Set(['P', 'H1', 'H2', 'Lbl', 'LBody']);
  const stack = [];  // {indent, role, entry}
  const entries = [];
  let figures = 0;
  for (const line of lines) {
    const indent = line.search(/\S/);
    if (indent < 0) continue;
    const text = line.trim();
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    if (text.startsWith('"')) {
      const owner = [...stack].reverse().find((s) => blocks.has(s.role) || s.role === 'Figure');
      if (owner?.entry) owner.entry.parts.push(JSON.parse(text));
      continue;
    }
    const role = text.split(' ')[0];
    const inToc = stack.some((s) => s.role === 'TOC');
    const item = { indent, role, entry: null };
    if (role === 'Figure') figures += 1;
    if (blocks.has(role) && !inToc) {
      item.entry = { role, parts: [] };
      entries.push(item.entry);
    }
    if (role === 'TOC') {
      // The contents page's own heading came just before its list.
      const last = entries[entries.length - 1];
      if (last && last.role === 'H1') entries.pop();
    }
    stack.push(item);
  }
  const texts = entries.map((e) => joinLines(e.parts.join(' ')))
    .filter((t) => t !== '' && !/^[•\u2022\-–]$/.test(t));
  return { blocks: texts, images: figures };
}

// What a reader checks on the page, measured from the DOM: each sentence at
// the text column's left edge, each picture beside (not over) its text,
// text at least 18 px, headings bigger than the text, and text on its
// background at least 4.5:1.
export function pageProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const num = (el, prop) => parseFloat(getComputedStyle(el)[prop]);
    const name = (el) => `"${el.textContent.trim().slice(0, 40)}"`;
    const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const row of document.querySelectorAll('.row')) {
      const box = row.getBoundingClientRect();
      const textLeft = box.left + num(row, 'paddingLeft') + num(row, 'borderLeftWidth');
      const blocks = [...row.querySelectorAll('.s')];
      for (const el of [...blocks.filter((s) => !s.closest('li')), ...row.querySelectorAll('ul')]) {
        const r = el.getBoundingClientRect();
        if (Math.abs(r.left - textLeft) > 0.5) problems.push(`${name(el)} starts at ${r.left}, not at the text column (${textLeft})`);
      }
      const pic = row.querySelector('.pic');
      if (!pic) continue;
      const p = pic.getBoundingClientRect();
      if (p.left < 0) problems.push(`a picture starts off the screen at ${p.left}`);
      if (p.width < 48) problems.push(`a picture is only ${p.width} px wide`);
      if (p.right > textLeft) problems.push(`a picture ends at ${p.right}, right of its text (${textLeft})`);
      for (const el of blocks) {
        for (const r of el.getClientRects()) {
          if (overlaps(p, r) && !(el.tagName === 'DT')) problems.push(`a picture covers ${name(el)}`);
        }
      }
    }
    for (const el of document.querySelectorAll('.s, li, button:not([hidden])')) {
      if (num(el, 'fontSize') < 18) problems.push(`${name(el)} is ${num(el, 'fontSize')} px, under 18 px`);
    }
    // Headings stand out: bigger than the body text, at every width.
    const body = num(document.body, 'fontSize');
    for (const el of document.querySelectorAll('h1, h2')) {
      if (num(el, 'fontSize') <= body) problems.push(`the heading ${name(el)} is ${num(el, 'fontSize')} px, not bigger than the text (${body} px)`);
    }
    const rgb = (text) => text.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const f = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let at = el; at; at = at.parentElement) {
        const c = rgb(getComputedStyle(at).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    };
    for (const el of document.querySelectorAll('.s, a, b, button:not([hidden])')) {
      const fg = luminance(rgb(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) problems.push(`${name(el)} has contrast ${ratio.toFixed(2)}:1, under 4.5:1`);
    }
    return problems;
  });
}

// Lines of text joined with single spaces, except after a hyphen where a
// word such as "self-advocacy" broke (easyread never adds hyphens).
export function joinLines(text) {
  return text.replace(/\s+/g, ' ').replace(/(\p{L})- (?=\p{L})/gu, '$1-').trim();
}

// Runs in the page before its own script: a speechSynthesis that records.
export const recorder = `(() => {
  const spoken = [];
  window.spoken = spoken;
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; } };
  const synth = {
    getVoices: () => [{ name: 'recorder', lang: 'en-GB' }],
    speak(words) {
      spoken.push({ text: words.text, lang: words.lang,
        marked: [...document.querySelectorAll('.speaking')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim()) });
      setTimeout(() => words.onend && words.onend(), 0);
    },
    cancel() {},
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
})();`;
