// The web page of `easyread check --format html` meets the same browser
// tests as the Easy Read page: no axe faults, and nothing scrolls sideways
// at 320 px, even with a long line, a long web address and a long file name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, binary, launch, open, outDir, sidewaysScroll, sourceDir, textSpacing } from './support.mjs';
import { spawnSync } from 'node:child_process';

let browser;
let report;
before(async () => {
  browser = await launch();
  const folder = path.join(outDir, 'report-input', 'a-folder-with-a-rather-long-name-for-a-small-phone');
  mkdirSync(folder, { recursive: true });
  const letter = path.join(folder, 'letter-about-the-care-pathway-and-the-commissioners.txt');
  writeFileSync(letter, [
    'Dear Sam,',
    'In order to facilitate the commissioning of services, the multidisciplinary team will convene on 12/03/2027; please see https://example.org/a/very/long/address/that/does/not/break/anywhere/at/all/ok for details.',
    'Supercalifragilisticexpialidociousnessabundantlyextraordinarily long words happen in copied text.',
    'We will review your care and support plan, which was agreed last year, and we will let you know.',
  ].join('\n'));
  report = path.join(outDir, 'check-report.html');
  const run = spawnSync(binary, ['check', '--no-settings', '--format', 'html', '-o', report, letter,
    path.join(sourceDir, 'samples', 'minutes.xml')], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
});
after(async () => { await browser?.close(); });

for (const width of [1280, 320]) {
  test(`the check report at ${width} px: no axe faults, nothing sideways, text at least 18 px`, async () => {
    const page = await open(browser, report, width);
    await page.screenshot({ path: path.join(outDir, `check-report-${width}.png`), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await sidewaysScroll(page), 0);
    const small = await page.evaluate(() => [...document.querySelectorAll('p, .text, .note-box, h1, h2')]
      .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 18).map((el) => el.textContent.slice(0, 40)));
    assert.deepEqual(small, []);
    await page.addStyleTag({ content: textSpacing });
    assert.equal(await sidewaysScroll(page), 0, 'with WCAG text spacing');
    await page.context().close();
  });
}
