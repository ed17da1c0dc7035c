// The Pictures page on a running `easyread serve`: find pictures, choose
// some, print a sheet with each name under its picture; axe-core, the
// keyboard, 320 px and screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, outDir, sidewaysScroll } from './support.mjs';
import { browserAndServer, openPage, pdfText } from './make-support.mjs';

const live = browserAndServer();

async function choose(page, words, names) {
  await page.getByLabel('Words to find a picture').fill(words);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  for (const name of names) await page.locator('#found').getByRole('button', { name, exact: true }).click();
}

test('chosen pictures print as a sheet: each picture with its name, and nothing else', async () => {
  const page = await openPage(live.browser, live.server, '/pictures');
  await choose(page, 'bus', ['bus']);
  await choose(page, 'doctor', ['doctor', 'hospital']);
  const sheet = page.locator('#chosen li');
  assert.equal(await sheet.count(), 3);
  assert.deepEqual(await page.locator('#chosen .symbol-name').allInnerTexts(), ['bus', 'doctor', 'hospital']);
  // Pressed again, a picture comes off the sheet.
  assert.equal(await page.locator('#found').getByRole('button', { name: 'hospital', exact: true }).getAttribute('aria-pressed'), 'true');
  await page.locator('#found').getByRole('button', { name: 'hospital', exact: true }).click();
  assert.equal(await sheet.count(), 2);
  // Every picture on the sheet has loaded.
  await page.waitForFunction(() => [...document.querySelectorAll('#chosen img')].every((img) => img.complete && img.naturalWidth > 0));

  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const grid = getComputedStyle(document.querySelector('#chosen'));
    const items = [...document.querySelectorAll('#chosen li')].map((li) => {
      const img = li.querySelector('img').getBoundingClientRect();
      const name = li.querySelector('.symbol-name').getBoundingClientRect();
      return { nameUnder: name.top >= img.bottom - 1, breakInside: getComputedStyle(li).breakInside };
    });
    const shown = (sel) => [...document.querySelectorAll(sel)].some((el) => el.getClientRects().length > 0);
    return { display: grid.display, items, searchShown: shown('#find-form'), buttonsShown: shown('#chosen button, .buttons') };
  });
  assert.equal(layout.display, 'grid');
  for (const item of layout.items) assert.deepEqual(item, { nameUnder: true, breakInside: 'avoid' });
  assert.equal(layout.searchShown, false);
  assert.equal(layout.buttonsShown, false);
  const file = path.join(outDir, 'pictures-sheet.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const text = pdfText(file).trim();
  assert.equal(text, 'bus doctor');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the keyboard alone finds and chooses a picture', async () => {
  const page = await openPage(live.browser, live.server, '/pictures');
  await page.keyboard.press('Tab');  // the link to skip to the pictures
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.id === 'find-words')) break;
  }
  await page.keyboard.type('bus');
  await page.keyboard.press('Enter');
  await page.locator('#found button').first().waitFor();
  await page.keyboard.press('Tab');  // the Find button
  await page.keyboard.press('Tab');  // the first picture
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#chosen li').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-pressed')), 'true');
  await page.context().close();
});

for (const width of [1280, 320]) {
  test(`at ${width} px: no axe faults, nothing sideways, a screenshot`, async () => {
    const page = await openPage(live.browser, live.server, '/pictures', width, { bypassCSP: true });  // for axe's script
    assert.deepEqual(await axeViolations(page), [], 'with nothing chosen');
    await choose(page, 'meeting', []);
    await page.locator('#found button').nth(1).click();
    await page.waitForFunction(() => [...document.querySelectorAll('#found img')].every((img) => img.complete));
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await sidewaysScroll(page), 0);
    await page.screenshot({ path: path.join(outDir, `pictures-${width}.png`), fullPage: true });
    await page.context().close();
  });
}
