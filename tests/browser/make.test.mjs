// The "Make an Easy Read document" page on a running `easyread serve`:
// a two-part document with a picture found by search and an own photo,
// the PDF read back, saving and opening notes, a round trip of every markup
// feature, the problems beside each point, the live preview, the keyboard
// alone, axe-core, 320 px and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { axeViolations, easyread, outDir, recorder, sidewaysScroll, sourceDir } from './support.mjs';
import {
  block, browserAndServer, downloadBy, inOrder, openPage, pdfText, previewFrame, previewText,
} from './make-support.mjs';

const photo = path.join(sourceDir, 'tests/data/photos/orientation-6.jpg');
const live = browserAndServer();

// Fills in a two-part document: part 1 with a picture found by search,
// part 2 with an own photo.
async function fillTwoParts(page) {
  await page.getByLabel('Title').fill('Our group meeting');
  await page.getByLabel('Date of the meeting').fill('2027-03-10');
  await page.getByLabel('Name of your group').fill('Speak Up Together');
  await page.getByLabel('Heading').first().fill('The bus pass');
  const first = block(page, 0);
  await first.getByLabel('What you want to say').fill('The council wants to change the bus pass.\nWe think this is **not fair**.');
  await first.getByRole('button', { name: 'Find a picture' }).click();
  await first.getByLabel('Words to find a picture').fill('bus');
  await first.getByRole('button', { name: 'Find', exact: true }).click();
  await first.getByRole('button', { name: 'bus', exact: true }).click();
  await assert.doesNotReject(first.getByText('Picture: bus').waitFor());

  await page.getByRole('button', { name: 'Add a part' }).click();
  await page.getByLabel('Heading').nth(1).fill('Our garden');
  const second = block(page, 1);
  await second.getByLabel('What you want to say').fill('We planted flowers in the garden.\nEveryone helped.');
  await second.getByRole('button', { name: 'Use my own photo' }).click();
  await second.getByLabel('Your photo').setInputFiles(photo);
  await second.getByLabel('What the picture shows').fill('Our garden in spring');
}

const sentences = ['Our group meeting', 'The bus pass', 'The council wants to change the bus pass.',
  'We think this is not fair.', 'Our garden', 'We planted flowers in the garden.', 'Everyone helped.'];

test('a two-part document with a found picture and an own photo: the PDF, saving and opening', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await fillTwoParts(page);
  const pdf = await downloadBy(page, () => page.getByRole('button', { name: 'Download PDF' }).click(), 'make-two-parts.pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf.file);
  assert.equal(inOrder(text, sentences), null);
  assert.match(text, /Page \d+ of \d+ $/, 'the footer');
  assert.match(text, /Pictures: OpenMoji/, 'the pictures\' credit');
  // The own photo is in the PDF (a JPEG, stored as it is); the found symbol is drawn as a vector.
  const images = execFileSync('pdfimages', ['-list', pdf.file], { encoding: 'utf8' });
  assert.match(images, /\bjpeg\b/, 'the photo is missing from the PDF');

  // The web page and the Word file have the same sentences in the same order.
  const web = await downloadBy(page, () => page.getByRole('button', { name: 'Download web page' }).click(), 'make-two-parts.html');
  const webText = web.bytes.toString('utf8').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
  assert.equal(inOrder(webText, sentences), null);
  const word = await downloadBy(page, () => page.getByRole('button', { name: 'Download Word' }).click(), 'make-two-parts.docx');
  const unzip = (what) => execFileSync('python3', ['-c', `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read('word/document.xml').decode() if sys.argv[2] == 'text' else '\\n'.join(z.namelist()))`,
  word.file, what], { encoding: 'utf8' });
  assert.equal(inOrder(unzip('text').replace(/<[^>]+>/g, '').replace(/\s+/g, ' '), sentences.slice(1)), null);
  assert.match(unzip('names'), /word\/media\/\S+\.(jpe?g|png)/, 'the photo');

  const notes = await downloadBy(page, () => page.getByRole('button', { name: 'Save my notes' }).click(), 'make-two-parts.xml');
  const xml = notes.bytes.toString('utf8');
  assert.match(xml, /<section title="The bus pass">/);
  assert.match(xml, /picture="1F68C"/);
  assert.match(xml, /picture="orientation-6.jpg" alt="Our garden in spring"/);
  assert.match(xml, /this is <b>not fair<\/b>\./);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // A new browser (no draft kept): open the notes and the photo, and get the same PDF.
  const again = await openPage(live.browser, live.server, '/make');
  await again.locator('#open-notes').setInputFiles([notes.file, photo]);
  await again.getByText('are open').waitFor();
  assert.equal(await again.getByLabel('Title').inputValue(), 'Our group meeting');
  const pdf2 = await downloadBy(again, () => again.getByRole('button', { name: 'Download PDF' }).click(), 'make-two-parts-again.pdf');
  assert.ok(pdf2.bytes.equals(pdf.bytes), 'the opened notes make other PDF bytes');
  await again.context().close();
});

test('every markup feature survives opening and saving through the form', async () => {
  const original = path.join(sourceDir, 'tests/data/every-feature.xml');
  const page = await openPage(live.browser, live.server, '/make');
  await page.locator('#open-notes').setInputFiles([original,
    path.join(sourceDir, 'tests/data/photos/alpha.png'), photo]);
  await page.getByText('are open').waitFor();
  const saved = await downloadBy(page, () => page.getByRole('button', { name: 'Save my notes' }).click(), 'every-feature-saved.xml');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Built by the command line from the same folder, the saved notes give the original's PDF.
  const work = path.join(outDir, 'make-round-trip');
  mkdirSync(work, { recursive: true });
  cpSync(path.join(sourceDir, 'tests/data/photos'), path.join(work, 'photos'), { recursive: true });
  writeFileSync(path.join(work, 'original.xml'), readFileSync(original));
  writeFileSync(path.join(work, 'saved.xml'), saved.bytes);
  for (const name of ['original', 'saved']) {
    easyread('build', path.join(work, `${name}.xml`), '--no-check', '-q', '-o', path.join(work, `${name}.pdf`));
  }
  const a = readFileSync(path.join(work, 'original.pdf'));
  const b = readFileSync(path.join(work, 'saved.pdf'));
  assert.ok(a.equals(b), 'the saved notes make a different PDF from the original');
});

test('a file that is not notes is not opened, and the form stays as it was', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await page.getByLabel('Title').fill('Still here');
  await page.locator('#open-notes').setInputFiles(path.join(sourceDir, 'tests/data/bad-xml.xml'));
  await page.getByText('This file has a mistake in its tags').waitFor();
  assert.equal(await page.getByLabel('Title').inputValue(), 'Still here');
  await page.context().close();
});

test('each point shows its own problems as you type', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await page.getByLabel('Heading').first().fill('Money');
  await page.getByRole('button', { name: 'Add a point' }).click();
  await block(page, 0).getByLabel('What you want to say').fill('We will pay for the bus.');
  await block(page, 1).getByLabel('What you want to say').fill('We will utilise the money.');
  const problems = block(page, 1).locator('.problems');
  await problems.getByText('"utilise" is jargon').waitFor({ timeout: 5000 });
  assert.match(await problems.innerText(), /Try "use" instead/);
  assert.equal(await block(page, 0).locator('.problems li').count(), 0, 'the first point has no problems');
  // With no title yet, the words are checked all the same, and the title's box says it is needed.
  assert.match(await page.locator('#problems-document').innerText(), /no title/);
  await page.getByLabel('Title').fill('Problems');
  await page.waitForFunction(() => document.querySelector('#problems-document').textContent === '');
  // A hard word with no word list entry is a mistake beside its point, and adding the word fixes it.
  await block(page, 0).getByLabel('What you want to say').fill('We met the [[commissioners]].');
  await block(page, 0).locator('.problems').getByText('commissioners').waitFor({ timeout: 5000 });
  await page.getByRole('button', { name: 'Add a word' }).click();
  await page.getByLabel('The hard word').fill('commissioner');
  await page.getByLabel('What it means').fill('A person who pays for services.');
  await page.waitForFunction(() => !document.querySelector('fieldset.block .problems li.error'), null, { timeout: 5000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the preview shows the last change, as a web page with its own styles', async () => {
  const page = await openPage(live.browser, live.server, '/make', 1280, {}, recorder);
  await page.getByLabel('Title').fill('Preview');
  await page.getByLabel('Heading').first().fill('First part');
  const words = block(page, 0).getByLabel('What you want to say');
  await words.fill('We met on Monday.');
  const frame = previewFrame(page);
  await frame.getByText('We met on Monday.').waitFor({ timeout: 10000 });
  // Several quick changes: only the last one is shown.
  for (const day of ['Tuesday', 'Wednesday', 'Thursday']) await words.fill(`We met on ${day}.`);
  // How fast it follows is measured by bench/preview.mjs, not here.
  await frame.getByText('We met on Thursday.').waitFor({ timeout: 10000 });
  assert.doesNotMatch(await previewText(page), /Wednesday/);
  // The page keeps its own styles (the server's own security rules, not the editor's).
  const style = await frame.locator('h1').evaluate((h1) => ({
    font: getComputedStyle(h1).fontFamily, rows: document.querySelectorAll('.row').length,
  }));
  assert.match(style.font, /Andika/);
  assert.ok(style.rows >= 1);
  // Its read-aloud script runs: "Listen" reads the row (the browser's speech is a recorder here).
  await frame.locator('.row').getByRole('button', { name: 'Listen' }).first().click();
  const shown = await page.locator('.make-preview iframe:not([hidden])').elementHandle();
  await (await shown.contentFrame()).waitForFunction(() => window.spoken.length >= 1);
  const spoken = await frame.locator('body').evaluate(() => window.spoken.map((s) => s.text));
  assert.deepEqual(spoken, ['We met on Thursday.']);
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('points move up and down, and the keyboard stays on the point moved', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await page.getByLabel('Title').fill('Order');
  await page.getByLabel('Heading').first().fill('Things');
  await block(page, 0).getByLabel('What you want to say').fill('First thing.');
  await page.getByRole('button', { name: 'Add a point' }).click();
  await block(page, 1).getByLabel('What you want to say').fill('Second thing.');
  await page.getByRole('button', { name: 'Move point 2 up' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Move point 1 down');
  const notes = await downloadBy(page, () => page.getByRole('button', { name: 'Save my notes' }).click(), 'make-order.xml');
  const xml = notes.bytes.toString();
  assert.ok(xml.indexOf('Second thing.') < xml.indexOf('First thing.'), xml);
  await page.context().close();
});

test('the draft stays in this browser after a reload', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await page.getByLabel('Title').fill('Kept in the browser');
  await page.waitForFunction(() => localStorage.getItem('easyread-make-notes')?.includes('Kept in the browser'));
  await page.reload();
  await page.waitForSelector('body[data-ready="yes"]');
  assert.equal(await page.getByLabel('Title').inputValue(), 'Kept in the browser');
  await page.context().close();
});

// Presses Tab until the focused element has this label (a person who cannot
// use a mouse does the same).
async function tabTo(page, name) {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent;
      return label.replace(/\s+/g, ' ').trim();
    });
    if (here === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('the keyboard alone makes a document and downloads it', async () => {
  const page = await openPage(live.browser, live.server, '/make');
  await tabTo(page, 'Title');
  await page.keyboard.type('Made with the keyboard');
  await tabTo(page, 'Heading');
  await page.keyboard.type('The bus');
  await tabTo(page, 'What you want to say');
  await page.keyboard.type('We took the bus to town.');
  await tabTo(page, 'Find a picture');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bus');  // the search box has the focus now
  await page.keyboard.press('Enter');
  await page.locator('button.symbol').first().waitFor();
  await tabTo(page, 'Find');
  await page.keyboard.press('Tab');  // the first picture found
  await page.keyboard.press('Enter');
  await page.getByText('Picture: bus').waitFor();
  await tabTo(page, 'Download PDF');
  const pdf = await downloadBy(page, () => page.keyboard.press('Enter'), 'make-keyboard.pdf');
  assert.equal(inOrder(pdfText(pdf.file), ['Made with the keyboard', 'The bus', 'We took the bus to town.']), null);
  await tabTo(page, 'Save my notes');
  const notes = await downloadBy(page, () => page.keyboard.press('Enter'), 'make-keyboard.xml');
  assert.match(notes.bytes.toString(), /picture="1F68C"/);
  await page.context().close();
});

for (const width of [1280, 320]) {
  test(`at ${width} px: no axe faults, nothing sideways, a screenshot`, async () => {
    const page = await openPage(live.browser, live.server, '/make', width, { bypassCSP: true });  // for axe's script
    await fillTwoParts(page);
    await block(page, 0).getByLabel('What you want to say').fill('We will utilise the [[bus pass]].');
    await block(page, 0).locator('.problems li').first().waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Add a word' }).click();
    await block(page, 1).getByRole('button', { name: 'Find a picture' }).click();
    await page.locator('details.more summary').click();
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await sidewaysScroll(page), 0);
    await page.screenshot({ path: path.join(outDir, `make-${width}.png`), fullPage: true });
    await page.context().close();
  });
}
