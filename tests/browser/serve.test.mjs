// easyread serve in Chromium: the Home and Check pages. A reader pastes a
// letter, sees the hard words marked with plain words, uses one, and checks
// a Word file; all of it also with the keyboard alone. No axe faults, no
// sideways scrolling, and screenshots at 1280 and 320 px under the build folder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { axeViolations, launch, outDir, sidewaysScroll } from './support.mjs';
import { startServer } from './serve-support.mjs';

const letter = `Dear Sam,

The commissioners facilitated a meeting about your care.
Please come to the clinic on Monday at 10am.

From the team`;
const plainWord = 'person who plans and pays for services';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, 'the server stops cleanly on SIGTERM');
});

// A page of the server. Script blocked by the page's Content-Security-Policy
// is a fault: the browser says so on the console. axe is added as an inline
// script, so its own pages skip the policy (bypassCSP).
async function openPage(where, width, { bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP });
  const page = await context.newPage();
  page.policyFaults = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) page.policyFaults.push(m.text()); });
  await page.goto(server.url + where);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

// The smallest text, and the smallest button or link to press, in CSS px.
function sizes(page) {
  return page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0;
    const texts = [...document.querySelectorAll('p, li, label, dt, dd, a, button, textarea')].filter(visible);
    const targets = [...document.querySelectorAll('main a, main button, main input, main textarea')].filter(visible);
    return {
      text: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
      target: Math.min(...targets.map((el) => el.getBoundingClientRect().height)),
    };
  });
}

async function checkLetter(page) {
  await page.fill('#text', letter);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Check")')]);
}

function makeDocx() {
  const file = path.join(outDir, 'serve-letter.docx');
  execFileSync('/usr/bin/python3', ['-c', `
import docx, sys
d = docx.Document()
d.add_paragraph("Dear Sam,")
d.add_paragraph("The commissioners facilitated a meeting about your care.")
d.add_paragraph("From the team")
d.save(sys.argv[1])`, file]);
  return file;
}

describe('Home', () => {
  for (const width of [1280, 320]) {
    test(`at ${width} px: two big choices, big text, no axe faults`, async () => {
      const page = await openPage('/', width, { bypassCSP: true });
      await page.screenshot({ path: path.join(outDir, `serve-home-${width}.png`), fullPage: true });
      for (const name of ['Check my writing', 'Make an Easy Read document']) {
        const choice = page.locator('main a.choice', { hasText: name });
        assert.equal(await choice.count(), 1, name);
        assert.ok((await choice.boundingBox()).height >= 44, `${name} is big enough to press`);
      }
      const { text, target } = await sizes(page);
      assert.ok(text >= 18, `the smallest text is ${text} px`);
      assert.ok(target >= 44, `the smallest target is ${target} px`);
      assert.equal(await sidewaysScroll(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });
  }
});

describe('Check my writing', () => {
  test('paste a letter: "commissioners" is marked with a plain word; "Use this word" changes the box', async () => {
    const page = await openPage('/check', 1280);
    assert.equal(await page.getByLabel('Your writing').count(), 1);
    await checkLetter(page);
    assert.ok((await page.locator('.marked mark').allTextContents()).some((t) => t.startsWith('commissioners')));
    const item = page.locator('ol.found li', { hasText: '"commissioners"' });
    assert.match(await item.textContent(), new RegExp(plainWord));
    assert.equal(await page.locator('h2', { hasText: 'What I found' }).count(), 1);
    assert.match(await page.locator('.figures').textContent(), /Reading ease/);
    await item.getByRole('button', { name: /Use this word/ }).click();
    const box = await page.inputValue('#text');
    assert.ok(box.includes(`The ${plainWord} facilitated`), box);
    assert.ok(!box.includes('commissioners'));
    assert.deepEqual(page.policyFaults, [], 'the page policy lets check.js run');
    // The report is the writing as it is in the box now.
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.click('button:has-text("Download the report")')]);
    assert.match(download.suggestedFilename(), /\.html$/);
    await page.context().close();
  });

  test('upload a Word file and see what was found', async () => {
    const page = await openPage('/check', 1280);
    await page.setInputFiles('#file', makeDocx());
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Check")')]);
    assert.match(await page.locator('ol.found').textContent(), /commissioners/);
    assert.match(await page.inputValue('#text'), /The commissioners facilitated/);
    await page.context().close();
  });

  for (const width of [1280, 320]) {
    test(`at ${width} px: the form and the results have no axe faults and big text`, async () => {
      const page = await openPage('/check', width, { bypassCSP: true });
      await page.screenshot({ path: path.join(outDir, `serve-check-${width}.png`), fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
      await checkLetter(await openAgain(page));
      await page.screenshot({ path: path.join(outDir, `serve-check-results-${width}.png`), fullPage: true });
      const { text, target } = await sizes(page);
      assert.ok(text >= 18, `the smallest text is ${text} px`);
      assert.ok(target >= 24, `the smallest target is ${target} px`);
      assert.equal(await sidewaysScroll(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      await page.context().close();
    });
  }

  test('with the keyboard alone: from Home, check a letter and use a plain word', async () => {
    const page = await openPage('/', 1280);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return `${el.tagName.toLowerCase()} ${el.id} ${el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}`;
    });
    const tabTo = async (pattern, most = 20) => {
      for (let i = 0; i < most; i += 1) {
        await page.keyboard.press('Tab');
        if (pattern.test(await focused())) return;
      }
      assert.fail(`Tab never reached ${pattern}; last was ${await focused()}`);
    };
    await tabTo(/^a +Check my writing Find hard words/);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(/^textarea text/);
    await page.keyboard.type(letter);
    await tabTo(/^button check-button/);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabTo(/^button .*Use this word/);
    await page.keyboard.press('Enter');
    assert.ok((await page.inputValue('#text')).includes(plainWord));
    await page.context().close();
  });
});

// The page again at the same address, so a test can go on from the form.
async function openAgain(page) {
  await page.goto(server.url + '/check');
  return page;
}
