// The Make page's notes <-> form model (web/notes.js) on its own, with no
// server: notes read into the model and written back make the same PDF,
// byte for byte, and keep what the form has no field for.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { easyread, launch, outDir, sourceDir } from './support.mjs';

let browser;
let page;
const work = path.join(outDir, 'notes-model');

before(async () => {
  browser = await launch();
  page = await browser.newPage();
  await page.goto('about:blank');
  const source = readFileSync(path.join(sourceDir, 'web/notes.js'), 'utf8');
  await page.evaluate(async (src) => {
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    window.notes = await import(url);
  }, source);
  mkdirSync(work, { recursive: true });
  cpSync(path.join(sourceDir, 'tests/data/photos'), path.join(work, 'photos'), { recursive: true });
  cpSync(path.join(sourceDir, 'samples/photos'), path.join(work, 'photos'), { recursive: true });
});
after(async () => { await browser?.close(); });

const roundTrip = (xml) => page.evaluate((text) => window.notes.writeNotes(window.notes.readNotes(text)).xml, xml);

function pdfOf(name, xml) {
  const file = path.join(work, `${name}.xml`);
  writeFileSync(file, xml);
  easyread('build', file, '--no-check', '-q', '-o', path.join(work, `${name}.pdf`));
  return readFileSync(path.join(work, `${name}.pdf`));
}

test('marked words and runs turn into each other and back', async () => {
  const cases = ['Plain words.', 'We met the [[Commissioners]].', 'This is **not fair**.',
    'Read [our site](https://example.org/a?b=1&c=(2)).', 'Stars \\* and \\[ and \\\\ stay.',
    'A [ on its own, and ** on its own.'];
  for (const text of cases) {
    const back = await page.evaluate((t) => window.notes.runsToText(window.notes.textToRuns(t)), text);
    const runs = await page.evaluate((t) => window.notes.textToRuns(t), back);
    const again = await page.evaluate((t) => window.notes.textToRuns(t), text);
    assert.deepEqual(runs, again, text);
  }
  const runs = await page.evaluate(() => window.notes.textToRuns('Read [the rules](https://x.org/a\\)b) and [[minutes]] **now**'));
  assert.deepEqual(runs, [
    { style: 'plain', text: 'Read ' }, { style: 'link', text: 'the rules', href: 'https://x.org/a)b' },
    { style: 'plain', text: ' and ' }, { style: 'hard', text: 'minutes' }, { style: 'plain', text: ' ' },
    { style: 'bold', text: 'now' }]);
});

for (const [name, file] of [['every-feature', 'tests/data/every-feature.xml'],
  ['minutes', 'samples/minutes.xml'], ['newsletter', 'samples/newsletter.xml']]) {
  test(`${name}: read into the form and written back, the PDF is the same bytes`, async () => {
    const original = readFileSync(path.join(sourceDir, file), 'utf8');
    const saved = await roundTrip(original);
    const before = pdfOf(`${name}-original`, original);
    const afterSave = pdfOf(`${name}-saved`, saved);
    assert.ok(before.length > 1000);
    assert.ok(before.equals(afterSave), `${name}: the saved notes make a different PDF`);
    // Saving again changes nothing.
    assert.equal(await roundTrip(saved), saved);
  });
}

test('what the form has no field for is written back', async () => {
  const original = readFileSync(path.join(sourceDir, 'tests/data/every-feature.xml'), 'utf8');
  const saved = await roundTrip(original);
  for (const kept of ['<!-- Notes that use every part', '<!-- The end. -->', '<!-- Check this sentence',
    '<!-- Points before any section', 'ignore="long-sentence hard-word"', 'lang="cy"',
    'template="large-print"', '<checked by="Speak Up Together members" date="2027-03-17"/>',
    '<cover picture="1F91D" alt="2 hands shaking">', '<word term="minutes" picture="1F4DD" alt="A note">',
    '<link href="https://example.org/rules?a=1&amp;b=2">the rules</link>', '<point picture="none">',
    '<meeting date="2027-05-12" time="midday" place="The library"/>', 'Words in CDATA &lt;stay&gt;.',
    'Tea &amp; cake', '<hard>Commissioners</hard>', 'picture="photos/orientation-6.jpg"']) {
    assert.ok(saved.includes(kept), `the saved notes lost ${kept}`);
  }
  // Unknown parts and attributes stay too (easyread reports them; the form keeps them).
  const odd = '<easyread title="T" colour="blue"><section title="S" mood="x"><point>Hi.<sparkle>x</sparkle></point></section><extra a="1"/></easyread>';
  const back = await roundTrip(odd);
  for (const kept of ['colour="blue"', 'mood="x"', '<sparkle>x</sparkle>', '<extra a="1"/>']) {
    assert.ok(back.includes(kept), `lost ${kept}`);
  }
});

test('each problem line leads to its own point', async () => {
  const original = readFileSync(path.join(sourceDir, 'samples/minutes.xml'), 'utf8');
  const found = await page.evaluate((text) => {
    const doc = window.notes.readNotes(text);
    const { xml, places } = window.notes.writeNotes(doc);
    const lines = xml.split('\n');
    const section = doc.parts.find((p) => p.type === 'section');
    const point = section.blocks[1];
    const line = lines.findIndex((l) => l.includes('3 supporters came to help.')) + 1;
    return { id: window.notes.partAtLine(places, line), want: point.id,
      heading: window.notes.partAtLine(places, lines.findIndex((l) => l.includes('<section')) + 1), section: section.id };
  }, original);
  assert.equal(found.id, found.want);
  assert.equal(found.heading, found.section);
});
