// "Listen" reads a row's sentences aloud in order with the browser's own
// speech, marking the sentence being read. The browser's speech is replaced
// by a recorder, so the test hears exactly what would be said.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { easyread, launch, open, outDir, recorder, sourceDir } from './support.mjs';

const noSpeech = `Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });`;

let browser;
let file;
before(async () => {
  browser = await launch();
  file = path.join(outDir, 'speech-minutes.html');
  easyread('build', path.join(sourceDir, 'samples', 'minutes.xml'), '--no-check', '-q', '-o', file);
});
after(async () => { await browser?.close(); });

const clean = (texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

test('Listen speaks the row\'s sentences in order, marking each one', async () => {
  const page = await open(browser, file, 1280, recorder);
  // A row with a list: its sentences, then its bullet points.
  const row = page.locator('.row', { has: page.locator('ul') }).first();
  const expected = clean(await row.locator('.s').allTextContents());
  assert.ok(expected.length >= 2);
  await row.getByRole('button', { name: 'Listen' }).click();
  await page.waitForFunction((n) => window.spoken.length === n && !document.querySelector('.speaking'), expected.length);
  const spoken = await page.evaluate(() => window.spoken);
  assert.deepEqual(spoken.map((s) => s.text), expected);
  assert.deepEqual(spoken.map((s) => s.marked), expected.map((t) => [t]));
  assert.ok(spoken.every((s) => s.lang === 'en-GB'));
  assert.equal(await row.getByRole('button').textContent(), 'Listen');
  await page.context().close();
});

test('the page\'s Listen button reads everything from the title on', async () => {
  const page = await open(browser, file, 1280, recorder);
  const expected = clean(await page.locator('.s').allTextContents());
  await page.locator('button.listen.all').click();
  await page.waitForFunction((n) => window.spoken.length === n, expected.length);
  const spoken = await page.evaluate(() => window.spoken.map((s) => s.text));
  assert.deepEqual(spoken, expected);
  assert.ok(spoken.includes(await page.locator('h1').textContent()));
  await page.context().close();
});

test('a second press stops the reading', async () => {
  const page = await open(browser, file, 1280, recorder.replace("setTimeout(() => words.onend && words.onend(), 0);", ''));
  const button = page.locator('.row').first().getByRole('button');
  await button.click();
  assert.equal(await button.textContent(), 'Stop');
  assert.equal(await page.locator('.speaking').count(), 1);
  await button.click();
  assert.equal(await button.textContent(), 'Listen');
  assert.equal(await page.locator('.speaking').count(), 0);
  await page.context().close();
});

test('without speech in the browser, there is no Listen button', async () => {
  const page = await open(browser, file, 1280, noSpeech);
  assert.equal(await page.locator('button').count(), 0);
  await page.context().close();
});

test('with speech, each row and the cover get one Listen button', async () => {
  const page = await open(browser, file, 1280, recorder);
  const rows = await page.locator('.row').count();
  assert.ok(rows > 10);
  assert.equal(await page.locator('.row button.listen:visible').count(), rows);
  assert.equal(await page.locator('.cover button.listen.all:visible').count(), 1);
  await page.context().close();
});
