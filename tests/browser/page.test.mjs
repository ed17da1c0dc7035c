// The Easy Read web page of both samples in every template, in Chromium:
// no axe faults, the PDF's layout rules from the DOM at 1280 and 320 px,
// zoom and text spacing, printing, and the same reading order as the PDF.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  axeViolations, easyread, launch, open, outDir, pageProblems, pdfReadingOrder, readingOrder,
  samples, sidewaysScroll, sourceDir, templates, textSpacing,
} from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Width and height in points of the first page of a PDF.
function pageSize(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  return [Math.round(Number(w)), Math.round(Number(h))];
}

// The text of each printed page.
function pageTexts(pdf) {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f');
}

function build(sample, template) {
  const base = path.join(outDir, `${sample}-${template}`);
  easyread('build', path.join(sourceDir, 'samples', `${sample}.xml`), '-t', template, '--no-check', '-q',
    '--format', 'pdf,html', '-o', `${base}.pdf`);
  return { html: `${base}.html`, pdf: `${base}.pdf`, base };
}

for (const sample of samples) {
  for (const template of templates) {
    describe(`${sample} in ${template}`, () => {
      let files;
      before(() => { files = build(sample, template); });

      for (const width of [1280, 320]) {
        test(`at ${width} px: no axe faults, nothing sideways, pictures beside sentences`, async () => {
          const page = await open(browser, files.html, width);
          await page.screenshot({ path: `${files.base}-${width}.png`, fullPage: true });
          assert.deepEqual(await axeViolations(page), []);
          assert.equal(await sidewaysScroll(page), 0);
          assert.deepEqual(await pageProblems(page), []);
          await page.context().close();
        });
      }

      test('zoomed to 200% and with WCAG text spacing: nothing breaks', async () => {
        // 200% zoom of a 1280 px window is a 640 px CSS viewport.
        for (const width of [640, 320]) {
          const page = await open(browser, files.html, width);
          await page.addStyleTag({ content: textSpacing });
          assert.equal(await sidewaysScroll(page), 0, `at ${width} px`);
          assert.deepEqual(await pageProblems(page), [], `at ${width} px`);
          await page.context().close();
        }
      });

      test('the reading order is the PDF\'s, sentence for sentence', async () => {
        const page = await open(browser, files.html, 1280);
        const web = await readingOrder(page);
        const pdf = pdfReadingOrder(files.pdf);
        assert.deepEqual(web.blocks, pdf.blocks);
        assert.equal(web.images, pdf.images);
        await page.context().close();
      });

      test('printing gives A4 pages with rows never split', async () => {
        const page = await open(browser, files.html, 1280);
        await page.emulateMedia({ media: 'print' });
        const rules = await page.evaluate(() => {
          const row = getComputedStyle(document.querySelector('.row'));
          const heading = document.querySelector('h2');
          return { row: row.breakInside, heading: heading ? getComputedStyle(heading).breakAfter : 'avoid',
            buttons: [...document.querySelectorAll('button')].every((b) => getComputedStyle(b).display === 'none') };
        });
        assert.deepEqual(rules, { row: 'avoid', heading: 'avoid', buttons: true });
        const rows = await page.evaluate(() => [...document.querySelectorAll('.row')].map((row) =>
          [...row.querySelectorAll('.s')].map((s) => s.textContent.replace(/\s+/g, ' ').trim())));
        const printed = `${files.base}-printed.pdf`;
        await page.pdf({ path: printed, preferCSSPageSize: true, printBackground: true });
        const [width, height] = pageSize(printed);
        assert.deepEqual([width, height], template === 'leaflet' ? [420, 595] : [595, 842]);
        const pages = pageTexts(printed);
        for (const sentences of rows) {
          // Some one printed page holds every sentence of the row. pdftotext
          // drops a hyphen where a line broke ("self-advocacy"), so spaces
          // and hyphens are left out on both sides.
          const squash = (text) => text.replace(/[\s-]+/g, '');
          assert.ok(pages.some((text) => sentences.every((s) => squash(text).includes(squash(s)))),
            `the row "${sentences.join(' ')}" is split between pages`);
        }
        await page.context().close();
      });

      test('printed on A4 from the print dialog: no page ends with a heading', async () => {
        const page = await open(browser, files.html, 1280);
        await page.emulateMedia({ media: 'print' });
        // Each section heading with the first sentence of the row after it.
        const headings = await page.evaluate(() => [...document.querySelectorAll('h2')].map((h) => {
          const all = [...document.querySelectorAll('h2, .row')];
          const row = all.slice(all.indexOf(h) + 1).find((e) => e.matches('.row'));
          const first = row?.querySelector('.s');
          return { heading: h.textContent.replace(/\s+/g, ' ').trim(),
            first: first ? first.textContent.replace(/\s+/g, ' ').trim() : '' };
        }));
        assert.ok(headings.length > 0);
        const printed = `${files.base}-printed-a4.pdf`;
        await page.pdf({ path: printed, format: 'A4', printBackground: true });
        const pages = pageTexts(printed);
        const squash = (text) => text.replace(/[\s-]+/g, '');
        for (const { heading, first } of headings) {
          // The page with the heading and its first row (a list of contents
          // may name the heading on another page).
          const at = pages.findIndex((text) => squash(text).includes(squash(heading) + squash(first)));
          assert.ok(at >= 0, `"${heading}" is printed on the same page as its first row`);
          // The last line with words on that page is not the heading (or its end, if it wrapped).
          const lines = pages[at].split('\n').filter((line) => line.trim() !== '');
          const last = squash(lines[lines.length - 1]);
          assert.ok(last.length < 3 || !squash(heading).endsWith(last), `page ${at + 1} ends with "${heading}"`);
        }
        await page.context().close();
      });
    });
  }
}
